/* screen_lang: the language picker, used when the language buttons do not
 * fit on the home screen: every language of the content as a large button
 * in its own name and script. Choosing one switches the UI and the content
 * and goes back. */
#include "ui/screens.h"
#include "ui/widget.h"

#include <stdio.h>
#include <string.h>

static void *lang_enter(struct app *a, const char *arg)
{
    (void)a;
    (void)arg;
    return NULL;
}

static bool lang_action(struct app *a, void *st, const char *id)
{
    (void)st;
    if (strncmp(id, "lang:", 5) != 0)
        return false;
    char code[16];
    snprintf(code, sizeof(code), "%s", id + 5);
    ui_pop(a);
    ui_set_lang(a, code);
    ui_count(a, STATS_LANGUAGE, code);
    return true;
}

static void lang_draw(struct app *a, void *st)
{
    (void)st;
    const struct theme *th = &a->theme;
    const struct content_lang *cur = content_lang(a->content, a->lang);
    int top = widget_header(a, cur ? cur->native : a->lang, NULL);
    int w = th->w - 2 * th->margin;
    int bw = 0;
    for (size_t i = 0; i < a->content->nlangs; i++) {
        int need = widget_button_width(a, a->content->langs[i].native, NULL);
        if (need > bw)
            bw = need;
    }
    bw += 2 * th->pad;
    int cols = (w + th->gap) / (bw + th->gap);
    if (cols < 1)
        cols = 1;
    if (cols > 4)
        cols = 4;
    bw = (w - (cols - 1) * th->gap) / cols;
    int bh = th->button_h + th->pad;
    for (size_t i = 0; i < a->content->nlangs; i++) {
        const struct content_lang *l = &a->content->langs[i];
        int col = (int)i % cols, row = (int)i / cols;
        char id[UI_ID_LEN];
        snprintf(id, sizeof(id), "lang:%s", l->code);
        widget_button(a, id,
                      (SDL_Rect){th->margin + col * (bw + th->gap),
                                 top + th->pad + row * (bh + th->gap), bw, bh},
                      l->native, NULL, strcmp(l->code, a->lang) == 0 ? W_SELECTED : W_SECONDARY);
    }
}

const struct screen_ops screen_lang = {
    .name = "languages",
    .enter = lang_enter,
    .action = lang_action,
    .draw = lang_draw,
};
