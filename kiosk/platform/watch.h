/* watch: notices when the snapshot file the kiosk shows is replaced. It
 * watches the file's directory with inotify (so an atomic swap of the
 * `current` symlink by aula-sync, a rename over the file, or a finished
 * copy all count) from a small thread that sleeps in poll() and, after a
 * short quiet time that lets a burst of changes settle, posts one SDL
 * event of its own type to the kiosk's event queue. The main loop stays
 * purely event-driven: no timer, no polling. Owns the inotify descriptor
 * and the thread. */
#ifndef AULA_PLATFORM_WATCH_H
#define AULA_PLATFORM_WATCH_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct watch;

/* Watches path's directory for changes to the entry named like path.
 * SDL must be started. Returns NULL with err filled when the directory
 * cannot be watched. */
struct watch *watch_start(const char *path, char *err, size_t cap);
void watch_stop(struct watch *w);
/* The SDL event type posted on a change. */
Uint32 watch_event_type(const struct watch *w);
/* Waits up to ms (real time) for a change event and takes it off the
 * queue; other events met meanwhile are dropped. For headless scripts. */
bool watch_wait(struct watch *w, int ms);

/* What identifies a snapshot file's version: the file a path resolves to
 * and its size and modification time. */
struct watch_file_id {
    uint64_t dev, ino;
    int64_t size, mtime_ns;
};

/* Reads the identity of path (following symlinks); false if it cannot. */
bool watch_file_id(const char *path, struct watch_file_id *out);
bool watch_file_same(const struct watch_file_id *a, const struct watch_file_id *b);

#endif
