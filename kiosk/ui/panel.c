/* panel: contact lines, people cards and the QR card; see panel.h. */
#include "ui/panel.h"
#include "ui/print_ui.h"
#include "ui/widget.h"
#include "qr/qr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int line(struct app *a, int x, int y, int w, const char *icon, const char *text,
                enum text_weight weight)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    if (!text || !text[0])
        return 0;
    int is = th->icon;
    struct text_style st = draw_style(d, th->fs_body, weight, COL_TEXT, w - is - th->gap_small);
    int h = draw_text_height(d, text, &st);
    int row = h > is ? h : is;
    SDL_Rect r = {x, y, w, row};
    if (ui_visible(a, r)) {
        draw_icon(d, icon, (SDL_Rect){x, y + (row - is) / 2, is, is}, draw_color(d, COL_ACCENT));
        draw_text(d, text, &st, x + is + th->gap_small, y + (row - h) / 2);
    }
    return row + th->gap_small;
}

int panel_contact_lines(struct app *a, int x, int y, int w, const char *phone, const char *email,
                        const char *web)
{
    int h = 0;
    h += line(a, x, y + h, w, "phone", phone, TEXT_BOLD);
    h += line(a, x, y + h, w, "mail", email, TEXT_REGULAR);
    h += line(a, x, y + h, w, "globe", web, TEXT_REGULAR);
    return h;
}

int panel_people(struct app *a, int x, int y, int w, const struct catalog_contact *v, size_t n,
                 const struct qr_choice *chosen)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int h = 0;
    for (size_t i = 0; i < n; i++) {
        const struct catalog_contact *c = &v[i];
        int cx = x + th->pad, cw = w - 2 * th->pad;
        char id[UI_ID_LEN];
        snprintf(id, sizeof(id), "qr:contact:%zu", i);
        const char *qr_label = ui_str(a, S_QR_SHOW);
        int bw = widget_button_width(a, qr_label, "phone");
        /* Print: a second button under (beside) or after the QR button. */
        bool print = ui_print_available(a);
        int pw = ui_print_button_width(a);
        int colw = pw > bw ? pw : bw;
        bool beside = cw > colw * 3;
        bool print_row = print && !beside && bw + th->gap_small + pw > cw;
        int tw = beside ? cw - colw - th->gap : cw;
        /* Measure the card. */
        struct text_style ns = draw_style(d, th->fs_subheading, TEXT_BOLD, COL_TEXT, tw);
        int ch = th->pad + draw_text_height(d, c->name, &ns);
        struct text_style ts = draw_style(d, th->fs_body, TEXT_BOLD, COL_ACCENT, tw);
        struct text_style rs = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT_MUTED, cw);
        int title_h = c->title.s[0] ? draw_text_height(d, c->title.s, &ts) : 0;
        ch += title_h;
        int bh = th->button_h + (print ? th->gap_small + th->button_h : 0);
        if (beside && ch < th->pad + bh)
            ch = th->pad + bh;
        int resp_top = ch + th->gap_small;
        int resp_h = c->responsibilities.s[0] ? draw_text_height(d, c->responsibilities.s, &rs) : 0;
        if (c->responsibilities.other)
            resp_h += widget_badge_h(a) + th->gap_small;
        ch = resp_top + resp_h + th->gap_small;
        int lines_top = ch;
        int is = th->icon;
        int nlines = (c->phone[0] ? 1 : 0) + (c->email[0] ? 1 : 0);
        int lh = text_line_height(a->text, th->fs_body);
        ch += nlines * ((lh > is ? lh : is) + th->gap_small);
        char speaks[256] = "";
        if (c->nlangs) {
            size_t k = (size_t)snprintf(speaks, sizeof(speaks), "%s: ", ui_str(a, S_SPEAKS));
            for (size_t j = 0; j < c->nlangs && k < sizeof(speaks); j++)
                k += (size_t)snprintf(speaks + k, sizeof(speaks) - k, "%s%s", j ? ", " : "",
                                      c->langs[j]);
        }
        struct text_style ls = draw_style(d, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, cw);
        int speaks_top = ch;
        if (speaks[0])
            ch += draw_text_height(d, speaks, &ls) + th->gap_small;
        int qr_top = ch;
        if (!beside)
            ch += (print_row ? bh : th->button_h) + th->gap_small;
        ch += th->pad - th->gap_small;

        SDL_Rect card = {x, y + h, w, ch};
        if (ui_visible(a, card)) {
            draw_card(d, card, COL_SURFACE);
            int yy = y + h + th->pad;
            yy += draw_text(d, c->name, &ns, cx, yy)->h;
            if (title_h)
                draw_text(d, c->title.s, &ts, cx, yy);
            widget_text(a, &c->responsibilities, cx, y + h + resp_top, cw, th->fs_body,
                        TEXT_REGULAR, COL_TEXT_MUTED);
            panel_contact_lines(a, cx, y + h + lines_top, cw, c->phone, c->email, NULL);
            if (speaks[0])
                draw_text(d, speaks, &ls, cx, y + h + speaks_top);
        }
        bool on = chosen && strcmp(chosen->id, id) == 0;
        SDL_Rect b = beside ? (SDL_Rect){x + w - th->pad - bw, y + h + th->pad, bw, th->button_h}
                            : (SDL_Rect){cx, y + h + qr_top, bw, th->button_h};
        if (c->phone[0] || c->email[0]) {
            widget_button(a, id, b, qr_label, "phone", on ? W_SELECTED : W_SECONDARY);
            ui_target_label(a, id, c->name); /* which person's code */
        }
        if (print) {
            char pid[UI_ID_LEN];
            snprintf(pid, sizeof(pid), "print:contact:%zu", i);
            int px = beside ? x + w - th->pad - pw : print_row ? b.x : b.x + bw + th->gap_small;
            int py = beside || print_row ? b.y + th->button_h + th->gap_small : b.y;
            ui_print_button(a, pid, px, py);
        }
        h += ch + th->gap;
    }
    return h;
}

