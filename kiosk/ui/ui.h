/* ui: the kiosk's state (struct app, passed everywhere), the screen stack,
 * and everything between input events and screens: hit targets registered
 * while drawing, keyboard focus with a visible ring, tap versus swipe,
 * scrolling with inertia, the minute tick, idle reset, and redrawing only
 * when something changed. Screens share one shape (struct screen_ops):
 * enter, action, update, draw, leave; they get view models from domain/ and
 * never run SQL. */
#ifndef AULA_UI_UI_H
#define AULA_UI_UI_H

#include "domain/content.h"
#include "platform/clockwatch.h"
#include "platform/notify.h"
#include "platform/platform.h"
#include "platform/speech.h"
#include "text/text.h"
#include "data/stats.h"
#include "ui/display.h"
#include "ui/draw.h"
#include "ui/reload.h"
#include "ui/strings.h"
#include "ui/theme.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UI_MAX_DEPTH   8
#define UI_ID_LEN      96
#define UI_LABEL_LEN   256
#define UI_MAX_SCROLLS 4

struct app;
struct printer;
struct stats;

struct screen_ops {
    const char *name;
    /* Loads the view model for arg (an id, or NULL); returns the state. */
    void *(*enter)(struct app *a, const char *arg);
    /* A target was activated (tap or Enter); true if the screen handled it. */
    bool (*action)(struct app *a, void *st, const char *id);
    /* Called on every wake-up (clock tick); true if the screen must redraw. */
    bool (*update)(struct app *a, void *st);
    void (*draw)(struct app *a, void *st);
    void (*leave)(struct app *a, void *st);
    /* Optional: typed text (INPUT_TEXT) and keys, before the generic
     * handling of keys (focus, Enter, back); true if the screen used it. */
    bool (*input)(struct app *a, void *st, const struct input_event *ev);
    /* Optional: a finger put down at x, y (screen coordinates) where no
     * target is; true if the screen used it. */
    bool (*touch)(struct app *a, void *st, int x, int y);
};

struct screen {
    const struct screen_ops *ops;
    void *st;
    char arg[UI_ID_LEN];
};

/* A vertically scrolling region of a screen. Lives in the screen's state. */
struct scroll {
    SDL_Rect view; /* layout coordinates */
    float y;       /* offset, 0..max */
    float vel;     /* px per ms, while flinging */
    int content_h; /* height of what is inside, from the last draw */
};

/* Something that can be tapped or focused, as drawn in the last frame. */
struct ui_target {
    char id[UI_ID_LEN];
    SDL_Rect r;   /* layout coordinates, as drawn */
    SDL_Rect vis; /* the visible part (w = 0: scrolled out of view) */
    int radius;   /* of the focus ring */
    struct scroll *sc;
    char label[UI_LABEL_LEN]; /* what speech says for it ("": nothing) */
};

struct app_options {
    const char *snapshot;
    const char *lang;         /* NULL: the site's default */
    const char *now;          /* frozen clock, "2026-11-24T10:15" (site time) or "...Z" */
    int idle_seconds;         /* 0: never reset */
    const char *site_id;      /* the site the snapshot must be for (NULL: any) */
    const char *languages;    /* languages offered, in order (NULL: the snapshot's) */
    const char *default_lang; /* NULL: the snapshot's */
    bool watch;               /* switch to new content while running */
    bool speech;              /* read aloud from the start (F2 toggles) */
    struct speech_opts speech_opts;
    struct theme_modes modes; /* accessibility modes every visitor starts with */
    struct platform_opts plat;
    /* The [display] schedule (NULL: always on); burn-in shift: -1 the
     * default (on, except headless), 0 off, 1 on. */
    const struct schedule_conf *display;
    int shift;
};

struct app {
    struct platform plat;
    struct text *text;
    struct theme theme;
    struct draw draw;

    struct content_source src; /* where content comes from; its watch */
    struct content *content;   /* NULL: the problem screen explains why */
    char content_msg[512];
    enum snapshot_status content_status;
    struct ui_notice *notice; /* print messages, content banner (ui/notice.h) */

    char lang[16];
    bool rtl;

    /* Clock: real, or frozen at now_base plus the script's elapsed time. */
    bool frozen;
    int64_t now_base;
    uint32_t ms;              /* milliseconds: SDL ticks or the script's clock */
    uint32_t ms_skew;         /* a->ms minus SDL ticks in the loop (a script's clock runs on) */
    struct clock_track clock; /* the wall clock against the monotonic one */
    struct clockwatch *clockwatch; /* told at once of a clock set; NULL: not started */
    unsigned long clock_sets;      /* clock sets seen while running */

    struct screen stack[UI_MAX_DEPTH];
    int depth;

    struct ui_target *targets;
    size_t ntargets, captargets;
    struct scroll *scrolls[UI_MAX_SCROLLS];
    int nscrolls;
    struct scroll *cur_scroll; /* between ui_scroll_begin and _end */

    char focus[UI_ID_LEN];
    bool show_focus; /* keyboard in use: the ring is visible */

    /* The finger or mouse button that is down. */
    bool down, dragging, stopped_fling;
    int down_x, down_y, last_y;
    uint32_t last_ms;
    char pressed[UI_ID_LEN];
    struct scroll *drag;
    float drag_from;

