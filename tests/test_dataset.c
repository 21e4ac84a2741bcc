/*
 * The dataset model: accessors, lookups (by id, ticker and names in any
 * language), the rule that prefers one fact among several reports and its
 * reason, iteration, people, members, events and sources.
 *
 * The fixture tests/data/dataset/minimax.json holds figures of the seed
 * articles about MiniMax (稀宇科技, HKEX 00100) and Zhipu (智谱):
 *  - FY2023 revenue reported as 346 萬美元 (上海證券報, and again in article
 *    002) and as 350 萬美元 (節點財經, given rank 3): both are "萬" figures
 *    with decimals -4, so the source rank decides for 3460000;
 *  - FY2024 revenue 3052.3 萬美元 (decimals -3) against 3050 萬美元 (-4): the
 *    finer precision decides for 30523000;
 *  - 9M2025 revenue 5343.7 萬美元 (53437000, -3) against 5340 萬 (-4);
 *  - 2.12 億 users: "超过"/"逾" (at least) twice, exact once: exact decides;
 *  - 200 多 countries: at least 200 in two articles (003 of 2026-01, 004 of
 *    2026-01-09) against another fact of 003 ("200多個國家"), all rank 2, no
 *    source certainly later than another (2026-01 may be 2026-01-09): the
 *    number of sources decides;
 *  - FY2024 growth 782.2% (000, 001) against 782% (004): precision decides
 *    before the later date of 004;
 *  - 1837 倍 public oversubscription in 003 and in 004, separately, rank 2
 *    each: file order decides.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ipofacts/ipofacts.h>

#define FIXTURE IPOFACTS_TEST_DATA "/dataset/minimax.json"

static int setup(void **state)
{
    ipofacts_dataset *ds = NULL;
    ipofacts_error err;
    ipofacts_status st = ipofacts_dataset_load_file(&ds, FIXTURE, &err);
    if (st != IPOFACTS_OK) {
        char line[600];
        ipofacts_error_format(&err, line, sizeof line);
        print_error("cannot load the fixture: %s\n", line);
        return -1;
    }
    *state = ds;
    return 0;
}

static int teardown(void **state)
{
    ipofacts_dataset_free(*state);
    return 0;
}

static const ipofacts_company *minimax(void **state)
{
    const ipofacts_company *c = ipofacts_dataset_find_company(*state, "minimax");
    assert_non_null(c);
    return c;
}

static const ipofacts_period *period(void **state, const char *key)
{
    const ipofacts_period *p = ipofacts_company_find_period(minimax(state), key);
    assert_non_null(p);
    return p;
}

static void assert_decimal(ipofacts_decimal d, int64_t coefficient, int32_t exponent)
{
    assert_int_equal(d.coefficient, coefficient);
    assert_int_equal(d.exponent, exponent);
}

static void test_counts(void **state)
{
    const ipofacts_dataset *ds = *state;
    assert_int_equal(ipofacts_dataset_company_count(ds), 2);
    assert_int_equal(ipofacts_dataset_source_count(ds), 5);
    /* 23 facts of MiniMax and 1 of Zhipu. */
    assert_int_equal(ipofacts_dataset_fact_count(ds), 24);
    assert_int_equal(ipofacts_company_fact_count(ipofacts_dataset_company(ds, 0)), 23);
    assert_int_equal(ipofacts_company_fact_count(ipofacts_dataset_company(ds, 1)), 1);
    assert_null(ipofacts_dataset_company(ds, 2));
    assert_null(ipofacts_dataset_source(ds, 5));
    assert_string_equal(ipofacts_company_id(ipofacts_dataset_company(ds, 1)), "zhipu");
}

static void test_find_company(void **state)
{
    const ipofacts_dataset *ds = *state;
    const ipofacts_company *mm = ipofacts_dataset_company(ds, 0);
    const ipofacts_company *zp = ipofacts_dataset_company(ds, 1);
    /* Id, any case. */
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "minimax"), mm);
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "MINIMAX"), mm);
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "ZhiPu"), zp);
    /* Names in every language. */
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "MiniMax"), mm);
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "稀宇科技"), mm);
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "智谱"), zp);
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "智譜"), zp);
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "zhipu ai"), zp);
    /* The ticker 00100 with and without leading zeros and exchange suffix. */
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "00100"), mm);
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "100"), mm);
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "0100.HK"), mm);
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "00100.hk"), mm);
    /* Near misses. */
    assert_null(ipofacts_dataset_find_company(ds, "minima"));
    assert_null(ipofacts_dataset_find_company(ds, "minimaxx"));
    assert_null(ipofacts_dataset_find_company(ds, "1000"));
    assert_null(ipofacts_dataset_find_company(ds, "10"));
    assert_null(ipofacts_dataset_find_company(ds, "稀宇"));
    assert_null(ipofacts_dataset_find_company(ds, ""));
    assert_null(ipofacts_dataset_find_company(ds, NULL));
    assert_null(ipofacts_dataset_find_company(NULL, "minimax"));
}

