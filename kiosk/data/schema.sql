-- aula snapshot schema, version 1.
--
-- A snapshot is one SQLite file written by aula-pack and read (read-only) by
-- the kiosk. Everything the screen needs is precomputed here: recurring
-- activities are expanded into occurrences, texts are stored per language,
-- and a full-text index covers every language.
--
-- Conventions:
--   * Ids are short stable text ids chosen by staff or importers ("neuvola",
--     "mll-keskusta"); they never change meaning between snapshots.
--   * Translatable text lives in <table>_i18n(id, lang, ...) rows; lang is a
--     BCP 47 code ("fi", "sv", "en", "ar"). A missing row means "not
--     translated"; the kiosk falls back visitor -> en -> fi -> sv.
--   * Instants are UTC seconds since 1970 (INTEGER). Local dates are
--     'YYYY-MM-DD' text in the zone named by the row or by site.timezone.
--   * Clock times of day are minutes after local midnight (0..1440).
--   * Booleans are INTEGER 0/1.
--
-- The pragmas below are applied by aula-pack; the kiosk refuses files whose
-- application_id is not 0x41554C41 ("AULA") or whose user_version it does
-- not know.

PRAGMA application_id = 1096109121; -- 0x41554C41, "AULA"
PRAGMA user_version = 1;

-- Key/value facts about the snapshot as a whole. Keys:
--   format_version    schema version (same as user_version), e.g. "1"
--   content_version   strictly increasing integer; newer content = larger
--   built_at          UTC build time, ISO 8601 ("2026-11-23T10:00:00Z")
--   valid_from        first local date occurrences were expanded for
--   valid_until       last local date occurrences were expanded for
--   site_id, region_id, default_language, timezone
--   generator         "aula-pack VERSION"
CREATE TABLE snapshot_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Where the content came from, with licence and attribution to show on the
-- about screen.
CREATE TABLE source (
    id          TEXT PRIMARY KEY,   -- "csv", "ics:seurakunta.ics", ...
    kind        TEXT NOT NULL,      -- csv | ics | ptv | linkedevents | hsds
    name        TEXT NOT NULL,      -- file or feed name as given
    licence     TEXT,               -- e.g. "CC BY 4.0"
    attribution TEXT                -- text to show, e.g. "Data: City of X"
);

-- The place this screen stands in (exactly one row).
CREATE TABLE site (
    id               TEXT PRIMARY KEY,
    region_id        TEXT,              -- wellbeing services county or municipality id
    default_language TEXT NOT NULL,     -- language shown after an idle reset
    timezone         TEXT NOT NULL,     -- IANA zone, e.g. Europe/Helsinki
    location_id      TEXT REFERENCES location(id), -- the site's own address
    phone            TEXT,
    email            TEXT,
    website          TEXT
);
CREATE TABLE site_i18n (
    id      TEXT NOT NULL REFERENCES site(id),
    lang    TEXT NOT NULL,
    name    TEXT NOT NULL,              -- "Perhekeskus Aurinkolahti"
    tagline TEXT,                       -- one line under the name
    PRIMARY KEY (id, lang)
) WITHOUT ROWID;

-- Languages the screen offers, in the order of the language buttons.
CREATE TABLE language (
    code          TEXT PRIMARY KEY,     -- BCP 47: fi, sv, en, ar, so, ru, uk, ...
    native_name   TEXT NOT NULL,        -- the language's name in itself: "Suomi", "العربية"
    direction     TEXT NOT NULL CHECK (direction IN ('ltr', 'rtl')),
    ui_translated INTEGER NOT NULL DEFAULT 0, -- 1 if the kiosk's own UI exists in it
    sort_order    INTEGER NOT NULL
);

-- Organisations: the wellbeing services county's units, NGOs, parishes.
CREATE TABLE organization (
    id       TEXT PRIMARY KEY,
    kind     TEXT NOT NULL CHECK (kind IN ('public', 'ngo', 'parish', 'company', 'other')),
    website  TEXT,
    phone    TEXT,                      -- as written, e.g. "+358 40 000 1234"
    email    TEXT,
    logo     TEXT REFERENCES asset(id)
);
CREATE TABLE organization_i18n (
    id          TEXT NOT NULL REFERENCES organization(id),
    lang        TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT,
    PRIMARY KEY (id, lang)
) WITHOUT ROWID;

-- Places: addresses with accessibility facts.
CREATE TABLE location (
    id                TEXT PRIMARY KEY,
    street_address    TEXT,
    postal_code       TEXT,
    city              TEXT,
    latitude          REAL,             -- WGS84
    longitude         REAL,
    step_free         INTEGER,          -- entrance without steps; NULL = unknown
    accessible_toilet INTEGER,
    induction_loop    INTEGER,
    stroller_parking  INTEGER,
    changing_table    INTEGER
);
CREATE TABLE location_i18n (
    id            TEXT NOT NULL REFERENCES location(id),
    lang          TEXT NOT NULL,
    name          TEXT NOT NULL,
    directions    TEXT,                 -- "2nd floor, lift by the café"
    accessibility TEXT,                 -- free text beyond the facts above
    PRIMARY KEY (id, lang)
) WITHOUT ROWID;

