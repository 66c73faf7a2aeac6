/* staff_request: the staff menu's requests to the root-side handler (USB
 * install, statistics to USB, roll back) and their answers on the status
 * page; see staff.h and staffreq.h. The answer file is watched with inotify
 * (platform/watch) only from the first request on; while a request waits,
 * the staff page's minute tick is the only timer (no answer at all within
 * STAFF_REQ_START_MS means the handler is not running). */
#include "ui/screens.h"
#include "ui/staff.h"
#include "ui/staff_hooks.h"
#include "ui/ui.h"
#include "base/log.h"

#include <stdio.h>
#include <string.h>

#define STAFF_REQ_START_MS 30000        /* the handler says "working" before this */
#define STAFF_REQ_DONE_MS  (15 * 60000) /* and is done before this */

void staff_request_dir(struct staff *s, const char *dir)
{
    snprintf(s->req_dir, sizeof(s->req_dir), "%s", dir && dir[0] ? dir : STAFFREQ_DEFAULT_DIR);
}

static void result_path(const struct staff *s, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s/%s", s->req_dir, STAFFREQ_RESULT);
}

bool staff_request_pending(const struct app *a)
{
    return a->staff && a->staff->req_pending >= 0;
}

static enum str_id working_text(enum staffreq_kind k)
{
    return k == STAFFREQ_USB_INSTALL ? S_STAFF_REQ_INSTALLING
           : k == STAFFREQ_USB_STATS ? S_STAFF_REQ_EXPORTING
                                     : S_STAFF_REQ_ROLLING;
}

void staff_request_show(struct app *a)
{
    if (staff_request_pending(a))
        staff_say(a, ui_str(a, working_text((enum staffreq_kind)a->staff->req_pending)));
}

static enum str_id outcome_text(enum staffreq_outcome o)
{
    switch (o) {
    case STAFFREQ_OUT_INSTALLED:
        return S_STAFF_REQ_INSTALLED;
    case STAFFREQ_OUT_UNCHANGED:
        return S_STAFF_REQ_UNCHANGED;
    case STAFFREQ_OUT_REFUSED:
        return S_STAFF_REQ_REFUSED;
    case STAFFREQ_OUT_NO_STICK:
        return S_STAFF_REQ_NO_STICK;
    case STAFFREQ_OUT_NO_CONTENT:
        return S_STAFF_REQ_NO_CONTENT;
    case STAFFREQ_OUT_STATS_WRITTEN:
        return S_STAFF_REQ_STATS;
    case STAFFREQ_OUT_NO_STATS:
        return S_STAFF_REQ_NO_STATS;
    case STAFFREQ_OUT_ROLLED_BACK:
        return S_STAFF_REQ_ROLLED;
    case STAFFREQ_OUT_NO_PREVIOUS:
        return S_STAFF_REQ_NO_PREVIOUS;
    default:
        return S_STAFF_REQ_FAILED;
    }
}

static void finish(struct app *a, const char *what)
{
    struct staff *s = a->staff;
    s->req_pending = -1;
    s->req_gen++;
    LOG_INFO("staff menu: %s", what);
}

bool staff_request(struct app *a, enum staffreq_kind k)
{
    struct staff *s = a->staff;
    if (!s)
        return false;
    if (s->req_pending >= 0) {
        staff_say(a, ui_str(a, S_STAFF_REQ_BUSY));
        return false;
    }
    char path[PATH_MAX + 16], err[PATH_MAX + 256];
    result_path(s, path, sizeof(path));
    /* What is there now answers an earlier request. */
    s->req_have_seen = watch_file_id(path, &s->req_seen);
    /* Watched before the request goes out, so no answer is missed. */
    char werr[PATH_MAX + 256] = "";
    if (!s->req_watch)
        s->req_watch = watch_start(path, werr, sizeof(werr));
    if (!staffreq_write(s->req_dir, k, err, sizeof(err))) {
        LOG_ERR("staff menu: %s: %s", staffreq_name(k), err);
        staff_say(a, ui_str(a, S_STAFF_REQ_NOT_SENT));
        return false;
    }
    if (!s->req_watch) /* the minute tick still looks */
        LOG_WARN("staff menu: %s", werr);
    s->req_pending = (int)k;
    s->req_working = false;
    s->req_since = a->ms;
    staff_say(a, ui_str(a, working_text(k)));
    LOG_INFO("staff menu: %s asked for (%s/%s/%s)", staffreq_name(k), s->req_dir, STAFFREQ_SUBDIR,
             staffreq_name(k));
    return true;
}