int panel_qr(struct app *a, int x, int y, int w, const struct qr_choice *q)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    if (q->kind == QR_NONE)
        return 0;
    const char *caption = q->kind == QR_TEL   ? ui_str(a, S_QR_CALL)
                          : q->kind == QR_WEB ? ui_str(a, S_QR_WEB)
                                              : ui_str(a, S_QR_SAVE);
    int side = draw_qr_side(d, q->payload, th->qr_min);
    if (side == 0)
        return 0;
    int cw = w - 2 * th->pad;
    bool beside = cw >= side * 2 + th->gap; /* caption next to the code */
    int tw = beside ? cw - side - th->gap : cw;
    struct text_style cs = draw_style(d, th->fs_body, TEXT_BOLD, COL_TEXT, tw);
    struct text_style ls = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT_MUTED, tw);
    int ch = draw_text_height(d, caption, &cs), lh = draw_text_height(d, q->label, &ls);
    int h = beside ? side + 2 * th->pad : side + ch + lh + 2 * th->pad + th->gap;
    SDL_Rect card = {x, y, w, h};
    if (!ui_visible(a, card))
        return h + th->gap;
    draw_card(d, card, COL_SURFACE);
    draw_rring(d, card, th->radius, th->rule / 2 + 1, draw_color(d, COL_ACCENT));
    int qx = beside ? x + th->pad : x + (w - side) / 2;
    draw_qr(d, q->payload, qx, y + th->pad, th->qr_min);
    int tx = beside ? qx + side + th->gap : x + th->pad;
    int ty = beside ? y + (h - ch - lh) / 2 : y + th->pad + side + th->gap;
    if (!beside) {
        cs.align = TEXT_CENTER;
        ls.align = TEXT_CENTER;
    }
    draw_text(d, caption, &cs, tx, ty);
    draw_text(d, q->label, &ls, tx, ty + ch);
    return h + th->gap;
}

void panel_qr_tel(struct qr_choice *q, const char *phone, const char *id)
{
    memset(q, 0, sizeof(*q));
    if (!phone || !phone[0] || !qr_tel_uri(phone, q->payload, sizeof(q->payload)))
        return;
    q->kind = QR_TEL;
    snprintf(q->label, sizeof(q->label), "%s", phone);
    snprintf(q->id, sizeof(q->id), "%s", id);
}

