/*
 * The built-in dataset (data/builtin.json, compiled into the library): it
 * opens, its companies are found by id, name and ticker, the key figures of
 * the seed articles come back with their precision and sources, and every
 * quoted figure occurs in the excerpt of its article
 * (tests/data/seed_excerpts/<document>).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ipofacts/ipofacts.h"

#define EXCERPT_DIR IPOFACTS_TEST_DATA "/seed_excerpts/"

static ipofacts_dataset *ds;

static int setup(void **state)
{
    (void)state;
    return ipofacts_dataset_open_builtin(&ds) == IPOFACTS_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    ipofacts_dataset_free(ds);
    ds = NULL;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static const ipofacts_company *company(const char *key)
{
    const ipofacts_company *c = ipofacts_dataset_find_company(ds, key);
    if (c == NULL)
        fail_msg("company %s not found", key);
    return c;
}

static const ipofacts_period *period(const ipofacts_company *c, const char *key)
{
    const ipofacts_period *p = ipofacts_company_find_period(c, key);
    if (p == NULL)
        fail_msg("period %s of %s not found", key, ipofacts_company_id(c));
    return p;
}

/* The decimal coefficient x 10^exponent, exactly. */
static void assert_value(ipofacts_decimal got, int64_t coefficient, int32_t exponent)
{
    ipofacts_decimal want = ipofacts_decimal_make(coefficient, exponent);
    if (ipofacts_decimal_cmp(&got, &want) != 0) {
        char a[IPOFACTS_DECIMAL_STRING_SIZE], b[IPOFACTS_DECIMAL_STRING_SIZE];
        assert_int_equal(ipofacts_decimal_format(&got, a, sizeof a), IPOFACTS_OK);
        assert_int_equal(ipofacts_decimal_format(&want, b, sizeof b), IPOFACTS_OK);
        fail_msg("value %s, expected %s", a, b);
    }
}

/* Whether a fact cites source @p source_id with exactly the text @p quote. */
static int cites(const ipofacts_fact *f, const char *source_id, const char *quote)
{
    for (size_t i = 0; i < ipofacts_fact_source_count(f); i++) {
        const ipofacts_source *s = ipofacts_fact_source(f, i);
        const char *q = ipofacts_fact_quote(f, i);
        if (s != NULL && strcmp(ipofacts_source_id(s), source_id) == 0 && q != NULL && strcmp(q, quote) == 0)
            return 1;
    }
    return 0;
}

/* The one fact of a period with this concept, segment, unit and value. */
static const ipofacts_fact *find_exact(const ipofacts_period *p, const char *concept_id, const char *segment,
                                       const char *unit, int64_t coefficient, int32_t exponent)
{
    const ipofacts_fact *found = NULL;
    ipofacts_decimal want = ipofacts_decimal_make(coefficient, exponent);
    for (size_t i = 0; i < ipofacts_period_fact_count(p); i++) {
        const ipofacts_fact *f = ipofacts_period_fact_at(p, i);
        const char *seg = ipofacts_fact_segment(f);
        ipofacts_decimal v = ipofacts_fact_value(f);
        if (strcmp(ipofacts_fact_concept_id(f), concept_id) != 0)
            continue;
        if ((segment == NULL) != (seg == NULL) || (segment != NULL && strcmp(segment, seg) != 0))
            continue;
        if (strcmp(ipofacts_fact_unit(f), unit) != 0 || ipofacts_decimal_cmp(&v, &want) != 0)
            continue;
        if (found != NULL)
            fail_msg("two %s facts of %s with one value", concept_id, ipofacts_period_id(p));
        found = f;
    }
    if (found == NULL)
        fail_msg("no %s fact in %s with the expected value", concept_id, ipofacts_period_id(p));
    return found;
}

static const ipofacts_fact *preferred(const ipofacts_period *p, const char *concept_id, const char *segment,
                                      ipofacts_preference *why)
{
    const ipofacts_fact *f = NULL;
    assert_int_equal(ipofacts_period_find_fact(&f, why, p, concept_id, segment), IPOFACTS_OK);
    assert_non_null(f);
    return f;
}

