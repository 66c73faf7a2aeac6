/* status: how a print job ended, as a code for the program, a message key
 * ("print.no_paper") and the English source of the sentence a visitor
 * reads. The translations are the kiosk's screen texts (assets/po/<lang>.po
 * with msgctxt = the key; ui/print_ui.c looks them up), so translators have
 * one place. Staff details go to the log, never to the screen. */
#ifndef AULA_PRINT_STATUS_H
#define AULA_PRINT_STATUS_H

#include <stdbool.h>

enum print_status {
    PRINT_OK,          /* the slip went to the printer or the queue */
    PRINT_QUEUED,      /* printer_submit(): the job was taken */
    PRINT_BUSY,        /* printer_submit(): a slip is already being printed */
    PRINT_DISABLED,    /* no printer is configured */
    PRINT_CAP_REACHED, /* the daily number of slips is used up */
    PRINT_MISSING,     /* no such device, host or queue */
    PRINT_OFFLINE,     /* not answering, refused or dropped the connection */
    PRINT_NO_PAPER,    /* the printer says its paper roll is empty */
    PRINT_REFUSED,     /* the CUPS queue does not accept jobs */
    PRINT_TIMEOUT,     /* the printer stopped taking data in time */
    PRINT_FAILED,      /* the slip could not be made (a bug or a bad setting) */
    PRINT_STATUS_COUNT
};

/* "print.ok", "print.offline", ... */
const char *status_key(enum print_status st);
/* The English source of the visitor's sentence (translate by status_key). */
const char *status_text(enum print_status st);
/* True when the visitor should see the message as an error. */
bool status_is_error(enum print_status st);

#endif
