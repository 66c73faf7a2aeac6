/* screen_search: search as you type. A search field, the on-screen
 * keyboard (or a physical one: text input, Backspace), and the hits across
 * services, organisations, contact persons and activities, updated on
 * every keystroke. A hit opens its detail: a service or an organisation;
 * a contact person opens their organisation with their card and QR code in
 * view; an activity opens its service, or the week when it has none.
 *
 * The typed text is the visitor's business: it is kept only in this
 * screen's state, never logged, counted or written anywhere, and wiped when
 * the screen is left (Back, Home, the idle reset). Owns the text, the
 * search handle and the hits. */
#include "ui/keyboard.h"
#include "ui/screens.h"
#include "ui/widget.h"
#include "domain/catalog.h"
#include "domain/search.h"
#include "base/utf8.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEARCH_PAGE       20 /* hits shown */
#define SEARCH_TEXT_CHARS 48 /* characters a visitor can type */
#define SEARCH_TEXT_CAP   (SEARCH_TEXT_CHARS * 4 + 1)
#define KB_SHARE          55 /* per cent of the width the keyboard may take beside the hits */
#define KB_KEY_SHARE      70 /* ... as long as its keys keep this per cent of the target */

struct search_screen {
    struct search *search; /* NULL: the snapshot has no usable index */
    struct keyboard kb;
    char text[SEARCH_TEXT_CAP];
    struct search_results res;
    bool searched; /* res belongs to the current text */
    /* The outcome of the last search with text (counted once, on leaving;
     * never the text): 0 none yet, else STATS key "found" or "empty". */
    const char *outcome;
    struct scroll sc;
};

static void run_search(struct app *a, struct search_screen *v)
{
    search_results_free(&v->res);
    v->searched = false;
    v->sc.y = 0;
    v->sc.vel = 0;
    if (!v->search || !v->text[0])
        return;
    v->searched = search_run(v->search, a->lang, v->text, SEARCH_PAGE, &v->res);
    v->outcome = v->searched && v->res.n > 0 ? "found" : "empty";
}

static void *search_enter(struct app *a, const char *arg)
{
    (void)arg;
    struct search_screen *v = xcalloc(1, sizeof(*v));
    v->search = search_open(a->content);
    keyboard_init(&v->kb, a->lang);
    return v;
}

static void search_leave(struct app *a, void *st)
{
    struct search_screen *v = st;
    ui_count(a, STATS_SEARCH, v->outcome);
    search_results_free(&v->res);
    search_close(v->search);
    explicit_bzero(v, sizeof(*v));
    free(v);
}

/* Appends typed text (UTF-8), control characters dropped, up to
 * SEARCH_TEXT_CHARS characters. */
static bool text_append(struct search_screen *v, const char *t)
{
    if (!utf8_valid(t, strlen(t), NULL))
        return false;
    size_t k = strlen(v->text), chars = utf8_length(v->text);
    bool changed = false;
    while (*t && chars < SEARCH_TEXT_CHARS) {
        uint32_t cp;
        int n = utf8_decode(t, &cp);
        if (cp >= 0x20 && cp != 0x7F && k + (size_t)n < sizeof(v->text)) {
            memcpy(v->text + k, t, (size_t)n);
            k += (size_t)n;
            v->text[k] = '\0';
            chars++;
            changed = true;
        }
        t += n;
    }
    return changed;
}

/* Deletes the last character. */
static bool text_erase(struct search_screen *v)
{
    size_t k = strlen(v->text);
    if (k == 0)
        return false;
    do
        k--;
    while (k > 0 && ((unsigned char)v->text[k] & 0xC0) == 0x80);
    explicit_bzero(v->text + k, sizeof(v->text) - k);
    return true;
}

static void text_clear(struct search_screen *v)
{
    explicit_bzero(v->text, sizeof(v->text));
}

/* The index of a contact person in their organisation's list (the order
 * of the organisation screen's cards and QR buttons); -1 if not there. */
