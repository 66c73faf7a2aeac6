/* ui: application state, screen stack, input and frame scheduling; see
 * ui.h. */
#include "ui/ui.h"
#include "ui/banner.h"
#include "ui/notice.h"
#include "ui/print_ui.h"
#include "ui/screens.h"
#include "ui/staff.h"
#include "ui/widget.h"
#include "domain/zone.h"
#include "base/log.h"
#include "base/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define IDLE_WARN_MS   10000 /* the countdown notice before an idle reset */
#define IDLE_BONUS_MAX 4     /* "More time" adds up to this many idle times */
#define FLING_FRAME_MS 16
#define FLING_MIN_VEL  0.02f /* px/ms below which a fling stops */

static const struct ui_target *hit(const struct app *a, int x, int y);

/* ---- screen stack ---- */

static void forget_frame(struct app *a)
{
    a->ntargets = 0;
    a->nscrolls = 0;
    a->drag = NULL;
    a->dragging = false;
    a->pressed[0] = '\0';
    a->dirty = true;
}

static void leave_top(struct app *a)
{
    struct screen *s = &a->stack[a->depth - 1];
    if (s->ops->leave)
        s->ops->leave(a, s->st);
    s->st = NULL;
}

/* ---- anonymous counters ---- */

void ui_count(struct app *a, enum stats_kind kind, const char *key)
{
    if (!a->stats || !key || !key[0])
        return;
    struct zone_time t;
    zone_to_local(ui_tz(a), ui_now(a), &t);
    char day[16];
    snprintf(day, sizeof(day), "%04d-%02d-%02d", t.year, t.month, t.day);
    /* Ids that do not look like ids are refused by the store: skip them. */
    stats_count(a->stats, day, kind, key);
}

/* A screen opened: its kind, and which category, service or organisation. */
static void count_screen(struct app *a, const struct screen_ops *ops, const char *arg)
{
    ui_count(a, STATS_SCREEN, ops->name);
    if (!arg)
        return;
    if (strncmp(arg, "category:", 9) == 0)
        ui_count(a, STATS_CATEGORY, arg + 9);
    else if (ops == &screen_service)
        ui_count(a, STATS_SERVICE, arg);
    else if (ops == &screen_org)
        ui_count(a, STATS_ORGANIZATION, arg);
}

/* A QR code chosen on a detail screen, by its button id. */
static void count_qr(struct app *a, const char *id)
{
    if (strncmp(id, "qr:", 3) != 0)
        return;
    const char *kind = strncmp(id, "qr:contact:", 11) == 0 ? "vcard"
                       : strcmp(id, "qr:web") == 0         ? "url"
                                                           : "tel";
    ui_count(a, STATS_QR, kind);
}

void ui_push(struct app *a, const struct screen_ops *ops, const char *arg)
{
    if (a->depth == UI_MAX_DEPTH) { /* a deep trail: drop the oldest above home */
        struct screen *s = &a->stack[1];
        if (s->ops->leave)
            s->ops->leave(a, s->st);
        memmove(&a->stack[1], &a->stack[2], sizeof(a->stack[0]) * (UI_MAX_DEPTH - 2));
        a->depth--;
    }
    struct screen *s = &a->stack[a->depth];
    memset(s, 0, sizeof(*s));
    s->ops = ops;
    snprintf(s->arg, sizeof(s->arg), "%s", arg ? arg : "");
    s->st = ops->enter(a, arg);
    a->depth++;
    count_screen(a, ops, arg);
    a->focus[0] = '\0';
    a->screen_gen++;
    forget_frame(a);
}

void ui_pop(struct app *a)
{
    if (a->depth <= 1)
        return;
    leave_top(a);
    a->depth--;
    a->focus[0] = '\0';
    a->screen_gen++;
    forget_frame(a);
}

void ui_go_home(struct app *a)
{
    /* The maintenance notice is home while it is on. */
    while (a->depth > 1 && a->stack[a->depth - 1].ops != &screen_maintenance)
        ui_pop(a);
}

void ui_end_visit(struct app *a)
{
    ui_go_home(a);
    if (a->content && strcmp(a->lang, a->content->default_lang) != 0)
        ui_set_lang(a, a->content->default_lang);
    /* The next visitor starts with the kiosk's own modes. */
    ui_set_modes(a, &a->default_modes);
    a->idle_bonus_ms = 0;
    a->show_focus = false;
    if (a->speech_on != a->speech_default) {
        a->speech_on = a->speech_default;
        speech_stop(a->speech);
    }
    a->dirty = true;
}

void ui_reload(struct app *a)
{
    for (int i = 0; i < a->depth; i++) {
        struct screen *s = &a->stack[i];
        if (s->ops->leave)
            s->ops->leave(a, s->st);
        s->st = s->ops->enter(a, s->arg[0] ? s->arg : NULL);
    }
    forget_frame(a);
}

void ui_set_modes(struct app *a, const struct theme_modes *m)
{
    if (theme_modes_equal(m, &a->theme.modes))
        return;
    theme_init_modes(&a->theme, a->plat.width, a->plat.height, a->plat.px_per_mm, m);
    /* Sizes and colours changed: cached corners, icons and texts are stale. */
    draw_flush(&a->draw);
    text_trim(a->text);
    for (int i = 0; i < a->nscrolls; i++)
        a->scrolls[i]->vel = 0;
    forget_frame(a);
}

