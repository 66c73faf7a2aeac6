/* store: the data directory the kiosk reads (/var/lib/aula by default).
 *
 *   snapshot-<N>.aula          installed versions, never changed once there
 *   snapshot-<N>.aula.minisig  their signatures, to re-check on rollback
 *   current -> snapshot-<N>.aula   the one the kiosk shows (a symlink)
 *   state, status.json, .lock  aula-sync's memory, its report, its lock
 *
 * The current link is replaced by renaming a new link over it, so a reader
 * always finds the old or the new snapshot. Names are only ever added or
 * removed; no installed file is renamed or written again. */
#ifndef AULA_SYNC_STORE_H
#define AULA_SYNC_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STORE_CURRENT      "current"
#define STORE_MAX_VERSIONS 64

struct store {
    char *dir;
    int dirfd;
    int lockfd;
};

/* Opens dir (creating it when create is set) and, for writers, takes the
 * lock so that a timer pull and a USB install never run at once. */
bool store_open(struct store *s, const char *dir, bool create, bool lock, char *err, size_t errcap);
void store_close(struct store *s);

/* "snapshot-<N>.aula" */
void store_name(int64_t version, char *buf, size_t cap);
/* dir + "/" + name, in buf. */
void store_path(const struct store *s, const char *name, char *buf, size_t cap);
bool store_has(const struct store *s, int64_t version);

/* Installed versions, newest first; returns how many. */
size_t store_versions(const struct store *s, int64_t *out, size_t cap);
/* The version current points to, or 0 when there is none. */
int64_t store_current(const struct store *s);

/* Points current at an installed version: symlink to a temporary name,
 * rename over current, fsync the directory. */
bool store_switch(struct store *s, int64_t version);

/* Removes installed versions beyond the newest keep, never current and
 * never a file some process has open; and temporary files left by an
 * interrupted run. Returns how many snapshots were removed. */
int store_prune(struct store *s, int keep);
void store_remove_temps(struct store *s);

/* True if some process has dir/name open (looked up in /proc). */
bool store_in_use(const struct store *s, const char *name);

#endif
