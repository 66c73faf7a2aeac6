/* staff_hooks: what the staff menu asks of other parts of the kiosk.
 *
 * ui_print_test prints a test slip on the kiosk's printer (a->printer) and
 * says how it went with staff_say. The printer module provides it; until it
 * is linked in, a weak default (staff_hooks.c) says "no printer" and
 * returns false. A strong definition replaces the weak one only when its
 * object file is linked, so put it in a module the kiosk uses anyway. */
#ifndef AULA_UI_STAFF_HOOKS_H
#define AULA_UI_STAFF_HOOKS_H

#include <stdbool.h>

struct app;

/* Starts a test print; false when it could not be started. */
bool ui_print_test(struct app *a);
/* Shows msg on the staff status page (the result of the last action). */
void staff_say(struct app *a, const char *msg);

#endif