static char *read_text(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        fail_msg("cannot open %s", path);
    assert_int_equal(fseek(fp, 0, SEEK_END), 0);
    long n = ftell(fp);
    assert_true(n > 0);
    rewind(fp);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

/* ------------------------------------------------------------------ */
/* Opening, lookup                                                     */
/* ------------------------------------------------------------------ */

static void test_opens(void **state)
{
    (void)state;
    ipofacts_dataset *again = NULL;
    assert_int_equal(ipofacts_dataset_open_builtin(NULL), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_dataset_open_builtin(&again), IPOFACTS_OK);
    assert_non_null(again);
    /* Each call gives a new dataset of the same content. */
    assert_ptr_not_equal(again, ds);
    assert_int_equal(ipofacts_dataset_fact_count(again), ipofacts_dataset_fact_count(ds));
    ipofacts_dataset_free(again);

    assert_int_equal(ipofacts_dataset_company_count(ds), 2);
    /* Five seed articles and the HKMA peg band. */
    assert_int_equal(ipofacts_dataset_source_count(ds), 6);
    /* 213 facts of MiniMax and 9 of Zhipu (data/README.md). */
    assert_int_equal(ipofacts_dataset_fact_count(ds), 222);
}

static void test_company_lookup(void **state)
{
    (void)state;
    const ipofacts_company *m = company("minimax");
    assert_string_equal(ipofacts_company_id(m), "minimax");
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "MiniMax"), m);
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "00100"), m);
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "0100.HK"), m);
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "稀宇科技"), m);
    assert_string_equal(ipofacts_company_name(m, "en"), "MiniMax");
    assert_string_equal(ipofacts_company_name(m, "zh-Hans"), "稀宇科技");
    assert_string_equal(ipofacts_company_exchange(m), "HKEX");
    assert_string_equal(ipofacts_company_ticker(m), "00100");
    assert_string_equal(ipofacts_company_currency(m), "USD");
    assert_int_equal(ipofacts_company_fiscal_year_end(m), 12);

    /* Founded at the end of 2021 (articles 003, 004; article 000 says 2022),
     * listed on 9 January 2026. */
    ipofacts_date d = ipofacts_company_founded(m);
    assert_int_equal(d.precision, IPOFACTS_DATE_MONTH);
    assert_int_equal(d.year, 2021);
    assert_int_equal(d.month, 12);
    d = ipofacts_company_listed(m);
    assert_int_equal(d.precision, IPOFACTS_DATE_DAY);
    assert_int_equal(d.year, 2026);
    assert_int_equal(d.month, 1);
    assert_int_equal(d.day, 9);

    const ipofacts_company *z = company("智谱");
    assert_string_equal(ipofacts_company_id(z), "zhipu");
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "Zhipu AI"), z);
    assert_ptr_equal(ipofacts_dataset_find_company(ds, "智譜"), z);
    assert_string_equal(ipofacts_company_currency(z), "CNY");
    /* "就在前一天 ... 智谱率先登陆港交所": the day before MiniMax. */
    d = ipofacts_company_listed(z);
    assert_int_equal(d.year, 2026);
    assert_int_equal(d.month, 1);
    assert_int_equal(d.day, 8);
    d = ipofacts_company_founded(z);
    assert_int_equal(d.precision, IPOFACTS_DATE_YEAR);
    assert_int_equal(d.year, 2019);

    assert_null(ipofacts_dataset_find_company(ds, "OpenAI"));
}

static void test_founding_versions_kept(void **state)
{
    (void)state;
    const ipofacts_company *m = company("minimax");
    int end_2021 = 0, year_2022 = 0;
    for (size_t i = 0; i < ipofacts_company_event_count(m); i++) {
        const ipofacts_event *e = ipofacts_company_event(m, i);
        if (strcmp(ipofacts_event_kind(e), "founded") != 0)
            continue;
        ipofacts_date d = ipofacts_event_date(e);
        const char *src = ipofacts_source_id(ipofacts_event_source(e, 0));
        if (d.year == 2021 && d.month == 12) {
            end_2021 = 1;
            assert_string_equal(src, "jxyl-202601");
            assert_string_equal(ipofacts_event_quote(e, 0), "2021年底");
        } else if (d.year == 2022 && d.precision == IPOFACTS_DATE_YEAR) {
            year_2022 = 1;
            assert_string_equal(src, "shzqb-202512");
        }
    }
    assert_true(end_2021);
    assert_true(year_2022);
}

