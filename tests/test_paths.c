/*
 * Paths of the library that the static analysis of lib/ (tools/gates.sh
 * static) walks and the other suites reach rarely: a failing operand among
 * the customers of a concentration, facts without sources, duplicate members
 * found past the first 32 keys of an object, the element loops of the loader
 * on empty and mistyped arrays, input of blanks only, the error offsets of
 * the SEC importer after blanks, and the wording of a conflict between two
 * reports whichever of them comes first. Figures are the seed articles'
 * (MiniMax FY2023 revenue 346 萬美元 in one article, 350 萬美元 in another;
 * its largest customer 128.7 萬), worked out by hand below.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ipofacts/ipofacts.h>
#include <ipofacts/check.h>
#include <ipofacts/ratios.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static ipofacts_ratio exact(const char *value, int32_t decimals, const char *unit)
{
    ipofacts_decimal d;
    ipofacts_ratio r;
    assert_int_equal(ipofacts_decimal_parse(&d, value, strlen(value)), IPOFACTS_OK);
    assert_int_equal(ipofacts_ratio_input(&r, &d, NULL, decimals, IPOFACTS_QUALIFIER_EXACT, unit), IPOFACTS_OK);
    return r;
}

/* A refusal: the status, and numbers that are all zero. */
static void refused(const ipofacts_ratio *r, ipofacts_ratio_status st)
{
    if (r->status != st)
        fail_msg("status %s, expected %s", ipofacts_ratio_status_name(r->status), ipofacts_ratio_status_name(st));
    assert_true(r->value == 0);
    assert_true(r->interval.lo == 0);
    assert_true(r->interval.hi == 0);
}

/* Loading `text` fails with `status` at `path`, the message holding `words`. */
static void load_fails(const char *text, ipofacts_status status, const char *path, uint64_t offset,
                       const char *words)
{
    ipofacts_dataset *ds = (ipofacts_dataset *)&ds;
    ipofacts_error err;
    ipofacts_status st = ipofacts_dataset_load_buffer(&ds, text, strlen(text), &err);
    if (st != status)
        fail_msg("status %s (%s: %s), expected %s", ipofacts_status_str(st), err.path, err.message,
                 ipofacts_status_str(status));
    assert_null(ds);
    assert_int_equal(err.status, status);
    assert_string_equal(err.path, path);
    if (offset != UINT64_MAX)
        assert_int_equal(err.offset, offset);
    if (strstr(err.message, words) == NULL)
        fail_msg("message \"%s\" lacks \"%s\"", err.message, words);
}

static ipofacts_dataset *load_ok(const char *text)
{
    ipofacts_dataset *ds = NULL;
    ipofacts_error err;
    if (ipofacts_dataset_load_buffer(&ds, text, strlen(text), &err) != IPOFACTS_OK)
        fail_msg("cannot load: %s %s", err.path, err.message);
    assert_non_null(ds);
    return ds;
}

/* One company "m" with FY2023 and the facts and members given. */
#define DATASET(members, facts)                                                                                \
    "{\"format\": \"ipofacts-dataset/1\", \"sources\": [{\"id\": \"s000\"}, {\"id\": \"s001\"}], "              \
    "\"companies\": [{\"id\": \"m\", \"names\": {\"en\": \"M\"}, \"currency\": \"USD\", \"members\": [" members \
    "], \"periods\": [{\"id\": \"FY2023\", \"start\": \"2023-01-01\", \"end\": \"2023-12-31\"}], \"facts\": [" \
    facts "]}]}"

/* ------------------------------------------------------------------ */
/* Concentration with a failing operand                                */
/* ------------------------------------------------------------------ */

