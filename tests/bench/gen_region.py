#!/usr/bin/env python3
"""Writes a region-sized aula content folder for benchmarks.

A whole wellbeing services county: by default 5,000 services, 500
organisations, 2,000 weekly activities, 1,500 contact persons and 400
locations, with texts in fi, sv and en (and ar for every tenth service).
The content is synthetic but shaped like the real thing: per-language
columns, lists of categories, opening hours with lunch breaks, holiday
exceptions for everything, activities with RRULEs, EXDATEs and changes.

usage: gen_region.py OUT_DIR [--services N] [--organizations N] [--activities N]
"""
import argparse
import csv
import os
import random

CATEGORIES = ["raskaus", "neuvola", "arki", "ero", "varhaiskasvatus", "vertaistuki",
              "kohtaamispaikat", "kriisi", "monikielinen"]
AGES = [("odottavat", None, None), ("ika-0-1", 0, 1), ("ika-1-3", 1, 3),
        ("ika-3-6", 3, 6), ("ika-7-12", 7, 12), ("ika-13-17", 13, 17)]
WORDS_FI = ["perhe", "vauva", "neuvola", "tuki", "ryhmä", "kahvila", "leikki", "vanhemmat",
            "lapset", "arki", "ilta", "kerho", "äiti", "isä", "sisarukset", "yhdessä"]
WORDS_SV = ["familj", "baby", "rådgivning", "stöd", "grupp", "café", "lek", "föräldrar",
            "barn", "vardag", "kväll", "klubb", "mamma", "pappa", "syskon", "tillsammans"]
WORDS_EN = ["family", "baby", "clinic", "support", "group", "café", "play", "parents",
            "children", "everyday", "evening", "club", "mother", "father", "siblings",
            "together"]
DAYS = ["MO", "TU", "WE", "TH", "FR"]


def sentence(rnd, words, n):
    return " ".join(rnd.choice(words) for _ in range(n)).capitalize() + "."


