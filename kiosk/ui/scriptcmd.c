/* scriptcmd: the headless script reader; see scriptcmd.h. */
#include "ui/scriptcmd.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads up to max comma-separated integers within +-SCRIPT_COORD_MAX and
 * nothing else. Returns how many, or -1 if the text is not such a list. */
static int parse_ints(const char *s, int *out, int max)
{
    int n = 0;
    for (;;) {
        char *end;
        errno = 0;
        long v = strtol(s, &end, 10);
        if (end == s || errno || v < -SCRIPT_COORD_MAX || v > SCRIPT_COORD_MAX || n == max)
            return -1;
        out[n++] = (int)v;
        if (*end == '\0')
            return n;
        if (*end != ',')
            return -1;
        s = end + 1;
    }
}

static bool parse_seconds(const char *s, double max, double *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || !(v >= 0 && v <= max))
        return false;
    *out = v;
    return true;
}

static bool parse_one(struct script_cmd *c, char *cmd, char *err, size_t cap)
{
    char *colon = strchr(cmd, ':');
    char *arg = colon ? str_trim(colon + 1) : cmd + strlen(cmd);
    if (colon)
        *colon = '\0';
    cmd = str_trim(cmd);
    c->arg = arg;
    int v[5];
    if (strcmp(cmd, "tap") == 0) {
        c->op = SCRIPT_TAP;
        if (parse_ints(arg, v, 2) == 2) {
            c->point = true;
            c->x = v[0];
            c->y = v[1];
        } else if (!arg[0]) {
            snprintf(err, cap, "tap: needs a target or a point, e.g. tap:services or tap:100,200");
            return false;
        }
        return true;
    }
    if (strcmp(cmd, "swipe") == 0) {
        c->op = SCRIPT_SWIPE;
        int got = parse_ints(arg, v, 5);
        c->ms = got == 5 ? v[4] : 250;
        if (got < 4 || c->ms <= 0 || c->ms > SCRIPT_SWIPE_MAX_MS) {
            snprintf(err, cap, "swipe:%s: expected X1,Y1,X2,Y2[,MS]", arg);
            return false;
        }
        c->x = v[0], c->y = v[1], c->x2 = v[2], c->y2 = v[3];
        return true;
    }
    if (strcmp(cmd, "key") == 0) {
        c->op = SCRIPT_KEY;
        if (!arg[0]) {
            snprintf(err, cap, "key: needs a key name, e.g. key:Down");
            return false;
        }
        return true;
    }
    if (strcmp(cmd, "type") == 0) {
        c->op = SCRIPT_TYPE;
        if (!arg[0]) {
            snprintf(err, cap, "type: needs text, e.g. type:neuvola");
            return false;
        }
        return true;
    }
    if (strcmp(cmd, "wait") == 0) {
        c->op = SCRIPT_WAIT;
        if (!parse_seconds(arg, SCRIPT_WAIT_MAX_S, &c->seconds)) {
            snprintf(err, cap, "wait:%s: expected seconds, e.g. wait:2.5", arg);
            return false;
        }
        return true;
    }
    if (strcmp(cmd, "wait-content") == 0) {
        c->op = SCRIPT_WAIT_CONTENT;
        if (!parse_seconds(arg, SCRIPT_WAIT_CONTENT_MAX_S, &c->seconds)) {
            snprintf(err, cap, "wait-content:%s: expected seconds, e.g. wait-content:20", arg);
            return false;
        }
        return true;
    }
    if (strcmp(cmd, "shot") == 0) {
        c->op = SCRIPT_SHOT;
        if (!arg[0]) {
            snprintf(err, cap, "shot: needs a file name, e.g. shot:home.png");
            return false;
        }
        return true;
    }
    if (strcmp(cmd, "targets") == 0) {
        c->op = SCRIPT_TARGETS;
        return true;
    }
    if (strcmp(cmd, "press") == 0) {
        c->op = SCRIPT_PRESS;
        if (parse_ints(arg, v, 3) != 3 || v[2] < 0 || v[2] > SCRIPT_PRESS_MAX_MS) {
            snprintf(err, cap, "press:%s: expected X,Y,MS, e.g. press:20,20,3500", arg);
            return false;
        }
        c->x = v[0], c->y = v[1], c->ms = v[2];
        return true;
    }
    if (strcmp(cmd, "wait-print") == 0 || strcmp(cmd, "wait-status") == 0 ||
        strcmp(cmd, "wait-request") == 0 || strcmp(cmd, "wait-clock") == 0) {
        c->op = cmd[5] == 'p'   ? SCRIPT_WAIT_PRINT
                : cmd[5] == 's' ? SCRIPT_WAIT_STATUS
                : cmd[5] == 'c' ? SCRIPT_WAIT_CLOCK
                                : SCRIPT_WAIT_REQUEST;
        if (!parse_seconds(arg, SCRIPT_WAIT_CONTENT_MAX_S, &c->seconds)) {
            snprintf(err, cap, "%s:%s: expected seconds, e.g. %s:10", cmd, arg, cmd);
            return false;
        }
        return true;
    }
    if (strcmp(cmd, "notices") == 0 || strcmp(cmd, "clock") == 0) {
        c->op = cmd[0] == 'n' ? SCRIPT_NOTICES : SCRIPT_CLOCK;
        return true;
    }
    if (strcmp(cmd, "now") == 0) {
        c->op = SCRIPT_NOW;
        if (!arg[0]) {
            snprintf(err, cap, "now: needs a time, e.g. now:2026-11-24T10:15");
            return false;
        }
        return true;
    }
    if (strcmp(cmd, "a11y") == 0) {
        c->op = SCRIPT_A11Y;
        if (!arg[0]) {
            snprintf(err, cap, "a11y: needs modes, e.g. a11y:large,contrast or a11y:none");
            return false;
        }
        return true;
    }
    snprintf(err, cap,
             "%.64s: unknown command (tap, key, type, swipe, press, wait, wait-content, "
             "wait-print, wait-status, wait-request, wait-clock, shot, targets, notices, clock, "
             "now, a11y)",
             cmd);
    return false;
}

bool script_parse(const char *text, struct script *s, char *err, size_t cap)
{
    memset(s, 0, sizeof(*s));
    s->buf = xstrdup(text);
    size_t capcmds = 0;
    char *p = s->buf;
    while (*p) {
        size_t len = strcspn(p, ";\n");
        char *next = p + len + (p[len] ? 1 : 0);
        p[len] = '\0';
        char *hash = strchr(p, '#');
        if (hash)
            *hash = '\0';
        char *cmd = str_trim(p);
        if (cmd[0]) {
            XGROW(s->cmds, capcmds, s->n + 1);
            struct script_cmd *c = &s->cmds[s->n];
            memset(c, 0, sizeof(*c));
            c->number = (int)s->n + 1;
            char e[1024];
            if (!parse_one(c, cmd, e, sizeof(e))) {
                snprintf(err, cap, "script command %d: %s", c->number, e);
                script_free(s);
                return false;
            }
            s->n++;
        }
        p = next;
    }
    return true;
}

void script_free(struct script *s)
{
    free(s->buf);
    free(s->cmds);
    memset(s, 0, sizeof(*s));
}
