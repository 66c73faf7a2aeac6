/* fuzz_ptv: any bytes as a PTV Open API file; the importer must report,
 * never crash, and whatever it produces must be writable as CSV. */
#include "fuzz.h"
#include "base/strbuf.h"
#include "import/ptv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct import_input in = {"fuzz.json", (const char *)data, size};
    struct import_options opt = {0};
    struct folder f;
    folder_init(&f);
    struct diag_list d;
    diag_list_init(&d);
    ptv_import(&in, 1, &opt, &f, &d);
    struct strbuf b;
    strbuf_init(&b);
    for (size_t t = 0; t < f.n; t++)
        for (size_t r = 0; r < f.t[t]->nrows; r++)
            for (size_t c = 0; c < f.t[t]->ncols; c++)
                folder_csv_cell(&b, folder_cell_at(f.t[t], r, c));
    strbuf_free(&b);
    diag_list_free(&d);
    folder_free(&f);
    return 0;
}
