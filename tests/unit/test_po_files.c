/* Tests of the screen-text files in assets/po: every language file parses,
 * names its language, and has exactly the keys of the table in
 * ui/strings.h; fi, sv and en translate every text (not empty, not fuzzy);
 * ar, so, ru and uk translate at least what a family meets first (the
 * home screen, navigation, the calendar and the detail pages), and the
 * test prints how much of each language is translated; en's texts are the
 * msgids themselves; and every translation keeps the
 * printf-style conversions of its msgid (%s, %d: the same, in the same
 * order), in every language file. */
#include "ui/strings.h"
#include "base/po.h"

#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PO_DIR AULA_SOURCE_DIR "/assets/po"

static const char *const keys[] = {
#define STR_KEY(id, key) key,
    STR_LIST(STR_KEY)
#undef STR_KEY
};
#define NKEYS (sizeof(keys) / sizeof(keys[0]))

static void load(const char *name, struct po_file *po)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", PO_DIR, name);
    struct diag_list d;
    diag_list_init(&d);
    bool ok = po_load(path, name, po, &d);
    if (!ok || d.n) {
        diag_print(&d, stderr);
        fail_msg("%s does not load cleanly", name);
    }
    diag_list_free(&d);
}

static const struct po_entry *entry(const struct po_file *po, const char *key)
{
    for (size_t i = 0; i < po->n; i++)
        if (strcmp(po->v[i].ctxt, key) == 0)
            return &po->v[i];
    return NULL;
}

/* The conversions of s in order ("sd" for "%s ... %d"); "%%" is not one.
 * Returns false on a conversion str_fill cannot fill (anything but %s, %d). */
static bool conversions(const char *s, char *out, size_t cap)
{
    size_t k = 0;
    bool ok = true;
    for (const char *p = s; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        while (*p && strchr("0123456789.-+ #lhz", *p))
            p++, ok = false;
        if (!*p)
            return false;
        if (*p != 's' && *p != 'd')
            ok = false;
        if (k + 1 < cap)
            out[k++] = *p;
    }
    out[k] = '\0';
    return ok;
}

static void test_complete(void **state)
{
    (void)state;
    static const char *const full[] = {"fi.po", "sv.po", "en.po"};
    for (size_t f = 0; f < 3; f++) {
        struct po_file po;
        load(full[f], &po);
        for (size_t i = 0; i < NKEYS; i++) {
            const struct po_entry *e = entry(&po, keys[i]);
            if (!e)
                fail_msg("%s: no entry for %s", full[f], keys[i]);
            if (!e->str[0])
                fail_msg("%s:%d: %s is not translated", full[f], e->line, keys[i]);
            if (e->fuzzy)
                fail_msg("%s:%d: %s is fuzzy", full[f], e->line, keys[i]);
            assert_string_equal(po_lookup(&po, keys[i]), e->str);
        }
        po_free(&po);
    }
    /* English is the source: its translations are the msgids. */
    struct po_file en;
    load("en.po", &en);
    for (size_t i = 0; i < en.n; i++)
        if (strcmp(en.v[i].id, en.v[i].str) != 0)
            fail_msg("en.po:%d: msgstr differs from msgid", en.v[i].line);
    po_free(&en);
}

/* The languages translated by volunteers and partners: complete is the
 * aim, but these parts must be there, because a visitor cannot get around
 * without them. */
static const char *const partial_files[] = {"ar.po", "so.po", "ru.po", "uk.po"};
static const char *const required_prefixes[] = {"home.", "nav.", "cal.", "detail."};

static bool required(const char *key)
{
    for (size_t i = 0; i < sizeof(required_prefixes) / sizeof(required_prefixes[0]); i++)
        if (strncmp(key, required_prefixes[i], strlen(required_prefixes[i])) == 0)
            return true;
    return false;
}

