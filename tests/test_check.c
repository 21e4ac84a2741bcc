/*
 * Tests of the consistency check (ipofacts/check.h) on a fixture of the
 * seed articles' figures (tests/data/ratios/minimax.json), on small
 * datasets written here for the rarer findings, and on the built-in data:
 * every finding the arithmetic supports, worked out by hand, and nothing
 * that rounding explains.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <ipofacts/ipofacts.h>

static ipofacts_dataset *load(const char *name)
{
    char path[512];
    ipofacts_dataset *ds = NULL;
    ipofacts_error e;
    snprintf(path, sizeof path, "%s/ratios/%s", IPOFACTS_TEST_DATA, name);
    if (ipofacts_dataset_load_file(&ds, path, &e) != IPOFACTS_OK)
        fail_msg("cannot load %s: %s %s", path, e.path, e.message);
    return ds;
}

static ipofacts_dataset *parse(const char *json)
{
    ipofacts_dataset *ds = NULL;
    ipofacts_error e;
    if (ipofacts_dataset_load_buffer(&ds, json, strlen(json), &e) != IPOFACTS_OK)
        fail_msg("cannot load the dataset: %s %s", e.path, e.message);
    return ds;
}

/* Whether a fact of the finding has this literal text in a source. */
static int cites(const ipofacts_finding *f, const char *text)
{
    for (size_t i = 0; i < ipofacts_finding_fact_count(f); i++) {
        const ipofacts_fact *x = ipofacts_finding_fact(f, i);
        for (size_t k = 0; k < ipofacts_fact_source_count(x); k++)
            if (ipofacts_fact_quote(x, k) != NULL && strcmp(ipofacts_fact_quote(x, k), text) == 0)
                return 1;
    }
    return 0;
}

/* The finding of a kind whose first fact's text is `text` (and, when
 * `other` is not NULL, citing `other` too), or NULL. */
static const ipofacts_finding *find(const ipofacts_findings *fs, ipofacts_finding_kind kind, const char *text,
                                    const char *other)
{
    for (size_t i = 0; i < ipofacts_findings_count(fs); i++) {
        const ipofacts_finding *f = ipofacts_findings_at(fs, i);
        const ipofacts_fact *first = ipofacts_finding_fact(f, 0);
        if (ipofacts_finding_kind_of(f) != kind || first == NULL)
            continue;
        int match = 0;
        for (size_t k = 0; k < ipofacts_fact_source_count(first); k++)
            if (ipofacts_fact_quote(first, k) != NULL && strcmp(ipofacts_fact_quote(first, k), text) == 0)
                match = 1;
        if (match && (other == NULL || cites(f, other)))
            return f;
    }
    return NULL;
}

/* No finding is about a fact with this text (other than conflicts between
 * reports, when skip_conflicts). */
static void none_about(const ipofacts_findings *fs, const char *text, int skip_conflicts)
{
    for (size_t i = 0; i < ipofacts_findings_count(fs); i++) {
        const ipofacts_finding *f = ipofacts_findings_at(fs, i);
        const ipofacts_fact *first = ipofacts_finding_fact(f, 0);
        if (skip_conflicts && ipofacts_finding_kind_of(f) == IPOFACTS_FINDING_REPORT_CONFLICT)
            continue;
        for (size_t k = 0; k < ipofacts_fact_source_count(first); k++)
            if (ipofacts_fact_quote(first, k) != NULL && strcmp(ipofacts_fact_quote(first, k), text) == 0)
                fail_msg("unexpected finding: %s", ipofacts_finding_message(f));
    }
}

