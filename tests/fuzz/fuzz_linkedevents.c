/* fuzz_linkedevents: any bytes as a Linked Events API page. */
#include "fuzz.h"
#include "import/linkedevents.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct import_input in = {"fuzz.json", (const char *)data, size};
    struct import_options opt = {0};
    struct folder f;
    folder_init(&f);
    struct diag_list d;
    diag_list_init(&d);
    linkedevents_import(&in, 1, &opt, &f, &d);
    diag_list_free(&d);
    folder_free(&f);
    return 0;
}
