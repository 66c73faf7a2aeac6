/* folder: tables of a content folder in memory and their CSV output.
 * Owns every table, row and cell, and the list of files to copy. */
#include "import/folder.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "pack/content.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void folder_init(struct folder *f)
{
    memset(f, 0, sizeof(*f));
}

static void table_free(struct folder_table *t)
{
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->rowcols[r]; c++)
            free(t->rows[r][c]);
        free(t->rows[r]);
    }
    free(t->rows);
    free(t->rowcols);
    for (size_t c = 0; c < t->ncols; c++)
        free(t->cols[c]);
    free(t->cols);
    for (size_t i = 0; i < t->norder; i++)
        free(t->order[i]);
    free(t->order);
    idset_free(&t->index);
    free(t->name);
    free(t);
}

void folder_free(struct folder *f)
{
    for (size_t i = 0; i < f->n; i++)
        table_free(f->t[i]);
    free(f->t);
    for (size_t i = 0; i < f->ncopy; i++) {
        free(f->copy_path[i]);
        free(f->copy_from[i]);
    }
    free(f->copy_path);
    free(f->copy_from);
    memset(f, 0, sizeof(*f));
}

struct folder_table *folder_get_table(const struct folder *f, const char *name)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->t[i]->name, name) == 0)
            return f->t[i];
    return NULL;
}

int folder_column_index(const struct folder_table *t, const char *col)
{
    for (size_t c = 0; c < t->ncols; c++)
        if (strcmp(t->cols[c], col) == 0)
            return (int)c;
    return -1;
}

size_t folder_column(struct folder_table *t, const char *col)
{
    int c = folder_column_index(t, col);
    if (c >= 0)
        return (size_t)c;
    XGROW(t->cols, t->capcols, t->ncols + 1);
    t->cols[t->ncols] = xstrdup(col);
    return t->ncols++;
}

struct folder_table *folder_table(struct folder *f, const char *name, const char *const *order,
                                  const char *key)
{
    struct folder_table *t = folder_get_table(f, name);
    if (t)
        return t;
    t = xcalloc(1, sizeof(*t));
    t->name = xstrdup(name);
    t->keycol = -1;
    idset_init(&t->index);
    for (size_t i = 0; order && order[i]; i++) {
        t->order = xrealloc(t->order, (t->norder + 1) * sizeof(*t->order));
        t->order[t->norder++] = xstrdup(order[i]);
        size_t n = strlen(order[i]);
        if (n && order[i][n - 1] != '@')
            folder_column(t, order[i]);
    }
    if (key)
        t->keycol = (int)folder_column(t, key);
    XGROW(f->t, f->cap, f->n + 1);
    f->t[f->n++] = t;
    return t;
}

size_t folder_add_row(struct folder_table *t)
{
    if (t->nrows == t->caprows) {
        t->caprows = t->caprows ? t->caprows * 2 : 16;
        t->rows = xrealloc(t->rows, t->caprows * sizeof(*t->rows));
        t->rowcols = xrealloc(t->rowcols, t->caprows * sizeof(*t->rowcols));
    }
    t->rows[t->nrows] = NULL;
    t->rowcols[t->nrows] = 0;
    return t->nrows++;
}

const char *folder_cell_at(const struct folder_table *t, size_t row, size_t col)
{
    if (row >= t->nrows || col >= t->rowcols[row] || !t->rows[row][col])
        return "";
    return t->rows[row][col];
}

const char *folder_cell(const struct folder_table *t, size_t row, const char *col)
{
    int c = folder_column_index(t, col);
    return c < 0 ? "" : folder_cell_at(t, row, (size_t)c);
}

static void reindex(struct folder_table *t)
{
    idset_free(&t->index);
    idset_init(&t->index);
    if (t->keycol < 0)
        return;
    for (size_t r = 0; r < t->nrows; r++) {
        const char *k = folder_cell_at(t, r, (size_t)t->keycol);
        if (*k)
            idset_add(&t->index, k, (int)r, NULL);
    }
}