bool staff_request_check(struct app *a)
{
    struct staff *s = a->staff;
    if (!s || !s->req_dir[0])
        return false;
    char path[PATH_MAX + 16];
    result_path(s, path, sizeof(path));
    struct watch_file_id id;
    if (!watch_file_id(path, &id) || (s->req_have_seen && watch_file_same(&id, &s->req_seen)))
        return false;
    s->req_seen = id;
    s->req_have_seen = true;
    struct staffreq_result r;
    char err[PATH_MAX + 256];
    if (!staffreq_read_result(s->req_dir, &r, err, sizeof(err))) {
        if (err[0] && s->req_pending >= 0) {
            char line[sizeof(err) + 64];
            snprintf(line, sizeof(line), "unreadable answer: %s", err);
            staff_say(a, ui_str(a, S_STAFF_REQ_FAILED));
            finish(a, line);
            return true;
        }
        return false;
    }
    /* The answer to another request than the one waiting: old news. */
    if (s->req_pending >= 0 && (int)r.request != s->req_pending)
        return false;
    if (r.state == STAFFREQ_WORKING) {
        s->req_working = true;
        if (s->req_pending >= 0)
            staff_say(a, ui_str(a, working_text(r.request)));
        return true;
    }
    enum str_id t = r.state == STAFFREQ_OK ? outcome_text(r.outcome) : S_STAFF_REQ_FAILED;
    /* A refusal or "nothing there" is not the handler failing. */
    if (r.state == STAFFREQ_FAILED && r.outcome != STAFFREQ_OUT_FAILED &&
        r.outcome != STAFFREQ_OUT_OTHER && r.outcome != STAFFREQ_OUT_UNKNOWN_REQUEST)
        t = outcome_text(r.outcome);
    staff_say(a, ui_str(a, t));
    char line[512];
    snprintf(line, sizeof(line), "%s: %s (%s): %s", staffreq_name(r.request),
             r.state == STAFFREQ_OK ? "ok" : "failed", r.outcome_word, r.message);
    finish(a, line);
    return true;
}

void staff_request_tick(struct app *a)
{
    struct staff *s = a->staff;
    if (!s || s->req_pending < 0)
        return;
    uint32_t waited = a->ms - s->req_since;
    if (waited < (s->req_working ? STAFF_REQ_DONE_MS : STAFF_REQ_START_MS))
        return;
    if (staff_request_check(a))
        return;
    staff_say(a, ui_str(a, S_STAFF_REQ_NO_ANSWER));
    char line[PATH_MAX + 128];
    snprintf(line, sizeof(line),
             "%s: no answer in %s/%s after %u s; is aula-request.path running? (systemctl "
             "status aula-request.path aula-request.service)",
             staffreq_name((enum staffreq_kind)s->req_pending), s->req_dir, STAFFREQ_RESULT,
             waited / 1000);
    finish(a, line);
}

bool staff_request_event(struct app *a, const SDL_Event *ev)
{
    if (!a->staff || !a->staff->req_watch || ev->type != watch_event_type(a->staff->req_watch))
        return false;
    staff_request_check(a);
    return true;
}

bool staff_request_wait(struct app *a, int ms)
{
    struct staff *s = a->staff;
    if (!s || !s->req_watch)
        return false;
    uint32_t end = SDL_GetTicks() + (uint32_t)ms;
    staff_request_check(a); /* it may have come already */
    while (s->req_pending >= 0) {
        int left = (int)(end - SDL_GetTicks());
        if (left <= 0 || !watch_wait(s->req_watch, left))
            return false;
        staff_request_check(a);
    }
    return true;
}

void staff_request_stop(struct staff *s)
{
    watch_stop(s->req_watch);
    s->req_watch = NULL;
}