void panel_qr_web(struct qr_choice *q, const char *url, const char *id)
{
    memset(q, 0, sizeof(*q));
    if (!url || !url[0])
        return;
    q->kind = QR_WEB;
    snprintf(q->payload, sizeof(q->payload), "%s", url);
    snprintf(q->label, sizeof(q->label), "%s", url);
    snprintf(q->id, sizeof(q->id), "%s", id);
}

void panel_qr_person(struct qr_choice *q, const struct catalog_contact *c, const char *id)
{
    memset(q, 0, sizeof(*q));
    struct qr_contact qc = {c->name, c->title.s, c->org_name.s, c->phone, c->email};
    char *card = qr_vcard(&qc);
    if (strlen(card) < sizeof(q->payload)) {
        q->kind = QR_VCARD;
        snprintf(q->payload, sizeof(q->payload), "%s", card);
        snprintf(q->label, sizeof(q->label), "%s", c->name);
        snprintf(q->id, sizeof(q->id), "%s", id);
    }
    free(card);
}

void panel_qr_default(struct qr_choice *q, const struct qr_sources *src)
{
    panel_qr_tel(q, src->phone, src->tel_id);
    if (q->kind == QR_NONE && src->ncontacts)
        panel_qr_person(q, &src->contacts[0], "qr:contact:0");
    if (q->kind == QR_NONE)
        panel_qr_web(q, src->website, "qr:web");
}

bool panel_qr_choose(struct qr_choice *q, const struct qr_sources *src, const char *id)
{
    if (strcmp(id, src->tel_id) == 0) {
        panel_qr_tel(q, src->phone, id);
        return true;
    }
    if (strcmp(id, "qr:web") == 0) {
        panel_qr_web(q, src->website, id);
        return true;
    }
    if (strncmp(id, "qr:contact:", 11) != 0)
        return false;
    size_t i = (size_t)strtoul(id + 11, NULL, 10);
    if (i < src->ncontacts)
        panel_qr_person(q, &src->contacts[i], id);
    return true;
}

/* One QR button at (*bx, y); moves *bx past it. */
static void qr_button(struct app *a, const char *id, enum str_id label_id, const char *icon,
                      const struct qr_choice *q, int *bx, int y)
{
    const struct theme *th = &a->theme;
    const char *label = ui_str(a, label_id);
    int bw = widget_button_width(a, label, icon);
    widget_button(a, id, (SDL_Rect){*bx, y, bw, th->button_h}, label, icon,
                  strcmp(q->id, id) == 0 ? W_SELECTED : W_SECONDARY);
    *bx += bw + th->gap_small;
}

int panel_qr_buttons(struct app *a, int x, int y, int w, const struct qr_choice *q,
                     const struct qr_sources *src, const char *print_id)
{
    const struct theme *th = &a->theme;
    bool phone = src->phone && src->phone[0], web = src->website && src->website[0];
    int h = 0;
    bool print_done = false;
    if (phone || web) {
        int bx = x;
        if (phone)
            qr_button(a, src->tel_id, S_PHONE, "phone", q, &bx, y);
        if (web)
            qr_button(a, "qr:web", S_WEB, "globe", q, &bx, y);
        int pw = ui_print_button_width(a);
        if (pw && bx + pw <= x + w)
            print_done = ui_print_button(a, print_id, bx, y) > 0;
        h += th->button_h + th->gap * 2;
    }
    if (!print_done && ui_print_button(a, print_id, x, y + h))
        h += th->button_h + th->gap * 2;
    return h;
}

int panel_print_choice(const char *id, const char *print_id, size_t n)
{
    if (strcmp(id, print_id) == 0)
        return -1;
    if (strncmp(id, "print:contact:", 14) != 0)
        return -2;
    char *end;
    unsigned long i = strtoul(id + 14, &end, 10);
    return end != id + 14 && !*end && i < n ? (int)i : -2;
}
