/* Tests of the inner parts of title words (pack/parts.h), which let search
 * find a compound by a part: "neuv" finds "Lastenneuvola". */
#include "pack/parts.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

static void expect_parts(const char *title, const char *want)
{
    struct strbuf b;
    strbuf_init(&b);
    parts_of_title(title, &b);
    assert_string_equal(b.len ? b.s : "", want);
    strbuf_free(&b);
}

static void test_compounds(void **state)
{
    (void)state;
    expect_parts("Lastenneuvola", "tenneuvola enneuvola nneuvola neuvola euvola uvola vola");
    /* Letters beyond ASCII count as one each. */
    expect_parts("Äitiysneuvola", "iysneuvola ysneuvola sneuvola neuvola euvola uvola vola");
    expect_parts("Rådgivningen i Solviken",
                 "givningen ivningen vningen ningen ingen ngen viken iken");
    expect_parts("Детская", "ская");
}

static void test_short_words_and_separators(void **state)
{
    (void)state;
    expect_parts("Perhe ja arki", "");
    expect_parts("", "");
    expect_parts(NULL, "");
    /* Dashes and hyphens separate words. */
    expect_parts("2\xe2\x80\x93"
                 "5-vuotiaille",
                 "tiaille iaille aille ille");
    /* Not UTF-8: nothing rather than garbage in the index. */
    expect_parts("Lasten\xffneuvola", "");
}

static void test_long_word_capped(void **state)
{
    (void)state;
    char word[61];
    memset(word, 'a', 60);
    word[60] = '\0';
    struct strbuf b;
    strbuf_init(&b);
    parts_of_title(word, &b);
    size_t parts = 1;
    for (size_t i = 0; i < b.len; i++)
        parts += b.s[i] == ' ';
    assert_int_equal(parts, PARTS_MAX_WORD);
    strbuf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compounds),
        cmocka_unit_test(test_short_words_and_separators),
        cmocka_unit_test(test_long_word_capped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
