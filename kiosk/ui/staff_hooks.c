/* staff_hooks: weak defaults for what other modules provide to the staff
 * menu; see staff_hooks.h. */
#include "ui/staff_hooks.h"
#include "ui/ui.h"

__attribute__((weak)) bool ui_print_test(struct app *a)
{
    staff_say(a, ui_str(a, S_STAFF_NO_PRINTER));
    return false;
}
