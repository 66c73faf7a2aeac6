/* Unit tests of kiosk/base/conf.c: good files (sections, quoting,
 * comments, other programs' sections, warnings) and a table of bad inputs
 * with the exact message each must give. */
#include "base/conf.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

enum { K_SITE, K_LANGS, K_DEFLANG, K_IDLE, K_DATA, K_ORIENT, K_WINDOW, K_DPI, NKEYS };

static const struct conf_key keys[NKEYS] = {
    [K_SITE] = {"kiosk", "site_id", CONF_ID, 0, 0, NULL},
    [K_LANGS] = {"kiosk", "languages", CONF_LANGS, 0, 0, NULL},
    [K_DEFLANG] = {"kiosk", "default_language", CONF_LANG, 0, 0, NULL},
    [K_IDLE] = {"kiosk", "idle_seconds", CONF_SECONDS, 0, 86400, NULL},
    [K_DATA] = {"kiosk", "data_dir", CONF_PATH, 0, 0, NULL},
    [K_ORIENT] = {"kiosk", "orientation", CONF_CHOICE, 0, 0, "landscape|portrait|auto"},
    [K_WINDOW] = {"kiosk", "window", CONF_BOOL, 0, 0, NULL},
    [K_DPI] = {"kiosk", "dpi", CONF_NUMBER, 0, 2000, NULL},
};
static const char *const owned[] = {"kiosk", NULL};
static const char *const others[] = {"sync", "printer", "stats", NULL};

struct warnings {
    char text[2048];
    int n;
};

static void collect(void *ctx, const char *msg)
{
    struct warnings *w = ctx;
    size_t len = strlen(w->text);
    snprintf(w->text + len, sizeof(w->text) - len, "%s\n", msg);
    w->n++;
}

static struct conf_spec spec_with(struct warnings *w)
{
    struct conf_spec s = {keys, NKEYS, owned, others, collect, w};
    return s;
}

static void test_good(void **state)
{
    (void)state;
    const char *text = "\xEF\xBB\xBF# aula.conf\n"
                       "[sync]\n"
                       "pull_url = https://example.org/site.aula\n"
                       "idle_seconds = not ours\n"
                       "\n"
                       "[kiosk]\r\n"
                       "  site_id = aurinkolahti  \n"
                       "languages = fi, sv en\n"
                       "default_language = \"sv\"\n"
                       "idle_seconds = 120\n"
                       "# data_dir = /nowhere\n"
                       "data_dir = /var/lib/aula\n"
                       "orientation = portrait\n"
                       "window = no\n"
                       "dpi = 96.5\n"
                       "[printer]\n"
                       "queue = lobby\n";
    struct warnings w = {"", 0};
    struct conf_spec spec = spec_with(&w);
    struct conf_value v[NKEYS];
    char err[512] = "";
    assert_true(conf_read("aula.conf", text, &spec, v, err, sizeof(err)));
    assert_int_equal(w.n, 0);
    assert_true(v[K_SITE].set);
    assert_string_equal(v[K_SITE].text, "aurinkolahti");
    assert_int_equal(v[K_SITE].line, 7);
    assert_string_equal(v[K_LANGS].text, "fi, sv en");
    assert_string_equal(v[K_DEFLANG].text, "sv");
    assert_true(v[K_IDLE].num == 120);
    assert_int_equal(v[K_IDLE].line, 10);
    assert_string_equal(v[K_DATA].text, "/var/lib/aula");
    assert_string_equal(v[K_ORIENT].text, "portrait");
    assert_true(v[K_WINDOW].set);
    assert_false(v[K_WINDOW].yes);
    assert_true(v[K_DPI].num == 96.5);
}

static void test_empty_and_missing(void **state)
{
    (void)state;
    struct warnings w = {"", 0};
    struct conf_spec spec = spec_with(&w);
    struct conf_value v[NKEYS];
    char err[512] = "";
    assert_true(conf_read("aula.conf", "", &spec, v, err, sizeof(err)));
    for (int i = 0; i < NKEYS; i++)
        assert_false(v[i].set);
    assert_true(conf_load("/nonexistent/aula.conf", false, &spec, v, err, sizeof(err)));
    assert_false(conf_load("/nonexistent/aula.conf", true, &spec, v, err, sizeof(err)));
    assert_string_equal(err, "/nonexistent/aula.conf: cannot read: No such file or directory");
}