static int contact_index(struct app *a, const char *org_id, const char *contact_id)
{
    struct catalog_org o;
    if (!catalog_org_load(a->content, a->lang, org_id, &o))
        return -1;
    int found = -1;
    for (size_t i = 0; i < o.ncontacts && found < 0; i++)
        if (strcmp(o.contacts[i].id, contact_id) == 0)
            found = (int)i;
    catalog_org_free(&o);
    return found;
}

/* A hit's target: "service:ID", "org:ID", "contact:ID", "activity:ID". */
static void hit_id(const struct search_hit *h, char *buf, size_t cap)
{
    static const char *const prefix[SEARCH_NKINDS] = {"service", "org", "contact", "activity"};
    snprintf(buf, cap, "%s:%s", h->kind < SEARCH_NKINDS ? prefix[h->kind] : "hit", h->id);
}

static void open_hit(struct app *a, const struct search_hit *h)
{
    char id[UI_ID_LEN];
    switch (h->kind) {
    case SEARCH_SERVICE:
        snprintf(id, sizeof(id), "service:%s", h->id);
        ui_activate(a, id);
        return;
    case SEARCH_ORG:
        snprintf(id, sizeof(id), "org:%s", h->id);
        ui_activate(a, id);
        return;
    case SEARCH_CONTACT: {
        /* Their organisation, with their QR code chosen and their card in
         * view. */
        int i = contact_index(a, h->org_id, h->id);
        snprintf(id, sizeof(id), "org:%s", h->org_id);
        if (!ui_activate(a, id) || i < 0)
            return;
        ui_render(a, true);
        snprintf(id, sizeof(id), "qr:contact:%d", i);
        ui_activate(a, id);
        ui_render(a, true);
        ui_reveal(a, id);
        snprintf(a->focus, sizeof(a->focus), "%s", id);
        return;
    }
    case SEARCH_ACTIVITY:
        if (h->service_id[0])
            snprintf(id, sizeof(id), "service:%s", h->service_id);
        else
            snprintf(id, sizeof(id), "calendar");
        ui_activate(a, id);
        return;
    case SEARCH_NKINDS:
        break;
    }
}

static bool search_action(struct app *a, void *st, const char *id)
{
    struct search_screen *v = st;
    const char *typed = NULL;
    switch (keyboard_press(&v->kb, id, &typed)) {
    case KB_TYPE:
        if (text_append(v, typed))
            run_search(a, v);
        return true;
    case KB_ERASE:
        if (text_erase(v))
            run_search(a, v);
        return true;
    case KB_CLEAR:
        text_clear(v);
        run_search(a, v);
        return true;
    case KB_SWITCHED:
        snprintf(a->focus, sizeof(a->focus), "kb:layout");
        return true;
    case KB_IGNORED:
        break;
    }
    if (strcmp(id, "search:clear") == 0) {
        text_clear(v);
        run_search(a, v);
        return true;
    }
    /* Services and organisations open by the usual routes; people and
     * activities here. */
    for (size_t i = 0; i < v->res.n; i++) {
        const struct search_hit *h = &v->res.v[i];
        char hid[UI_ID_LEN];
        hit_id(h, hid, sizeof(hid));
        if ((h->kind == SEARCH_CONTACT || h->kind == SEARCH_ACTIVITY) && strcmp(hid, id) == 0) {
            open_hit(a, h);
            return true;
        }
    }
    return false;
}

/* A physical keyboard: text, Backspace, and Return for the first hit
 * while typing. Arrows, Tab, Return on a key and Esc stay the usual. */
static bool search_input(struct app *a, void *st, const struct input_event *ev)
{
    struct search_screen *v = st;
    if (ev->kind == INPUT_TEXT) {
        if (text_append(v, ev->text))
            run_search(a, v);
        return true;
    }
    if (ev->kind != INPUT_KEY)
        return false;
    if (ev->typed)
        return true; /* Space: its text follows */
    if (ev->erase) {
        if (text_erase(v))
            run_search(a, v);
        return true;
    }
    if (ev->key == KEY_ENTER && !a->show_focus && v->res.n > 0) {
        open_hit(a, &v->res.v[0]);
        return true;
    }
    return false;
}