static void test_concentration_failing_customer(void **state)
{
    (void)state;
    ipofacts_ratio r;
    /* FY2023 revenue 346 萬 (decimals -4); the largest customer 128.7 萬
     * (37.2%), the next 35 萬 and 20 萬 (decimals -3). */
    ipofacts_ratio rev23 = exact("3460000", -4, "USD");
    ipofacts_ratio top = exact("1287000", -3, "USD");
    ipofacts_ratio second = exact("350000", -3, "USD");

    /* A customer that is itself a refusal (a share with no whole) stops the
     * computation with its status, wherever it is in the list. */
    ipofacts_ratio missing;
    ipofacts_ratio_share(&missing, &second, NULL);
    refused(&missing, IPOFACTS_RATIO_MISSING_INPUT);
    ipofacts_ratio first_bad[3] = {missing, top, second};
    assert_int_equal(ipofacts_ratio_concentration(&r, first_bad, 3, 1, &rev23), IPOFACTS_OK);
    refused(&r, IPOFACTS_RATIO_MISSING_INPUT);
    ipofacts_ratio last_bad[3] = {top, second, missing};
    assert_int_equal(ipofacts_ratio_concentration(&r, last_bad, 3, 2, &rev23), IPOFACTS_OK);
    refused(&r, IPOFACTS_RATIO_MISSING_INPUT);

    /* A value that is not a number, and a negative revenue: invalid input. */
    ipofacts_ratio nan_value = top;
    nan_value.value = NAN;
    ipofacts_ratio with_nan[2] = {second, nan_value};
    assert_int_equal(ipofacts_ratio_concentration(&r, with_nan, 2, 1, &rev23), IPOFACTS_OK);
    refused(&r, IPOFACTS_RATIO_INVALID_INPUT);
    ipofacts_ratio negative[2] = {top, exact("-350000", -3, "USD")};
    assert_int_equal(ipofacts_ratio_concentration(&r, negative, 2, 1, &rev23), IPOFACTS_OK);
    refused(&r, IPOFACTS_RATIO_INVALID_INPUT);

    /* The same customers without the failing one: 128.7 萬 / 346 萬 =
     * 0.371965..., bounds 1286500 / 3465000 and 1287500 / 3455000. */
    ipofacts_ratio good[2] = {second, top};
    assert_int_equal(ipofacts_ratio_concentration(&r, good, 2, 1, &rev23), IPOFACTS_OK);
    assert_int_equal(r.status, IPOFACTS_RATIO_OK);
    assert_true(fabs(r.value - 1287000.0 / 3460000) < 1e-12);
    assert_true(r.interval.lo <= 1286500.0 / 3465000 && r.interval.lo > 1286500.0 / 3465000 - 1e-12);
    assert_true(r.interval.hi >= 1287500.0 / 3455000 && r.interval.hi < 1287500.0 / 3455000 + 1e-12);
}

/* ------------------------------------------------------------------ */
/* The loader                                                          */
/* ------------------------------------------------------------------ */

#define REVENUE_FACT(extra)                                                                                   \
    "{\"concept\": \"revenue\", \"period\": \"FY2023\", \"unit\": \"USD\", \"value\": \"3460000\", "        \
    "\"decimals\": -4" extra "}"

