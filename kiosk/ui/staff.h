/* staff: the staff menu's side of the kiosk that outlives its screens —
 * the PIN hash and data directory from aula.conf ([staff] pin_hash,
 * [kiosk] data_dir), the lock-out after wrong PINs, the hidden way in, a
 * message for the status page, and a restart request for main().
 *
 * The way in is hidden from children tapping around: a finger held still
 * for STAFF_HOLD_MS in the top corner on the start side of the screen (top
 * left; top right in right-to-left languages), or Ctrl+Alt+S on a
 * maintenance keyboard. Either opens the PIN pad (screen_staff_pin); the
 * right PIN opens the status page (screen_staff). Without a pin_hash the
 * menu cannot be opened, and the log says so once. Owns its strings only. */
#ifndef AULA_UI_STAFF_H
#define AULA_UI_STAFF_H

#include "ui/staffpin.h"
#include "ui/staffreq.h"
#include "platform/watch.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#define STAFF_HOLD_MS      3000   /* the long press that opens the PIN pad */
#define STAFF_IDLE_MS      120000 /* staff screens go home after this quiet time */
#define STAFF_EXIT_RESTART 75     /* main's exit status for "restart kiosk" */

struct app;
struct input_event;

struct staff {
    char pin_hash[STAFFPIN_HASH_MAX]; /* "": the menu is off */
    char data_dir[PATH_MAX];          /* where aula-sync writes status.json */
    struct staffpin_lock lock;
    bool said_off;       /* the log has said why the menu is off */
    bool restart;        /* "restart kiosk" was chosen: exit STAFF_EXIT_RESTART */
    char say[512];       /* the last action's result, shown on the status page */
    int64_t started;     /* ui_now() when the kiosk started (its uptime) */
    uint32_t wake_event; /* SDL event type the PIN worker pushes (0: none) */
    /* Requests to the root-side handler (staffreq.h, staff_request.c). */
    char req_dir[PATH_MAX];        /* [staff] request_dir */
    struct watch *req_watch;       /* on req_dir/result, from the first request */
    int req_pending;               /* enum staffreq_kind waiting for its answer; -1 none */
    bool req_working;              /* the handler has said it started */
    uint32_t req_since;            /* a->ms when it was sent */
    struct watch_file_id req_seen; /* the answer file as last read */
    bool req_have_seen;
    unsigned req_gen; /* bumped on each answer: the status page reads again */
    /* The long press being watched. */
    bool armed;
    int x0, y0;
    uint32_t since;
};

/* A new staff state; pin_hash NULL or "" leaves the menu off. The hash
 * must have passed staffpin_hash_ok. */
struct staff *staff_new(const char *pin_hash, const char *data_dir);
void staff_free(struct staff *s);

/* Opens the PIN pad (from the gesture, the shortcut or a test); false
 * when the menu is off or already open. */
bool staff_open(struct app *a);
/* True while a staff screen is on top. */
bool staff_showing(const struct app *a);
/* The staff menu's requests (staff_request.c): the folder, "" for the
 * default; sending one (false, said on the status page, if it could not
 * be sent or another is still waiting); whether one waits; reading the
 * answer (true if it changed something); the timeout, from the staff
 * page's update; the answer watch's SDL event; for headless scripts,
 * waiting up to ms of real time for the final answer. */
void staff_request_dir(struct staff *s, const char *dir);
bool staff_request(struct app *a, enum staffreq_kind k);
bool staff_request_pending(const struct app *a);
/* Says on the status page that a request is still being handled, if one is. */
void staff_request_show(struct app *a);
bool staff_request_check(struct app *a);
void staff_request_tick(struct app *a);
bool staff_request_event(struct app *a, const SDL_Event *ev);
bool staff_request_wait(struct app *a, int ms);
void staff_request_stop(struct staff *s);
/* Watches presses, moves and releases for the long press in the corner.
 * Never consumes an event. */
void staff_gesture(struct app *a, const struct input_event *ev);
/* Opens the pad when the press has been held long enough; returns ms until
 * it will have been (-1: no press is being watched). */
int staff_gesture_tick(struct app *a);

#endif
