/* Tests of the PTV importer: the sample register export (bundle + API page)
 * imports into a folder that aula-pack check accepts and that builds into
 * the expected snapshot rows; bad input gives exact messages with the JSON
 * path. */
#include "import/importcmd.h"
#include "import/ptv.h"
#include "import_test.h"

#include <math.h>

static const char *const sample_files[] = {IMPORT_FIXTURES "/ptv/itaranta.json",
                                           IMPORT_FIXTURES "/ptv/page1.json"};

#define NEUVOLA  "ptv-5e1f0a2b-1111-4c3d-9e8f-7a6b5c4d3e01"
#define PERHENEU "ptv-5e1f0a2b-2222-4c3d-9e8f-7a6b5c4d3e02"
#define KRIISI   "ptv-5e1f0a2b-4444-4c3d-9e8f-7a6b5c4d3e04"
#define LOC      "ptv-a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a01"
#define LOC2     "ptv-a1b2c3d4-0005-4e5f-8a9b-0c1d2e3f4a05"

static void sample_imports_checks_and_builds(void **state)
{
    (void)state;
    struct import_input in[2];
    char *data[2];
    for (int i = 0; i < 2; i++) {
        size_t len;
        data[i] = test_slurp(sample_files[i], &len);
        in[i] = (struct import_input){i ? "page1.json" : "itaranta.json", data[i], len};
    }
    struct import_options opt = {.site_id = "aurinkolahti"};
    struct folder f;
    folder_init(&f);
    struct diag_list d;
    diag_list_init(&d);
    assert_true(ptv_import(in, 2, &opt, &f, &d));
    assert_int_equal(d.errors, 0);
    assert_true(diag_contains(&d, "itaranta.json: services[1].serviceNames: warning: no name in "
                                  "fi; the sv one is used"));
    assert_true(diag_contains(&d, "itaranta.json: serviceChannels[4].serviceChannelType: "
                                  "warning: \"Chatbot\" is not a known kind of service channel; "
                                  "skipped"));
    assert_true(diag_contains(&d, "itaranta.json: organizations[2].organizationType: warning: "
                                  "\"Foundation\" is not a known organisation type; imported as "
                                  "\"other\""));
    const char *dir = test_outdir("ptv");
    char err[256];
    assert_true(folder_write(&f, dir, err, sizeof(err)));
    folder_free(&f);
    diag_list_free(&d);
    free(data[0]);
    free(data[1]);

    char *errtext;
    int rc = test_check(dir, &errtext);
    if (rc != 0)
        fprintf(stderr, "%s", errtext);
    assert_int_equal(rc, 0);
    assert_string_equal(errtext, ""); /* not even a warning */
    free(errtext);

    struct db *db = test_build(dir);
    assert_int_equal(test_count(db, "SELECT count(*) FROM service"), 5);
    assert_int_equal(test_count(db, "SELECT count(*) FROM organization"), 4);
    assert_string_equal(
        test_text(db, "SELECT name FROM service_i18n WHERE id = '" NEUVOLA "' AND lang = 'se'"),
        "Eatnánráđđehus");
    assert_string_equal(test_text(db, "SELECT description FROM service_i18n WHERE id = '" NEUVOLA
                                      "' AND lang = 'fi'"),
                        "Äitiysneuvola seuraa raskauden kulkua ja tukee koko perhettä.");
    assert_string_equal(
        test_text(db, "SELECT name FROM service_i18n WHERE id = '" NEUVOLA "' AND lang = 'ar'"),
        "عيادة الأمومة");
    assert_string_equal(
        test_text(db, "SELECT name FROM service_i18n WHERE id = '" PERHENEU "' AND lang = 'fi'"),
        "Familjerådgivning");
    assert_string_equal(test_text(db, "SELECT description FROM service_i18n WHERE id = '" PERHENEU
                                      "' AND lang = 'sv'"),
                        "Stöd för familjer när vardagen känns tung.\n\nAvgiftsfritt & "
                        "konfidentiellt.");
    assert_string_equal(test_text(db, "SELECT organization_id || ' ' || phone || ' ' || email || "
                                      "' ' || website FROM service WHERE id = '" NEUVOLA "'"),
                        "ptv-0b5f8d2e-6d1c-4a7e-9a51-3c1e2f4b8a01 +358 900021000 "
                        "perhekeskus@itaranta.example.org https://itaranta.example.org/neuvola");
    assert_string_equal(test_text(db,
                                  "SELECT group_concat(lang, ' ') FROM (SELECT lang FROM "
                                  "entity_language WHERE entity_id = '" NEUVOLA "' ORDER BY lang)"),
                        "ar en fi sv");
    assert_string_equal(
        test_text(db, "SELECT term_id FROM entity_term WHERE entity_id = '" NEUVOLA "'"),
        "ptv-p3-1");
    assert_string_equal(test_text(db, "SELECT name FROM taxonomy_term_i18n WHERE id = 'ptv-p3-1' "
                                      "AND lang = 'sv'"),
                        "Graviditet och förlossning");
    assert_int_equal(test_count(db, "SELECT count(*) FROM service_at_location WHERE location_id "
                                    "= '" LOC "'"),
                     3);
    /* organisations: kinds mapped, a stub for one only named by a service */
    assert_string_equal(test_text(db, "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM "
                                      "organization ORDER BY id)"),
                        "public ngo other other");
    assert_string_equal(test_text(db, "SELECT name FROM organization_i18n WHERE id = "
                                      "'ptv-2d7fa04a-8f3e-4c90-9c73-5e3a4b6dac03'"),
                        "Lahdenniemen seurakunta");
    assert_string_equal(test_text(db, "SELECT name FROM organization_i18n WHERE id = "
                                      "'ptv-1c6e9e3f-7e2d-4b8f-8b62-4d2f3a5c9b02' AND lang = 'se'"),
                        "MLL Lahdenniemi searvi");
    /* address and EPSG:3067 -> WGS84 */
    assert_string_equal(test_text(db, "SELECT street_address || '|' || postal_code || '|' || city "
                                      "FROM location WHERE id = '" LOC "'"),
                        "Aurinkolahdentie 12|00100|Helsinki");
    double lat = (double)test_count(db, "SELECT CAST(latitude * 1e6 AS INTEGER) FROM location "
                                        "WHERE id = '" LOC "'") /
                 1e6;
    double lon = (double)test_count(db, "SELECT CAST(longitude * 1e6 AS INTEGER) FROM location "
                                        "WHERE id = '" LOC "'") /
                 1e6;
    assert_true(fabs(lat - 60.1699) < 0.00001 && fabs(lon - 24.9384) < 0.00002);
    assert_string_equal(test_text(db, "SELECT accessibility FROM location_i18n WHERE id = '" LOC
                                      "' AND lang = 'fi'"),
                        "Sisäänkäynti on portaaton. Esteetön wc aulassa.");
    /* regular hours: Mon-Thu 8-16, Fri 8-14 (the "Funday" row was skipped) */
    assert_string_equal(test_text(db, "SELECT group_concat(weekday || ' ' || opens_min || '-' || "
                                      "closes_min, ', ') FROM (SELECT * FROM opening_hours WHERE "
                                      "entity_id = '" LOC "' ORDER BY weekday)"),
                        "1 480-960, 2 480-960, 3 480-960, 4 480-960, 5 480-840");
    /* over midnight (Special): Fri 22-06 and Sat 22-06 */
    assert_string_equal(test_text(db, "SELECT group_concat(weekday || ' ' || opens_min || '-' || "
                                      "closes_min, ', ') FROM (SELECT * FROM opening_hours WHERE "
                                      "entity_id = '" LOC2 "' ORDER BY weekday)"),
                        "5 1320-360, 6 1320-360");
    /* hours of a service-channel connection belong to the service */
    assert_int_equal(test_count(db, "SELECT count(*) FROM opening_hours WHERE entity_type = "
                                    "'service' AND entity_id = '" NEUVOLA "'"),
                     5);
    /* exceptions: Christmas closed, New Year's Eve 9-12 */
    assert_string_equal(test_text(db, "SELECT group_concat(date || ' ' || closed, ', ') FROM "
                                      "(SELECT * FROM opening_exception WHERE entity_id = '" LOC
                                      "' AND closed = 1 ORDER BY date)"),
                        "2026-12-24 1, 2026-12-25 1, 2026-12-26 1");
    assert_string_equal(test_text(db, "SELECT opens_min || '-' || closes_min || ' ' || n.note "
                                      "FROM opening_exception e JOIN opening_exception_i18n n ON "
                                      "n.id = e.id AND n.lang = 'fi' WHERE e.date = '2026-12-31'"),
                        "540-720 Uudenvuodenaatto");
    assert_string_equal(test_text(db, "SELECT id || '|' || kind || '|' || licence || '|' || "
                                      "attribution FROM source WHERE kind = 'ptv'"),
                        "ptv|ptv|CC BY 4.0|Suomi.fi-palvelutietovaranto (PTV), Digi- ja "
                        "väestötietovirasto");
    db_close(db);
}

