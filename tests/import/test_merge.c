/* Tests of merge and diff through the command functions: a PTV import and
 * a Linked Events import merged with a local overrides folder (site,
 * categories, a re-filed and a removed service, replaced hours, a parish
 * .ics calendar, the local licence) pass aula-pack check and build; diff
 * reports what the merge changed. */
#include "import/importcmd.h"
#include "import_test.h"

static int run(int argc, char **argv, char **outtext, char **errtext)
{
    char *eb = NULL, *ob = NULL;
    size_t el = 0, ol = 0;
    FILE *err = open_memstream(&eb, &el), *out = open_memstream(&ob, &ol);
    int rc = importcmd_main(argc, argv, out, err);
    fclose(err);
    fclose(out);
    if (outtext)
        *outtext = ob;
    else
        free(ob);
    if (errtext)
        *errtext = eb;
    else
        free(eb);
    return rc;
}

static char ptv_dir[256], le_dir[256], merged[256];

static void imports_and_merge(void **state)
{
    (void)state;
    snprintf(ptv_dir, sizeof(ptv_dir), "%s", test_outdir("m-ptv"));
    snprintf(le_dir, sizeof(le_dir), "%s", test_outdir("m-le"));
    snprintf(merged, sizeof(merged), "%s", test_outdir("m-out"));
    char *a1[] = {"import",
                  "ptv",
                  IMPORT_FIXTURES "/ptv/itaranta.json",
                  IMPORT_FIXTURES "/ptv/page1.json",
                  "-o",
                  ptv_dir,
                  NULL};
    char *out;
    assert_int_equal(run(6, a1, &out, NULL), 0);
    assert_non_null(strstr(out, "written: 4 organisations, 5 services, 2 locations"));
    free(out);
    char *a2[] = {"import",
                  "linkedevents",
                  IMPORT_FIXTURES "/linkedevents/events.json",
                  "--attribution",
                  "Tapahtumatiedot: Helsingin kaupunki, Linked Events",
                  "-o",
                  le_dir,
                  NULL};
    assert_int_equal(run(7, a2, NULL, NULL), 0);
    char *a3[] = {"merge", ptv_dir, le_dir, "--overrides", IMPORT_FIXTURES "/overrides",
                  "-o",    merged,  NULL};
    char *err;
    assert_int_equal(run(7, a3, &out, &err), 0);
    assert_string_equal(err, "");
    free(err);
    free(out);
    /* merging again over an earlier output is fine */
    assert_int_equal(run(7, a3, NULL, NULL), 0);

    char *errtext;
    int rc = test_check(merged, &errtext);
    if (rc)
        fprintf(stderr, "%s", errtext);
    free(errtext);
    assert_int_equal(rc, 0);
    struct db *db = test_build(merged);
    assert_string_equal(test_text(db, "SELECT id || ' ' || region_id || ' ' || phone FROM site"),
                        "aurinkolahti itaranta-hyvinvointialue 09 000 2100");
    assert_string_equal(test_text(db, "SELECT name FROM site_i18n WHERE lang = 'sv'"),
                        "Familjecentret Solviken");
    /* the override re-filed the maternity clinic, its texts stay imported */
    assert_string_equal(test_text(db, "SELECT group_concat(term_id) FROM entity_term WHERE "
                                      "entity_id = 'ptv-5e1f0a2b-1111-4c3d-9e8f-7a6b5c4d3e01'"),
                        "neuvola-terveys");
    assert_string_equal(test_text(db, "SELECT name FROM service_i18n WHERE id = "
                                      "'ptv-5e1f0a2b-1111-4c3d-9e8f-7a6b5c4d3e01' AND lang = 'fi'"),
                        "Äitiysneuvola");
    assert_int_equal(test_count(db, "SELECT count(*) FROM service WHERE id = "
                                    "'ptv-5e1f0a2b-3333-4c3d-9e8f-7a6b5c4d3e03'"),
                     0);
    assert_int_equal(test_count(db, "SELECT count(*) FROM service"), 4);
    /* local hours replace all imported hours of that location */
    assert_string_equal(test_text(db, "SELECT group_concat(weekday || ' ' || opens_min || '-' || "
                                      "closes_min, ', ') FROM (SELECT * FROM opening_hours WHERE "
                                      "entity_id = 'ptv-a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a01' "
                                      "ORDER BY weekday)"),
                        "1 480-930, 2 480-930, 3 480-930, 4 480-930");
    /* imported exceptions of that location are kept */
    assert_int_equal(test_count(db, "SELECT count(*) FROM opening_exception WHERE entity_id = "
                                    "'ptv-a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a01'"),
                     4);
    /* Linked Events activities and the parish calendar, with its organisation */
    assert_int_equal(test_count(db, "SELECT count(*) FROM activity WHERE id LIKE 'le-%'"), 8);
    assert_string_equal(test_text(db, "SELECT organization_id FROM activity WHERE source_id = "
                                      "'calendars/seurakunta.ics'"),
                        "seurakunta");
    /* every source with its licence and attribution */
    assert_string_equal(test_text(db, "SELECT group_concat(id || '=' || ifnull(licence, '-') || "
                                      "'/' || ifnull(attribution, '-'), '; ') FROM (SELECT * FROM "
                                      "source ORDER BY id)"),
                        "calendars/seurakunta.ics=CC BY 4.0/Lahdenniemen seurakunta; csv=CC BY "
                        "4.0/Perhekeskus Aurinkolahti; linkedevents=CC BY 4.0/Tapahtumatiedot: "
                        "Helsingin kaupunki, Linked Events; ptv=CC BY 4.0/"
                        "Suomi.fi-palvelutietovaranto (PTV), Digi- ja väestötietovirasto");
    db_close(db);
    char path[300];
    snprintf(path, sizeof(path), "%s/calendars/seurakunta.ics", merged);
    assert_int_equal(access(path, R_OK), 0);
}

