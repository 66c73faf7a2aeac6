/* Unit tests of kiosk/domain/search: the FTS5 query built from typed text
 * (quoting, prefixes, syntax characters that must stay plain text), and
 * searches on the snapshot built from fixture.sql — prefix as you type,
 * case, ä/a and ö/o kept apart, Cyrillic and Arabic, the visitor's language
 * first, one hit per entity, the ranking tiers, the tie broken by kind,
 * snippets and the fallback-chain marker. */
#include "domain/content.h"
#include "domain/search.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

static const char *fixture_path;

struct fx {
    struct content *c;
    struct search *s;
};

static int open_fixture(void **state)
{
    static struct fx fx;
    char msg[512];
    if (content_open(fixture_path, &fx.c, msg, sizeof(msg)) != SNAPSHOT_OK) {
        fprintf(stderr, "%s: %s\n", fixture_path, msg);
        return -1;
    }
    fx.s = search_open(fx.c);
    if (!fx.s) {
        content_close(fx.c);
        return -1;
    }
    *state = &fx;
    return 0;
}

static int close_fixture(void **state)
{
    struct fx *fx = *state;
    search_close(fx->s);
    content_close(fx->c);
    return 0;
}

/* ---- the query builder (pure) ---- */

static void test_query_build(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        bool prefix;
        const char *column;
        size_t words;
        const char *want;
    } cases[] = {
        {"neuv", true, NULL, 1, "\"neuv\"*"},
        {"neuv", false, NULL, 1, "\"neuv\""},
        {"neuvola ", true, NULL, 1, "\"neuvola\""},
        {"  perhe   kahv", true, NULL, 2, "\"perhe\" \"kahv\"*"},
        {"neuv", true, "title", 1, "{title} : (\"neuv\"*)"},
        {"Äiti Öljy", true, NULL, 2, "\"Äiti\" \"Öljy\"*"},
        {"дитяча", true, NULL, 1, "\"дитяча\"*"},
        {"عيادة الطفل", true, NULL, 2, "\"عيادة\" \"الطفل\"*"},
        /* FTS5 syntax is plain text: cut at it, never passed on. */
        {"\"", true, NULL, 0, ""},
        {"*", true, NULL, 0, ""},
        {"-:", true, NULL, 0, ""},
        {"\"\"\"\"", true, NULL, 0, ""},
        {"NEAR(", true, NULL, 1, "\"NEAR\""},
        {"NEAR(neuvola perhe)", true, NULL, 3, "\"NEAR\" \"neuvola\" \"perhe\""},
        {"neuv\"*", true, NULL, 1, "\"neuv\""},
        {"a\"b", true, NULL, 2, "\"a\" \"b\"*"},
        {"title:neuvola", true, NULL, 2, "\"title\" \"neuvola\"*"},
        {"-neuvola", true, NULL, 1, "\"neuvola\"*"},
        {"neuvola AND OR NOT", true, NULL, 4, "\"neuvola\" \"AND\" \"OR\" \"NOT\"*"},
        {"{title}:(x) ^y", true, "title", 3, "{title} : (\"title\" \"x\" \"y\"*)"},
        {"café 0–1 v", true, NULL, 4, "\"café\" \"0\" \"1\" \"v\"*"},
        {"«äiti» → isä", true, NULL, 2, "\"äiti\" \"isä\"*"},
        {"", true, NULL, 0, ""},
        {"a b c d e f g h i j", true, NULL, SEARCH_MAX_WORDS,
         "\"a\" \"b\" \"c\" \"d\" \"e\" \"f\" \"g\" \"h\""},
        {"\xff\xfe neuv", true, NULL, 0, ""}, /* not UTF-8 */
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char out[SEARCH_QUERY_CAP];
        size_t n =
            search_query_build(cases[i].text, cases[i].prefix, cases[i].column, out, sizeof(out));
        if (n != cases[i].words || strcmp(out, cases[i].want) != 0)
            fail_msg("'%s': got %zu words '%s', want %zu '%s'", cases[i].text, n, out,
                     cases[i].words, cases[i].want);
    }
    /* Too small a buffer: nothing rather than a cut query. */
    char small[8];
    assert_int_equal(search_query_build("neuvola", true, NULL, small, sizeof(small)), 0);
    assert_string_equal(small, "");
}

/* ---- searches on the fixture ---- */

static void hit_name(const struct search_hit *h, char *buf, size_t cap)
{
    static const char *const short_kind[SEARCH_NKINDS] = {"service", "org", "contact", "activity"};
    snprintf(buf, cap, "%s:%s", short_kind[h->kind], h->id);
}

