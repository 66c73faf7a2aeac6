/* cupsjob: one CUPS job through libcups; see cupsjob.h.
 *
 * libcups is opened with dlopen() by cupsjob_load(), only when printer =
 * cups: linked directly it brought some 27 more shared libraries (GnuTLS,
 * Kerberos, Avahi, p11-kit...) into every start of the kiosk, printing or
 * not. cups/cups.h is still used for the types and constants; every call
 * goes through the table below, filled once. */
#include "print/cupsjob.h"
#include "print/conn.h"

#include <cups/cups.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The library's name; CUPSJOB_LIBRARY_ENV overrides it for the tests only. */
#define CUPS_SONAME "libcups.so.2"

/* The libcups functions cupsjob uses. Their pointers take their types from
 * cups/cups.h (__typeof__ names no symbol, so nothing is linked). */
#define CUPS_FUNCS(X)                                                                              \
    X(ippPort)                                                                                     \
    X(cupsServer)                                                                                  \
    X(cupsUser)                                                                                    \
    X(cupsLastError)                                                                               \
    X(cupsLastErrorString)                                                                         \
    X(httpConnect2)                                                                                \
    X(httpSetTimeout)                                                                              \
    X(httpAssembleURI)                                                                             \
    X(httpFlushWrite)                                                                              \
    X(httpClose)                                                                                   \
    X(ippNewRequest)                                                                               \
    X(ippAddString)                                                                                \
    X(ippAddStrings)                                                                               \
    X(ippFindAttribute)                                                                            \
    X(ippGetBoolean)                                                                               \
    X(ippGetInteger)                                                                               \
    X(ippLength)                                                                                   \
    X(ippDelete)                                                                                   \
    X(cupsDoRequest)                                                                               \
    X(cupsSendRequest)                                                                             \
    X(cupsWriteRequestData)                                                                        \
    X(cupsGetResponse)

#define CUPS_FIELD(name) __typeof__(&name) name;
static struct {
    CUPS_FUNCS(CUPS_FIELD)
} cups;
#undef CUPS_FIELD

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static bool loaded;
static char load_error[512];

static void load(void)
{
    const char *name = getenv(CUPSJOB_LIBRARY_ENV);
    if (!name || !name[0])
        name = CUPS_SONAME;
    void *h = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *e = dlerror();
        snprintf(load_error, sizeof(load_error), "%s", e ? e : name);
        return;
    }
    /* Object to function pointer through memcpy: ISO C has no cast between them. */
