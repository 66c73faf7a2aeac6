/* fuzz_ics: any bytes as an iCalendar file, read and every event expanded
 * over a year, as aula-pack does with a partner's calendar feed. */
#include "fuzz.h"
#include "pack/ics.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    if (!path[0]) {
        snprintf(path, sizeof(path), "/tmp/aula-fuzz-ics-%ld.ics", (long)getpid());
    }
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    struct ics_calendar cal = {0};
    struct diag_list d;
    diag_list_init(&d);
    if (ics_load(path, "fuzz.ics", &cal, &d)) {
        for (size_t i = 0; i < cal.n; i++) {
            struct recur_spec spec;
            ics_event_spec(&cal.v[i], "Europe/Helsinki", i % 2 == 0, &spec);
            struct occurrence_list occ = {0};
            char err[256];
            /* 2026-11-16 .. 2027-05-23 UTC, as the default window. */
            recur_expand(&spec, 1795219200, 1810857600, 5000, &occ, err, sizeof(err));
            occurrence_list_free(&occ);
        }
    }
    ics_calendar_free(&cal);
    diag_list_free(&d);
    unlink(path);
    return 0;
}
