/* summary: the weekly picture of the counters; see summary.h. */
#include "ui/summary.h"
#include "ui/draw.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "domain/catalog.h"
#include "domain/voice.h"
#include "base/civil.h"
#include "text/text.h"

#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOP_N     8
#define MM_PER_PX 0.25f /* the picture is laid out as a 400 mm wide screen */

bool summary_parse_week(const char *week, char from[11], char to[11])
{
    int year, wk;
    char tail;
    if (strlen(week) != 8 || sscanf(week, "%4d-W%2d%c", &year, &wk, &tail) != 2 || year < 1970 ||
        wk < 1 || week[4] != '-' || week[5] != 'W')
        return false;
    /* Week 1 holds 4 January; a year has 53 weeks when 28 December is in week 53. */
    int64_t jan4 = civil_to_days(year, 1, 4);
    int64_t monday1 = jan4 - (civil_weekday(year, 1, 4) - 1);
    int64_t dec28 = civil_to_days(year, 12, 28);
    int weeks = (int)((dec28 - monday1) / 7) + 1;
    if (wk > weeks)
        return false;
    int64_t mon = monday1 + (int64_t)(wk - 1) * 7;
    civil_format(civil_from_days(mon), from);
    civil_format(civil_from_days(mon + 6), to);
    return true;
}

/* Names for the keys of one panel: the content's when it has them. */
struct names {
    struct catalog_site site;
    struct voice_question q;
    struct content *c;
};

static const char *name_of(const struct names *nm, enum stats_kind kind, const char *key, int *face)
{
    *face = 0;
    if (!nm->c)
        return key;
    if (kind == STATS_CATEGORY || kind == STATS_FEEDBACK_TOPIC) {
        for (size_t i = 0; i < nm->site.ncats; i++)
            if (strcmp(nm->site.cats[i].id, key) == 0)
                return nm->site.cats[i].name.s;
    } else if (kind == STATS_LANGUAGE) {
        const struct content_lang *l = content_lang(nm->c, key);
        if (l)
            return l->native;
    } else if (kind == STATS_FEEDBACK) {
        for (size_t i = 0; i < nm->q.nanswers; i++) {
            if (strcmp(nm->q.answers[i].id, key) == 0) {
                *face = nm->q.answers[i].face;
                return nm->q.answers[i].text.s;
            }
        }
    }
    return key;
}

/* One card of bars; returns nothing: it fills r. */
static void panel(struct draw *d, const struct theme *th, const char *lang, SDL_Rect r,
                  const char *title, const struct stats_row *rows, size_t n, const struct names *nm,
                  enum stats_kind kind)
{
    draw_card(d, r, COL_SURFACE);
    int x = r.x + th->pad, w = r.w - 2 * th->pad, y = r.y + th->pad;
    struct text_style ts = draw_style(d, th->fs_subheading, TEXT_BOLD, COL_TEXT, w);
    ts.max_lines = 1;
    draw_text(d, title, &ts, x, y);
    y += draw_text_height(d, title, &ts) + th->gap;
    if (n == 0) {
        struct text_style es = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT_MUTED, w);
        draw_text(d, str_get(lang, S_SUM_EMPTY), &es, x, y);
        return;
    }
    int64_t max = rows[0].n > 0 ? rows[0].n : 1;
    int row_h = text_line_height(d->text, th->fs_body) + th->gap_small;
    int avail = r.y + r.h - th->pad - y;
    int per = row_h * 2 + th->gap_small;
    for (size_t i = 0; i < n && per <= avail; i++) {
        int face;
        const char *label = name_of(nm, kind, rows[i].key, &face);
        int lx = x;
        if (face) {
            char icon[16];
            snprintf(icon, sizeof(icon), "face-%d", face);
            draw_icon(d, icon, (SDL_Rect){x, y, row_h - th->gap_small, row_h - th->gap_small},
                      draw_color(d, COL_TEXT));
            lx += row_h;
        }
        struct text_style ls = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT, x + w - lx);
        ls.max_lines = 1;
        draw_text(d, label, &ls, lx, y);
        char num[32];
        snprintf(num, sizeof(num), "%lld", (long long)rows[i].n);
        int nw = text_width(d->text, num, th->fs_body, TEXT_BOLD);
        int bar_max = w - nw - th->gap;
        int bw = (int)((double)bar_max * (double)rows[i].n / (double)max);
        if (bw < th->rule)
            bw = th->rule;
        int by = y + row_h;
        draw_rrect(d, (SDL_Rect){x, by, bw, row_h - th->gap_small}, th->radius_small / 2,
                   draw_color(d, COL_TILE_BG_0 + (int)(i % THEME_TILE_COLORS)));
        draw_rect(d, (SDL_Rect){x, by, th->rule * 2, row_h - th->gap_small},
                  draw_color(d, COL_PRIMARY));
        struct text_style cs = draw_style(d, th->fs_body, TEXT_BOLD, COL_TEXT, 0);
        draw_text(d, num, &cs, x + bw + th->gap, by + (row_h - th->gap_small - row_h) / 2);
        y += per;
        avail -= per;
    }
}

