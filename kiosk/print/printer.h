/* printer: the kiosk's printer — one worker thread that lays out a slip and
 * sends it (ESC/POS to a device or TCP 9100, or a CUPS queue), a queue of
 * one job, a total timeout, the daily cap, and the result as a status the
 * screen can show in the visitor's language (status.h).
 *
 * The UI calls printer_submit() on a tap; it copies the slip and returns at
 * once (PRINT_QUEUED, or BUSY, DISABLED, CAP_REACHED). When the job ends
 * the worker calls the notify function (from its own thread: push an
 * SDL_UserEvent there) and printer_poll() hands over the result once. The
 * slip's text is dropped when the job ends: nothing about the visitor is
 * kept; the log names the printer and the failure, never the slip. */
#ifndef AULA_PRINT_PRINTER_H
#define AULA_PRINT_PRINTER_H

#include "print/bitmap.h"
#include "print/printconf.h"
#include "print/slip.h"
#include "print/status.h"

#include <stdbool.h>
#include <stddef.h>

struct print_result {
    enum print_status status;
    const char *key;  /* status_key(status), e.g. "print.no_paper" */
    char detail[512]; /* for the log and staff: the printer and what failed */
    size_t bytes;     /* bytes that reached the printer or CUPS */
    int cups_job;     /* CUPS job id, 0 if none */
    double layout_ms; /* from submit: the slip's picture is ready */
    double first_ms;  /* from submit: the first byte went out (-1: none) */
    double raster_ms; /* from submit: the slip's own bytes started (-1: none) */
    double total_ms;  /* from submit: the job ended */
};

typedef void (*printer_notify_fn)(void *ctx);

struct printer;

/* Starts the worker and opens the fonts (on the calling thread). A config
 * with printer = none gives a disabled printer, not an error. */
struct printer *printer_new(const struct print_config *cfg, char *err, size_t cap);
/* Waits for a running job (bounded by print_timeout) and stops the worker. */
void printer_free(struct printer *p);
/* True when a printer is configured: show the Print button. */
bool printer_enabled(const struct printer *p);
void printer_set_notify(struct printer *p, printer_notify_fn fn, void *ctx);

/* Queues a slip. PRINT_QUEUED, or PRINT_BUSY, PRINT_DISABLED, PRINT_CAP_REACHED. */
enum print_status printer_submit(struct printer *p, const struct slip *s);
/* A staff test slip: as printer_submit(), but outside the daily cap (it
 * neither uses up nor waits for the visitors' slips). */
enum print_status printer_submit_test(struct printer *p, const struct slip *s);
/* The result of the last job, once; false while nothing new has ended. */
bool printer_poll(struct printer *p, struct print_result *out);
/* Waits up to timeout_ms for the job to end (command line and tests). */
bool printer_wait(struct printer *p, struct print_result *out, int timeout_ms);
/* Slips left today (-1: no cap). */
int printer_left_today(struct printer *p);

#endif
