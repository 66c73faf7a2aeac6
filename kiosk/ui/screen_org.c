/* screen_org: one organisation — what it does, its contact details, its
 * services (each opens the service), its contact persons with name, title,
 * job description, phone and e-mail, and a QR code. Owns the organisation
 * view model and the QR choice. arg: organisation id. */
#include "ui/screens.h"
#include "ui/panel.h"
#include "ui/print_ui.h"
#include "ui/quick_exit.h"
#include "ui/widget.h"
#include "domain/catalog.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct org_screen {
    bool found;
    struct catalog_org o;
    struct qr_choice qr;
    struct scroll sc;
    int qr_top; /* where the QR card is in the scrolled content */
};

/* A new QR choice is shown at once: the card scrolls into view. */
static void show_qr(struct org_screen *v)
{
    v->sc.y = (float)v->qr_top;
    v->sc.vel = 0;
}

static struct qr_sources qr_sources(const struct org_screen *v)
{
    return (struct qr_sources){"qr:org", v->o.phone, v->o.website, v->o.contacts, v->o.ncontacts};
}

static void *org_enter(struct app *a, const char *arg)
{
    struct org_screen *v = xcalloc(1, sizeof(*v));
    v->found = arg && catalog_org_load(a->content, a->lang, arg, &v->o);
    if (v->found) {
        struct qr_sources src = qr_sources(v);
        panel_qr_default(&v->qr, &src);
    }
    return v;
}

static void org_leave(struct app *a, void *st)
{
    (void)a;
    struct org_screen *v = st;
    if (v->found)
        catalog_org_free(&v->o);
    free(v);
}

static bool org_action(struct app *a, void *st, const char *id)
{
    struct org_screen *v = st;
    if (!v->found)
        return false;
    if (v->o.sensitive && strcmp(id, QUICK_EXIT_ID) == 0) {
        quick_exit_activate(a); /* frees v */
        return true;
    }
    struct qr_sources src = qr_sources(v);
    if (panel_qr_choose(&v->qr, &src, id)) {
        show_qr(v);
        return true;
    }
    /* print: the organisation's slip, or a contact person's */
    int who = panel_print_choice(id, "print:org", v->o.ncontacts);
    if (who < -1)
        return false;
    ui_print_org(a, &v->o, who);
    return true;
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

static int services_block(struct app *a, struct org_screen *v, int x, int y, int w)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int h = 0;
    for (size_t i = 0; i < v->o.services.n; i++) {
        const struct catalog_item *it = &v->o.services.v[i];
        int rh = th->button_h + th->gap_small;
        SDL_Rect r = {x, y + h, w, rh};
        char id[UI_ID_LEN];
        snprintf(id, sizeof(id), "service:%s", it->id);
        ui_target(a, id, r, th->radius_small);
        ui_target_label(a, id, it->name.s);
        if (ui_visible(a, r)) {
            draw_card(d, r, COL_SURFACE);
            int is = th->icon;
            struct text_style ns =
                draw_style(d, th->fs_body, TEXT_BOLD, COL_TEXT, w - 3 * th->pad - is);
            ns.max_lines = 1;
            int nh = draw_text_height(d, it->name.s, &ns);
            draw_text(d, it->name.s, &ns, x + th->pad, y + h + (rh - nh) / 2);
            draw_icon(d, "forward", (SDL_Rect){x + w - th->pad - is, y + h + (rh - is) / 2, is, is},
                      draw_color(d, COL_ACCENT));
        }
        h += rh + th->gap_small;
    }
    return h;
}

static int main_column(struct app *a, struct org_screen *v, int x, int y, int w)
{
    const struct theme *th = &a->theme;
    int h = 0;
    h += widget_text(a, &v->o.description, x, y + h, w, th->fs_body, TEXT_REGULAR, COL_TEXT);
    h += th->gap * 2;
    if (v->o.phone[0] || v->o.email[0] || v->o.website[0]) {
        h += widget_section(a, x, y + h, w, ui_str(a, S_CONTACT), "phone") + th->gap_small;
        h += panel_contact_lines(a, x, y + h, w, v->o.phone, v->o.email, v->o.website) + th->gap;
    }
    if (v->o.services.n) {
        h += widget_section(a, x, y + h, w, ui_str(a, S_SERVICES), "book") + th->gap_small;
        h += services_block(a, v, x, y + h, w) + th->gap;
    }
    return h;
}

static int side_column(struct app *a, struct org_screen *v, int x, int y, int w)
{
    const struct theme *th = &a->theme;
    v->qr_top = y - (v->sc.view.y + th->pad - (int)v->sc.y);
    int h = panel_qr(a, x, y, w, &v->qr);
    struct qr_sources src = qr_sources(v);
    h += panel_qr_buttons(a, x, y + h, w, &v->qr, &src, "print:org");
    if (v->o.ncontacts) {
        h += widget_section(a, x, y + h, w, ui_str(a, S_CONTACTS), "people") + th->gap_small;
        h += panel_people(a, x, y + h, w, v->o.contacts, v->o.ncontacts, &v->qr);
    }
    return h;
}

static void org_draw(struct app *a, void *st)
{
    struct org_screen *v = st;
    const struct theme *th = &a->theme;
    if (!v->found) {
        widget_header(a, "?", NULL);
        return;
    }
    int top = widget_header(a, v->o.name.s, kind_label(a, v->o.kind));
    SDL_Rect view = {0, top, th->w, th->h - top};
    int off = ui_scroll_begin(a, &v->sc, view);
    int y = top + th->pad + off;
    int w = th->w - 2 * th->margin;
    int h;
    if (!th->portrait && !th->compact) {
        int side = w * 40 / 100;
        int mw = w - side - th->margin;
        int h1 = main_column(a, v, th->margin, y, mw);
        int h2 = side_column(a, v, th->w - th->margin - side, y, side);
        h = h1 > h2 ? h1 : h2;
    } else {
        h = main_column(a, v, th->margin, y, w);
        h += side_column(a, v, th->margin, y + h, w);
    }
    if (v->o.sensitive)
        h += quick_exit_reserve(a);
    ui_scroll_end(a, &v->sc, h + 2 * th->pad);
    if (v->o.sensitive)
        quick_exit_draw(a);
}

const struct screen_ops screen_org = {
    .name = "org",
    .enter = org_enter,
    .action = org_action,
    .draw = org_draw,
    .leave = org_leave,
};