static void test_warnings(void **state)
{
    (void)state;
    const char *text = "idle_seconds = 30\n"
                       "pull_url = https://example.org\n"
                       "[kiosk]\n"
                       "idle_secs = 30\n"
                       "[kisok]\n"
                       "idle_seconds = 30\n";
    struct warnings w = {"", 0};
    struct conf_spec spec = spec_with(&w);
    struct conf_value v[NKEYS];
    char err[512] = "";
    assert_true(conf_read("aula.conf", text, &spec, v, err, sizeof(err)));
    assert_string_equal(w.text, "aula.conf:1: idle_seconds: outside a section; put it under "
                                "[kiosk]\n"
                                "aula.conf:4: idle_secs: unknown setting in [kiosk]; ignored\n"
                                "aula.conf:5: [kisok]: unknown section; ignored\n");
    assert_false(v[K_IDLE].set);
}

struct bad_case {
    const char *text;
    const char *msg;
};

static void test_bad(void **state)
{
    (void)state;
    static const struct bad_case cases[] = {
        {"[kiosk]\n\n\n\n\n\nidle_seconds = x\n",
         "aula.conf:7: idle_seconds: \"x\" is not a number of seconds"},
        {"[kiosk]\nidle_seconds = 1.5\n",
         "aula.conf:2: idle_seconds: \"1.5\" is not a number of seconds"},
        {"[kiosk]\nidle_seconds = 90s\n",
         "aula.conf:2: idle_seconds: \"90s\" is not a number of seconds"},
        {"[kiosk]\nidle_seconds = 100000\n",
         "aula.conf:2: idle_seconds: 100000 is out of range (0 to 86400 seconds)"},
        {"[kiosk]\nidle_seconds = -1\n",
         "aula.conf:2: idle_seconds: -1 is out of range (0 to 86400 seconds)"},
        {"[kiosk]\nidle_seconds = 66666666666666666666666\n",
         "aula.conf:2: idle_seconds: 66666666666666666666666 is out of range (0 to 86400 "
         "seconds)"},
        {"[kiosk]\nidle_seconds =\n", "aula.conf:2: idle_seconds: \"\" is not a number of seconds"},
        {"[kiosk]\nwindow = maybe\n", "aula.conf:2: window: \"maybe\" is not yes or no"},
        {"[kiosk]\norientation = sideways\n",
         "aula.conf:2: orientation: \"sideways\" is not one of landscape, portrait, auto"},
        {"[kiosk]\norientation = land\n",
         "aula.conf:2: orientation: \"land\" is not one of landscape, portrait, auto"},
        {"[kiosk]\ndpi = many\n", "aula.conf:2: dpi: \"many\" is not a number"},
        {"[kiosk]\ndpi = 5000\n", "aula.conf:2: dpi: 5000 is out of range (0 to 2000)"},
        {"[kiosk]\ndata_dir = var/lib/aula\n",
         "aula.conf:2: data_dir: \"var/lib/aula\" is not an absolute path (start it with /)"},
        {"[kiosk]\nsite_id = aurinko lahti\n",
         "aula.conf:2: site_id: \"aurinko lahti\" is not an id (letters, digits, - _ . only)"},
        {"[kiosk]\nsite_id = \"\"\n", "aula.conf:2: site_id: is empty"},
        {"[kiosk]\nlanguages = fi, Swedish\n",
         "aula.conf:2: languages: \"Swedish\" is not a language code (like fi, sv, en)"},
        {"[kiosk]\nlanguages = ,\n",
         "aula.conf:2: languages: \",\" is not a list of language codes (like fi sv en)"},
        {"[kiosk]\ndefault_language = fi sv\n",
         "aula.conf:2: default_language: \"fi sv\" is not one language code (like fi)"},
        {"[kiosk]\nidle_seconds = 30\nsite_id = a\nidle_seconds = 60\n",
         "aula.conf:4: idle_seconds: set twice (first on line 2)"},
        {"[kiosk\nidle_seconds = 30\n", "aula.conf:1: \"[kiosk\": a section is written [name]"},
        {"[kiosk] x\n", "aula.conf:1: \"[kiosk] x\": a section is written [name]"},
        {"[kiosk]\nfullscreen\n",
         "aula.conf:2: expected \"key = value\" or \"[section]\", found \"fullscreen\""},
        {"[kiosk]\n= 30\n", "aula.conf:2: a line starts with \"=\": the key is missing"},
        /* Errors in other programs' sections are theirs to report. */
        {"[sync]\nretries = lots\n[kiosk]\nwindow = perhaps\n",
         "aula.conf:4: window: \"perhaps\" is not yes or no"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct warnings w = {"", 0};
        struct conf_spec spec = spec_with(&w);
        struct conf_value v[NKEYS];
        char err[512] = "";
        if (conf_read("aula.conf", cases[i].text, &spec, v, err, sizeof(err)))
            fail_msg("case %zu was accepted: %s", i, cases[i].text);
        if (strcmp(err, cases[i].msg) != 0)
            fail_msg("case %zu:\n got: %s\nwant: %s", i, err, cases[i].msg);
    }
}

/* conf_each: a program's own section, keys before any header, and the
 * sizes and durations the sync and printer settings use. */
struct kv_seen {
    char text[512];
};

static bool collect_kv(void *ctx, const char *key, const char *value, const char *name, int line,
                       char *err, size_t errcap)
{
    (void)name, (void)err, (void)errcap;
    struct kv_seen *s = ctx;
    size_t n = strlen(s->text);
    snprintf(s->text + n, sizeof(s->text) - n, "%d:%s=%s;", line, key, value);
    return true;
}

static void test_each_sections(void **state)
{
    (void)state;
    const char *text = "old = 1\n"
                       "[kiosk]\n"
                       "idle_seconds = 90\n"
                       "[sync]\n"
                       "# comment\n"
                       "pull_url = \"https://example.org/a b.aula\"\n"
                       "  [ printer ]  \n"
                       "printer = cups\n";
    struct kv_seen seen = {""};
    char err[256] = "";
    assert_true(conf_each(text, "aula.conf", "sync", collect_kv, &seen, err, sizeof(err)));
    assert_string_equal(seen.text, "1:old=1;6:pull_url=https://example.org/a b.aula;");
    seen.text[0] = '\0';
    assert_true(conf_each(text, "aula.conf", "printer", collect_kv, &seen, err, sizeof(err)));
    assert_string_equal(seen.text, "1:old=1;8:printer=cups;");
    /* A file without sections (a state file) may not have headers. */
    assert_false(conf_each(text, "state", NULL, collect_kv, &seen, err, sizeof(err)));
    assert_string_equal(err, "state:2: expected \"key = value\", found \"[kiosk]\"");
    assert_false(
        conf_each("[sync\nx = 1\n", "aula.conf", "sync", collect_kv, &seen, err, sizeof(err)));
    assert_string_equal(err, "aula.conf:1: a section header must look like [name]");
    assert_false(
        conf_each("[sync]\nnonsense\n", "aula.conf", "sync", collect_kv, &seen, err, sizeof(err)));
    assert_string_equal(err, "aula.conf:2: expected \"key = value\", found \"nonsense\"");
}

static void test_sizes_and_durations(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        long long v; /* -1: invalid */
    } sizes[] = {{"512M", 512LL << 20}, {"20k", 20 << 10}, {"1G", 1LL << 30}, {"100", 100},
                 {"2MB", 2 << 20},      {"-1", -1},        {"1T", -1},        {"", -1}},
      durations[] = {{"250ms", 250},   {"30s", 30000}, {"5m", 300000}, {"1h", 3600000},
                     {"1d", 86400000}, {"7", 7000},    {"1w", -1},     {"x", -1}};
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        long long v;
        bool ok = conf_parse_size(sizes[i].s, &v);
        assert_int_equal(ok, sizes[i].v >= 0);
        if (ok)
            assert_int_equal(v, sizes[i].v);
    }
    for (size_t i = 0; i < sizeof(durations) / sizeof(durations[0]); i++) {
        long long v;
        bool ok = conf_parse_duration(durations[i].s, &v);
        assert_int_equal(ok, durations[i].v >= 0);
        if (ok)
            assert_int_equal(v, durations[i].v);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),          cmocka_unit_test(test_empty_and_missing),
        cmocka_unit_test(test_warnings),      cmocka_unit_test(test_bad),
        cmocka_unit_test(test_each_sections), cmocka_unit_test(test_sizes_and_durations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