static void diff_reports_changes(void **state)
{
    (void)state;
    char *out;
    /* folders */
    char *a1[] = {"diff", ptv_dir, merged, NULL};
    assert_int_equal(run(3, a1, &out, NULL), 1);
    assert_non_null(strstr(out, "services: 0 added, 1 removed, 1 changed\n"));
    assert_non_null(strstr(out, "  - ptv-5e1f0a2b-3333-4c3d-9e8f-7a6b5c4d3e03 \"Perhekahvila "
                                "Majakka\"\n"));
    assert_non_null(strstr(out, "  ~ ptv-5e1f0a2b-1111-4c3d-9e8f-7a6b5c4d3e01 \"Äitiysneuvola\": "
                                "categories\n"));
    assert_non_null(strstr(out, "activities: 8 added, 0 removed, 0 changed\n"));
    assert_non_null(strstr(out, "organisations: 2 added, 0 removed, 0 changed\n"));
    free(out);
    /* snapshots */
    struct db *a = test_build(ptv_dir);
    db_close(a);
    struct db *b = test_build(merged);
    db_close(b);
    char sa[300], sb[300];
    snprintf(sa, sizeof(sa), "%s.aula", ptv_dir);
    snprintf(sb, sizeof(sb), "%s.aula", merged);
    char *a2[] = {"diff", sa, sb, NULL};
    assert_int_equal(run(3, a2, &out, NULL), 1);
    assert_non_null(strstr(out, "services: 0 added, 1 removed, 1 changed\n"));
    assert_non_null(strstr(out, "\"Äitiysneuvola\": category\n"));
    assert_non_null(strstr(out, "activities: 9 added, 0 removed, 0 changed\n"));
    assert_non_null(strstr(out, "  + le-helsinki-agvauva00 \"Vauvakerho\"\n"));
    free(out);
    /* the same snapshot: nothing changed */
    char *a3[] = {"diff", sb, sb, NULL};
    assert_int_equal(run(3, a3, &out, NULL), 0);
    assert_non_null(strstr(out, "services: 0 added, 0 removed, 0 changed\n"));
    free(out);
    char *err;
    char *a4[] = {"diff", sb, merged, NULL};
    assert_int_equal(run(3, a4, NULL, &err), 2);
    assert_non_null(strstr(err, "compare two snapshots or two content folders"));
    free(err);
}

static void merge_problems(void **state)
{
    (void)state;
    const char *dir = test_outdir("m-bad");
    char *err;
    /* the same import twice: every id is reported, the first row kept */
    char *a1[] = {"merge", ptv_dir, ptv_dir, "-o", (char *)dir, NULL};
    assert_int_equal(run(5, a1, NULL, &err), 0);
    assert_non_null(strstr(err, "/services.csv:2: id: warning: "
                                "\"ptv-5e1f0a2b-1111-4c3d-9e8f-7a6b5c4d3e01\" is already in an "
                                "earlier folder; that row is kept"));
    free(err);
    char *a2[] = {"merge", "/nonexistent-folder", "-o", (char *)dir, NULL};
    assert_int_equal(run(4, a2, NULL, &err), 1);
    assert_non_null(strstr(err, "/nonexistent-folder: error: not a content folder (no such "
                                "directory)"));
    free(err);
    /* a non-empty folder that is not an earlier output is not overwritten */
    char *a3[] = {"merge", ptv_dir, "-o", IMPORT_FIXTURES "/ptv", NULL};
    assert_int_equal(run(4, a3, NULL, &err), PACK_EXIT_IO);
    assert_non_null(strstr(err, "is not empty and has no sources.csv"));
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(imports_and_merge),
        cmocka_unit_test(diff_reports_changes),
        cmocka_unit_test(merge_problems),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