static void test_company_profile(void **state)
{
    const ipofacts_dataset *ds = *state;
    const ipofacts_company *c = minimax(state);
    assert_string_equal(ipofacts_company_name(c, "en"), "MiniMax");
    assert_string_equal(ipofacts_company_name(c, "zh-Hans"), "稀宇科技");
    assert_string_equal(ipofacts_company_name(c, "ZH-hant"), "稀宇科技"); /* tags are case-insensitive */
    assert_string_equal(ipofacts_company_name(c, NULL), "MiniMax");
    assert_string_equal(ipofacts_company_name(c, ""), "MiniMax");
    assert_null(ipofacts_company_name(c, "fr"));
    assert_string_equal(ipofacts_company_exchange(c), "HKEX");
    assert_string_equal(ipofacts_company_ticker(c), "00100");
    assert_string_equal(ipofacts_company_identifier(c, "hkex_stock_code"), "00100");
    assert_null(ipofacts_company_identifier(c, "cik"));
    /* 成立於 2022 年: known to the year only. */
    ipofacts_date founded = ipofacts_company_founded(c);
    assert_int_equal(founded.year, 2022);
    assert_int_equal(founded.month, 0);
    assert_int_equal(founded.precision, IPOFACTS_DATE_YEAR);
    ipofacts_date listed = ipofacts_company_listed(c);
    assert_int_equal(listed.year, 2026);
    assert_int_equal(listed.month, 1);
    assert_int_equal(listed.day, 9);
    assert_int_equal(listed.precision, IPOFACTS_DATE_DAY);
    assert_string_equal(ipofacts_company_currency(c), "USD");
    assert_int_equal(ipofacts_company_fiscal_year_end(c), 12);
    assert_ptr_equal(ipofacts_company_dataset(c), ds);

    /* Zhipu: no ticker, no listing date, no fiscal year end given (12). */
    const ipofacts_company *z = ipofacts_dataset_company(ds, 1);
    assert_null(ipofacts_company_ticker(z));
    assert_int_equal(ipofacts_company_listed(z).precision, IPOFACTS_DATE_UNKNOWN);
    assert_int_equal(ipofacts_company_fiscal_year_end(z), 12);
    assert_string_equal(ipofacts_company_currency(z), "CNY");
    assert_int_equal(ipofacts_company_person_count(z), 0);
    assert_null(ipofacts_company_person(z, 0));
}

static void test_sources(void **state)
{
    const ipofacts_dataset *ds = *state;
    const ipofacts_source *s = ipofacts_dataset_find_source(ds, "s000");
    assert_ptr_equal(s, ipofacts_dataset_source(ds, 0));
    assert_string_equal(ipofacts_source_id(s), "s000");
    assert_string_equal(ipofacts_source_publisher(s), "上海證券報");
    assert_string_equal(ipofacts_source_title(s), "MiniMax first disclosed its performance! It will compete with "
                                                  "Zhipu for the title of \"first stock\" in large models");
    assert_null(ipofacts_source_author(s));
    assert_string_equal(ipofacts_source_document(s), "000_ef391d1195bdf984.txt");
    assert_string_equal(ipofacts_source_language(s), "zh-Hant");
    ipofacts_date d = ipofacts_source_date(s);
    assert_int_equal(d.year, 2025);
    assert_int_equal(d.month, 12);
    assert_int_equal(d.precision, IPOFACTS_DATE_MONTH);
    assert_int_equal(ipofacts_source_rank(s), 2);

    const ipofacts_source *s1 = ipofacts_dataset_find_source(ds, "s001");
    assert_string_equal(ipofacts_source_author(s1), "王浩純");
    assert_int_equal(ipofacts_source_rank(s1), 3);
    /* s003 gives no rank: the default is 2. */
    assert_int_equal(ipofacts_source_rank(ipofacts_dataset_find_source(ds, "s003")), 2);
    ipofacts_date d4 = ipofacts_source_date(ipofacts_dataset_find_source(ds, "s004"));
    assert_int_equal(d4.day, 9);
    assert_int_equal(d4.precision, IPOFACTS_DATE_DAY);
    assert_null(ipofacts_source_publisher(ipofacts_dataset_find_source(ds, "s002")));
    assert_null(ipofacts_dataset_find_source(ds, "s005"));
    assert_null(ipofacts_dataset_find_source(ds, "S000")); /* ids are case-sensitive */
    assert_null(ipofacts_dataset_find_source(ds, NULL));
    /* File order and lookup agree for every source. */
    for (size_t i = 0; i < ipofacts_dataset_source_count(ds); i++) {
        const ipofacts_source *x = ipofacts_dataset_source(ds, i);
        assert_ptr_equal(ipofacts_dataset_find_source(ds, ipofacts_source_id(x)), x);
    }
}