/* The field: a magnifier, the text (or what to type) and a caret, and a
 * clear button when there is text. */
static void draw_field(struct app *a, struct search_screen *v, SDL_Rect r)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    draw_card(d, r, COL_SURFACE);
    draw_rring(d, r, th->radius_small, th->rule, draw_color(d, COL_ACCENT));
    int is = th->icon;
    draw_icon(d, "search", (SDL_Rect){r.x + th->pad, r.y + (r.h - is) / 2, is, is},
              draw_color(d, COL_ACCENT));
    int tx = r.x + th->pad + is + th->gap_small;
    int clear_w = v->text[0] ? r.h : 0;
    int tw = r.x + r.w - tx - clear_w - th->gap_small;
    bool empty = !v->text[0];
    const char *shown = empty ? ui_str(a, S_SEARCH_PLACEHOLDER) : v->text;
    int size = r.h * 2 / 3 > th->fs_heading ? th->fs_heading : th->fs_body;
    struct text_style st =
        draw_style(d, size, empty ? TEXT_REGULAR : TEXT_BOLD, empty ? COL_TEXT_MUTED : COL_TEXT, 0);
    int w = text_width(a->text, shown, size, st.weight);
    if (w > tw) {
        st.width = tw;
        st.max_lines = 1;
        w = tw;
    }
    int lh = text_line_height(a->text, size);
    draw_text(d, shown, &st, tx, r.y + (r.h - lh) / 2);
    int cx = empty ? tx : tx + w + th->rule;
    draw_rect(d, (SDL_Rect){cx, r.y + (r.h - lh) / 2, th->rule, lh}, draw_color(d, COL_ACCENT));
    if (clear_w)
        widget_button(a, "search:clear", (SDL_Rect){r.x + r.w - clear_w, r.y, clear_w, r.h}, NULL,
                      "cross", W_SECONDARY);
}

static const char *kind_icon(enum search_kind k)
{
    static const char *const icons[SEARCH_NKINDS] = {"book", "building", "people", "calendar"};
    return k < SEARCH_NKINDS ? icons[k] : "dot";
}

static enum str_id kind_label(enum search_kind k)
{
    static const enum str_id labels[SEARCH_NKINDS] = {S_HIT_SERVICE, S_HIT_ORG, S_HIT_CONTACT,
                                                      S_HIT_ACTIVITY};
    return k < SEARCH_NKINDS ? labels[k] : S_HIT_SERVICE;
}

static const char *lang_name(const struct app *a, const char *code)
{
    const struct content_lang *l = content_lang(a->content, code);
    return l ? l->native : code;
}

/* The styles of a hit card's name and snippet, for a card w wide. */
static void hit_styles(struct app *a, const struct search_hit *h, int w, struct text_style *ns,
                       struct text_style *ss, int *tx_off)
{
    const struct theme *th = &a->theme;
    int disc = th->icon + th->gap;
    *tx_off = th->pad / 2 + disc + th->pad / 2;
    int tw = w - *tx_off - th->pad - th->icon - th->gap_small;
    *ns = draw_style(&a->draw, th->fs_subheading, TEXT_BOLD, COL_TEXT, tw);
    ns->max_lines = 2;
    const struct content_lang *tl = h->title.other ? content_lang(a->content, h->title.lang) : NULL;
    if (tl)
        ns->rtl = tl->rtl;
    *ss = draw_style(&a->draw, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, tw);
    ss->max_lines = th->compact ? 1 : 2;
    const struct content_lang *sl =
        h->snippet.other ? content_lang(a->content, h->snippet.lang) : NULL;
    if (sl)
        ss->rtl = sl->rtl;
}

/* The height of a hit card w wide. */
static int hit_height(struct app *a, const struct search_hit *h, int w)
{
    const struct theme *th = &a->theme;
    struct text_style ns, ss;
    int off;
    hit_styles(a, h, w, &ns, &ss, &off);
    int hh = 2 * th->gap_small + draw_text_height(&a->draw, h->title.s, &ns) + widget_badge_h(a) +
             th->gap_small / 2;
    if (h->snippet.s[0])
        hh += draw_text_height(&a->draw, h->snippet.s, &ss);
    return hh < th->target ? th->target : hh;
}

