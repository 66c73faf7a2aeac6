#!/bin/sh
# Hostile snapshots: a good snapshot (the demo content) changed with
# sqlite3 after the build so that its structure is right but its content
# is nasty. The kiosk, driven headless through every screen by the monkey
# (tests/reliability/monkey.c), must stay responsive (each step and each
# frame under a bound), within memory (peak resident size), and show
# something on every screen. Files that must be refused (a view or a
# trigger added, another application_id) show the problem screen.
#   hostile_test.sh AULA MONKEY PNG_CHECK DEMO_SNAPSHOT OUTDIR CASE MAX_RSS_MIB SLOWDOWN
# SLOWDOWN multiplies the time bounds (sanitizer builds are slower).
set -eu
aula=$1 monkey=$2 check=$3 demo=$4 out=$5 case=$6 max_rss=$7 slow=$8
out=$out/$case
rm -rf "$out"
mkdir -p "$out/shots"
snap=$out/$case.aula
cp "$demo" "$snap"
size=1280x800
max_step=$((1500 * slow))
max_frame=$((400 * slow))

fail() {
    echo "FAIL ($case): $*"
    exit 1
}

sql() {
    sqlite3 -bail "$snap" "$1" || fail "sqlite3: $1"
}

# Every screen: home, a category's services, a service, the organisations,
# an organisation, all services, the week, a day, search, Arabic (RTL).
walk="shot:home.png; tap:category:raskaus-vauva; shot:category.png;
    tap:service:aitiysneuvola; shot:service.png; swipe:400,700,400,100,100; wait:2;
    shot:service-scrolled.png; tap:home; tap:orgs; shot:orgs.png;
    tap:org:hva-perhekeskus; shot:org.png; tap:home; tap:services; shot:services.png;
    key:PageDown; key:PageDown; tap:home; tap:calendar; shot:calendar.png;
    tap:day:2026-11-24; shot:day.png; swipe:400,700,400,100,100; wait:2; tap:home;
    tap:search; type:sana; shot:search.png; key:Escape; tap:lang:ar;
    shot:home-ar.png; tap:category:raskaus-vauva; tap:service:aitiysneuvola;
    shot:service-ar.png; tap:home; tap:calendar; shot:calendar-ar.png"

# A text of n bytes: words of five letters (so it can wrap).
words() { echo "substr(replace(hex(zeroblob(($1 + 4) / 5)), '0', 'sana '), 1, $1)"; }
# One word of n bytes: nothing to wrap at.
word() { echo "substr(replace(hex(zeroblob(($1 + 1) / 2)), '0', 'x'), 1, $1)"; }

refused=
case $case in
huge-strings)
    # 1 MB descriptions, a 64 KB name without spaces, a 100 KB tagline.
    sql "UPDATE service_i18n SET description = $(words 1048576),
             name = $(word 65536) || name WHERE id = 'aitiysneuvola';
         UPDATE organization_i18n SET description = $(words 1048576),
             name = name || ' ' || $(word 20000) WHERE id = 'hva-perhekeskus';
         UPDATE site_i18n SET tagline = $(words 102400);
         UPDATE taxonomy_term_i18n SET name = $(word 5000) WHERE id = 'raskaus-vauva';
         UPDATE activity_i18n SET name = $(words 200000), description = $(words 1048576);
         UPDATE contact_i18n SET responsibilities = $(words 1048576);
         UPDATE contact SET name = $(word 30000), phone = $(word 10000),
             email = $(word 10000) || '@example.org';"
    ;;
many-rows)
    # 100,000 occurrences on one day, 5,000 services in one category.
    sql "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 100000)
         INSERT INTO occurrence (activity_id, start_utc, end_utc, local_date, all_day, status)
         SELECT (SELECT id FROM activity ORDER BY id LIMIT 1),
                1795413600 + (x % 600) * 60, 1795413600 + (x % 600) * 60 + 3600,
                '2026-11-24', 0, CASE x % 7 WHEN 0 THEN 'cancelled' ELSE 'scheduled' END
         FROM n;
         WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5000)
         INSERT INTO service (id, organization_id) SELECT 'many-' || x,
             (SELECT id FROM organization ORDER BY id LIMIT 1) FROM n;
         INSERT INTO service_i18n (id, lang, name, description)
             SELECT id, 'fi', 'Palvelu ' || id, 'Kuvaus' FROM service WHERE id LIKE 'many-%';
         INSERT INTO entity_term (entity_type, entity_id, term_id)
             SELECT 'service', id, 'raskaus-vauva' FROM service WHERE id LIKE 'many-%';"
    ;;
deep-categories)
    # 2,000 categories nested in a chain, and categories that are their own
    # parents (a cycle no build would write).
    sql "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2000)
         INSERT INTO taxonomy_term (id, kind, parent_id, icon, sort_order)
         SELECT 'deep-' || x, 'category', CASE x WHEN 1 THEN 'raskaus-vauva'
             ELSE 'deep-' || (x - 1) END, 'nosuchicon', x FROM n;
         INSERT INTO taxonomy_term_i18n (id, lang, name)
             SELECT id, 'fi', 'Syvä ' || id FROM taxonomy_term WHERE id LIKE 'deep-%';
         INSERT INTO taxonomy_term (id, kind, parent_id, icon, sort_order)
             VALUES ('loop-a', 'category', 'loop-b', '', 1),
                    ('loop-b', 'category', 'loop-a', '', 2),
                    ('self', 'category', 'self', '', 3);
         INSERT INTO entity_term (entity_type, entity_id, term_id)
             SELECT 'service', 'aitiysneuvola', id FROM taxonomy_term
             WHERE id LIKE 'deep-%' OR id IN ('loop-a', 'self');
         UPDATE taxonomy_term SET icon = '../../../../etc/passwd' WHERE id = 'raskaus-vauva';"
    ;;
