/* staffreq: the staff menu's requests for work the kiosk may not do itself.
 * The kiosk runs unprivileged, without network, on a read-only system; it
 * cannot mount a USB stick or touch the installed content. For "install
 * from the USB stick", "statistics to the USB stick" and "roll back" it
 * only drops a request — an empty file whose name is the request — into
 * DIR/requests/ (written beside it and renamed in, so it appears whole).
 * A systemd path unit (aula-request.path) starts the root-side handler
 * (packaging/aula-request), which checks the name against its own list,
 * does the work, deletes the request, and writes DIR/result (renamed in
 * too) as lines of key=value:
 *
 *   request=usb-install        the request it answers
 *   state=working|ok|failed
 *   outcome=installed          what happened, one of a fixed list
 *   message=...                one English line for the journal
 *
 * Nothing about a person goes into either file. Plain C, no SDL: the
 * staff screen (screen_staff.c, staff.c) turns outcomes into texts. */
#ifndef AULA_UI_STAFFREQ_H
#define AULA_UI_STAFFREQ_H

#include <stdbool.h>
#include <stddef.h>

#define STAFFREQ_DEFAULT_DIR "/run/aula-kiosk" /* [staff] request_dir */
#define STAFFREQ_SUBDIR      "requests"
#define STAFFREQ_RESULT      "result"
#define STAFFREQ_RESULT_MAX  4096 /* a longer result file is refused */

enum staffreq_kind { STAFFREQ_USB_INSTALL, STAFFREQ_USB_STATS, STAFFREQ_ROLLBACK, STAFFREQ_KINDS };

enum staffreq_state { STAFFREQ_WORKING, STAFFREQ_OK, STAFFREQ_FAILED };

/* The outcomes the handler reports; STAFFREQ_OUT_OTHER for any other word
 * (shown as a failure, with the handler's message in the journal). */
enum staffreq_outcome {
    STAFFREQ_OUT_OTHER,
    STAFFREQ_OUT_WORKING,
    STAFFREQ_OUT_INSTALLED,
    STAFFREQ_OUT_UNCHANGED,
    STAFFREQ_OUT_REFUSED,
    STAFFREQ_OUT_NO_STICK,
    STAFFREQ_OUT_NO_CONTENT,
    STAFFREQ_OUT_STATS_WRITTEN,
    STAFFREQ_OUT_NO_STATS,
    STAFFREQ_OUT_ROLLED_BACK,
    STAFFREQ_OUT_NO_PREVIOUS,
    STAFFREQ_OUT_FAILED,
    STAFFREQ_OUT_UNKNOWN_REQUEST,
};

struct staffreq_result {
    enum staffreq_kind request;
    enum staffreq_state state;
    enum staffreq_outcome outcome;
    char outcome_word[32]; /* as written, for the journal */
    char message[256];
};

/* "usb-install", "usb-stats", "rollback". */
const char *staffreq_name(enum staffreq_kind k);
bool staffreq_parse_name(const char *name, enum staffreq_kind *out);

/* Drops the request k into dir/requests/ (made if missing; dir itself
 * must exist). False with err saying which path and why. */
bool staffreq_write(const char *dir, enum staffreq_kind k, char *err, size_t cap);

/* Reads dir/result. False with err when it is missing ("" then: no
 * answer yet), unreadable, too long, or not a result (the line and what is
 * wrong). */
bool staffreq_read_result(const char *dir, struct staffreq_result *r, char *err, size_t cap);

#endif
