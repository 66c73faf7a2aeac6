/* aula-sync: installs signed content updates from a USB stick or a web
 * server, rolls back, and reports status. Wiring only: the work is in
 * kiosk/sync/. */
#include "sync/synccmd.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    return synccmd_main(argc, argv, stdout, stderr);
}