def writer(path, header):
    f = open(path, "w", newline="", encoding="utf-8")
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    return f, w


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--services", type=int, default=5000)
    ap.add_argument("--organizations", type=int, default=500)
    ap.add_argument("--activities", type=int, default=2000)
    ap.add_argument("--contacts", type=int, default=1500)
    ap.add_argument("--locations", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    p = lambda name: os.path.join(a.out, name)

    f, w = writer(p("site.csv"), ["id", "region", "default_language", "languages", "timezone",
                                  "name@fi", "name@sv", "name@en"])
    w.writerow(["region", "benchmark", "fi", "fi sv en ar", "Europe/Helsinki",
                "Hyvinvointialue", "Välfärdsområdet", "Wellbeing county"])
    f.close()

    f, w = writer(p("categories.csv"), ["id", "kind", "icon", "age_min", "age_max",
                                        "name@fi", "name@sv", "name@en", "name@ar"])
    for c in CATEGORIES:
        w.writerow([c, "category", "family", "", "", c.capitalize(), c, c, "فئة"])
    for (c, lo, hi) in AGES:
        w.writerow([c, "age_group", "", lo if lo is not None else "",
                    hi if hi is not None else "", c, c, c, "عمر"])
    f.close()

    f, w = writer(p("organizations.csv"), ["id", "kind", "name@fi", "name@sv", "name@en",
                                           "description@fi", "description@sv",
                                           "description@en", "website", "phone", "email"])
    for i in range(a.organizations):
        w.writerow([f"org-{i}", rnd.choice(["public", "ngo", "parish"]),
                    f"Organisaatio {i}", f"Organisation {i}", f"Organisation {i}",
                    sentence(rnd, WORDS_FI, 20), sentence(rnd, WORDS_SV, 20),
                    sentence(rnd, WORDS_EN, 20), f"https://example.org/org/{i}",
                    f"+358 40 000 {i:04d}", f"org{i}@example.org"])
    f.close()

    f, w = writer(p("locations.csv"), ["id", "name@fi", "name@sv", "name@en", "street_address",
                                       "postal_code", "city", "latitude", "longitude",
                                       "step_free", "accessible_toilet"])
    for i in range(a.locations):
        w.writerow([f"loc-{i}", f"Toimipiste {i}", f"Verksamhetsställe {i}", f"Site {i}",
                    f"Esimerkkikatu {i + 1}", f"{rnd.randint(0, 99999):05d}", "Esimerkkilä",
                    f"{60 + rnd.random() * 4:.5f}", f"{22 + rnd.random() * 8:.5f}",
                    rnd.choice(["yes", "no", ""]), rnd.choice(["yes", "no"])])
    f.close()

    f, w = writer(p("services.csv"), ["id", "organization", "name@fi", "name@sv", "name@en",
                                      "name@ar", "description@fi", "description@sv",
                                      "description@en", "description@ar", "categories",
                                      "age_groups", "languages", "locations", "phone", "email",
                                      "website"])
    for i in range(a.services):
        ar = i % 10 == 0
        w.writerow([f"svc-{i}", f"org-{i % a.organizations}", f"Palvelu {i} " +
                    rnd.choice(WORDS_FI), f"Tjänst {i}", f"Service {i}",
                    "خدمة" if ar else "", sentence(rnd, WORDS_FI, 30),
                    sentence(rnd, WORDS_SV, 30), sentence(rnd, WORDS_EN, 30),
                    "وصف الخدمة للعائلات" if ar else "",
                    " ".join(rnd.sample(CATEGORIES, 2)),
                    " ".join(x[0] for x in rnd.sample(AGES, 2)),
                    "fi sv en" if i % 3 else "fi",
                    f"loc-{i % a.locations}", f"+358 9 000 {i:04d}", f"svc{i}@example.org",
                    f"https://example.org/svc/{i}"])
    f.close()

    f, w = writer(p("contacts.csv"), ["id", "organization", "name", "services", "title@fi",
                                      "title@sv", "title@en", "responsibilities@fi",
                                      "responsibilities@en", "phone", "email", "languages"])
    for i in range(a.contacts):
        w.writerow([f"person-{i}", f"org-{i % a.organizations}", f"Henkilö {i}",
                    f"svc-{(i * 3) % a.services} svc-{(i * 3 + 1) % a.services}",
                    "Perhetyöntekijä", "Familjearbetare", "Family worker",
                    sentence(rnd, WORDS_FI, 15), sentence(rnd, WORDS_EN, 15),
                    f"+358 50 000 {i:04d}", f"person{i}@example.org", "fi en"])
    f.close()

    f, w = writer(p("opening_hours.csv"), ["target", "days", "opens", "closes"])
    for i in range(a.services):
        w.writerow([f"svc-{i}", "ma-pe", "8.00", "11.30"])
        w.writerow([f"svc-{i}", "ma-pe", "12.00", "16.00"])
    for i in range(a.locations):
        w.writerow([f"loc-{i}", "ma-pe", "7.30", "18.00"])
    f.close()

    f, w = writer(p("opening_exceptions.csv"), ["target", "date", "closed", "opens", "closes",
                                                "note@fi", "note@sv", "note@en"])
    for d in ["2026-12-24", "2026-12-25", "2026-12-26", "2027-01-01", "2027-01-06"]:
        w.writerow(["*", d, "yes", "", "", "Suljettu", "Stängt", "Closed"])
    f.close()

    f, w = writer(p("activities.csv"), ["id", "organization", "service", "location",
                                        "categories", "age_groups", "languages", "name@fi",
                                        "name@sv", "name@en", "description@fi",
                                        "description@en", "start", "duration", "rrule",
                                        "exdates", "skip_holidays"])
    changes = []
    for i in range(a.activities):
        day = i % 5
        start = f"2026-08-{17 + day:02d} {9 + i % 9:02d}:{(i % 4) * 15:02d}"
        rule = f"FREQ=WEEKLY;BYDAY={DAYS[day]}"
        if i % 7 == 0:
            rule = f"FREQ=WEEKLY;INTERVAL=2;BYDAY={DAYS[day]}"
        if i % 11 == 0:
            rule = f"FREQ=MONTHLY;BYDAY={DAYS[day]};BYSETPOS=1"
        w.writerow([f"act-{i}", f"org-{i % a.organizations}", f"svc-{i % a.services}",
                    f"loc-{i % a.locations}", rnd.choice(CATEGORIES), AGES[i % 6][0], "fi",
                    f"Ryhmä {i}", f"Grupp {i}", f"Group {i}", sentence(rnd, WORDS_FI, 25),
                    sentence(rnd, WORDS_EN, 25), start, 90, rule,
                    "2026-10-12 2026-10-13 2026-10-14 2026-10-15 2026-10-16", "yes"])
        if i % 5 == 0:
            changes.append([f"act-{i}", f"2026-12-{1 + day:02d}", "cancelled",
                            "Peruttu", "Cancelled"])
    f.close()

    f, w = writer(p("activity_changes.csv"), ["activity", "date", "status", "note@fi",
                                              "note@en"])
    for c in changes:
        w.writerow(c)
    f.close()
    print(f"{a.out}: {a.services} services, {a.organizations} organisations, "
          f"{a.activities} activities, {a.contacts} contacts, {a.locations} locations")


if __name__ == "__main__":
    main()
