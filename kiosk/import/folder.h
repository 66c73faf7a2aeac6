/* folder: a content folder being put together in memory (tables of rows
 * with named columns, as in content/FORMAT.md) and written out as CSV
 * files. The importers fill one; merge reads several existing folders into
 * one. Column order on output: the order the table was declared with, then
 * columns in the order they first got a value. */
#ifndef AULA_IMPORT_FOLDER_H
#define AULA_IMPORT_FOLDER_H

#include "pack/idset.h"

#include <stdbool.h>
#include <stddef.h>

struct folder_table {
    char *name; /* "services.csv" */
    char **cols;
    size_t ncols, capcols;
    char ***rows;    /* rows[r][c]; NULL cells are empty */
    size_t *rowcols; /* cells allocated per row */
    size_t nrows, caprows;
    char **order; /* declared column order ("id", "name@" = every name@lang) */
    size_t norder;
    int keycol;         /* column indexed for folder_find(), -1 = none */
    struct idset index; /* key value -> row */
};

struct folder {
    struct folder_table **t;
    size_t n, cap;
    /* Files to copy beside the tables (calendars, logos): path inside the
     * folder and the file it comes from. */
    char **copy_path, **copy_from;
    size_t ncopy, capcopy;
};

void folder_init(struct folder *f);
void folder_free(struct folder *f);

/* The table called name, created on first use. order (NULL-terminated, may
 * be NULL) declares column order; entries not ending in '@' are created at
 * once, so that an empty table still has its header. key names the column
 * folder_find() looks up (NULL: none). */
struct folder_table *folder_table(struct folder *f, const char *name, const char *const *order,
                                  const char *key);
/* The table called name, or NULL. */
struct folder_table *folder_get_table(const struct folder *f, const char *name);

/* Index of column col, created if needed. */
size_t folder_column(struct folder_table *t, const char *col);
/* Index of column col, or -1. */
int folder_column_index(const struct folder_table *t, const char *col);
/* Appends an empty row; returns its index. */
size_t folder_add_row(struct folder_table *t);
/* Sets a cell (a copy of value; NULL or "" empties it). Setting the key
 * column indexes the row. */
void folder_set(struct folder_table *t, size_t row, const char *col, const char *value);
/* Cell text ("" if empty or no such column). */
const char *folder_cell(const struct folder_table *t, size_t row, const char *col);
const char *folder_cell_at(const struct folder_table *t, size_t row, size_t col);
/* Row whose key column is value, or -1. */
long folder_find(const struct folder_table *t, const char *value);
/* Removes row r (later rows move up; the index is rebuilt). */
void folder_remove_row(struct folder_table *t, size_t r);

/* Records that path (inside the folder) is to be copied from src. A later
 * call for the same path replaces the earlier one. */
void folder_add_copy(struct folder *f, const char *path, const char *src);

/* Writes every table as DIR/NAME (comma-separated, UTF-8, LF) and copies
 * the recorded files. dir is created if missing. If dir already exists it
 * must be empty or hold a sources.csv (an earlier import or merge): then
 * content files of it that f does not have are removed, so no stale file
 * survives. On failure err says why. */
bool folder_write(const struct folder *f, const char *dir, char *err, size_t errcap);

/* Quotes one CSV cell into b as folder_write() does. */
struct strbuf;
void folder_csv_cell(struct strbuf *b, const char *s);

#endif