static void test_fixture_findings(void **state)
{
    (void)state;
    ipofacts_dataset *ds = load("minimax.json");
    ipofacts_findings *fs = NULL;
    assert_int_equal(ipofacts_check_dataset(&fs, ds), IPOFACTS_OK);
    const ipofacts_finding *f;

    /* 346 萬 is [3455000, 3465000], 350 萬 [3495000, 3505000]: no overlap. */
    f = find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "346 萬美元", "350 萬美元");
    assert_non_null(f);
    assert_int_equal(ipofacts_finding_severity(f), IPOFACTS_SEVERITY_INCONSISTENT);
    assert_string_equal(ipofacts_finding_concept_id(f), "revenue");
    assert_string_equal(ipofacts_period_label(ipofacts_finding_period(f)), "FY2023");
    assert_int_equal(ipofacts_finding_fact_count(f), 2);
    assert_int_equal(ipofacts_finding_derived_count(f), 0);
    assert_string_equal(ipofacts_finding_message(f),
                        "revenue FY2023: 3460000 USD [3455000, 3465000] (s000 \"346 萬美元\") and 3500000 USD "
                        "[3495000, 3505000] (s001 \"350 萬美元\") cannot both hold: 3465000 < 3495000");
    /* 3052.3 萬 [30522500, 30523500] against 3050 萬 [30495000, 30505000]. */
    f = find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "3052.3 萬美元", "3050 萬美元");
    assert_non_null(f);
    assert_non_null(strstr(ipofacts_finding_message(f), "30505000 < 30522500"));
    /* 5340 萬 [53395000, 53405000] against 5343.7 萬 [53436500, 53437500]
     * and 5344 萬 [53435000, 53445000]; 5343.7 萬 and 5344 萬 overlap. */
    assert_non_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "5343.7 萬美元", "5340 萬美元"));
    assert_non_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "5340 萬美元", "5344萬美元"));
    assert_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "5343.7 萬美元", "5344萬美元"));
    /* -24.7% [-0.2475, -0.2465] against -23% [-0.235, -0.225]. */
    assert_non_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "-24.7%", "-23%"));
    /* 782.2% [7.8215, 7.8225] and 782% [7.815, 7.825] overlap; 174.7% and
     * 174.8% touch at 1.7475: no conflicts. */
    assert_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "782.2%", NULL));
    assert_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "174.7%", NULL));
    /* The two market capitalisations of the listing day are different
     * moments, not a conflict. */
    assert_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "约720亿港元", NULL));

    /* -23% against 1 - 4314000 / 3460000 = -0.2468 in [-0.24877, -0.24488]:
     * rounds to -0.25 or -0.24, truncates to -0.24: neither is -0.23. */
    f = find(fs, IPOFACTS_FINDING_RATIO_MISMATCH, "-23%", NULL);
    assert_non_null(f);
    assert_int_equal(ipofacts_finding_severity(f), IPOFACTS_SEVERITY_INCONSISTENT);
    assert_non_null(strstr(ipofacts_finding_message(f), "1 - 4314000 / 3460000 = -0.246821"));
    assert_true(cites(f, "431.4 萬美元"));
    assert_true(cites(f, "346 萬美元"));
    assert_int_equal(ipofacts_finding_derived_count(f), 1);
    assert_int_equal(ipofacts_derived_kind(ipofacts_finding_derived(f, 0)), IPOFACTS_RATIO_KIND_GROSS_MARGIN);
    /* Reported ratios that some computed value rounds to: no finding. */
    none_about(fs, "-24.7%", 1);
    none_about(fs, "782.2%", 0);
    none_about(fs, "782%", 0);
    none_about(fs, "12.2%", 0);
    none_about(fs, "23.3%", 0);
    none_about(fs, "337.4%", 0);
    none_about(fs, "35.1%", 0);
    none_about(fs, "28.9%", 0);
    none_about(fs, "约84.9亿港元", 0);

    /* 32.6%: 1746.4 萬 / 5343.7 萬 is in [0.326802, 0.326828], which rounds
     * to 32.7% and truncates to 32.6%: the weaker finding. */
    f = find(fs, IPOFACTS_FINDING_RATIO_TRUNCATED, "32.6%", NULL);
    assert_non_null(f);
    assert_int_equal(ipofacts_finding_severity(f), IPOFACTS_SEVERITY_WARNING);
    assert_non_null(strstr(ipofacts_finding_message(f), "rounds to 0.327 and truncates to 0.326"));
    /* 42% with an exact offer price: 235.4 / 165 - 1 in [0.42636, 0.42697]
     * rounds to 43% and truncates to 42%. */
    f = find(fs, IPOFACTS_FINDING_RATIO_TRUNCATED, "42%", NULL);
    assert_non_null(f);
    assert_non_null(strstr(ipofacts_finding_message(f), "rounds to 0.43 and truncates to 0.42"));

    /* Holdings at 800 億: 2.37% x 800 億 = 18.96 億 against about 20.6 億
     * ([20.5 億, 20.7 億]); 2.57% x 800 億 = 20.56 億 against about 19 億
     * ([18 億, 20 億]); 10.61% x 800 億 = 84.88 億 against about 84.9 億: fine. */
    f = find(fs, IPOFACTS_FINDING_HOLDING_VALUE_MISMATCH, "20.6亿", "2.37%");
    assert_non_null(f);
    assert_string_equal(ipofacts_finding_segment(f), "tencent");
    assert_true(cites(f, "800亿港元"));
    assert_non_null(strstr(ipofacts_finding_message(f), "0.0237 x 80000000000 = 1896000000"));
    assert_non_null(find(fs, IPOFACTS_FINDING_HOLDING_VALUE_MISMATCH, "19亿", "2.57%"));

    /* "超過 37 個月" against 18.39 months (net loss) and 50.61 months
     * (adjusted net loss): basis-dependent, a warning. */
    f = find(fs, IPOFACTS_FINDING_RUNWAY_CLAIM, "超過 37 個月", NULL);
    assert_non_null(f);
    assert_int_equal(ipofacts_finding_severity(f), IPOFACTS_SEVERITY_WARNING);
    assert_int_equal(ipofacts_finding_derived_count(f), 4);
    assert_non_null(strstr(ipofacts_finding_message(f), "net_income/cash 18.3867 months"));
    assert_non_null(strstr(ipofacts_finding_message(f), "adjusted_net_income/cash 50.6129 months"));
    assert_true(cites(f, "10.46 億美元"));
    assert_true(cites(f, "1.86 億美元"));

    /* Exactly these: 5 conflicts, 1 mismatch, 2 truncations, 2 holdings, 1 runway. */
    assert_int_equal(ipofacts_findings_count(fs), 11);
    assert_int_equal(ipofacts_findings_count_severity(fs, IPOFACTS_SEVERITY_INCONSISTENT), 8);
    assert_int_equal(ipofacts_findings_count_severity(fs, IPOFACTS_SEVERITY_WARNING), 11);
    /* Ordered by company, kind, then file order. */
    for (size_t i = 1; i < ipofacts_findings_count(fs); i++)
        assert_true(ipofacts_finding_kind_of(ipofacts_findings_at(fs, i - 1)) <=
                    ipofacts_finding_kind_of(ipofacts_findings_at(fs, i)));
    assert_null(ipofacts_findings_at(fs, 11));
    ipofacts_findings_free(fs);

    /* One company at a time. */
    assert_int_equal(ipofacts_check_company(&fs, ipofacts_dataset_find_company(ds, "zhipu")), IPOFACTS_OK);
    assert_int_equal(ipofacts_findings_count(fs), 0);
    ipofacts_findings_free(fs);
    assert_int_equal(ipofacts_check_company(&fs, ipofacts_dataset_find_company(ds, "minimax")), IPOFACTS_OK);
    assert_int_equal(ipofacts_findings_count(fs), 11);
    ipofacts_findings_free(fs);
    ipofacts_dataset_free(ds);
}