static void test_people(void **state)
{
    (void)state;
    const ipofacts_company *m = company("minimax");
    int found = 0;
    for (size_t i = 0; i < ipofacts_company_person_count(m); i++) {
        const ipofacts_person *p = ipofacts_company_person(m, i);
        const char *name = ipofacts_person_name(p, "zh-Hans");
        ipofacts_date born = ipofacts_person_born(p);
        if (name != NULL && strcmp(name, "闫俊杰") == 0) {
            assert_int_equal(born.year, 1989);
            assert_string_equal(ipofacts_person_name(p, "zh-Hant"), "閆俊傑");
            found++;
        } else if (name != NULL && strcmp(name, "贠烨祎") == 0) {
            assert_int_equal(born.year, 1994);
            found++;
        }
    }
    assert_int_equal(found, 2);
}

/* ------------------------------------------------------------------ */
/* Revenue: three reports of each period, none dropped                 */
/* ------------------------------------------------------------------ */

static void test_revenue_fy2023(void **state)
{
    (void)state;
    const ipofacts_company *m = company("minimax");
    const ipofacts_period *p = period(m, "FY2023");
    ipofacts_preference why;
    /* "346 萬美元" (000, 002, 003) and "350 萬美元" (001) have the same
     * precision (decimals -4) and rank; 003 is of 2026-01, certainly later
     * than 001 (2025-12), so the latest report decides. */
    const ipofacts_fact *f = preferred(p, "revenue", NULL, &why);
    assert_value(ipofacts_fact_value(f), 3460000, 0);
    assert_int_equal(ipofacts_fact_decimals(f), -4);
    assert_int_equal(ipofacts_fact_qualifier(f), IPOFACTS_QUALIFIER_EXACT);
    assert_string_equal(ipofacts_fact_unit(f), "USD");
    assert_int_equal(why, IPOFACTS_PREFER_SOURCE_DATE);
    assert_int_equal(ipofacts_fact_source_count(f), 3);
    assert_true(cites(f, "shzqb-202512", "346 萬美元"));
    assert_true(cites(f, "anon-202512", "346 万美元"));
    assert_true(cites(f, "jxyl-202601", "346萬美元"));

    /* The 350 萬 version is its own fact with its own source. */
    const ipofacts_fact *g = find_exact(p, "revenue", NULL, "USD", 3500000, 0);
    assert_ptr_not_equal(g, f);
    assert_int_equal(ipofacts_fact_decimals(g), -4);
    assert_int_equal(ipofacts_fact_source_count(g), 1);
    assert_true(cites(g, "jdcj-202512", "350 萬美元"));
}

