/* pull: the HTTP side of aula-sync. One easy handle per request keeps the
 * options explicit; performance is dominated by the transfer itself. */
#include "sync/pull.h"

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "sync/fsio.h"
#include "sync/minisign.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define MAX_REDIRECTS   5
#define MAX_BACKOFF_MS  (5 * 60 * 1000LL)
#define BANNER_DOWNLOAD "Not updated: could not download the content"

enum get_kind { GET_OK, GET_NOT_MODIFIED, GET_TRANSIENT, GET_FAILED, GET_REFUSED };

struct xfer {
    int fd;             /* body to this file, or */
    struct strbuf *mem; /* to memory */
    unsigned long long got, max;
    long status; /* of the response being received */
    bool too_large, write_failed;
    int write_errno;
    char etag[256];
};

static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
    struct xfer *x = ud;
    size_t len = size * n;
    if (len > 5 && memcmp(p, "HTTP/", 5) == 0) {
        const char *sp = memchr(p, ' ', len);
        x->status = sp ? strtol(sp + 1, NULL, 10) : 0;
        x->etag[0] = '\0';
    } else if (len > 5 && strncasecmp(p, "etag:", 5) == 0) {
        const char *v = p + 5, *end = p + len;
        while (v < end && (*v == ' ' || *v == '\t'))
            v++;
        while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' '))
            end--;
        size_t vn = (size_t)(end - v);
        if (vn < sizeof(x->etag)) {
            memcpy(x->etag, v, vn);
            x->etag[vn] = '\0';
        }
    }
    return len;
}

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
    struct xfer *x = ud;
    size_t len = size * n;
    if (x->status != 200)
        return len; /* the body of a redirect or an error page */
    if (x->got + len > x->max) {
        x->too_large = true;
        return 0;
    }
    x->got += len;
    if (x->mem) {
        strbuf_add(x->mem, p, len);
    } else if (!fsio_write_all(x->fd, p, len)) {
        x->write_failed = true;
        x->write_errno = errno;
        return 0;
    }
    return len;
}

static bool is_https(const char *url)
{
    return strncasecmp(url, "https://", 8) == 0;
}

__attribute__((format(printf, 3, 4))) static enum get_kind say(enum get_kind k, char *msg,
                                                               const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, 1024, fmt, ap);
    va_end(ap);
    return k;
}

static bool transient_curl(CURLcode rc)
{
    switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_SSL_CONNECT_ERROR:
        return true;
    default:
        return false;
    }
}

void *pull_curl_new(const struct sync_config *cfg, const char *ua, char *errbuf)
{
    CURL *c = curl_easy_init();
    if (!c)
        return NULL;
    errbuf[0] = '\0';
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, (long)cfg->connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)cfg->timeout_ms);
    curl_easy_setopt(c, CURLOPT_USERAGENT, ua);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    if (cfg->ca_file[0])
        curl_easy_setopt(c, CURLOPT_CAINFO, cfg->ca_file);
    return c;
}

/* One GET with redirects followed by hand. msg has room for 1024 bytes. */
static enum get_kind http_get(const struct sync_config *cfg, const char *url0, const char *inm,
                              const char *ua, struct xfer *x, char *msg)
{
    char *url = xstrdup(url0);
    enum get_kind kind = GET_FAILED;
    for (int hop = 0;; hop++) {
        if (hop > MAX_REDIRECTS) {
            kind = say(GET_FAILED, msg, "%s: more than %d redirects; fix the web server", url0,
                       MAX_REDIRECTS);
            break;
        }
        char errbuf[CURL_ERROR_SIZE] = "";
        CURL *c = pull_curl_new(cfg, ua, errbuf);
        if (!c) {
            kind = say(GET_FAILED, msg, "%s: cannot start libcurl", url0);
            break;
        }
        struct curl_slist *hdr = NULL;
        if (inm && *inm) {
            char h[300];
            snprintf(h, sizeof(h), "If-None-Match: %s", inm);
            hdr = curl_slist_append(hdr, h);
        }
        x->got = 0;
        x->status = 0;
        x->etag[0] = '\0';
        x->too_large = x->write_failed = false;
        if (x->mem)
            strbuf_clear(x->mem);
        else if (ftruncate(x->fd, 0) != 0 || lseek(x->fd, 0, SEEK_SET) != 0) {
            curl_easy_cleanup(c);
            kind = say(GET_FAILED, msg, "cannot reset the download file: %s", strerror(errno));
            break;
        }
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, is_https(url0) ? "https" : "http,https");
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
        curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(c, CURLOPT_HEADERDATA, x);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, x);
        curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)x->max);
        CURLcode rc = curl_easy_perform(c);
        long status = 0;
        char *next = NULL;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        if (rc == CURLE_OK && status >= 300 && status < 400 && status != 304) {
            char *loc = NULL;
            curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &loc);
            if (loc)
                next = xstrdup(loc);
        }
        curl_easy_cleanup(c);
        curl_slist_free_all(hdr);
        if (x->too_large || rc == CURLE_FILESIZE_EXCEEDED) {
            kind = say(GET_REFUSED, msg,
                       "%s: larger than max_size (%llu bytes); raise max_size in aula.conf if "
                       "this is expected",
                       url0, x->max);
        } else if (x->write_failed) {
            kind = say(GET_FAILED, msg, "%s: cannot store the download: %s%s", url0,
                       strerror(x->write_errno),
                       x->write_errno == ENOSPC ? "; free some space (old content is still shown)"
                                                : "");
        } else if (rc != CURLE_OK) {
            kind = say(transient_curl(rc) ? GET_TRANSIENT : GET_FAILED, msg,
                       "%s: download failed: %s", url, errbuf[0] ? errbuf : curl_easy_strerror(rc));
        } else if (status == 200) {
            kind = GET_OK;
        } else if (status == 304) {
            kind = GET_NOT_MODIFIED;
        } else if (status >= 300 && status < 400) {
            if (!next) {
                kind =
                    say(GET_FAILED, msg, "%s: HTTP %ld redirect without a Location", url, status);
            } else if (is_https(url) && !is_https(next)) {
                kind = say(GET_REFUSED, msg,
                           "%s: redirected from https to %s; refusing to leave https (fix the "
                           "web server's redirect)",
                           url, next);
            } else {
                free(url);
                url = next;
                continue;
            }
        } else if (status == 408 || status == 429 || status >= 500) {
            kind = say(GET_TRANSIENT, msg, "%s: HTTP %ld from the server", url, status);
        } else {
            kind = say(GET_FAILED, msg, "%s: HTTP %ld%s", url, status,
                       status == 404 ? " (not found); check pull_url in aula.conf and that the "
                                       "file is published"
                                     : "");
        }
        free(next);
        break;
    }
    free(url);
    return kind;
}