static void draw_hit(struct app *a, const struct search_hit *h, SDL_Rect r)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    char id[UI_ID_LEN];
    hit_id(h, id, sizeof(id));
    ui_target(a, id, r, th->radius);
    ui_target_label(a, id, h->title.s);
    if (!ui_visible(a, r))
        return;
    draw_card(d, r, COL_SURFACE);
    struct text_style ns, ss;
    int off;
    hit_styles(a, h, r.w, &ns, &ss, &off);
    int disc = th->icon + th->gap;
    SDL_Rect dr = {r.x + th->pad / 2, r.y + th->gap_small, disc, disc};
    draw_rrect(d, dr, disc / 2, draw_color(d, COL_TILE_BG_0 + (int)h->kind % THEME_TILE_COLORS));
    int is = th->icon * 3 / 4;
    draw_icon(d, kind_icon(h->kind),
              (SDL_Rect){dr.x + (disc - is) / 2, dr.y + (disc - is) / 2, is, is},
              draw_color(d, COL_TILE_FG));
    int tx = r.x + off;
    int chev = th->icon;
    int y = r.y + th->gap_small;
    y += draw_text(d, h->title.s, &ns, tx, y)->h;

    /* What it is, and the language of the name when it is not the
     * visitor's. */
    int bx = tx;
    bx += widget_badge(a, bx, y, ui_str(a, kind_label(h->kind)), NULL, COL_ON_SOFT,
                       COL_PRIMARY_SOFT) +
          th->gap_small;
    if (h->title.other)
        widget_badge(a, bx, y, lang_name(a, h->title.lang), "globe", COL_TEXT_MUTED, COL_SHADOW);
    else if (h->snippet.other && h->snippet.s[0])
        widget_badge(a, bx, y, lang_name(a, h->snippet.lang), "globe", COL_TEXT_MUTED, COL_SHADOW);
    y += widget_badge_h(a) + th->gap_small / 2;

    if (h->snippet.s[0])
        draw_text(d, h->snippet.s, &ss, tx, y);
    draw_icon(d, "forward",
              (SDL_Rect){r.x + r.w - th->pad - chev, r.y + (r.h - chev) / 2, chev, chev},
              draw_color(d, COL_ACCENT));
}

/* Before typing, nothing found, or the hits. */
static void draw_results(struct app *a, struct search_screen *v, SDL_Rect area)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    if (!v->text[0] || !v->searched || v->res.n == 0) {
        int y = area.y + th->gap_small;
        struct text_style st = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT_MUTED, area.w);
        if (!v->text[0] || !v->search) {
            draw_text(d, ui_str(a, S_SEARCH_START), &st, area.x, y);
            return;
        }
        char msg[SEARCH_TEXT_CAP + 160];
        str_fill(msg, sizeof(msg), ui_str(a, S_SEARCH_NONE), v->text, NULL);
        struct text_style hs = draw_style(d, th->fs_subheading, TEXT_BOLD, COL_TEXT, area.w);
        hs.max_lines = 2;
        y += draw_text(d, msg, &hs, area.x, y)->h + th->gap_small;
        y += draw_text(d, ui_str(a, S_SEARCH_NONE_HINT), &st, area.x, y)->h + th->gap;
        explicit_bzero(msg, sizeof(msg));
        const char *all = ui_str(a, S_ALL_SERVICES);
        int bw = widget_button_width(a, all, "book");
        if (bw > area.w)
            bw = area.w;
        if (y + th->button_h <= area.y + area.h)
            widget_button(a, "services", (SDL_Rect){area.x, y, bw, th->button_h}, all, "book",
                          W_PRIMARY);
        return;
    }
    SDL_Rect view = {area.x - th->ring * 2, area.y, area.w + th->ring * 4, area.h};
    int off = ui_scroll_begin(a, &v->sc, view);
    int y = area.y + th->ring * 2 + off;
    for (size_t i = 0; i < v->res.n; i++) {
        int hh = hit_height(a, &v->res.v[i], area.w);
        draw_hit(a, &v->res.v[i], (SDL_Rect){area.x, y, area.w, hh});
        y += hh + th->gap_small;
    }
    if (v->res.more) {
        char msg[160], num[16];
        snprintf(num, sizeof(num), "%zu", v->res.n);
        str_fill(msg, sizeof(msg), ui_str(a, S_SEARCH_MORE), num, NULL);
        struct text_style st = draw_style(d, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, area.w);
        y += th->gap_small;
        SDL_Rect mr = {area.x, y, area.w, draw_text_height(d, msg, &st)};
        if (ui_visible(a, mr))
            draw_text(d, msg, &st, area.x, y);
        y += mr.h;
    }
    ui_scroll_end(a, &v->sc, y - (area.y + off) + th->ring * 2);
}

