/* banner: status.json after a content update, as a note for staff; see
 * banner.h. */
#include "ui/banner.h"
#include "platform/watch.h"
#include "base/log.h"

#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BANNER_MS     10000
#define STATUS_NAME   "status.json"
#define STATUS_MAX_SZ (64 * 1024)

/* aula-sync's English banners of a refusal or failure and their screen
 * texts (kiosk/sync/install.c, pull.c). */
static const struct {
    const char *en;
    enum str_id id;
} known[] = {
    {"Not installed: signature not trusted", S_BANNER_UNTRUSTED},
    {"Not installed: this screen trusts no keys", S_BANNER_UNTRUSTED},
    {"Not installed: signature does not match the file", S_BANNER_MISMATCH},
    {"Not installed: not aula content, or damaged", S_BANNER_DAMAGED},
    {"Not installed: older than the content already shown", S_BANNER_OLDER},
    {"Not installed: the content's dates have ended", S_BANNER_EXPIRED},
    {"Not installed: the content is not valid yet", S_BANNER_EARLY},
    {"Not installed: the content is for another site", S_BANNER_SITE},
    {"Not installed: the file is too large", S_BANNER_SIZE},
    {"Not installed: no aula content found", S_BANNER_NOTFOUND},
    {"Not installed: could not save the content", S_BANNER_DISK},
    {"Not updated: could not download the content", S_BANNER_DOWNLOAD},
};

static const char *field(json_t *root, const char *name)
{
    json_t *v = json_object_get(root, name);
    return json_is_string(v) ? json_string_value(v) : "";
}

bool banner_from_status(const char *json, const char *lang, char *out, size_t cap,
                        enum notice_kind *kind, char *key, size_t keycap, char *err, size_t errcap)
{
    out[0] = key[0] = err[0] = '\0';
    json_error_t je;
    json_t *root = json_loads(json, 0, &je);
    if (!json_is_object(root)) {
        if (root)
            snprintf(err, errcap, "not a JSON object");
        else
            snprintf(err, errcap, "line %d: %s", je.line, je.text);
        json_decref(root);
        return false;
    }
    const char *result = field(root, "last_result");
    const char *banner = field(root, "banner");
    json_t *ver = json_object_get(root, "current_version");
    char num[32];
    snprintf(num, sizeof(num), "%lld",
             json_is_integer(ver) ? (long long)json_integer_value(ver) : 0);
    snprintf(key, keycap, "%s|%s", result, banner);
    bool shown = true;
    if (strcmp(result, "installed") == 0 || strcmp(result, "rolled-back") == 0) {
        *kind = NOTICE_OK;
        str_fill(out, cap,
                 str_get(lang, result[0] == 'i' ? S_BANNER_UPDATED : S_BANNER_ROLLED_BACK), num,
                 NULL);
    } else if ((strcmp(result, "refused") == 0 || strcmp(result, "failed") == 0) && banner[0]) {
        *kind = NOTICE_ERROR;
        snprintf(out, cap, "%s", banner); /* a reason this kiosk has no words for */
        for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
            if (strcmp(banner, known[i].en) == 0)
                snprintf(out, cap, "%s", str_get(lang, known[i].id));
    } else {
        shown = false; /* nothing attempted, or nothing changed */
    }
    json_decref(root);
    return shown;
}

static void status_path(const struct app *a, char *buf, size_t cap)
{
    const char *p = a->src.path;
    const char *slash = strrchr(p, '/');
    if (slash)
        snprintf(buf, cap, "%.*s/%s", (int)(slash - p), p, STATUS_NAME);
    else
        snprintf(buf, cap, "%s", STATUS_NAME);
}

/* status.json's text if it changed since the last read; NULL otherwise. */
static char *read_if_changed(struct app *a)
{
    struct ui_notice *n = notice_state(a);
    char path[PATH_MAX + 16];
    status_path(a, path, sizeof(path));
    struct watch_file_id id;
    if (!watch_file_id(path, &id))
        return NULL;
    if (n->have_status && watch_file_same(&id, &n->status_id))
        return NULL;
    n->status_id = id;
    n->have_status = true;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(STATUS_MAX_SZ + 1);
    size_t len = buf ? fread(buf, 1, STATUS_MAX_SZ, f) : 0;
    fclose(f);
    if (!buf)
        return NULL;
    buf[len] = '\0';
    return buf;
}

bool ui_banner_check(struct app *a)
{
    char *text = read_if_changed(a);
    if (!text)
        return false;
    struct ui_notice *n = notice_state(a);
    const char *lang = a->content ? a->content->default_lang : a->lang;
    char msg[512], key[sizeof(n->status_key)], err[256];
    enum notice_kind kind = NOTICE_INFO;
    bool show =
        banner_from_status(text, lang, msg, sizeof(msg), &kind, key, sizeof(key), err, sizeof(err));
    free(text);
    if (err[0]) {
        char path[PATH_MAX + 16];
        status_path(a, path, sizeof(path));
        LOG_WARN("%s: %s; no banner shown", path, err);
        return false;
    }
    /* The same failure again says nothing new. */
    bool repeat = kind == NOTICE_ERROR && strcmp(key, n->status_key) == 0;
    snprintf(n->status_key, sizeof(n->status_key), "%s", key);
    if (!show || repeat)
        return false;
    notice_show(a, NOTICE_STAFF, kind, msg, BANNER_MS);
    LOG_INFO("banner: %s", msg);
    return true;
}

bool ui_banner_watch(struct app *a)
{
    struct ui_notice *n = notice_state(a);
    if (n->status_watch || !a->src.path[0])
        return n->status_watch != NULL;
    char path[PATH_MAX + 16], err[512];
    status_path(a, path, sizeof(path));
    n->status_watch = watch_start(path, err, sizeof(err));
    if (!n->status_watch) {
        LOG_WARN("%s; no banner after content updates", err);
        return false;
    }
    /* What is there now is old news: remember it without showing it. */
    char *old = read_if_changed(a);
    if (old) {
        char msg[512], err2[256];
        enum notice_kind kind;
        banner_from_status(old, "en", msg, sizeof(msg), &kind, n->status_key, sizeof(n->status_key),
                           err2, sizeof(err2));
        free(old);
    }
    return true;
}

void ui_banner_unwatch(struct app *a)
{
    if (a->notice && a->notice->status_watch) {
        watch_stop(a->notice->status_watch);
        a->notice->status_watch = NULL;
    }
}

bool ui_banner_event(struct app *a, const SDL_Event *ev)
{
    if (!a->notice || !a->notice->status_watch ||
        ev->type != watch_event_type(a->notice->status_watch))
        return false;
    ui_banner_check(a);
    return true;
}

bool ui_banner_wait(struct app *a, int ms)
{
    if (!a->notice || !a->notice->status_watch || !watch_wait(a->notice->status_watch, ms))
        return false;
    ui_banner_check(a);
    return true;
}