static const char rare_json[] =
    "{\"format\": \"ipofacts-dataset/1\",\n"
    " \"sources\": [{\"id\": \"s000\"}, {\"id\": \"s004\"}],\n"
    " \"companies\": [{\"id\": \"m\", \"names\": {\"en\": \"M\"}, \"currency\": \"USD\",\n"
    "  \"members\": [{\"id\": \"hailuo_ai\", \"kind\": \"segment\"}, {\"id\": \"c1\", \"kind\": \"customer\"}],\n"
    "  \"periods\": [{\"id\": \"FY2023\", \"start\": \"2023-01-01\", \"end\": \"2023-12-31\"},\n"
    "               {\"id\": \"9M2025\", \"start\": \"2025-01-01\", \"end\": \"2025-09-30\"},\n"
    "               {\"id\": \"2025-09-30\", \"instant\": \"2025-09-30\"}],\n"
    "  \"facts\": [\n"
    /* Gross profit reported as 120 萬 against 346 萬 - 431.4 萬 = -85.4 萬. */
    "   {\"concept\": \"revenue\", \"period\": \"FY2023\", \"unit\": \"USD\", \"value\": \"3460000\", \"decimals\": -4,"
    "    \"sources\": [{\"source\": \"s000\", \"text\": \"346 萬美元\"}]},\n"
    "   {\"concept\": \"cost_of_sales\", \"period\": \"FY2023\", \"unit\": \"USD\", \"value\": \"4314000\", \"decimals\": -3,"
    "    \"sources\": [{\"source\": \"s000\", \"text\": \"431.4 萬美元\"}]},\n"
    "   {\"concept\": \"gross_profit\", \"period\": \"FY2023\", \"unit\": \"USD\", \"value\": \"1200000\", \"decimals\": -4,"
    "    \"sources\": [{\"source\": \"s004\", \"text\": \"120 萬美元\"}]},\n"
    /* A customer's revenue above the company's; a top-1 share it gives. */
    "   {\"concept\": \"segment_revenue\", \"segment\": \"c1\", \"period\": \"FY2023\", \"unit\": \"USD\","
    "    \"value\": \"3600000\", \"decimals\": -5, \"sources\": [{\"source\": \"s004\", \"text\": \"360 萬美元\"}]},\n"
    "   {\"concept\": \"top1_customer_share\", \"period\": \"FY2023\", \"unit\": \"pure\", \"value\": \"0.372\","
    "    \"decimals\": 3, \"sources\": [{\"source\": \"s004\", \"text\": \"37.2%\"}]},\n"
    /* Two conversions in one article at 6.92 and 7.5 CNY/USD. */
    "   {\"concept\": \"revenue\", \"period\": \"9M2025\", \"unit\": \"USD\", \"value\": \"53437000\", \"decimals\": -3,"
    "    \"sources\": [{\"source\": \"s004\", \"text\": \"5343.7万美元\"}]},\n"
    "   {\"concept\": \"revenue\", \"period\": \"9M2025\", \"unit\": \"CNY\", \"value\": \"370000000\", \"decimals\": -7,"
    "    \"qualifier\": \"approximately\", \"sources\": [{\"source\": \"s004\", \"text\": \"约合3.7亿元人民币\"}]},\n"
    "   {\"concept\": \"segment_revenue\", \"segment\": \"hailuo_ai\", \"period\": \"9M2025\", \"unit\": \"USD\","
    "    \"value\": \"17464000\", \"decimals\": -3, \"sources\": [{\"source\": \"s004\", \"text\": \"1746.4万美元\"}]},\n"
    "   {\"concept\": \"segment_revenue\", \"segment\": \"hailuo_ai\", \"period\": \"9M2025\", \"unit\": \"CNY\","
    "    \"value\": \"131000000\", \"decimals\": -6, \"qualifier\": \"approximately\","
    "    \"sources\": [{\"source\": \"s004\", \"text\": \"约合1.31亿元人民币\"}]},\n"
    /* A runway claim that no basis supports: 10.46 億 at 5.12 億 a 9 months is 18.4. */
    "   {\"concept\": \"net_income\", \"period\": \"9M2025\", \"unit\": \"USD\", \"value\": \"-512000000\","
    "    \"decimals\": -6, \"sources\": [{\"source\": \"s000\", \"text\": \"5.12 億美元\"}]},\n"
    "   {\"concept\": \"cash\", \"period\": \"2025-09-30\", \"unit\": \"USD\", \"value\": \"1046000000\","
    "    \"decimals\": -6, \"sources\": [{\"source\": \"s000\", \"text\": \"10.46 億美元\"}]},\n"
    "   {\"concept\": \"runway_months\", \"period\": \"2025-09-30\", \"unit\": \"months\", \"value\": \"37\","
    "    \"decimals\": 0, \"qualifier\": \"at_least\", \"sources\": [{\"source\": \"s000\", \"text\": \"超過 37 個月\"}]}\n"
    "  ]}]}\n";