static void test_revenue_fy2024(void **state)
{
    (void)state;
    const ipofacts_company *m = company("minimax");
    const ipofacts_period *p = period(m, "FY2024");
    ipofacts_preference why;
    /* "3052.3 萬美元" (decimals -3) is finer than "3050 萬美元" (-4). */
    const ipofacts_fact *f = preferred(p, "revenue", NULL, &why);
    assert_value(ipofacts_fact_value(f), 30523000, 0);
    assert_int_equal(ipofacts_fact_decimals(f), -3);
    assert_int_equal(why, IPOFACTS_PREFER_PRECISION);
    assert_true(cites(f, "shzqb-202512", "3052.3 萬美元"));

    /* 3052.3 萬 stands for [30522500, 30523500]. */
    ipofacts_interval iv;
    assert_int_equal(ipofacts_fact_interval(&iv, f), IPOFACTS_OK);
    assert_true(iv.lo <= 30522500.0 && iv.lo > 30522499.0);
    assert_true(iv.hi >= 30523500.0 && iv.hi < 30523501.0);

    const ipofacts_fact *g = find_exact(p, "revenue", NULL, "USD", 3050, 4);
    assert_true(cites(g, "jdcj-202512", "3050 萬美元"));
    assert_true(cites(g, "anon-202512", "3050 万美元"));

    /* Growth 782.2% is 7.822 with decimals 3; article 004's 782% is kept apart. */
    const ipofacts_fact *gr = preferred(p, "revenue_growth", NULL, NULL);
    assert_value(ipofacts_fact_value(gr), 7822, -3);
    assert_int_equal(ipofacts_fact_decimals(gr), 3);
    assert_string_equal(ipofacts_fact_unit(gr), "pure");
    const ipofacts_fact *gr2 = find_exact(p, "revenue_growth", NULL, "pure", 782, -2);
    assert_int_equal(ipofacts_fact_decimals(gr2), 2);
    assert_true(cites(gr2, "cyzone-20260109", "782%"));
}

static void test_revenue_9m2025(void **state)
{
    (void)state;
    const ipofacts_company *m = company("minimax");
    const ipofacts_period *p = period(m, "9M2025");
    assert_int_equal(ipofacts_period_months(p), 9);
    ipofacts_preference why;
    const ipofacts_fact *f = preferred(p, "revenue", NULL, &why);
    assert_value(ipofacts_fact_value(f), 53437000, 0);
    assert_int_equal(ipofacts_fact_decimals(f), -3);
    assert_int_equal(why, IPOFACTS_PREFER_PRECISION);
    assert_true(cites(f, "shzqb-202512", "5343.7 萬美元"));
    assert_true(cites(f, "cyzone-20260109", "5343.7万美元"));
    /* The rounded versions 5340 萬 and 5344 萬 stay separate facts. */
    assert_true(cites(find_exact(p, "revenue", NULL, "USD", 5340, 4), "jdcj-202512", "5340 萬美元"));
    assert_true(cites(find_exact(p, "revenue", NULL, "USD", 5344, 4), "jxyl-202601", "5344萬美元"));
    /* "约合3.7亿元人民币" is kept in CNY, approximately. */
    const ipofacts_fact *cny = find_exact(p, "revenue", NULL, "CNY", 37, 7);
    assert_int_equal(ipofacts_fact_qualifier(cny), IPOFACTS_QUALIFIER_APPROXIMATELY);
    assert_int_equal(ipofacts_fact_decimals(cny), -7);
}

/* ------------------------------------------------------------------ */
/* Losses, margins, cash                                               */
/* ------------------------------------------------------------------ */

static void test_losses_are_negative(void **state)
{
    (void)state;
    const ipofacts_company *m = company("minimax");
    const ipofacts_fact *f = NULL;
    assert_int_equal(ipofacts_period_fact(period(m, "FY2024"), IPOFACTS_CONCEPT_NET_INCOME, &f), IPOFACTS_OK);
    /* "4.65 億美元" of net loss: -465000000, decimals -6. */
    assert_value(ipofacts_fact_value(f), -465, 6);
    assert_int_equal(ipofacts_fact_decimals(f), -6);
    assert_true(cites(f, "jdcj-202512", "4.65 億美元"));
    assert_true(cites(f, "anon-202512", "4.65 亿美元"));

    /* Adjusted net loss of 2023, "8907.4 萬美元". */
    assert_int_equal(ipofacts_period_fact(period(m, "FY2023"), IPOFACTS_CONCEPT_ADJUSTED_NET_INCOME, &f),
                     IPOFACTS_OK);
    assert_value(ipofacts_fact_value(f), -89074000, 0);
    assert_int_equal(ipofacts_fact_decimals(f), -3);

    /* Cumulative loss is positive: "超过 13.27 亿美元", at least. */
    assert_int_equal(ipofacts_period_fact(period(m, "2025-09-30"), IPOFACTS_CONCEPT_CUMULATIVE_NET_LOSS, &f),
                     IPOFACTS_OK);
    assert_value(ipofacts_fact_value(f), 1327, 6);
    assert_int_equal(ipofacts_fact_qualifier(f), IPOFACTS_QUALIFIER_AT_LEAST);

    /* Gross margin 2023: "-24.7%" preferred over 004's "-23%". */
    const ipofacts_fact *gm = preferred(period(m, "FY2023"), "gross_margin", NULL, NULL);
    assert_value(ipofacts_fact_value(gm), -247, -3);
    assert_int_equal(ipofacts_fact_decimals(gm), 3);
}