static void results_text(const struct search_results *r, char *buf, size_t cap)
{
    size_t k = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < r->n && k + 1 < cap; i++) {
        char name[128];
        hit_name(&r->v[i], name, sizeof(name));
        k += (size_t)snprintf(buf + k, cap - k, "%s%s", i ? " " : "", name);
    }
}

/* Expected hits, in order, as "kind:id" separated by spaces; "" for none.
 * With prefix_only, the hits must start with want (more may follow). */
struct rank_case {
    const char *lang, *text;
    const char *want;
    bool prefix_only;
};

static void check_ranks(struct search *s, const struct rank_case *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct search_results r = {0};
        if (!search_run(s, c[i].lang, c[i].text, 20, &r))
            fail_msg("'%s' (%s): search failed", c[i].text, c[i].lang);
        char got[2048];
        results_text(&r, got, sizeof(got));
        bool ok = c[i].prefix_only
                      ? strncmp(got, c[i].want, strlen(c[i].want)) == 0 &&
                            (got[strlen(c[i].want)] == '\0' || got[strlen(c[i].want)] == ' ')
                      : strcmp(got, c[i].want) == 0;
        search_results_free(&r);
        if (!ok)
            fail_msg("'%s' (%s): got [%s], want [%s]%s", c[i].text, c[i].lang, got, c[i].want,
                     c[i].prefix_only ? " first" : "");
    }
}

static void test_ranking(void **state)
{
    struct fx *fx = *state;
    static const struct rank_case cases[] = {
        /* As you type: the last word is a prefix; a title match comes first,
         * then the body (Neuvolat..., neuvolakäynnit...). */
        /* "MLL:n" has the whole word "n": before every "n..." prefix. */
        {"fi", "n", "service:lastenhoito org:mll-vuosaari service:neuvola-aurinkolahti", true},
        {"fi", "neuv", "service:neuvola-aurinkolahti org:hyvinvointialue contact:anna", false},
        {"fi", "neuvola", "service:neuvola-aurinkolahti org:hyvinvointialue contact:anna", false},
        /* A finished word (a space typed) is no prefix any more. */
        {"fi", "neuvola ", "service:neuvola-aurinkolahti", false},
        {"fi", "neuv ", "", false},
        /* Whole word before prefix: "perhekerho" exactly in two titles
         * (equal texts, so bm25 ties and the service comes before the
         * activity), before "Perhekerhot" only in a body (the shorter text
         * first: bm25). */
        {"fi", "perhekerho",
         "service:perhekerho activity:perhekerho-to contact:sari org:seurakunta", false},
        /* Case does not matter, in any script. */
        {"fi", "NEUVOLA ", "service:neuvola-aurinkolahti", false},
        {"fi", "PeRhEtYö", "service:perhetyo", true},
        {"uk", "ДИТЯЧА", "service:neuvola-aurinkolahti", false},
        /* ä is not a, ö is not o. */
        {"fi", "perhetyö ", "service:perhetyo org:hyvinvointialue", false},
        {"fi", "perhetyo", "", false},
        {"fi", "vauvaryhmä ", "activity:vauvaryhma", false},
        {"fi", "vauvaryhmä", "activity:vauvaryhma contact:sari org:seurakunta", false},
        {"fi", "vauvaryhma", "", false},
        {"fi", "joulumyyjäiset", "activity:joulumyyjaiset", false},
        {"fi", "joulumyyjaiset", "", false},
        /* Cyrillic (ru, uk with і ї є ґ) and Arabic. */
        {"ru", "детская", "service:neuvola-aurinkolahti", false},
        {"uk", "дит", "service:neuvola-aurinkolahti", false},
        {"uk", "ґанок", "service:perhekahvila", false},
        {"uk", "їжа", "service:perhekahvila", false},
        {"uk", "єднання", "service:perhekahvila", false},
        {"uk", "розвитком і", "service:neuvola-aurinkolahti", false},
        {"ar", "عيادة", "service:neuvola-aurinkolahti", false},
        {"ar", "الطف", "service:neuvola-aurinkolahti", false},
        /* The visitor's language first: the association's English row, then
         * a service only Finnish has the word for. Each entity once. */
        {"en", "mll", "org:mll-vuosaari service:lastenhoito", false},
        /* With no Swedish row for either, bm25 alone decides. */
        {"sv", "mll", "service:lastenhoito org:mll-vuosaari", false},
        /* People by name and by what they do; activities. */
        {"fi", "virtanen", "contact:anna", false},
        {"fi", "terveydenhoit", "contact:anna", false},
        {"en", "nurse", "contact:anna", false},
        {"fi", "eroneuvo", "activity:eroneuvo", false},
        /* Two words must both be there, in any column. */
        {"fi", "aurinkolahden neuv", "service:neuvola-aurinkolahti", false},
        {"fi", "perhekahvila vapaaehtoiset", "org:mll-vuosaari", false},
        {"fi", "vapaaehtoiset perhekahvila", "org:mll-vuosaari contact:mikko", false},
        {"fi", "perhekahvila zzz", "", false},
        /* A part inside a compound title ("Perhekahvila"): after title
         * prefixes, before the bodies (the activity's "Avoin kahvila");
         * a whole part works as a finished word too. */
        {"fi", "kahv", "service:perhekahvila activity:kahvila-ti", false},
        {"fi", "kahvila ", "service:perhekahvila activity:kahvila-ti", false},
        {"fi", "hvil", "service:perhekahvila", false},
    };
    check_ranks(fx->s, cases, sizeof(cases) / sizeof(cases[0]));
}

