/* screen_list: a list of services (of one category, or all) or of
 * organisations, as large cards that scroll with a finger. Owns the list
 * view model. arg: "category:ID", "services" or "orgs". */
#include "ui/screens.h"
#include "ui/widget.h"
#include "domain/catalog.h"
#include "domain/i18n.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct list {
    bool orgs;
    struct catalog_list l;
    struct scroll sc;
};

static void *list_enter(struct app *a, const char *arg)
{
    struct list *s = xcalloc(1, sizeof(*s));
    arg = arg ? arg : "services";
    if (strcmp(arg, "orgs") == 0) {
        s->orgs = true;
        catalog_orgs_load(a->content, a->lang, &s->l);
    } else if (strncmp(arg, "category:", 9) == 0) {
        catalog_services_load(a->content, a->lang, arg + 9, &s->l);
    } else {
        catalog_services_load(a->content, a->lang, NULL, &s->l);
    }
    return s;
}

static void list_leave(struct app *a, void *st)
{
    (void)a;
    struct list *s = st;
    catalog_list_free(&s->l);
    free(s);
}

static const char *kind_label(const struct app *a, const char *kind)
{
    if (strcmp(kind, "public") == 0)
        return ui_str(a, S_KIND_PUBLIC);
    if (strcmp(kind, "ngo") == 0)
        return ui_str(a, S_KIND_NGO);
    if (strcmp(kind, "parish") == 0)
        return ui_str(a, S_KIND_PARISH);
    if (strcmp(kind, "company") == 0)
        return ui_str(a, S_KIND_COMPANY);
    return ui_str(a, S_KIND_OTHER);
}

/* One card; returns its height. */
static int draw_row(struct app *a, struct list *s, const struct catalog_item *it, int x, int y,
                    int w, int h)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    SDL_Rect r = {x, y, w, h};
    char id[UI_ID_LEN];
    snprintf(id, sizeof(id), "%s:%s", s->orgs ? "org" : "service", it->id);
    ui_target(a, id, r, th->radius);
    ui_target_label(a, id, it->name.s);
    if (!ui_visible(a, r))
        return h;
    draw_card(d, r, COL_SURFACE);
    int chev = th->icon;
    int tx = x + th->pad, tw = w - 3 * th->pad - chev;
    char sub[200];
    if (s->orgs) {
        char count[64], num[16];
        snprintf(num, sizeof(num), "%d", it->count);
        str_fill(count, sizeof(count), ui_str(a, it->count == 1 ? S_ONE_SERVICE : S_N_SERVICES),
                 num, NULL);
        snprintf(sub, sizeof(sub), "%s · %s", kind_label(a, it->kind), count);
    } else {
        i18n_mark(&it->name, it->sub.s, sub, sizeof(sub));
    }
    struct text_style ns = draw_style(d, th->fs_subheading, TEXT_BOLD, COL_TEXT, tw);
    ns.max_lines = 1;
    struct text_style ss = draw_style(d, th->fs_small, TEXT_BOLD, COL_ACCENT, tw);
    ss.max_lines = 1;
    struct text_style ds = draw_style(d, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, tw);
    ds.max_lines = th->compact ? 1 : 2;
    int nh = draw_text_height(d, it->name.s, &ns);
    int sh = sub[0] ? draw_text_height(d, sub, &ss) : 0;
    int dh = it->summary.s[0] ? draw_text_height(d, it->summary.s, &ds) : 0;
    if (nh + sh + dh > h - 2 * th->gap_small)
        dh = 0;
    int ty = y + (h - nh - sh - dh) / 2;
    draw_text(d, it->name.s, &ns, tx, ty);
    if (sh)
        draw_text(d, sub, &ss, tx, ty + nh);
    if (dh)
        draw_text(d, it->summary.s, &ds, tx, ty + nh + sh);
    draw_icon(d, "forward", (SDL_Rect){x + w - th->pad - chev, y + (h - chev) / 2, chev, chev},
              draw_color(d, COL_ACCENT));
    return h;
}

static void list_draw(struct app *a, void *st)
{
    struct list *s = st;
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    const char *title = s->orgs           ? ui_str(a, S_ORGS)
                        : s->l.title.s[0] ? s->l.title.s
                                          : ui_str(a, S_ALL_SERVICES);
    char kicker[64] = "";
    if (!s->orgs && s->l.title.s[0])
        snprintf(kicker, sizeof(kicker), "%s", ui_str(a, S_SERVICES));
    int top = widget_header(a, title, kicker);
    SDL_Rect view = {0, top, th->w, th->h - top};
    int cols = !th->portrait && th->w >= th->row_h * 8 ? 2 : 1;
    int w = th->w - 2 * th->margin;
    int colw = (w - (cols - 1) * th->gap) / cols;
    int rowh = th->row_h + (th->compact ? 0 : th->fs_small);
    int off = ui_scroll_begin(a, &s->sc, view);
    int y0 = top + th->pad + off;
    if (s->l.n == 0) {
        struct text_style es = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT_MUTED, w);
        draw_text(d, ui_str(a, S_EMPTY_LIST), &es, th->margin, y0 + th->pad);
    }
    for (size_t i = 0; i < s->l.n; i++) {
        int col = (int)i % cols, row = (int)i / cols;
        draw_row(a, s, &s->l.v[i], th->margin + col * (colw + th->gap), y0 + row * (rowh + th->gap),
                 colw, rowh);
    }
    int rows = (int)((s->l.n + (size_t)cols - 1) / (size_t)cols);
    ui_scroll_end(a, &s->sc, 2 * th->pad + rows * (rowh + th->gap));
}

const struct screen_ops screen_list = {
    .name = "list",
    .enter = list_enter,
    .draw = list_draw,
    .leave = list_leave,
};