static void test_cash_concepts_differ(void **state)
{
    (void)state;
    const ipofacts_company *m = company("minimax");
    const ipofacts_period *p = period(m, "2025-09-30");
    assert_true(ipofacts_period_is_instant(p));
    const ipofacts_fact *cash = NULL, *ci = NULL;
    assert_int_equal(ipofacts_period_fact(p, IPOFACTS_CONCEPT_CASH, &cash), IPOFACTS_OK);
    assert_int_equal(ipofacts_period_fact(p, IPOFACTS_CONCEPT_CASH_AND_INVESTMENTS, &ci), IPOFACTS_OK);
    /* "現金結餘為 10.46 億美元" against "現金及理財 ... 11.02 亿美元". */
    assert_value(ipofacts_fact_value(cash), 1046000000, 0);
    assert_value(ipofacts_fact_value(ci), 1102000000, 0);
    assert_int_equal(ipofacts_fact_concept(cash), IPOFACTS_CONCEPT_CASH);
    assert_int_equal(ipofacts_fact_concept(ci), IPOFACTS_CONCEPT_CASH_AND_INVESTMENTS);
    assert_true(cites(cash, "shzqb-202512", "10.46 億美元"));
    assert_true(cites(ci, "cyzone-20260109", "11.02亿美元"));
    /* No cash fact carries the 11.02 figure. */
    for (size_t i = 0; i < ipofacts_period_fact_count(p); i++) {
        const ipofacts_fact *f = ipofacts_period_fact_at(p, i);
        ipofacts_decimal v = ipofacts_fact_value(f);
        ipofacts_decimal x = ipofacts_decimal_make(1102, 6);
        if (ipofacts_fact_concept(f) == IPOFACTS_CONCEPT_CASH)
            assert_int_not_equal(ipofacts_decimal_cmp(&v, &x), 0);
    }
}

/* ------------------------------------------------------------------ */
/* Offering                                                            */
/* ------------------------------------------------------------------ */

