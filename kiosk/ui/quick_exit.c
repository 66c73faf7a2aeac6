/* quick_exit: the close button of sensitive pages; see quick_exit.h. */
#include "ui/quick_exit.h"
#include "ui/widget.h"

#include <string.h>

static SDL_Rect button_rect(struct app *a, const char *label)
{
    const struct theme *th = &a->theme;
    int w = widget_button_width(a, label, "cross") + 2 * th->pad;
    int h = th->button_h + th->gap;
    return (SDL_Rect){th->w - th->margin - w, th->h - th->margin - h, w, h};
}

int quick_exit_reserve(const struct app *a)
{
    const struct theme *th = &a->theme;
    return th->button_h + th->gap + th->margin;
}

void quick_exit_draw(struct app *a)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    const char *label = ui_str(a, S_QUICK_EXIT);
    SDL_Rect r = button_rect(a, label);
    /* A light edge keeps it apart from whatever is scrolled under it. */
    int edge = th->ring;
    SDL_Rect outer = {r.x - edge, r.y - edge, r.w + 2 * edge, r.h + 2 * edge};
    draw_rrect(d, outer, th->radius + edge, draw_color(d, COL_SURFACE));
    draw_rrect(d, r, th->radius, draw_color(d, COL_EXIT_BG));
    int is = th->icon;
    struct text_style st = draw_style(d, th->fs_subheading, TEXT_BOLD, COL_ON_PRIMARY, 0);
    st.max_lines = 1;
    int tw = text_width(a->text, label, th->fs_subheading, TEXT_BOLD);
    int x = r.x + (r.w - is - th->gap_small - tw) / 2;
    draw_icon(d, "cross", (SDL_Rect){x, r.y + (r.h - is) / 2, is, is},
              draw_color(d, COL_ON_PRIMARY));
    int lh = draw_text_height(d, label, &st);
    draw_text(d, label, &st, x + is + th->gap_small, r.y + (r.h - lh) / 2);
    ui_target(a, QUICK_EXIT_ID, r, th->radius);
    ui_target_label(a, QUICK_EXIT_ID, label);
}

void quick_exit_activate(struct app *a)
{
    /* As if nobody had been here: not even the language chosen stays. */
    ui_end_visit(a);
    ui_reload(a); /* home afresh: its scroll position goes too */
    a->focus[0] = '\0';
}
