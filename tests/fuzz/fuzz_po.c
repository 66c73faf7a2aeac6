/* fuzz_po: any bytes as a translation (.po) file. */
#include "base/po.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct po_file po;
    struct diag_list d;
    diag_list_init(&d);
    if (po_parse((const char *)data, size, "fuzz.po", &po, &d) && po.n)
        (void)po_lookup(&po, po.v[po.n - 1].ctxt);
    po_free(&po);
    diag_list_free(&d);
    return 0;
}
