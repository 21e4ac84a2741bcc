/*
 * Values-only ratios (ipofacts_company_ratio_value(), ipofacts_dataset_ratio_table(),
 * ipofacts_company_ratio_table()) against the derivations (ipofacts_company_ratio(),
 * ipofacts_dataset_ratios()): the same ratios in the same order, and each ratio
 * identical byte for byte (value, interval, status, basis, flags, unit), over the
 * built-in dataset, the ratio fixtures and a dataset of the benchmark's generator.
 * Then the seed figures read from a table, and the argument checks.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <ipofacts/ipofacts.h>

/* The benchmark's generator, as a function: gen_main(argc, argv). */
#define main gen_main
#include "../bench/gen.c"
#undef main

static ipofacts_dataset *load(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/ratios/%s", IPOFACTS_TEST_DATA, name);
    ipofacts_dataset *ds = NULL;
    ipofacts_error err;
    assert_int_equal(ipofacts_dataset_load_file(&ds, path, &err), IPOFACTS_OK);
    return ds;
}

/* A generated dataset of `companies` companies. */
static ipofacts_dataset *generated(int companies)
{
    char path[] = "/tmp/ipofacts-ratio-values-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    char n[16];
    snprintf(n, sizeof n, "%d", companies);
    char *argv[] = {"gen", "--companies", n, "--out", path, NULL};
    assert_int_equal(gen_main(5, argv), 0);
    ipofacts_dataset *ds = NULL;
    ipofacts_error err;
    assert_int_equal(ipofacts_dataset_load_file(&ds, path, &err), IPOFACTS_OK);
    unlink(path);
    return ds;
}

static void assert_same_ratio(const ipofacts_ratio *a, const ipofacts_ratio *b, size_t index)
{
    if (memcmp(a, b, sizeof *a) != 0)
        fail_msg("ratio %zu: value %.17g/%.17g, interval [%.17g, %.17g]/[%.17g, %.17g] flags %u/%u, status %d/%d, "
                 "basis %d/%d, flags %u/%u, unit '%s'/'%s'",
                 index, a->value, b->value, a->interval.lo, a->interval.hi, b->interval.lo, b->interval.hi,
                 (unsigned)a->interval.flags, (unsigned)b->interval.flags, (int)a->status, (int)b->status,
                 (int)a->basis, (int)b->basis, (unsigned)a->flags, (unsigned)b->flags, a->unit, b->unit);
}

/* The options a row says its ratio was computed with. */
static ipofacts_ratio_options row_options(const ipofacts_ratio_row *row)
{
    ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
    o.basis = row->basis;
    o.concept_id = row->concept_id;
    o.cash_concept_id = row->cash_concept_id;
    o.segment = row->segment;
    o.fact = row->fact;
    return o;
}

/* Every ratio of the dataset: the table against the set, row for row, and
 * each row against ipofacts_company_ratio() and ipofacts_company_ratio_value()
 * with the row's options. Returns the number of rows. */
