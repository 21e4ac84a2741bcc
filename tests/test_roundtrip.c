/*
 * Round trip over the built-in dataset: data/builtin.json is kept in canonical
 * form, so saving the dataset the library opens from it gives the same bytes;
 * loading what was saved gives the same facts, digits, sources and quotes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ipofacts/ipofacts.h>

#ifndef IPOFACTS_BUILTIN_JSON_PATH
#define IPOFACTS_BUILTIN_JSON_PATH IPOFACTS_TEST_DATA "/../../data/builtin.json"
#endif

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
    buf[size] = '\0';
    fclose(f);
    *len = (size_t)size;
    return buf;
}

static void assert_same_strings(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

static void assert_same_datasets(const ipofacts_dataset *a, const ipofacts_dataset *b)
{
    assert_int_equal(ipofacts_dataset_source_count(a), ipofacts_dataset_source_count(b));
    for (size_t i = 0; i < ipofacts_dataset_source_count(a); i++) {
        const ipofacts_source *sa = ipofacts_dataset_source(a, i), *sb = ipofacts_dataset_source(b, i);
        assert_string_equal(ipofacts_source_id(sa), ipofacts_source_id(sb));
        assert_same_strings(ipofacts_source_publisher(sa), ipofacts_source_publisher(sb));
        assert_same_strings(ipofacts_source_title(sa), ipofacts_source_title(sb));
        assert_same_strings(ipofacts_source_document(sa), ipofacts_source_document(sb));
    }
    assert_int_equal(ipofacts_dataset_company_count(a), ipofacts_dataset_company_count(b));
    assert_int_equal(ipofacts_dataset_fact_count(a), ipofacts_dataset_fact_count(b));
    for (size_t c = 0; c < ipofacts_dataset_company_count(a); c++) {
        const ipofacts_company *ca = ipofacts_dataset_company(a, c), *cb = ipofacts_dataset_company(b, c);
        assert_string_equal(ipofacts_company_id(ca), ipofacts_company_id(cb));
        assert_int_equal(ipofacts_company_fact_count(ca), ipofacts_company_fact_count(cb));
        for (size_t i = 0; i < ipofacts_company_fact_count(ca); i++) {
            const ipofacts_fact *fa = ipofacts_company_fact(ca, i), *fb = ipofacts_company_fact(cb, i);
            ipofacts_decimal va = ipofacts_fact_value(fa), vb = ipofacts_fact_value(fb);
            assert_int_equal(va.coefficient, vb.coefficient);
            assert_int_equal(va.exponent, vb.exponent);
            assert_string_equal(ipofacts_fact_concept_id(fa), ipofacts_fact_concept_id(fb));
            assert_string_equal(ipofacts_fact_unit(fa), ipofacts_fact_unit(fb));
            assert_string_equal(ipofacts_period_id(ipofacts_fact_period(fa)),
                                ipofacts_period_id(ipofacts_fact_period(fb)));
            assert_same_strings(ipofacts_fact_segment(fa), ipofacts_fact_segment(fb));
            assert_int_equal(ipofacts_fact_decimals(fa), ipofacts_fact_decimals(fb));
            assert_int_equal(ipofacts_fact_qualifier(fa), ipofacts_fact_qualifier(fb));
            assert_int_equal(ipofacts_fact_source_count(fa), ipofacts_fact_source_count(fb));
            for (size_t s = 0; s < ipofacts_fact_source_count(fa); s++) {
                assert_string_equal(ipofacts_source_id(ipofacts_fact_source(fa, s)),
                                    ipofacts_source_id(ipofacts_fact_source(fb, s)));
                assert_same_strings(ipofacts_fact_quote(fa, s), ipofacts_fact_quote(fb, s));
            }
        }
    }
}

static void test_builtin_is_canonical(void **state)
{
    (void)state;
    size_t file_len = 0;
    char *file = read_file(IPOFACTS_BUILTIN_JSON_PATH, &file_len);
    assert_non_null(file);
    ipofacts_dataset *ds = NULL;
    assert_int_equal(ipofacts_dataset_open_builtin(&ds), IPOFACTS_OK);
    char *saved = NULL;
    size_t saved_len = 0;
    assert_int_equal(ipofacts_dataset_save_buffer(&saved, &saved_len, ds), IPOFACTS_OK);
    /* Byte for byte: the embedded copy is the file, and the file is canonical. */
    if (saved_len != file_len || memcmp(saved, file, file_len) != 0) {
        size_t i = 0;
        while (i < saved_len && i < file_len && saved[i] == file[i])
            i++;
        fail_msg("save(builtin) differs from data/builtin.json at byte %zu (lengths %zu and %zu)", i, saved_len,
                 file_len);
    }
    ipofacts_string_free(saved);
    ipofacts_dataset_free(ds);
    free(file);
}

static void test_save_load_keeps_everything(void **state)
{
    (void)state;
    ipofacts_dataset *ds = NULL;
    assert_int_equal(ipofacts_dataset_open_builtin(&ds), IPOFACTS_OK);
    char dir[] = "/tmp/ipofacts-roundtrip-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/builtin.json", dir);
    ipofacts_error err;
    assert_int_equal(ipofacts_dataset_save_file(ds, path, &err), IPOFACTS_OK);
    ipofacts_dataset *again = NULL;
    assert_int_equal(ipofacts_dataset_load_file(&again, path, &err), IPOFACTS_OK);
    assert_same_datasets(ds, again);
    /* A few digits by hand: MiniMax FY2024 revenue "3052.3 萬美元" is 30523000,
     * decimals -3; its 2023 net loss "2.69 亿美元" is -269000000. */
    const ipofacts_company *c = ipofacts_dataset_find_company(again, "minimax");
    assert_non_null(c);
    const ipofacts_fact *f = NULL;
    assert_int_equal(ipofacts_period_fact(ipofacts_company_find_period(c, "FY2024"), IPOFACTS_CONCEPT_REVENUE, &f),
                     IPOFACTS_OK);
    ipofacts_decimal v = ipofacts_fact_value(f), want = ipofacts_decimal_make(30523, 3);
    assert_int_equal(ipofacts_decimal_cmp(&v, &want), 0);
    assert_int_equal(ipofacts_fact_decimals(f), -3);
    assert_int_equal(ipofacts_period_fact(ipofacts_company_find_period(c, "FY2023"), IPOFACTS_CONCEPT_NET_INCOME, &f),
                     IPOFACTS_OK);
    v = ipofacts_fact_value(f);
    want = ipofacts_decimal_make(-269, 6);
    assert_int_equal(ipofacts_decimal_cmp(&v, &want), 0);
    unlink(path);
    rmdir(dir);
    ipofacts_dataset_free(again);
    ipofacts_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_is_canonical),
        cmocka_unit_test(test_save_load_keeps_everything),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
