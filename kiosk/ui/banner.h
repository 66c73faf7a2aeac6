/* banner: the staff's note on the screen after a content update. aula-sync
 * writes status.json into the data directory after every install attempt
 * (USB stick or pull; kiosk/sync/state.c); the kiosk watches that file
 * (platform/watch, a second watch beside the snapshot's) and, when it
 * changes, shows for about ten seconds a short strip at the top of the
 * screen, in the site's default language: "Content updated to version N",
 * "Not installed: signature not trusted", ... An install that changed
 * nothing shows nothing, and the same failure again (a pull timer retrying
 * while the network is down) is not repeated. The strip registers no
 * targets: families keep using the screen under it. Owns the status watch
 * (kept in struct ui_notice). */
#ifndef AULA_UI_BANNER_H
#define AULA_UI_BANNER_H

#include "ui/notice.h"
#include "ui/ui.h"

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

/* The banner for the text of a status.json, in lang. False when there is
 * nothing to show (nothing installed, unreadable JSON: err says why, or
 * "" when the status is simply not one to show). *key gets what identifies
 * the outcome (result and sync's banner), to tell a repeated failure. */
bool banner_from_status(const char *json, const char *lang, char *out, size_t cap,
                        enum notice_kind *kind, char *key, size_t keycap, char *err, size_t errcap);

/* Starts watching status.json beside the snapshot source (the data
 * directory of `current`). The file as it is now is not shown. */
bool ui_banner_watch(struct app *a);
void ui_banner_unwatch(struct app *a);
/* Handles ev if it is the status watch's: shows the banner. */
bool ui_banner_event(struct app *a, const SDL_Event *ev);
/* Reads status.json now; true if a banner was shown. */
bool ui_banner_check(struct app *a);
/* Headless scripts: waits up to ms of real time for status.json to
 * change, then handles it. False if it did not change. */
bool ui_banner_wait(struct app *a, int ms);

#endif
