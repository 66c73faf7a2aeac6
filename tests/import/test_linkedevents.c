/* Tests of the Linked Events importer: a sample API page (standalone,
 * recurring, umbrella, cancelled and postponed events, embedded places and
 * keywords) becomes activities, occurrences and cancelled instances; bad
 * input gives exact messages with the JSON path. */
#include "import/linkedevents.h"
#include "import_test.h"

static void sample_imports_checks_and_builds(void **state)
{
    (void)state;
    size_t l1, l2;
    char *ev = test_slurp(IMPORT_FIXTURES "/linkedevents/events.json", &l1);
    char *kw = test_slurp(IMPORT_FIXTURES "/linkedevents/keywords.json", &l2);
    struct import_input in[2] = {{"events.json", ev, l1}, {"keywords.json", kw, l2}};
    struct import_options opt = {.site_id = "kirjasto10"};
    struct folder f;
    folder_init(&f);
    struct diag_list d;
    diag_list_init(&d);
    assert_true(linkedevents_import(in, 2, &opt, &f, &d));
    assert_true(diag_contains(&d, "events.json: data[11].event_status: warning: "
                                  "\"EventMovedOnline\" is not a known event status; taken as "
                                  "scheduled"));
    assert_true(diag_contains(&d, "events.json: data[11].audience_max_age: warning: ages 12..3 "
                                  "are not a range of years; left out"));
    assert_true(diag_contains(&d, "events.json: data[14].end_time: warning: the event lasts more "
                                  "than 14 days"));
    const char *dir = test_outdir("le");
    char err[256];
    assert_true(folder_write(&f, dir, err, sizeof(err)));
    folder_free(&f);
    diag_list_free(&d);
    free(ev);
    free(kw);
    char *errtext;
    int rc = test_check(dir, &errtext);
    if (rc != 0)
        fprintf(stderr, "%s", errtext);
    assert_int_equal(rc, 0);
    free(errtext);

    struct db *db = test_build(dir);
    /* 8 activities: 1 standalone, 1 weekly group, 2 irregular subs, the
     * cancelled, the postponed, the online one, the umbrella's event */
    assert_int_equal(test_count(db, "SELECT count(*) FROM activity"), 8);
    assert_string_equal(test_text(db, "SELECT dtstart_local || ' ' || duration_min || ' ' || "
                                      "ifnull(rrule, '-') || ' ' || age_min || '-' || age_max "
                                      "FROM activity WHERE id = 'le-helsinki-agsatu01'"),
                        "2026-11-25T10:00 45 - 0-1");
    assert_string_equal(test_text(db, "SELECT name FROM activity_i18n WHERE id = "
                                      "'le-helsinki-agsatu01' AND lang = 'ar'"),
                        "وقت الحكايات للرضّع");
    assert_string_equal(test_text(db, "SELECT description FROM activity_i18n WHERE id = "
                                      "'le-helsinki-agsatu01' AND lang = 'fi'"),
                        "Loruja, lauluja ja kuvakirjoja alle 1-vuotiaille.\n\nEi "
                        "ennakkoilmoittautumista.");
    assert_string_equal(test_text(db, "SELECT price FROM activity_i18n WHERE id = "
                                      "'le-helsinki-agsatu01' AND lang = 'sv'"),
                        "Avgiftsfritt");
    assert_string_equal(test_text(db, "SELECT group_concat(term_id, ' ') FROM (SELECT term_id "
                                      "FROM entity_term WHERE entity_id = 'le-helsinki-agsatu01' "
                                      "ORDER BY 1)"),
                        "le-yso-p14710 le-yso-p20513");
    /* the recurring super event with weekly subs: one weekly activity, the
     * missing week an exdate, the cancelled sub a cancelled occurrence */
    assert_string_equal(test_text(db, "SELECT rrule || ' ' || registration_url FROM activity "
                                      "WHERE id = 'le-helsinki-agvauva00'"),
                        "FREQ=WEEKLY;UNTIL=20261230 https://example.org/ilmoittaudu");
    assert_string_equal(test_text(db, "SELECT group_concat(local_date || ' ' || status, ', ') "
                                      "FROM (SELECT * FROM occurrence WHERE activity_id = "
                                      "'le-helsinki-agvauva00' ORDER BY start_utc)"),
                        "2026-12-02 scheduled, 2026-12-09 cancelled, 2026-12-16 scheduled, "
                        "2026-12-30 scheduled");
    assert_string_equal(test_text(db, "SELECT name FROM activity_i18n WHERE id = "
                                      "'le-helsinki-agvauva00' AND lang = 'se'"),
                        "Mánáidklubba");
    assert_string_equal(test_text(db, "SELECT price FROM activity_i18n WHERE id = "
                                      "'le-helsinki-agvauva00' AND lang = 'en'"),
                        "€2 per family");
    /* irregular subs: one-off activities of their own */
    assert_int_equal(test_count(db, "SELECT count(*) FROM activity WHERE id LIKE "
                                    "'le-helsinki-agilta0%' AND rrule IS NULL"),
                     2);
    /* cancelled and postponed events are kept, marked cancelled, with a note */
    assert_string_equal(test_text(db, "SELECT o.status || ' ' || n.note FROM occurrence o JOIN "
                                      "occurrence_i18n n ON n.id = o.id AND n.lang = 'fi' WHERE "
                                      "o.activity_id = 'le-helsinki-agperuttu'"),
                        "cancelled Peruttu");
    assert_string_equal(test_text(db, "SELECT o.status || ' ' || n.note FROM occurrence o JOIN "
                                      "occurrence_i18n n ON n.id = o.id AND n.lang = 'en' WHERE "
                                      "o.activity_id = 'le-helsinki-agsiirto'"),
                        "cancelled Postponed to a later date");
    /* umbrella: not an activity itself; its event is */
    assert_int_equal(test_count(db, "SELECT count(*) FROM activity WHERE id = "
                                    "'le-helsinki-agfest'"),
                     0);
    assert_int_equal(test_count(db, "SELECT count(*) FROM activity WHERE id = "
                                    "'le-helsinki-agfest01'"),
                     1);
    /* place with WGS84 position, publisher organisation, licence */
    assert_string_equal(test_text(db, "SELECT street_address || ' ' || city || ' ' || latitude || "
                                      "' ' || longitude FROM location WHERE id = 'le-tprek-8310'"),
                        "Aurinkolahdentie 14 Helsinki 60.1702 24.939");
    assert_string_equal(test_text(db, "SELECT kind || ' ' || name FROM organization JOIN "
                                      "organization_i18n USING (id) WHERE lang = 'fi'"),
                        "public Helsingin kaupunginkirjasto");
    assert_string_equal(test_text(db, "SELECT licence || '|' || attribution FROM source WHERE id "
                                      "= 'linkedevents'"),
                        "CC BY 4.0|Linked Events (helsinki)");
    /* every imported activity is attributed to its source */
    assert_int_equal(test_count(db, "SELECT count(*) FROM activity WHERE source_id = "
                                    "'linkedevents'"),
                     8);
    db_close(db);
}

