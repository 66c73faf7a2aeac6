/* csvfile: CSV reading on top of libcsv. Owns the table's strings. */
#include "pack/csvfile.h"
#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/xalloc.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct parse_state {
    struct csv_table *t;
    struct diag_list *diags;
    bool header_done;
    char **cur;
    size_t ncur, capcur;
    int line;           /* line being fed */
    int row_start_line; /* line the current row began on */
    bool in_row;
    bool too_wide_reported;
};

static char *trim_dup(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    return xstrndup(s, n);
}

static void on_field(void *data, size_t n, void *p)
{
    struct parse_state *ps = p;
    XGROW(ps->cur, ps->capcur, ps->ncur + 1);
    ps->cur[ps->ncur++] = trim_dup(data ? data : "", data ? n : 0);
}

static void free_cells(char **cells, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(cells[i]);
    free(cells);
}

static bool row_blank(char **cells, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (cells[i][0])
            return false;
    return true;
}

static void on_row(int c, void *p)
{
    (void)c;
    struct parse_state *ps = p;
    struct csv_table *t = ps->t;
    int line = ps->row_start_line;
    ps->in_row = false;
    if (!ps->header_done) {
        t->cols = ps->cur;
        t->ncols = ps->ncur;
        ps->header_done = true;
        goto reset;
    }
    if (row_blank(ps->cur, ps->ncur)) {
        free_cells(ps->cur, ps->ncur);
        goto reset;
    }
    if (ps->ncur > t->ncols) {
        for (size_t i = t->ncols; i < ps->ncur; i++) {
            if (ps->cur[i][0]) {
                diag_add(ps->diags, DIAG_ERROR, t->shown, line, NULL,
                         "row has %zu cells but the header has %zu columns (a separator "
                         "inside a cell that is not quoted?)",
                         ps->ncur, t->ncols);
                break;
            }
        }
        for (size_t i = t->ncols; i < ps->ncur; i++)
            free(ps->cur[i]);
        ps->ncur = t->ncols;
    }
    struct csv_row r = {line, xcalloc(t->ncols ? t->ncols : 1, sizeof(char *))};
    for (size_t i = 0; i < t->ncols; i++)
        r.cells[i] = i < ps->ncur ? ps->cur[i] : xstrdup("");
    free(ps->cur);
    XGROW(t->rows, t->cap, t->nrows + 1);
    t->rows[t->nrows++] = r;
reset:
    ps->cur = NULL;
    ps->ncur = ps->capcur = 0;
}

/* The header decides the separator: whichever of ',' and ';' occurs more
 * often outside quotes. */
static char detect_separator(const char *s, size_t len)
{
    size_t commas = 0, semis = 0;
    bool q = false;
    for (size_t i = 0; i < len && s[i] != '\n'; i++) {
        if (s[i] == '"')
            q = !q;
        else if (!q && s[i] == ',')
            commas++;
        else if (!q && s[i] == ';')
            semis++;
    }
    return semis > commas ? ';' : ',';
}

static void check_header(struct csv_table *t, struct diag_list *diags)
{
    for (size_t i = 0; i < t->ncols; i++) {
        if (!t->cols[i][0])
            diag_add(diags, DIAG_WARNING, t->shown, 1, NULL, "column %zu has no name", i + 1);
        for (size_t j = 0; j < i; j++)
            if (t->cols[i][0] && strcmp(t->cols[i], t->cols[j]) == 0)
                diag_add(diags, DIAG_ERROR, t->shown, 1, t->cols[i],
                         "column appears twice in the header");
    }
}

