/* widget: the building blocks screens are made of — buttons, the header
 * band with back and home, badges, section titles, text blocks that mark
 * text shown in another language, and notices. Each draws with the theme
 * and registers its touch target; sizes come from the theme only. */
#ifndef AULA_UI_WIDGET_H
#define AULA_UI_WIDGET_H

#include "domain/i18n.h"
#include "ui/ui.h"

enum widget_kind {
    W_PRIMARY,   /* filled with the primary colour */
    W_SECONDARY, /* a card-coloured button with an outline */
    W_HEADER,    /* on the header band */
    W_SELECTED,  /* the chosen one of a group (language, day) */
};

/* A button with an optional icon; registers id. */
void widget_button(struct app *a, const char *id, SDL_Rect r, const char *label, const char *icon,
                   enum widget_kind kind);
/* The width a button needs for its label and icon (at least a touch target). */
int widget_button_width(struct app *a, const char *label, const char *icon);

/* The band at the top of inner screens: back, title (and a smaller line
 * above it), home. Returns the y where the body starts. */
int widget_header(struct app *a, const char *title, const char *kicker);

/* A small rounded label; returns its width. Height is widget_badge_h(). */
int widget_badge(struct app *a, int x, int y, const char *text, const char *icon,
                 enum theme_color fg, enum theme_color bg);
int widget_badge_h(const struct app *a);
int widget_badge_width(struct app *a, const char *text, const char *icon);

/* A section title with an icon; returns its height. */
int widget_section(struct app *a, int x, int y, int w, const char *title, const char *icon);

/* Wrapped text; when t is in another language than the visitor's, a small
 * badge with that language's name comes first. Returns the height. */
int widget_text(struct app *a, const struct i18n_text *t, int x, int y, int w, int size,
                enum text_weight weight, enum theme_color color);

/* A row of badges that wraps; returns the height used. */
int widget_badges(struct app *a, int x, int y, int w, const char *const *texts, size_t n,
                  const char *icon, enum theme_color fg, enum theme_color bg);

/* A notice across the bottom of the screen (idle countdown, stale content).
 * Returns the y of its top edge. */
int widget_notice(struct app *a, const char *msg);
/* A notice with one large button under its text (registers id); returns
 * the y of its top edge. */
int widget_notice_action(struct app *a, const char *msg, const char *id, const char *label,
                         const char *icon);

#endif
