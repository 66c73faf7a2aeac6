/* screen_about: "About this screen" — the place, which content it shows
 * (version and date), where the information comes from with each source's
 * licence and attribution, and a privacy note telling families what the
 * screen counts and that nothing about them is stored. Owns the site and
 * about view models. */
#include "ui/screens.h"
#include "ui/widget.h"
#include "domain/catalog.h"
#include "domain/voice.h"
#include "domain/zone.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct about {
    struct catalog_site site;
    struct voice_about ab;
    struct scroll sc;
};

static void *about_enter(struct app *a, const char *arg)
{
    (void)arg;
    struct about *s = xcalloc(1, sizeof(*s));
    catalog_site_load(a->content, a->lang, &s->site);
    voice_about_load(a->content, &s->ab);
    return s;
}

static void about_leave(struct app *a, void *st)
{
    (void)a;
    struct about *s = st;
    catalog_site_free(&s->site);
    voice_about_free(&s->ab);
    free(s);
}

/* A paragraph; returns its height plus the gap after it. */
static int para(struct app *a, const char *text, int x, int y, int w, int size,
                enum text_weight weight, enum theme_color color)
{
    if (!text || !text[0])
        return 0;
    struct draw *d = &a->draw;
    struct text_style st = draw_style(d, size, weight, color, w);
    int h = draw_text_height(d, text, &st);
    if (ui_visible(a, (SDL_Rect){x, y, w, h}))
        draw_text(d, text, &st, x, y);
    return h + a->theme.gap_small;
}

static int draw_sources(struct app *a, struct about *s, int x, int y, int w)
{
    const struct theme *th = &a->theme;
    int h = widget_section(a, x, y, w, ui_str(a, S_ABOUT_SOURCES), "book");
    for (size_t i = 0; i < s->ab.nsources; i++) {
        const struct voice_source *src = &s->ab.sources[i];
        h += th->gap_small;
        h += para(a, src->attribution[0] ? src->attribution : src->name, x, y + h, w, th->fs_body,
                  TEXT_BOLD, COL_TEXT);
        if (src->licence[0]) {
            char line[512];
            str_fill(line, sizeof(line), ui_str(a, S_ABOUT_LICENCE), src->licence, NULL);
            h += para(a, line, x, y + h, w, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED);
        }
    }
    return h;
}

static void about_draw(struct app *a, void *st)
{
    struct about *s = st;
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int top = widget_header(a, ui_str(a, S_ABOUT), NULL);
    SDL_Rect view = {0, top, th->w, th->h - top};
    int off = ui_scroll_begin(a, &s->sc, view);
    int w = th->w - 2 * th->margin;
    bool two = !th->portrait && w >= 2 * th->max_line / 2 + th->gap * 3 && !th->compact;
    int colw = two ? (w - th->gap * 3) / 2 : w;
    if (colw > th->max_line)
        colw = th->max_line;
    int x = th->margin, y = top + th->pad * 2 + off, h = 0;

    /* The place and the content. */
    h += para(a, s->site.name.s, x, y + h, colw, th->fs_heading, TEXT_BOLD, COL_TEXT);
    h += para(a, s->site.tagline.s, x, y + h, colw, th->fs_body, TEXT_REGULAR, COL_TEXT_MUTED);
    char version[32], date[64] = "", line[256];
    snprintf(version, sizeof(version), "%lld", (long long)s->ab.content_version);
    if (s->ab.built_at > 0) {
        struct zone_time zt;
        zone_to_local(a->content->tz, s->ab.built_at, &zt);
        str_date_long(a->lang, zt.days, date, sizeof(date));
    }
    str_fill(line, sizeof(line), ui_str(a, S_ABOUT_CONTENT), version, date);
    h += para(a, line, x, y + h, colw, th->fs_body, TEXT_REGULAR, COL_TEXT);
    h += th->pad;
    int left_h = h + draw_sources(a, s, x, y + h, colw);

    /* Privacy: what is counted, and that nothing about a person is. */
    int px = two ? x + colw + th->gap * 3 : x;
    int py = two ? y : y + left_h + th->pad * 2;
    const char *note = ui_str(a, a->stats ? S_ABOUT_PRIVACY : S_ABOUT_PRIVACY_OFF);
    struct text_style ns = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT, colw - 2 * th->pad);
    const char *ptitle = ui_str(a, S_ABOUT_PRIVACY_TITLE);
    struct text_style ts = draw_style(d, th->fs_subheading, TEXT_BOLD, COL_TEXT,
                                      colw - 2 * th->pad - th->icon - th->gap_small);
    int sec_h = draw_text_height(d, ptitle, &ts);
    sec_h = (sec_h > th->icon ? sec_h : th->icon) + th->gap;
    int card_h = 2 * th->pad + sec_h + draw_text_height(d, note, &ns);
    SDL_Rect card = {px, py, colw, card_h};
    if (ui_visible(a, card)) {
        draw_card(d, card, COL_SURFACE);
        widget_section(a, px + th->pad, py + th->pad, colw - 2 * th->pad, ptitle, "heart");
        draw_text(d, note, &ns, px + th->pad, py + th->pad + sec_h);
    }
    int right_h = two ? card_h : left_h + th->pad * 2 + card_h;
    int content_h = (left_h > right_h ? left_h : right_h) + th->pad * 4;
    ui_scroll_end(a, &s->sc, content_h);
}

const struct screen_ops screen_about = {
    .name = "about",
    .enter = about_enter,
    .draw = about_draw,
    .leave = about_leave,
};