static void test_fact_sources(void **state)
{
    (void)state;
    /* "sources" is required and must not be empty. */
    load_fails(DATASET("", REVENUE_FACT(", \"sources\": []")), IPOFACTS_E_SCHEMA,
               "$.companies[0].facts[0].sources", UINT64_MAX, "at least one source");
    load_fails(DATASET("", REVENUE_FACT("")), IPOFACTS_E_SCHEMA, "$.companies[0].facts[0]", UINT64_MAX,
               "missing member \"sources\"");
    load_fails(DATASET("", REVENUE_FACT(", \"sources\": {}")), IPOFACTS_E_SCHEMA,
               "$.companies[0].facts[0].sources", UINT64_MAX, "must be an array");
    /* The second citation is the bad one: the loop reaches it. */
    load_fails(DATASET("", REVENUE_FACT(", \"sources\": [{\"source\": \"s000\"}, \"s001\"]")), IPOFACTS_E_SCHEMA,
               "$.companies[0].facts[0].sources[1]", UINT64_MAX, "a citation must be an object");
    load_fails(DATASET("", REVENUE_FACT(", \"sources\": [{\"source\": \"s000\"}, {\"source\": \"s002\"}]")),
               IPOFACTS_E_REFERENCE, "$.companies[0].facts[0].sources[1].source", UINT64_MAX,
               "no source has the id \"s002\"");

    /* Two citations, both kept, the best rank the better one's. */
    ipofacts_dataset *ds = load_ok(DATASET(
        "", REVENUE_FACT(", \"sources\": [{\"source\": \"s000\", \"text\": \"346 萬美元\"}, {\"source\": \"s001\"}]")));
    const ipofacts_fact *f = ipofacts_company_fact(ipofacts_dataset_company(ds, 0), 0);
    assert_non_null(f);
    assert_int_equal(ipofacts_fact_source_count(f), 2);
    assert_string_equal(ipofacts_fact_quote(f, 0), "346 萬美元");
    ipofacts_dataset_free(ds);
}

static void test_members_related(void **state)
{
    (void)state;
    /* An empty "related" list; then one whose second entry is a number. */
    ipofacts_dataset *ds = load_ok(DATASET("{\"id\": \"ipo\", \"kind\": \"round\", \"related\": []}", ""));
    const ipofacts_member *ipo = ipofacts_company_find_member(ipofacts_dataset_company(ds, 0), "ipo");
    assert_non_null(ipo);
    assert_int_equal(ipofacts_member_related_count(ipo), 0);
    assert_null(ipofacts_member_related(ipo, 0));
    ipofacts_dataset_free(ds);
    load_fails(DATASET("{\"id\": \"adia\", \"kind\": \"investor\"}, "
                       "{\"id\": \"ipo\", \"kind\": \"round\", \"related\": [\"adia\", 5]}",
                       ""),
               IPOFACTS_E_SCHEMA, "$.companies[0].members[1].related[1]", UINT64_MAX,
               "a related member must be a member id string");
    /* A related id that names no member of the company. */
    load_fails(DATASET("{\"id\": \"ipo\", \"kind\": \"round\", \"related\": [\"ipo\", \"mirae_asset\"]}", ""),
               IPOFACTS_E_REFERENCE, "$.companies[0].members[0].related[1]", UINT64_MAX,
               "no member of this company has the id \"mirae_asset\"");
}

/* An unknown member holding an object of `n` keys k0..k{n-1}, then the key
 * k{dup} again: the duplicate is member n of the object. */
static char *object_with_duplicate(size_t n, size_t dup, size_t *dup_offset)
{
    size_t cap = 64 + n * 16;
    char *obj = malloc(cap);
    assert_non_null(obj);
    size_t len = (size_t)snprintf(obj, cap, "{");
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(obj + len, cap - len, "%s\"k%zu\": %zu", i ? ", " : "", i, i);
    len += (size_t)snprintf(obj + len, cap - len, ", ");
    *dup_offset = len;
    snprintf(obj + len, cap - len, "\"k%zu\": 0}", dup);
    return obj;
}

static void test_duplicate_keys(void **state)
{
    (void)state;
    /* 3 keys (compared pairwise) and 40 keys (sorted), the duplicate last
     * in both; k1 and k5 repeat. */
    static const size_t sizes[2] = {3, 40}, dups[2] = {1, 5};
    for (int t = 0; t < 2; t++) {
        size_t at;
        char *obj = object_with_duplicate(sizes[t], dups[t], &at);
        const char *head = "{\"format\": \"ipofacts-dataset/1\", \"sources\": [], \"x\": ";
        size_t need = strlen(head) + strlen(obj) + 64;
        char *text = malloc(need);
        assert_non_null(text);
        snprintf(text, need, "%s%s, \"companies\": []}", head, obj);
        char path[32];
        snprintf(path, sizeof path, "$.x.k%zu", dups[t]);
        /* The offset of the repeated member's value: after `"kN": `. */
        char key[16];
        int klen = snprintf(key, sizeof key, "\"k%zu\": ", dups[t]);
        load_fails(text, IPOFACTS_E_DUPLICATE, path, strlen(head) + at + (size_t)klen, "duplicate member");
        free(text);
        free(obj);
    }
}