static void test_periods(void **state)
{
    const ipofacts_company *c = minimax(state);
    assert_int_equal(ipofacts_company_period_count(c), 5);
    const ipofacts_period *fy23 = ipofacts_company_period(c, 0);
    assert_string_equal(ipofacts_period_id(fy23), "FY2023");
    assert_string_equal(ipofacts_period_label(fy23), "FY2023"); /* no label: the id */
    assert_int_equal(ipofacts_period_is_instant(fy23), 0);
    assert_int_equal(ipofacts_period_months(fy23), 12);
    assert_ptr_equal(ipofacts_period_company(fy23), c);
    ipofacts_date s = ipofacts_period_start(fy23), e = ipofacts_period_end(fy23);
    assert_int_equal(s.year, 2023);
    assert_int_equal(s.month, 1);
    assert_int_equal(s.day, 1);
    assert_int_equal(e.month, 12);
    assert_int_equal(e.day, 31);

    /* 2025-01-01 to 2025-09-30: nine months. */
    const ipofacts_period *m9 = period(state, "9M2025");
    assert_int_equal(ipofacts_period_months(m9), 9);
    ipofacts_date s9, e9;
    assert_int_equal(ipofacts_date_make(&s9, 2025, 1, 1), IPOFACTS_OK);
    assert_int_equal(ipofacts_date_make(&e9, 2025, 9, 30), IPOFACTS_OK);
    assert_ptr_equal(ipofacts_company_find_period_dates(c, &s9, &e9), m9);
    /* The same end as an instant is another period. */
    ipofacts_date none = {0, 0, 0, IPOFACTS_DATE_UNKNOWN, 0};
    const ipofacts_period *q3 = ipofacts_company_find_period_dates(c, &none, &e9);
    assert_non_null(q3);
    assert_string_equal(ipofacts_period_id(q3), "2025-09-30");
    assert_int_equal(ipofacts_period_is_instant(q3), 1);
    assert_int_equal(ipofacts_period_months(q3), 0);
    assert_int_equal(ipofacts_period_start(q3).precision, IPOFACTS_DATE_UNKNOWN);
    assert_ptr_equal(ipofacts_company_find_period_dates(c, NULL, &e9), q3);
    ipofacts_date e8;
    assert_int_equal(ipofacts_date_make(&e8, 2025, 8, 31), IPOFACTS_OK);
    assert_null(ipofacts_company_find_period_dates(c, &s9, &e8));

    /* By label: the listing period is labelled with its date. */
    const ipofacts_period *listing = ipofacts_company_find_period(c, "2026-01-09");
    assert_non_null(listing);
    assert_string_equal(ipofacts_period_id(listing), "listing");
    assert_ptr_equal(ipofacts_company_find_period(c, "listing"), listing);
    assert_null(ipofacts_company_find_period(c, "FY2025"));
    assert_null(ipofacts_company_find_period(c, NULL));
    assert_null(ipofacts_company_period(c, 5));

    /* Zhipu's half year, found by its label "H1 2025". */
    const ipofacts_company *z = ipofacts_dataset_find_company(*state, "zhipu");
    const ipofacts_period *h1 = ipofacts_company_find_period(z, "H1 2025");
    assert_non_null(h1);
    assert_string_equal(ipofacts_period_id(h1), "H1-2025");
    assert_int_equal(ipofacts_period_months(h1), 6);
}

