/* quick_exit: the "Close" button of sensitive pages (a service marked
 * sensitive, such as a shelter or help after violence, and the organisation
 * that provides one). It stays in the same place on screen whatever is
 * scrolled, in a colour of its own, and takes the visitor home at once,
 * forgetting the way there: no back history, no scroll position, no
 * keyboard focus, so the next person sees nothing of it. */
#ifndef AULA_UI_QUICK_EXIT_H
#define AULA_UI_QUICK_EXIT_H

#include "ui/ui.h"

#include <stdbool.h>

#define QUICK_EXIT_ID "quick-exit"

/* Draws the button over the screen (after its scrolled content). */
void quick_exit_draw(struct app *a);
/* The height the button covers at the bottom of the screen: scrolled
 * content adds it below its end so nothing stays hidden under the button. */
int quick_exit_reserve(const struct app *a);
/* Goes home and forgets the path; for a screen's action on QUICK_EXIT_ID.
 * The calling screen's state is freed: return at once. */
void quick_exit_activate(struct app *a);

#endif
