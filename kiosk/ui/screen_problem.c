/* screen_problem: shown instead of content when there is no snapshot or it
 * cannot be used. It says, in Finnish, Swedish and English (the visitor's
 * language is not known without content), that the screen is waiting for
 * content, what staff can do, and the technical reason in small print.
 * Never a black screen. */
#include "ui/screens.h"
#include "ui/widget.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>

struct problem_text {
    const char *title, *body;
};

/* fi, sv, en */
static const struct problem_text missing[3] = {
    {"Tämä näyttö odottaa sisältöä",
     "Henkilökunnalle: tuo sisältötiedosto USB-muistilla tai tarkista verkkoyhteys. Sisältö "
     "tehdään komennolla aula-pack build."},
    {"Den här skärmen väntar på innehåll",
     "För personalen: för in en innehållsfil med ett USB-minne eller kontrollera "
     "nätverksanslutningen. Innehållet görs med kommandot aula-pack build."},
    {"This screen is waiting for content",
     "For staff: bring a content file on a USB stick or check the network connection. Content "
     "is made with the command aula-pack build."},
};
static const struct problem_text broken[3] = {
    {"Sisältöä ei voitu avata",
     "Henkilökunnalle: sisältötiedosto on vaurioitunut tai väärää versiota. Tuo uusi tiedosto "
     "USB-muistilla tai palauta edellinen (aula-sync rollback)."},
    {"Innehållet kunde inte öppnas",
     "För personalen: innehållsfilen är skadad eller av fel version. För in en ny fil med ett "
     "USB-minne eller återställ den förra (aula-sync rollback)."},
    {"The content could not be opened",
     "For staff: the content file is damaged or of the wrong version. Bring a new file on a "
     "USB stick or go back to the previous one (aula-sync rollback)."},
};

static void *problem_enter(struct app *a, const char *arg)
{
    (void)a;
    (void)arg;
    return xcalloc(1, sizeof(struct scroll)); /* large text may not fit: it scrolls */
}

static void problem_leave(struct app *a, void *st)
{
    (void)a;
    free(st);
}

static void problem_draw(struct app *a, void *st)
{
    struct scroll *sc = st;
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    const struct problem_text *t = a->content_status == SNAPSHOT_MISSING ? missing : broken;
    int w = th->w - 2 * th->margin;
    if (w > th->max_line)
        w = th->max_line;
    int x = (th->w - w) / 2;
    /* Measure first, to centre the whole block. */
    int total = th->icon_large + th->gap;
    for (int i = 0; i < 3; i++) {
        struct text_style ts =
            draw_style(d, i == 0 ? th->fs_heading : th->fs_subheading, TEXT_BOLD, COL_TEXT, w);
        struct text_style bs =
            draw_style(d, i == 0 ? th->fs_body : th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, w);
        total += draw_text_height(d, t[i].title, &ts) + draw_text_height(d, t[i].body, &bs) +
                 th->gap * 2;
    }
    struct text_style ms = draw_style(d, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, w);
    total += draw_text_height(d, a->content_msg, &ms);
    int y = (th->h - total) / 2;
    if (y < th->margin)
        y = th->margin;
    int content_h = y + total + th->margin;
    y += ui_scroll_begin(a, sc, (SDL_Rect){0, 0, th->w, th->h});
    int disc = th->icon_large + th->gap;
    draw_rrect(d, (SDL_Rect){x, y - th->gap / 2, disc, disc}, disc / 2, draw_color(d, COL_WARN_BG));
    draw_icon(d, "info", (SDL_Rect){x + th->gap / 2, y, th->icon_large, th->icon_large},
              draw_color(d, COL_WARN_FG));
    y += disc + th->gap;
    for (int i = 0; i < 3; i++) {
        struct text_style ts =
            draw_style(d, i == 0 ? th->fs_heading : th->fs_subheading, TEXT_BOLD, COL_TEXT, w);
        struct text_style bs =
            draw_style(d, i == 0 ? th->fs_body : th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, w);
        y += draw_text(d, t[i].title, &ts, x, y)->h;
        y += draw_text(d, t[i].body, &bs, x, y)->h + th->gap * 2;
    }
    draw_rect(d, (SDL_Rect){x, y - th->gap, w, th->rule / 2 + 1}, draw_color(d, COL_SHADOW));
    draw_text(d, a->content_msg, &ms, x, y);
    ui_scroll_end(a, sc, content_h);
}

const struct screen_ops screen_problem = {
    .name = "problem",
    .enter = problem_enter,
    .draw = problem_draw,
    .leave = problem_leave,
};