static void test_rare_findings(void **state)
{
    (void)state;
    ipofacts_dataset *ds = parse(rare_json);
    ipofacts_findings *fs = NULL;
    assert_int_equal(ipofacts_check_dataset(&fs, ds), IPOFACTS_OK);
    const ipofacts_finding *f;
    /* 120 萬 [1195000, 1205000] against [-859500, -848500]. */
    f = find(fs, IPOFACTS_FINDING_AMOUNT_MISMATCH, "120 萬美元", "431.4 萬美元");
    assert_non_null(f);
    assert_non_null(strstr(ipofacts_finding_message(f), "3460000 - 4314000 = -854000"));
    /* 360 萬 (decimals -5: at least 3550000) > 346 萬's 3465000. */
    f = find(fs, IPOFACTS_FINDING_PART_EXCEEDS_WHOLE, "360 萬美元", "346 萬美元");
    assert_non_null(f);
    assert_non_null(strstr(ipofacts_finding_message(f), "3550000 > 3465000"));
    /* Top-1 share 37.2% against 360 萬 / 346 萬 = 1.04: a share mismatch. */
    f = find(fs, IPOFACTS_FINDING_SHARE_MISMATCH, "37.2%", "360 萬美元");
    assert_non_null(f);
    /* 3.7 億 / 5343.7 萬 in [6.737, 7.111]; 1.31 億 / 1746.4 萬 in [7.387, 7.616]. */
    f = find(fs, IPOFACTS_FINDING_CONVERSION_MISMATCH, "约合3.7亿元人民币", "约合1.31亿元人民币");
    assert_non_null(f);
    assert_int_equal(ipofacts_finding_fact_count(f), 4);
    /* 18.39 months on the only basis: the claim holds on none. */
    f = find(fs, IPOFACTS_FINDING_RUNWAY_CLAIM, "超過 37 個月", NULL);
    assert_non_null(f);
    assert_int_equal(ipofacts_finding_severity(f), IPOFACTS_SEVERITY_INCONSISTENT);
    assert_non_null(strstr(ipofacts_finding_message(f), "holds on no burn basis"));
    assert_int_equal(ipofacts_findings_count(fs), 5);
    char *text = NULL;
    assert_int_equal(ipofacts_derived_explain(&text, ipofacts_finding_derived(f, 0)), IPOFACTS_OK);
    assert_non_null(strstr(text, "runway"));
    ipofacts_string_free(text);
    ipofacts_findings_free(fs);
    ipofacts_dataset_free(ds);
}

