/*
 * Eight threads read one dataset at once: they walk every company, period,
 * fact and source, look companies up by id, ticker and Chinese name, and
 * compute every ratio of every company. Each thread's results must equal the
 * single-threaded ones. Run under ThreadSanitizer by the tsan gate
 * (tools/gates.sh tsan), this also proves there is no data race.
 *
 * Eight threads also load and import at once: the loader and the SEC
 * importer keep no global state (no parser's global error record), so each
 * thread's datasets and error reports equal one thread's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include <ipofacts/ipofacts.h>

#define THREADS 8
#define ROUNDS 20

typedef struct summary {
    uint64_t facts;          /* facts visited */
    uint64_t digest;         /* a hash of every fact's value, unit and first quote */
    uint64_t lookups_ok;     /* company lookups that found the right company */
    uint64_t ratios;         /* ratios computed */
    uint64_t ratios_ok;      /* ratios whose status is OK */
    double ratio_sum;        /* sum of the OK ratios' values */
    int failed;              /* a call returned an unexpected status */
} summary;

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h;
}

static uint64_t hash_str(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = mix(h, (unsigned char)*s);
    return h;
}

static void read_everything(const ipofacts_dataset *ds, summary *out)
{
    memset(out, 0, sizeof *out);
    for (size_t c = 0; c < ipofacts_dataset_company_count(ds); c++) {
        const ipofacts_company *co = ipofacts_dataset_company(ds, c);
        for (size_t p = 0; p < ipofacts_company_period_count(co); p++) {
            const ipofacts_period *pe = ipofacts_company_period(co, p);
            for (size_t i = 0; i < ipofacts_period_fact_count(pe); i++) {
                const ipofacts_fact *f = ipofacts_period_fact_at(pe, i);
                ipofacts_decimal v = ipofacts_fact_value(f);
                out->digest = mix(out->digest, (uint64_t)v.coefficient);
                out->digest = mix(out->digest, (uint64_t)(int64_t)v.exponent);
                out->digest = hash_str(out->digest, ipofacts_fact_unit(f));
                out->digest = hash_str(out->digest, ipofacts_fact_quote(f, 0));
                out->digest = hash_str(out->digest, ipofacts_source_id(ipofacts_fact_source(f, 0)));
                out->facts++;
            }
        }
        ipofacts_ratio_set *set = NULL;
        if (ipofacts_company_ratios(&set, co) != IPOFACTS_OK) {
            out->failed = 1;
            continue;
        }
        for (size_t i = 0; i < ipofacts_ratio_set_count(set); i++) {
            const ipofacts_ratio *r = ipofacts_derived_ratio(ipofacts_ratio_set_at(set, i));
            out->ratios++;
            if (r->status == IPOFACTS_RATIO_OK) {
                out->ratios_ok++;
                out->ratio_sum += r->value;
            }
        }
        ipofacts_ratio_set_free(set);
    }
    const ipofacts_company *m = ipofacts_dataset_find_company(ds, "minimax");
    static const char *const keys[] = {"minimax", "MiniMax", "00100", "100", "稀宇科技"};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        if (m != NULL && ipofacts_dataset_find_company(ds, keys[k]) == m)
            out->lookups_ok++;
}

typedef struct job {
    const ipofacts_dataset *ds;
    summary result;
} job;

static void *worker(void *arg)
{
    job *j = arg;
    summary s;
    for (int round = 0; round < ROUNDS; round++) {
        read_everything(j->ds, &s);
        if (round == 0)
            j->result = s;
        else if (memcmp(&s, &j->result, sizeof s) != 0)
            j->result.failed = 1;
    }
    return NULL;
}

