/* reload: the content source, and switching snapshots while running; see
 * reload.h. */
#include "ui/reload.h"
#include "ui/screens.h"
#include "ui/ui.h"
#include "base/log.h"

#include <stdio.h>
#include <string.h>

static void copy(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
}

void content_source_init(struct content_source *s, const char *path, const char *site_id,
                         const char *languages, const char *default_lang)
{
    memset(s, 0, sizeof(*s));
    copy(s->path, sizeof(s->path), path);
    copy(s->site_id, sizeof(s->site_id), site_id);
    copy(s->languages, sizeof(s->languages), languages);
    copy(s->default_lang, sizeof(s->default_lang), default_lang);
}

enum snapshot_status content_source_open(struct content_source *s, struct content **out, char *msg,
                                         size_t cap)
{
    *out = NULL;
    if (!s->path[0]) {
        snprintf(msg, cap, "no snapshot configured (aula.conf: data_dir or snapshot)");
        return SNAPSHOT_MISSING;
    }
    struct content *c = NULL;
    enum snapshot_status rc = content_open(s->path, &c, msg, cap);
    if (rc != SNAPSHOT_OK)
        return rc;
    if (s->site_id[0] && strcmp(c->site_id, s->site_id) != 0) {
        snprintf(msg, cap,
                 "%s: the snapshot is for site \"%s\" but this screen is set up for site \"%s\" "
                 "(aula.conf: site_id)",
                 s->path, c->site_id, s->site_id);
        content_close(c);
        return SNAPSHOT_NOT_AULA;
    }
    content_configure(c, s->languages, s->default_lang);
    *out = c;
    return SNAPSHOT_OK;
}

bool ui_content_watch(struct app *a)
{
    struct content_source *s = &a->src;
    if (s->watch || !s->path[0])
        return s->watch != NULL;
    char err[512];
    s->watch = watch_start(s->path, err, sizeof(err));
    if (!s->watch) {
        LOG_WARN("%s; new content shows after a restart", err);
        return false;
    }
    return true;
}

void ui_content_unwatch(struct app *a)
{
    watch_stop(a->src.watch);
    a->src.watch = NULL;
}

bool ui_content_event(struct app *a, const SDL_Event *ev)
{
    if (!a->src.watch || ev->type != watch_event_type(a->src.watch))
        return false;
    ui_content_reload(a);
    return true;
}

/* Every screen again from the start of the stack: home, or the problem
 * screen when there is no content; the maintenance notice stays on. */
static void restart(struct app *a, const struct screen_ops *base)
{
    bool maintenance = maintenance_on(a);
    while (a->depth > 1)
        ui_pop(a);
    struct screen *s = &a->stack[0];
    if (a->depth > 0 && s->ops->leave)
        s->ops->leave(a, s->st);
    a->depth = 0;
    ui_push(a, base, NULL);
    if (maintenance)
        ui_push(a, &screen_maintenance, NULL);
}

bool ui_content_reload(struct app *a)
{
    struct content_source *s = &a->src;
    struct watch_file_id id;
    bool have_id = watch_file_id(s->path, &id);
    if (have_id && s->have_shown && watch_file_same(&id, &s->shown))
        return false; /* the same file: nothing new */
    if (have_id && s->have_refused && watch_file_same(&id, &s->refused))
        return false; /* refused already; said so then */
    char msg[sizeof(a->content_msg)];
    struct content *c = NULL;
    enum snapshot_status rc = content_source_open(s, &c, msg, sizeof(msg));
    if (rc != SNAPSHOT_OK) {
        s->refusals++;
        s->refused = id;
        s->have_refused = have_id;
        if (a->content) {
            LOG_ERR("new content refused, still showing content version %lld: %s",
                    (long long)a->content->info.content_version, msg);
        } else {
            /* Nothing to keep: the problem screen tells the new reason. */
            LOG_ERR("new content refused: %s", msg);
            snprintf(a->content_msg, sizeof(a->content_msg), "%s", msg);
            a->content_status = rc;
            a->dirty = true;
        }
        return false;
    }
    /* Checked: swap the handle, then every view model, then draw. */
    struct content *old = a->content;
    bool had = old != NULL;
    a->content = c;
    a->content_status = SNAPSHOT_OK;
    a->content_msg[0] = '\0';
    s->shown = id;
    s->have_shown = have_id;
    s->have_refused = false;
    s->reloads++;
    /* The visitor's language stays when the new content has it. */
    char lang[sizeof(a->lang)];
    snprintf(lang, sizeof(lang), "%s", had && content_lang(c, a->lang) ? a->lang : c->default_lang);
    if (!had) {
        snprintf(a->lang, sizeof(a->lang), "%s", lang);
        restart(a, &screen_home);
    }
    ui_set_lang(a, lang); /* reloads every screen */
    display_content(a);   /* the site's hours may have changed */
    content_close(old);
    a->dirty = true;
    LOG_INFO("new content shown: %s (content version %lld, site %s, built %s)", s->path,
             (long long)c->info.content_version, c->site_id, c->info.built_at);
    return true;
}

bool ui_content_wait(struct app *a, int ms)
{
    if (!a->src.watch || !watch_wait(a->src.watch, ms))
        return false;
    ui_content_reload(a);
    return true;
}