/* Reports of one figure are the same concept, segment, unit and dates, in
 * whichever period object they are filed: conflicts between them are found
 * and come in the order of the facts; other reports are not compared. */
static const char figures_json[] =
    "{\"format\": \"ipofacts-dataset/1\",\n"
    " \"sources\": [{\"id\": \"s000\"}, {\"id\": \"s001\"}],\n"
    " \"companies\": [{\"id\": \"m\", \"names\": {\"en\": \"M\"}, \"currency\": \"USD\",\n"
    "  \"members\": [{\"id\": \"s1\", \"kind\": \"segment\"}],\n"
    "  \"periods\": [{\"id\": \"FY2023\", \"start\": \"2023-01-01\", \"end\": \"2023-12-31\"},\n"
    "               {\"id\": \"12M2023\", \"start\": \"2023-01-01\", \"end\": \"2023-12-31\"},\n"
    "               {\"id\": \"H2-2023\", \"start\": \"2023-07-01\", \"end\": \"2023-12-31\"},\n"
    "               {\"id\": \"2023-12-31\", \"instant\": \"2023-12-31\"},\n"
    "               {\"id\": \"year-end\", \"instant\": \"2023-12-31\"}],\n"
    "  \"facts\": [\n"
    "   {\"concept\": \"revenue\", \"period\": \"FY2023\", \"unit\": \"USD\", \"value\": \"3460000\", \"decimals\": -4,"
    "    \"sources\": [{\"source\": \"s000\", \"text\": \"A 346 萬\"}]},\n"
    "   {\"concept\": \"cash\", \"period\": \"2023-12-31\", \"unit\": \"USD\", \"value\": \"100000000\", \"decimals\": -6,"
    "    \"sources\": [{\"source\": \"s000\", \"text\": \"C1 1 億\"}]},\n"
    "   {\"concept\": \"revenue\", \"segment\": \"s1\", \"period\": \"FY2023\", \"unit\": \"USD\", \"value\": \"1000000\","
    "    \"decimals\": -4, \"sources\": [{\"source\": \"s001\", \"text\": \"S 100 萬\"}]},\n"
    "   {\"concept\": \"revenue\", \"period\": \"12M2023\", \"unit\": \"USD\", \"value\": \"3500000\", \"decimals\": -4,"
    "    \"sources\": [{\"source\": \"s001\", \"text\": \"B 350 萬\"}]},\n"
    "   {\"concept\": \"revenue\", \"period\": \"H2-2023\", \"unit\": \"USD\", \"value\": \"2000000\", \"decimals\": -4,"
    "    \"sources\": [{\"source\": \"s001\", \"text\": \"H 200 萬\"}]},\n"
    "   {\"concept\": \"cash\", \"period\": \"year-end\", \"unit\": \"USD\", \"value\": \"120000000\", \"decimals\": -6,"
    "    \"sources\": [{\"source\": \"s001\", \"text\": \"C2 1.2 億\"}]},\n"
    "   {\"concept\": \"revenue\", \"period\": \"FY2023\", \"unit\": \"USD\", \"value\": \"3461000\", \"decimals\": -3,"
    "    \"sources\": [{\"source\": \"s000\", \"text\": \"A2 346.1 萬\"}]},\n"
    "   {\"concept\": \"market_capitalization\", \"period\": \"2023-12-31\", \"unit\": \"USD\", \"value\": \"500000000\","
    "    \"decimals\": -8, \"sources\": [{\"source\": \"s000\", \"text\": \"5 億\"}]},\n"
    "   {\"concept\": \"market_capitalization\", \"period\": \"year-end\", \"unit\": \"USD\", \"value\": \"800000000\","
    "    \"decimals\": -8, \"sources\": [{\"source\": \"s001\", \"text\": \"8 億\"}]}\n"
    "  ]}]}\n";

