/* hours: opening-hours arithmetic; see hours.h. Works on local wall-clock
 * minutes: a DST change shifts nothing a family would notice in a lobby. */
#include "domain/hours.h"
#include "base/civil.h"
#include "base/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define LOOKAHEAD_DAYS 8
#define MAX_INTERVALS  64

void hours_init(struct hours *h)
{
    memset(h, 0, sizeof(*h));
}

void hours_free(struct hours *h)
{
    for (size_t i = 0; i < h->nexc; i++)
        i18n_text_free(&h->exc[i].note);
    free(h->weekly);
    free(h->exc);
    hours_init(h);
}

void hours_add_weekly(struct hours *h, int weekday, int opens, int closes)
{
    XGROW(h->weekly, h->capweekly, h->nweekly + 1);
    h->weekly[h->nweekly++] = (struct hours_weekly){weekday, opens, closes};
}

void hours_add_exception(struct hours *h, int64_t day, bool closed, int opens, int closes,
                         const char *note)
{
    XGROW(h->exc, h->capexc, h->nexc + 1);
    struct hours_exception *e = &h->exc[h->nexc++];
    memset(e, 0, sizeof(*e));
    e->day = day;
    e->closed = closed;
    e->opens = opens;
    e->closes = closes;
    i18n_text_set(&e->note, note, NULL, NULL);
}

bool hours_empty(const struct hours *h)
{
    return h->nweekly == 0 && h->nexc == 0;
}

bool hours_load(struct db *db, const char *entity_type, const char *id, const char *lang,
                struct hours *h)
{
    hours_init(h);
    struct db_stmt *st = db_prepare(db, "SELECT weekday, opens_min, closes_min FROM opening_hours "
                                        "WHERE entity_type = ?1 AND entity_id = ?2 "
                                        "ORDER BY weekday, opens_min");
    if (!st)
        return false;
    db_bind_text(st, 1, entity_type);
    db_bind_text(st, 2, id);
    while (db_step(st) == DB_ROW)
        hours_add_weekly(h, (int)db_col_int(st, 0), (int)db_col_int(st, 1), (int)db_col_int(st, 2));
    db_finalize(st);

    st = db_prepare(
        db, "SELECT e.date, e.closed, e.opens_min, e.closes_min, n.note, n.lang "
            "FROM opening_exception e LEFT JOIN opening_exception_i18n n "
            "ON n.id = e.id AND n.lang = " I18N_BEST(
                "opening_exception_i18n",
                "e.id") " WHERE e.entity_type = ?5 AND e.entity_id IN (?6, '*') ORDER BY e.date");
    if (!st)
        return false;
    i18n_bind(st, lang);
    db_bind_text(st, 5, entity_type);
    db_bind_text(st, 6, id);
    while (db_step(st) == DB_ROW) {
        struct civil_date d;
        if (!civil_parse_date(db_col_text(st, 0), &d))
            continue;
        hours_add_exception(h, civil_to_days(d.year, d.month, d.day), db_col_int(st, 1) != 0,
                            (int)db_col_int(st, 2), (int)db_col_int(st, 3), NULL);
        i18n_text_col(&h->exc[h->nexc - 1].note, st, 4, 5, lang);
    }
    db_finalize(st);
    return true;
}

static const struct hours_exception *find_exception(const struct hours *h, int64_t day)
{
    for (size_t i = 0; i < h->nexc; i++)
        if (h->exc[i].day == day)
            return &h->exc[i];
    return NULL;
}

size_t hours_day(const struct hours *h, int64_t day, struct hours_period *out, size_t cap,
                 const struct hours_exception **excp)
{
    const struct hours_exception *e = find_exception(h, day);
    if (excp)
        *excp = e;
    size_t n = 0;
    if (e) {
        if (!e->closed && cap > 0)
            out[n++] = (struct hours_period){e->opens, e->closes};
        return n;
    }
    struct civil_date d = civil_from_days(day);
    int wd = civil_weekday(d.year, d.month, d.day);
    for (size_t i = 0; i < h->nweekly && n < cap; i++)
        if (h->weekly[i].weekday == wd)
            out[n++] = (struct hours_period){h->weekly[i].opens, h->weekly[i].closes};
    return n;
}

struct interval {
    int start, end; /* minutes relative to the asked day's midnight */
};

static int cmp_interval(const void *a, const void *b)
{
    const struct interval *x = a, *y = b;
    return (x->start > y->start) - (x->start < y->start);
}

struct hours_status hours_status_at(const struct hours *h, int64_t day, int minute)
{
    struct hours_status res = {HOURS_NONE, -1, 0};
    if (hours_empty(h))
        return res;
    struct interval iv[MAX_INTERVALS];
    size_t n = 0;
    for (int off = -1; off < LOOKAHEAD_DAYS; off++) {
        struct hours_period p[8];
        size_t np = hours_day(h, day + off, p, 8, NULL);
        for (size_t i = 0; i < np && n < MAX_INTERVALS; i++) {
            int start = off * 1440 + p[i].opens;
            int end = off * 1440 + (p[i].closes <= p[i].opens ? p[i].closes + 1440 : p[i].closes);
            iv[n++] = (struct interval){start, end};
        }
    }
    qsort(iv, n, sizeof(iv[0]), cmp_interval);
    for (size_t i = 0; i < n; i++) {
        if (iv[i].start <= minute && minute < iv[i].end) {
            int end = iv[i].end;
            for (size_t j = i + 1; j < n && iv[j].start <= end; j++)
                if (iv[j].end > end)
                    end = iv[j].end;
            res.state = HOURS_OPEN;
            if (end % 1440 == 0) {
                res.change_day = end / 1440 - 1;
                res.change_min = 1440;
            } else {
                res.change_day = end / 1440;
                res.change_min = end % 1440;
            }
            return res;
        }
    }
    res.state = HOURS_CLOSED;
    for (size_t i = 0; i < n; i++) {
        if (iv[i].start > minute) {
            res.change_day = iv[i].start / 1440;
            res.change_min = iv[i].start % 1440;
            break;
        }
    }
    return res;
}
