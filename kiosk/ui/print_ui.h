/* print_ui: the kiosk's side of the contact-slip printer (print/printer.h)
 * — the Print buttons of the detail screens, the slip in the visitor's
 * language (right to left included) handed to the print worker, the
 * worker's "job ended" wake-up of the event loop (an SDL user event, no
 * polling), the result as a notice in the visitor's language, the daily
 * statistics of printed slips, and the staff's test slip. The screen never
 * waits for the printer: printer_submit() only copies the slip.
 *
 * The words of the slips and of the printer's messages are screen texts
 * (assets/po, keys print.*, slip.*, contact.*, qr.*): ui_print_text() gives
 * them to the print library by key. */
#ifndef AULA_UI_PRINT_UI_H
#define AULA_UI_PRINT_UI_H

#include "ui/ui.h"
#include "domain/catalog.h"
#include "print/printconf.h"
#include "print/status.h"

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

/* Starts a->printer from cfg. printer = none leaves it NULL and is not an
 * error; a printer that cannot start returns false with err set (the
 * caller logs it and the kiosk goes on without printing). */
bool ui_print_open(struct app *a, const struct print_config *cfg, char *err, size_t cap);
/* Waits for a running job (bounded by print_timeout) and frees a->printer. */
void ui_print_close(struct app *a);

/* True when the Print buttons are shown: a printer is configured and
 * today's slips are not used up. */
bool ui_print_available(struct app *a);
/* The width of a Print button, or 0 when none is shown. */
int ui_print_button_width(struct app *a);
/* A Print button with id at (x, y) when ui_print_available(); returns its
 * width (0: not shown). */
int ui_print_button(struct app *a, const char *id, int x, int y);

/* Prints the slip of a service or an organisation (contact: index of its
 * contact person, -1 for the service or organisation itself). Shows
 * "Printing…" at once, or why it cannot print. */
void ui_print_service(struct app *a, const struct catalog_service *s, int contact);
void ui_print_org(struct app *a, const struct catalog_org *o, int contact);
/* The staff's test slip: the place's name, the date, "Test print" and a QR
 * code of the place's web page; outside the daily cap and the statistics.
 * True when the job was taken; the result shows as a notice (and
 * ui_print_wait returns it). */
bool ui_print_test(struct app *a);

/* Handles ev if it is the print worker's: shows the job's result. False
 * for any other event. */
bool ui_print_event(struct app *a, const SDL_Event *ev);
/* Headless scripts and --test-print: waits up to ms of real time for the
 * job to end and shows its result as the running kiosk would. False if no
 * job ended in time; *st (may be NULL) gets the outcome. */
bool ui_print_wait(struct app *a, int ms, enum print_status *st);

/* The screen text of key in lang ("print.no_paper", "slip.address",
 * "weekday.1" = Monday's short name), or NULL if key is not a screen text:
 * the text function of the slips (slipfill_text_fn). */
const char *ui_print_text(const char *lang, const char *key);
/* The sentence a visitor reads for a print outcome, in lang. */
const char *ui_print_status_text(const char *lang, enum print_status st);

#endif