static void test_fact_accessors(void **state)
{
    const ipofacts_company *c = minimax(state);
    /* The third fact: 3052.3 萬美元 for FY2024 = 30523000, decimals -3. */
    const ipofacts_fact *f = ipofacts_company_fact(c, 2);
    assert_non_null(f);
    assert_string_equal(ipofacts_fact_concept_id(f), "revenue");
    assert_int_equal(ipofacts_fact_concept(f), IPOFACTS_CONCEPT_REVENUE);
    assert_null(ipofacts_fact_segment(f));
    assert_string_equal(ipofacts_fact_unit(f), "USD");
    assert_decimal(ipofacts_fact_value(f), 30523000, 0);
    assert_int_equal(ipofacts_fact_decimals(f), -3);
    assert_int_equal(ipofacts_fact_qualifier(f), IPOFACTS_QUALIFIER_EXACT);
    assert_null(ipofacts_fact_id(f));
    assert_null(ipofacts_fact_note(f));
    ipofacts_decimal up;
    assert_int_equal(ipofacts_fact_upper(&up, f), IPOFACTS_E_NOT_FOUND);
    /* It stands for [30522500, 30523500]. */
    ipofacts_interval iv;
    assert_int_equal(ipofacts_fact_interval(&iv, f), IPOFACTS_OK);
    assert_true(iv.lo == 30522500.0);
    assert_true(iv.hi == 30523500.0);
    assert_int_equal(iv.flags, 0);
    assert_string_equal(ipofacts_period_id(ipofacts_fact_period(f)), "FY2024");
    assert_ptr_equal(ipofacts_fact_company(f), c);
    assert_int_equal(ipofacts_fact_source_count(f), 1);
    assert_string_equal(ipofacts_source_id(ipofacts_fact_source(f, 0)), "s000");
    assert_string_equal(ipofacts_fact_quote(f, 0), "3052.3 萬美元");
    assert_null(ipofacts_fact_source(f, 1));
    assert_null(ipofacts_fact_quote(f, 1));

    /* The first fact has an id and two sources. */
    const ipofacts_fact *f0 = ipofacts_company_fact(c, 0);
    assert_string_equal(ipofacts_fact_id(f0), "rev_fy2023_346");
    assert_int_equal(ipofacts_fact_source_count(f0), 2);
    assert_string_equal(ipofacts_fact_quote(f0, 1), "346 万美元");
    assert_string_equal(ipofacts_source_id(ipofacts_fact_source(f0, 1)), "s002");

    /* A loss is negative: 净亏损 2.69 亿美元 = -269000000, decimals -6. */
    const ipofacts_fact *loss = NULL;
    assert_int_equal(ipofacts_period_fact(period(state, "FY2023"), IPOFACTS_CONCEPT_NET_INCOME, &loss), IPOFACTS_OK);
    assert_decimal(ipofacts_fact_value(loss), -269000000, 0);
    assert_int_equal(ipofacts_fact_decimals(loss), -6);

    /* -24.7% is the pure fraction -0.247 with three decimals. */
    const ipofacts_fact *gm = NULL;
    assert_int_equal(ipofacts_period_fact(period(state, "FY2023"), IPOFACTS_CONCEPT_GROSS_MARGIN, &gm), IPOFACTS_OK);
    assert_decimal(ipofacts_fact_value(gm), -247, -3);
    assert_string_equal(ipofacts_fact_unit(gm), "pure");

    /* 385 employees, exactly: decimals INF, an interval of one point. */
    const ipofacts_fact *emp = NULL;
    assert_int_equal(ipofacts_period_fact(period(state, "2025-09-30"), IPOFACTS_CONCEPT_EMPLOYEES, &emp), IPOFACTS_OK);
    assert_int_equal(ipofacts_fact_decimals(emp), IPOFACTS_DECIMALS_INF);
    assert_int_equal(ipofacts_fact_interval(&iv, emp), IPOFACTS_OK);
    assert_true(iv.lo == 385.0 && iv.hi == 385.0);

    /* A range: Hailuo AI plans from 9.99 to 199.99 USD a month. */
    const ipofacts_fact *range = ipofacts_company_fact(c, 22);
    assert_string_equal(ipofacts_fact_concept_id(range), "subscription_price");
    assert_int_equal(ipofacts_fact_concept(range), IPOFACTS_CONCEPT_OTHER);
    assert_string_equal(ipofacts_fact_segment(range), "hailuo_ai");
    assert_int_equal(ipofacts_fact_qualifier(range), IPOFACTS_QUALIFIER_RANGE);
    assert_decimal(ipofacts_fact_value(range), 999, -2);
    assert_int_equal(ipofacts_fact_upper(&up, range), IPOFACTS_OK);
    assert_decimal(up, 19999, -2);
    assert_string_equal(ipofacts_fact_note(range), "monthly plans");
    assert_int_equal(ipofacts_fact_interval(&iv, range), IPOFACTS_OK);
    assert_true(iv.lo <= 9.985 && iv.lo > 9.98);
    assert_true(iv.hi >= 199.995 && iv.hi < 199.996);

    /* 约720亿港元: approximately, so twice the rounding half-width. */
    const ipofacts_fact *cap = NULL;
    assert_int_equal(ipofacts_period_fact(period(state, "listing"), IPOFACTS_CONCEPT_MARKET_CAP, &cap), IPOFACTS_OK);
    assert_decimal(ipofacts_fact_value(cap), 72000000000, 0);
    assert_int_equal(ipofacts_fact_qualifier(cap), IPOFACTS_QUALIFIER_APPROXIMATELY);
    assert_int_equal(ipofacts_fact_interval(&iv, cap), IPOFACTS_OK);
    assert_true(iv.lo == 71000000000.0 && iv.hi == 73000000000.0);
    assert_null(ipofacts_company_fact(c, 23));
}