void folder_set(struct folder_table *t, size_t row, const char *col, const char *value)
{
    size_t c = folder_column(t, col);
    if (c >= t->rowcols[row]) {
        size_t n = t->ncols;
        t->rows[row] = xrealloc(t->rows[row], n * sizeof(char *));
        for (size_t i = t->rowcols[row]; i < n; i++)
            t->rows[row][i] = NULL;
        t->rowcols[row] = n;
    }
    bool was_key = (int)c == t->keycol && t->rows[row][c];
    free(t->rows[row][c]);
    t->rows[row][c] = value && *value ? xstrdup(value) : NULL;
    if ((int)c == t->keycol) {
        if (was_key)
            reindex(t); /* the old key string is gone */
        else if (t->rows[row][c])
            idset_add(&t->index, t->rows[row][c], (int)row, NULL);
    }
}

long folder_find(const struct folder_table *t, const char *value)
{
    int r;
    if (t->keycol < 0 || !idset_get(&t->index, value, &r))
        return -1;
    return r;
}

void folder_remove_row(struct folder_table *t, size_t r)
{
    for (size_t c = 0; c < t->rowcols[r]; c++)
        free(t->rows[r][c]);
    free(t->rows[r]);
    memmove(&t->rows[r], &t->rows[r + 1], (t->nrows - r - 1) * sizeof(*t->rows));
    memmove(&t->rowcols[r], &t->rowcols[r + 1], (t->nrows - r - 1) * sizeof(*t->rowcols));
    t->nrows--;
    reindex(t);
}

void folder_add_copy(struct folder *f, const char *path, const char *src)
{
    for (size_t i = 0; i < f->ncopy; i++) {
        if (strcmp(f->copy_path[i], path) == 0) {
            free(f->copy_from[i]);
            f->copy_from[i] = xstrdup(src);
            return;
        }
    }
    if (f->ncopy == f->capcopy) {
        f->capcopy = f->capcopy ? f->capcopy * 2 : 8;
        f->copy_path = xrealloc(f->copy_path, f->capcopy * sizeof(char *));
        f->copy_from = xrealloc(f->copy_from, f->capcopy * sizeof(char *));
    }
    f->copy_path[f->ncopy] = xstrdup(path);
    f->copy_from[f->ncopy] = xstrdup(src);
    f->ncopy++;
}

/* ---- output ---------------------------------------------------------------- */

void folder_csv_cell(struct strbuf *b, const char *s)
{
    bool quote = strpbrk(s, ",;\"\r\n") != NULL;
    if (!quote) {
        strbuf_puts(b, s);
        return;
    }
    strbuf_putc(b, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            strbuf_putc(b, '"');
        strbuf_putc(b, *p);
    }
    strbuf_putc(b, '"');
}

/* Column indexes in output order: declared order first (stems expand to
 * every column that starts with them), then the rest. */
static size_t *output_order(const struct folder_table *t)
{
    size_t *out = xmalloc((t->ncols ? t->ncols : 1) * sizeof(size_t));
    bool *used = xcalloc(t->ncols ? t->ncols : 1, sizeof(bool));
    size_t n = 0;
    for (size_t i = 0; i < t->norder; i++) {
        size_t len = strlen(t->order[i]);
        bool stem = len && t->order[i][len - 1] == '@';
        for (size_t c = 0; c < t->ncols; c++) {
            if (used[c])
                continue;
            if (stem ? strncmp(t->cols[c], t->order[i], len) == 0
                     : strcmp(t->cols[c], t->order[i]) == 0) {
                used[c] = true;
                out[n++] = c;
            }
        }
    }
    for (size_t c = 0; c < t->ncols; c++)
        if (!used[c])
            out[n++] = c;
    free(used);
    return out;
}

static bool write_text(const char *path, const char *data, size_t len, char *err, size_t errcap)
{
    FILE *fp = fopen(path, "wb");
    if (!fp) {
        snprintf(err, errcap, "cannot create %s: %s", path, strerror(errno));
        return false;
    }
    bool ok = fwrite(data, 1, len, fp) == len;
    ok = (fclose(fp) == 0) && ok;
    if (!ok)
        snprintf(err, errcap, "cannot write %s: %s", path, strerror(errno));
    return ok;
}