static void test_blank_input(void **state)
{
    (void)state;
    /* Blanks only: the error is at the end, after the 5 bytes, line 2. */
    ipofacts_dataset *ds = (ipofacts_dataset *)&ds;
    ipofacts_error err;
    assert_int_equal(ipofacts_dataset_load_buffer(&ds, "  \n  ", 5, &err), IPOFACTS_E_SYNTAX);
    assert_null(ds);
    assert_string_equal(err.path, "$");
    assert_int_equal(err.offset, 5);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 3);
    assert_non_null(strstr(err.message, "holds no JSON value"));
    /* A byte-order mark and nothing after it. */
    assert_int_equal(ipofacts_dataset_load_buffer(&ds, "\xEF\xBB\xBF", 3, &err), IPOFACTS_E_SYNTAX);
    assert_int_equal(err.offset, 3);
    assert_non_null(strstr(err.message, "holds no JSON value"));
}

/* ------------------------------------------------------------------ */
/* The SEC importer                                                    */
/* ------------------------------------------------------------------ */

static void sec_fails(const char *text, ipofacts_status status, const char *path, uint64_t offset,
                      const char *words)
{
    ipofacts_dataset *ds = (ipofacts_dataset *)&ds;
    ipofacts_error err;
    ipofacts_status st = ipofacts_dataset_import_sec_companyfacts_buffer(&ds, text, strlen(text), NULL, &err);
    if (st != status)
        fail_msg("status %s (%s: %s), expected %s", ipofacts_status_str(st), err.path, err.message,
                 ipofacts_status_str(status));
    assert_null(ds);
    assert_string_equal(err.path, path);
    assert_int_equal(err.offset, offset);
    if (strstr(err.message, words) == NULL)
        fail_msg("message \"%s\" lacks \"%s\"", err.message, words);
}

static void test_sec_offsets_after_blanks(void **state)
{
    (void)state;
    /* The wrong value is named where it starts, not where the blanks
     * before it start: `{"cik":` is 7 bytes, then 3 blanks. */
    sec_fails("{\"cik\":   \"12x\", \"entityName\": \"A\", \"facts\": {}}", IPOFACTS_E_SCHEMA, "$.cik", 10,
              "central index key");
    sec_fails("{\"cik\": 1, \"entityName\":\n\t[\"A\"], \"facts\": {}}", IPOFACTS_E_SCHEMA, "$.entityName", 26,
              "not a string");
    /* A unit whose records are a number, 2 blanks after the colon: 81
     * bytes up to `"USD":`, then the blanks; the 5 is at byte 83. */
    sec_fails("{\"cik\": 1, \"entityName\": \"A\", \"facts\": {\"us-gaap\": {\"Revenues\": {\"units\": {\"USD\":  "
              "5}}}}}",
              IPOFACTS_E_SCHEMA, "$.facts[\"us-gaap\"].Revenues.units.USD", 83, "not an array");
    /* A value that is not JSON where a cik is due: the scanner stops at the
     * `}` (byte 11) where the element after `1,` should start. */
    sec_fails("{\"cik\": [1,}", IPOFACTS_E_SYNTAX, "$.cik", 11, "expected a JSON value");
}

/* ------------------------------------------------------------------ */
/* Conflicting reports                                                 */
/* ------------------------------------------------------------------ */