static void test_offering(void **state)
{
    (void)state;
    const ipofacts_company *m = company("minimax");
    const ipofacts_period *p = period(m, "listing");
    ipofacts_date d = ipofacts_period_end(p);
    assert_int_equal(d.year, 2026);
    assert_int_equal(d.month, 1);
    assert_int_equal(d.day, 9);

    const ipofacts_fact *f = NULL;
    assert_int_equal(ipofacts_period_fact(p, IPOFACTS_CONCEPT_OFFER_PRICE, &f), IPOFACTS_OK);
    assert_value(ipofacts_fact_value(f), 165, 0);
    /* An offer price is set exactly, not rounded: HK$165.00. */
    assert_int_equal(ipofacts_fact_decimals(f), IPOFACTS_DECIMALS_INF);
    assert_string_equal(ipofacts_fact_unit(f), "HKD/share");
    assert_true(cites(f, "cyzone-20260109", "165港元/股"));

    assert_int_equal(ipofacts_period_fact(p, IPOFACTS_CONCEPT_OPENING_PRICE, &f), IPOFACTS_OK);
    assert_value(ipofacts_fact_value(f), 2354, -1);
    /* A traded price is exact too: HK$235.40. */
    assert_int_equal(ipofacts_fact_decimals(f), IPOFACTS_DECIMALS_INF);

    assert_int_equal(ipofacts_period_fact(p, IPOFACTS_CONCEPT_PUBLIC_OVERSUBSCRIPTION, &f), IPOFACTS_OK);
    assert_value(ipofacts_fact_value(f), 1837, 0);
    assert_string_equal(ipofacts_fact_unit(f), "multiple");
    assert_int_equal(ipofacts_fact_source_count(f), 2);

    /* Cornerstones: ADIA 6500 万, Alibaba 3000 万, total 3.5 亿 (USD). */
    f = preferred(p, "cornerstone_investment", "adia", NULL);
    assert_value(ipofacts_fact_value(f), 6500, 4);
    f = preferred(p, "cornerstone_investment", "alibaba", NULL);
    assert_value(ipofacts_fact_value(f), 3000, 4);
    assert_string_equal(ipofacts_fact_unit(f), "USD");
    f = preferred(p, "cornerstone_investment", NULL, NULL);
    assert_value(ipofacts_fact_value(f), 35, 7);

    /* The HKD/USD band 7.75-7.85 is a range fact with a primary source. */
    f = preferred(p, "exchange_rate", NULL, NULL);
    assert_int_equal(ipofacts_fact_qualifier(f), IPOFACTS_QUALIFIER_RANGE);
    assert_string_equal(ipofacts_fact_unit(f), "HKD/USD");
    assert_value(ipofacts_fact_value(f), 775, -2);
    ipofacts_decimal up;
    assert_int_equal(ipofacts_fact_upper(&up, f), IPOFACTS_OK);
    assert_value(up, 785, -2);
    assert_int_equal(ipofacts_source_rank(ipofacts_fact_source(f, 0)), 1);
}

static void test_shareholdings(void **state)
{
    (void)state;
    const ipofacts_company *m = company("minimax");
    /* Before the listing (001): Alibaba 13.66%; after it (004): 12.52%. */
    const ipofacts_fact *f = preferred(period(m, "pre-listing"), "ownership_stake", "alibaba", NULL);
    assert_value(ipofacts_fact_value(f), 1366, -4);
    assert_int_equal(ipofacts_fact_decimals(f), 4);
    f = preferred(period(m, "listing"), "ownership_stake", "alibaba", NULL);
    assert_value(ipofacts_fact_value(f), 1252, -4);
    f = preferred(period(m, "listing"), "ownership_stake", "yan_junjie", NULL);
    assert_value(ipofacts_fact_value(f), 1061, -4);
    const ipofacts_member *mem = ipofacts_company_find_member(m, "yan_junjie");
    assert_non_null(mem);
    assert_int_equal(ipofacts_member_kind_of(mem), IPOFACTS_MEMBER_SHAREHOLDER);

    /* The angel round: 3100 万美元 at a pre-money valuation of 1.7 亿美元. */
    const ipofacts_member *angel = ipofacts_company_find_member(m, "angel");
    assert_non_null(angel);
    assert_int_equal(ipofacts_member_kind_of(angel), IPOFACTS_MEMBER_ROUND);
    assert_int_equal(ipofacts_member_related_count(angel), 4);
    f = preferred(period(m, "angel-round"), "funding_amount", "angel", NULL);
    assert_value(ipofacts_fact_value(f), 3100, 4);
    f = preferred(period(m, "angel-round"), "pre_money_valuation", "angel", NULL);
    assert_value(ipofacts_fact_value(f), 17, 7);
    assert_string_equal(ipofacts_fact_unit(f), "USD");
}