SDL_Surface *summary_render(struct stats *st, struct content *c, const char *week, const char *from,
                            const char *to, const char *lang, int w, int h, const char *font_dir,
                            char *err, size_t cap)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = s ? SDL_CreateSoftwareRenderer(s) : NULL;
    bool ttf = false;
    struct text *text = NULL;
    if (!ren) {
        snprintf(err, cap, "cannot make a %dx%d picture: %s", w, h, SDL_GetError());
        goto fail;
    }
    if (!TTF_WasInit()) {
        if (TTF_Init() != 0) {
            snprintf(err, cap, "cannot start the font library: %s", TTF_GetError());
            goto fail;
        }
        ttf = true;
    }
    text = text_new(ren, font_dir, err, cap);
    if (!text)
        goto fail;
    struct theme th;
    theme_init(&th, w, h, 1.0f / MM_PER_PX);
    struct draw d;
    draw_init(&d, ren, text, &th);
    str_use_content(c, lang);

    struct names nm;
    memset(&nm, 0, sizeof(nm));
    nm.c = c;
    if (c) {
        catalog_site_load(c, lang, &nm.site);
        voice_question_load(c, lang, &nm.q);
    }

    draw_clear(&d, COL_BG);
    /* The band: the week and its dates, the place, the totals. */
    int band = th.header_h + th.pad;
    draw_rect(&d, (SDL_Rect){0, 0, w, band}, draw_color(&d, COL_PRIMARY));
    char title[128], line[256], range[64], a1[32], a2[32];
    str_fill(title, sizeof(title), str_get(lang, S_SUM_TITLE), week, NULL);
    struct civil_date f, t;
    if (civil_parse_date(from, &f) && civil_parse_date(to, &t))
        str_date_range(lang, civil_to_days(f.year, f.month, f.day),
                       civil_to_days(t.year, t.month, t.day), range, sizeof(range));
    else
        snprintf(range, sizeof(range), "%s – %s", from, to);
    if (nm.site.name.s && nm.site.name.s[0])
        snprintf(line, sizeof(line), "%s · %s", range, nm.site.name.s);
    else
        snprintf(line, sizeof(line), "%s", range);
    struct text_style hs = draw_style(&d, th.fs_heading, TEXT_BOLD, COL_ON_PRIMARY, w / 2);
    struct text_style ls = draw_style(&d, th.fs_body, TEXT_REGULAR, COL_ON_PRIMARY_2, w / 2);
    hs.max_lines = ls.max_lines = 1;
    int hh = draw_text_height(&d, title, &hs), lh = draw_text_height(&d, line, &ls);
    draw_text(&d, title, &hs, th.margin, (band - hh - lh) / 2);
    draw_text(&d, line, &ls, th.margin, (band - hh - lh) / 2 + hh);
    snprintf(a1, sizeof(a1), "%lld", (long long)stats_sum(st, STATS_SCREEN, from, to));
    snprintf(a2, sizeof(a2), "%lld", (long long)stats_sum(st, STATS_SEARCH, from, to));
    str_fill(line, sizeof(line), str_get(lang, S_SUM_TOTALS), a1, a2);
    struct text_style tt = draw_style(&d, th.fs_body, TEXT_BOLD, COL_ON_PRIMARY, w / 2 - th.margin);
    tt.align = TEXT_END;
    tt.max_lines = 2;
    int tth = draw_text_height(&d, line, &tt);
    draw_text(&d, line, &tt, w / 2, (band - tth) / 2);

    /* Three cards: categories, languages, feedback (with topics below). */
    struct stats_row rows[TOP_N];
    int gap = th.gap * 2;
    int cw = (w - 2 * th.margin - 2 * gap) / 3;
    int top = band + gap, ch = h - top - th.margin;
    size_t n = stats_top(st, STATS_CATEGORY, from, to, rows, TOP_N);
    panel(&d, &th, lang, (SDL_Rect){th.margin, top, cw, ch}, str_get(lang, S_SUM_CATEGORIES), rows,
          n, &nm, STATS_CATEGORY);
    n = stats_top(st, STATS_LANGUAGE, from, to, rows, TOP_N);
    panel(&d, &th, lang, (SDL_Rect){th.margin + cw + gap, top, cw, ch},
          str_get(lang, S_SUM_LANGUAGES), rows, n, &nm, STATS_LANGUAGE);
    int fx = th.margin + 2 * (cw + gap), fh = (ch - gap) / 2;
    n = stats_top(st, STATS_FEEDBACK, from, to, rows, 5);
    panel(&d, &th, lang, (SDL_Rect){fx, top, cw, fh}, str_get(lang, S_SUM_FEEDBACK), rows, n, &nm,
          STATS_FEEDBACK);
    n = stats_top(st, STATS_FEEDBACK_TOPIC, from, to, rows, 4);
    panel(&d, &th, lang, (SDL_Rect){fx, top + fh + gap, cw, ch - fh - gap},
          str_get(lang, S_SUM_TOPICS), rows, n, &nm, STATS_FEEDBACK_TOPIC);
    SDL_RenderPresent(ren);

    catalog_site_free(&nm.site);
    voice_question_free(&nm.q);
    draw_free(&d);
    text_free(text);
    SDL_DestroyRenderer(ren);
    if (ttf)
        TTF_Quit();
    return s;
fail:
    text_free(text);
    if (ren)
        SDL_DestroyRenderer(ren);
    if (ttf)
        TTF_Quit();
    SDL_FreeSurface(s);
    return NULL;
}
