/* staff_hooks: what the staff menu asks of other parts of the kiosk.
 *
 * ui_print_test (ui/print_ui.c) prints a test slip on the kiosk's printer
 * (a->printer) and shows how it went; with no printer it says so and
 * returns false. */
#ifndef AULA_UI_STAFF_HOOKS_H
#define AULA_UI_STAFF_HOOKS_H

#include <stdbool.h>

struct app;

/* Starts a test print; false when it could not be started. */
bool ui_print_test(struct app *a);
/* Shows msg on the staff status page (the result of the last action). */
void staff_say(struct app *a, const char *msg);

#endif
