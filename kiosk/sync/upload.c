/* upload: the counters as JSON, POSTed over HTTPS; see upload.h. */
#include "sync/upload.h"
#include "sync/pull.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

char *upload_stats_json(struct stats *st, const char *site_id, const char *version)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    /* site_id and version are ids (checked when read): no escaping needed. */
    fprintf(f, "{\"site_id\": \"%s\", \"generator\": \"aula-sync %s\", \"counts\": ", site_id,
            version);
    bool ok = stats_export(st, NULL, NULL, STATS_JSON, f);
    fputs("}\n", f);
    if (fclose(f) != 0 || !ok) {
        free(buf);
        return NULL;
    }
    return buf;
}

static size_t discard(char *p, size_t size, size_t n, void *ctx)
{
    (void)p, (void)ctx;
    return size * n;
}

bool upload_post(const struct sync_config *cfg, const char *url, const char *body,
                 const char *user_agent, char *msg, size_t cap)
{
    if (strncasecmp(url, "https://", 8) != 0) {
        snprintf(msg, cap, "%s: not an https:// address; the counters go out only over HTTPS", url);
        return false;
    }
    char errbuf[CURL_ERROR_SIZE];
    CURL *c = pull_curl_new(cfg, user_agent, errbuf);
    if (!c) {
        snprintf(msg, cap, "%s: cannot start libcurl", url);
        return false;
    }
    struct curl_slist *hdr = curl_slist_append(NULL, "Content-Type: application/json");
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)strlen(body));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
    CURLcode rc = curl_easy_perform(c);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(c);
    curl_slist_free_all(hdr);
    if (rc != CURLE_OK) {
        snprintf(msg, cap, "%s: upload failed: %s", url,
                 errbuf[0] ? errbuf : curl_easy_strerror(rc));
        return false;
    }
    if (status < 200 || status > 299) {
        snprintf(msg, cap, "%s: the server answered HTTP %ld; the counters stay on the screen", url,
                 status);
        return false;
    }
    snprintf(msg, cap, "%s: counters uploaded (HTTP %ld, %zu bytes)", url, status, strlen(body));
    return true;
}
