/* stats: anonymous daily usage counters for evaluating a meeting place
 * with families. Counts only: (local day, kind, key) -> n, where key is an
 * id from the snapshot or a fixed word, never text a visitor typed; no
 * times finer than the day, no sequences, no per-visit records. Kept in a
 * small SQLite file of its own (WAL, synchronous=NORMAL) so a power cut
 * loses at most the last few counts and never corrupts the file; days
 * older than the retention are pruned. */
#ifndef AULA_DATA_STATS_H
#define AULA_DATA_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* What is counted. The key of each kind is given in brackets. */
enum stats_kind {
    STATS_SCREEN,         /* a screen opened [home, services, detail, calendar, search, ...] */
    STATS_CATEGORY,       /* a category opened [category id] */
    STATS_SERVICE,        /* a service's detail opened [service id] */
    STATS_ORGANIZATION,   /* an organisation's detail opened [organisation id] */
    STATS_LANGUAGE,       /* a language chosen [language code] */
    STATS_ACCESSIBILITY,  /* an accessibility mode switched on [large, contrast, reach, motion,
                             speech] */
    STATS_PRINT,          /* a slip printed [service, organization, contact] */
    STATS_QR,             /* a QR code shown [tel, url, vcard] */
    STATS_SEARCH,         /* a search run [found, empty] - never the text */
    STATS_FEEDBACK,       /* a feedback answer [answer id] */
    STATS_FEEDBACK_TOPIC, /* a "could not find" topic [category id] */
    STATS_KIND_COUNT
};

struct stats;

/* Opens or creates the counter file. keep_days: days kept (older pruned). */
struct stats *stats_open(const char *path, int keep_days, char *err, size_t errcap);
void stats_close(struct stats *st);

/* Adds one to (day, kind, key). day is the local date "YYYY-MM-DD". The key
 * must look like an id (a-z, 0-9, '-', '_', ':', '.', at most 64 bytes):
 * anything else is refused, so free text can never be stored. */
bool stats_count(struct stats *st, const char *day, enum stats_kind kind, const char *key);

/* Groups several counts into one transaction (all or nothing). */
bool stats_begin(struct stats *st);
bool stats_commit(struct stats *st);

/* Drops days before the retention window counted back from today. */
bool stats_prune(struct stats *st, const char *today);

const char *stats_kind_name(enum stats_kind kind);
bool stats_kind_parse(const char *name, enum stats_kind *kind);

enum stats_format { STATS_CSV, STATS_JSON };
/* Writes counts of days in [from, to] (inclusive; NULL = open). */
bool stats_export(struct stats *st, const char *from, const char *to, enum stats_format fmt,
                  FILE *out);

/* One key's sum over some days. */
struct stats_row {
    char key[65];
    int64_t n;
};
/* The keys of kind with the largest sums over days in [from, to] (NULL =
 * open), largest first (ties by key), at most max; returns how many. */
size_t stats_top(struct stats *st, enum stats_kind kind, const char *from, const char *to,
                 struct stats_row *out, size_t max);
/* Sum of n for kind over days in [from, to] (NULL = open); -1 on error. */
int64_t stats_sum(struct stats *st, enum stats_kind kind, const char *from, const char *to);

/* The first and last day with counts; false when there are none. */
bool stats_range(struct stats *st, char from[11], char to[11]);

/* Sum of n for kind (and key, if not NULL) over all days; -1 on error. */
int64_t stats_total(struct stats *st, enum stats_kind kind, const char *key);

/* Today's figures for a staff screen: out[kind] = the sum of n of every key
 * of kind on day (0 when none); the keys themselves are not given out.
 * False on a read error. */
bool stats_day_totals(struct stats *st, const char *day, int64_t out[STATS_KIND_COUNT]);

#endif
