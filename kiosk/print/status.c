/* status: print outcomes, their keys and their texts; see status.h. */
#include "print/status.h"

#include <string.h>

/* key and English source text; the translations live in the kiosk's screen
 * texts (assets/po/<lang>.po, msgctxt = key). */
struct row {
    const char *key, *en;
};

static const struct row rows[PRINT_STATUS_COUNT] = {
    [PRINT_OK] = {"print.ok", "Your slip is printing. Remember to take it with you!"},
    [PRINT_QUEUED] = {"print.queued", "Printing…"},
    [PRINT_BUSY] = {"print.busy", "The previous slip is still printing. Please wait a moment."},
    [PRINT_DISABLED] = {"print.disabled", "This screen has no printer."},
    [PRINT_CAP_REACHED] = {"print.cap",
                           "Today's slips have run out. Scan the QR code with your phone instead."},
    [PRINT_MISSING] = {"print.missing",
                       "The printer cannot be found. Please tell a member of staff."},
    [PRINT_OFFLINE] = {"print.offline",
                       "The printer is not answering. Please tell a member of staff."},
    [PRINT_NO_PAPER] = {"print.no_paper",
                        "The printer is out of paper. Please tell a member of staff."},
    [PRINT_REFUSED] = {"print.refused",
                       "The printer is not taking jobs right now. Please tell a member of staff."},
    [PRINT_TIMEOUT] = {"print.timeout", "Printing took too long. Please tell a member of staff."},
    [PRINT_FAILED] = {"print.failed",
                      "The slip could not be printed. Please tell a member of staff."},
};

const char *status_key(enum print_status st)
{
    return (unsigned)st < PRINT_STATUS_COUNT ? rows[st].key : "print.failed";
}

const char *status_text(enum print_status st)
{
    return rows[(unsigned)st < PRINT_STATUS_COUNT ? st : PRINT_FAILED].en;
}

bool status_is_error(enum print_status st)
{
    return st != PRINT_OK && st != PRINT_QUEUED;
}