static void test_eight_threads_one_dataset(void **state)
{
    (void)state;
    ipofacts_dataset *ds = NULL;
    assert_int_equal(ipofacts_dataset_open_builtin(&ds), IPOFACTS_OK);
    summary alone;
    read_everything(ds, &alone);
    assert_int_equal(alone.failed, 0);
    assert_int_equal(alone.facts, ipofacts_dataset_fact_count(ds));
    assert_int_equal(alone.lookups_ok, 5);
    assert_true(alone.ratios_ok > 10);

    pthread_t threads[THREADS];
    job jobs[THREADS];
    for (int i = 0; i < THREADS; i++) {
        jobs[i].ds = ds;
        assert_int_equal(pthread_create(&threads[i], NULL, worker, &jobs[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_join(threads[i], NULL), 0);
        assert_int_equal(jobs[i].result.failed, 0);
        assert_memory_equal(&jobs[i].result, &alone, sizeof alone);
    }
    print_message("%d threads x %d rounds: %llu facts and %llu ratios each, identical to one thread\n", THREADS,
                  ROUNDS, (unsigned long long)alone.facts, (unsigned long long)alone.ratios);
    ipofacts_dataset_free(ds);
}

/* What one round of loads and imports gives: counts and error reports. */
typedef struct load_round {
    size_t dataset_facts;     /* tests/data/dataset/minimax.json */
    size_t sec_facts;         /* tests/data/sec/lpa-trimmed.json */
    ipofacts_error bad_json;  /* tests/data/bad/malformed.json */
    ipofacts_error bad_utf8;  /* tests/data/bad/invalid_utf8.json */
    ipofacts_error bad_sec;   /* tests/data/sec/bad-val-2p53.json */
    int failed;
} load_round;

static void load_everything(load_round *out)
{
    memset(out, 0, sizeof *out);
    ipofacts_dataset *ds = NULL;
    if (ipofacts_dataset_load_file(&ds, IPOFACTS_TEST_DATA "/dataset/minimax.json", NULL) != IPOFACTS_OK) {
        out->failed = 1;
        return;
    }
    out->dataset_facts = ipofacts_dataset_fact_count(ds);
    ipofacts_dataset_free(ds);
    ds = NULL;
    if (ipofacts_dataset_import_sec_companyfacts_file(&ds, IPOFACTS_TEST_DATA "/sec/lpa-trimmed.json", NULL, NULL) !=
        IPOFACTS_OK) {
        out->failed = 1;
        return;
    }
    out->sec_facts = ipofacts_dataset_fact_count(ds);
    ipofacts_dataset_free(ds);
    ds = NULL;
    if (ipofacts_dataset_load_file(&ds, IPOFACTS_TEST_DATA "/bad/malformed.json", &out->bad_json) == IPOFACTS_OK ||
        ipofacts_dataset_load_file(&ds, IPOFACTS_TEST_DATA "/bad/invalid_utf8.json", &out->bad_utf8) == IPOFACTS_OK ||
        ipofacts_dataset_import_sec_companyfacts_file(&ds, IPOFACTS_TEST_DATA "/sec/bad-val-2p53.json", NULL,
                                                      &out->bad_sec) == IPOFACTS_OK || ds != NULL)
        out->failed = 1;
}

static void *load_worker(void *arg)
{
    load_round *result = arg, r;
    for (int round = 0; round < ROUNDS / 4; round++) {
        load_everything(&r);
        if (round == 0)
            *result = r;
        else if (memcmp(&r, result, sizeof r) != 0)
            result->failed = 1;
    }
    return NULL;
}

static void test_eight_threads_load_and_import(void **state)
{
    (void)state;
    load_round alone;
    load_everything(&alone);
    assert_int_equal(alone.failed, 0);
    assert_true(alone.dataset_facts > 0);
    /* The trimmed LPA companyfacts file gives the 38 facts of docs/import-sec.md. */
    assert_int_equal(alone.sec_facts, 38);
    assert_int_equal(alone.bad_json.status, IPOFACTS_E_SYNTAX);
    assert_true(alone.bad_json.line > 0 && alone.bad_json.column > 0);
    assert_int_equal(alone.bad_utf8.status, IPOFACTS_E_UTF8);
    assert_int_equal(alone.bad_sec.status, IPOFACTS_E_RANGE);
    assert_non_null(strstr(alone.bad_sec.message, "2^53"));

    pthread_t threads[THREADS];
    load_round results[THREADS];
    for (int i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&threads[i], NULL, load_worker, &results[i]), 0);
    for (int i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_join(threads[i], NULL), 0);
        assert_int_equal(results[i].failed, 0);
        assert_memory_equal(&results[i], &alone, sizeof alone);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eight_threads_one_dataset),
        cmocka_unit_test(test_eight_threads_load_and_import),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