static size_t check_dataset(const ipofacts_dataset *ds)
{
    ipofacts_ratio_set *set = NULL;
    ipofacts_ratio_table *table = NULL;
    assert_int_equal(ipofacts_dataset_ratios(&set, ds), IPOFACTS_OK);
    assert_int_equal(ipofacts_dataset_ratio_table(&table, ds, NULL, 0), IPOFACTS_OK);
    size_t n = ipofacts_ratio_set_count(set);
    assert_int_equal(ipofacts_ratio_table_count(table), n);
    assert_true(n > 0);
    const ipofacts_ratio_row *rows = ipofacts_ratio_table_rows(table);
    assert_non_null(rows);
    size_t statuses[16] = {0};
    for (size_t i = 0; i < n; i++) {
        const ipofacts_derived *d = ipofacts_ratio_set_at(set, i);
        const ipofacts_ratio_row *row = &rows[i];
        assert_ptr_equal(ipofacts_ratio_table_at(table, i), row);
        assert_ptr_equal(row->company, ipofacts_derived_company(d));
        assert_ptr_equal(row->period, ipofacts_derived_period(d));
        assert_int_equal(row->kind, ipofacts_derived_kind(d));
        const char *seg = ipofacts_derived_segment(d);
        if (row->kind != IPOFACTS_RATIO_KIND_IMPLIED_RATE) {
            assert_true((seg == NULL) == (row->segment == NULL));
            if (seg != NULL)
                assert_string_equal(seg, row->segment);
        }
        assert_same_ratio(&row->ratio, ipofacts_derived_ratio(d), i);
        statuses[row->ratio.status & 15]++;

        ipofacts_ratio_options o = row_options(row);
        ipofacts_derived *again = NULL;
        ipofacts_ratio value;
        assert_int_equal(ipofacts_company_ratio(&again, row->company, row->kind, row->period, &o), IPOFACTS_OK);
        assert_int_equal(ipofacts_company_ratio_value(&value, row->company, row->kind, row->period, &o),
                         IPOFACTS_OK);
        assert_same_ratio(&value, ipofacts_derived_ratio(again), i);
        assert_same_ratio(&value, &row->ratio, i);
        ipofacts_derived_free(again);
    }
    /* Ratios with a value and ratios refused are both compared. */
    assert_true(statuses[IPOFACTS_RATIO_OK] > 0);
    assert_true(n - statuses[IPOFACTS_RATIO_OK] > 0);

    /* Each company's table is that company's slice of the dataset's. */
    size_t at = 0;
    for (size_t c = 0; c < ipofacts_dataset_company_count(ds); c++) {
        ipofacts_ratio_table *ct = NULL;
        const ipofacts_company *co = ipofacts_dataset_company(ds, c);
        assert_int_equal(ipofacts_company_ratio_table(&ct, co, NULL, 0), IPOFACTS_OK);
        size_t cn = ipofacts_ratio_table_count(ct);
        for (size_t i = 0; i < cn; i++) {
            const ipofacts_ratio_row *r = ipofacts_ratio_table_at(ct, i);
            assert_true(at + i < n);
            assert_ptr_equal(r->company, co);
            assert_int_equal(memcmp(r, &rows[at + i], sizeof *r), 0);
        }
        at += cn;
        ipofacts_ratio_table_free(ct);
    }
    assert_int_equal(at, n);
    ipofacts_ratio_set_free(set);
    ipofacts_ratio_table_free(table);
    return n;
}

/* Every kind for every period and the default options, including the
 * ratios the set leaves out (inputs missing), through both entry points. */
static void check_every_kind(const ipofacts_dataset *ds)
{
    for (size_t c = 0; c < ipofacts_dataset_company_count(ds); c++) {
        const ipofacts_company *co = ipofacts_dataset_company(ds, c);
        for (size_t p = 0; p < ipofacts_company_period_count(co); p++) {
            const ipofacts_period *period = ipofacts_company_period(co, p);
            for (int k = 1; k < IPOFACTS_RATIO_KIND_COUNT; k++) {
                if (k == IPOFACTS_RATIO_KIND_SEGMENT_SHARE || k == IPOFACTS_RATIO_KIND_HOLDING_VALUE)
                    continue;
                ipofacts_derived *d = NULL;
                ipofacts_ratio v;
                assert_int_equal(ipofacts_company_ratio(&d, co, (ipofacts_ratio_kind)k, period, NULL),
                                 IPOFACTS_OK);
                assert_int_equal(ipofacts_company_ratio_value(&v, co, (ipofacts_ratio_kind)k, period, NULL),
                                 IPOFACTS_OK);
                assert_same_ratio(&v, ipofacts_derived_ratio(d), (size_t)k);
                ipofacts_derived_free(d);
            }
        }
    }
}

static void test_builtin(void **state)
{
    (void)state;
    ipofacts_dataset *ds = NULL;
    assert_int_equal(ipofacts_dataset_open_builtin(&ds), IPOFACTS_OK);
    assert_true(check_dataset(ds) > 20);
    check_every_kind(ds);
    ipofacts_dataset_free(ds);
}

