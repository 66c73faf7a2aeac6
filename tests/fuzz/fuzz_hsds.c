/* fuzz_hsds: any bytes as HSDS: JSON if it starts like JSON, else CSV
 * tables of a data package separated by form feeds (organizations,
 * services, locations, service_at_location, phones, contacts, regular and
 * holiday schedules, in that order). */
#include "fuzz.h"
#include "import/hsds.h"

#include <string.h>

static const char *const tables[] = {
    "organizations.csv", "services.csv", "locations.csv",         "service_at_location.csv",
    "phones.csv",        "contacts.csv", "regular_schedules.csv", "holiday_schedules.csv"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct import_input in[8];
    size_t n = 0;
    const char *p = (const char *)data;
    if (size && (p[0] == '{' || p[0] == '[' || p[0] == ' ' || p[0] == '\n')) {
        in[n++] = (struct import_input){"fuzz.json", p, size};
    } else {
        const char *end = p + size;
        while (n < 8) {
            const char *ff = memchr(p, '\f', (size_t)(end - p));
            const char *stop = ff ? ff : end;
            in[n] = (struct import_input){tables[n], p, (size_t)(stop - p)};
            n++;
            if (!ff)
                break;
            p = ff + 1;
        }
    }
    struct import_options opt = {0};
    struct folder f;
    folder_init(&f);
    struct diag_list d;
    diag_list_init(&d);
    hsds_import(in, n, &opt, &f, &d);
    diag_list_free(&d);
    folder_free(&f);
    return 0;
}
