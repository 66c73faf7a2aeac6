/* cupsjob: hands one document to a CUPS queue with libcups — connect to the
 * server (the system's, or "host:port" from the config) with a timeout,
 * check that the queue exists and accepts jobs, create the job and stream
 * the document. Success means CUPS has the job; the office printer's own
 * troubles are then CUPS's to report to staff. Runs on the print worker
 * thread (libcups keeps its error state per thread). */
#ifndef AULA_PRINT_CUPSJOB_H
#define AULA_PRINT_CUPSJOB_H

#include "print/status.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cupsjob {
    const char *server; /* "host:port", a socket path, or NULL/"" for the default */
    const char *queue;
    const char *format; /* "application/pdf" or "image/png" */
    const void *data;
    size_t len;
    int64_t deadline; /* conn_now_ms() time */
};

/* Opens libcups (once per process; later calls give the first answer).
 * False with the loader's message in err when it cannot be loaded: the
 * kiosk then runs without printing. Call before cupsjob_submit(). */
bool cupsjob_load(char *err, size_t cap);

/* Tests only: a library name or path to dlopen instead of libcups.so.2. */
#define CUPSJOB_LIBRARY_ENV "AULA_TEST_LIBCUPS"

/* Submits the job; *job_id is CUPS's number for it. msg: a sentence for the log. */
enum print_status cupsjob_submit(const struct cupsjob *j, int *job_id, int64_t *first_byte,
                                 char *msg, size_t cap);

#endif