static void test_zhipu(void **state)
{
    (void)state;
    const ipofacts_company *z = company("zhipu");
    const ipofacts_period *h1 = period(z, "H1 2025");
    assert_int_equal(ipofacts_period_months(h1), 6);
    const ipofacts_fact *f = NULL;
    assert_int_equal(ipofacts_period_fact(h1, IPOFACTS_CONCEPT_REVENUE, &f), IPOFACTS_OK);
    /* "約為 1.91 億元人民幣". */
    assert_value(ipofacts_fact_value(f), 191, 6);
    assert_string_equal(ipofacts_fact_unit(f), "CNY");
    assert_int_equal(ipofacts_fact_qualifier(f), IPOFACTS_QUALIFIER_APPROXIMATELY);
    assert_int_equal(ipofacts_period_fact(h1, IPOFACTS_CONCEPT_TOP5_CUSTOMER_SHARE, &f), IPOFACTS_OK);
    assert_value(ipofacts_fact_value(f), 400, -3);
    assert_int_equal(ipofacts_fact_decimals(f), 3);
    /* 50%~60% gross margin is a range. */
    f = preferred(period(z, "FY2022-H1-2025"), "gross_margin", NULL, NULL);
    assert_int_equal(ipofacts_fact_qualifier(f), IPOFACTS_QUALIFIER_RANGE);
    ipofacts_decimal up;
    assert_int_equal(ipofacts_fact_upper(&up, f), IPOFACTS_OK);
    assert_value(up, 60, -2);
}

/* ------------------------------------------------------------------ */
/* Provenance                                                          */
/* ------------------------------------------------------------------ */

/* The excerpt of a source's article, loaded once per document. */
typedef struct excerpt {
    const ipofacts_source *source;
    char *text; /* NULL when the source has no seed document */
} excerpt;

static void load_excerpts(excerpt *ex, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ex[i].source = ipofacts_dataset_source(ds, i);
        ex[i].text = NULL;
        const char *doc = ipofacts_source_document(ex[i].source);
        if (doc != NULL) {
            char path[1024];
            snprintf(path, sizeof path, "%s%s", EXCERPT_DIR, doc);
            ex[i].text = read_text(path);
        }
    }
}

static const char *excerpt_of(const excerpt *ex, size_t n, const ipofacts_source *s)
{
    for (size_t i = 0; i < n; i++)
        if (ex[i].source == s)
            return ex[i].text;
    fail_msg("source %s is not in the dataset", ipofacts_source_id(s));
    return NULL;
}

static void test_quotes_in_excerpts(void **state)
{
    (void)state;
    size_t n = ipofacts_dataset_source_count(ds);
    excerpt *ex = calloc(n, sizeof *ex);
    assert_non_null(ex);
    load_excerpts(ex, n);
    size_t checked = 0;
    for (size_t c = 0; c < ipofacts_dataset_company_count(ds); c++) {
        const ipofacts_company *co = ipofacts_dataset_company(ds, c);
        for (size_t i = 0; i < ipofacts_company_fact_count(co); i++) {
            const ipofacts_fact *f = ipofacts_company_fact(co, i);
            size_t k = ipofacts_fact_source_count(f);
            if (k < 1)
                fail_msg("fact %s has no source", ipofacts_fact_id(f));
            for (size_t j = 0; j < k; j++) {
                const ipofacts_source *s = ipofacts_fact_source(f, j);
                const char *q = ipofacts_fact_quote(f, j);
                const char *text = excerpt_of(ex, n, s);
                if (q == NULL)
                    fail_msg("fact %s cites %s without text", ipofacts_fact_id(f), ipofacts_source_id(s));
                if (text != NULL && strstr(text, q) == NULL)
                    fail_msg("fact %s: \"%s\" is not in the excerpt of %s", ipofacts_fact_id(f), q,
                             ipofacts_source_document(s));
                checked++;
            }
        }
        for (size_t i = 0; i < ipofacts_company_event_count(co); i++) {
            const ipofacts_event *e = ipofacts_company_event(co, i);
            for (size_t j = 0; j < ipofacts_event_source_count(e); j++) {
                const char *q = ipofacts_event_quote(e, j);
                const char *text = excerpt_of(ex, n, ipofacts_event_source(e, j));
                assert_non_null(q);
                if (text != NULL && strstr(text, q) == NULL)
                    fail_msg("event %s: \"%s\" is not in the excerpt", ipofacts_event_kind(e), q);
                checked++;
            }
        }
    }
    /* 273 fact citations and 22 event citations (data/README.md). */
    assert_int_equal(checked, 273 + 22);
    for (size_t i = 0; i < n; i++)
        free(ex[i].text);
    free(ex);
}