/* What a visitor might type, FTS5 syntax characters included: never an
 * error, never syntax, the words still found. */
static void test_tricky_input(void **state)
{
    struct fx *fx = *state;
    static const struct rank_case cases[] = {
        {"fi", "\"", "", false},
        {"fi", "*", "", false},
        {"fi", "NEAR(", "", false},
        {"fi", "-", "", false},
        {"fi", ":", "", false},
        {"fi", "\"neuvola\"", "service:neuvola-aurinkolahti", false},
        {"fi", "neuvola*", "service:neuvola-aurinkolahti", false},
        {"fi", "-neuvola ", "service:neuvola-aurinkolahti", false},
        {"fi", "title:neuvola", "", false},
        {"fi", "body : neuvola", "", false},
        {"fi", "NEAR(neuvola", "", false},
        {"fi", "neuvola OR perhetyö", "", false},
        {"fi", "neuvola NOT", "", false},
        {"fi", "(neuvola", "service:neuvola-aurinkolahti org:hyvinvointialue contact:anna", false},
        {"fi", "neuvola)", "service:neuvola-aurinkolahti", false},
        {"fi", "{title}", "", false},
        {"fi", "^neuv", "service:neuvola-aurinkolahti", true},
        {"fi", "neu+vola", "", false},
        {"fi", "'; DROP TABLE search; --", "", false},
        {"fi", "\\\"neuvola\\\"", "service:neuvola-aurinkolahti", false},
        {"fi", "«Perhetyö»", "service:perhetyo org:hyvinvointialue", false},
        {"fi", "🙂 perhetyö", "service:perhetyo", true},
        {"fi", "\xc3\x28 neuvola", "", false}, /* not UTF-8: nothing, no error */
    };
    check_ranks(fx->s, cases, sizeof(cases) / sizeof(cases[0]));

    /* Very long text: the first SEARCH_MAX_WORDS words count, the rest is
     * ignored; the syntax characters between them change nothing. */
    char text[4096];
    size_t k = 0;
    while (k + 16 < sizeof(text))
        k += (size_t)snprintf(text + k, sizeof(text) - k, "neuvola%s", k ? " \"*" : " ");
    struct search_results r = {0};
    assert_true(search_run(fx->s, "fi", text, 20, &r));
    assert_int_equal(r.words, SEARCH_MAX_WORDS);
    assert_true(r.n >= 1);
    assert_string_equal(r.v[0].id, "neuvola-aurinkolahti");
    search_results_free(&r);

    /* Nothing typed, or only punctuation: no words, no hits. */
    assert_true(search_run(fx->s, "fi", "  -*- ", 20, &r));
    assert_int_equal(r.words, 0);
    assert_int_equal(r.n, 0);
    search_results_free(&r);
}

static const struct search_hit *find_hit(const struct search_results *r, const char *id)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->v[i].id, id) == 0)
            return &r->v[i];
    return NULL;
}

