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
    struct i18n_text name, note, place, price;
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

/* Loads the week containing day; today marks its day. */
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

#endif