static void test_conflicts_by_figure(void **state)
{
    (void)state;
    static const char *const expect[][2] = {
        {"A 346 萬", "B 350 萬"},    /* FY2023 and 12M2023: one figure */
        {"C1 1 億", "C2 1.2 億"},    /* two instants on one day */
        {"B 350 萬", "A2 346.1 萬"}, /* [3495000, 3505000] against [3460500, 3461500] */
    };
    ipofacts_dataset *ds = parse(figures_json);
    ipofacts_findings *fs = NULL;
    assert_int_equal(ipofacts_check_dataset(&fs, ds), IPOFACTS_OK);
    assert_int_equal(ipofacts_findings_count(fs), 3);
    for (size_t i = 0; i < 3; i++) {
        const ipofacts_finding *f = ipofacts_findings_at(fs, i);
        assert_int_equal(ipofacts_finding_kind_of(f), IPOFACTS_FINDING_REPORT_CONFLICT);
        assert_int_equal(ipofacts_finding_fact_count(f), 2);
        assert_string_equal(ipofacts_fact_quote(ipofacts_finding_fact(f, 0), 0), expect[i][0]);
        assert_string_equal(ipofacts_fact_quote(ipofacts_finding_fact(f, 1), 0), expect[i][1]);
        assert_null(ipofacts_finding_segment(f));
    }
    assert_non_null(strstr(ipofacts_finding_message(ipofacts_findings_at(fs, 2)), "cannot both hold: 3461500 < 3495000"));
    ipofacts_findings_free(fs);
    ipofacts_dataset_free(ds);
}

