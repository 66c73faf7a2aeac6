/* Tests of the kiosk's screen texts as compiled from assets/po: lookups and
 * the fallback to English, weekday names and formats of the newer
 * languages, and the snapshot's ui_string table overriding and adding
 * translations. */
#include "ui/strings.h"
#include "domain/content.h"
#include "data/snapshot.h"
#include "base/civil.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

static void test_compiled(void **state)
{
    (void)state;
    assert_string_equal(str_get("fi", S_BACK), "Takaisin");
    assert_string_equal(str_get("sv", S_BACK), "Tillbaka");
    assert_string_equal(str_get("en", S_BACK), "Back");
    assert_string_equal(str_get("ar", S_BACK), "رجوع");
    assert_string_equal(str_get("ru", S_BACK), "Назад");
    assert_string_equal(str_get("uk", S_WHAT_LOOKING), "Що ви шукаєте?");
    assert_string_equal(str_get("so", S_TODAY), "Maanta");
    assert_string_equal(str_get("fi", S_OPENS_ON), "avautuu %s klo %s");
    assert_string_equal(str_get("so", S_LOOP), "Qalabka caawiya maqalka (induction loop)");
    /* Languages without a file, and no language at all: English. */
    assert_string_equal(str_get("et", S_BACK), "Back");
    assert_string_equal(str_get(NULL, S_BACK), "Back");
    assert_string_equal(str_get("fi", STR_COUNT), "");
    assert_string_equal(str_key(S_BACK), "nav.back");
    assert_int_equal(str_find("nav.back"), S_BACK);
    assert_int_equal(str_find("no.such"), STR_COUNT);
    for (int id = 0; id < STR_COUNT; id++)
        assert_int_equal(str_find(str_key((enum str_id)id)), id);
}

static void test_formats(void **state)
{
    (void)state;
    char buf[64];
    int64_t d = civil_to_days(2026, 11, 24); /* a Tuesday */
    str_date_short("ru", d, buf, sizeof(buf));
    assert_string_equal(buf, "вт 24.11.");
    str_date_long("uk", d + 3, buf, sizeof(buf));
    assert_string_equal(buf, "пʼятниця 27.11.2026");
    str_date_short("so", d, buf, sizeof(buf));
    assert_string_equal(buf, "Talaado 24/11");
    str_time("ru", 9 * 60 + 30, buf, sizeof(buf));
    assert_string_equal(buf, "9:30");
    str_date_short("ar", d, buf, sizeof(buf));
    assert_string_equal(buf, "الثلاثاء 24/11");
    str_date_long("en", d, buf, sizeof(buf));
    assert_string_equal(buf, "Tuesday 24 November 2026");
    assert_string_equal(str_weekday_long("sv", 7), "söndag");
    /* Languages without conventions of their own get English ones. */
    str_date_short("et", d, buf, sizeof(buf));
    assert_string_equal(buf, "Tue 24 Nov");
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    assert_non_null(s);
    s[fread(s, 1, (size_t)n, f)] = '\0';
    fclose(f);
    return s;
}

/* The test fixture's content plus rows of ui_string, as a snapshot. */
static struct content *open_with(const char *path, const char *rows)
{
    char msg[512];
    unlink(path);
    struct db *db = snapshot_create(path, msg, sizeof(msg));
    if (!db)
        fail_msg("%s", msg);
    char *sql = read_all(AULA_SOURCE_DIR "/tests/kiosk/fixture.sql");
    assert_true(db_exec(db, sql));
    assert_true(db_exec(db, rows));
    free(sql);
    db_close(db);
    struct content *c = NULL;
    if (content_open(path, &c, msg, sizeof(msg)) != SNAPSHOT_OK)
        fail_msg("%s", msg);
    return c;
}

static void test_snapshot_override(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof(path), "%s/test_strings_%ld.aula", AULA_BINARY_DIR, (long)getpid());
    struct content *c = open_with(path, "INSERT INTO ui_string(lang, msgid, msgstr) VALUES"
                                        " ('fi', 'nav.back', 'Palaa'),"
                                        " ('fi', 'no.such.key', 'x'),"
                                        " ('fi', 'nav.home', ''),"
                                        " ('et', 'nav.back', 'Tagasi'),"
                                        " ('et', 'cal.week', 'Nädal %d');");
    /* Nothing consulted yet: the compiled texts. */
    assert_string_equal(str_get("fi", S_BACK), "Takaisin");

    str_use_content(c, "fi");
    assert_string_equal(str_get("fi", S_BACK), "Palaa");    /* the snapshot wins */
    assert_string_equal(str_get("fi", S_HOME), "Alkuun");   /* an empty row does not */
    assert_string_equal(str_get("fi", S_TODAY), "Tänään");  /* not overridden */
    assert_string_equal(str_get("sv", S_BACK), "Tillbaka"); /* only in its language */
    str_use_content(c, "fi");                               /* unchanged: kept */
    assert_string_equal(str_get("fi", S_BACK), "Palaa");

    /* A language the kiosk has no file for, added by the snapshot. */
    str_use_content(c, "et");
    assert_string_equal(str_get("et", S_BACK), "Tagasi");
    assert_string_equal(str_get("et", S_WEEK_N), "Nädal %d");
    assert_string_equal(str_get("et", S_HOME), "Home");     /* then English */
    assert_string_equal(str_get("fi", S_BACK), "Takaisin"); /* fi's rows are gone */

    str_use_content(NULL, NULL);
    assert_string_equal(str_get("et", S_BACK), "Back");
    content_close(c);

    /* A new snapshot replaces the old one's texts. */
    c = open_with(path, "INSERT INTO ui_string(lang, msgid, msgstr) VALUES"
                        " ('fi', 'nav.home', 'Etusivu');");
    str_use_content(c, "fi");
    assert_string_equal(str_get("fi", S_HOME), "Etusivu");
    assert_string_equal(str_get("fi", S_BACK), "Takaisin");
    str_use_content(NULL, NULL);
    content_close(c);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compiled),
        cmocka_unit_test(test_formats),
        cmocka_unit_test(test_snapshot_override),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
