/* merge: row matching and cell-level overriding over whole content
 * folders, read with the same CSV reader as aula-pack check. */
#include "import/merge.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "pack/content.h"
#include "pack/csvfile.h"
#include "pack/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum match { M_SINGLE, M_UNIQUE, M_GROUP };

struct filemerge {
    enum match how;
    const char *key[2]; /* key columns (M_UNIQUE, M_GROUP) */
};

static struct filemerge how_for(const char *file)
{
    static const struct {
        const char *file;
        struct filemerge m;
    } specs[] = {
        {"site.csv", {M_SINGLE, {NULL, NULL}}},
        {"languages.csv", {M_UNIQUE, {"code", NULL}}},
        {"ui_strings.csv", {M_UNIQUE, {"lang", "msgid"}}},
        {"calendars.csv", {M_UNIQUE, {"file", NULL}}},
        {"opening_hours.csv", {M_GROUP, {"target", NULL}}},
        {"opening_exceptions.csv", {M_GROUP, {"target", "date"}}},
        {"activity_changes.csv", {M_GROUP, {"activity", "date"}}},
    };
    for (size_t i = 0; i < sizeof(specs) / sizeof(*specs); i++)
        if (strcmp(specs[i].file, file) == 0)
            return specs[i].m;
    return (struct filemerge){M_UNIQUE, {"id", NULL}};
}

/* The row key as one string (caller frees). */
static char *row_key(const struct filemerge *m, const struct csv_table *t, size_t r)
{
    struct strbuf b;
    strbuf_init(&b);
    for (int i = 0; i < 2 && m->key[i]; i++) {
        if (i)
            strbuf_putc(&b, '\x1f');
        strbuf_puts(&b, csvfile_cell(t, r, csvfile_col(t, m->key[i])));
    }
    return strbuf_detach(&b);
}

static char *out_key(const struct filemerge *m, const struct folder_table *t, size_t r)
{
    struct strbuf b;
    strbuf_init(&b);
    for (int i = 0; i < 2 && m->key[i]; i++) {
        if (i)
            strbuf_putc(&b, '\x1f');
        strbuf_puts(&b, folder_cell(t, r, m->key[i]));
    }
    return strbuf_detach(&b);
}

/* Row of out with key, searching rows [0, limit). */
static long find_row(const struct filemerge *m, const struct folder_table *t, const char *key,
                     size_t limit)
{
    if (m->how == M_SINGLE)
        return t->nrows ? 0 : -1;
    if (m->how == M_UNIQUE && !m->key[1] && t->keycol >= 0) {
        long r = folder_find(t, key);
        return r >= 0 && (size_t)r < limit ? r : -1;
    }
    for (size_t r = 0; r < limit && r < t->nrows; r++) {
        char *k = out_key(m, t, r);
        bool eq = strcmp(k, key) == 0;
        free(k);
        if (eq)
            return (long)r;
    }
    return -1;
}

static bool is_path_column(const char *file, const char *col)
{
    return (strcmp(file, "calendars.csv") == 0 && strcmp(col, "file") == 0) ||
           (strcmp(file, "organizations.csv") == 0 && strcmp(col, "logo") == 0);
}

static void set_cell(struct folder *out, struct folder_table *t, size_t row, const char *col,
                     const char *v, const char *dir)
{
    folder_set(t, row, col, v);
    if (*v && is_path_column(t->name, col) && !strstr(v, "..")) {
        struct strbuf p;
        strbuf_init(&p);
        strbuf_printf(&p, "%s/%s", dir, v);
        folder_add_copy(out, v, p.s);
        strbuf_free(&p);
    }
}

/* Joins the space-separated lists a and b (no repeats). */
static char *join_lists(const char *a, const char *b)
{
    struct strbuf s;
    strbuf_init(&s);
    strbuf_puts(&s, a);
    char *copy = xstrdup(b);
    for (char *tok = strtok(copy, " "); tok; tok = strtok(NULL, " ")) {
        bool have = false;
        char *mine = xstrdup(s.s ? s.s : "");
        for (char *t2 = strtok(mine, " "); t2 && !have; t2 = strtok(NULL, " "))
            have = strcmp(t2, tok) == 0;
        free(mine);
        if (!have) {
            if (s.len)
                strbuf_putc(&s, ' ');
            strbuf_puts(&s, tok);
        }
    }
    free(copy);
    return strbuf_detach(&s);
}