static void test_iteration(void **state)
{
    const ipofacts_company *c = minimax(state);
    /* FY2023 has, in file order: 346 萬, 350 萬, -24.7%, -2.69 亿 and
     * Talkie's ARPPU of 6 USD. */
    const ipofacts_period *fy23 = period(state, "FY2023");
    assert_int_equal(ipofacts_period_fact_count(fy23), 5);
    const char *concepts[] = {"revenue", "revenue", "gross_margin", "net_income", "arppu"};
    size_t previous = 0;
    for (size_t i = 0; i < 5; i++) {
        const ipofacts_fact *f = ipofacts_period_fact_at(fy23, i);
        assert_string_equal(ipofacts_fact_concept_id(f), concepts[i]);
        assert_ptr_equal(ipofacts_fact_period(f), fy23);
        /* File order: its place among the company's facts grows. */
        size_t k = 0;
        while (ipofacts_company_fact(c, k) != f)
            k++;
        assert_true(i == 0 || k > previous);
        previous = k;
    }
    assert_null(ipofacts_period_fact_at(fy23, 5));
    /* Every fact is in exactly one period's list. */
    size_t total = 0;
    for (size_t p = 0; p < ipofacts_company_period_count(c); p++)
        total += ipofacts_period_fact_count(ipofacts_company_period(c, p));
    assert_int_equal(total, ipofacts_company_fact_count(c));
}

static void expect_preferred(void **state, const char *period_key, const char *concept, const char *segment,
                             int64_t coefficient, const char *first_source, ipofacts_preference reason)
{
    const ipofacts_fact *f = NULL;
    ipofacts_preference why = (ipofacts_preference)-1;
    assert_int_equal(ipofacts_period_find_fact(&f, &why, period(state, period_key), concept, segment), IPOFACTS_OK);
    assert_non_null(f);
    assert_int_equal(ipofacts_fact_value(f).coefficient, coefficient);
    assert_string_equal(ipofacts_source_id(ipofacts_fact_source(f, 0)), first_source);
    assert_int_equal(why, reason);
}

