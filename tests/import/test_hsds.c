/* Tests of the HSDS importer: a Swedish CSV data package (with Arabic
 * text) and an HSDS 3 JSON page (Finnish, with Northern Sami) import into
 * folders that aula-pack check accepts and that build into the expected
 * rows; bad input gives exact messages at the CSV line or JSON path. */
#include "import/hsds.h"
#include "import_test.h"

#include <dirent.h>

static const char *const tables[] = {
    "organizations.csv",
    "services.csv",
    "locations.csv",
    "physical_addresses.csv",
    "service_at_location.csv",
    "phones.csv",
    "contacts.csv",
    "regular_schedules.csv",
    "holiday_schedules.csv",
    "taxonomy_terms.csv",
    "service_taxonomy.csv",
    "languages.csv",
};
#define NTABLES (sizeof(tables) / sizeof(*tables))

static void csv_package(void **state)
{
    (void)state;
    struct import_input in[NTABLES];
    char *data[NTABLES];
    char names[NTABLES][64];
    for (size_t i = 0; i < NTABLES; i++) {
        char path[512];
        snprintf(path, sizeof(path), IMPORT_FIXTURES "/hsds/package/%s", tables[i]);
        size_t len;
        data[i] = test_slurp(path, &len);
        snprintf(names[i], sizeof(names[i]), "%s", tables[i]);
        in[i] = (struct import_input){names[i], data[i], len};
    }
    struct import_options opt = {.language = "sv", .licence = "CC BY 4.0"};
    struct folder f;
    folder_init(&f);
    struct diag_list d;
    diag_list_init(&d);
    assert_true(hsds_import(in, NTABLES, &opt, &f, &d));
    assert_true(diag_contains(&d, "services.csv:6: status: warning: \"paused\" is not a known "
                                  "status (active, inactive, defunct, temporarily closed); "
                                  "imported"));
    assert_true(diag_contains(&d, "services.csv:7: organization_id: warning: organisation "
                                  "\"org-saknas\" is not in the input; service skipped"));
    assert_true(diag_contains(&d, "phones.csv:5: number: warning: \"ring oss\" is not a phone "
                                  "number; left out"));
    assert_true(diag_contains(&d, "locations.csv:3: latitude: warning: \"91.5\", \"25.9\" are "
                                  "not WGS84 latitude and longitude; left out"));
    const char *dir = test_outdir("hsds");
    char err[256];
    assert_true(folder_write(&f, dir, err, sizeof(err)));
    folder_free(&f);
    diag_list_free(&d);
    for (size_t i = 0; i < NTABLES; i++)
        free(data[i]);
    assert_int_equal(test_check(dir, NULL), 0);
    struct db *db = test_build(dir);
    /* active, temporarily closed and the unknown status; not defunct */
    assert_int_equal(test_count(db, "SELECT count(*) FROM service"), 4);
    assert_string_equal(test_text(db, "SELECT default_language FROM site"), "sv");
    assert_string_equal(test_text(db, "SELECT description FROM service_i18n WHERE id = "
                                      "'hsds-svc-cafe' AND lang = 'sv'"),
                        "Öppet familjecafé för alla familjer, också på arabiska: مقهى العائلات "
                        "مفتوح للجميع.");
    assert_string_equal(test_text(db, "SELECT phone || ' ' || email FROM service WHERE id = "
                                      "'hsds-svc-cafe'"),
                        "+358 40 000 5101 fyren@folkhalsan.example.org");
    assert_string_equal(test_text(db, "SELECT group_concat(lang, ' ') FROM (SELECT lang FROM "
                                      "entity_language WHERE entity_id = 'hsds-svc-cafe' ORDER "
                                      "BY lang)"),
                        "ar sv");
    assert_string_equal(test_text(db, "SELECT location_id FROM service_at_location WHERE "
                                      "service_id = 'hsds-svc-cafe'"),
                        "hsds-loc-fyren");
    assert_string_equal(test_text(db, "SELECT street_address || '|' || postal_code || '|' || "
                                      "city FROM location WHERE id = 'hsds-loc-fyren'"),
                        "Solvikvägen 12, 2 vån.|07170|Viknäs");
    assert_string_equal(test_text(db, "SELECT parent_id FROM taxonomy_term WHERE id = "
                                      "'hsds-tx-cafe'"),
                        "hsds-tx-familj");
    assert_string_equal(test_text(db, "SELECT name || ' ' || phone FROM contact WHERE id = "
                                      "'hsds-ct-1'"),
                        "Sara Lindqvist 040 000 5102");
    assert_string_equal(test_text(db, "SELECT title FROM contact_i18n WHERE id = 'hsds-ct-2'"),
                        "Familjearbete");
    assert_string_equal(test_text(db, "SELECT group_concat(weekday || ' ' || opens_min || '-' || "
                                      "closes_min, ', ') FROM (SELECT * FROM opening_hours WHERE "
                                      "entity_id = 'hsds-svc-cafe' ORDER BY weekday)"),
                        "2 570-720, 4 570-720");
    assert_int_equal(test_count(db, "SELECT count(*) FROM opening_exception WHERE entity_id = "
                                    "'hsds-svc-cafe' AND closed = 1"),
                     17);
    assert_string_equal(test_text(db, "SELECT opens_min || '-' || closes_min FROM "
                                      "opening_exception WHERE entity_id = 'hsds-loc-fyren'"),
                        "600-780");
    assert_string_equal(test_text(db, "SELECT kind || '|' || licence FROM source WHERE id = "
                                      "'hsds'"),
                        "hsds|CC BY 4.0");
    db_close(db);
}