#define CITED(value, decimals, qualifier, source, text)                                                       \
    "{\"concept\": \"revenue\", \"period\": \"FY2023\", \"unit\": \"USD\", \"value\": \"" value               \
    "\", \"decimals\": " decimals qualifier ", \"sources\": [{\"source\": \"" source "\", \"text\": \"" text \
    "\"}]}"

/* The message of the only report conflict of the dataset. */
static char *conflict_message(const char *json)
{
    ipofacts_dataset *ds = load_ok(json);
    ipofacts_findings *fs = NULL;
    assert_int_equal(ipofacts_check_dataset(&fs, ds), IPOFACTS_OK);
    char *msg = NULL;
    for (size_t i = 0; i < ipofacts_findings_count(fs); i++) {
        const ipofacts_finding *f = ipofacts_findings_at(fs, i);
        if (ipofacts_finding_kind_of(f) != IPOFACTS_FINDING_REPORT_CONFLICT)
            continue;
        assert_null(msg);
        msg = strdup(ipofacts_finding_message(f));
        assert_non_null(msg);
    }
    assert_non_null(msg);
    ipofacts_findings_free(fs);
    ipofacts_dataset_free(ds);
    return msg;
}

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    return n >= k && strcmp(s + n - k, tail) == 0;
}

static void test_conflict_bounds(void **state)
{
    (void)state;
    /* 346 萬 is [3455000, 3465000], 350 萬 [3495000, 3505000]: the bound
     * that separates them is 3465000 < 3495000 in either order. */
    const char *pairs[2] = {
        DATASET("", CITED("3460000", "-4", "", "s000", "346 萬美元") ", " CITED("3500000", "-4", "", "s001",
                                                                                 "350 萬美元")),
        DATASET("", CITED("3500000", "-4", "", "s001", "350 萬美元") ", " CITED("3460000", "-4", "", "s000",
                                                                                 "346 萬美元")),
    };
    /* The message names the facts in file order, the bounds low first. */
    const char *firsts[2] = {"revenue FY2023: 3460000 USD", "revenue FY2023: 3500000 USD"};
    for (int i = 0; i < 2; i++) {
        char *m = conflict_message(pairs[i]);
        if (strncmp(m, firsts[i], strlen(firsts[i])) != 0 || !ends_with(m, "cannot both hold: 3465000 < 3495000"))
            fail_msg("pair %d: %s", i, m);
        free(m);
    }
    /* "More than 400 萬" to 10 萬 (decimals -5) is at least 3950000, with no
     * upper bound: only its lower bound separates it from 346 萬, 3465000 <
     * 3950000, whichever comes first. */
    const char *open[2] = {
        DATASET("", CITED("4000000", "-5", ", \"qualifier\": \"at_least\"", "s001", "超過 400 萬美元") ", " CITED(
                        "3460000", "-4", "", "s000", "346 萬美元")),
        DATASET("", CITED("3460000", "-4", "", "s000", "346 萬美元") ", " CITED(
                        "4000000", "-5", ", \"qualifier\": \"at_least\"", "s001", "超過 400 萬美元")),
    };
    const char *open_firsts[2] = {"revenue FY2023: at least 4000000 USD [3950000, +inf]",
                                  "revenue FY2023: 3460000 USD [3455000, 3465000]"};
    for (int i = 0; i < 2; i++) {
        char *m = conflict_message(open[i]);
        if (strncmp(m, open_firsts[i], strlen(open_firsts[i])) != 0 ||
            !ends_with(m, "cannot both hold: 3465000 < 3950000"))
            fail_msg("open pair %d: %s", i, m);
        free(m);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_concentration_failing_customer),
        cmocka_unit_test(test_fact_sources),
        cmocka_unit_test(test_members_related),
        cmocka_unit_test(test_duplicate_keys),
        cmocka_unit_test(test_blank_input),
        cmocka_unit_test(test_sec_offsets_after_blanks),
        cmocka_unit_test(test_conflict_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