static void test_preference(void **state)
{
    /* 346 萬 (rank 2, two sources) over 350 萬 (rank 3): both decimals -4. */
    expect_preferred(state, "FY2023", "revenue", NULL, 3460000, "s000", IPOFACTS_PREFER_SOURCE_RANK);
    /* 3052.3 萬 (decimals -3) over 3050 萬 (-4), though 3050 萬 has two sources. */
    expect_preferred(state, "FY2024", "revenue", NULL, 30523000, "s000", IPOFACTS_PREFER_PRECISION);
    expect_preferred(state, "9M2025", "revenue", NULL, 53437000, "s000", IPOFACTS_PREFER_PRECISION);
    /* 782.2% (decimals 3) over 782% (2). */
    expect_preferred(state, "FY2024", "revenue_growth", NULL, 7822, "s000", IPOFACTS_PREFER_PRECISION);
    /* The exact 2.12億 over "超过" and "逾" 2.12亿 (at least). */
    expect_preferred(state, "2025-09-30", "users", NULL, 212000000, "s003", IPOFACTS_PREFER_PRECISION);
    /* 200 多 countries: two sources over one; 2026-01 is not certainly
     * earlier than 2026-01-09, so the dates do not decide. */
    expect_preferred(state, "2025-09-30", "countries_served", NULL, 200, "s003", IPOFACTS_PREFER_SOURCE_COUNT);
    /* 1837 倍 twice, one source each, both rank 2: the first in the file. */
    expect_preferred(state, "listing", "public_oversubscription", NULL, 1837, "s003", IPOFACTS_PREFER_FILE_ORDER);
    /* A single report. */
    expect_preferred(state, "FY2023", "gross_margin", NULL, -247, "s000", IPOFACTS_PREFER_ONLY);
    /* A segment's fact is found by its segment only. */
    expect_preferred(state, "FY2023", "arppu", "talkie", 6, "s001", IPOFACTS_PREFER_ONLY);

    const ipofacts_fact *f = (const ipofacts_fact *)1;
    assert_int_equal(ipofacts_period_find_fact(&f, NULL, period(state, "FY2023"), "arppu", NULL),
                     IPOFACTS_E_NOT_FOUND);
    assert_null(f);
    assert_int_equal(ipofacts_period_find_fact(&f, NULL, period(state, "FY2023"), "arppu", "hailuo_ai"),
                     IPOFACTS_E_NOT_FOUND);
    assert_int_equal(ipofacts_period_find_fact(&f, NULL, period(state, "listing"), "revenue", NULL),
                     IPOFACTS_E_NOT_FOUND);
    assert_int_equal(ipofacts_period_find_fact(&f, NULL, NULL, "revenue", NULL), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_period_find_fact(&f, NULL, period(state, "FY2023"), NULL, NULL), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_period_find_fact(NULL, NULL, period(state, "FY2023"), "revenue", NULL),
                     IPOFACTS_E_INVALID);

    /* By number: the same preferred fact. */
    assert_int_equal(ipofacts_period_fact(period(state, "FY2024"), IPOFACTS_CONCEPT_REVENUE, &f), IPOFACTS_OK);
    assert_int_equal(ipofacts_fact_value(f).coefficient, 30523000);
    assert_int_equal(ipofacts_period_fact(period(state, "FY2024"), IPOFACTS_CONCEPT_OTHER, &f), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_period_fact(period(state, "FY2024"), (ipofacts_concept)999, &f), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_period_fact(period(state, "FY2024"), IPOFACTS_CONCEPT_CASH, &f), IPOFACTS_E_NOT_FOUND);
}