static void merge_file(struct folder *out, const char *dir, enum content_file f, bool override,
                       struct diag_list *d)
{
    const char *file = content_file_name(f);
    struct strbuf path;
    strbuf_init(&path);
    strbuf_printf(&path, "%s/%s", dir, file);
    struct stat st;
    if (stat(path.s, &st) != 0) {
        strbuf_free(&path);
        return;
    }
    struct strbuf shown;
    strbuf_init(&shown);
    strbuf_printf(&shown, "%s/%s", dir, file);
    struct csv_table t;
    memset(&t, 0, sizeof(t));
    bool ok = csvfile_load(path.s, shown.s, &t, d);
    strbuf_free(&path);
    if (!ok) {
        csvfile_free(&t);
        strbuf_free(&shown);
        return;
    }
    struct filemerge m = how_for(file);
    struct folder_table *o =
        folder_table(out, file, NULL, m.how == M_UNIQUE && !m.key[1] ? m.key[0] : NULL);
    for (size_t c = 0; c < t.ncols; c++)
        if (t.cols[c][0] && strcmp(t.cols[c], "remove") != 0)
            folder_column(o, t.cols[c]);
    size_t before = o->nrows; /* rows from earlier folders */
    int remove_col = csvfile_col(&t, "remove");
    char **replaced = NULL; /* group keys this override has replaced */
    size_t nreplaced = 0;
    for (size_t r = 0; r < t.nrows; r++) {
        char *key = row_key(&m, &t, r);
        bool remove = remove_col >= 0 && validate_bool(csvfile_cell(&t, r, remove_col)) == TRI_YES;
        long at = -1;
        if (m.how == M_GROUP) {
            bool seen = false;
            for (size_t i = 0; i < nreplaced; i++)
                seen = seen || strcmp(replaced[i], key) == 0;
            if (override && !seen) {
                for (long x; (x = find_row(&m, o, key, o->nrows)) >= 0;)
                    folder_remove_row(o, (size_t)x);
                replaced = xrealloc(replaced, (nreplaced + 1) * sizeof(char *));
                replaced[nreplaced++] = xstrdup(key);
            }
        } else {
            at = find_row(&m, o, key, override ? o->nrows : before);
        }
        if (remove) {
            if (at >= 0)
                folder_remove_row(o, (size_t)at);
            else if (m.how != M_GROUP)
                diag_add(d, DIAG_WARNING, shown.s, t.rows[r].line, "remove",
                         "nothing to remove: no row \"%s\" in the imported folders", key);
            free(key);
            continue;
        }
        if (at >= 0 && !override && m.how == M_UNIQUE) {
            diag_add(d, DIAG_WARNING, shown.s, t.rows[r].line, m.key[0],
                     "\"%s\" is already in an earlier folder; that row is kept", key);
            free(key);
            continue;
        }
        size_t row = at >= 0 ? (size_t)at : folder_add_row(o);
        for (size_t c = 0; c < t.ncols; c++) {
            const char *col = t.cols[c];
            const char *v = csvfile_cell(&t, r, (int)c);
            if (!col[0] || (int)c == remove_col || !*v)
                continue;
            if (m.how == M_SINGLE && at >= 0 && !override) {
                const char *cur = folder_cell(o, row, col);
                if (strcmp(col, "languages") == 0) {
                    char *j = join_lists(cur, v);
                    folder_set(o, row, col, j);
                    free(j);
                } else if (!*cur) {
                    set_cell(out, o, row, col, v, dir);
                }
                continue;
            }
            set_cell(out, o, row, col, v, dir);
        }
        free(key);
    }
    for (size_t i = 0; i < nreplaced; i++)
        free(replaced[i]);
    free(replaced);
    csvfile_free(&t);
    strbuf_free(&shown);
}

bool merge_folders(const char *const *dirs, size_t n, const char *overrides, struct folder *out,
                   struct diag_list *d)
{
    size_t errors = d->errors;
    for (size_t i = 0; i <= n; i++) {
        const char *dir = i < n ? dirs[i] : overrides;
        if (!dir)
            continue;
        struct stat st;
        if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
            diag_add(d, DIAG_ERROR, dir, 0, NULL, "not a content folder (no such directory)");
            continue;
        }
        for (int f = 0; f < CF_COUNT; f++)
            merge_file(out, dir, (enum content_file)f, i == n, d);
    }
    return d->errors == errors;
}
