/* install: verify a snapshot and make it the one the kiosk shows.
 *
 * Checks, in order: the signature (a trusted key, the prehashed minisign
 * format), that the file is a complete aula snapshot this program reads
 * (application_id, schema version, SQLite integrity), its validity window,
 * its site (when aula.conf names one) and that its content version is newer
 * than anything installed before (a replayed older snapshot is refused
 * unless staff ask for it). Then: the copy already made in the data
 * directory is fsynced, linked to its versioned name, the current link is
 * swapped and the directory fsynced; old versions beyond the kept ones are
 * removed. A refusal or failure at any point leaves current as it was. */
#ifndef AULA_SYNC_INSTALL_H
#define AULA_SYNC_INSTALL_H

#include "sync/config.h"
#include "sync/keyring.h"
#include "sync/state.h"
#include "sync/store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum install_result {
    INSTALL_DONE,      /* a new version (or a rollback) is now current */
    INSTALL_UNCHANGED, /* nothing to do: already current, or not modified */
    INSTALL_REFUSED,   /* the content was not accepted */
    INSTALL_FAILED,    /* an I/O, network or usage problem */
};

struct install_request {
    const struct sync_config *cfg;
    struct store *store;
    const struct keyring *keys;
    int64_t now;        /* UTC seconds; decides "today" for the validity window */
    bool allow_older;   /* staff chose to go back to older content */
    int64_t high_water; /* highest version installed before (state) */
};

struct install_outcome {
    enum install_result result;
    int64_t version;
    char message[1024]; /* one line for the journal and the status */
    char banner[160];   /* a short line for the kiosk's banner */
};

/* Installs the snapshot readable from fd (src_name for messages) with the
 * signature text sig[0..siglen) read from sig_name. */
enum install_result install_fd(const struct install_request *rq, int fd, const char *src_name,
                               const char *sig, size_t siglen, const char *sig_name,
                               struct install_outcome *out);

/* PATH is a snapshot file (its signature is PATH.minisig), or a folder
 * holding aula/<name>.aula and aula/<name>.aula.minisig, such as a USB
 * stick. Nothing outside the folder is followed (no symlinks, no "..").
 * With several snapshots there, the newest one for this site is used. */
enum install_result install_path(const struct install_request *rq, const char *path,
                                 struct install_outcome *out);

/* Makes an older kept version current again (to = 0: the newest version
 * older than current), after checking its kept signature and integrity
 * again. force also accepts content whose validity window has ended. */
enum install_result install_rollback(const struct install_request *rq, int64_t to, bool force,
                                     struct install_outcome *out);

/* "YYYY-MM-DD" of t in the local time zone. */
void install_today(int64_t t, char buf[11]);

#endif