static void test_people_members_events(void **state)
{
    const ipofacts_company *c = minimax(state);
    assert_int_equal(ipofacts_company_person_count(c), 1);
    const ipofacts_person *p = ipofacts_company_person(c, 0);
    assert_string_equal(ipofacts_person_name(p, "en"), "Yan Junjie");
    assert_string_equal(ipofacts_person_name(p, "zh-Hant"), "閆俊傑");
    assert_string_equal(ipofacts_person_name(p, "zh-Hans"), "闫俊杰");
    assert_string_equal(ipofacts_person_name(p, NULL), "Yan Junjie");
    assert_null(ipofacts_person_name(p, "ja"));
    assert_string_equal(ipofacts_person_role(p), "founder, chief executive officer");
    ipofacts_date born = ipofacts_person_born(p);
    assert_int_equal(born.year, 1989);
    assert_int_equal(born.precision, IPOFACTS_DATE_YEAR);
    assert_int_equal(ipofacts_person_source_count(p), 1);
    assert_string_equal(ipofacts_source_publisher(ipofacts_person_source(p, 0)), "上海證券報");
    assert_null(ipofacts_person_source(p, 1));
    assert_null(ipofacts_company_person(c, 1));

    assert_int_equal(ipofacts_company_member_count(c), 5);
    const ipofacts_member *talkie = ipofacts_company_member(c, 0);
    assert_string_equal(ipofacts_member_id(talkie), "talkie");
    assert_int_equal(ipofacts_member_kind_of(talkie), IPOFACTS_MEMBER_SEGMENT);
    assert_string_equal(ipofacts_member_name(talkie, "zh-Hans"), "星野");
    assert_int_equal(ipofacts_member_date(talkie).precision, IPOFACTS_DATE_UNKNOWN);
    assert_int_equal(ipofacts_member_related_count(talkie), 0);
    const ipofacts_member *ipo = ipofacts_company_find_member(c, "ipo");
    assert_ptr_equal(ipo, ipofacts_company_member(c, 2));
    assert_int_equal(ipofacts_member_kind_of(ipo), IPOFACTS_MEMBER_ROUND);
    ipofacts_date d = ipofacts_member_date(ipo);
    assert_int_equal(d.year, 2026);
    assert_int_equal(d.day, 9);
    assert_int_equal(ipofacts_member_related_count(ipo), 2);
    assert_string_equal(ipofacts_member_related(ipo, 0), "adia");
    assert_string_equal(ipofacts_member_related(ipo, 1), "mirae_asset");
    assert_null(ipofacts_member_related(ipo, 2));
    const ipofacts_member *adia = ipofacts_company_find_member(c, ipofacts_member_related(ipo, 0));
    assert_int_equal(ipofacts_member_kind_of(adia), IPOFACTS_MEMBER_INVESTOR);
    assert_string_equal(ipofacts_member_name(adia, NULL), "阿布扎比基金");
    assert_null(ipofacts_member_name(adia, "en"));
    assert_null(ipofacts_company_find_member(c, "tencent"));
    assert_null(ipofacts_company_member(c, 5));
    for (size_t i = 0; i < ipofacts_company_member_count(c); i++) {
        const ipofacts_member *m = ipofacts_company_member(c, i);
        assert_ptr_equal(ipofacts_company_find_member(c, ipofacts_member_id(m)), m);
    }

    assert_int_equal(ipofacts_company_event_count(c), 2);
    const ipofacts_event *founded = ipofacts_company_event(c, 0);
    assert_string_equal(ipofacts_event_kind(founded), "founded");
    assert_int_equal(ipofacts_event_date(founded).year, 2022);
    assert_int_equal(ipofacts_event_date(founded).precision, IPOFACTS_DATE_YEAR);
    assert_string_equal(ipofacts_event_note(founded), "成立於 2022 年");
    assert_int_equal(ipofacts_event_source_count(founded), 1);
    assert_string_equal(ipofacts_source_id(ipofacts_event_source(founded, 0)), "s000");
    assert_string_equal(ipofacts_event_quote(founded, 0), "成立於 2022 年");
    const ipofacts_event *listed = ipofacts_company_event(c, 1);
    assert_string_equal(ipofacts_event_kind(listed), "listed");
    assert_null(ipofacts_event_note(listed));
    assert_string_equal(ipofacts_event_quote(listed, 0), "2026年1月9日,MiniMax在港交所敲钟");
    assert_null(ipofacts_event_quote(listed, 1));
    assert_null(ipofacts_event_source(listed, 1));
    assert_null(ipofacts_company_event(c, 2));
}

static void test_concepts(void **state)
{
    (void)state;
    for (int i = 1; i < IPOFACTS_CONCEPT_COUNT; i++) {
        const char *id = ipofacts_concept_id((ipofacts_concept)i);
        assert_non_null(id);
        assert_non_null(ipofacts_concept_label((ipofacts_concept)i));
        /* The reverse lookup finds every id (and so the table is sorted). */
        assert_int_equal(ipofacts_concept_from_id(id), i);
    }
    assert_string_equal(ipofacts_concept_id(IPOFACTS_CONCEPT_REVENUE), "revenue");
    assert_string_equal(ipofacts_concept_id(IPOFACTS_CONCEPT_MARKET_CAP), "market_capitalization");
    assert_string_equal(ipofacts_concept_id(IPOFACTS_CONCEPT_GROSS_MARGIN_SEGMENT), "segment_gross_margin");
    assert_string_equal(ipofacts_concept_id(IPOFACTS_CONCEPT_SEGMENT_GROWTH), "segment_revenue_growth");
    assert_string_equal(ipofacts_concept_id(IPOFACTS_CONCEPT_RD_EXPENSE), "rd_expense");
    assert_string_equal(ipofacts_concept_label(IPOFACTS_CONCEPT_COST_OF_SALES), "Cost of sales");
    assert_null(ipofacts_concept_id(IPOFACTS_CONCEPT_OTHER));
    assert_null(ipofacts_concept_id((ipofacts_concept)IPOFACTS_CONCEPT_COUNT));
    assert_null(ipofacts_concept_id((ipofacts_concept)-1));
    assert_null(ipofacts_concept_label((ipofacts_concept)IPOFACTS_CONCEPT_COUNT));
    assert_int_equal(ipofacts_concept_from_id("countries_served"), IPOFACTS_CONCEPT_OTHER);
    assert_int_equal(ipofacts_concept_from_id("Revenue"), IPOFACTS_CONCEPT_OTHER);
    assert_int_equal(ipofacts_concept_from_id(""), IPOFACTS_CONCEPT_OTHER);
    assert_int_equal(ipofacts_concept_from_id(NULL), IPOFACTS_CONCEPT_OTHER);
}