static void test_partial_languages(void **state)
{
    (void)state;
    size_t nreq = 0;
    for (size_t i = 0; i < NKEYS; i++)
        nreq += required(keys[i]);
    /* Each prefix still names a part of the table. */
    for (size_t p = 0; p < sizeof(required_prefixes) / sizeof(required_prefixes[0]); p++) {
        size_t n = 0;
        for (size_t i = 0; i < NKEYS; i++)
            n += strncmp(keys[i], required_prefixes[p], strlen(required_prefixes[p])) == 0;
        if (n == 0)
            fail_msg("no key of ui/strings.h starts with %s", required_prefixes[p]);
    }
    for (size_t f = 0; f < sizeof(partial_files) / sizeof(partial_files[0]); f++) {
        struct po_file po;
        load(partial_files[f], &po);
        size_t done = 0, req_done = 0;
        char missing[1024] = "";
        for (size_t i = 0; i < NKEYS; i++) {
            const struct po_entry *e = entry(&po, keys[i]);
            bool ok = e && e->str[0] && !e->fuzzy;
            done += ok;
            if (!required(keys[i]))
                continue;
            req_done += ok;
            if (!ok) {
                size_t n = strlen(missing);
                snprintf(missing + n, sizeof(missing) - n, " %s", keys[i]);
            }
        }
        printf("%s: %zu of %zu texts translated (%zu%%); home, navigation, calendar, detail: "
               "%zu of %zu\n",
               partial_files[f], done, NKEYS, done * 100 / NKEYS, req_done, nreq);
        if (req_done != nreq)
            fail_msg("%s: not translated (or fuzzy), but every visitor needs them:%s",
                     partial_files[f], missing);
        po_free(&po);
    }
}

/* Every .po file in the folder, and the template: the table's keys, no
 * others, the same msgid everywhere, and matching conversions. */
static void test_every_file(void **state)
{
    (void)state;
    struct po_file pot;
    load("aula.pot", &pot);
    assert_int_equal(pot.n, NKEYS);
    for (size_t i = 0; i < NKEYS; i++) {
        const struct po_entry *e = entry(&pot, keys[i]);
        if (!e)
            fail_msg("aula.pot: no entry for %s", keys[i]);
        char conv[16];
        if (!conversions(e->id, conv, sizeof(conv)))
            fail_msg("aula.pot:%d: only %%s and %%d can be filled in", e->line);
    }
    DIR *dir = opendir(PO_DIR);
    assert_non_null(dir);
    size_t files = 0;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        size_t n = strlen(de->d_name);
        if (n < 4 || strcmp(de->d_name + n - 3, ".po") != 0)
            continue;
        files++;
        struct po_file po;
        load(de->d_name, &po);
        if (strncmp(po.language, de->d_name, n - 3) != 0 || po.language[n - 3])
            fail_msg("%s: the header says Language: %s", de->d_name, po.language);
        for (size_t i = 0; i < po.n; i++) {
            const struct po_entry *e = &po.v[i];
            const struct po_entry *t = entry(&pot, e->ctxt);
            if (!t)
                fail_msg("%s:%d: %s is not a key of the kiosk", de->d_name, e->line, e->ctxt);
            if (strcmp(t->id, e->id) != 0)
                fail_msg("%s:%d: the msgid of %s differs from aula.pot", de->d_name, e->line,
                         e->ctxt);
            if (!e->str[0])
                continue;
            char want[16], got[16];
            conversions(e->id, want, sizeof(want));
            if (!conversions(e->str, got, sizeof(got)) || strcmp(want, got) != 0)
                fail_msg("%s:%d: %s: the translation has conversions \"%s\", the msgid \"%s\"",
                         de->d_name, e->line, e->ctxt, got, want);
        }
        po_free(&po);
    }
    closedir(dir);
    assert_true(files >= 7);
    po_free(&pot);
}

/* The checker itself: what it accepts and refuses. */
static void test_conversions(void **state)
{
    (void)state;
    char c[16];
    assert_true(conversions("opens %s at %s", c, sizeof(c)));
    assert_string_equal(c, "ss");
    assert_true(conversions("%d%% of %s", c, sizeof(c)));
    assert_string_equal(c, "ds");
    assert_true(conversions("no conversions", c, sizeof(c)));
    assert_string_equal(c, "");
    assert_false(conversions("%5d", c, sizeof(c)));
    assert_false(conversions("%x", c, sizeof(c)));
    assert_false(conversions("trailing %", c, sizeof(c)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_complete),
        cmocka_unit_test(test_partial_languages),
        cmocka_unit_test(test_every_file),
        cmocka_unit_test(test_conversions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