    bool dirty;
    bool quit;
    struct staff *staff; /* the staff menu (ui/staff.h); NULL: none */
    bool feedback;       /* offer the families' feedback question ([stats] feedback) */
    uint32_t wake_ms;    /* a screen's timer: wake up (update) at this a->ms; 0 none */
    uint32_t last_input_ms;
    int idle_ms;
    int idle_bonus_ms;     /* "More time": extra quiet time for this visitor */
    bool idle_notice_held; /* the notice stays while the finger that touched it is down */
    struct theme_modes default_modes; /* what the idle reset returns to */
    int64_t shown_minute;             /* the minute the clock on screen shows */
    unsigned long frames;
    unsigned long wakeups;     /* returns from waiting for events (--stats) */
    struct notify notify;      /* systemd readiness and watchdog */
    struct printer *printer;   /* contact-slip printer, NULL when none */
    struct stats *stats;       /* anonymous daily counters, NULL when off */
    double first_frame_ms;     /* CLOCK_MONOTONIC when the first frame was presented */
    double first_frame_cpu_ms; /* the process's CPU time then (threads included) */

    /* Speech output: what was last said, to say only what changed. */
    struct speech *speech;
    bool speech_on, speech_default, speech_intro;
    bool idle_said;                  /* the idle notice was read out */
    unsigned screen_gen, spoken_gen; /* bumped when another screen is shown */
    char spoken_focus[UI_ID_LEN];
    char title[UI_LABEL_LEN];   /* the screen's title, set while drawing */
    char warning[UI_LABEL_LEN]; /* the warning card drawn in the last frame ("": none) */
    struct display disp;        /* on/off hours, wake by touch, burn-in shift */
};

bool ui_init(struct app *a, const struct app_options *o, char *err, size_t cap);
void ui_free(struct app *a);
/* Runs the interactive loop until quit. */
int ui_run(struct app *a);
/* Lets the kiosk run by itself as ui_run does (real time, its own timers
 * and clock) for up to ms, or until it has seen the system clock set and
 * shown the new time (true then). For headless scripts (wait-clock:). */
bool ui_clock_wait(struct app *a, int ms);
/* Sets the frozen clock (--now) to utc, as when the system clock is set
 * while the kiosk runs; the next tick sees the set. */
void ui_set_frozen_now(struct app *a, int64_t utc);

/* Current time (UTC seconds). */
int64_t ui_now(const struct app *a);
/* The site's time zone (ZONE_DEFAULT before any content). */
const char *ui_tz(const struct app *a);
/* Switches the visitor language: UI and content at once. */
void ui_set_lang(struct app *a, const char *lang);
void ui_push(struct app *a, const struct screen_ops *ops, const char *arg);
void ui_pop(struct app *a);
/* Back to the home screen (keeps the language). */
void ui_go_home(struct app *a);
/* Ends a visit, as the idle reset and the quick exit do: home, in the
 * default language, with the kiosk's own accessibility and speech
 * settings; nothing of the visit stays on screen. */
void ui_end_visit(struct app *a);
/* Reloads every screen's view model (after a language change). */
void ui_reload(struct app *a);
/* Switches the visitor's accessibility modes (theme, sizes, colours); the
 * idle reset returns to a->default_modes. */
void ui_set_modes(struct app *a, const struct theme_modes *m);

/* Input, updates and drawing; used by ui_run and by the headless script. */
void ui_handle(struct app *a, const struct input_event *ev);
/* Advances animations and timers to a->ms; returns ms until the next
 * wake-up needed (-1: only the minute tick). */
int ui_tick(struct app *a);
/* Draws the frame if something changed (or force). */
void ui_render(struct app *a, bool force);
/* Activates a target by id as a tap would; false if there is none. */
bool ui_activate(struct app *a, const char *id);
/* Scrolls the target id into view (as keyboard focus does); false if the
 * screen has no such target. */
bool ui_reveal(struct app *a, const char *id);
/* The target with id in the last frame, or NULL. */
const struct ui_target *ui_find_target(const struct app *a, const char *id);

/* Speech output (F2 or keypad '*'): on/off for this visitor; the idle
 * reset returns to the configured default. */
void ui_speech_toggle(struct app *a);
bool ui_speech_on(const struct app *a);
/* Counts one (kind, key) on today's local date in the anonymous counters
 * (data/stats.h: key is an id, never typed text); nothing when off. */
void ui_count(struct app *a, enum stats_kind kind, const char *key);

/* For screens while drawing: */
const char *ui_str(const struct app *a, enum str_id id);
/* Registers a target (layout coordinates). */
void ui_target(struct app *a, const char *id, SDL_Rect r, int radius);
/* Adds text to what speech says for target id (registered this frame);
 * widget_button gives its label, screens add the text of their cards. */
void ui_target_label(struct app *a, const char *id, const char *text);
/* The title of the screen being drawn, said when the screen is entered
 * (widget_header sets it). */
void ui_screen_title(struct app *a, const char *title);
bool ui_is_pressed(const struct app *a, const char *id);
/* Starts a scrolling region: content drawn until ui_scroll_end is offset by
 * -sc->y and clipped to view. Returns the y offset to add to content. */
int ui_scroll_begin(struct app *a, struct scroll *sc, SDL_Rect view);
void ui_scroll_end(struct app *a, struct scroll *sc, int content_h);
/* True if a layout rectangle is (partly) visible in the current region. */
bool ui_visible(const struct app *a, SDL_Rect r);

#endif
