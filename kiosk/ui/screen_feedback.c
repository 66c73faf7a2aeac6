/* screen_feedback: the families' voice — one short question from the
 * content ("Löysitkö tarvitsemasi?") answered with 3 to 5 large faces;
 * after a less than happy answer, optionally "I could not find..." with the
 * category tiles; then thanks, and home. Each answer and topic is counted
 * anonymously (STATS_FEEDBACK, STATS_FEEDBACK_TOPIC): which button, never
 * who or when within the day. Also the home screen's small buttons to
 * this screen and to the about screen, and the offer during the idle
 * countdown. Owns the question and category view models. */
#include "ui/screens.h"
#include "ui/widget.h"
#include "domain/catalog.h"
#include "domain/voice.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THANKS_MS 8000 /* the thanks stay this long, then home */

enum fb_step { FB_ASK, FB_TOPICS, FB_THANKS };

struct feedback {
    struct voice_question q;
    struct catalog_site site; /* categories for the topic tiles */
    enum fb_step step;
    uint32_t thanks_ms;
    struct scroll sc;
};

bool feedback_offered(struct app *a)
{
    return a->feedback && a->content && voice_has_question(a->content);
}

static void *feedback_enter(struct app *a, const char *arg)
{
    (void)arg;
    struct feedback *f = xcalloc(1, sizeof(*f));
    voice_question_load(a->content, a->lang, &f->q);
    if (f->q.topics)
        catalog_site_load(a->content, a->lang, &f->site);
    return f;
}

static void feedback_leave(struct app *a, void *st)
{
    (void)a;
    struct feedback *f = st;
    voice_question_free(&f->q);
    catalog_site_free(&f->site);
    free(f);
}

static void thank(struct app *a, struct feedback *f)
{
    f->step = FB_THANKS;
    f->thanks_ms = a->ms;
    a->wake_ms = a->ms + THANKS_MS; /* (0 only if the clock wraps there) */
    a->focus[0] = '\0';
}

static bool feedback_action(struct app *a, void *st, const char *id)
{
    struct feedback *f = st;
    if (f->step == FB_ASK && strncmp(id, "answer:", 7) == 0) {
        for (size_t i = 0; i < f->q.nanswers; i++) {
            const struct voice_answer *an = &f->q.answers[i];
            if (strcmp(an->id, id + 7) != 0)
                continue;
            ui_count(a, STATS_FEEDBACK, an->id);
            /* The happiest answers found what they came for. */
            if (f->q.topics && f->site.ncats && an->face <= 3) {
                f->step = FB_TOPICS;
                a->focus[0] = '\0';
            } else {
                thank(a, f);
            }
            return true;
        }
        return true;
    }
    if (f->step == FB_TOPICS && strncmp(id, "topic:", 6) == 0) {
        for (size_t i = 0; i < f->site.ncats; i++) {
            if (strcmp(f->site.cats[i].id, id + 6) == 0) {
                ui_count(a, STATS_FEEDBACK_TOPIC, f->site.cats[i].id);
                break;
            }
        }
        thank(a, f);
        return true;
    }
    if (f->step == FB_TOPICS && strcmp(id, "feedback:skip") == 0) {
        thank(a, f);
        return true;
    }
    return false;
}

static bool feedback_update(struct app *a, void *st)
{
    struct feedback *f = st;
    if (f->step == FB_THANKS && a->ms - f->thanks_ms >= THANKS_MS) {
        ui_go_home(a); /* frees f: nothing after this */
        return true;
    }
    return false;
}

/* Tile colours of the faces, from unhappy to happy. */
static enum theme_color face_color(int face)
{
    static const enum theme_color c[5] = {COL_TILE_BG_4, COL_TILE_BG_2, COL_TILE_BG_3,
                                          COL_TILE_BG_0, COL_TILE_BG_5};
    return c[(face < 1 ? 1 : face > 5 ? 5 : face) - 1];
}

