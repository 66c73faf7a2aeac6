/* screen_maintenance: a calm full-screen notice for families while staff
 * service the kiosk: "This screen is being serviced" in the default
 * language, large, and below it in the other languages offered. Started
 * and ended from the staff menu. Nothing on it leaves it: taps and keys are
 * swallowed, going home and the idle reset stop at it (ui_go_home,
 * idle_left_ms); only the staff gesture or Ctrl+Alt+S, the PIN, and "End
 * maintenance" on the staff page do. */
#include "ui/screens.h"
#include "base/log.h"

#include <stdlib.h>
#include <string.h>

static void *maint_enter(struct app *a, const char *arg)
{
    (void)a;
    (void)arg;
    return calloc(1, 1);
}

static void maint_leave(struct app *a, void *st)
{
    (void)a;
    free(st);
}

static bool maint_action(struct app *a, void *st, const char *id)
{
    (void)a;
    (void)st;
    (void)id;
    return true; /* nothing here leaves */
}

static void maint_draw(struct app *a, void *st)
{
    (void)st;
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    draw_clear(d, COL_BG);
    const char *def = a->content ? a->content->default_lang : a->lang;
    int w = th->w - 2 * th->margin;
    if (w > th->max_line)
        w = th->max_line;
    int x = (th->w - w) / 2;

    /* The default language first, large; then the others, smaller. */
    struct text_style big = draw_style(d, th->fs_title, TEXT_BOLD, COL_TEXT, w);
    big.align = TEXT_CENTER;
    const char *first = str_get(def, S_MAINT_NOTICE);
    int h = draw_text_height(d, first, &big) + th->gap;
    struct text_style sm = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT_MUTED, w);
    sm.align = TEXT_CENTER;
    size_t n = a->content ? a->content->nlangs : 0;
    for (size_t i = 0; i < n; i++) {
        const char *code = a->content->langs[i].code;
        if (strcmp(code, def) != 0)
            h += draw_text_height(d, str_get(code, S_MAINT_NOTICE), &sm) + th->gap_small;
    }
    int y = (th->h - h) / 2;
    if (y < th->pad)
        y = th->pad;
    const struct content_lang *dl = a->content ? content_lang(a->content, def) : NULL;
    big.rtl = dl && dl->rtl;
    y += draw_text(d, first, &big, x, y)->h + th->gap;
    for (size_t i = 0; i < n; i++) {
        const struct content_lang *l = &a->content->langs[i];
        if (strcmp(l->code, def) == 0)
            continue;
        sm.rtl = l->rtl;
        y += draw_text(d, str_get(l->code, S_MAINT_NOTICE), &sm, x, y)->h + th->gap_small;
    }
}

bool maintenance_on(const struct app *a)
{
    for (int i = 0; i < a->depth; i++)
        if (a->stack[i].ops == &screen_maintenance)
            return true;
    return false;
}

const struct screen_ops screen_maintenance = {
    .name = "maintenance",
    .enter = maint_enter,
    .action = maint_action,
    .draw = maint_draw,
    .leave = maint_leave,
};
