/* screen_staff_summary: the staff menu's weekly summary — the picture
 * `aula-stats summary` writes (ui/summary.h), for the current ISO week,
 * drawn at the size of the page and kept as a texture until the page's
 * size changes. When the counters are off it says so. Back returns to the
 * staff page; the staff idle time goes home. */
#include "ui/screens.h"
#include "ui/staff.h"
#include "ui/summary.h"
#include "ui/widget.h"
#include "base/log.h"
#include "domain/calendar.h"
#include "domain/zone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct summary_state {
    char week[16], from[11], to[11];
    SDL_Texture *tex;
    int tw, th; /* the texture's size */
    bool failed;
};

static void *summary_enter(struct app *a, const char *arg)
{
    (void)arg;
    struct summary_state *s = calloc(1, sizeof(*s));
    if (!s)
        return NULL;
    struct zone_time t;
    zone_to_local(ui_tz(a), ui_now(a), &t);
    int y, w;
    calendar_iso_week(t.days, &y, &w);
    snprintf(s->week, sizeof(s->week), "%04d-W%02d", y, w);
    if (!summary_parse_week(s->week, s->from, s->to))
        s->failed = true;
    return s;
}

static void summary_leave(struct app *a, void *st)
{
    (void)a;
    struct summary_state *s = st;
    if (s->tex)
        SDL_DestroyTexture(s->tex);
    free(s);
}

static bool summary_action(struct app *a, void *st, const char *id)
{
    (void)st;
    if (strcmp(id, "back") == 0) {
        ui_pop(a);
        return true;
    }
    return false;
}

static bool summary_update(struct app *a, void *st)
{
    (void)st;
    if (a->ms - a->last_input_ms >= STAFF_IDLE_MS) {
        ui_go_home(a);
        return true;
    }
    return false;
}

/* The picture at w x h, made once per size. */
static void make_texture(struct app *a, struct summary_state *s, int w, int h)
{
    if (s->tex && s->tw == w && s->th == h)
        return;
    if (s->tex)
        SDL_DestroyTexture(s->tex);
    s->tex = NULL;
    if (s->failed || !a->stats)
        return;
    char err[256] = "";
    SDL_Surface *surf = summary_render(a->stats, a->content, s->week, s->from, s->to, a->lang, w, h,
                                       NULL, err, sizeof(err));
    if (!surf) {
        LOG_WARN("staff menu: weekly summary %s: %s", s->week, err);
        s->failed = true;
        return;
    }
    s->tex = SDL_CreateTextureFromSurface(a->draw.ren, surf);
    SDL_FreeSurface(surf);
    if (!s->tex) {
        LOG_WARN("staff menu: weekly summary %s: %s", s->week, SDL_GetError());
        s->failed = true;
        return;
    }
    s->tw = w;
    s->th = h;
    LOG_INFO("staff menu: weekly summary %s shown (%s to %s)", s->week, s->from, s->to);
}

static void summary_draw(struct app *a, void *st)
{
    struct summary_state *s = st;
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    char title[128];
    snprintf(title, sizeof(title), "%s %s", ui_str(a, S_STAFF_SUMMARY), s->week);
    int top = widget_header(a, title, NULL);
    SDL_Rect box = {th->margin, top + th->pad, th->w - 2 * th->margin, th->h - top - 2 * th->pad};
    make_texture(a, s, box.w, box.h);
    if (s->tex) {
        SDL_Rect m = draw_map(d, box);
        SDL_RenderCopy(d->ren, s->tex, NULL, &m);
        return;
    }
    struct text_style ts = draw_style(d, th->fs_body, TEXT_BOLD, COL_TEXT, box.w);
    draw_text(d, ui_str(a, a->stats ? S_STAFF_SUMMARY_NONE : S_STAFF_COUNTERS_OFF), &ts, box.x,
              box.y);
}

const struct screen_ops screen_staff_summary = {
    .name = "staff-summary",
    .enter = summary_enter,
    .action = summary_action,
    .update = summary_update,
    .draw = summary_draw,
    .leave = summary_leave,
};
