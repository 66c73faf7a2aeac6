/* cupsjob: one CUPS job through libcups; see cupsjob.h. */
#include "print/cupsjob.h"
#include "print/conn.h"

#include <cups/cups.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    ipp_status_t e = cupsLastError();
    snprintf(msg, cap, "CUPS queue %s: %s: %s", queue, what, cupsLastErrorString());
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
    char host[256];
    int port = ippPort();
    if (j->server && j->server[0]) {
        snprintf(host, sizeof(host), "%s", j->server);
        char *colon = strrchr(host, ':');
        if (host[0] != '/' && colon && strchr(host, ':') == colon) {
            *colon = '\0';
            port = atoi(colon + 1);
        }
    } else {
        snprintf(host, sizeof(host), "%s", cupsServer());
    }
    int cancel = 0;
    http_t *http = httpConnect2(host, port, NULL, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1,
                                remaining_ms(j->deadline), &cancel);
    if (!http) {
        snprintf(msg, cap, "cannot reach CUPS at %s:%d (is cupsd running?)", host, port);
        return conn_now_ms() >= j->deadline ? PRINT_TIMEOUT : PRINT_OFFLINE;
    }
    int64_t deadline = j->deadline;
    httpSetTimeout(http, remaining_ms(deadline) / 1000.0, still_time, &deadline);
    enum print_status st = PRINT_OK;
    char uri[HTTP_MAX_URI], resource[256];
    snprintf(resource, sizeof(resource), "/printers/%s", j->queue);
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof(uri), "ipp", NULL,
                     host[0] == '/' ? "localhost" : host, port, "/printers/%s", j->queue);

    /* Is the queue there, started and accepting? */
    static const char *const wanted[] = {"printer-state", "printer-is-accepting-jobs"};
    ipp_t *req = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, uri);
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 2, NULL, wanted);
    ipp_t *resp = cupsDoRequest(http, req, resource);
    if (!resp || cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE) {
        if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND)
            snprintf(msg, cap, "CUPS at %s:%d has no queue named \"%s\" (lpstat -p lists them)",
                     host, port, j->queue);
        st = cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND
                 ? PRINT_MISSING
                 : ipp_failure("cannot ask about it", j->queue, msg, cap);
        ippDelete(resp);
        goto done;
    }
    ipp_attribute_t *a = ippFindAttribute(resp, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);
    bool accepting = !a || ippGetBoolean(a, 0);
    a = ippFindAttribute(resp, "printer-state", IPP_TAG_ENUM);
    bool stopped = a && ippGetInteger(a, 0) == IPP_PSTATE_STOPPED;
    ippDelete(resp);
    if (!accepting || stopped) {
        snprintf(msg, cap, "CUPS queue %s is %s (%s %s)", j->queue,
                 !accepting ? "not accepting jobs" : "stopped",
                 !accepting ? "cupsaccept" : "cupsenable", j->queue);
        st = PRINT_REFUSED;
        goto done;
    }

    /* One Print-Job request carrying the document. */
    req = ippNewRequest(IPP_OP_PRINT_JOB);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, uri);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL, cupsUser());
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", NULL, JOB_TITLE);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_MIMETYPE, "document-format", NULL, j->format);
    /* The length is the whole HTTP body: the IPP request and the document. */
    if (cupsSendRequest(http, req, resource, ippLength(req) + j->len) != HTTP_STATUS_CONTINUE) {
        ippDelete(req);
        st = ipp_failure("cannot send the job", j->queue, msg, cap);
        goto done;
    }
    *first_byte = conn_now_ms();
    if (cupsWriteRequestData(http, j->data, j->len) != HTTP_STATUS_CONTINUE) {
        ippDelete(req);
        st = conn_now_ms() >= deadline ? PRINT_TIMEOUT : PRINT_OFFLINE;
        snprintf(msg, cap, "CUPS queue %s: sending the document failed: %s", j->queue,
                 cupsLastErrorString());
        goto done;
    }
    httpFlushWrite(http); /* the document's tail may still sit in libcups' buffer */
    resp = cupsGetResponse(http, resource);
    ippDelete(req);
    if (!resp || cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE) {
        ippDelete(resp);
        st = ipp_failure("the job was not accepted", j->queue, msg, cap);
        goto done;
    }
    a = ippFindAttribute(resp, "job-id", IPP_TAG_INTEGER);
    *job_id = a ? ippGetInteger(a, 0) : 0;
    ippDelete(resp);
    snprintf(msg, cap, "CUPS queue %s took job %d (%zu bytes, %s)", j->queue, *job_id, j->len,
             j->format);
done:
    httpClose(http);
    return st;
}