static void test_null_handles(void **state)
{
    (void)state;
    assert_int_equal(ipofacts_dataset_company_count(NULL), 0);
    assert_int_equal(ipofacts_dataset_source_count(NULL), 0);
    assert_int_equal(ipofacts_dataset_fact_count(NULL), 0);
    assert_null(ipofacts_dataset_company(NULL, 0));
    assert_null(ipofacts_dataset_find_source(NULL, "s000"));
    assert_null(ipofacts_source_id(NULL));
    assert_int_equal(ipofacts_source_rank(NULL), 0);
    assert_int_equal(ipofacts_source_date(NULL).precision, IPOFACTS_DATE_UNKNOWN);
    assert_null(ipofacts_company_id(NULL));
    assert_null(ipofacts_company_name(NULL, "en"));
    assert_int_equal(ipofacts_company_fiscal_year_end(NULL), 0);
    assert_int_equal(ipofacts_company_fact_count(NULL), 0);
    assert_null(ipofacts_company_fact(NULL, 0));
    assert_null(ipofacts_company_find_period(NULL, "FY2024"));
    assert_null(ipofacts_company_find_member(NULL, "ipo"));
    assert_int_equal(ipofacts_period_fact_count(NULL), 0);
    assert_int_equal(ipofacts_period_is_instant(NULL), 0);
    assert_int_equal(ipofacts_fact_value(NULL).coefficient, 0);
    assert_int_equal(ipofacts_fact_source_count(NULL), 0);
    assert_null(ipofacts_fact_quote(NULL, 0));
    ipofacts_interval iv;
    assert_int_equal(ipofacts_fact_interval(&iv, NULL), IPOFACTS_E_INVALID);
    ipofacts_decimal d;
    assert_int_equal(ipofacts_fact_upper(&d, NULL), IPOFACTS_E_INVALID);
    assert_null(ipofacts_person_name(NULL, NULL));
    assert_null(ipofacts_member_id(NULL));
    assert_null(ipofacts_event_kind(NULL));
    ipofacts_dataset_free(NULL);
}

/* Threads that share one dataset and load their own copies at the same
 * time all see the same answers. */
typedef struct worker {
    const ipofacts_dataset *shared;
    const char *text;
    size_t len;
    int failures;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    for (int round = 0; round < 20; round++) {
        ipofacts_dataset *own = NULL;
        if (ipofacts_dataset_load_buffer(&own, w->text, w->len, NULL) != IPOFACTS_OK) {
            w->failures++;
            continue;
        }
        const ipofacts_dataset *sets[2] = {w->shared, own};
        for (int k = 0; k < 2; k++) {
            const ipofacts_company *c = ipofacts_dataset_find_company(sets[k], "0100.HK");
            const ipofacts_period *p = ipofacts_company_find_period(c, "FY2023");
            const ipofacts_fact *f = NULL;
            ipofacts_preference why;
            if (ipofacts_period_find_fact(&f, &why, p, "revenue", NULL) != IPOFACTS_OK ||
                ipofacts_fact_value(f).coefficient != 3460000 || why != IPOFACTS_PREFER_SOURCE_RANK ||
                ipofacts_dataset_find_company(sets[k], "智譜") == NULL)
                w->failures++;
        }
        ipofacts_dataset_free(own);
    }
    return NULL;
}

static void test_threads(void **state)
{
    FILE *f = fopen(FIXTURE, "rb");
    assert_non_null(f);
    char *text = malloc(1 << 16);
    assert_non_null(text);
    size_t len = fread(text, 1, 1 << 16, f);
    fclose(f);
    assert_true(len > 0 && len < (1 << 16));
    worker w[4];
    pthread_t t[4];
    for (int i = 0; i < 4; i++) {
        w[i].shared = *state;
        w[i].text = text;
        w[i].len = len;
        w[i].failures = 0;
        assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        assert_int_equal(pthread_join(t[i], NULL), 0);
        assert_int_equal(w[i].failures, 0);
    }
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_find_company),
        cmocka_unit_test(test_company_profile),
        cmocka_unit_test(test_sources),
        cmocka_unit_test(test_periods),
        cmocka_unit_test(test_fact_accessors),
        cmocka_unit_test(test_iteration),
        cmocka_unit_test(test_preference),
        cmocka_unit_test(test_people_members_events),
        cmocka_unit_test(test_concepts),
        cmocka_unit_test(test_null_handles),
        cmocka_unit_test(test_threads),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
