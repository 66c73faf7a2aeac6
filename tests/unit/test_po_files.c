/* Tests of the screen-text files in assets/po: every language file parses,
 * names its language, and has exactly the keys of the table in
 * ui/strings.h; fi, sv and en translate every text (not empty, not fuzzy);
 * en's texts are the msgids themselves; and every translation keeps the
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
        cmocka_unit_test(test_every_file),
        cmocka_unit_test(test_conversions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
