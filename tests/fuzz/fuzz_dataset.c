/*
 * Fuzz target: the dataset loader. Besides "no crash, no leak", it checks a
 * property: whatever loads, saves to canonical JSON that loads again to the
 * same facts, and saving that second dataset gives the same bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <ipofacts/ipofacts.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void same_facts(const ipofacts_dataset *a, const ipofacts_dataset *b)
{
    if (ipofacts_dataset_fact_count(a) != ipofacts_dataset_fact_count(b))
        abort();
    size_t nc = ipofacts_dataset_company_count(a);
    if (nc != ipofacts_dataset_company_count(b))
        abort();
    for (size_t c = 0; c < nc; c++) {
        const ipofacts_company *ca = ipofacts_dataset_company(a, c);
        const ipofacts_company *cb = ipofacts_dataset_company(b, c);
        size_t nf = ipofacts_company_fact_count(ca);
        if (nf != ipofacts_company_fact_count(cb) || strcmp(ipofacts_company_id(ca), ipofacts_company_id(cb)) != 0)
            abort();
        for (size_t i = 0; i < nf; i++) {
            const ipofacts_fact *fa = ipofacts_company_fact(ca, i);
            const ipofacts_fact *fb = ipofacts_company_fact(cb, i);
            ipofacts_decimal va = ipofacts_fact_value(fa), vb = ipofacts_fact_value(fb);
            if (va.coefficient != vb.coefficient || va.exponent != vb.exponent)
                abort();
            if (ipofacts_fact_decimals(fa) != ipofacts_fact_decimals(fb) ||
                ipofacts_fact_qualifier(fa) != ipofacts_fact_qualifier(fb) ||
                strcmp(ipofacts_fact_unit(fa), ipofacts_fact_unit(fb)) != 0 ||
                strcmp(ipofacts_fact_concept_id(fa), ipofacts_fact_concept_id(fb)) != 0 ||
                ipofacts_fact_source_count(fa) != ipofacts_fact_source_count(fb))
                abort();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ipofacts_dataset *ds = NULL;
    ipofacts_error err;
    ipofacts_status st = ipofacts_dataset_load_buffer(&ds, (const char *)data, size, &err);
    if (st != IPOFACTS_OK) {
        if (ds != NULL || err.status != st || err.message[0] == '\0')
            abort(); /* a failed load returns nothing and always says why */
        return 0;
    }
    char *text = NULL, *text2 = NULL;
    size_t len = 0, len2 = 0;
    if (ipofacts_dataset_save_buffer(&text, &len, ds) != IPOFACTS_OK)
        abort();
    ipofacts_dataset *again = NULL;
    if (ipofacts_dataset_load_buffer(&again, text, len, &err) != IPOFACTS_OK)
        abort(); /* what we write, we read */
    same_facts(ds, again);
    if (ipofacts_dataset_save_buffer(&text2, &len2, again) != IPOFACTS_OK)
        abort();
    if (len != len2 || memcmp(text, text2, len) != 0)
        abort(); /* canonical output is a fixed point */
    ipofacts_string_free(text);
    ipofacts_string_free(text2);
    ipofacts_dataset_free(again);
    ipofacts_dataset_free(ds);
    return 0;
}