static const struct bad_case bad[] = {
    {"{\"services\":[{\"id\":\"s1\",\"serviceNames\":[{\"type\":\"Name\",\"language\":\"fi\","
     "\"value\":\"Neuvola\"}],\"serviceChannels\":[{\"serviceChannel\":{\"id\":\"c\"},"
     "\"serviceHours\":[{\"serviceHourType\":\"Standard\",\"openingHour\":[{\"dayFrom\":"
     "\"Monday\",\"from\":\"25:00\",\"to\":\"16:00\"}]}]}]}]}",
     "ptv.json: services[0].serviceChannels[0].serviceHours[0].openingHour[0].from: error: "
     "\"25:00\" is not a time",
     true},
    {"{\"services\": [", "ptv.json:1: error: not valid JSON: ", true},
    {"{\"services\":[{\"id\":\"s\",\"serviceNames\":\"Neuvola\"}]}",
     "ptv.json: services[0].serviceNames: error: expected a list, found a string", true},
    {"{\"services\":[{\"serviceNames\":[]}]}", "ptv.json: services[0].id: error: missing", true},
    {"42", "ptv.json: error: expected PTV JSON (an object or a list of objects)", true},
    {"{\"pages\":[]}",
     "ptv.json: error: no organizations, services, serviceChannels or itemList here; is this a "
     "PTV Open API file?",
     true},
    {"[{\"id\":\"c\",\"serviceChannelType\":\"ServiceLocation\",\"serviceChannelNames\":[{"
     "\"language\":\"fi\",\"value\":\"Neuvola\"}],\"serviceHours\":[{\"serviceHourType\":"
     "\"Exception\",\"validFrom\":\"24.12.2026\",\"isClosed\":true}]}]",
     "ptv.json: [0].serviceHours[0].validFrom: error: \"24.12.2026\" is not a date", true},
    {"[{\"id\":\"c\",\"serviceChannelType\":\"ServiceLocation\",\"serviceChannelNames\":[{"
     "\"language\":\"fi\",\"value\":\"Neuvola\"}],\"serviceHours\":[{\"serviceHourType\":"
     "\"Exception\",\"validFrom\":\"2026-12-24\",\"validTo\":\"2026-12-20\",\"isClosed\":true}]}]",
     "ptv.json: [0].serviceHours[0].validTo: error: \"2026-12-20\" is before validFrom "
     "\"2026-12-24\"",
     true},
    {"[{\"id\":\"c\",\"serviceChannelType\":\"ServiceLocation\",\"serviceChannelNames\":[{"
     "\"language\":\"fi\",\"value\":\"Neuvola\"}],\"addresses\":[{\"type\":\"Location\","
     "\"streetAddress\":{\"latitude\":\"abc\",\"longitude\":\"385611\"}}]}]",
     "ptv.json: [0].addresses[0].streetAddress.latitude: error: \"abc\" is not a number", true},
    {"[{\"id\":\"c\",\"serviceChannelType\":\"ServiceLocation\",\"serviceChannelNames\":[{"
     "\"language\":\"fi\",\"value\":\"Neuvola\"}],\"addresses\":[{\"type\":\"Location\","
     "\"streetAddress\":{\"latitude\":\"100\",\"longitude\":\"385611\"}}]}]",
     "ptv.json: [0].addresses[0].streetAddress.latitude: warning: 100.000, 385611.000 are not "
     "ETRS-TM35FIN (EPSG:3067) coordinates in Finland; left out",
     false},
    {"[{\"id\":\"o\",\"organizationType\":\"Guild\",\"organizationNames\":[{\"language\":\"fi\","
     "\"value\":\"Kilta\"}]}]",
     "ptv.json: [0].organizationType: warning: \"Guild\" is not a known organisation type; "
     "imported as \"other\"",
     false},
    {"[{\"id\":\"o\",\"organizationNames\":[{\"language\":\"fi\",\"value\":\"Kilta\"}],"
     "\"publishingStatus\":\"Hidden\"}]",
     "ptv.json: [0].publishingStatus: warning: \"Hidden\" is not a known publishing status; "
     "imported as published",
     false},
    {"[{\"id\":\"s\",\"serviceNames\":[{\"language\":\"sv\",\"value\":\"Rådgivning\"}],"
     "\"organizations\":[{\"roleType\":\"Responsible\",\"organization\":{\"id\":\"x\"}}]}]",
     "ptv.json: [0]: warning: organisation x is not in the input; service skipped", false},
    {"[{\"id\":\"c\",\"serviceChannelType\":\"ServiceLocation\",\"serviceChannelNames\":[{"
     "\"language\":\"fi\",\"value\":\"N\"}],\"serviceHours\":[{\"serviceHourType\":\"Standard\","
     "\"openingHour\":[{\"dayFrom\":\"Maanantai\",\"from\":\"08:00\",\"to\":\"16:00\"}]}]}]",
     "ptv.json: [0].serviceHours[0].openingHour[0].dayFrom: warning: \"Maanantai\" is not a "
     "weekday (Monday ... Sunday); skipped",
     false},
};