bad-utf8)
    # Bytes that are not UTF-8 (overlong, lone continuation, truncated,
    # surrogates, a NUL) cast to text, in every kind of text the screens show.
    bad="CAST(X'C0AF80BFEDA080F4908080E28241FF00420A' AS TEXT)"
    sql "UPDATE service_i18n SET name = $bad || name, description = $bad;
         UPDATE organization_i18n SET name = name || $bad, description = $bad;
         UPDATE site_i18n SET name = $bad, tagline = $bad;
         UPDATE taxonomy_term_i18n SET name = $bad || name;
         UPDATE activity_i18n SET name = $bad || name, description = $bad;
         UPDATE contact SET name = $bad, phone = $bad, email = $bad;
         UPDATE contact_i18n SET title = $bad, responsibilities = $bad;
         UPDATE language SET native_name = $bad WHERE code = 'ar';
         UPDATE ui_string SET msgstr = $bad;
         INSERT INTO ui_string (lang, msgid, msgstr) VALUES ('fi', $bad, $bad);
         INSERT INTO search (kind, entity_id, lang, title, body)
             VALUES ('service', 'aitiysneuvola', 'fi', 'sana' || $bad, $bad);"
    ;;
unicode)
    # Right-to-left overrides, isolates, zero-width joiners, emoji with skin
    # tones and families, flags, 300 combining marks on one letter.
    marks="(SELECT group_concat(char(0x0301), '') FROM (WITH RECURSIVE n(x) AS
            (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300) SELECT x FROM n))"
    rlo="char(0x202E)" zwj="char(0x200D)"
    family="char(0x1F468) || $zwj || char(0x1F469) || $zwj || char(0x1F467) || $zwj || char(0x1F466)"
    sql "UPDATE service_i18n SET name = $rlo || 'Äitiysneuvola ' || $family || char(0x1F44B, 0x1F3FD),
             description = 'a' || $marks || ' ' || char(0x2067) || 'عيادة' || char(0x2069)
                 || char(0x200B, 0x200B, 0xFEFF) || char(0x1F1EB, 0x1F1EE) || $rlo;
         UPDATE organization_i18n SET name = char(0x202D) || name || char(0x202E, 0x202E, 0x202E);
         UPDATE taxonomy_term_i18n SET name = name || ' ' || $family;
         UPDATE site_i18n SET name = $rlo || name, tagline = 'x' || $marks;
         UPDATE activity_i18n SET name = char(0x1F9D1, 0x200D, 0x1F37C) || $rlo || name;"
    ;;
huge-image)
    # Logos that say they are 2^31 pixels wide, or negative, over junk bytes.
    sql "INSERT INTO asset (id, mime, width, height, data) VALUES
             ('huge', 'image/png', 2147483647, 2147483647, zeroblob(1048576)),
             ('negative', 'image/png', -1, -2147483648, X'89504E470D0A1A0A'),
             ('notpng', 'text/html', 1, 1, '<script>');
         UPDATE organization SET logo = CASE rowid % 3 WHEN 0 THEN 'huge'
             WHEN 1 THEN 'negative' ELSE 'notpng' END;"
    ;;
view)
    sql "CREATE VIEW shadow AS SELECT * FROM service;"
    refused="view"
    ;;
trigger)
    sql "CREATE TABLE scratch (x); CREATE TRIGGER grow AFTER INSERT ON scratch
         BEGIN INSERT INTO scratch VALUES (1); END;"
    refused="trigger"
    ;;
table-as-view)
    # A table replaced by a view of the same name.
    sql "PRAGMA foreign_keys = OFF; DROP TABLE service;
         CREATE VIEW service AS SELECT id, organization_id, phone, email, website,
             sensitive FROM service_i18n JOIN organization USING (id);"
    refused="view"
    ;;
application-id)
    sql "PRAGMA application_id = 1234;"
    refused="application_id"
    ;;
*)
    echo "unknown case $case"
    exit 2
    ;;
esac

if [ -n "$refused" ]; then
    # Refused: the problem screen, with the reason in the log.
    "$aula" --headless --snapshot "$snap" --size "$size" --now 2026-11-24T10:15 --idle 0 \
        --screenshot "$out/shots" --script "shot:problem.png; targets" 2>"$out/log.txt" ||
        fail "the kiosk failed: $(cat "$out/log.txt")"
    grep -q "^problem:" "$out/log.txt" || fail "no problem screen: $(cat "$out/log.txt")"
    grep -q "$refused" "$out/log.txt" || fail "the log does not say \"$refused\": $(cat "$out/log.txt")"
    "$check" "$out/shots/problem.png" "$size" 8
    echo "$case: refused, problem screen shown"
    exit 0
fi

"$monkey" --snapshot "$snap" --size "$size" --walk "$walk" --shots "$out/shots" \
    --steps 60 --seed 1 --max-step-ms "$max_step" --max-frame-ms "$max_frame" \
    --max-rss-mib "$max_rss" >"$out/monkey.txt" 2>"$out/log.txt" || {
    cat "$out/monkey.txt"
    tail -n 20 "$out/log.txt"
    fail "the monkey failed"
}
cat "$out/monkey.txt"
for f in "$out"/shots/*.png; do
    "$check" "$f" "$size" 16 || fail "$(basename "$f") is blank"
done
echo "$case: $(ls "$out"/shots/*.png | wc -l) screens drawn"