-- Services families can use.
CREATE TABLE service (
    id              TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organization(id),
    phone           TEXT,
    email           TEXT,
    website         TEXT,
    sensitive       INTEGER NOT NULL DEFAULT 0 -- 1: shows a quick-exit button (e.g. violence, shelter)
);
CREATE TABLE service_i18n (
    id          TEXT NOT NULL REFERENCES service(id),
    lang        TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT,
    PRIMARY KEY (id, lang)
) WITHOUT ROWID;
CREATE TABLE service_at_location (
    service_id  TEXT NOT NULL REFERENCES service(id),
    location_id TEXT NOT NULL REFERENCES location(id),
    PRIMARY KEY (service_id, location_id)
) WITHOUT ROWID;

-- Contact persons: named people families can call (the seeds ask for names,
-- contact details and job descriptions to be easy to find).
CREATE TABLE contact (
    id              TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organization(id),
    name            TEXT NOT NULL,      -- person's name, not translated
    phone           TEXT,
    email           TEXT
);
CREATE TABLE contact_i18n (
    id               TEXT NOT NULL REFERENCES contact(id),
    lang             TEXT NOT NULL,
    title            TEXT,              -- job title: "Perhetyöntekijä"
    responsibilities TEXT,              -- job description: what to contact them about
    PRIMARY KEY (id, lang)
) WITHOUT ROWID;
CREATE TABLE contact_service (
    contact_id TEXT NOT NULL REFERENCES contact(id),
    service_id TEXT NOT NULL REFERENCES service(id),
    PRIMARY KEY (contact_id, service_id)
) WITHOUT ROWID;

-- Languages something is offered or spoken in (not the same as the languages
-- its text is translated into).
CREATE TABLE entity_language (
    entity_type TEXT NOT NULL CHECK (entity_type IN ('service', 'contact', 'activity')),
    entity_id   TEXT NOT NULL,
    lang        TEXT NOT NULL,
    PRIMARY KEY (entity_type, entity_id, lang)
) WITHOUT ROWID;

-- Weekly opening hours of a service or location. closes_min <= opens_min
-- means the period ends the next day (over midnight); 0..1440 minutes.
CREATE TABLE opening_hours (
    entity_type TEXT NOT NULL CHECK (entity_type IN ('service', 'location')),
    entity_id   TEXT NOT NULL,
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7), -- ISO: 1 = Monday
    opens_min   INTEGER NOT NULL CHECK (opens_min BETWEEN 0 AND 1440),
    closes_min  INTEGER NOT NULL CHECK (closes_min BETWEEN 0 AND 1440)
);
CREATE INDEX opening_hours_entity ON opening_hours (entity_type, entity_id);

-- Dated exceptions to the weekly hours; an exception replaces all weekly
-- periods of its date. closed = 1: shut all day (opens/closes NULL).
CREATE TABLE opening_exception (
    id          INTEGER PRIMARY KEY,
    entity_type TEXT NOT NULL CHECK (entity_type IN ('service', 'location')),
    entity_id   TEXT NOT NULL,
    date        TEXT NOT NULL,          -- local date YYYY-MM-DD
    closed      INTEGER NOT NULL,
    opens_min   INTEGER,
    closes_min  INTEGER
);
CREATE INDEX opening_exception_entity ON opening_exception (entity_type, entity_id, date);
CREATE TABLE opening_exception_i18n (
    id   INTEGER NOT NULL REFERENCES opening_exception(id),
    lang TEXT NOT NULL,
    note TEXT NOT NULL,                 -- "Jouluaatto: suljettu"
    PRIMARY KEY (id, lang)
) WITHOUT ROWID;

-- Categories (home-screen tiles) and age groups.
CREATE TABLE taxonomy_term (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('category', 'age_group')),
    parent_id  TEXT REFERENCES taxonomy_term(id),
    icon       TEXT,                    -- icon name from assets/icons
    sort_order INTEGER NOT NULL,
    age_min    INTEGER,                 -- age groups: years, inclusive; NULL = open
    age_max    INTEGER
);
CREATE TABLE taxonomy_term_i18n (
    id   TEXT NOT NULL REFERENCES taxonomy_term(id),
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (id, lang)
) WITHOUT ROWID;
CREATE TABLE entity_term (
    entity_type TEXT NOT NULL CHECK (entity_type IN ('service', 'activity', 'organization')),
    entity_id   TEXT NOT NULL,
    term_id     TEXT NOT NULL REFERENCES taxonomy_term(id),
    PRIMARY KEY (entity_type, entity_id, term_id)
) WITHOUT ROWID;
CREATE INDEX entity_term_term ON entity_term (term_id, entity_type);