/* Facts and citations per article, as data/README.md states them. */
static const struct {
    const char *source;
    size_t facts;
    size_t citations;
} coverage[] = {
    {"shzqb-202512", 49, 49},     /* 000 上海證券報 */
    {"jdcj-202512", 34, 34},      /* 001 節點財經 */
    {"anon-202512", 22, 22},      /* 002 unsigned */
    {"jxyl-202601", 43, 45},      /* 003 鏡象娛樂 */
    {"cyzone-20260109", 120, 122}, /* 004 创业邦 */
    {"hkma-lers", 1, 1},          /* HKMA peg band */
};

static void test_coverage_per_article(void **state)
{
    (void)state;
    for (size_t s = 0; s < sizeof coverage / sizeof coverage[0]; s++) {
        const ipofacts_source *src = ipofacts_dataset_find_source(ds, coverage[s].source);
        assert_non_null(src);
        size_t facts = 0, citations = 0;
        for (size_t c = 0; c < ipofacts_dataset_company_count(ds); c++) {
            const ipofacts_company *co = ipofacts_dataset_company(ds, c);
            for (size_t i = 0; i < ipofacts_company_fact_count(co); i++) {
                const ipofacts_fact *f = ipofacts_company_fact(co, i);
                int cited = 0;
                for (size_t j = 0; j < ipofacts_fact_source_count(f); j++)
                    if (ipofacts_fact_source(f, j) == src) {
                        citations++;
                        cited = 1;
                    }
                facts += (size_t)cited;
            }
        }
        if (facts != coverage[s].facts || citations != coverage[s].citations)
            fail_msg("%s: %zu facts and %zu citations, expected %zu and %zu", coverage[s].source, facts, citations,
                     coverage[s].facts, coverage[s].citations);
        assert_int_equal(ipofacts_source_rank(src), strcmp(coverage[s].source, "hkma-lers") == 0 ? 1 : 2);
    }
}

static void test_source_metadata(void **state)
{
    (void)state;
    const ipofacts_source *s = ipofacts_dataset_find_source(ds, "cyzone-20260109");
    assert_non_null(s);
    assert_string_equal(ipofacts_source_publisher(s), "创业邦");
    assert_string_equal(ipofacts_source_author(s), "薛皓皓");
    assert_string_equal(ipofacts_source_document(s), "004_62bcaca75a10cf99.txt");
    assert_string_equal(ipofacts_source_language(s), "zh-Hans");
    ipofacts_date d = ipofacts_source_date(s);
    assert_int_equal(d.precision, IPOFACTS_DATE_DAY);
    assert_int_equal(d.day, 9);

    s = ipofacts_dataset_find_source(ds, "shzqb-202512");
    assert_non_null(s);
    assert_string_equal(ipofacts_source_publisher(s), "上海證券報");
    assert_string_equal(ipofacts_source_language(s), "zh-Hant");
    d = ipofacts_source_date(s);
    assert_int_equal(d.precision, IPOFACTS_DATE_MONTH);
    assert_int_equal(d.year, 2025);
    assert_int_equal(d.month, 12);

    /* Article 002 has no byline: its publisher is unknown, not empty. */
    s = ipofacts_dataset_find_source(ds, "anon-202512");
    assert_non_null(s);
    assert_null(ipofacts_source_publisher(s));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_opens),
        cmocka_unit_test(test_company_lookup),
        cmocka_unit_test(test_founding_versions_kept),
        cmocka_unit_test(test_people),
        cmocka_unit_test(test_revenue_fy2023),
        cmocka_unit_test(test_revenue_fy2024),
        cmocka_unit_test(test_revenue_9m2025),
        cmocka_unit_test(test_losses_are_negative),
        cmocka_unit_test(test_cash_concepts_differ),
        cmocka_unit_test(test_offering),
        cmocka_unit_test(test_shareholdings),
        cmocka_unit_test(test_zhipu),
        cmocka_unit_test(test_quotes_in_excerpts),
        cmocka_unit_test(test_coverage_per_article),
        cmocka_unit_test(test_source_metadata),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