static void backoff(const struct sync_config *cfg, int attempt)
{
    long long d = cfg->retry_delay_ms;
    for (int i = 1; i < attempt && d < MAX_BACKOFF_MS; i++)
        d *= 2;
    if (d > MAX_BACKOFF_MS)
        d = MAX_BACKOFF_MS;
    if (d <= 0)
        return;
    /* "Equal jitter": between half and all of the delay, so that a fleet
     * retrying after the same outage spreads out. */
    long long ms = d / 2 + (long long)randombytes_uniform((uint32_t)(d / 2 + 1));
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

enum install_result pull_run(const struct install_request *rq, struct pull_request *pr,
                             struct install_outcome *out)
{
    memset(out, 0, sizeof(*out));
    pr->etag[0] = '\0';
    pr->attempts = 0;
    const struct sync_config *cfg = rq->cfg;
    if (strncasecmp(pr->url, "http://", 7) != 0 && !is_https(pr->url)) {
        out->result = INSTALL_FAILED;
        snprintf(out->banner, sizeof(out->banner), "%s", BANNER_DOWNLOAD);
        snprintf(out->message, sizeof(out->message),
                 "%s: not an http:// or https:// address; check pull_url in aula.conf", pr->url);
        return out->result;
    }
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0) {
        out->result = INSTALL_FAILED;
        snprintf(out->message, sizeof(out->message), "cannot initialise libcurl");
        return out->result;
    }
    char *sigurl = xmalloc(strlen(pr->url) + sizeof(MINISIGN_SIG_SUFFIX));
    sprintf(sigurl, "%s" MINISIGN_SIG_SUFFIX, pr->url);
    struct strbuf sig;
    strbuf_init(&sig);
    char msg[1024] = "";
    enum install_result r = INSTALL_FAILED;
    bool done = false, installed = false;
    for (int attempt = 0; attempt <= cfg->retries && !done; attempt++) {
        if (attempt > 0)
            backoff(cfg, attempt);
        pr->attempts = attempt + 1;
        char tmp[64];
        fsio_temp_name(".download-", tmp, sizeof(tmp));
        int fd = fsio_create(rq->store->dirfd, tmp, 0600);
        if (fd < 0) {
            snprintf(msg, sizeof(msg), "%s: cannot write: %s", rq->store->dir, strerror(errno));
            break;
        }
        struct xfer x = {.fd = fd, .max = (unsigned long long)cfg->max_size};
        enum get_kind k = http_get(cfg, pr->url, pr->if_none_match, pr->user_agent, &x, msg);
        if (k == GET_OK) {
            snprintf(pr->etag, sizeof(pr->etag), "%s", x.etag);
            struct xfer sx = {.fd = -1, .mem = &sig, .max = MINISIGN_SIGFILE_MAX};
            k = http_get(cfg, sigurl, NULL, pr->user_agent, &sx, msg);
            if (k == GET_NOT_MODIFIED)
                k = say(GET_FAILED, msg, "%s: unexpected 304", sigurl);
        }
        if (k == GET_OK) {
            if (lseek(fd, 0, SEEK_SET) != 0) {
                snprintf(msg, sizeof(msg), "%s: cannot read the download back: %s", rq->store->dir,
                         strerror(errno));
                r = INSTALL_FAILED;
            } else {
                r = install_fd(rq, fd, pr->url, sig.s ? sig.s : "", sig.len, sigurl, out);
                installed = true;
            }
            done = true;
        } else if (k == GET_NOT_MODIFIED) {
            r = INSTALL_UNCHANGED;
            snprintf(out->message, sizeof(out->message),
                     "%s: not modified since the last pull (ETag %s)", pr->url, pr->if_none_match);
            snprintf(out->banner, sizeof(out->banner), "Content is already up to date");
            done = true;
        } else if (k != GET_TRANSIENT) {
            r = k == GET_REFUSED ? INSTALL_REFUSED : INSTALL_FAILED;
            done = true;
        }
        close(fd);
        unlinkat(rq->store->dirfd, tmp, 0);
    }
    if (!installed && r != INSTALL_UNCHANGED) {
        if (!done && pr->attempts > 1)
            snprintf(out->message, sizeof(out->message), "%s (gave up after %d attempts)", msg,
                     pr->attempts);
        else
            snprintf(out->message, sizeof(out->message), "%s", msg);
        snprintf(out->banner, sizeof(out->banner), "%s", BANNER_DOWNLOAD);
    }
    out->result = r;
    strbuf_free(&sig);
    free(sigurl);
    curl_global_cleanup();
    return r;
}