static void search_draw(struct app *a, void *st)
{
    struct search_screen *v = st;
    const struct theme *th = &a->theme;
    int top = widget_header(a, ui_str(a, S_SEARCH_TITLE), NULL);
    SDL_Rect body = {th->margin, top + th->pad, th->w - 2 * th->margin,
                     th->h - top - th->pad - th->margin};
    if (th->compact)
        body.h = th->h - top - th->pad - th->gap_small;
    int field_h = th->button_h;
    /* Side by side when the results keep a readable width next to a
     * keyboard of full-sized keys; else field, results, keyboard. */
    int kb_w = keyboard_width(a, th->target);
    if (kb_w > body.w * KB_SHARE / 100)
        kb_w = body.w * KB_SHARE / 100; /* smaller keys, down to 9 mm, for wider results */
    int key = keyboard_key_size(a, kb_w);
    kb_w = keyboard_width(a, key);
    int rest = body.w - kb_w - th->gap * 2;
    bool side = !th->portrait && !th->compact && rest >= th->fs_body * 14 &&
                key * 100 >= th->target * KB_KEY_SHARE;
    SDL_Rect field, kb, results;
    if (side) {
        int kb_h = keyboard_height(a, kb_w);
        kb = (SDL_Rect){body.x, body.y + body.h - kb_h, kb_w, kb_h};
        field = (SDL_Rect){body.x, kb.y - th->gap - field_h, kb_w, field_h};
        results = (SDL_Rect){body.x + kb_w + th->gap * 2, body.y, rest, body.h};
    } else {
        int kb_h = keyboard_height(a, body.w);
        kb = (SDL_Rect){body.x, body.y + body.h - kb_h, body.w, kb_h};
        field = (SDL_Rect){body.x, body.y, body.w, field_h};
        int ry = field.y + field_h + th->gap_small;
        results = (SDL_Rect){body.x, ry, body.w, kb.y - th->gap_small - ry};
    }
    /* Keys first: keypad focus starts on the keyboard. */
    keyboard_draw(a, &v->kb, kb);
    if (side) {
        /* Above the field, what to do (the results column has the hits). */
        struct draw *d = &a->draw;
        int y = body.y, bottom = field.y - th->gap;
        struct text_style hs = draw_style(d, th->fs_title, TEXT_BOLD, COL_TEXT, kb_w);
        struct text_style ps = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT_MUTED, kb_w);
        int h1 = draw_text_height(d, ui_str(a, S_WHAT_LOOKING), &hs);
        int h2 = draw_text_height(d, ui_str(a, S_SEARCH_START), &ps);
        if (y + h1 <= bottom)
            y += draw_text(d, ui_str(a, S_WHAT_LOOKING), &hs, body.x, y)->h + th->gap_small;
        if (v->text[0] && y + h2 <= bottom)
            draw_text(d, ui_str(a, S_SEARCH_START), &ps, body.x, y);
    }
    draw_field(a, v, field);
    draw_results(a, v, results);
    if (!a->focus[0])
        snprintf(a->focus, sizeof(a->focus), "%s", keyboard_first_key(&v->kb));
}

const struct screen_ops screen_search = {
    .name = "search",
    .enter = search_enter,
    .action = search_action,
    .draw = search_draw,
    .leave = search_leave,
    .input = search_input,
};
