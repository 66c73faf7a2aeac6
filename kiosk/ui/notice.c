/* notice: timed messages over the screen; see notice.h. */
#include "ui/notice.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ui_notice *notice_state(struct app *a)
{
    if (!a->notice)
        a->notice = xcalloc(1, sizeof(*a->notice));
    return a->notice;
}

void notice_show(struct app *a, enum notice_slot slot, enum notice_kind kind, const char *text,
                 int ms)
{
    struct ui_notice *n = notice_state(a);
    n->slot[slot].on = true;
    n->slot[slot].kind = kind;
    snprintf(n->slot[slot].text, sizeof(n->slot[slot].text), "%s", text);
    n->slot[slot].timed = ms > 0;
    n->slot[slot].until = a->ms + (uint32_t)(ms > 0 ? ms : 0);
    a->dirty = true;
}

void notice_clear(struct app *a, enum notice_slot slot)
{
    if (a->notice && a->notice->slot[slot].on) {
        a->notice->slot[slot].on = false;
        a->dirty = true;
    }
}

const char *notice_text(const struct app *a, enum notice_slot slot)
{
    return a->notice && a->notice->slot[slot].on ? a->notice->slot[slot].text : "";
}

int notice_tick(struct app *a)
{
    int next = -1;
    for (int i = 0; a->notice && i < NOTICE_SLOTS; i++) {
        if (!a->notice->slot[i].on || !a->notice->slot[i].timed)
            continue;
        int32_t left = (int32_t)(a->notice->slot[i].until - a->ms);
        if (left <= 0) {
            notice_clear(a, (enum notice_slot)i);
            continue;
        }
        if (next < 0 || left < next)
            next = left;
    }
    return next;
}

/* The visitor's message: a card across the bottom, coloured by outcome. */
static void draw_visitor(struct app *a, enum notice_kind kind, const char *msg)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    enum theme_color fg = kind == NOTICE_OK      ? COL_OPEN_FG
                          : kind == NOTICE_ERROR ? COL_CLOSED_FG
                                                 : COL_ON_SOFT;
    enum theme_color bg = kind == NOTICE_OK      ? COL_OPEN_BG
                          : kind == NOTICE_ERROR ? COL_CLOSED_BG
                                                 : COL_PRIMARY_SOFT;
    int w = th->w - 2 * th->margin;
    if (w > th->max_line + 2 * th->pad)
        w = th->max_line + 2 * th->pad;
    struct text_style st = draw_style(d, th->fs_subheading, TEXT_BOLD, fg, w - 2 * th->pad);
    st.align = TEXT_CENTER;
    int h = draw_text_height(d, msg, &st) + 2 * th->pad;
    SDL_Rect r = {(th->w - w) / 2, th->h - h - th->margin, w, h};
    draw_card(d, r, bg);
    draw_rring(d, r, th->radius, th->rule, draw_color(d, fg));
    draw_text(d, msg, &st, r.x + th->pad, r.y + th->pad);
}

/* The staff banner: a small strip at the top centre, over the header. */
static void draw_staff(struct app *a, enum notice_kind kind, const char *msg)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    enum theme_color fg = kind == NOTICE_ERROR ? COL_CLOSED_FG
                          : kind == NOTICE_OK  ? COL_OPEN_FG
                                               : COL_WARN_FG;
    enum theme_color bg = kind == NOTICE_ERROR ? COL_CLOSED_BG
                          : kind == NOTICE_OK  ? COL_OPEN_BG
                                               : COL_WARN_BG;
    int w = th->w - 2 * th->margin;
    if (w > th->max_line)
        w = th->max_line;
    struct text_style st = draw_style(d, th->fs_small, TEXT_BOLD, fg, w - 2 * th->gap_small);
    st.align = TEXT_CENTER;
    st.max_lines = 2;
    int h = draw_text_height(d, msg, &st) + th->gap_small;
    SDL_Rect r = {(th->w - w) / 2, th->gap_small, w, h};
    draw_card(d, r, bg);
    draw_text(d, msg, &st, r.x + th->gap_small, r.y + th->gap_small / 2);
}

void notice_draw(struct app *a)
{
    if (!a->notice)
        return;
    if (a->notice->slot[NOTICE_VISITOR].on)
        draw_visitor(a, a->notice->slot[NOTICE_VISITOR].kind, a->notice->slot[NOTICE_VISITOR].text);
    if (a->notice->slot[NOTICE_STAFF].on)
        draw_staff(a, a->notice->slot[NOTICE_STAFF].kind, a->notice->slot[NOTICE_STAFF].text);
}

void notice_free(struct app *a)
{
    free(a->notice);
    a->notice = NULL;
}
