/* search: finding services, organisations, contact persons and activities
 * from what a visitor types, over the snapshot's FTS5 index (one row per
 * entity and language; title, body and the parts of title words; tokenizer unicode61 with
 * diacritics kept, so case does not matter but ä is not a and ö is not o).
 *
 * What the visitor typed never reaches FTS5 as syntax: it is cut into words
 * at spaces and punctuation, every word becomes a quoted string, and the
 * last word is a prefix ("neuv" finds "neuvola") unless the text ends in a
 * space. Quotes, stars, NEAR(, AND, minus signs and colons are plain text.
 *
 * Ranking, best first: rows in the visitor's language before rows in other
 * languages; then matches in the title with every word whole, in the title
 * with the last word a prefix, in the title with the last word the start
 * of a part inside a title word ("neuv" in "Lastenneuvola", see
 * pack/parts.h), in the body with every word whole, in the body as a
 * prefix; then bm25; then by kind (service, organisation, contact
 * person, activity). Each entity appears once, through its best row. A
 * group of more than SEARCH_SCORE_CAP matching rows (a one- or two-letter
 * prefix on a region's content) is not scored with bm25: it is ordered by
 * kind and index order, which costs a fraction and tells such matches
 * apart no worse.
 *
 * The typed text is not kept: it lives only in the caller's buffer and on
 * the stack while a search runs, and the statements' bindings are cleared
 * before search_run returns. Owns prepared statements and a small map of
 * the index (kind, language and entity of every row), read when opened. */
#ifndef AULA_DOMAIN_SEARCH_H
#define AULA_DOMAIN_SEARCH_H

#include "domain/content.h"
#include "domain/i18n.h"

#include <stdbool.h>
#include <stddef.h>

#define SEARCH_MAX_WORDS   8    /* words of the typed text used; the rest is ignored */
#define SEARCH_QUERY_CAP   1024 /* bytes of a built FTS5 query */
#define SEARCH_SCORE_CAP   500  /* matching rows of one group scored with bm25 */
#define SEARCH_SNIPPET_CAP 160  /* bytes of a snippet before it is cut with "…" */

enum search_kind { SEARCH_SERVICE, SEARCH_ORG, SEARCH_CONTACT, SEARCH_ACTIVITY, SEARCH_NKINDS };

/* How a hit matched, best first. */
enum search_tier {
    SEARCH_TITLE_EXACT,
    SEARCH_TITLE_PREFIX,
    SEARCH_TITLE_PART, /* the last word begins a part of a title word */
    SEARCH_BODY_EXACT,
    SEARCH_BODY_PREFIX,
};

struct search_hit {
    enum search_kind kind;
    char *id;
    char *org_id;             /* service: provider; contact, activity: organisation */
    char *service_id;         /* activity: its service, "" when none */
    struct i18n_text title;   /* in the visitor's language or the fallback chain */
    struct i18n_text snippet; /* a short excerpt: where the words were found, or
                                 what the entity is */
    enum search_tier tier;
    bool visitor_lang; /* matched in the visitor's own language */
    double score;      /* bm25 (lower is better); 0 when not scored */
};

struct search_results {
    struct search_hit *v;
    size_t n, cap;
    size_t words; /* words searched for; 0: nothing to search (empty or only punctuation) */
    bool more;    /* there were more hits than asked for */
};

struct search;

/* Prepares searching c's index; NULL if the snapshot has no usable index. */
struct search *search_open(struct content *c);
void search_close(struct search *s);

/* Searches for text in the visitor's language lang, at most max hits, into
 * out (emptied first). Returns false on a database error. */
bool search_run(struct search *s, const char *lang, const char *text, size_t max,
                struct search_results *out);
void search_results_free(struct search_results *r);

/* Builds the FTS5 query for text into out: quoted words, the last one a
 * prefix when prefix is set and text does not end in a separator; column
 * ("title") limits it to that column. Returns the number of words (0 when
 * there is nothing to search for, or out is too small). */
size_t search_query_build(const char *text, bool prefix, const char *column, char *out, size_t cap);

/* "service", "organization", "contact", "activity" (as in the index). */
const char *search_kind_name(enum search_kind k);

#endif