static void test_fixtures(void **state)
{
    (void)state;
    const char *names[] = {"minimax.json", "edge.json"};
    for (size_t i = 0; i < 2; i++) {
        ipofacts_dataset *ds = load(names[i]);
        check_dataset(ds);
        check_every_kind(ds);
        ipofacts_dataset_free(ds);
    }
}

static void test_generated(void **state)
{
    (void)state;
    const char *small = getenv("IPOFACTS_TEST_SMALL");
    ipofacts_dataset *ds = generated(small != NULL && small[0] == '1' ? 2 : 12);
    assert_true(check_dataset(ds) > 200);
    check_every_kind(ds);
    ipofacts_dataset_free(ds);
}

/* The seed figures: MiniMax's revenue growth and gross margin for FY2024. */
static void test_seed_figures(void **state)
{
    (void)state;
    ipofacts_dataset *ds = NULL;
    assert_int_equal(ipofacts_dataset_open_builtin(&ds), IPOFACTS_OK);
    const ipofacts_company *c = ipofacts_dataset_find_company(ds, "minimax");
    assert_non_null(c);
    ipofacts_ratio_kind kinds[] = {IPOFACTS_RATIO_KIND_GROSS_MARGIN, IPOFACTS_RATIO_KIND_GROWTH,
                                   IPOFACTS_RATIO_KIND_GROWTH};
    ipofacts_ratio_table *t = NULL;
    assert_int_equal(ipofacts_company_ratio_table(&t, c, kinds, 3), IPOFACTS_OK);
    int growth = 0, margin = 0;
    for (size_t i = 0; i < ipofacts_ratio_table_count(t); i++) {
        const ipofacts_ratio_row *r = ipofacts_ratio_table_at(t, i);
        assert_true(r->kind == IPOFACTS_RATIO_KIND_GROWTH || r->kind == IPOFACTS_RATIO_KIND_GROSS_MARGIN);
        if (i > 0) /* kinds in enum order, whatever the order asked */
            assert_true(ipofacts_ratio_table_at(t, i - 1)->kind <= r->kind);
        if (strcmp(ipofacts_period_label(r->period), "FY2024") != 0 || r->segment != NULL)
            continue;
        if (r->kind == IPOFACTS_RATIO_KIND_GROWTH && r->concept_id != NULL &&
            strcmp(r->concept_id, "revenue") == 0) {
            /* 30523000 / 3460000 - 1 */
            assert_int_equal(r->ratio.status, IPOFACTS_RATIO_OK);
            assert_true(fabs(r->ratio.value - (30523000.0 / 3460000.0 - 1)) < 1e-12);
            assert_true(fabs(r->ratio.interval.lo - 7.8088) < 5e-5);
            assert_true(fabs(r->ratio.interval.hi - 7.8346) < 5e-5);
            assert_string_equal(r->ratio.unit, "pure");
            growth++;
        }
        if (r->kind == IPOFACTS_RATIO_KIND_GROSS_MARGIN) {
            assert_int_equal(r->ratio.status, IPOFACTS_RATIO_OK);
            assert_true(fabs(r->ratio.value - 0.1225) < 5e-5);
            margin++;
        }
    }
    assert_int_equal(growth, 1);
    assert_int_equal(margin, 1);
    ipofacts_ratio_table_free(t);
    ipofacts_dataset_free(ds);
}

