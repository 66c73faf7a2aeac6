/* db: a thin wrapper over SQLite so that only kiosk/data/ includes
 * sqlite3.h. Other layers prepare statements, bind values, step and read
 * columns through these functions; error text comes from db_errmsg(). */
#ifndef AULA_DATA_DB_H
#define AULA_DATA_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct db;
struct db_stmt;

enum db_step_result { DB_ROW, DB_DONE, DB_ERROR };

/* Opens an existing database read-only. Returns NULL with err filled. */
struct db *db_open_readonly(const char *path, char *err, size_t errcap);
/* Creates (or truncates) a database for writing. */
struct db *db_open_create(const char *path, char *err, size_t errcap);
void db_close(struct db *db);
const char *db_errmsg(struct db *db);

bool db_exec(struct db *db, const char *sql);
struct db_stmt *db_prepare(struct db *db, const char *sql);
void db_finalize(struct db_stmt *st);
bool db_reset(struct db_stmt *st);

/* Bind by 1-based index. A NULL text binds SQL NULL. */
bool db_bind_text(struct db_stmt *st, int idx, const char *s);
bool db_bind_int(struct db_stmt *st, int idx, int64_t v);
bool db_bind_double(struct db_stmt *st, int idx, double v);
bool db_bind_null(struct db_stmt *st, int idx);
bool db_bind_blob(struct db_stmt *st, int idx, const void *p, size_t n);

enum db_step_result db_step(struct db_stmt *st);
/* Steps a statement that returns no rows and resets it. */
bool db_run(struct db_stmt *st);

const char *db_col_text(struct db_stmt *st, int col); /* "" for NULL */
bool db_col_is_null(struct db_stmt *st, int col);
int64_t db_col_int(struct db_stmt *st, int col);
double db_col_double(struct db_stmt *st, int col);
const void *db_col_blob(struct db_stmt *st, int col, size_t *n);

/* Runs a query returning one integer (e.g. "SELECT count(*) ..."); -1 on error. */
int64_t db_query_int(struct db *db, const char *sql);
int64_t db_last_insert_id(struct db *db);

#endif
