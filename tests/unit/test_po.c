/* Tests for the .po reader: entries with context, multi-line strings,
 * escapes, fuzzy and untranslated entries, and exact messages for broken
 * files. */
#include "base/po.h"

#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

static const char sample[] = "# Finnish translation of aula\n"
                             "msgid \"\"\n"
                             "msgstr \"\"\n"
                             "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                             "\"Language: fi\\n\"\n"
                             "\n"
                             "#: kiosk/ui/screen_home.c:40\n"
                             "msgctxt \"nav.back\"\n"
                             "msgid \"Back\"\n"
                             "msgstr \"Takaisin\"\n"
                             "\n"
                             "msgctxt \"notice.idle\"\n"
                             "msgid \"\"\n"
                             "\"Going back to the start in %d seconds.\\n\"\n"
                             "\"Touch to continue.\"\n"
                             "msgstr \"\"\n"
                             "\"Palataan alkuun %d sekunnin kuluttua.\\n\"\n"
                             "\"Kosketa jatkaaksesi.\"\n"
                             "\n"
                             "#, fuzzy\n"
                             "msgctxt \"nav.home\"\n"
                             "msgid \"Home\"\n"
                             "msgstr \"Koti\"\n"
                             "\n"
                             "msgctxt \"cal.next\"\n"
                             "msgid \"Next\"\n"
                             "msgstr \"\"\n"
                             "msgctxt \"quote\"\n"
                             "msgid \"Say \\\"hi\\\"\"\n"
                             "msgstr \"Sano \\\"hei\\\"\\tnyt\"\n";

static void test_sample(void **state)
{
    (void)state;
    struct po_file po;
    struct diag_list d;
    diag_list_init(&d);
    assert_true(po_parse(sample, strlen(sample), "fi.po", &po, &d));
    assert_int_equal(d.n, 0);
    assert_string_equal(po.language, "fi");
    assert_int_equal(po.n, 5);
    assert_string_equal(po_lookup(&po, "nav.back"), "Takaisin");
    assert_string_equal(po_lookup(&po, "notice.idle"),
                        "Palataan alkuun %d sekunnin kuluttua.\nKosketa jatkaaksesi.");
    assert_string_equal(po.v[1].id, "Going back to the start in %d seconds.\nTouch to continue.");
    assert_null(po_lookup(&po, "nav.home")); /* fuzzy */
    assert_true(po.v[2].fuzzy);
    assert_false(po.v[1].fuzzy);
    assert_null(po_lookup(&po, "cal.next")); /* untranslated */
    assert_null(po_lookup(&po, "nope"));
    assert_string_equal(po_lookup(&po, "quote"), "Sano \"hei\"\tnyt");
    assert_int_equal(po.v[0].line, 9);
    po_free(&po);
    diag_list_free(&d);
}

static void test_bad(void **state)
{
    (void)state;
    static const struct {
        const char *data, *message;
    } cases[] = {
        {"msgctxt \"a\"\nmsgid \"A\"\n", "x.po:2: error: msgid without msgstr"},
        {"msgstr \"A\"\n", "x.po:1: error: msgstr without a msgid before it"},
        {"msgid \"A\"\nmsgid_plural \"As\"\nmsgstr[0] \"a\"\n",
         "x.po:2: error: plural forms are not used in aula's texts; write the text without them"},
        {"msgid \"A\nmsgstr \"a\"\n",
         "x.po:1: error: badly quoted string (missing \" or an unknown \\ escape)"},
        {"msgid \"A\\q\"\nmsgstr \"a\"\n",
         "x.po:1: error: badly quoted string (missing \" or an unknown \\ escape)"},
        {"msgid \"A\"\nmsgstr \"a\"\nhello\n",
         "x.po:3: error: expected msgctxt, msgid, msgstr, a \"string\" or a # comment"},
        {"\"stray\"\n", "x.po:1: error: a string outside msgctxt, msgid or msgstr"},
        {"msgid \"A\"\nmsgstr \"P\xE4iv\xE4\"\n",
         "x.po:2: error: invalid UTF-8; save the file as UTF-8"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct po_file po;
        struct diag_list d;
        diag_list_init(&d);
        assert_false(po_parse(cases[i].data, strlen(cases[i].data), "x.po", &po, &d));
        char buf[512];
        diag_format(&d.v[0], buf, sizeof(buf));
        print_message("%s\n", buf);
        assert_string_equal(buf, cases[i].message);
        po_free(&po);
        diag_list_free(&d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sample),
        cmocka_unit_test(test_bad),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