static bool write_table(const struct folder_table *t, const char *dir, char *err, size_t errcap)
{
    size_t *ord = output_order(t);
    struct strbuf b;
    strbuf_init(&b);
    for (size_t i = 0; i < t->ncols; i++) {
        if (i)
            strbuf_putc(&b, ',');
        folder_csv_cell(&b, t->cols[ord[i]]);
    }
    strbuf_putc(&b, '\n');
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t i = 0; i < t->ncols; i++) {
            if (i)
                strbuf_putc(&b, ',');
            folder_csv_cell(&b, folder_cell_at(t, r, ord[i]));
        }
        strbuf_putc(&b, '\n');
    }
    free(ord);
    struct strbuf p;
    strbuf_init(&p);
    strbuf_printf(&p, "%s/%s", dir, t->name);
    bool ok = write_text(p.s, b.s ? b.s : "", b.len, err, errcap);
    strbuf_free(&p);
    strbuf_free(&b);
    return ok;
}

/* mkdir -p for the parent folders of path (inside dir). */
static bool make_parents(const char *dir, const char *path, char *err, size_t errcap)
{
    struct strbuf b;
    strbuf_init(&b);
    strbuf_printf(&b, "%s/%s", dir, path);
    size_t base = strlen(dir) + 1;
    for (size_t i = base; i < b.len; i++) {
        if (b.s[i] != '/')
            continue;
        b.s[i] = '\0';
        if (mkdir(b.s, 0755) != 0 && errno != EEXIST) {
            snprintf(err, errcap, "cannot create %s: %s", b.s, strerror(errno));
            strbuf_free(&b);
            return false;
        }
        b.s[i] = '/';
    }
    strbuf_free(&b);
    return true;
}

static bool copy_file(const char *from, const char *to, char *err, size_t errcap)
{
    FILE *in = fopen(from, "rb");
    if (!in) {
        snprintf(err, errcap, "cannot read %s: %s", from, strerror(errno));
        return false;
    }
    struct strbuf b;
    strbuf_init(&b);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
        strbuf_add(&b, buf, n);
    fclose(in);
    bool ok = write_text(to, b.s ? b.s : "", b.len, err, errcap);
    strbuf_free(&b);
    return ok;
}

static bool is_content_file(const char *name)
{
    for (int i = 0; i < CF_COUNT; i++)
        if (strcmp(content_file_name((enum content_file)i), name) == 0)
            return true;
    return false;
}

/* dir must be absent, empty, or an earlier output (has sources.csv). */
static bool prepare_dir(const struct folder *f, const char *dir, char *err, size_t errcap)
{
    if (mkdir(dir, 0755) == 0)
        return true;
    if (errno != EEXIST) {
        snprintf(err, errcap, "cannot create %s: %s", dir, strerror(errno));
        return false;
    }
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errcap, "cannot open %s: %s", dir, strerror(errno));
        return false;
    }
    bool empty = true, ours = false;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        empty = false;
        if (strcmp(e->d_name, "sources.csv") == 0)
            ours = true;
    }
    if (!empty && !ours) {
        closedir(d);
        snprintf(err, errcap,
                 "%s is not empty and has no sources.csv (not an imported folder); "
                 "choose an empty or new folder",
                 dir);
        return false;
    }
    rewinddir(d);
    while ((e = readdir(d)) != NULL) {
        if (!is_content_file(e->d_name) || folder_get_table(f, e->d_name))
            continue;
        struct strbuf p;
        strbuf_init(&p);
        strbuf_printf(&p, "%s/%s", dir, e->d_name);
        unlink(p.s);
        strbuf_free(&p);
    }
    closedir(d);
    return true;
}

bool folder_write(const struct folder *f, const char *dir, char *err, size_t errcap)
{
    if (!prepare_dir(f, dir, err, errcap))
        return false;
    for (size_t i = 0; i < f->n; i++)
        if (!write_table(f->t[i], dir, err, errcap))
            return false;
    for (size_t i = 0; i < f->ncopy; i++) {
        if (!make_parents(dir, f->copy_path[i], err, errcap))
            return false;
        struct strbuf to;
        strbuf_init(&to);
        strbuf_printf(&to, "%s/%s", dir, f->copy_path[i]);
        bool ok =
            strcmp(to.s, f->copy_from[i]) == 0 || copy_file(f->copy_from[i], to.s, err, errcap);
        strbuf_free(&to);
        if (!ok)
            return false;
    }
    return true;
}