#define CUPS_LOAD(fn)                                                                              \
    if (ok) {                                                                                      \
        void *sym = dlsym(h, #fn);                                                                 \
        if (sym)                                                                                   \
            memcpy(&cups.fn, &sym, sizeof(sym));                                                   \
        else {                                                                                     \
            ok = false;                                                                            \
            snprintf(load_error, sizeof(load_error), "%s has no %s", name, #fn);                   \
        }                                                                                          \
    }
    bool ok = true;
    CUPS_FUNCS(CUPS_LOAD)
#undef CUPS_LOAD
    if (!ok) {
        dlclose(h);
        return;
    }
    loaded = true; /* kept open for the life of the process */
}

bool cupsjob_load(char *err, size_t cap)
{
    pthread_once(&load_once, load);
    if (!loaded)
        snprintf(err, cap, "%s", load_error);
    return loaded;
}

#define JOB_TITLE "aula contact slip" /* nothing about the visitor */

static int still_time(http_t *http, void *ctx)
{
    (void)http;
    return conn_now_ms() < *(const int64_t *)ctx;
}

static int remaining_ms(int64_t deadline)
{
    int64_t r = deadline - conn_now_ms();
    return r < 1 ? 1 : r > 600000 ? 600000 : (int)r;
}

/* Status and message from libcups' last error. */
static enum print_status ipp_failure(const char *what, const char *queue, char *msg, size_t cap)
{
    ipp_status_t e = cups.cupsLastError();
    snprintf(msg, cap, "CUPS queue %s: %s: %s", queue, what, cups.cupsLastErrorString());
    if (e == IPP_STATUS_ERROR_NOT_FOUND)
        return PRINT_MISSING;
    if (e == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || e == IPP_STATUS_ERROR_INTERNAL)
        return PRINT_OFFLINE;
    if (e == IPP_STATUS_ERROR_TIMEOUT)
        return PRINT_TIMEOUT;
    return PRINT_REFUSED;
}

enum print_status cupsjob_submit(const struct cupsjob *j, int *job_id, int64_t *first_byte,
                                 char *msg, size_t cap)
{
    *job_id = 0;
    char why[sizeof(load_error)];
    if (!cupsjob_load(why, sizeof(why))) { /* printer_new has said so already */
        snprintf(msg, cap, "libcups2 could not be loaded: %s", why);
        return PRINT_FAILED;
    }
    char host[256];
    int port = cups.ippPort();
    if (j->server && j->server[0]) {
        snprintf(host, sizeof(host), "%s", j->server);
        char *colon = strrchr(host, ':');
        if (host[0] != '/' && colon && strchr(host, ':') == colon) {
            *colon = '\0';
            port = atoi(colon + 1);
        }
    } else {
        snprintf(host, sizeof(host), "%s", cups.cupsServer());
    }
    int cancel = 0;
    http_t *http = cups.httpConnect2(host, port, NULL, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1,
                                     remaining_ms(j->deadline), &cancel);
    if (!http) {
        snprintf(msg, cap, "cannot reach CUPS at %s:%d (is cupsd running?)", host, port);
        return conn_now_ms() >= j->deadline ? PRINT_TIMEOUT : PRINT_OFFLINE;
    }
    int64_t deadline = j->deadline;
    cups.httpSetTimeout(http, remaining_ms(deadline) / 1000.0, still_time, &deadline);
    enum print_status st = PRINT_OK;
    char uri[HTTP_MAX_URI], resource[256];
    snprintf(resource, sizeof(resource), "/printers/%s", j->queue);
    cups.httpAssembleURI(HTTP_URI_CODING_ALL, uri, sizeof(uri), "ipp", NULL,
                         host[0] == '/' ? "localhost" : host, port, resource);

    /* Is the queue there, started and accepting? */
    static const char *const wanted[] = {"printer-state", "printer-is-accepting-jobs"};
    ipp_t *req = cups.ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    cups.ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, uri);
    cups.ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 2, NULL,
                       wanted);
    ipp_t *resp = cups.cupsDoRequest(http, req, resource);
    if (!resp || cups.cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE) {
        if (cups.cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND)
            snprintf(msg, cap, "CUPS at %s:%d has no queue named \"%s\" (lpstat -p lists them)",
                     host, port, j->queue);
        st = cups.cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND
                 ? PRINT_MISSING
                 : ipp_failure("cannot ask about it", j->queue, msg, cap);
        cups.ippDelete(resp);
        goto done;
    }
    ipp_attribute_t *a = cups.ippFindAttribute(resp, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);
    bool accepting = !a || cups.ippGetBoolean(a, 0);
    a = cups.ippFindAttribute(resp, "printer-state", IPP_TAG_ENUM);
    bool stopped = a && cups.ippGetInteger(a, 0) == IPP_PSTATE_STOPPED;
    cups.ippDelete(resp);
    if (!accepting || stopped) {
        snprintf(msg, cap, "CUPS queue %s is %s (%s %s)", j->queue,
                 !accepting ? "not accepting jobs" : "stopped",
                 !accepting ? "cupsaccept" : "cupsenable", j->queue);
        st = PRINT_REFUSED;
        goto done;
    }

    /* One Print-Job request carrying the document. */
    req = cups.ippNewRequest(IPP_OP_PRINT_JOB);
    cups.ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, uri);
    cups.ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL,
                      cups.cupsUser());
    cups.ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", NULL, JOB_TITLE);
    cups.ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_MIMETYPE, "document-format", NULL, j->format);
    /* The length is the whole HTTP body: the IPP request and the document. */
    if (cups.cupsSendRequest(http, req, resource, cups.ippLength(req) + j->len) !=
        HTTP_STATUS_CONTINUE) {
        cups.ippDelete(req);
        st = ipp_failure("cannot send the job", j->queue, msg, cap);
        goto done;
    }
    *first_byte = conn_now_ms();
    if (cups.cupsWriteRequestData(http, j->data, j->len) != HTTP_STATUS_CONTINUE) {
        cups.ippDelete(req);
        st = conn_now_ms() >= deadline ? PRINT_TIMEOUT : PRINT_OFFLINE;
        snprintf(msg, cap, "CUPS queue %s: sending the document failed: %s", j->queue,
                 cups.cupsLastErrorString());
        goto done;
    }
    cups.httpFlushWrite(http); /* the document's tail may still sit in libcups' buffer */
    resp = cups.cupsGetResponse(http, resource);
    cups.ippDelete(req);
    if (!resp || cups.cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE) {
        cups.ippDelete(resp);
        st = ipp_failure("the job was not accepted", j->queue, msg, cap);
        goto done;
    }
    a = cups.ippFindAttribute(resp, "job-id", IPP_TAG_INTEGER);
    *job_id = a ? cups.ippGetInteger(a, 0) : 0;
    cups.ippDelete(resp);
    snprintf(msg, cap, "CUPS queue %s took job %d (%zu bytes, %s)", j->queue, *job_id, j->len,
             j->format);
done:
    cups.httpClose(http);
    return st;
}