-- Activities: the recurring definition as written by staff or a feed.
CREATE TABLE activity (
    id              TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organization(id),
    service_id      TEXT REFERENCES service(id),
    location_id     TEXT REFERENCES location(id),
    source_id       TEXT NOT NULL REFERENCES source(id),
    timezone        TEXT NOT NULL,      -- zone the rule is expanded in
    dtstart_local   TEXT NOT NULL,      -- first start, local: "2026-08-17T09:30" or date for all-day
    duration_min    INTEGER NOT NULL,
    all_day         INTEGER NOT NULL,
    rrule           TEXT,               -- RFC 5545 RRULE value; NULL = one-off
    skip_holidays   INTEGER NOT NULL,   -- 1: no occurrences on Finnish public holidays and eves
    age_min         INTEGER,            -- audience ages in years; NULL = open
    age_max         INTEGER,
    registration_url TEXT
);
CREATE TABLE activity_i18n (
    id           TEXT NOT NULL REFERENCES activity(id),
    lang         TEXT NOT NULL,
    name         TEXT NOT NULL,
    description  TEXT,
    price        TEXT,                  -- "Maksuton", "2 € / perhe"
    registration TEXT,                  -- how to sign up, or "Ei ilmoittautumista"
    PRIMARY KEY (id, lang)
) WITHOUT ROWID;

-- Occurrences: activities expanded for the validity window. Cancelled and
-- moved instances stay here with their status so the screen can show them.
CREATE TABLE occurrence (
    id          INTEGER PRIMARY KEY,
    activity_id TEXT NOT NULL REFERENCES activity(id),
    start_utc   INTEGER NOT NULL,
    end_utc     INTEGER NOT NULL,
    local_date  TEXT NOT NULL,          -- date of start in site.timezone
    all_day     INTEGER NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled', 'moved')),
    location_id TEXT REFERENCES location(id) -- overrides the activity's location
);
CREATE INDEX occurrence_date ON occurrence (local_date, start_utc);
CREATE INDEX occurrence_start ON occurrence (start_utc);
CREATE INDEX occurrence_activity ON occurrence (activity_id);
CREATE TABLE occurrence_i18n (
    id   INTEGER NOT NULL REFERENCES occurrence(id),
    lang TEXT NOT NULL,
    note TEXT NOT NULL,                 -- "Syysloma: ei ryhmää" / "Moved to room 2"
    PRIMARY KEY (id, lang)
) WITHOUT ROWID;

-- Finnish public holidays and the eves kept as days off, for the window.
CREATE TABLE holiday (
    date   TEXT PRIMARY KEY,            -- YYYY-MM-DD
    key    TEXT NOT NULL,               -- "juhannuspaiva", "jouluaatto", ...
    is_eve INTEGER NOT NULL             -- 1: not an official holiday, but a day off in practice
) WITHOUT ROWID;
CREATE TABLE holiday_i18n (
    date TEXT NOT NULL REFERENCES holiday(date),
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (date, lang)
) WITHOUT ROWID;

-- UI translations supplied by the content; they override or extend the
-- strings built into the kiosk.
CREATE TABLE ui_string (
    lang   TEXT NOT NULL,
    msgid  TEXT NOT NULL,
    msgstr TEXT NOT NULL,
    PRIMARY KEY (lang, msgid)
) WITHOUT ROWID;

-- The families' feedback question (content/FORMAT.md, feedback.csv): one
-- question, 3 to 5 answers each drawn as a face (1 very unhappy .. 5 very
-- happy), and optionally a topics row whose text heads the "I could not
-- find..." category tiles. Snapshots without rows ask nothing.
CREATE TABLE feedback (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('question', 'answer', 'topics')),
    face       INTEGER CHECK (face BETWEEN 1 AND 5),
    sort_order INTEGER NOT NULL
);
CREATE TABLE feedback_i18n (
    id   TEXT NOT NULL REFERENCES feedback(id),
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (id, lang)
) WITHOUT ROWID;

-- Small images (organisation logos). Size-capped by aula-pack.
CREATE TABLE asset (
    id     TEXT PRIMARY KEY,
    mime   TEXT NOT NULL,               -- image/png
    width  INTEGER NOT NULL,
    height INTEGER NOT NULL,
    data   BLOB NOT NULL
);

-- Full-text search over names and descriptions in every language.
-- remove_diacritics 0 keeps ä/a and ö/o distinct, as Finnish needs; the
-- prefix indexes keep search-as-you-type fast on the first letters.
-- parts holds the inner parts of the title's long words ("neuvola" of
-- "Lastenneuvola"), so that a compound is found by any of its parts.
CREATE VIRTUAL TABLE search USING fts5 (
    kind UNINDEXED,                     -- service | organization | contact | activity
    entity_id UNINDEXED,
    lang UNINDEXED,
    title,
    body,
    parts,                              -- suffixes of title words; see kiosk/pack/parts.h
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3'
);
