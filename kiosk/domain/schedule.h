/* schedule: when the lobby screen is on. The [display] section of aula.conf
 * either lists the screen's own hours ("on = mon-fri 07:30-17:00, sat
 * 10:00-14:00") or says "hours = site": the opening hours of the site's own
 * location in the snapshot, with its dated exceptions. Outside those hours
 * the screen is off (a power command, a black frame, or dimmed); a touch
 * wakes it for wake_minutes. On a public holiday (the snapshot's holiday
 * table) the screen stays off unless the site has an exception for that day
 * that opens it, or "holidays = on".
 *
 * Pure decisions, no SDL: given the settings, the zone and a UTC instant,
 * schedule_at says on or off and the next instant that changes. Hours are
 * local wall-clock times, converted to UTC day by day, so a DST switch
 * night moves the UTC instants and never the local ones. Also the slow
 * burn-in shift of the picture, a pure function of the clock.
 *
 * Owns the settings it parsed and, with hours = site, a copy of the site's
 * hours and holidays. */
#ifndef AULA_DOMAIN_SCHEDULE_H
#define AULA_DOMAIN_SCHEDULE_H

#include "base/conf.h"
#include "domain/content.h"
#include "domain/hours.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SCHEDULE_MAX_RANGES 32
#define SCHEDULE_NEVER      INT64_MAX
#define SCHEDULE_SHIFT_PX   4   /* the burn-in shift goes up to this far each way */
#define SCHEDULE_SHIFT_STEP 180 /* seconds between shift steps (a multiple of 60) */

/* Days (bit d-1 for ISO weekday d) and a local time range; end <= start
 * runs over midnight into the next day. */
struct schedule_range {
    unsigned days;
    int start, end; /* minutes after midnight; end may be 1440 */
};

enum schedule_source {
    SCHEDULE_ALWAYS, /* no hours given: always on */
    SCHEDULE_RANGES, /* on = ... */
    SCHEDULE_SITE,   /* hours = site */
};

enum schedule_off {
    SCHEDULE_OFF_BLACK,   /* a black frame */
    SCHEDULE_OFF_DIM,     /* the picture, dimmed */
    SCHEDULE_OFF_COMMAND, /* power_off_command, and a black frame meanwhile */
};

struct schedule_conf {
    enum schedule_source source;
    struct schedule_range ranges[SCHEDULE_MAX_RANGES];
    size_t nranges;
    enum schedule_off off_action;
    char power_on[CONF_TEXT_MAX];  /* "" none */
    char power_off[CONF_TEXT_MAX]; /* "" none */
    int wake_minutes;
    int command_timeout; /* seconds */
    bool holidays_on;    /* on public holidays too */
    bool shift;          /* burn-in shift */
};

/* The [display] keys, for a program's conf_spec; their values, in this
 * order, go to schedule_conf_apply. */
enum {
    SCHEDULE_K_ON,
    SCHEDULE_K_HOURS,
    SCHEDULE_K_OFF_ACTION,
    SCHEDULE_K_POWER_ON,
    SCHEDULE_K_POWER_OFF,
    SCHEDULE_K_WAKE_MINUTES,
    SCHEDULE_K_COMMAND_TIMEOUT,
    SCHEDULE_K_HOLIDAYS,
    SCHEDULE_K_SHIFT,
    SCHEDULE_NKEYS
};
extern const struct conf_key schedule_conf_keys[SCHEDULE_NKEYS];

/* Defaults: always on, black when off, 5 wake minutes, 10 s timeout, shift
 * on. */
void schedule_conf_defaults(struct schedule_conf *c);
/* Fills c from the values of schedule_conf_keys (read from file). Returns
 * false with "FILE:LINE: key: what is wrong" in err. */
bool schedule_conf_apply(struct schedule_conf *c, const struct conf_value *v, const char *file,
                         char *err, size_t cap);
/* Parses an "on" value: comma-separated items "DAYS HH:MM-HH:MM [HH:MM-HH:MM
 * ...]", DAYS being mon..sun or ma..su, ranges "mon-fri", or "daily".
 * Appends to c; false with the reason (no file or line) in err. */
bool schedule_parse_on(struct schedule_conf *c, const char *text, char *err, size_t cap);
/* One line describing c, for --check-config ("mon-fri 07:30-17:00, ..."). */
void schedule_conf_describe(const struct schedule_conf *c, char *buf, size_t cap);

struct schedule {
    struct schedule_conf conf;
    struct hours site; /* SCHEDULE_SITE: the site location's hours */
    int64_t *holidays; /* local days, sorted */
    size_t nholidays;
};

struct schedule_state {
    bool on;
    bool woken;   /* on only because of a touch (outside the hours) */
    int64_t next; /* UTC instant of the next change; SCHEDULE_NEVER: none */
};

void schedule_init(struct schedule *s, const struct schedule_conf *c);
void schedule_free(struct schedule *s);
/* Reads the site's hours (hours = site) and the public holidays from the
 * content; c NULL forgets them. With hours = site but no hours in the
 * content the screen stays on (false, and msg says why). */
bool schedule_load(struct schedule *s, const struct content *c, char *msg, size_t cap);
/* For tests and the loader: the site's hours and one holiday. */
void schedule_add_holiday(struct schedule *s, int64_t day);

/* The state at utc in zone tz. wake_until: a touch woke the screen until
 * then (0: none). */
struct schedule_state schedule_at(const struct schedule *s, const char *tz, int64_t utc,
                                  int64_t wake_until);

/* The burn-in offset of the picture at utc: within +-max px each way,
 * changing every SCHEDULE_SHIFT_STEP seconds along a slow path. */
void schedule_shift(int64_t utc, int max, int *dx, int *dy);

#endif
