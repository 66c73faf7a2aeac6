/* i18n: the content-text fallback chain (visitor -> en -> fi -> sv) and a
 * text value that remembers which language it is in, so that the screen can
 * mark text shown in another language than the visitor chose.
 *
 * Domain queries pick the best translation in SQL: they bind the chain to
 * parameters ?1..?4 with i18n_bind() and use I18N_BEST() in a join; their own
 * parameters start at ?5. */
#ifndef AULA_DOMAIN_I18N_H
#define AULA_DOMAIN_I18N_H

#include "data/db.h"

#include <stdbool.h>
#include <stddef.h>

#define I18N_CHAIN_LEN 4

/* Rank of a language column in the chain (0 best, 4 = any other language). */
#define I18N_RANK(col)                                                                             \
    "(CASE " col " WHEN ?1 THEN 0 WHEN ?2 THEN 1 WHEN ?3 THEN 2 WHEN ?4 THEN 3 ELSE 4 END)"
/* The best language available in table for the row whose id is idexpr. */
#define I18N_BEST(table, idexpr)                                                                   \
    "(SELECT lang FROM " table " WHERE id = " idexpr                                               \
    " ORDER BY " I18N_RANK("lang") ", lang LIMIT 1)"

struct i18n_text {
    char *s;       /* never NULL once set; "" when no language has the text */
    char lang[16]; /* language of s */
    bool other;    /* s is in another language than the visitor's */
};

/* Fills out[] with the chain for visitor: visitor, en, fi, sv (a language
 * may appear twice; the first occurrence wins). */
void i18n_chain(const char *visitor, const char *out[I18N_CHAIN_LEN]);
/* Binds the chain to ?1..?4 of st. */
bool i18n_bind(struct db_stmt *st, const char *visitor);
/* Longest text kept, in bytes: more than a screen shows (the text layer
 * cuts at 4096 characters); a hostile 1 MB description costs no more. */
#define I18N_TEXT_MAX 16384
/* Sets t from a query result (s may be NULL or "" for "missing"); a text
 * longer than I18N_TEXT_MAX is cut there. */
void i18n_text_set(struct i18n_text *t, const char *s, const char *lang, const char *visitor);
/* Sets t from columns text_col and lang_col of the current row. */
void i18n_text_col(struct i18n_text *t, struct db_stmt *st, int text_col, int lang_col,
                   const char *visitor);
void i18n_text_free(struct i18n_text *t);
/* The compact marker of a list item whose name is shown in another
 * language than the visitor's (detail screens show a badge instead): line
 * followed by " · EN" (the language's code in capitals), or "EN" alone when
 * line is empty; line unchanged when t is in the visitor's language. */
void i18n_mark(const struct i18n_text *t, const char *line, char *out, size_t cap);
/* Compares two strings for display order: case-insensitive for ASCII, and
 * å, ä, ö after z as in Finnish and Swedish. */
int i18n_collate(const char *a, const char *b);

#endif
