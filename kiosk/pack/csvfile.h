/* csvfile: reads one content CSV file into memory with libcsv: UTF-8
 * check, byte-order mark, comma or semicolon separator (detected from the
 * header row), LF or CRLF line ends, quoted cells spanning lines. Each row
 * remembers the line it starts on so that problems can be reported as
 * "file:line: column: ...". */
#ifndef AULA_PACK_CSVFILE_H
#define AULA_PACK_CSVFILE_H

#include "base/diag.h"

#include <stdbool.h>
#include <stddef.h>

/* Files larger than this are refused: content files are small; a huge
 * one is a mistake (a wrong export), not content. */
#define CSVFILE_MAX_BYTES (32u * 1024u * 1024u)

struct csv_row {
    int line;     /* line in the file where the row starts */
    char **cells; /* ncols cells, "" when missing */
};

struct csv_table {
    char *shown; /* name used in messages, e.g. "services.csv" */
    char sep;    /* ',' or ';' */
    size_t ncols;
    char **cols; /* header names, trimmed */
    size_t nrows, cap;
    struct csv_row *rows;
};

/* Loads path. Problems go to diags under the name shown. Returns false if
 * the file cannot be used at all (missing, empty, too big, invalid UTF-8,
 * no header); then t is empty but valid to free. */
bool csvfile_load(const char *path, const char *shown, struct csv_table *t,
                  struct diag_list *diags);
/* Parses an in-memory buffer (same rules). */
bool csvfile_parse(const char *data, size_t len, const char *shown, struct csv_table *t,
                   struct diag_list *diags);
void csvfile_free(struct csv_table *t);

/* Column index by exact header name, or -1. */
int csvfile_col(const struct csv_table *t, const char *name);
/* Cell text ("" if col < 0). */
const char *csvfile_cell(const struct csv_table *t, size_t row, int col);

#endif
