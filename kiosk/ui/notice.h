/* notice: short messages drawn over any screen for a while — the result
 * of a print job for the visitor (bottom of the screen, in the visitor's
 * language) and the content-update banner for staff (a small strip at the
 * top, in the site's default language). They are pictures only: they
 * register no targets, so they never stand between a family and the
 * screen, and they go away by themselves (ui_tick wakes up for that).
 * Also keeps the bookkeeping of the sources of these messages (the print
 * job in progress, the status file last seen). Owns struct ui_notice,
 * allocated on first use and freed by ui_free. */
#ifndef AULA_UI_NOTICE_H
#define AULA_UI_NOTICE_H

#include "ui/ui.h"
#include "platform/watch.h"

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

enum notice_slot { NOTICE_VISITOR, NOTICE_STAFF, NOTICE_SLOTS };
enum notice_kind { NOTICE_INFO, NOTICE_OK, NOTICE_ERROR };

struct ui_notice {
    struct {
        bool on;
        enum notice_kind kind;
        char text[512];
        bool timed;
        uint32_t until; /* a->ms when it goes away */
    } slot[NOTICE_SLOTS];
    /* print_ui.c */
    Uint32 print_event;  /* the SDL event the print worker posts; 0: none */
    char print_what[16]; /* what the job in progress prints: service, organization, contact */
    bool print_counts;   /* the job counts in the daily statistics (not a test slip) */
    /* banner.c */
    struct watch *status_watch;     /* status.json of the data directory */
    struct watch_file_id status_id; /* the file as last read */
    bool have_status;
    char status_key[320]; /* the outcome last read: result|banner */
};

/* The notice state (allocated on first use; never NULL). */
struct ui_notice *notice_state(struct app *a);
/* Shows text in slot (replacing what was there) for ms of the app's clock;
 * ms 0 keeps it until replaced or cleared. */
void notice_show(struct app *a, enum notice_slot slot, enum notice_kind kind, const char *text,
                 int ms);
void notice_clear(struct app *a, enum notice_slot slot);
/* The text shown in slot, or "" (tests and scripts). */
const char *notice_text(const struct app *a, enum notice_slot slot);
/* Drops notices whose time is up; returns ms until the next one ends, or
 * -1 if none is timed. */
int notice_tick(struct app *a);
void notice_draw(struct app *a);
void notice_free(struct app *a);

#endif