static void test_arguments(void **state)
{
    (void)state;
    ipofacts_dataset *ds = NULL;
    assert_int_equal(ipofacts_dataset_open_builtin(&ds), IPOFACTS_OK);
    const ipofacts_company *c = ipofacts_dataset_company(ds, 0);
    const ipofacts_company *other = ipofacts_dataset_company(ds, 1);
    const ipofacts_period *p = ipofacts_company_period(c, 0);
    ipofacts_ratio r;
    memset(&r, 0x5a, sizeof r);
    assert_int_equal(ipofacts_company_ratio_value(NULL, c, IPOFACTS_RATIO_KIND_GROWTH, p, NULL), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_company_ratio_value(&r, NULL, IPOFACTS_RATIO_KIND_GROWTH, p, NULL), IPOFACTS_E_INVALID);
    assert_true(r.value == 0 && r.status == 0 && r.unit[0] == '\0');
    assert_int_equal(ipofacts_company_ratio_value(&r, other, IPOFACTS_RATIO_KIND_GROWTH, p, NULL), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_company_ratio_value(&r, c, (ipofacts_ratio_kind)0, p, NULL), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_company_ratio_value(&r, c, IPOFACTS_RATIO_KIND_COUNT, p, NULL), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_company_ratio_value(&r, c, IPOFACTS_RATIO_KIND_SEGMENT_SHARE, p, NULL),
                     IPOFACTS_E_INVALID);
    ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
    o.version = 99;
    assert_int_equal(ipofacts_company_ratio_value(&r, c, IPOFACTS_RATIO_KIND_GROWTH, p, &o), IPOFACTS_E_INVALID);

    ipofacts_ratio_table *t = (ipofacts_ratio_table *)&r;
    ipofacts_ratio_kind bad[] = {IPOFACTS_RATIO_KIND_GROWTH, (ipofacts_ratio_kind)99};
    assert_int_equal(ipofacts_dataset_ratio_table(&t, ds, bad, 2), IPOFACTS_E_INVALID);
    assert_null(t);
    assert_int_equal(ipofacts_dataset_ratio_table(&t, ds, NULL, 3), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_dataset_ratio_table(&t, NULL, NULL, 0), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_dataset_ratio_table(NULL, ds, NULL, 0), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_company_ratio_table(&t, NULL, NULL, 0), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_ratio_table_count(NULL), 0);
    assert_null(ipofacts_ratio_table_rows(NULL));
    assert_null(ipofacts_ratio_table_at(NULL, 0));
    assert_int_equal(ipofacts_ratio_row_size(), sizeof(ipofacts_ratio_row));
    ipofacts_ratio_table_free(NULL);

    /* Only the kinds asked for. */
    ipofacts_ratio_kind one[] = {IPOFACTS_RATIO_KIND_NET_MARGIN, IPOFACTS_RATIO_KIND_NET_MARGIN};
    assert_int_equal(ipofacts_dataset_ratio_table(&t, ds, one, 2), IPOFACTS_OK);
    assert_true(ipofacts_ratio_table_count(t) > 0);
    for (size_t i = 0; i < ipofacts_ratio_table_count(t); i++)
        assert_int_equal(ipofacts_ratio_table_at(t, i)->kind, IPOFACTS_RATIO_KIND_NET_MARGIN);
    assert_null(ipofacts_ratio_table_at(t, ipofacts_ratio_table_count(t)));
    ipofacts_ratio_table_free(t);
    ipofacts_dataset_free(ds);
}

/* Several reports of one figure: the table (which finds a known concept's
 * facts by number) picks the preferred report as the derivations (which find
 * them by id) do, and never a segment's figure for the whole company. */
