#!/usr/bin/env python3
"""Writes a region-sized PTV Open API export for the import benchmark:
500 organisations, 5,000 services, 1,500 service locations (addresses in
EPSG:3067, weekly, exceptional and over-midnight hours), 500 phone and 500
web page channels, as API pages of 1,000 items (as /api/v11/... list
endpoints return them). Texts in fi, sv and en, some in se and ar.
usage: gen_ptv.py OUT_DIR [SERVICES]"""
import json
import os
import random
import sys
import uuid

out = sys.argv[1]
nserv = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
norg, nloc, nphone, nweb = nserv // 10, nserv * 3 // 10, nserv // 10, nserv // 10
rnd = random.Random(42)
os.makedirs(out, exist_ok=True)


def uid():
    return str(uuid.UUID(int=rnd.getrandbits(128), version=4))


def texts(fi, sv, en, kind=None, extra=None):
    v = [{"language": "fi", "value": fi}, {"language": "sv", "value": sv},
         {"language": "en", "value": en}]
    v += extra or []
    if kind:
        for t in v:
            t["type"] = kind
    return v


SERV = ["Äitiysneuvola", "Lastenneuvola", "Perheneuvola", "Puheterapia", "Lastenvalvoja",
        "Perhetyö", "Kotipalvelu", "Varhaiskasvatus", "Eroauttaminen", "Perhekahvila"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
orgs = [uid() for _ in range(norg)]
locs = [uid() for _ in range(nloc)]
phones = [uid() for _ in range(nphone)]
webs = [uid() for _ in range(nweb)]
items = []
for i, o in enumerate(orgs):
    items.append({"id": o, "organizationType": rnd.choice(["Municipality", "Organization",
                                                            "WellbeingServiceCounty", "Company"]),
                  "organizationNames": texts(f"Organisaatio {i}", f"Organisation {i}",
                                             f"Organisation {i}", "Name"),
                  "organizationDescriptions": texts("Järjestää palveluja perheille. " * 3,
                                                    "Ordnar tjänster för familjer. " * 3,
                                                    "Provides services for families. " * 3,
                                                    "Summary"),
                  "phoneNumbers": [{"prefixNumber": "+358", "number": f"40{i:07d}",
                                    "language": "fi"}],
                  "emails": [{"language": "fi", "value": f"info{i}@example.org"}],
                  "webPages": [{"url": f"https://example.org/org/{i}", "language": "fi"}],
                  "publishingStatus": "Published"})
for i, c in enumerate(locs):
    n = 6672118.38 + rnd.uniform(-50000, 500000)
    e = 385611.32 + rnd.uniform(-100000, 200000)
    items.append({"id": c, "serviceChannelType": "ServiceLocation",
                  "organizationId": orgs[i % norg],
                  "serviceChannelNames": texts(f"Toimipiste {i}", f"Verksamhetsställe {i}",
                                               f"Office {i}", "Name",
                                               [{"type": "Name", "language": "se",
                                                 "value": f"Doaibmabáiki {i}"}]),
                  "supportPhones": [{"prefixNumber": "+358", "number": f"9{i:07d}",
                                     "language": "fi"}],
                  "addresses": [{"type": "Location", "subType": "Single", "streetAddress": {
                      "street": texts("Perhekuja", "Familjegränd", "Family Lane"),
                      "streetNumber": str(i % 90 + 1), "postalCode": f"{i % 99000:05d}",
                      "postOffice": texts("HELSINKI", "HELSINGFORS", "HELSINKI"),
                      "latitude": f"{n:.3f}", "longitude": f"{e:.3f}",
                      "coordinateState": "Ok",
                      "additionalInformation": texts("Sisäänkäynti pihan puolelta.",
                                                     "Ingång från gården.",
                                                     "Entrance from the yard.")}}],
                  "serviceHours": [
                      {"serviceHourType": "Standard", "validForNow": True, "openingHour": [
                          {"dayFrom": "Monday", "dayTo": "Thursday", "from": "08:00:00",
                           "to": "16:00:00"},
                          {"dayFrom": "Friday", "from": "08:00:00", "to": "14:00:00"}]},
                      {"serviceHourType": "Exception", "validFrom": "2026-12-24T00:00:00",
                       "validTo": "2026-12-26T00:00:00", "isClosed": True,
                       "additionalInformation": texts("Joulu", "Jul", "Christmas")}] +
                  ([{"serviceHourType": "Special", "validForNow": True, "openingHour": [
                      {"dayFrom": "Friday", "dayTo": "Saturday", "from": "22:00",
                       "to": "04:00"}]}] if i % 10 == 0 else []),
                  "publishingStatus": "Published"})
for i, c in enumerate(phones):
    items.append({"id": c, "serviceChannelType": "Phone", "organizationId": orgs[i % norg],
                  "serviceChannelNames": texts(f"Puhelin {i}", f"Telefon {i}", f"Phone {i}",
                                               "Name"),
                  "supportPhones": [{"prefixNumber": "+358", "number": f"50{i:07d}",
                                     "language": "fi"}],
                  "publishingStatus": "Published"})
for i, c in enumerate(webs):
    items.append({"id": c, "serviceChannelType": "WebPage", "organizationId": orgs[i % norg],
                  "serviceChannelNames": texts(f"Sivu {i}", f"Sida {i}", f"Page {i}", "Name"),
                  "webPages": [{"url": f"https://example.org/page/{i}", "language": "fi"}],
                  "publishingStatus": "Published"})
for i in range(nserv):
    base = SERV[i % len(SERV)]
    items.append({"id": uid(), "type": "Service",
                  "serviceNames": texts(f"{base} {i}", f"Tjänst {i}", f"Service {i}", "Name",
                                        [{"type": "Name", "language": "ar",
                                          "value": f"خدمة {i}"}] if i % 5 == 0 else []),
                  "serviceDescriptions": texts(
                      "Palvelu tukee lapsiperheitä arjessa ja auttaa löytämään oikean avun. " * 4,
                      "Tjänsten stöder barnfamiljer i vardagen och hjälper dem att hitta rätt. " * 4,
                      "The service supports families with children in everyday life. " * 4,
                      "Summary"),
                  "languages": ["fi", "sv", "en"],
                  "serviceClasses": [{"code": f"P{i % 12 + 1}.{i % 3 + 1}",
                                      "name": texts(f"Luokka {i % 36}", f"Klass {i % 36}",
                                                    f"Class {i % 36}")}],
                  "organizations": [{"roleType": "Responsible",
                                     "organization": {"id": orgs[i % norg]}}],
                  "serviceChannels": [{"serviceChannel": {"id": locs[i % nloc]}},
                                      {"serviceChannel": {"id": phones[i % nphone]},
                                       "serviceHours": [{"serviceHourType": "Standard",
                                                         "validForNow": True, "openingHour": [
                                                             {"dayFrom": "Monday",
                                                              "dayTo": "Friday",
                                                              "from": "09:00",
                                                              "to": "11:00"}]}]},
                                      {"serviceChannel": {"id": webs[i % nweb]}}],
                  "publishingStatus": "Published"})
for p in range(0, len(items), 1000):
    page = {"pageNumber": p // 1000 + 1, "pageSize": 1000,
            "pageCount": (len(items) + 999) // 1000, "itemList": items[p:p + 1000]}
    with open(os.path.join(out, f"page{p // 1000 + 1:03d}.json"), "w") as f:
        json.dump(page, f, ensure_ascii=False)
