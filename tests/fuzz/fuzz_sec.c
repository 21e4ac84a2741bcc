/*
 * Fuzz target: the SEC companyfacts importer. Besides "no crash, no leak":
 * a failed import returns nothing and says why; a successful one gives a
 * dataset whose canonical JSON loads back with the same number of facts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <ipofacts/ipofacts.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ipofacts_dataset *ds = NULL;
    ipofacts_sec_import_summary summary;
    ipofacts_error err;
    ipofacts_status st = ipofacts_dataset_import_sec_companyfacts_buffer(&ds, (const char *)data, size, &summary, &err);
    if (st != IPOFACTS_OK) {
        if (ds != NULL || err.status != st || err.message[0] == '\0')
            abort();
        return 0;
    }
    if (summary.facts != ipofacts_dataset_fact_count(ds))
        abort();
    char *text = NULL;
    size_t len = 0;
    if (ipofacts_dataset_save_buffer(&text, &len, ds) != IPOFACTS_OK)
        abort();
    ipofacts_dataset *again = NULL;
    if (ipofacts_dataset_load_buffer(&again, text, len, &err) != IPOFACTS_OK)
        abort();
    if (ipofacts_dataset_fact_count(again) != ipofacts_dataset_fact_count(ds))
        abort();
    ipofacts_dataset_free(again);
    ipofacts_string_free(text);
    ipofacts_dataset_free(ds);
    return 0;
}
