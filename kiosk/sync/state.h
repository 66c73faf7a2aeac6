/* state: what aula-sync remembers between runs (the "state" file in the
 * data directory: highest version ever installed, the last attempt and its
 * result, the ETag of the last pull) and the reports made from it:
 * status.json for the kiosk's staff screen and banner, a Prometheus
 * textfile-collector file, and aula-sync status in text or JSON. */
#ifndef AULA_SYNC_STATE_H
#define AULA_SYNC_STATE_H

#include "base/strbuf.h"
#include "sync/config.h"
#include "sync/store.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define STATE_FILE  "state"
#define STATUS_FILE "status.json"

struct sync_state {
    int64_t high_water;   /* highest content version ever installed */
    int64_t last_attempt; /* UTC seconds */
    int64_t last_success; /* last attempt that installed or found nothing new */
    int64_t last_error_at;
    int64_t last_pull; /* when a pull last started (for pull_interval) */
    int64_t failures_total, installs_total;
    char last_result[16];    /* installed, unchanged, rolled-back, refused, failed */
    char last_message[1024]; /* the one-line reason */
    char last_banner[160];   /* the short text the kiosk shows */
    char last_error[1024];
    char last_source[CONFIG_URL_MAX];
    char etag_url[CONFIG_URL_MAX];
    char etag[256];
};

/* Missing or unreadable state is an empty state (the store's files still
 * tell which versions exist). */
void state_load(const struct store *s, struct sync_state *st);
bool state_save(struct store *s, const struct sync_state *st);

/* Writes status.json into the data directory and, when its folder exists,
 * the Prometheus file. Failures are reported on stderr only. */
void state_publish(struct store *s, const struct sync_state *st, const struct sync_config *cfg);

void state_report_text(const struct store *s, const struct sync_state *st, FILE *out);
void state_report_json(const struct store *s, const struct sync_state *st, struct strbuf *out);
void state_report_prometheus(const struct store *s, const struct sync_state *st,
                             struct strbuf *out);

#endif
