/* fuzz_csv: any bytes as a content CSV file (separator detection, BOM,
 * quoting, UTF-8 check, line numbers). */
#include "fuzz.h"
#include "pack/csvfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct csv_table t;
    struct diag_list d;
    diag_list_init(&d);
    if (csvfile_parse((const char *)data, size, "fuzz.csv", &t, &d)) {
        for (size_t r = 0; r < t.nrows; r++)
            for (size_t c = 0; c < t.ncols; c++)
                (void)csvfile_cell(&t, r, (int)c);
    }
    csvfile_free(&t);
    diag_list_free(&d);
    return 0;
}