static const char preferred_json[] =
    "{\"format\": \"ipofacts-dataset/1\","
    " \"sources\": [{\"id\": \"a\", \"rank\": 2}, {\"id\": \"b\", \"rank\": 1}],"
    " \"companies\": [{\"id\": \"acme\", \"names\": {\"en\": \"Acme\"}, \"currency\": \"USD\","
    "  \"members\": [{\"id\": \"seg\", \"kind\": \"segment\"}],"
    "  \"periods\": [{\"id\": \"FY2023\", \"start\": \"2023-01-01\", \"end\": \"2023-12-31\"},"
    "               {\"id\": \"FY2024\", \"start\": \"2024-01-01\", \"end\": \"2024-12-31\"}],"
    "  \"facts\": ["
    "   {\"concept\": \"revenue\", \"period\": \"FY2023\", \"unit\": \"USD\", \"value\": \"800\", \"decimals\": 0,"
    "    \"sources\": [{\"source\": \"a\", \"text\": \"800\"}]},"
    "   {\"concept\": \"revenue\", \"period\": \"FY2024\", \"segment\": \"seg\", \"unit\": \"USD\", \"value\": \"400\","
    "    \"decimals\": 0, \"sources\": [{\"source\": \"b\", \"text\": \"400\"}]},"
    "   {\"concept\": \"revenue\", \"period\": \"FY2024\", \"unit\": \"USD\", \"value\": \"990\", \"decimals\": -1,"
    "    \"sources\": [{\"source\": \"b\", \"text\": \"990\"}]},"
    "   {\"concept\": \"revenue\", \"period\": \"FY2024\", \"unit\": \"USD\", \"value\": \"1001.5\", \"decimals\": 1,"
    "    \"qualifier\": \"approximately\", \"sources\": [{\"source\": \"b\", \"text\": \"about 1001.5\"}]},"
    "   {\"concept\": \"revenue\", \"period\": \"FY2024\", \"unit\": \"USD\", \"value\": \"1000\", \"decimals\": 0,"
    "    \"sources\": [{\"source\": \"a\", \"text\": \"1000\"}]},"
    "   {\"concept\": \"net_income\", \"period\": \"FY2024\", \"unit\": \"USD\", \"value\": \"100\", \"decimals\": 0,"
    "    \"sources\": [{\"source\": \"a\", \"text\": \"100\"}]},"
    "   {\"concept\": \"net_income\", \"period\": \"FY2024\", \"unit\": \"USD\", \"value\": \"120\", \"decimals\": 0,"
    "    \"sources\": [{\"source\": \"b\", \"text\": \"120\"}]}"
    "  ]}]}";

static void test_preferred_reports(void **state)
{
    (void)state;
    ipofacts_dataset *ds = NULL;
    ipofacts_error err;
    assert_int_equal(ipofacts_dataset_load_buffer(&ds, preferred_json, sizeof preferred_json - 1, &err),
                     IPOFACTS_OK);
    check_dataset(ds);
    check_every_kind(ds);
    const ipofacts_company *c = ipofacts_dataset_find_company(ds, "acme");
    assert_non_null(c);
    ipofacts_ratio_kind kinds[] = {IPOFACTS_RATIO_KIND_GROWTH, IPOFACTS_RATIO_KIND_NET_MARGIN};
    ipofacts_ratio_table *t = NULL;
    assert_int_equal(ipofacts_company_ratio_table(&t, c, kinds, 2), IPOFACTS_OK);
    int growth = 0, margin = 0;
    for (size_t i = 0; i < ipofacts_ratio_table_count(t); i++) {
        const ipofacts_ratio_row *r = ipofacts_ratio_table_at(t, i);
        if (strcmp(ipofacts_period_id(r->period), "FY2024") != 0 || r->segment != NULL)
            continue;
        if (r->kind == IPOFACTS_RATIO_KIND_GROWTH && r->concept_id != NULL &&
            strcmp(r->concept_id, "revenue") == 0) {
            /* 1000 (exact, finest of the exact) over 800, not 990 or 1001.5 */
            assert_int_equal(r->ratio.status, IPOFACTS_RATIO_OK);
            assert_true(fabs(r->ratio.value - 0.25) < 1e-15);
            growth++;
        }
        if (r->kind == IPOFACTS_RATIO_KIND_NET_MARGIN) {
            /* 120 (the better-ranked source) over 1000 */
            assert_int_equal(r->ratio.status, IPOFACTS_RATIO_OK);
            assert_true(fabs(r->ratio.value - 0.12) < 1e-15);
            margin++;
        }
    }
    assert_int_equal(growth, 1);
    assert_int_equal(margin, 1);
    ipofacts_ratio_table_free(t);
    ipofacts_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin),       cmocka_unit_test(test_fixtures),  cmocka_unit_test(test_generated),
        cmocka_unit_test(test_seed_figures),  cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_preferred_reports),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
