/* icon: the kiosk's pictograms, drawn from a few geometric primitives
 * (discs, rings, capsules, rounded boxes, triangles) on a 24-unit grid and
 * rasterized with anti-aliasing at the size asked, so they are sharp at
 * every screen size and need no image files. Category tiles name their icon
 * in the content (taxonomy_term.icon); assets/icons/README.md lists the
 * names. */
#ifndef AULA_UI_ICON_H
#define AULA_UI_ICON_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

/* True if name is a known icon. */
bool icon_exists(const char *name);
/* True if the icon points somewhere and mirrors in right-to-left layouts. */
bool icon_directional(const char *name);
/* A size x size surface, white with the icon's coverage as alpha; unknown
 * names give a plain dot. Free with SDL_FreeSurface. */
SDL_Surface *icon_render(const char *name, int size);
/* Names of all icons, for documentation and tests. */
size_t icon_names(const char *const **out);

#endif