static void json_page(void **state)
{
    (void)state;
    size_t len;
    char *data = test_slurp(IMPORT_FIXTURES "/hsds/itaranta.json", &len);
    struct import_input in = {"itaranta.json", data, len};
    struct import_options opt = {0};
    struct folder f;
    folder_init(&f);
    struct diag_list d;
    diag_list_init(&d);
    assert_true(hsds_import(&in, 1, &opt, &f, &d));
    assert_true(diag_contains(&d, "itaranta.json: contents[0].schedules[2].freq: warning: "
                                  "\"MONTHLY\" schedules are not supported (WEEKLY is); skipped"));
    const char *dir = test_outdir("hsds-json");
    char err[256];
    assert_true(folder_write(&f, dir, err, sizeof(err)));
    folder_free(&f);
    diag_list_free(&d);
    free(data);
    assert_int_equal(test_check(dir, NULL), 0);
    struct db *db = test_build(dir);
#define PN "hsds-9c1e0001-aaaa-4bbb-8ccc-000000000001"
    assert_int_equal(test_count(db, "SELECT count(*) FROM service"), 2);
    assert_int_equal(test_count(db, "SELECT count(*) FROM organization"), 1);
    assert_string_equal(test_text(db, "SELECT group_concat(lang, ' ') FROM (SELECT lang FROM "
                                      "entity_language WHERE entity_id = '" PN "' ORDER BY lang)"),
                        "fi se sv");
    assert_string_equal(test_text(db, "SELECT group_concat(weekday || ' ' || opens_min || '-' || "
                                      "closes_min, ', ') FROM (SELECT * FROM opening_hours WHERE "
                                      "entity_id = '" PN "' ORDER BY weekday)"),
                        "1 480-960, 2 480-960, 3 480-960, 4 480-960, 5 480-840");
    assert_string_equal(test_text(db, "SELECT name FROM taxonomy_term_i18n WHERE id = 'hsds-t1'"),
                        "Perheneuvonta");
    assert_string_equal(test_text(db, "SELECT name || ' ' || phone FROM contact"),
                        "Aino Virtanen 040 000 2201");
    assert_string_equal(test_text(db, "SELECT accessibility FROM location_i18n"),
                        "Hissi 2. kerrokseen.");
    db_close(db);
}

static const struct bad_case bad[] = {
    {"{\"services\":[{\"id\":\"s\",\"name\":\"Neuvola\",\"organization_id\":\"o\"}],"
     "\"organizations\":[{\"id\":\"o\",\"name\":\"Alue\"}],\"schedules\":[{\"service_id\":\"s\","
     "\"freq\":\"WEEKLY\",\"byday\":\"MO\",\"opens_at\":\"25:00\",\"closes_at\":\"16:00\"}]}",
     "hsds.json: schedules[0].opens_at: error: \"25:00\" is not a time", true},
    {"{\"services\":[{\"id\":\"s\",\"name\":\"Neuvola\",\"organization\":{\"id\":\"o\",\"name\":"
     "\"Alue\"},\"holiday_schedules\":[{\"closed\":true,\"start_date\":\"24.12.\"}]}]}",
     "hsds.json: services[0].holiday_schedules[0].start_date: error: \"24.12.\" is not a date",
     true},
    {"{\"services\":{}}",
     "hsds.json: error: no organizations, services or locations here; is "
     "this HSDS JSON?",
     true},
    {"[1]", "hsds.json: [0]: error: expected an object", true},
    {"{\"organizations\":[{\"name\":\"Alue\"}]}", "hsds.json: organizations[0].id: error: missing",
     true},
    {"{\"organizations\":[{\"id\":\"o\",\"name\":\"Alue\"}],\"services\":[{\"id\":\"s\","
     "\"organization_id\":\"o\",\"name\":\"N\",\"status\":\"paused\"}]}",
     "hsds.json: services[0].status: warning: \"paused\" is not a known status", false},
    {"{\"organizations\":[{\"id\":\"o\",\"name\":\"Alue\"}],\"services\":[{\"id\":\"s\","
     "\"organization_id\":\"o\",\"name\":\"N\",\"regular_schedules\":[{\"weekday\":\"ma\","
     "\"opens_at\":\"08:00\",\"closes_at\":\"16:00\"}]}]}",
     "hsds.json: services[0].regular_schedules[0].weekday: warning: \"ma\" is not a weekday; "
     "skipped",
     false},
};

static void bad_input_messages(void **state)
{
    (void)state;
    test_bad_cases(hsds_import, "hsds.json", bad, sizeof(bad) / sizeof(*bad));
    /* CSV: line and column */
    const char *csv = "id,service_id,weekday,opens_at,closes_at\nr1,s,1,9:00,17:61\n";
    struct import_input in[3] = {
        {"organizations.csv", "id,name\no,Alue\n", 15},
        {"services.csv", "id,organization_id,name\ns,o,Neuvola\n", 35},
        {"regular_schedules.csv", csv, strlen(csv)},
    };
    struct import_options opt = {0};
    struct folder f;
    folder_init(&f);
    struct diag_list d;
    diag_list_init(&d);
    assert_false(hsds_import(in, 3, &opt, &f, &d));
    assert_true(diag_contains(&d, "regular_schedules.csv:2: closes_at: error: \"17:61\" is not "
                                  "a time"));
    folder_free(&f);
    diag_list_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(csv_package),
        cmocka_unit_test(json_page),
        cmocka_unit_test(bad_input_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