static void test_builtin_findings(void **state)
{
    (void)state;
    ipofacts_dataset *ds = NULL;
    ipofacts_findings *fs = NULL;
    assert_int_equal(ipofacts_dataset_open_builtin(&ds), IPOFACTS_OK);
    assert_int_equal(ipofacts_check_dataset(&fs, ds), IPOFACTS_OK);
    /* Conflicts between the articles, each checked by hand:
     * 346 萬 / 350 萬; 3052.3 萬 / 3050 萬; 5343.7 萬 / 5340 萬; 5340 萬 /
     * 5344 萬; 782.2% and 782% / "7 倍" ([6.5, 7.5]); -24.7% / -23%;
     * MAU 2005 萬 / 2000 萬; ARPPU 15 / 5 美元; plaintiffs 三大 / 12 家. */
    assert_non_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "346 萬美元", "350 萬美元"));
    assert_non_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "3052.3 萬美元", "3050 萬美元"));
    assert_non_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "5343.7 萬美元", "5340 萬美元"));
    assert_non_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "5340 萬美元", "5344萬美元"));
    assert_non_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "782.2%", "7 倍"));
    assert_non_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "782%", "7 倍"));
    assert_non_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "-24.7%", "-23%"));
    assert_non_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "2005 萬", "2000万"));
    assert_non_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "15美元", "5 美元"));
    assert_non_null(find(fs, IPOFACTS_FINDING_REPORT_CONFLICT, "三大", "12 家"));
    /* Recomputed: -23% matches no value; "7 倍" and 32.6% truncate. */
    assert_non_null(find(fs, IPOFACTS_FINDING_RATIO_MISMATCH, "-23%", NULL));
    assert_non_null(find(fs, IPOFACTS_FINDING_RATIO_TRUNCATED, "7 倍", NULL));
    assert_non_null(find(fs, IPOFACTS_FINDING_RATIO_TRUNCATED, "32.6%", NULL));
    /* First-day return: the offer and opening prices are exact, so 235.4 /
     * 165 - 1 = 0.426667 exactly; it rounds to 43%, and "42%" truncates it. */
    assert_non_null(find(fs, IPOFACTS_FINDING_RATIO_TRUNCATED, "42%", NULL));
    /* Tencent's and IDG's holding values (the values fit each other's stake). */
    assert_non_null(find(fs, IPOFACTS_FINDING_HOLDING_VALUE_MISMATCH, "20.6亿", "2.37%"));
    assert_non_null(find(fs, IPOFACTS_FINDING_HOLDING_VALUE_MISMATCH, "19亿", "2.57%"));
    /* The runway claim depends on the basis. */
    const ipofacts_finding *f = find(fs, IPOFACTS_FINDING_RUNWAY_CLAIM, "超過 37 個月", NULL);
    assert_non_null(f);
    assert_int_equal(ipofacts_finding_severity(f), IPOFACTS_SEVERITY_WARNING);
    /* Nothing that rounding explains: 174.7% / 174.8% / 175% touch or
     * overlap; 12.2% / 12%, 23.3% / 23% overlap; 337.4% rounds from [3.27,
     * 3.46]; 35.1% and 28.9% round from their parts; ten holdings fit. */
    none_about(fs, "174.7%", 0);
    none_about(fs, "174.8%", 0);
    none_about(fs, "12.2%", 0);
    none_about(fs, "23.3%", 0);
    none_about(fs, "337.4%", 0);
    none_about(fs, "35.1%", 0);
    none_about(fs, "28.9%", 0);
    none_about(fs, "约84.9亿港元", 0);
    none_about(fs, "约31.4亿港元", 0);
    none_about(fs, "约100亿", 0);
    none_about(fs, "7.6亿", 0);
    none_about(fs, "约720亿港元", 0);
    assert_int_equal(ipofacts_findings_count(fs), 17);
    assert_int_equal(ipofacts_findings_count_severity(fs, IPOFACTS_SEVERITY_INCONSISTENT), 13);
    for (size_t i = 0; i < ipofacts_findings_count(fs); i++) {
        f = ipofacts_findings_at(fs, i);
        assert_non_null(ipofacts_finding_kind_name(ipofacts_finding_kind_of(f)));
        assert_non_null(ipofacts_severity_name(ipofacts_finding_severity(f)));
        assert_non_null(ipofacts_finding_message(f));
        assert_null(strchr(ipofacts_finding_message(f), '\n'));
        assert_true(ipofacts_finding_fact_count(f) >= 1);
        assert_non_null(ipofacts_finding_company(f));
    }
    ipofacts_findings_free(fs);
    ipofacts_dataset_free(ds);
}

