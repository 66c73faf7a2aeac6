/* Tests for aula-pack check/build/info on whole content folders: every bad
 * input gives its exact message and writes nothing (an existing snapshot is
 * left as it was); a good folder round-trips into a snapshot whose rows
 * are checked one by one. */
#include "data/snapshot.h"
#include "pack/build.h"

#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FIXTURE AULA_SOURCE_DIR "/tests/fixtures/content/minimal"

static char workdir[256];

/* Copies the minimal fixture into a fresh folder. */
static void fresh_copy(void)
{
    snprintf(workdir, sizeof(workdir), "/tmp/aula-pack-test-%ld", (long)getpid());
    char cmd[1024];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s' && cp -r '%s' '%s'", workdir, FIXTURE, workdir);
    assert_int_equal(system(cmd), 0);
}

static void write_file(const char *name, const char *data, size_t len)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", workdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static void remove_file(const char *name)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", workdir, name);
    assert_int_equal(unlink(path), 0);
}

static struct pack_options test_options(void)
{
    struct pack_options o = {0};
    assert_true(build_parse_instant("2026-11-23T10:00:00Z", &o.now_utc));
    o.content_version = 42;
    return o;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = calloc(1, 1 << 16);
    size_t n = fread(buf, 1, (1 << 16) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Runs build into out (which holds "OLD SNAPSHOT"); returns stderr text. */
static char *run_build(int want_rc, const char *out)
{
    FILE *f = fopen(out, "w");
    fputs("OLD SNAPSHOT", f);
    fclose(f);
    char *errbuf = NULL, *outbuf = NULL;
    size_t errlen = 0, outlen = 0;
    FILE *err = open_memstream(&errbuf, &errlen);
    FILE *o = open_memstream(&outbuf, &outlen);
    struct pack_options opt = test_options();
    int rc = build_build(workdir, out, &opt, o, err);
    fclose(err);
    fclose(o);
    if (rc != want_rc)
        fprintf(stderr, "unexpected exit %d; stderr:\n%s", rc, errbuf);
    assert_int_equal(rc, want_rc);
    free(outbuf);
    return errbuf;
}

static void assert_no_temp_files(void)
{
    DIR *d = opendir("/tmp");
    struct dirent *e;
    char prefix[64];
    snprintf(prefix, sizeof(prefix), "aula-out-%ld.aula.tmp", (long)getpid());
    while ((e = readdir(d)))
        assert_null(strstr(e->d_name, prefix));
    closedir(d);
}

struct bad_case {
    const char *name;
    const char *file;    /* file to replace; NULL = none */
    const char *content; /* new content; NULL = delete the file */
    const char *message; /* exact line expected in the output */
};

static const struct bad_case bad[] = {
    {"unknown organisation", "services.csv",
     "id,organization,name@fi\nneuvola,hva,Neuvola\nkahvila,mll-x,Kahvila\n",
     "services.csv:3: organization: error: unknown organisation \"mll-x\" (not in "
     "organizations.csv)"},
    {"bad phone", "services.csv",
     "id,organization,name@fi,phone\nneuvola,hva,Neuvola,040 ABC\nkahvila,mll,Kahvila,\n",
     "services.csv:2: phone: error: \"040 ABC\" is not a phone number (write it as families dial "
     "it: +358 40 000 1234)"},
    {"bad email", "services.csv",
     "id,organization,name@fi,email\nneuvola,hva,Neuvola,neuvola.example.org\nkahvila,mll,K,\n",
     "services.csv:2: email: error: \"neuvola.example.org\" is not an e-mail address"},
    {"bad url", "services.csv",
     "id,organization,name@fi,website\nneuvola,hva,Neuvola,www.example.org\nkahvila,mll,K,\n",
     "services.csv:2: website: error: \"www.example.org\" is not a web address (it must start "
     "with https://)"},
    {"missing column", "services.csv", "id,name@fi\nneuvola,Neuvola\nkahvila,Kahvila\n",
     "services.csv:1: organization: error: required column is missing"},
    {"missing default-language column", "services.csv",
     "id,organization,name@en\nneuvola,hva,Clinic\nkahvila,mll,Cafe\n",
     "services.csv:1: name@fi: error: required column is missing (text in the default language "
     "fi)"},
    {"duplicate id", "services.csv",
     "id,organization,name@fi\nneuvola,hva,Neuvola\nneuvola,mll,Kahvila\nkahvila,mll,K\n",
     "services.csv:3: id: error: duplicate id \"neuvola\" (first used on line 2)"},
    {"text missing in default language", "services.csv",
     "id,organization,name@fi,name@en\nneuvola,hva,,Clinic\nkahvila,mll,K,\n",
     "services.csv:2: name@fi: error: text missing in the default language (fi)"},
    {"invalid utf-8", "organizations.csv",
     "id,kind,name@fi\nhva,public,Hyvinvointialue\nmll,ngo,P\xE4iv\xE4\n",
     "organizations.csv:3: error: invalid UTF-8 (byte 0xE4 at column 10); save the file as UTF-8 "
     "(\"CSV UTF-8\" in spreadsheet programs)"},
    {"empty file", "organizations.csv", "",
     "organizations.csv: error: empty file (expected a header row)"},
    {"required file missing", "services.csv", NULL,
     "services.csv: error: required file is missing from "},
    {"bad id", "organizations.csv", "id,kind,name@fi\nhva,public,H\nMLL Testilä,ngo,M\nmll,ngo,M\n",
     "organizations.csv:3: id: error: \"MLL Testilä\" is not a valid id (lowercase letters a-z, "
     "digits, - and _; at most 64)"},
    {"unknown enum", "organizations.csv", "id,kind,name@fi\nhva,city,H\nmll,ngo,M\n",
     "organizations.csv:2: kind: error: \"city\" is not one of: public ngo parish company other"},
    {"unknown category", "services.csv",
     "id,organization,name@fi,categories\nneuvola,hva,N,vauvat xyz\nkahvila,mll,K,\n",
     "services.csv:2: categories: error: unknown category \"xyz\" (not in categories.csv)"},
    {"age group used as category", "services.csv",
     "id,organization,name@fi,categories\nneuvola,hva,N,ika-0-1\nkahvila,mll,K,\n",
     "services.csv:2: categories: error: \"ika-0-1\" is an age group, not a category"},
    {"time in the DST gap", "activities.csv",
     "id,organization,name@fi,start,rrule\nyo,hva,Yöryhmä,2027-03-28 03:30,\n",
     "activities.csv:2: start: error: 2027-03-28 03:30 does not exist in Europe/Helsinki (clocks "
     "go forward)"},
    {"bad clock", "opening_hours.csv", "target,days,opens,closes\nneuvola,ma-pe,8.00,25.00\n",
     "opening_hours.csv:2: closes: error: \"25.00\" is not a clock time (write 9.30 or 09:30)"},
    {"bad weekday", "opening_hours.csv", "target,days,opens,closes\nneuvola,maanantai,8,16\n",
     "opening_hours.csv:2: days: error: \"maanantai\" is not a list of weekdays (write ma-pe, "
     "ma,ke or la)"},
    {"unknown hours target", "opening_hours.csv",
     "target,days,opens,closes\nneuvolaa,ma-pe,8.00,16.00\n",
     "opening_hours.csv:2: target: error: unknown service or location \"neuvolaa\" (not in "
     "services.csv or locations.csv)"},
    {"exception without hours", "opening_exceptions.csv",
     "target,date,closed,opens,closes\nneuvola,2026-12-23,no,8.00,\n",
     "opening_exceptions.csv:2: closes: error: give both opens and closes, or closed = yes"},
    {"unknown time zone", "activities.csv",
     "id,organization,name@fi,start,timezone\nx,hva,X,2026-12-01 10:00,Europe/Lahdenniemi\n",
     "activities.csv:2: timezone: error: unknown time zone \"Europe/Lahdenniemi\" (use a name "
     "such as Europe/Helsinki)"},
    {"duration and end", "activities.csv",
     "id,organization,name@fi,start,duration,end\nx,hva,X,2026-12-01 10:00,60,11.00\n",
     "activities.csv:2: end: error: give either duration or end, not both"},
    {"moved without start", "activity_changes.csv",
     "activity,date,status\nvauvaryhma,2026-12-01,moved\n",
     "activity_changes.csv:2: start: error: a moved instance needs its new start"},
    {"ics file missing", "calendars.csv", "file,organization,language\ncalendars/x.ics,mll,fi\n",
     "calendars.csv:2: file: error: cannot open \"calendars/x.ics\" in the content folder"},
    {"two site rows", "site.csv", "id,default_language,languages,name@fi\na,fi,fi,A\nb,fi,fi,B\n",
     "site.csv:3: error: site.csv must have exactly one row (it has 2)"},
    {"feedback answer without a face", "feedback.csv",
     "id,kind,face,text@fi\nq,question,,Löysitkö?\nk,answer,5,Kyllä\no,answer,3,Osin\n"
     "e,answer,,En\n",
     "feedback.csv:5: face: error: an answer needs its face: 1 (very unhappy) to 5 (very happy)"},
    {"feedback with two answers", "feedback.csv",
     "id,kind,face,text@fi\nq,question,,Löysitkö?\nk,answer,5,Kyllä\ne,answer,1,En\n",
     "feedback.csv: kind: error: the question needs 3 to 5 answers (rows of kind answer); there "
     "are 2"},
    {"feedback with two questions", "feedback.csv",
     "id,kind,face,text@fi\nq,question,,A?\nr,question,,B?\nk,answer,5,K\no,answer,3,O\n"
     "e,answer,1,E\n",
     "feedback.csv:3: kind: error: a second question; the screen asks one short question"},
    {"default language not offered", "site.csv",
     "id,default_language,languages,name@fi\na,fi,sv en,A\n",
     "site.csv:2: default_language: error: \"fi\" is not among the site's languages (sv en)"},
    {"unknown activity source", "activities.csv",
     "id,organization,name@fi,start,source\na1,hva,Kerho,2026-12-01 10:00,ptv-x\n",
     "activities.csv:2: source: error: unknown source \"ptv-x\" (not in sources.csv)"},
};

static void test_bad_inputs(void **state)
{
    (void)state;
    char out[256];
    snprintf(out, sizeof(out), "/tmp/aula-out-%ld.aula", (long)getpid());
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        const struct bad_case *c = &bad[i];
        print_message("case: %s\n", c->name);
        fresh_copy();
        if (c->content)
            write_file(c->file, c->content, strlen(c->content));
        else
            remove_file(c->file);
        char *err = run_build(PACK_EXIT_CONTENT, out);
        if (!strstr(err, c->message))
            fprintf(stderr, "expected: %s\ngot:\n%s", c->message, err);
        assert_non_null(strstr(err, c->message));
        assert_non_null(strstr(err, "not written: fix the errors above first"));
        char *old = slurp(out);
        assert_string_equal(old, "OLD SNAPSHOT");
        free(old);
        free(err);
        assert_no_temp_files();
    }
    unlink(out);
}

/* Spreadsheet exports: semicolons, CRLF and a byte-order mark all build. */
static void test_spreadsheet_exports(void **state)
{
    (void)state;
    fresh_copy();
    const char *svc = "\xEF\xBB\xBFid;organization;name@fi;description@fi\r\n"
                      "neuvola;hva;Lastenneuvola;\"Maksuton; kaikille\"\r\n"
                      "kahvila;mll;Perhekahvila;\r\n";
    write_file("services.csv", svc, strlen(svc));
    char out[256];
    snprintf(out, sizeof(out), "/tmp/aula-out-%ld.aula", (long)getpid());
    free(run_build(PACK_EXIT_OK, out));
    struct db *db;
    char msg[512];
    assert_int_equal(snapshot_open(out, true, &db, msg, sizeof(msg)), SNAPSHOT_OK);
    assert_int_equal(db_query_int(db, "SELECT count(*) FROM service_i18n WHERE id = 'neuvola' "
                                      "AND description = 'Maksuton; kaikille'"),
                     1);
    db_close(db);
    unlink(out);
}

static void test_warnings_do_not_block(void **state)
{
    (void)state;
    fresh_copy();
    const char *acts = "id,organization,name@fi,start,rrule,bogus\n"
                       "old,hva,Vanha,2025-01-07 10:00,FREQ=WEEKLY;COUNT=3,\n";
    write_file("activities.csv", acts, strlen(acts));
    remove_file("activity_changes.csv");
    char out[256];
    snprintf(out, sizeof(out), "/tmp/aula-out-%ld.aula", (long)getpid());
    char *err = run_build(PACK_EXIT_OK, out);
    assert_non_null(strstr(err, "activities.csv:2: rrule: warning: has no instance between "
                                "2026-11-16 and 2027-05-22; it will not be shown"));
    assert_non_null(strstr(err, "activities.csv:1: bogus: warning: unknown column (ignored); see "
                                "content/FORMAT.md for the columns of activities.csv"));
    free(err);
    unlink(out);
}

static int64_t q(struct db *db, const char *sql)
{
    int64_t v = db_query_int(db, sql);
    if (v < 0)
        fprintf(stderr, "query failed: %s: %s\n", sql, db_errmsg(db));
    return v;
}

/* Activities name their source (sources.csv, or "csv" for the folder's own
 * rows) so the about screen can attribute imported ones. */
static void test_activity_source(void **state)
{
    (void)state;
    fresh_copy();
    const char *sources = "id,kind,name,licence,attribution\n"
                          "le-helsinki,linkedevents,Linked Events,CC BY 4.0,Data: Helsinki\n";
    write_file("sources.csv", sources, strlen(sources));
    const char *acts = "id,organization,name@fi,start,source\n"
                       "a1,hva,Kerho,2026-12-01 10:00,le-helsinki\n"
                       "a2,hva,Kahvila,2026-12-02 10:00,\n"
                       "a3,hva,Ilta,2026-12-03 18:00,csv\n";
    write_file("activities.csv", acts, strlen(acts));
    remove_file("activity_changes.csv");
    char out[256];
    snprintf(out, sizeof(out), "/tmp/aula-out-%ld.aula", (long)getpid());
    free(run_build(PACK_EXIT_OK, out));
    struct db *db;
    char msg[512];
    assert_int_equal(snapshot_open(out, true, &db, msg, sizeof(msg)), SNAPSHOT_OK);
    assert_int_equal(q(db, "SELECT count(*) FROM activity a JOIN source s ON s.id = a.source_id "
                           "WHERE a.id = 'a1' AND s.id = 'le-helsinki' AND s.kind = "
                           "'linkedevents' AND s.attribution = 'Data: Helsinki'"),
                     1);
    assert_int_equal(q(db, "SELECT count(*) FROM activity WHERE id IN ('a2', 'a3') AND source_id "
                           "= 'csv'"),
                     2);
    db_close(db);
    unlink(out);
}

static void test_round_trip(void **state)
{
    (void)state;
    fresh_copy();
    char out[256];
    snprintf(out, sizeof(out), "/tmp/aula-out-%ld.aula", (long)getpid());
    char *err = run_build(PACK_EXIT_OK, out);
    free(err);

    struct db *db;
    char msg[512];
    assert_int_equal(snapshot_open(out, true, &db, msg, sizeof(msg)), SNAPSHOT_OK);
    assert_int_equal(q(db, "PRAGMA application_id"), 0x41554C41);
    assert_int_equal(q(db, "PRAGMA user_version"), 1);
    struct snapshot_info in;
    assert_true(snapshot_read_info(db, &in));
    assert_int_equal(in.content_version, 42);
    assert_string_equal(in.built_at, "2026-11-23T10:00:00Z");
    assert_string_equal(in.valid_from, "2026-11-16");
    assert_string_equal(in.valid_until, "2027-05-22");
    assert_string_equal(in.languages, "fi sv en ar");
    assert_string_equal(in.timezone, "Europe/Helsinki");

    assert_int_equal(q(db, "SELECT count(*) FROM service"), 2);
    assert_int_equal(q(db, "SELECT count(*) FROM service WHERE sensitive = 1 AND id = 'kahvila'"),
                     1);
    assert_int_equal(q(db, "SELECT count(*) FROM service WHERE sensitive = 0 AND id = 'neuvola'"),
                     1);
    assert_int_equal(q(db, "SELECT count(*) FROM organization"), 2);
    assert_int_equal(q(db, "SELECT count(*) FROM contact_service WHERE contact_id = 'anna'"), 1);
    assert_int_equal(q(db, "SELECT count(*) FROM service_i18n WHERE id = 'neuvola'"), 4);
    assert_int_equal(q(db, "SELECT count(*) FROM entity_language WHERE entity_type = 'service' "
                           "AND entity_id = 'neuvola'"),
                     3);
    assert_int_equal(q(db, "SELECT count(*) FROM location WHERE id = 'talo' AND step_free = 1 "
                           "AND induction_loop = 0"),
                     1);
    /* Weekly hours with a lunch break: 5 days x 2 periods. */
    assert_int_equal(q(db, "SELECT count(*) FROM opening_hours WHERE entity_id = 'neuvola'"), 10);
    /* "*" reaches every target with hours except where that target has its
     * own row for the date (neuvola on 24.12.), plus neuvola's own rows. */
    assert_int_equal(q(db, "SELECT count(*) FROM opening_exception"), 3);
    assert_int_equal(q(db, "SELECT count(*) FROM opening_exception e JOIN "
                           "opening_exception_i18n t ON t.id = e.id WHERE e.date = '2026-12-24' "
                           "AND t.lang = 'en' AND t.note = 'Christmas Eve' AND e.entity_id = "
                           "'talo' AND e.closed = 1"),
                     1);
    assert_int_equal(q(db, "SELECT opens_min FROM opening_exception WHERE date = '2026-12-24' "
                           "AND entity_id = 'neuvola' AND closed = 0"),
                     9 * 60);

    /* Cancelled instance kept, with its note in two languages. */
    assert_int_equal(q(db, "SELECT count(*) FROM occurrence o JOIN occurrence_i18n n ON n.id = "
                           "o.id WHERE o.activity_id = 'vauvaryhma' AND o.local_date = "
                           "'2026-11-24' AND o.status = 'cancelled'"),
                     2);
    /* Moved: from Thursday 26.11. to Friday 27.11. 10:00 (08:00 UTC). */
    assert_int_equal(q(db, "SELECT count(*) FROM occurrence WHERE activity_id = 'kahvila-to' "
                           "AND local_date = '2026-11-26'"),
                     0);
    assert_int_equal(q(db, "SELECT start_utc FROM occurrence WHERE activity_id = 'kahvila-to' "
                           "AND status = 'moved'"),
                     1795766400 /* 2026-11-27 08:00 UTC */);
    /* skip_holidays: no café on jouluaatto (Thu 24.12.) nor helatorstai (Thu 6.5.2027). */
    assert_int_equal(q(db, "SELECT count(*) FROM occurrence WHERE activity_id = 'kahvila-to' "
                           "AND local_date IN ('2026-12-24', '2027-05-06')"),
                     0);
    /* 9.30 local both in winter (07:30 UTC) and summer time (06:30 UTC). */
    assert_int_equal(q(db, "SELECT start_utc % 86400 FROM occurrence WHERE activity_id = "
                           "'kahvila-to' AND local_date = '2026-12-17'"),
                     7 * 3600 + 30 * 60);
    assert_int_equal(q(db, "SELECT start_utc % 86400 FROM occurrence WHERE activity_id = "
                           "'kahvila-to' AND local_date = '2027-04-01'"),
                     6 * 3600 + 30 * 60);
    /* end 12.00 -> 150 minutes. */
    assert_int_equal(q(db, "SELECT end_utc - start_utc FROM occurrence WHERE activity_id = "
                           "'kahvila-to' AND local_date = '2026-12-17'"),
                     150 * 60);
    /* The parish feed: Wednesdays 18.11.-16.12.2026. */
    assert_int_equal(q(db, "SELECT count(*) FROM occurrence o JOIN activity a ON a.id = "
                           "o.activity_id WHERE a.source_id = 'calendars/seurakunta.ics'"),
                     5);
    assert_int_equal(q(db, "SELECT count(*) FROM activity_i18n WHERE name = 'Perhekerho' AND "
                           "lang = 'fi'"),
                     1);
    assert_int_equal(q(db, "SELECT count(*) FROM source WHERE licence = 'CC BY 4.0'"), 1);
    /* Holidays of the window, named in three languages. */
    assert_int_equal(q(db, "SELECT count(*) FROM holiday_i18n WHERE date = '2026-12-06' AND "
                           "name IN ('Itsenäisyyspäivä', 'Självständighetsdagen', "
                           "'Independence Day')"),
                     3);
    /* Full-text search keeps ä distinct and finds Arabic. */
    assert_int_equal(q(db, "SELECT count(*) FROM search WHERE search MATCH 'Vauvaryhmä'"), 1);
    assert_int_equal(q(db, "SELECT count(*) FROM search WHERE search MATCH 'Vauvaryhma'"), 0);
    assert_int_equal(q(db, "SELECT count(*) FROM search WHERE search MATCH 'عيادة'"), 1);
    assert_int_equal(q(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    db_close(db);

    /* info prints the summary. */
    char *obuf = NULL, *ebuf = NULL;
    size_t olen = 0, elen = 0;
    FILE *o = open_memstream(&obuf, &olen), *e = open_memstream(&ebuf, &elen);
    assert_int_equal(build_info(out, o, e), PACK_EXIT_OK);
    fclose(o);
    fclose(e);
    assert_non_null(strstr(obuf, "content version        42"));
    assert_non_null(strstr(obuf, "valid                  2026-11-16 .. 2027-05-22"));
    assert_non_null(strstr(obuf, "languages              fi sv en ar (default fi)"));
    assert_non_null(strstr(obuf, "  services               2"));
    free(obuf);
    free(ebuf);
    unlink(out);
}

/* Logos: must be PNG, at most 256 KiB and 1024x1024 px; a good one becomes an asset. */
static void test_logos(void **state)
{
    (void)state;
    static const struct {
        int w, h;
        bool png;
        const char *message; /* NULL = builds */
    } cases[] = {
        {2000, 100, true,
         "organizations.csv:2: logo: error: \"logo.png\" is too large (0 KiB, 2000x100 px; at "
         "most 256 KiB and 1024x1024 px)"},
        {64, 64, false, "organizations.csv:2: logo: error: \"logo.png\" is not a PNG image"},
        {64, 32, true, NULL},
    };
    char out[256];
    snprintf(out, sizeof(out), "/tmp/aula-out-%ld.aula", (long)getpid());
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        fresh_copy();
        unsigned char png[33] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
                                 0,    0,   0,   13,  'I',  'H',  'D',  'R'};
        png[16 + 2] = (unsigned char)(cases[i].w >> 8);
        png[16 + 3] = (unsigned char)cases[i].w;
        png[20 + 2] = (unsigned char)(cases[i].h >> 8);
        png[20 + 3] = (unsigned char)cases[i].h;
        if (!cases[i].png)
            png[1] = 'X';
        write_file("logo.png", (const char *)png, sizeof(png));
        const char *orgs = "id,kind,name@fi,logo\nhva,public,Hyvinvointialue,logo.png\n"
                           "mll,ngo,MLL,\n";
        write_file("organizations.csv", orgs, strlen(orgs));
        char *err = run_build(cases[i].message ? PACK_EXIT_CONTENT : PACK_EXIT_OK, out);
        if (cases[i].message) {
            if (!strstr(err, cases[i].message))
                fprintf(stderr, "expected: %s\ngot:\n%s", cases[i].message, err);
            assert_non_null(strstr(err, cases[i].message));
        } else {
            struct db *db;
            char msg[512];
            assert_int_equal(snapshot_open(out, false, &db, msg, sizeof(msg)), SNAPSHOT_OK);
            assert_int_equal(q(db, "SELECT count(*) FROM organization o JOIN asset a ON a.id = "
                                   "o.logo WHERE o.id = 'hva' AND a.width = 64 AND a.height = 32 "
                                   "AND length(a.data) = 33"),
                             1);
            db_close(db);
        }
        free(err);
    }
    unlink(out);
}

/* A damaged snapshot (bytes overwritten in the middle, as a bad SD card
 * might) is refused by the quick check the kiosk runs on open, also with
 * the file read through a memory map. */
static void test_damaged_snapshot_refused(void **state)
{
    (void)state;
    fresh_copy();
    char out[256];
    snprintf(out, sizeof(out), "/tmp/aula-out-%ld.aula", (long)getpid());
    free(run_build(PACK_EXIT_OK, out));
    struct db *db;
    char msg[512];
    assert_int_equal(snapshot_open(out, false, &db, msg, sizeof(msg)), SNAPSHOT_OK);
    int64_t pages = q(db, "PRAGMA page_count");
    /* Read through a memory map (data/db.c): the check below runs on it. */
    assert_int_equal(q(db, "PRAGMA mmap_size"), 4 << 20);
    db_close(db);
    assert_true(pages > 8);
    FILE *f = fopen(out, "r+b");
    assert_non_null(f);
    /* Overwrite every page after the schema with garbage headers. */
    for (int64_t p = 4; p < pages; p++) {
        assert_int_equal(fseek(f, (long)(p * 4096), SEEK_SET), 0);
        static const char junk[64] = "\x0d\xff\xff\xff\xff\xff\xff\xff";
        assert_int_equal(fwrite(junk, 1, sizeof(junk), f), sizeof(junk));
    }
    fclose(f);
    enum snapshot_status st = snapshot_open(out, false, &db, msg, sizeof(msg));
    assert_int_equal(st, SNAPSHOT_CORRUPT);
    assert_null(db);
    assert_non_null(strstr(msg, "snapshot is damaged"));
    unlink(out);
}

static void test_info_refuses_other_files(void **state)
{
    (void)state;
    static const struct {
        const char *content;
        size_t len;
        const char *message;
    } cases[] = {
        {"hello, I am not a database", 26,
         "not an aula snapshot (not an SQLite database: file is "
         "not a database)"},
        {"", 0, "not an aula snapshot (application_id is 0x00000000, expected 0x41554C41)"},
    };
    char path[256];
    snprintf(path, sizeof(path), "/tmp/aula-info-%ld.aula", (long)getpid());
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        FILE *f = fopen(path, "wb");
        fwrite(cases[i].content, 1, cases[i].len, f);
        fclose(f);
        char *obuf = NULL, *ebuf = NULL;
        size_t olen = 0, elen = 0;
        FILE *o = open_memstream(&obuf, &olen), *e = open_memstream(&ebuf, &elen);
        assert_int_equal(build_info(path, o, e), PACK_EXIT_CONTENT);
        fclose(o);
        fclose(e);
        if (!strstr(ebuf, cases[i].message))
            fprintf(stderr, "got: %s", ebuf);
        assert_non_null(strstr(ebuf, cases[i].message));
        free(obuf);
        free(ebuf);
    }
    /* A plain SQLite database of another application. */
    char cmd[512];
    unlink(path);
    snprintf(cmd, sizeof(cmd), "sqlite3 '%s' 'PRAGMA application_id = 7; CREATE TABLE t(x)'", path);
    assert_int_equal(system(cmd), 0);
    char *ebuf = NULL;
    size_t elen = 0;
    FILE *e = open_memstream(&ebuf, &elen);
    assert_int_equal(build_info(path, stdout, e), PACK_EXIT_CONTENT);
    fclose(e);
    assert_non_null(
        strstr(ebuf, "not an aula snapshot (application_id is 0x00000007, expected 0x41554C41)"));
    free(ebuf);
    unlink(path);
}

static int cleanup(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", workdir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_inputs),
        cmocka_unit_test(test_spreadsheet_exports),
        cmocka_unit_test(test_warnings_do_not_block),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_logos),
        cmocka_unit_test(test_damaged_snapshot_refused),
        cmocka_unit_test(test_info_refuses_other_files),
        cmocka_unit_test(test_activity_source),
    };
    return cmocka_run_group_tests(tests, NULL, cleanup);
}