static void bad_input_messages(void **state)
{
    (void)state;
    test_bad_cases(ptv_import, "ptv.json", bad, sizeof(bad) / sizeof(*bad));
}

static void an_error_writes_nothing(void **state)
{
    (void)state;
    /* the command line: an import with an error leaves -o untouched */
    const char *dir = test_outdir("ptv-bad");
    char path[300];
    snprintf(path, sizeof(path), "%s.json", dir);
    FILE *fp = fopen(path, "w");
    fputs("{\"services\":[{\"serviceNames\":[]}]}", fp);
    fclose(fp);
    char *argv[] = {"import", "ptv", path, "-o", (char *)dir, NULL};
    char *eb = NULL, *ob = NULL;
    size_t el = 0, ol = 0;
    FILE *err = open_memstream(&eb, &el), *out = open_memstream(&ob, &ol);
    assert_int_equal(importcmd_main(5, argv, out, err), PACK_EXIT_CONTENT);
    fclose(err);
    fclose(out);
    assert_non_null(strstr(eb, "services[0].id: error: missing"));
    assert_non_null(strstr(eb, "not written: fix the errors above first"));
    assert_int_equal(access(dir, F_OK), -1);
    free(eb);
    free(ob);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sample_imports_checks_and_builds),
        cmocka_unit_test(bad_input_messages),
        cmocka_unit_test(an_error_writes_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
