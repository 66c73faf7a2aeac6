/* widget: buttons, header band, badges and text blocks; see widget.h. */
#include "ui/widget.h"

#include <stdio.h>
#include <string.h>

static int max_i(int a, int b)
{
    return a > b ? a : b;
}

int widget_button_width(struct app *a, const char *label, const char *icon)
{
    const struct theme *th = &a->theme;
    int w = 2 * th->pad;
    if (label && label[0])
        w += text_width(a->text, label, th->fs_body, TEXT_BOLD);
    if (icon)
        w += th->icon + (label && label[0] ? th->gap_small : 0);
    return max_i(w, th->target);
}

void widget_button(struct app *a, const char *id, SDL_Rect r, const char *label, const char *icon,
                   enum widget_kind kind)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    enum theme_color bg = COL_PRIMARY, fg = COL_ON_PRIMARY;
    switch (kind) {
    case W_PRIMARY:
        break;
    case W_SECONDARY:
        bg = COL_SURFACE;
        fg = COL_TEXT;
        break;
    case W_HEADER:
        bg = COL_HEADER_BTN;
        break;
    case W_SELECTED:
        bg = COL_PRIMARY_SOFT;
        fg = COL_ON_SOFT;
        break;
    }
    if (kind == W_SECONDARY)
        draw_card(d, r, bg);
    else
        draw_rrect(d, r, th->radius_small, draw_color(d, bg));
    if (kind == W_SECONDARY || kind == W_SELECTED)
        draw_rring(d, r, th->radius_small, th->rule / 2 + 1,
                   draw_color(d, kind == W_SECONDARY ? COL_BORDER : COL_ACCENT));
    else if (th->outline) /* high contrast: filled buttons get an edge too */
        draw_rring(d, r, th->radius_small, th->rule / 2 + 1, draw_color(d, COL_ON_PRIMARY));

    int icon_w = icon ? th->icon : 0;
    int gap = icon && label && label[0] ? th->gap_small : 0;
    int avail = r.w - 2 * th->pad - icon_w - gap;
    if (avail < th->icon)
        avail = r.w - icon_w - gap;
    int text_w = 0;
    struct text_style st = draw_style(d, th->fs_body, TEXT_BOLD, fg, 0);
    st.max_lines = 1;
    if (label && label[0]) {
        text_w = text_width(a->text, label, th->fs_body, TEXT_BOLD);
        if (text_w > avail) {
            /* Too long: two lines if they fit, in a smaller size if need be. */
            st.width = avail;
            st.max_lines = 2;
            /* Measured, not estimated: Arabic lines are taller. */
            if (text_layout(a->text, label, &st)->h > r.h - th->gap_small)
                st.size = th->fs_small;
            if (text_layout(a->text, label, &st)->h > r.h - th->gap_small)
                st.max_lines = 1;
            text_w = text_layout(a->text, label, &st)->w;
        }
    }
    int total = icon_w + gap + text_w;
    int x = r.x + (r.w - total) / 2;
    if (icon) {
        draw_icon(d, icon, (SDL_Rect){x, r.y + (r.h - th->icon) / 2, th->icon, th->icon},
                  draw_color(d, fg));
        x += icon_w + gap;
    }
    if (label && label[0]) {
        int h = draw_text_height(d, label, &st);
        draw_text(d, label, &st, x, r.y + (r.h - h) / 2);
    }
    ui_target(a, id, r, th->radius_small);
    ui_target_label(a, id, label);
}

int widget_header(struct app *a, const char *title, const char *kicker)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int bh = th->button_h;
    int x = th->margin;
    int right = th->w - th->margin;
    const char *back = ui_str(a, S_BACK);
    const char *home = ui_str(a, S_HOME);
    int bw = 0, hw = 0;
    bool icons = false;
    if (a->depth > 1) {
        /* Icons only on a small panel, or when labels would leave the title
         * too little room (large text in portrait). */
        int labelled = widget_button_width(a, back, "back") + widget_button_width(a, home, "home");
        icons = th->compact || right - x - labelled - 2 * th->gap < th->fs_heading * 10;
        bw = icons ? bh : widget_button_width(a, back, "back");
        hw = icons ? bh : widget_button_width(a, home, "home");
        x += bw + th->gap;
        right -= hw + th->gap;
    }
    int tw = right - x;
    struct text_style ks = draw_style(d, th->fs_small, TEXT_REGULAR, COL_ON_PRIMARY_2, tw);
    ks.max_lines = 1;
    struct text_style ts = draw_style(d, th->fs_heading, TEXT_BOLD, COL_ON_PRIMARY, tw);
    ts.max_lines = 1;
    int kh = kicker && kicker[0] ? draw_text_height(d, kicker, &ks) : 0;
    int th_h = draw_text_height(d, title, &ts);
    /* Taller than the theme's header when the lines need it (Arabic's line
     * height in large text): nothing is cut at the top of the screen. */
    int h = max_i(th->header_h, kh + th_h + 2 * th->gap_small);
    draw_rect(d, (SDL_Rect){0, 0, th->w, h}, draw_color(d, COL_PRIMARY));
    if (a->depth > 1) {
        int by = (h - bh) / 2;
        widget_button(a, "back", (SDL_Rect){th->margin, by, bw, bh}, icons ? NULL : back, "back",
                      W_HEADER);
        widget_button(a, "home", (SDL_Rect){th->w - th->margin - hw, by, hw, bh},
                      icons ? NULL : home, "home", W_HEADER);
        if (th->compact) { /* icons only: speech still names them */
            ui_target_label(a, "back", back);
            ui_target_label(a, "home", home);
        }
    }
    ui_screen_title(a, title);
    int y = (h - kh - th_h) / 2;
    if (kh) {
        draw_text(d, kicker, &ks, x, y);
        y += kh;
    }
    draw_text(d, title, &ts, x, y);
    return h;
}