static void draw_ask(struct app *a, struct feedback *f, int top)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int w = th->w - 2 * th->margin;
    int n = (int)f->q.nanswers;
    if (n == 0)
        return;
    struct text_style qs = draw_style(d, th->fs_title, TEXT_BOLD, COL_TEXT, w);
    qs.align = TEXT_CENTER;
    int qh = draw_text_height(d, f->q.text.s, &qs) + th->pad * 2;
    struct text_style ns = draw_style(d, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, w);
    ns.align = TEXT_CENTER;
    int note_h = draw_text_height(d, ui_str(a, S_FB_ANON), &ns);
    int avail_h = th->h - top - th->pad * 2 - qh - note_h - th->pad * 3;
    int bw = (w - (n - 1) * th->gap) / n;
    int label_h = text_line_height(a->text, th->fs_subheading) * 2;
    int face = bw - 2 * th->pad;
    if (face > avail_h - label_h - 3 * th->pad)
        face = avail_h - label_h - 3 * th->pad;
    if (face > th->tile_disc * 3)
        face = th->tile_disc * 3;
    if (face < th->icon)
        face = th->icon;
    int bh = face + label_h + 3 * th->pad;
    if (bw > face * 2)
        bw = face * 2;
    int x0 = (th->w - (n * bw + (n - 1) * th->gap)) / 2;
    /* The question, the faces and the note, a little above the middle. */
    int spare = avail_h - bh;
    int y = top + th->pad * 2 + (spare > 0 ? spare / 3 : 0);
    draw_text(d, f->q.text.s, &qs, th->margin, y);
    y += qh;
    for (int i = 0; i < n; i++) {
        const struct voice_answer *an = &f->q.answers[i];
        SDL_Rect r = {x0 + i * (bw + th->gap), y, bw, bh};
        char id[UI_ID_LEN];
        snprintf(id, sizeof(id), "answer:%s", an->id);
        draw_card(d, r, COL_SURFACE);
        SDL_Rect disc = {r.x + (bw - face) / 2, r.y + th->pad, face, face};
        draw_rrect(d, disc, face / 2, draw_color(d, face_color(an->face)));
        char icon[16];
        snprintf(icon, sizeof(icon), "face-%d", an->face);
        int inner = face * 5 / 6;
        draw_icon(
            d, icon,
            (SDL_Rect){disc.x + (face - inner) / 2, disc.y + (face - inner) / 2, inner, inner},
            draw_color(d, COL_TILE_FG));
        struct text_style ls =
            draw_style(d, th->fs_subheading, TEXT_BOLD, COL_TEXT, bw - 2 * th->gap_small);
        ls.align = TEXT_CENTER;
        ls.max_lines = 2;
        int lh = draw_text_height(d, an->text.s, &ls);
        draw_text(d, an->text.s, &ls, r.x + th->gap_small,
                  disc.y + face + th->pad + (label_h - lh) / 2);
        ui_target(a, id, r, th->radius);
    }
    draw_text(d, ui_str(a, S_FB_ANON), &ns, th->margin, y + bh + th->pad * 2);
}

static void draw_topics(struct app *a, struct feedback *f, int top)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int w = th->w - 2 * th->margin;
    const char *skip = ui_str(a, S_FB_SKIP);
    int sw = widget_button_width(a, skip, "forward");
    struct text_style hs = draw_style(d, th->fs_heading, TEXT_BOLD, COL_TEXT, w - sw - th->gap);
    int hh = draw_text_height(d, f->q.topics_text.s, &hs);
    int rowh = hh > th->button_h ? hh : th->button_h;
    int y = top + th->pad;
    draw_text(d, f->q.topics_text.s, &hs, th->margin, y + (rowh - hh) / 2);
    widget_button(
        a, "feedback:skip",
        (SDL_Rect){th->w - th->margin - sw, y + (rowh - th->button_h) / 2, sw, th->button_h}, skip,
        "forward", W_SECONDARY);
    y += rowh + th->pad;
    SDL_Rect view = {0, y, th->w, th->h - y};
    int off = ui_scroll_begin(a, &f->sc, view);
    int cols = th->portrait || th->compact ? 2 : 3;
    int tw = (w - (cols - 1) * th->gap) / cols;
    int tile_h = th->tile_disc + 2 * th->pad;
    int ty0 = y + th->pad + off;
    for (size_t i = 0; i < f->site.ncats; i++) {
        const struct catalog_category *c = &f->site.cats[i];
        SDL_Rect r = {th->margin + (int)(i % (size_t)cols) * (tw + th->gap),
                      ty0 + (int)(i / (size_t)cols) * (tile_h + th->gap), tw, tile_h};
        char id[UI_ID_LEN];
        snprintf(id, sizeof(id), "topic:%s", c->id);
        ui_target(a, id, r, th->radius);
        if (!ui_visible(a, r))
            continue;
        draw_card(d, r, COL_SURFACE);
        SDL_Rect disc = {r.x + th->pad, r.y + th->pad, th->tile_disc, th->tile_disc};
        draw_rrect(d, disc, th->tile_disc / 2,
                   draw_color(d, COL_TILE_BG_0 + (int)(i % THEME_TILE_COLORS)));
        int ic = th->tile_disc * 3 / 5;
        draw_icon(d, c->icon[0] ? c->icon : "dot",
                  (SDL_Rect){disc.x + (disc.w - ic) / 2, disc.y + (disc.h - ic) / 2, ic, ic},
                  draw_color(d, COL_TILE_FG));
        int lx = disc.x + disc.w + th->gap;
        struct text_style ns =
            draw_style(d, th->fs_subheading, TEXT_BOLD, COL_TEXT, r.x + r.w - th->pad - lx);
        ns.max_lines = 2;
        int nh = draw_text_height(d, c->name.s, &ns);
        draw_text(d, c->name.s, &ns, lx, r.y + (r.h - nh) / 2);
    }
    size_t rows = (f->site.ncats + (size_t)cols - 1) / (size_t)cols;
    ui_scroll_end(a, &f->sc, (int)rows * (tile_h + th->gap) + 2 * th->pad);
}