bool csvfile_parse(const char *data, size_t len, const char *shown, struct csv_table *t,
                   struct diag_list *diags)
{
    memset(t, 0, sizeof(*t));
    t->shown = xstrdup(shown);
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    if (len == 0) {
        diag_add(diags, DIAG_ERROR, shown, 0, NULL, "empty file (expected a header row)");
        return false;
    }
    size_t bad;
    if (!utf8_valid(data, len, &bad)) {
        int line = 1;
        size_t col = 1;
        for (size_t i = 0; i < bad; i++) {
            if (data[i] == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        diag_add(diags, DIAG_ERROR, shown, line, NULL,
                 "invalid UTF-8 (byte 0x%02X at column %zu); save the file as UTF-8 "
                 "(\"CSV UTF-8\" in spreadsheet programs)",
                 (unsigned char)data[bad], col);
        return false;
    }
    t->sep = detect_separator(data, len);

    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0) {
        diag_add(diags, DIAG_ERROR, shown, 0, NULL, "cannot initialise the CSV parser");
        return false;
    }
    csv_set_delim(&p, (unsigned char)t->sep);
    struct parse_state ps = {.t = t, .diags = diags, .line = 0};
    size_t pos = 0;
    bool ok = true;
    while (pos < len) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (data + pos)) + 1 : len - pos;
        ps.line++;
        if (!ps.in_row) {
            bool blank = true;
            for (size_t i = 0; i < n && blank; i++)
                blank = data[pos + i] == '\n' || data[pos + i] == '\r';
            if (!blank) {
                ps.in_row = true;
                ps.row_start_line = ps.line;
            }
        }
        if (csv_parse(&p, data + pos, n, on_field, on_row, &ps) != n) {
            diag_add(diags, DIAG_ERROR, shown, ps.line, NULL, "cannot read CSV: %s",
                     csv_strerror(csv_error(&p)));
            ok = false;
            break;
        }
        pos += n;
    }
    if (ok && csv_fini(&p, on_field, on_row, &ps) != 0) {
        /* A quote never closed swallows the rest of the file. */
        diag_add(diags, DIAG_ERROR, shown, ps.row_start_line, NULL,
                 "a quoted cell starting on this row is never closed (missing \")");
        ok = false;
    }
    csv_free(&p);
    free_cells(ps.cur, ps.ncur);
    if (!ok)
        return false;
    if (!t->ncols) {
        diag_add(diags, DIAG_ERROR, shown, 0, NULL, "empty file (expected a header row)");
        return false;
    }
    check_header(t, diags);
    return true;
}

bool csvfile_load(const char *path, const char *shown, struct csv_table *t, struct diag_list *diags)
{
    memset(t, 0, sizeof(*t));
    FILE *f = fopen(path, "rb");
    if (!f) {
        t->shown = xstrdup(shown);
        diag_add(diags, DIAG_ERROR, shown, 0, NULL, "cannot open: %s", strerror(errno));
        return false;
    }
    struct stat stt;
    if (fstat(fileno(f), &stt) == 0 && (uint64_t)stt.st_size > CSVFILE_MAX_BYTES) {
        fclose(f);
        t->shown = xstrdup(shown);
        diag_add(diags, DIAG_ERROR, shown, 0, NULL,
                 "file is %.1f MiB, more than the %u MiB a content file may have",
                 (double)stt.st_size / (1024.0 * 1024.0), CSVFILE_MAX_BYTES / (1024u * 1024u));
        return false;
    }
    struct strbuf b;
    strbuf_init(&b);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
        strbuf_add(&b, buf, n);
        if (b.len > CSVFILE_MAX_BYTES)
            break;
    }
    bool rd_err = ferror(f);
    fclose(f);
    bool ok;
    if (rd_err || b.len > CSVFILE_MAX_BYTES) {
        t->shown = xstrdup(shown);
        diag_add(diags, DIAG_ERROR, shown, 0, NULL, "%s",
                 rd_err ? "read error" : "file grew past the size limit while reading");
        ok = false;
    } else {
        ok = csvfile_parse(b.s ? b.s : "", b.len, shown, t, diags);
    }
    strbuf_free(&b);
    return ok;
}

void csvfile_free(struct csv_table *t)
{
    for (size_t r = 0; r < t->nrows; r++)
        free_cells(t->rows[r].cells, t->ncols);
    free(t->rows);
    free_cells(t->cols, t->ncols);
    free(t->shown);
    memset(t, 0, sizeof(*t));
}

int csvfile_col(const struct csv_table *t, const char *name)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (strcmp(t->cols[i], name) == 0)
            return (int)i;
    return -1;
}

const char *csvfile_cell(const struct csv_table *t, size_t row, int col)
{
    if (col < 0 || (size_t)col >= t->ncols || row >= t->nrows)
        return "";
    return t->rows[row].cells[col];
}
