/* upload: sends the screen's anonymous counters to the municipality's
 * server: one HTTPS POST of a JSON document (the site id and every day's
 * totals kept in the counter file; a day sent again carries its new
 * totals, so the server keeps the last value per site, day, kind and key).
 * https only, no redirects followed, with aula-sync's timeouts and CA
 * file. */
#ifndef AULA_SYNC_UPLOAD_H
#define AULA_SYNC_UPLOAD_H

#include "data/stats.h"
#include "sync/config.h"

#include <stdbool.h>
#include <stddef.h>

/* Builds the JSON document of st for site_id (a new string). */
char *upload_stats_json(struct stats *st, const char *site_id, const char *version);
/* POSTs body to url; true on a 2xx answer. msg says what happened. */
bool upload_post(const struct sync_config *cfg, const char *url, const char *body,
                 const char *user_agent, char *msg, size_t cap);

#endif