static void test_arguments_and_names(void **state)
{
    (void)state;
    ipofacts_findings *fs = (ipofacts_findings *)1;
    assert_int_equal(ipofacts_check_dataset(&fs, NULL), IPOFACTS_E_INVALID);
    assert_null(fs);
    assert_int_equal(ipofacts_check_company(&fs, NULL), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_check_dataset(NULL, NULL), IPOFACTS_E_INVALID);
    ipofacts_findings_free(NULL);
    assert_int_equal(ipofacts_findings_count(NULL), 0);
    assert_null(ipofacts_findings_at(NULL, 0));
    assert_null(ipofacts_finding_message(NULL));
    assert_int_equal(ipofacts_finding_fact_count(NULL), 0);
    assert_string_equal(ipofacts_finding_kind_name(IPOFACTS_FINDING_REPORT_CONFLICT), "report_conflict");
    assert_string_equal(ipofacts_finding_kind_name(IPOFACTS_FINDING_CONVERSION_MISMATCH), "conversion_mismatch");
    assert_null(ipofacts_finding_kind_name((ipofacts_finding_kind)0));
    assert_null(ipofacts_finding_kind_name((ipofacts_finding_kind)99));
    assert_string_equal(ipofacts_severity_name(IPOFACTS_SEVERITY_WARNING), "warning");
    assert_string_equal(ipofacts_severity_name(IPOFACTS_SEVERITY_INCONSISTENT), "inconsistent");
    assert_null(ipofacts_severity_name((ipofacts_severity)0));
    /* An empty dataset has no findings. */
    ipofacts_dataset *ds = parse("{\"format\": \"ipofacts-dataset/1\", \"sources\": [], \"companies\": []}");
    assert_int_equal(ipofacts_check_dataset(&fs, ds), IPOFACTS_OK);
    assert_int_equal(ipofacts_findings_count(fs), 0);
    ipofacts_findings_free(fs);
    ipofacts_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture_findings),
        cmocka_unit_test(test_rare_findings),
        cmocka_unit_test(test_conflicts_by_figure),
        cmocka_unit_test(test_builtin_findings),
        cmocka_unit_test(test_arguments_and_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