int widget_badge_h(const struct app *a)
{
    return (int)((float)a->theme.fs_small * 1.7f);
}

int widget_badge_width(struct app *a, const char *text, const char *icon)
{
    const struct theme *th = &a->theme;
    int w = 2 * th->gap_small + text_width(a->text, text, th->fs_small, TEXT_BOLD);
    if (icon)
        w += th->fs_small + th->gap_small / 2;
    return w;
}

int widget_badge(struct app *a, int x, int y, const char *text, const char *icon,
                 enum theme_color fg, enum theme_color bg)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int h = widget_badge_h(a);
    int w = widget_badge_width(a, text, icon);
    draw_rrect(d, (SDL_Rect){x, y, w, h}, h / 2, draw_color(d, bg));
    int cx = x + th->gap_small;
    if (icon) {
        int is = th->fs_small;
        draw_icon(d, icon, (SDL_Rect){cx, y + (h - is) / 2, is, is}, draw_color(d, fg));
        cx += is + th->gap_small / 2;
    }
    struct text_style st = draw_style(d, th->fs_small, TEXT_BOLD, fg, 0);
    int tw = text_width(a->text, text, th->fs_small, TEXT_BOLD);
    st.width = tw;
    draw_text(d, text, &st, cx, y + (h - text_line_height(a->text, th->fs_small)) / 2);
    return w;
}

int widget_badges(struct app *a, int x, int y, int w, const char *const *texts, size_t n,
                  const char *icon, enum theme_color fg, enum theme_color bg)
{
    const struct theme *th = &a->theme;
    int bh = widget_badge_h(a);
    int cx = x, cy = y;
    for (size_t i = 0; i < n; i++) {
        int bw = widget_badge_width(a, texts[i], icon);
        if (cx > x && cx + bw > x + w) {
            cx = x;
            cy += bh + th->gap_small;
        }
        widget_badge(a, cx, cy, texts[i], icon, fg, bg);
        cx += bw + th->gap_small;
    }
    return n ? cy + bh - y : 0;
}

int widget_section(struct app *a, int x, int y, int w, const char *title, const char *icon)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int is = th->icon;
    struct text_style st =
        draw_style(d, th->fs_subheading, TEXT_BOLD, COL_TEXT, w - is - th->gap_small);
    int h = draw_text_height(d, title, &st);
    int row = max_i(h, is);
    if (icon)
        draw_icon(d, icon, (SDL_Rect){x, y + (row - is) / 2, is, is}, draw_color(d, COL_ACCENT));
    draw_text(d, title, &st, icon ? x + is + th->gap_small : x, y + (row - h) / 2);
    return row;
}

static const char *lang_name(const struct app *a, const char *code)
{
    const struct content_lang *l = a->content ? content_lang(a->content, code) : NULL;
    return l ? l->native : code;
}

int widget_text(struct app *a, const struct i18n_text *t, int x, int y, int w, int size,
                enum text_weight weight, enum theme_color color)
{
    if (!t || !t->s || !t->s[0])
        return 0;
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int used = 0;
    if (t->other) {
        widget_badge(a, x, y, lang_name(a, t->lang), "globe", COL_TEXT_MUTED, COL_SHADOW);
        used = widget_badge_h(a) + th->gap_small;
    }
    struct text_style st = draw_style(d, size, weight, color, w);
    /* Text in another language keeps its own direction. */
    const struct content_lang *l = a->content ? content_lang(a->content, t->lang) : NULL;
    if (l && t->other)
        st.rtl = l->rtl;
    int h = draw_text_height(d, t->s, &st);
    SDL_Rect r = {x, y + used, w, h};
    if (ui_visible(a, r))
        draw_text(d, t->s, &st, x, y + used);
    return used + h;
}

static int notice(struct app *a, const char *msg, const char *id, const char *label,
                  const char *icon)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int w = th->w - 2 * th->margin;
    if (w > th->max_line + 2 * th->pad)
        w = th->max_line + 2 * th->pad;
    struct text_style st = draw_style(d, th->fs_body, TEXT_BOLD, COL_WARN_FG, w - 2 * th->pad);
    st.align = TEXT_CENTER;
    int th_h = draw_text_height(d, msg, &st);
    /* The button: large (one and a half targets), as wide as it needs. */
    int bh = id ? max_i(th->button_h, th->target * 3 / 2) : 0;
    int bw = id ? widget_button_width(a, label, icon) + 2 * th->pad : 0;
    if (bw > w - 2 * th->pad)
        bw = w - 2 * th->pad;
    int h = th_h + 2 * th->pad + (id ? bh + th->gap : 0);
    SDL_Rect r = {(th->w - w) / 2, th->h - h - th->margin, w, h};
    snprintf(a->warning, sizeof(a->warning), "%s", msg); /* for scripts: notices */
    draw_card(d, r, COL_WARN_BG);
    draw_rring(d, r, th->radius, th->rule, draw_color(d, COL_WARN_FG));
    draw_text(d, msg, &st, r.x + th->pad, r.y + th->pad);
    if (id)
        widget_button(a, id, (SDL_Rect){r.x + (w - bw) / 2, r.y + th->pad + th_h + th->gap, bw, bh},
                      label, icon, W_PRIMARY);
    return r.y;
}

int widget_notice(struct app *a, const char *msg)
{
    return notice(a, msg, NULL, NULL, NULL);
}

int widget_notice_action(struct app *a, const char *msg, const char *id, const char *label,
                         const char *icon)
{
    return notice(a, msg, id, label, icon);
}
