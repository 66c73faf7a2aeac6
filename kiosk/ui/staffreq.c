/* staffreq: request files for the root-side handler and its result; see
 * staffreq.h. */
#include "ui/staffreq.h"
#include "base/strbuf.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const names[STAFFREQ_KINDS] = {
    [STAFFREQ_USB_INSTALL] = "usb-install",
    [STAFFREQ_USB_STATS] = "usb-stats",
    [STAFFREQ_ROLLBACK] = "rollback",
};

static const struct {
    const char *word;
    enum staffreq_outcome out;
} outcomes[] = {
    {"working", STAFFREQ_OUT_WORKING},
    {"installed", STAFFREQ_OUT_INSTALLED},
    {"unchanged", STAFFREQ_OUT_UNCHANGED},
    {"refused", STAFFREQ_OUT_REFUSED},
    {"no-stick", STAFFREQ_OUT_NO_STICK},
    {"no-content", STAFFREQ_OUT_NO_CONTENT},
    {"stats-written", STAFFREQ_OUT_STATS_WRITTEN},
    {"no-stats", STAFFREQ_OUT_NO_STATS},
    {"rolled-back", STAFFREQ_OUT_ROLLED_BACK},
    {"no-previous", STAFFREQ_OUT_NO_PREVIOUS},
    {"failed", STAFFREQ_OUT_FAILED},
    {"unknown-request", STAFFREQ_OUT_UNKNOWN_REQUEST},
};

const char *staffreq_name(enum staffreq_kind k)
{
    return k >= 0 && k < STAFFREQ_KINDS ? names[k] : "?";
}

bool staffreq_parse_name(const char *name, enum staffreq_kind *out)
{
    for (int k = 0; k < STAFFREQ_KINDS; k++)
        if (strcmp(name, names[k]) == 0) {
            *out = (enum staffreq_kind)k;
            return true;
        }
    return false;
}

bool staffreq_write(const char *dir, enum staffreq_kind k, char *err, size_t cap)
{
    char sub[PATH_MAX], tmp[PATH_MAX], dst[PATH_MAX];
    if (k < 0 || k >= STAFFREQ_KINDS) {
        snprintf(err, cap, "no such request");
        return false;
    }
    struct stat sb;
    const char *why = stat(dir, &sb) != 0   ? strerror(errno)
                      : S_ISDIR(sb.st_mode) ? NULL
                                            : "not a folder";
    if (why) {
        snprintf(err, cap, "%s: %s (the request folder, [staff] request_dir in aula.conf)", dir,
                 why);
        return false;
    }
    if (snprintf(sub, sizeof(sub), "%s/%s", dir, STAFFREQ_SUBDIR) >= (int)sizeof(sub) ||
        snprintf(tmp, sizeof(tmp), "%s/.request-XXXXXX", dir) >= (int)sizeof(tmp) ||
        snprintf(dst, sizeof(dst), "%s/%s", sub, names[k]) >= (int)sizeof(dst)) {
        snprintf(err, cap, "%s: the path is too long", dir);
        return false;
    }
    if (mkdir(sub, 0750) != 0 && errno != EEXIST) {
        snprintf(err, cap, "%s: cannot make the folder: %s", sub, strerror(errno));
        return false;
    }
    /* Written beside the folder the path unit watches, then renamed in:
     * the handler never sees a half-made entry. */
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, cap, "%s: cannot write a request: %s", dir, strerror(errno));
        return false;
    }
    close(fd);
    if (rename(tmp, dst) != 0) {
        snprintf(err, cap, "%s: cannot put the request there: %s", dst, strerror(errno));
        unlink(tmp);
        return false;
    }
    return true;
}

bool staffreq_read_result(const char *dir, struct staffreq_result *r, char *err, size_t cap)
{
    memset(r, 0, sizeof(*r));
    err[0] = '\0';
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/%s", dir, STAFFREQ_RESULT);
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno != ENOENT)
            snprintf(err, cap, "%s: %s", path, strerror(errno));
        return false;
    }
    char buf[STAFFREQ_RESULT_MAX + 2];
    size_t len = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    if (len > STAFFREQ_RESULT_MAX) {
        snprintf(err, cap, "%s: longer than %d bytes; not a result", path, STAFFREQ_RESULT_MAX);
        return false;
    }
    buf[len] = '\0';
    bool have_req = false, have_state = false, have_out = false;
    int line = 0;
    for (char *p = buf, *next; p && *p; p = next) {
        line++;
        next = strchr(p, '\n');
        if (next)
            *next++ = '\0';
        char *eq = strchr(p, '=');
        if (!str_trim(p)[0])
            continue;
        if (!eq) {
            snprintf(err, cap, "%s:%d: expected key=value", path, line);
            return false;
        }
        *eq = '\0';
        char *key = str_trim(p), *val = str_trim(eq + 1);
        if (strcmp(key, "request") == 0) {
            if (!staffreq_parse_name(val, &r->request)) {
                snprintf(err, cap, "%s:%d: request: unknown request \"%.40s\"", path, line, val);
                return false;
            }
            have_req = true;
        } else if (strcmp(key, "state") == 0) {
            if (strcmp(val, "working") == 0)
                r->state = STAFFREQ_WORKING;
            else if (strcmp(val, "ok") == 0)
                r->state = STAFFREQ_OK;
            else if (strcmp(val, "failed") == 0)
                r->state = STAFFREQ_FAILED;
            else {
                snprintf(err, cap, "%s:%d: state: \"%.40s\" is not working, ok or failed", path,
                         line, val);
                return false;
            }
            have_state = true;
        } else if (strcmp(key, "outcome") == 0) {
            snprintf(r->outcome_word, sizeof(r->outcome_word), "%s", val);
            r->outcome = STAFFREQ_OUT_OTHER;
            for (size_t i = 0; i < sizeof(outcomes) / sizeof(outcomes[0]); i++)
                if (strcmp(val, outcomes[i].word) == 0)
                    r->outcome = outcomes[i].out;
            have_out = true;
        } else if (strcmp(key, "message") == 0) {
            snprintf(r->message, sizeof(r->message), "%s", val);
        } /* other keys: from a newer handler; ignored */
    }
    if (!have_req || !have_state || !have_out) {
        snprintf(err, cap, "%s: no %s line; not a result", path,
                 !have_req     ? "request="
                 : !have_state ? "state="
                               : "outcome=");
        return false;
    }
    /* An outcome this kiosk does not know is a failure it cannot name. */
    if (r->outcome == STAFFREQ_OUT_OTHER && r->state == STAFFREQ_OK)
        r->state = STAFFREQ_FAILED;
    return true;
}