static void draw_thanks(struct app *a, int top)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int w = th->w - 2 * th->margin;
    if (w > th->max_line)
        w = th->max_line;
    int face = th->tile_disc * 2;
    struct text_style ts = draw_style(d, th->fs_title, TEXT_BOLD, COL_TEXT, w);
    ts.align = TEXT_CENTER;
    const char *msg = ui_str(a, S_FB_THANKS);
    int mh = draw_text_height(d, msg, &ts);
    const char *home = ui_str(a, S_HOME);
    int hw = widget_button_width(a, home, "home");
    int total = face + th->pad * 2 + mh + th->pad * 2 + th->button_h;
    int y = top + (th->h - top - total) / 2;
    SDL_Rect disc = {(th->w - face) / 2, y, face, face};
    draw_rrect(d, disc, face / 2, draw_color(d, face_color(5)));
    int inner = face * 5 / 6;
    draw_icon(d, "face-5",
              (SDL_Rect){disc.x + (face - inner) / 2, disc.y + (face - inner) / 2, inner, inner},
              draw_color(d, COL_TILE_FG));
    y += face + th->pad * 2;
    draw_text(d, msg, &ts, (th->w - w) / 2, y);
    y += mh + th->pad * 2;
    widget_button(a, "home", (SDL_Rect){(th->w - hw) / 2, y, hw, th->button_h}, home, "home",
                  W_PRIMARY);
}

static void feedback_draw(struct app *a, void *st)
{
    struct feedback *f = st;
    int top = widget_header(a, ui_str(a, S_FB_BUTTON), NULL);
    switch (f->step) {
    case FB_ASK:
        draw_ask(a, f, top);
        break;
    case FB_TOPICS:
        draw_topics(a, f, top);
        break;
    case FB_THANKS:
        draw_thanks(a, top);
        break;
    }
}

const struct screen_ops screen_feedback = {
    .name = "feedback",
    .enter = feedback_enter,
    .action = feedback_action,
    .update = feedback_update,
    .draw = feedback_draw,
    .leave = feedback_leave,
};

int feedback_home_buttons(struct app *a, int right, int height)
{
    const struct theme *th = &a->theme;
    bool labels = !th->compact && !th->portrait;
    int bh = th->button_h, y = (height - bh) / 2;
    int aw = bh, used = aw;
    /* Registered in reading order (feedback, then about) for the keypad. */
    if (feedback_offered(a)) {
        const char *fb = ui_str(a, S_FB_BUTTON);
        int fw = labels ? widget_button_width(a, fb, "face-4") : bh;
        used += fw + th->gap_small;
        widget_button(a, "feedback", (SDL_Rect){right - used, y, fw, bh}, labels ? fb : NULL,
                      "face-4", W_HEADER);
        if (!labels)
            ui_target_label(a, "feedback", fb);
    }
    widget_button(a, "about", (SDL_Rect){right - aw, y, aw, bh}, NULL, "info", W_HEADER);
    ui_target_label(a, "about", ui_str(a, S_ABOUT)); /* an icon only: speech says what */
    return used;
}

void feedback_idle_offer(struct app *a, int bottom)
{
    const struct ui_target *t = ui_find_target(a, "feedback");
    if (t || a->stack[a->depth - 1].ops == &screen_feedback || !feedback_offered(a))
        return;
    const struct theme *th = &a->theme;
    const char *fb = ui_str(a, S_FB_BUTTON);
    int fw = widget_button_width(a, fb, "face-4");
    widget_button(a, "feedback",
                  (SDL_Rect){(th->w - fw) / 2, bottom - th->button_h, fw, th->button_h}, fb,
                  "face-4", W_PRIMARY);
}
