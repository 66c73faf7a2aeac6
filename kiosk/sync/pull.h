/* pull: fetch a published snapshot over HTTP(S) with libcurl and install
 * it. GET URL (with If-None-Match when an ETag is known; 304 means nothing
 * to do), then URL.minisig, both with connect and total timeouts and a size
 * cap; redirects are followed by hand (at most 5) and one from https to
 * anything else is refused. Network failures are retried with jittered
 * exponential back-off. The body goes to a temporary file in the data
 * directory and then through the same checks as a USB install. */
#ifndef AULA_SYNC_PULL_H
#define AULA_SYNC_PULL_H

#include "sync/install.h"

#include <stddef.h>

struct pull_request {
    const char *url;
    const char *if_none_match; /* NULL or "" to download unconditionally */
    const char *user_agent;
    char etag[256]; /* out: the ETag of a 200 response, if any */
    int attempts;   /* out: how many times the download was tried */
};

/* A libcurl handle (CURL *) with the settings every request of aula-sync
 * shares: the config's connect and total timeouts and CA file, the
 * User-Agent, no signals, no automatic redirects, errors into errbuf
 * (CURL_ERROR_SIZE bytes). NULL if libcurl cannot start. */
void *pull_curl_new(const struct sync_config *cfg, const char *ua, char *errbuf);

enum install_result pull_run(const struct install_request *rq, struct pull_request *pr,
                             struct install_outcome *out);

#endif
