/* calendar: the week view (Monday to Sunday) and today's "now and next",
 * built from expanded occurrences. Cancelled and moved occurrences are kept
 * with their status so the screen can show them as such; holidays are
 * marked on their day. */
#ifndef AULA_DOMAIN_CALENDAR_H
#define AULA_DOMAIN_CALENDAR_H

#include "domain/content.h"
#include "domain/i18n.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum cal_status { CAL_SCHEDULED, CAL_CANCELLED, CAL_MOVED };

struct cal_item {
    int64_t id; /* occurrence id */
    char *activity_id;
    char *service_id; /* "" when the activity belongs to no service */
    struct i18n_text name, note, place, price, description;
    char *ages, *cats, *langs; /* facets: space-separated ids (see cal_filter) */
    int64_t start_utc, end_utc;
    int64_t day;            /* local date of the start */
    int start_min, end_min; /* local minutes after midnight of the start/end day */
    bool all_day;
    bool now; /* running at the instant asked (now-and-next only) */
    enum cal_status status;
};

struct cal_day {
    int64_t day; /* days since 1970 */
    int weekday; /* ISO 1..7 */
    bool today;
    bool holiday; /* a public holiday or an eve kept as a day off */
    bool holiday_is_eve;
    struct i18n_text holiday_name;
    struct cal_item *items;
    size_t n, cap;
};

struct cal_week {
    int64_t monday;
    int iso_year, iso_week;
    struct cal_day days[7];
    bool outside_window; /* the week lies (partly) outside the expanded window */
};

/* The Monday on or before day. */
int64_t calendar_monday(int64_t day);
/* ISO 8601 week number and its year for a day. */
void calendar_iso_week(int64_t day, int *iso_year, int *iso_week);

/* The most occurrences a day of the week holds (the first by time); a
 * real programme has a few dozen at most. */
#define CAL_DAY_MAX_ITEMS 200
/* Loads the week containing day; today marks its day. On a database
 * error returns false with w empty (nothing to free). */
bool calendar_week_load(struct content *c, const char *lang, int64_t day, int64_t today,
                        struct cal_week *w);
void calendar_week_free(struct cal_week *w);

/* Today's occurrences that have not ended at now (running first, then the
 * next ones), at most cap, into out; returns how many. Free each with
 * calendar_item_free. */
size_t calendar_now_next(struct content *c, const char *lang, int64_t now, struct cal_item *out,
                         size_t cap);
/* The next occurrences of a service's activities from now on. */
size_t calendar_upcoming_for_service(struct content *c, const char *lang, const char *service_id,
                                     int64_t now, struct cal_item *out, size_t cap);
void calendar_item_free(struct cal_item *it);

/* What the visitor narrowed the calendar to; "" is "any". An occurrence
 * matches when it is for that age group (or for everyone: no age group
 * given), in that category, and offered in that language (none given: the
 * site's default language). A cancelled occurrence that matches is shown as
 * cancelled; the screen counts the ones a filter hides, so nothing goes
 * missing silently. */
struct cal_filter {
    char age[64];
    char cat[64];
    char lang[16];
};

enum cal_facet { CAL_FACET_AGE, CAL_FACET_CAT, CAL_FACET_LANG, CAL_NFACETS };

/* One choice of a facet: an age group, a category or a language. */
struct cal_option {
    char id[64];
    struct i18n_text name;
};

struct cal_options {
    struct cal_option *v[CAL_NFACETS];
    size_t n[CAL_NFACETS];
};

bool calendar_filter_active(const struct cal_filter *f);
/* Sets one facet of f (value "" clears it); false if the facet is unknown
 * or the value too long. */
bool calendar_filter_set(struct cal_filter *f, enum cal_facet facet, const char *value);
const char *calendar_filter_get(const struct cal_filter *f, enum cal_facet facet);
bool calendar_item_matches(const struct cal_item *it, const struct cal_filter *f);
/* Items of a day that f lets through. */
size_t calendar_day_count(const struct cal_day *d, const struct cal_filter *f);
/* The choices the calendar offers: age groups and categories that some
 * activity has, in the content's order, and the languages activities are
 * offered in, by their own names. */
bool calendar_options_load(struct content *c, const char *lang, struct cal_options *o);
void calendar_options_free(struct cal_options *o);
/* The option with id in a facet, or NULL. */
const struct cal_option *calendar_option_find(const struct cal_options *o, enum cal_facet facet,
                                              const char *id);

#endif