static void test_view_model(void **state)
{
    struct fx *fx = *state;
    struct search_results r = {0};

    /* A title match: the description as the snippet, tier and language. */
    assert_true(search_run(fx->s, "fi", "neuv", 20, &r));
    const struct search_hit *h = find_hit(&r, "neuvola-aurinkolahti");
    assert_non_null(h);
    assert_int_equal(h->kind, SEARCH_SERVICE);
    assert_int_equal(h->tier, SEARCH_TITLE_PREFIX);
    assert_true(h->visitor_lang);
    assert_string_equal(h->title.s, "Aurinkolahden neuvola");
    assert_false(h->title.other);
    assert_string_equal(h->org_id, "hyvinvointialue");
    assert_true(strncmp(h->snippet.s, "Äitiys- ja lastenneuvola", 24) == 0);
    assert_true(strlen(h->snippet.s) <= SEARCH_SNIPPET_CAP + strlen("…"));
    /* A body match: the snippet shows where. */
    h = find_hit(&r, "anna");
    assert_non_null(h);
    assert_int_equal(h->kind, SEARCH_CONTACT);
    assert_int_equal(h->tier, SEARCH_BODY_PREFIX);
    assert_string_equal(h->title.s, "Anna Virtanen");
    assert_false(h->title.other);
    assert_string_equal(h->org_id, "hyvinvointialue");
    assert_non_null(strstr(h->snippet.s, "neuvolakäynnit"));
    search_results_free(&r);

    /* A contact found by name: the job title as the snippet. */
    assert_true(search_run(fx->s, "fi", "leila", 20, &r));
    assert_int_equal(r.n, 1);
    assert_string_equal(r.v[0].title.s, "Leila Haddad");
    assert_string_equal(r.v[0].snippet.s, "Perhetyöntekijä");
    assert_int_equal(r.v[0].tier, SEARCH_TITLE_EXACT);
    search_results_free(&r);

    /* Activities carry their service (or none). */
    assert_true(search_run(fx->s, "fi", "eroneuvo", 20, &r));
    assert_int_equal(r.n, 1);
    assert_int_equal(r.v[0].kind, SEARCH_ACTIVITY);
    assert_string_equal(r.v[0].service_id, "perheneuvola");
    assert_string_equal(r.v[0].org_id, "hyvinvointialue");
    search_results_free(&r);
    assert_true(search_run(fx->s, "fi", "joulu", 20, &r));
    assert_int_equal(r.n, 1);
    assert_string_equal(r.v[0].service_id, "");
    search_results_free(&r);

    /* Found in another language than the visitor's: the title comes
     * through the fallback chain (ar -> en) and is marked, and the snippet
     * shows the Finnish title that matched, marked too. */
    assert_true(search_run(fx->s, "ar", "perhekahvila ", 20, &r));
    h = find_hit(&r, "perhekahvila");
    assert_non_null(h);
    assert_false(h->visitor_lang);
    assert_string_equal(h->title.s, "Family café");
    assert_string_equal(h->title.lang, "en");
    assert_true(h->title.other);
    assert_string_equal(h->snippet.s, "Perhekahvila");
    assert_string_equal(h->snippet.lang, "fi");
    assert_true(h->snippet.other);
    search_results_free(&r);

    /* Arabic typed by a Finnish visitor: found, shown in Finnish. */
    assert_true(search_run(fx->s, "fi", "عيادة", 20, &r));
    assert_int_equal(r.n, 1);
    assert_string_equal(r.v[0].title.s, "Aurinkolahden neuvola");
    assert_false(r.v[0].visitor_lang);
    assert_string_equal(r.v[0].snippet.lang, "ar");
    search_results_free(&r);

    /* At most max hits; more says there were more. */
    assert_true(search_run(fx->s, "fi", "perhe", 2, &r));
    assert_int_equal(r.n, 2);
    assert_true(r.more);
    search_results_free(&r);
    assert_true(search_run(fx->s, "fi", "perhetyö ", 20, &r));
    assert_false(r.more);
    search_results_free(&r);
}

/* The same search twice gives the same answer (the scratch state of the
 * first does not leak into the second), in every language. */
static void test_repeatable(void **state)
{
    struct fx *fx = *state;
    static const char *const langs[] = {"fi", "sv", "en", "ar", "uk", "xx"};
    for (size_t l = 0; l < sizeof(langs) / sizeof(langs[0]); l++) {
        char first[2048], again[2048];
        struct search_results r = {0};
        assert_true(search_run(fx->s, langs[l], "perhe", 20, &r));
        assert_true(r.n > 5);
        results_text(&r, first, sizeof(first));
        assert_true(search_run(fx->s, langs[l], "neuv", 20, &r));
        assert_true(search_run(fx->s, langs[l], "perhe", 20, &r));
        results_text(&r, again, sizeof(again));
        assert_string_equal(first, again);
        search_results_free(&r);
    }
}

int main(int argc, char **argv)
{
    fixture_path = argc > 1 ? argv[1] : KIOSK_FIXTURE;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_query_build),
        cmocka_unit_test_setup_teardown(test_ranking, open_fixture, close_fixture),
        cmocka_unit_test_setup_teardown(test_tricky_input, open_fixture, close_fixture),
        cmocka_unit_test_setup_teardown(test_view_model, open_fixture, close_fixture),
        cmocka_unit_test_setup_teardown(test_repeatable, open_fixture, close_fixture),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
