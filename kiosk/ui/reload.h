/* reload: where the kiosk's content comes from and switching to a new
 * snapshot while running. The source is a snapshot file or the data
 * directory's `current` symlink, plus what the configuration asks of it
 * (the site it must be for, the languages offered and the default one).
 * When the watch (platform/watch) reports a change, the new snapshot is
 * opened and checked first; only when it is good are the database handle
 * and every screen's view model swapped, and the next frame is drawn from
 * it — no blank frame. A snapshot that fails its checks is refused with a
 * log line saying why, and the old content stays on screen. Owns the watch. */
#ifndef AULA_UI_RELOAD_H
#define AULA_UI_RELOAD_H

#include "domain/content.h"
#include "platform/watch.h"

#include <SDL.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

struct app;

struct content_source {
    char path[PATH_MAX];   /* the snapshot: a file, or a symlink to one */
    char site_id[64];      /* the site it must be for ("": any) */
    char languages[256];   /* languages offered, in order ("": the snapshot's) */
    char default_lang[16]; /* "": the snapshot's */
    struct watch *watch;
    struct watch_file_id shown, refused; /* the files shown and last refused */
    bool have_shown, have_refused;
    unsigned long reloads, refusals; /* since start, for --stats */
};

/* Sets the source up (any string may be NULL or ""). */
void content_source_init(struct content_source *s, const char *path, const char *site_id,
                         const char *languages, const char *default_lang);
/* Opens the source's snapshot and checks it against the configuration. On
 * failure returns the reason with msg filled for staff and *out NULL. */
enum snapshot_status content_source_open(struct content_source *s, struct content **out, char *msg,
                                         size_t cap);

/* Starts watching the source for new content; false (logged) if it
 * cannot, and the kiosk goes on with what it has. */
bool ui_content_watch(struct app *a);
void ui_content_unwatch(struct app *a);
/* Handles ev if it is the watch's: tries the new snapshot. Returns false
 * for any other event. */
bool ui_content_event(struct app *a, const SDL_Event *ev);
/* Looks at the source now: switches to a new good snapshot (true), or
 * keeps the current one (false, logged when the new one is refused). */
bool ui_content_reload(struct app *a);
/* Headless scripts: waits up to ms of real time for the watch to report a
 * change, then handles it as the running kiosk would. False if none came. */
bool ui_content_wait(struct app *a, int ms);

#endif