static const struct bad_case bad[] = {
    {"{\"data\":[{\"id\":\"x:1\",\"@type\":\"Event\",\"name\":{\"fi\":\"Kerho\"},\"start_time\":"
     "\"2026-13-01T10:00:00Z\"}]}",
     "le.json: data[0].start_time: error: \"2026-13-01T10:00:00Z\" is not a date and time", true},
    {"{\"data\":[{\"id\":\"x:1\",\"@type\":\"Event\",\"name\":{\"fi\":\"Kerho\"},\"start_time\":"
     "\"2026-12-01T10:00:00Z\",\"end_time\":\"2026-12-01T09:00:00Z\"}]}",
     "le.json: data[0].end_time: error: \"2026-12-01T09:00:00Z\" is before start_time "
     "\"2026-12-01T10:00:00Z\"",
     true},
    {"{\"data\":[{\"id\":\"x:1\",\"@type\":\"Event\",\"name\":\"Kerho\",\"start_time\":"
     "\"2026-12-01T10:00:00Z\"}]}",
     "le.json: data[0].name: error: expected an object, found a string", true},
    {"{\"data\":{}}", "le.json: data: error: expected a list, found an object", true},
    {"{\"data\":[{\"@type\":\"Event\"}]}", "le.json: data[0].id: error: missing", true},
    {"{\"data\":[{\"id\":\"x:1\",\"@type\":\"Event\",\"name\":{\"fi\":\"K\"},\"start_time\":"
     "\"2026-12-01T10:00:00Z\",\"offers\":[{\"is_free\":\"yes\"}]}]}",
     "le.json: data[0].offers[0].is_free: error: expected true or false, found a string", true},
    {"[{\"id\":\"x:1\",\"@type\":\"Event\",\"name\":{\"fi\":\"K\"},\"start_time\":"
     "\"2026-12-01T10:00:00Z\",\"super_event_type\":\"series\"}]",
     "le.json: [0].super_event_type: warning: \"series\" is not a known kind of super event; "
     "taken as an event",
     false},
    {"[{\"id\":\"x:1\",\"@type\":\"Event\",\"name\":{\"fi\":\"K\"},\"super_event_type\":"
     "\"recurring\",\"start_time\":\"2026-12-01T10:00:00Z\"}]",
     "le.json: [0]: warning: a recurring event without its sub-events in the input; skipped",
     false},
    {"[{\"id\":\"x:1\",\"@type\":\"Image\"}]",
     "le.json: [0].@type: warning: \"Image\" is not a kind of object this importer reads; "
     "skipped",
     false},
    {"[{\"id\":\"x:1\",\"@type\":\"Event\",\"name\":{},\"start_time\":\"2026-12-01\"}]",
     "le.json: [0].name: warning: event without a name; skipped", false},
};

static void bad_input_messages(void **state)
{
    (void)state;
    test_bad_cases(linkedevents_import, "le.json", bad, sizeof(bad) / sizeof(*bad));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sample_imports_checks_and_builds),
        cmocka_unit_test(bad_input_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