void ui_set_lang(struct app *a, const char *lang)
{
    snprintf(a->lang, sizeof(a->lang), "%s", lang);
    /* The snapshot's own screen texts (ui_string) win over the built-in ones. */
    str_use_content(a->content, a->lang);
    const struct content_lang *l = a->content ? content_lang(a->content, lang) : NULL;
    a->rtl = l ? l->rtl : false;
    a->draw.mirror = a->rtl;
    a->screen_gen++; /* said again, in the new language */
    ui_reload(a);
}

/* ---- the clock ---- */

static int64_t clock_ms(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void step_text(int64_t s, char *buf, size_t cap)
{
    long long v = s < 0 ? -(long long)s : (long long)s;
    if (v >= 86400)
        snprintf(buf, cap, "%lld days %lld h %lld min", v / 86400, v % 86400 / 3600, v % 3600 / 60);
    else if (v >= 3600)
        snprintf(buf, cap, "%lld h %lld min", v / 3600, v % 3600 / 60);
    else
        snprintf(buf, cap, "%lld min %lld s", v / 60, v % 60);
}

/* The system clock (or the frozen one) was set by step_ms while the kiosk
 * ran: NTP after a boot without a clock, or by hand. Said in the journal;
 * the kiosk's uptime stays its own; the minute shown is the new one, and
 * when the site's date changed every screen is loaded again (home's
 * programme of the day, the calendar's today). The screen's hours follow
 * by themselves (display_tick). */
static void clock_was_set(struct app *a, int64_t step_ms)
{
    int64_t now = ui_now(a);
    int64_t step = step_ms / 1000;
    int64_t before = now - step;
    char from[32], to[32], by[64];
    zone_format(ui_tz(a), before, from, sizeof(from));
    zone_format(ui_tz(a), now, to, sizeof(to));
    step_text(step, by, sizeof(by));
    LOG_INFO("clock: set %s by %s, from %s to %s (%s)", step_ms > 0 ? "forward" : "back", by, from,
             to, ui_tz(a));
    a->clock_sets++;
    if (a->staff)
        a->staff->started += step;
    a->shown_minute = now / 60;
    a->dirty = true;
    if (a->content && content_today(a->content, now) != content_today(a->content, before))
        ui_reload(a);
}

/* Compares the wall clock with the monotonic one (the frozen clock with
 * the script's): a step between them is a clock set. */
static void check_clock(struct app *a)
{
    int64_t wall, mono;
    if (a->frozen) {
        mono = a->ms;
        wall = a->now_base * 1000 + mono;
    } else {
        wall = clock_ms(CLOCK_REALTIME);
        mono = clock_ms(CLOCK_MONOTONIC);
    }
    int64_t step = clock_track_step(&a->clock, wall, mono);
    if (step)
        clock_was_set(a, step);
}

void ui_set_frozen_now(struct app *a, int64_t utc)
{
    a->now_base = utc - a->ms / 1000;
}

/* ---- set-up ---- */

bool ui_init(struct app *a, const struct app_options *o, char *err, size_t cap)
{
    memset(a, 0, sizeof(*a));
    if (!platform_init(&a->plat, &o->plat, err, cap))
        return false;
    a->text = text_new(a->plat.ren, NULL, err, cap);
    if (!a->text) {
        platform_quit(&a->plat);
        return false;
    }
    a->default_modes = o->modes;
    theme_init_modes(&a->theme, a->plat.width, a->plat.height, a->plat.px_per_mm, &o->modes);
    draw_init(&a->draw, a->plat.ren, a->text, &a->theme);

    content_source_init(&a->src, o->snapshot, o->site_id, o->languages, o->default_lang);
    a->content_status =
        content_source_open(&a->src, &a->content, a->content_msg, sizeof(a->content_msg));
    if (!a->content)
        LOG_ERR("%s", a->content_msg);
    a->src.have_shown = a->content && watch_file_id(a->src.path, &a->src.shown);

    const char *tz = ui_tz(a);
    if (o->now) {
        if (!zone_parse_instant(o->now, tz, &a->now_base)) {
            snprintf(err, cap, "--now %s: expected 2026-11-24T10:15 (site time) or ...Z (UTC)",
                     o->now);
            ui_free(a);
            return false;
        }
        a->frozen = true;
    }
    check_clock(a); /* the first look: from here on a set is seen */
    a->idle_ms = o->idle_seconds > 0 ? o->idle_seconds * 1000 : 0;
    /* Started off or on, speech is ready to be switched on (F2). */
    char serr[512];
    a->speech = speech_new(&o->speech_opts, serr, sizeof(serr));
    if (!a->speech) {
        snprintf(err, cap, "speech: %s", serr);
        ui_free(a);
        return false;
    }
    a->speech_on = a->speech_default = o->speech;

    const char *lang = a->content ? a->content->default_lang : "fi";
    if (o->lang && (!a->content || content_lang(a->content, o->lang)))
        lang = o->lang;
    else if (o->lang)
        LOG_WARN("--lang %s: the content has no such language; using %s", o->lang, lang);
    snprintf(a->lang, sizeof(a->lang), "%s", lang);
    /* The snapshot's own screen texts (ui_string) win over the built-in ones. */
    str_use_content(a->content, a->lang);
    const struct content_lang *l = a->content ? content_lang(a->content, lang) : NULL;
    a->rtl = l ? l->rtl : false;
    a->draw.mirror = a->rtl;

    ui_push(a, a->content ? &screen_home : &screen_problem, NULL);
    a->shown_minute = ui_now(a) / 60;
    display_init(a, o->display, o->shift);
    if (o->watch) {
        ui_content_watch(a);
        ui_banner_watch(a); /* status.json: the content-update banner */
    }
    return true;
}

void ui_free(struct app *a)
{
    clockwatch_stop(a->clockwatch);
    ui_content_unwatch(a);
    speech_free(a->speech);
    ui_print_close(a); /* waits for a job in progress, before SDL stops */
    display_free(a);
    while (a->depth > 0) {
        leave_top(a);
        a->depth--;
    }
    free(a->targets);
    ui_banner_unwatch(a);
    notice_free(a);
    draw_free(&a->draw);
    text_free(a->text);
    content_close(a->content);
    platform_quit(&a->plat);
    memset(a, 0, sizeof(*a));
}

int64_t ui_now(const struct app *a)
{
    if (a->frozen)
        return a->now_base + a->ms / 1000;
    return (int64_t)time(NULL);
}

const char *ui_tz(const struct app *a)
{
    return a->content ? a->content->tz : ZONE_DEFAULT;
}

const char *ui_str(const struct app *a, enum str_id id)
{
    return str_get(a->lang, id);
}

/* ---- targets and scrolling ---- */

static bool intersect(SDL_Rect a, SDL_Rect b, SDL_Rect *out)
{
    return SDL_IntersectRect(&a, &b, out) == SDL_TRUE;
}

void ui_target(struct app *a, const char *id, SDL_Rect r, int radius)
{
    XGROW(a->targets, a->captargets, a->ntargets + 1);
    struct ui_target *t = &a->targets[a->ntargets++];
    memset(t, 0, sizeof(*t));
    snprintf(t->id, sizeof(t->id), "%s", id);
    t->r = r;
    t->radius = radius;
    t->sc = a->cur_scroll;
    if (!a->cur_scroll || !intersect(r, a->cur_scroll->view, &t->vis))
        t->vis = a->cur_scroll ? (SDL_Rect){0, 0, 0, 0} : r;
}

void ui_target_label(struct app *a, const char *id, const char *text)
{
    if (!text || !text[0])
        return;
    for (size_t i = a->ntargets; i-- > 0;) {
        struct ui_target *t = &a->targets[i];
        if (strcmp(t->id, id) != 0)
            continue;
        size_t n = strlen(t->label);
        snprintf(t->label + n, sizeof(t->label) - n, "%s%s", n ? ", " : "", text);
        return;
    }
}

void ui_screen_title(struct app *a, const char *title)
{
    snprintf(a->title, sizeof(a->title), "%s", title ? title : "");
}

bool ui_is_pressed(const struct app *a, const char *id)
{
    return a->pressed[0] && !a->dragging && strcmp(a->pressed, id) == 0;
}

const struct ui_target *ui_find_target(const struct app *a, const char *id)
{
    for (size_t i = 0; i < a->ntargets; i++)
        if (strcmp(a->targets[i].id, id) == 0)
            return &a->targets[i];
    return NULL;
}

static float max_scroll(const struct scroll *sc)
{
    float m = (float)(sc->content_h - sc->view.h);
    return m > 0 ? m : 0;
}

static void clamp_scroll(struct scroll *sc)
{
    float m = max_scroll(sc);
    if (sc->y > m) {
        sc->y = m;
        sc->vel = 0;
    }
    if (sc->y < 0) {
        sc->y = 0;
        sc->vel = 0;
    }
}

int ui_scroll_begin(struct app *a, struct scroll *sc, SDL_Rect view)
{
    sc->view = view;
    clamp_scroll(sc);
    if (a->nscrolls < UI_MAX_SCROLLS)
        a->scrolls[a->nscrolls++] = sc;
    a->cur_scroll = sc;
    draw_clip(&a->draw, &view);
    return -(int)lroundf(sc->y);
}

void ui_scroll_end(struct app *a, struct scroll *sc, int content_h)
{
    sc->content_h = content_h;
    a->cur_scroll = NULL;
    draw_clip(&a->draw, NULL);
    float m = max_scroll(sc);
    if (m <= 0)
        return;
    /* A quiet indicator on the end edge: there is more below. */
    const struct theme *th = &a->theme;
    int track = sc->view.h - 2 * th->gap_small;
    int bar_h = (int)((float)track * (float)sc->view.h / (float)content_h);
    if (bar_h < th->target / 2)
        bar_h = th->target / 2;
    int y = sc->view.y + th->gap_small + (int)((float)(track - bar_h) * (sc->y / m));
    SDL_Rect bar = {sc->view.x + sc->view.w - th->gap_small - th->rule * 2, y, th->rule * 2, bar_h};
    draw_rrect(&a->draw, bar, th->rule, draw_color(&a->draw, COL_BORDER));
}

bool ui_visible(const struct app *a, SDL_Rect r)
{
    SDL_Rect tmp;
    return !a->cur_scroll || intersect(r, a->cur_scroll->view, &tmp);
}

/* ---- drawing a frame ---- */

static void draw_focus(struct app *a)
{
    const struct theme *th = &a->theme;
    const struct ui_target *t = a->focus[0] ? ui_find_target(a, a->focus) : NULL;
    if (!t && a->ntargets > 0) {
        t = &a->targets[0];
        snprintf(a->focus, sizeof(a->focus), "%s", t->id);
    }
    if (!t || t->vis.w == 0)
        return;
    int grow = th->ring_gap + th->ring;
    SDL_Rect r = {t->r.x - grow, t->r.y - grow, t->r.w + 2 * grow, t->r.h + 2 * grow};
    if (t->sc)
        draw_clip(&a->draw, &t->sc->view);
    /* Two tones, so the ring shows on light and dark backgrounds alike. */
    draw_rring(&a->draw, r, t->radius + grow, th->ring, draw_color(&a->draw, COL_FOCUS));
    int halo = th->ring / 2 > 2 ? th->ring / 2 : 2;
    SDL_Rect in = {r.x + th->ring, r.y + th->ring, r.w - 2 * th->ring, r.h - 2 * th->ring};
    draw_rring(&a->draw, in, t->radius + grow - th->ring, halo,
               draw_color(&a->draw, COL_FOCUS_HALO));
    if (t->sc)
        draw_clip(&a->draw, NULL);
}

/* ---- speech ---- */

static void add_phrase(char *buf, size_t cap, const char *text)
{
    if (!text || !text[0])
        return;
    size_t n = strlen(buf);
    /* Phrases become sentences: a pause between them, one full stop. */
    const char *sep = n == 0 ? "" : strchr(".!?", buf[n - 1]) ? " " : ". ";
    snprintf(buf + n, cap - n, "%s%s", sep, text);
}

/* With speech on, says what a person who cannot see the screen just
 * missed: the title of a screen that was entered, and the item the
 * keyboard focus moved to. Called after drawing, when labels are known. */
static void speak_frame(struct app *a)
{
    if (!a->speech_on)
        return;
    const struct ui_target *t = a->show_focus && a->focus[0] ? ui_find_target(a, a->focus) : NULL;
    bool new_screen = a->spoken_gen != a->screen_gen;
    bool new_focus = t && strcmp(a->spoken_focus, t->id) != 0;
    if (!new_screen && !new_focus)
        return;
    char text[SPEECH_TEXT_MAX] = "";
    if (a->speech_intro)
        add_phrase(text, sizeof(text), ui_str(a, S_SPEECH_ON));
    if (new_screen)
        add_phrase(text, sizeof(text), a->title);
    if (t)
        add_phrase(text, sizeof(text), t->label);
    /* A language button alone is said in its own language: the way a
     * visitor recognises theirs. */
    const char *lang = a->lang;
    if (!new_screen && !a->speech_intro && t && strncmp(t->id, "lang:", 5) == 0)
        lang = t->id + 5;
    a->speech_intro = false;
    a->spoken_gen = a->screen_gen;
    snprintf(a->spoken_focus, sizeof(a->spoken_focus), "%s", t ? t->id : "");
    speech_say(a->speech, lang, text);
}

void ui_speech_toggle(struct app *a)
{
    if (!a->speech)
        return;
    a->speech_on = !a->speech_on;
    if (a->speech_on) {
        /* Everything is new to the listener: the screen and the focus. */
        a->speech_intro = true;
        a->spoken_gen = a->screen_gen - 1;
        a->spoken_focus[0] = '\0';
        a->show_focus = true;
    } else {
        speech_say(a->speech, a->lang, ui_str(a, S_SPEECH_OFF));
    }
    a->dirty = true;
}

bool ui_speech_on(const struct app *a)
{
    return a->speech_on;
}

static void draw_pressed(struct app *a)
{
    if (!a->pressed[0] || a->dragging)
        return;
    const struct ui_target *t = ui_find_target(a, a->pressed);
    if (!t || t->vis.w == 0)
        return;
    if (t->sc)
        draw_clip(&a->draw, &t->sc->view);
    draw_rrect(&a->draw, t->r, t->radius, draw_color(&a->draw, COL_PRESSED));
    if (t->sc)
        draw_clip(&a->draw, NULL);
}

static int idle_left_ms(const struct app *a)
{
    if (a->idle_ms <= 0)
        return -1;
    /* The maintenance notice waits for staff, however long. */
    if (a->stack[a->depth - 1].ops == &screen_maintenance)
        return -1;
    bool at_rest =
        a->depth <= 1 && (!a->content || strcmp(a->lang, a->content->default_lang) == 0) &&
        theme_modes_equal(&a->theme.modes, &a->default_modes) && a->speech_on == a->speech_default;
    if (at_rest)
        return -1;
    int elapsed = (int)(a->ms - a->last_input_ms);
    int quiet = a->idle_ms + a->idle_bonus_ms;
    /* Overdue is 0, not negative (-1 means "no idle reset"): a late wake-up
     * must still reset. */
    return elapsed >= quiet ? 0 : quiet - elapsed;
}

static void draw_idle_notice(struct app *a)
{
    int left = idle_left_ms(a);
    if (!a->idle_notice_held && (left < 0 || left > IDLE_WARN_MS)) {
        a->idle_said = false;
        return;
    }
    if (left < 0 || left > IDLE_WARN_MS)
        left = IDLE_WARN_MS;
    char msg[256];
    char secs[16];
    snprintf(secs, sizeof(secs), "%d", (left + 999) / 1000);
    str_fill(msg, sizeof(msg), ui_str(a, S_IDLE), secs, NULL);
    /* No time pressure: one tap on a large button gives more time. */
    int top = widget_notice_action(a, msg, "more_time", ui_str(a, S_MORE_TIME), "clock");
    feedback_idle_offer(a, top - a->theme.gap);
    if (a->speech_on && !a->idle_said) { /* once, not every second */
        speech_say(a->speech, a->lang, msg);
        a->idle_said = true;
    }
}

/* Reach mode: the upper part of the screen holds no controls, only a calm
 * line that says where they went. */
static void draw_reach_band(struct app *a)
{
    struct theme *th = &a->theme;
    if (th->top <= 0)
        return;
    int top = th->top;
    th->top = 0; /* draw in screen coordinates above the layout */
    struct draw *d = &a->draw;
    draw_rect(d, (SDL_Rect){0, top - th->rule, th->w, th->rule}, draw_color(d, COL_SHADOW));
    int w = th->w - 2 * th->margin;
    if (w > th->max_line)
        w = th->max_line;
    struct text_style st = draw_style(d, th->fs_heading, TEXT_BOLD, COL_TEXT_MUTED, w);
    st.align = TEXT_CENTER;
    const char *hint = ui_str(a, S_A11Y_REACH_HINT);
    int h = draw_text_height(d, hint, &st);
    int is = th->icon_large;
    int y = (top - h - is - th->gap) / 2;
    draw_text(d, hint, &st, (th->w - w) / 2, y);
    draw_icon(d, "reach", (SDL_Rect){(th->w - is) / 2, y + h + th->gap, is, is},
              draw_color(d, COL_ACCENT));
    th->top = top;
}

void ui_render(struct app *a, bool force)
{
    if (!a->dirty && !force)
        return;
    a->ntargets = 0;
    a->nscrolls = 0;
    a->title[0] = '\0';
    a->warning[0] = '\0';
    draw_clear(&a->draw, COL_BG);
    if (display_frame_begin(a)) { /* off: a black frame instead */
        draw_reach_band(a);
        struct screen *s = &a->stack[a->depth - 1];
        s->ops->draw(a, s->st);
        draw_pressed(a);
        if (a->show_focus)
            draw_focus(a);
        speak_frame(a);
        draw_idle_notice(a);
        notice_draw(a); /* print results, content banner */
        display_frame_end(a);
    }
    platform_present(&a->plat);
    if (a->frames == 0) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        a->first_frame_ms = (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* the same, in CPU time */
        a->first_frame_cpu_ms = (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
    }
    text_frame_end(a->text);
    a->dirty = false;
    a->frames++;
}

/* ---- input ---- */

static const struct ui_target *hit(const struct app *a, int x, int y)
{
    for (size_t i = a->ntargets; i-- > 0;) {
        const struct ui_target *t = &a->targets[i];
        if (t->vis.w == 0)
            continue;
        SDL_Rect m = draw_map(&a->draw, t->vis);
        SDL_Point p = {x, y};
        if (SDL_PointInRect(&p, &m))
            return t;
    }
    return NULL;
}

static struct scroll *scroll_at(const struct app *a, int x, int y)
{
    for (int i = a->nscrolls; i-- > 0;) {
        SDL_Rect m = draw_map(&a->draw, a->scrolls[i]->view);
        SDL_Point p = {x, y};
        if (SDL_PointInRect(&p, &m))
            return a->scrolls[i];
    }
    return NULL;
}

static const struct screen_ops *screen_for(const char *id, const char **arg)
{
    static const struct {
        const char *prefix;
        const struct screen_ops *ops;
        bool keep_whole; /* the whole id is the argument */
    } routes[] = {
        {"category:", &screen_list, true},      {"service:", &screen_service, false},
        {"org:", &screen_org, false},           {"services", &screen_list, true},
        {"orgs", &screen_list, true},           {"calendar", &screen_calendar, false},
        {"calendar:", &screen_calendar, false}, {"languages", &screen_lang, false},
        {"search", &screen_search, false},      {"a11y", &screen_a11y, false},
    };
    for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
        size_t n = strlen(routes[i].prefix);
        if (strncmp(id, routes[i].prefix, n) != 0)
            continue;
        bool exact = routes[i].prefix[n - 1] != ':';
        if (exact && id[n] != '\0')
            continue;
        *arg = routes[i].keep_whole ? id : (exact ? NULL : id + n);
        return routes[i].ops;
    }
    return NULL;
}

bool ui_activate(struct app *a, const char *id)
{
    a->dirty = true;
    struct screen *s = &a->stack[a->depth - 1];
    if (s->ops->action && s->ops->action(a, s->st, id)) {
        count_qr(a, id);
        return true;
    }
    if (strcmp(id, "back") == 0) {
        ui_pop(a);
        return true;
    }
    if (strcmp(id, "home") == 0) {
        ui_go_home(a);
        return true;
    }
    if (strcmp(id, "more_time") == 0) { /* the idle notice's button */
        a->last_input_ms = a->ms;
        if (a->idle_bonus_ms < IDLE_BONUS_MAX * a->idle_ms)
            a->idle_bonus_ms += a->idle_ms;
        return true;
    }
    if (strncmp(id, "lang:", 5) == 0) {
        ui_set_lang(a, id + 5);
        ui_count(a, STATS_LANGUAGE, id + 5);
        snprintf(a->focus, sizeof(a->focus), "%s", id);
        return true;
    }
    const char *arg = NULL;
    const struct screen_ops *ops = screen_for(id, &arg);
    if (!ops && (strcmp(id, "feedback") == 0 || strcmp(id, "about") == 0))
        ops = id[0] == 'f' ? &screen_feedback : &screen_about;
    if (ops && a->content) {
        ui_push(a, ops, arg);
        return true;
    }
    return false;
}

static void scroll_into_view(struct app *a, const struct ui_target *t)
{
    if (!t || !t->sc)
        return;
    struct scroll *sc = t->sc;
    int pad = a->theme.gap + a->theme.ring + a->theme.ring_gap;
    if (t->r.y - pad < sc->view.y)
        sc->y -= (float)(sc->view.y - (t->r.y - pad));
    else if (t->r.y + t->r.h + pad > sc->view.y + sc->view.h)
        sc->y += (float)(t->r.y + t->r.h + pad - (sc->view.y + sc->view.h));
    sc->vel = 0;
    clamp_scroll(sc);
}

bool ui_reveal(struct app *a, const char *id)
{
    const struct ui_target *t = ui_find_target(a, id);
    if (!t)
        return false;
    if (t->vis.w == 0 || t->vis.h < t->r.h) {
        scroll_into_view(a, t);
        a->dirty = true;
        ui_render(a, false);
    }
    return true;
}

static int focus_index(const struct app *a)
{
    for (size_t i = 0; i < a->ntargets; i++)
        if (strcmp(a->targets[i].id, a->focus) == 0)
            return (int)i;
    return -1;
}

static SDL_Point center(const struct app *a, const struct ui_target *t)
{
    SDL_Rect m = draw_map(&a->draw, t->r);
    return (SDL_Point){m.x + m.w / 2, m.y + m.h / 2};
}

/* The nearest target in a direction on screen (dx, dy one of -1, 0, 1). */
static int spatial(const struct app *a, int from, int dx, int dy)
{
    SDL_Point c = center(a, &a->targets[from]);
    SDL_Rect fm = draw_map(&a->draw, a->targets[from].r);
    int best = -1;
    long best_score = 0;
    for (size_t i = 0; i < a->ntargets; i++) {
        if ((int)i == from)
            continue;
        SDL_Rect m = draw_map(&a->draw, a->targets[i].r);
        SDL_Point p = center(a, &a->targets[i]);
        long along, across;
        if (dx) {
            bool ahead = dx > 0 ? m.x >= fm.x + fm.w - 1 : m.x + m.w <= fm.x + 1;
            if (!ahead)
                continue;
            along = labs((long)(p.x - c.x));
            across = labs((long)(p.y - c.y));
        } else {
            bool ahead = dy > 0 ? m.y >= fm.y + fm.h - 1 : m.y + m.h <= fm.y + 1;
            if (!ahead)
                continue;
            along = labs((long)(p.y - c.y));
            across = labs((long)(p.x - c.x));
        }
        long score = along + 3 * across;
        if (best < 0 || score < best_score) {
            best = (int)i;
            best_score = score;
        }
    }
    return best;
}

static void handle_key(struct app *a, enum input_key key)
{
    bool was_visible = a->show_focus;
    a->show_focus = true;
    a->dirty = true;
    if (key == KEY_BACK) {
        ui_activate(a, "back");
        return;
    }
    if (key == KEY_HOME) {
        ui_go_home(a);
        return;
    }
    if (key == KEY_STAFF) {
        staff_open(a);
        return;
    }
    if (a->ntargets == 0)
        return;
    int i = focus_index(a);
    if (i < 0) {
        snprintf(a->focus, sizeof(a->focus), "%s", a->targets[0].id);
        if (key != KEY_ENTER || !was_visible)
            return;
        i = 0;
    }
    int n = (int)a->ntargets, next = i;
    switch (key) {
    case KEY_TAB:
        next = (i + 1) % n;
        break;
    case KEY_BACKTAB:
        next = (i + n - 1) % n;
        break;
    case KEY_LEFT:
    case KEY_RIGHT:
    case KEY_UP:
    case KEY_DOWN: {
        int dx = key == KEY_LEFT ? -1 : key == KEY_RIGHT ? 1 : 0;
        int dy = key == KEY_UP ? -1 : key == KEY_DOWN ? 1 : 0;
        int s = spatial(a, i, dx, dy);
        next = s >= 0 ? s : i;
        break;
    }
    case KEY_PAGEUP:
    case KEY_PAGEDOWN:
        if (a->targets[i].sc) {
            struct scroll *sc = a->targets[i].sc;
            sc->y += (key == KEY_PAGEDOWN ? 1.0f : -1.0f) * (float)sc->view.h * 0.8f;
            clamp_scroll(sc);
        }
        return;
    case KEY_ENTER: {
        char id[UI_ID_LEN];
        snprintf(id, sizeof(id), "%s", a->targets[i].id);
        ui_activate(a, id);
        return;
    }
    default:
        return;
    }
    snprintf(a->focus, sizeof(a->focus), "%s", a->targets[next].id);
    scroll_into_view(a, &a->targets[next]);
}

void ui_handle(struct app *a, const struct input_event *in)
{
    /* The screen's schedule: a touch while off only wakes it. */
    struct input_event shifted = *in;
    const struct input_event *ev = &shifted;
    if (display_input(a, &shifted))
        return;
    if (ev->kind != INPUT_EXPOSE && ev->kind != INPUT_RESIZE) {
        int left = idle_left_ms(a);
        /* The feedback offered during the countdown: the tap must meet it
         * before the countdown (and the offer) goes away. */
        const struct ui_target *offer = ev->kind == INPUT_PRESS && left >= 0 && left <= IDLE_WARN_MS
                                            ? hit(a, ev->x, ev->y)
                                            : NULL;
        a->last_input_ms = a->ms;
        if (offer && strcmp(offer->id, "feedback") == 0) {
            ui_activate(a, "feedback");
            return;
        }
        if (left >= 0 && left <= IDLE_WARN_MS) {
            a->dirty = true; /* the notice goes away */
            /* ... when the finger lifts, so that its button can be tapped. */
            if (ev->kind == INPUT_PRESS)
                a->idle_notice_held = true;
        }
    }
    /* Input must meet the picture it refers to. */
    if (a->dirty && (ev->kind == INPUT_PRESS || ev->kind == INPUT_KEY))
        ui_render(a, false);
    staff_gesture(a, ev); /* the long press that opens the staff menu */
    switch (ev->kind) {
    case INPUT_QUIT:
        a->quit = true;
        return;
    case INPUT_RESIZE:
        theme_init_modes(&a->theme, a->plat.width, a->plat.height, a->plat.px_per_mm,
                         &a->theme.modes);
        draw_flush(&a->draw);
        text_trim(a->text);
        forget_frame(a);
        return;
    case INPUT_EXPOSE:
        a->dirty = true;
        return;
    case INPUT_KEY:
    case INPUT_TEXT: {
        if (ev->kind == INPUT_KEY && ev->key == KEY_SPEECH) {
            ui_speech_toggle(a);
            return;
        }
        struct screen *s = &a->stack[a->depth - 1];
        if (s->ops->input && s->ops->input(a, s->st, ev)) {
            a->dirty = true;
            return;
        }
        if (ev->kind == INPUT_KEY)
            handle_key(a, ev->key);
        return;
    }
    case INPUT_PRESS: {
        if (a->show_focus) {
            a->show_focus = false;
            a->dirty = true;
        }
        a->down = true;
        a->dragging = false;
        a->stopped_fling = false;
        a->down_x = ev->x;
        a->down_y = a->last_y = ev->y;
        a->last_ms = a->ms;
        a->drag = scroll_at(a, ev->x, ev->y);
        if (a->drag && a->drag->vel != 0) {
            a->drag->vel = 0; /* a touch stops a fling, and is no tap */
            a->stopped_fling = true;
        }
        const struct ui_target *t = a->stopped_fling ? NULL : hit(a, ev->x, ev->y);
        struct screen *top = &a->stack[a->depth - 1];
        if (!t && !a->drag && top->ops->touch && top->ops->touch(a, top->st, ev->x, ev->y)) {
            a->down = false;
            a->pressed[0] = '\0';
            a->dirty = true;
            return;
        }
        snprintf(a->pressed, sizeof(a->pressed), "%s", t ? t->id : "");
        if (t)
            a->dirty = true;
        return;
    }
    case INPUT_MOVE: {
        if (!a->down)
            return;
        int dy = ev->y - a->down_y, dx = ev->x - a->down_x;
        if (!a->dragging && a->drag && abs(dy) > a->theme.drag_slop) {
            /* From here on the content follows the finger. */
            a->dragging = true;
            a->drag_from = a->drag->y;
            a->down_y = ev->y;
            a->drag->vel = 0;
            a->dirty = true;
        }
        if (a->dragging) {
            uint32_t dt = a->ms - a->last_ms;
            a->drag->y = a->drag_from - (float)(ev->y - a->down_y);
            clamp_scroll(a->drag);
            if (dt > 0) {
                float v = (float)(a->last_y - ev->y) / (float)dt;
                a->drag->vel = 0.7f * v + 0.3f * a->drag->vel;
            }
            a->last_y = ev->y;
            a->last_ms = a->ms;
            a->dirty = true;
        } else if (a->pressed[0] &&
                   (abs(dx) > a->theme.drag_slop * 2 || abs(dy) > a->theme.drag_slop * 2)) {
            a->pressed[0] = '\0'; /* slid off: no tap */
            a->dirty = true;
        }
        return;
    }
    case INPUT_RELEASE: {
        if (a->idle_notice_held) {
            a->idle_notice_held = false;
            a->dirty = true;
        }
        if (!a->down)
            return;
        a->down = false;
        if (a->dragging) {
            a->dragging = false;
            /* A finger that stopped before lifting does not fling; with
             * reduced motion nothing does. */
            if (a->ms - a->last_ms > 100 || fabsf(a->drag->vel) < FLING_MIN_VEL ||
                a->theme.modes.reduced_motion)
                a->drag->vel = 0;
            a->pressed[0] = '\0';
            a->dirty = true;
            return;
        }
        if (a->drag)
            a->drag->vel = 0;
        char id[UI_ID_LEN];
        snprintf(id, sizeof(id), "%s", a->pressed);
        a->pressed[0] = '\0';
        const struct ui_target *t = id[0] ? hit(a, ev->x, ev->y) : NULL;
        if (t && strcmp(t->id, id) == 0)
            ui_activate(a, id);
        a->dirty = true;
        return;
    }
    default:
        return;
    }
}

int ui_tick(struct app *a)
{
    /* A clock set first: the screen's hours are decided on the new time. */
    check_clock(a);
    /* Outside the screen's hours nothing else runs. */
    bool off;
    int next = display_tick(a, &off);
    if (off)
        return next;
    static const int frame = FLING_FRAME_MS;
    /* Inertia. */
    for (int i = 0; i < a->nscrolls; i++) {
        struct scroll *sc = a->scrolls[i];
        if (sc->vel == 0 || (a->dragging && a->drag == sc))
            continue;
        uint32_t dt = a->ms - a->last_ms;
        a->last_ms = a->ms;
        if (dt > 100)
            dt = frame;
        sc->y += sc->vel * (float)dt;
        if (a->theme.fling_decay_ms > 0)
            sc->vel *= expf(-(float)dt / a->theme.fling_decay_ms);
        else
            sc->vel = 0;
        if (fabsf(sc->vel) < FLING_MIN_VEL)
            sc->vel = 0;
        clamp_scroll(sc);
        a->dirty = true;
        if (sc->vel != 0 && (next < 0 || frame < next))
            next = frame;
    }
    /* The minute tick. */
    int64_t now = ui_now(a);
    if (now / 60 != a->shown_minute) {
        a->shown_minute = now / 60;
        a->dirty = true;
    }
    int to_minute = (int)(60 - now % 60) * 1000;
    if (next < 0 || to_minute < next)
        next = to_minute;
    /* Idle reset: a countdown, then home in the default language. */
    int left = idle_left_ms(a);
    if (left >= 0) {
        if (left <= 0) {
            ui_end_visit(a);
        } else {
            int wait = left > IDLE_WARN_MS ? left - IDLE_WARN_MS : (left - 1) % 1000 + 1;
            if (left <= IDLE_WARN_MS)
                a->dirty = true;
            if (wait < next)
                next = wait;
        }
    }
    /* The staff menu's long press. */
    int hold = staff_gesture_tick(a);
    if (hold >= 0 && (next < 0 || hold < next))
        next = hold;
    /* Print results and the content banner go away by themselves. */
    int notice = notice_tick(a);
    if (notice >= 0 && (next < 0 || notice < next))
        next = notice;
    struct screen *s = &a->stack[a->depth - 1];
    if (a->wake_ms && (int32_t)(a->wake_ms - a->ms) <= 0)
        a->wake_ms = 0;
    if (s->ops->update && s->ops->update(a, s->st))
        a->dirty = true;
    if (a->wake_ms) { /* a screen's timer */
        int w = (int)(int32_t)(a->wake_ms - a->ms);
        if (next < 0 || w < next)
            next = w;
    }
    return next;
}

/* The loop's clock: SDL ticks, or a script's clock that runs on from
 * where the script left it. */
static uint32_t loop_ticks(const struct app *a)
{
    return SDL_GetTicks() + a->ms_skew;
}

static bool clock_event(struct app *a, const SDL_Event *ev)
{
    /* Only a wake-up: the tick that follows sees the set (check_clock). */
    return a->clockwatch && ev->type == clockwatch_event_type(a->clockwatch);
}

static void watch_clock(struct app *a)
{
    if (a->clockwatch || a->frozen)
        return;
    char err[256];
    a->clockwatch = clockwatch_start(err, sizeof(err));
    if (!a->clockwatch)
        LOG_WARN("clock: %s; a clock set shows within a minute", err);
}

/* The first half of a turn of the loop: timers, the clock and a frame if
 * something changed. Returns ms until the next wake-up is needed (-1:
 * none). */
static int loop_frame(struct app *a)
{
    a->ms = loop_ticks(a);
    int next = ui_tick(a);
    ui_render(a, false);
    /* Pinged only from here: a loop that hangs stops the pings. */
    int ping = notify_watchdog(&a->notify, a->ms);
    if (ping >= 0 && (next < 0 || ping < next))
        next = ping;
    return next;
}

/* The second half: sleeps until then or an event, and handles the events. */
static void loop_wait(struct app *a, int next)
{
    /* Housekeeping while nothing waits: not in a frame's time. */
    if (!SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT))
        text_idle(a->text);
    SDL_Event ev;
    int got = SDL_WaitEventTimeout(&ev, next < 0 ? 60000 : next);
    a->wakeups++;
    if (got) {
        do {
            struct input_event in;
            a->ms = loop_ticks(a);
            if (!ui_content_event(a, &ev) && !ui_print_event(a, &ev) && !ui_banner_event(a, &ev) &&
                !staff_request_event(a, &ev) && !clock_event(a, &ev) &&
                platform_translate(&a->plat, &ev, &in))
                ui_handle(a, &in);
        } while (!a->quit && SDL_PollEvent(&ev));
    }
}

int ui_run(struct app *a)
{
    a->ms_skew = 0;
    a->ms = loop_ticks(a);
    a->last_input_ms = a->ms;
    watch_clock(a);
    ui_render(a, true);
    notify_init(&a->notify);
    notify_send(&a->notify, "READY=1");
    while (!a->quit)
        loop_wait(a, loop_frame(a));
    notify_send(&a->notify, "STOPPING=1");
    notify_close(&a->notify);
    return 0;
}

bool ui_clock_wait(struct app *a, int ms)
{
    watch_clock(a);
    unsigned long seen = a->clock_sets;
    a->ms_skew = a->ms - SDL_GetTicks();
    uint32_t end = SDL_GetTicks() + (uint32_t)ms;
    for (;;) {
        int next = loop_frame(a);
        int left = (int)(end - SDL_GetTicks());
        if (a->quit || a->clock_sets != seen || left <= 0)
            break;
        loop_wait(a, next < 0 || left < next ? left : next);
    }
    return a->clock_sets != seen;
}
