/*
 * Tests of the text layer: the amount parser, the scanner, implied exchange
 * rates, and display width.
 *
 * Precision rule (docs/text.md): the value keeps the digits the text states,
 * so decimals = -(exponent of the last stated digit):
 *   "3052.3 萬"  = 30523 x 10^-1 x 10^4 = 30523 x 10^3 -> 30523000, decimals -3
 *   "800亿"      = 800 x 10^8                          -> 8e10, decimals -8
 *   "2亿4千万"   = 2 x 10^8 + 4 x 10^7 = 24 x 10^7     -> 240000000, decimals -7
 *   "1万2千"     = 1 x 10^4 + 2 x 10^3 = 12 x 10^3     -> 12000, decimals -3
 *   "23.3%"      = 233 x 10^-1 x 10^-2 = 233 x 10^-3   -> 0.233, decimals 3
 *   "782.2%"     = 7822 x 10^-3                        -> 7.822, decimals 3
 *   "HK$5.54 billion" = 554 x 10^-2 x 10^9 = 554 x 10^7 -> 5540000000, decimals -7
 *   "2.12 亿名用户" = 212 x 10^-2 x 10^8 = 212 x 10^6  -> 212000000 users, decimals -6
 *
 * The seed excerpts in tests/data/seed_excerpts/ are short passages of the
 * five seed articles; every quote the built-in dataset cites from an article
 * occurs in its excerpt file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipofacts/ipofacts.h"

#ifndef IPOFACTS_TEST_DATA
#error "IPOFACTS_TEST_DATA must name tests/data"
#endif

#define Q_EXACT IPOFACTS_QUALIFIER_EXACT
#define Q_APPROX IPOFACTS_QUALIFIER_APPROXIMATELY
#define Q_LEAST IPOFACTS_QUALIFIER_AT_LEAST
#define Q_MOST IPOFACTS_QUALIFIER_AT_MOST
#define Q_RANGE IPOFACTS_QUALIFIER_RANGE

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static ipofacts_decimal dec(const char *s)
{
    ipofacts_decimal d = {0, 0, 0};
    ipofacts_status st = ipofacts_decimal_parse(&d, s, strlen(s));
    if (st != IPOFACTS_OK)
        fail_msg("cannot parse expected value \"%s\": %s", s, ipofacts_status_str(st));
    return d;
}

static void check_value(const char *what, const ipofacts_decimal *got, const char *want)
{
    ipofacts_decimal w = dec(want);
    if (ipofacts_decimal_cmp(got, &w) != 0) {
        char buf[IPOFACTS_DECIMAL_STRING_SIZE];
        ipofacts_decimal_format(got, buf, sizeof buf);
        fail_msg("%s: value %s, want %s", what, buf, want);
    }
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        fail_msg("cannot open %s", path);
    if (fseek(f, 0, SEEK_END) != 0)
        fail_msg("cannot seek %s", path);
    long n = ftell(f);
    if (n < 0)
        fail_msg("cannot tell %s", path);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    if (fread(buf, 1, (size_t)n, f) != (size_t)n)
        fail_msg("cannot read %s", path);
    fclose(f);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

/* ------------------------------------------------------------------ */
/* The parser: a table of texts and what they mean                     */
/* ------------------------------------------------------------------ */

typedef struct parse_case {
    const char *text;
    const char *value;       /* exact, as a decimal string */
    const char *upper;       /* upper end of a range, else NULL */
    int32_t decimals;
    const char *unit;
    ipofacts_qualifier qualifier;
    size_t start, end;       /* byte span in text; end 0: the whole text */
} parse_case;

static const parse_case parse_cases[] = {
    /* --- multipliers: 千 万 萬 百万 亿 億 万亿, English ------------------------- */
    {"3052.3 萬美元", "30523000", NULL, -3, "USD", Q_EXACT, 0, 0},
    {"346 萬美元", "3460000", NULL, -4, "USD", Q_EXACT, 0, 0},
    {"2005 万", "20050000", NULL, -4, "count", Q_EXACT, 0, 0},         /* a count, never money */
    {"800亿", "80000000000", NULL, -8, "count", Q_EXACT, 0, 0},
    {"2.44 億美元", "244000000", NULL, -6, "USD", Q_EXACT, 0, 0},
    {"3千美元", "3000", NULL, -3, "USD", Q_EXACT, 0, 0},
    {"2百万", "2000000", NULL, -6, "count", Q_EXACT, 0, 0},
    {"1.5万亿元", "1500000000000", NULL, -11, "CNY", Q_EXACT, 0, 0},   /* 15 x 10^-1 x 10^12 */
    {"5 thousand", "5000", NULL, -3, "count", Q_EXACT, 0, 0},
    {"5 million users", "5000000", NULL, -6, "users", Q_EXACT, 0, 0},
    {"US$ 2.5m", "2500000", NULL, -5, "USD", Q_EXACT, 0, 0},
    {"5mn shares", "5000000", NULL, -6, "shares", Q_EXACT, 0, 0},
    {"HK$5.54 billion", "5540000000", NULL, -7, "HKD", Q_EXACT, 0, 0},
    {"£5bn", "5000000000", NULL, -9, "GBP", Q_EXACT, 0, 0},
    {"1.2 trillion yen", "1200000000000", NULL, -11, "JPY", Q_EXACT, 0, 0},
    /* mixed forms */
    {"2亿4千万", "240000000", NULL, -7, "count", Q_EXACT, 0, 0},
    {"1万2千", "12000", NULL, -3, "count", Q_EXACT, 0, 0},
    {"3亿5000万美元", "350000000", NULL, -4, "USD", Q_EXACT, 0, 0},    /* 3e8 + 5000 x 10^4 */
    /* --- separators, signs ------------------------------------------------- */
    {"1,234,567.89 美元", "1234567.89", NULL, 2, "USD", Q_EXACT, 0, 0},
    {"5,000 万", "50000000", NULL, -4, "count", Q_EXACT, 0, 0},
    {"1,837 倍", "1837", NULL, 0, "multiple", Q_EXACT, 0, 0},
    {"-24.7%", "-0.247", NULL, 3, "pure", Q_EXACT, 0, 0},
    {"毛利率為 -24.7%", "-0.247", NULL, 3, "pure", Q_EXACT, 13, 19},
    {"123456789012345678 元", "123456789012345678", NULL, 0, "CNY", Q_EXACT, 0, 0}, /* 18 digits fit */
    /* --- currencies -------------------------------------------------------- */
    {"5 亿美元", "500000000", NULL, -8, "USD", Q_EXACT, 0, 0},
    {"1.5 億美金", "150000000", NULL, -7, "USD", Q_EXACT, 0, 0},
    {"US$1.5 billion", "1500000000", NULL, -8, "USD", Q_EXACT, 0, 0},
    {"USD1.5bn", "1500000000", NULL, -8, "USD", Q_EXACT, 0, 0},
    {"USD 120 million", "120000000", NULL, -6, "USD", Q_EXACT, 0, 0},
    {"$5m", "5000000", NULL, -6, "USD", Q_EXACT, 0, 0},
    {"48.18亿港元", "4818000000", NULL, -6, "HKD", Q_EXACT, 0, 0},
    {"48.18亿港币", "4818000000", NULL, -6, "HKD", Q_EXACT, 0, 0},
    {"12 亿港幣", "1200000000", NULL, -8, "HKD", Q_EXACT, 0, 0},
    {"港币 100 亿", "10000000000", NULL, -8, "HKD", Q_EXACT, 0, 0},
    {"HKD 48.18 亿", "4818000000", NULL, -6, "HKD", Q_EXACT, 0, 0},
    {"44亿元", "4400000000", NULL, -8, "CNY", Q_EXACT, 0, 0},           /* a bare 元 is CNY */
    {"1.25 元", "1.25", NULL, 2, "CNY", Q_EXACT, 0, 0},
    {"100亿人民币", "10000000000", NULL, -8, "CNY", Q_EXACT, 0, 0},
    {"人民币12亿元", "1200000000", NULL, -8, "CNY", Q_EXACT, 0, 0},
    {"12 亿元人民幣", "1200000000", NULL, -8, "CNY", Q_EXACT, 0, 0},
    {"RMB5亿", "500000000", NULL, -8, "CNY", Q_EXACT, 0, 0},
    {"CNY 5 million", "5000000", NULL, -6, "CNY", Q_EXACT, 0, 0},
    {"¥ 1.2 亿", "120000000", NULL, -7, "CNY", Q_EXACT, 0, 0},
    {"￥100", "100", NULL, 0, "CNY", Q_EXACT, 0, 0},                     /* full-width yen sign */
    {"1 塊錢", "1", NULL, 0, "CNY", Q_EXACT, 0, 0},
    {"1,000 EUR", "1000", NULL, 0, "EUR", Q_EXACT, 0, 0},
    {"5 million euros", "5000000", NULL, -6, "EUR", Q_EXACT, 0, 0},
    {"300 日元", "300", NULL, 0, "JPY", Q_EXACT, 0, 0},
    {"S$3.5 million", "3500000", NULL, -5, "SGD", Q_EXACT, 0, 0},
    /* --- per share, percentages, multiples ------------------------------------ */
    {"165港元/股", "165", NULL, 0, "HKD/share", Q_EXACT, 0, 0},
    {"開盤價 235.4港元/股", "235.4", NULL, 1, "HKD/share", Q_EXACT, 10, 25},
    {"每股165港元", "165", NULL, 0, "HKD/share", Q_EXACT, 0, 0},
    {"HK$165 per share", "165", NULL, 0, "HKD/share", Q_EXACT, 0, 0},
    {"23.3%", "0.233", NULL, 3, "pure", Q_EXACT, 0, 0},
    {"782.2%", "7.822", NULL, 3, "pure", Q_EXACT, 0, 0},
    {"6.40%", "0.0640", NULL, 4, "pure", Q_EXACT, 0, 0},
    {"23.3 percent", "0.233", NULL, 3, "pure", Q_EXACT, 0, 0},
    {"5‰", "0.005", NULL, 3, "pure", Q_EXACT, 0, 0},
    {"百分之70", "0.70", NULL, 2, "pure", Q_EXACT, 0, 0},
    {"近 50 个百分点", "0.50", NULL, 2, "pure", Q_MOST, 0, 0},
    {"1837倍", "1837", NULL, 0, "multiple", Q_EXACT, 0, 0},
    {"暴漲 7 倍", "7", NULL, 0, "multiple", Q_EXACT, 7, 12},
    {"2.5x", "2.5", NULL, 1, "multiple", Q_EXACT, 0, 0},
    {"30 times", "30", NULL, 0, "multiple", Q_EXACT, 0, 0},
    /* --- counts and durations -------------------------------------------------- */
    {"2.12 亿名用户", "212000000", NULL, -6, "users", Q_EXACT, 0, 0},
    {"2.12億用戶", "212000000", NULL, -6, "users", Q_EXACT, 0, 0},
    {"385 名員工", "385", NULL, 0, "people", Q_EXACT, 0, 0},
    {"公司員工 385 人", "385", NULL, 0, "people", Q_EXACT, 13, 20},
    {"约13万企业客户", "130000", NULL, -4, "customers", Q_APPROX, 0, 0},
    {"超过 460 家", "460", NULL, 0, "count", Q_LEAST, 0, 0},
    {"40+ 种语言", "40", NULL, 0, "languages", Q_LEAST, 0, 0},
    {"超 5.9 亿个视频", "590000000", NULL, -7, "videos", Q_LEAST, 0, 0},
    {"超過 37 個月", "37", NULL, 0, "months", Q_LEAST, 0, 0},
    {"38天", "38", NULL, 0, "days", Q_EXACT, 0, 0},
    {"平均年齡 29 歲", "29", NULL, 0, "years", Q_EXACT, 13, 19},
    {"over 200 countries", "200", NULL, 0, "countries", Q_LEAST, 0, 0},
    /* --- qualifiers before and after ----------------------------------------------- */
    {"约 5%", "0.05", NULL, 2, "pure", Q_APPROX, 0, 0},
    {"約 35 億元人民幣", "3500000000", NULL, -8, "CNY", Q_APPROX, 0, 0},
    {"大约 500 万", "5000000", NULL, -4, "count", Q_APPROX, 0, 0},
    {"约为 1.91 亿元", "191000000", NULL, -6, "CNY", Q_APPROX, 0, 0},
    {"500 万左右", "5000000", NULL, -4, "count", Q_APPROX, 0, 0},
    {"approximately 5 million", "5000000", NULL, -6, "count", Q_APPROX, 0, 0},
    {"about 3 billion", "3000000000", NULL, -9, "count", Q_APPROX, 0, 0},
    {"超过 15 亿美元", "1500000000", NULL, -8, "USD", Q_LEAST, 0, 0},
    {"超過 70%", "0.70", NULL, 2, "pure", Q_LEAST, 0, 0},
    {"逾2.12亿名个人用户", "212000000", NULL, -6, "users", Q_LEAST, 0, 0},
    {"100 家以上", "100", NULL, 0, "count", Q_LEAST, 0, 0},
    {"more than $1.5 billion", "1500000000", NULL, -8, "USD", Q_LEAST, 0, 0},
    {"70多倍", "70", NULL, 0, "multiple", Q_LEAST, 0, 0},
    {"100余家", "100", NULL, 0, "count", Q_LEAST, 0, 0},
    {"10万+企业客户", "100000", NULL, -4, "customers", Q_LEAST, 0, 0},
    {"2億多用戶", "200000000", NULL, -8, "users", Q_LEAST, 0, 0},
    {"近 74%", "0.74", NULL, 2, "pure", Q_MOST, 0, 0},
    {"近15亿美元", "1500000000", NULL, -8, "USD", Q_MOST, 0, 0},
    {"不到 1%", "0.01", NULL, 2, "pure", Q_MOST, 0, 0},
    {"不足 10 亿", "1000000000", NULL, -8, "count", Q_MOST, 0, 0},
    {"nearly 70%", "0.70", NULL, 2, "pure", Q_MOST, 0, 0},
    {"less than 1%", "0.01", NULL, 2, "pure", Q_MOST, 0, 0},
    {"最近 3 个月", "3", NULL, 0, "months", Q_EXACT, 7, 15}, /* 最近 is "recent", not 近 */
    /* --- ranges -------------------------------------------------------------------- */
    {"400 至 550 亿美元", "40000000000", "55000000000", -8, "USD", Q_RANGE, 0, 0},
    {"400-550 亿", "40000000000", "55000000000", -8, "count", Q_RANGE, 0, 0},
    {"400 億至 550 億美元", "40000000000", "55000000000", -8, "USD", Q_RANGE, 0, 0},
    {"约 400~550 亿美元", "40000000000", "55000000000", -8, "USD", Q_RANGE, 0, 0},
    {"US$400-550 billion", "400000000000", "550000000000", -9, "USD", Q_RANGE, 0, 0},
    {"9.99美元到199.99美元", "9.99", "199.99", 2, "USD", Q_RANGE, 0, 0},
    {"50%~60%", "0.50", "0.60", 2, "pure", Q_RANGE, 0, 0},
    {"1.5亿-2亿美元", "150000000", "200000000", -7, "USD", Q_RANGE, 0, 0}, /* finer end: -7 */
    /* 至 between different units is "to reach", not a range */
    {"增长175%至5344万美元", "1.75", NULL, 2, "pure", Q_EXACT, 6, 10},
    /* --- scripts: full-width, traditional, Chinese numerals ---------------------------- */
    {"３０５２．３萬美元", "30523000", NULL, -3, "USD", Q_EXACT, 0, 0},
    {"１８３７倍", "1837", NULL, 0, "multiple", Q_EXACT, 0, 0},
    {"１６５港元／股", "165", NULL, 0, "HKD/share", Q_EXACT, 0, 0},
    {"約５億美元", "500000000", NULL, -8, "USD", Q_APPROX, 0, 0},
    {"（约 92 亿元人民币）", "9200000000", NULL, -8, "CNY", Q_APPROX, 3, 25},
    {"超過七成", "0.7", NULL, 1, "pure", Q_LEAST, 0, 0},
    {"不到三分之一", "0.333", NULL, 3, "pure", Q_MOST, 0, 0},    /* 1/3 rounded: [0.3325, 0.3335] */
    {"超过五百万", "5000000", NULL, -6, "count", Q_LEAST, 0, 0},
    {"三千五百万美元", "35000000", NULL, -6, "USD", Q_EXACT, 0, 0},
    {"一百零五家", "105", NULL, 0, "count", Q_EXACT, 0, 0},
    {"不超過三層", "3", NULL, 0, "count", Q_MOST, 0, 0},
    {"成立僅四年", "4", NULL, 0, "years", Q_EXACT, 9, 15},
    {"用户翻十倍", "10", NULL, -1, "multiple", Q_EXACT, 9, 15},
    {"數千萬", "10000000", NULL, -7, "count", Q_LEAST, 0, 0},
    {"萬億參數", "1000000000000", NULL, -12, "parameters", Q_APPROX, 0, 0},
    /* --- what is skipped before the first amount -------------------------------------- */
    {"2023 年營收 346 萬美元", "3460000", NULL, -4, "USD", Q_EXACT, 15, 28},
    {"12月21日披露 5 亿美元", "500000000", NULL, -8, "USD", Q_EXACT, 17, 28},
    {"2021-11-03 48.18亿港元", "4818000000", NULL, -6, "HKD", Q_EXACT, 11, 25},
    {"前 9 個月 5 亿", "500000000", NULL, -8, "count", Q_EXACT, 13, 18},
    {"第 3 名 5 亿", "500000000", NULL, -8, "count", Q_EXACT, 10, 15},
    {"MiniMax-M2 5 亿美元", "500000000", NULL, -8, "USD", Q_EXACT, 11, 22},
    {"GPT-3.5 还有 9 个月", "9", NULL, 0, "months", Q_EXACT, 15, 23},
    {"二〇二三年 5 亿美元", "500000000", NULL, -8, "USD", Q_EXACT, 16, 27},
};

static void test_parse_table(void **state)
{
    (void)state;
    size_t n = sizeof parse_cases / sizeof parse_cases[0];
    assert_true(n >= 80);
    for (size_t i = 0; i < n; i++) {
        const parse_case *c = &parse_cases[i];
        ipofacts_amount a;
        ipofacts_error e;
        size_t len = strlen(c->text);
        ipofacts_status st = ipofacts_parse_amount(&a, c->text, len, &e);
        if (st != IPOFACTS_OK)
            fail_msg("\"%s\": %s (%s)", c->text, ipofacts_status_str(st), e.message);
        check_value(c->text, &a.value, c->value);
        if (c->upper != NULL)
            check_value(c->text, &a.upper, c->upper);
        else
            assert_int_equal(ipofacts_decimal_cmp(&a.value, &a.upper), 0);
        if (a.decimals != c->decimals)
            fail_msg("\"%s\": decimals %d, want %d", c->text, (int)a.decimals, (int)c->decimals);
        if (strcmp(a.unit, c->unit) != 0)
            fail_msg("\"%s\": unit %s, want %s", c->text, a.unit, c->unit);
        if (a.qualifier != c->qualifier)
            fail_msg("\"%s\": qualifier %s, want %s", c->text, ipofacts_qualifier_name(a.qualifier),
                     ipofacts_qualifier_name(c->qualifier));
        size_t end = c->end != 0 ? c->end : len;
        if (a.start != c->start || a.end != end)
            fail_msg("\"%s\": span %zu-%zu, want %zu-%zu", c->text, a.start, a.end, c->start, end);
        assert_int_equal(a.conversion_of, -1);
        assert_int_equal(a.reserved, 0);
        assert_int_equal(e.status, IPOFACTS_OK); /* the error is cleared on success */
        /* the unit is one the value layer knows */
        assert_int_not_equal(ipofacts_unit_classify(a.unit), IPOFACTS_UNIT_INVALID);
    }
}

/* The flags say how the text stated the figure. */
static void test_parse_flags(void **state)
{
    (void)state;
    ipofacts_amount a;
    assert_int_equal(ipofacts_parse_amount(&a, "23.3%", 5, NULL), IPOFACTS_OK);
    assert_true(a.flags & IPOFACTS_AMOUNT_PERCENT);
    assert_int_equal(ipofacts_parse_amount(&a, "近 50 个百分点", strlen("近 50 个百分点"), NULL), IPOFACTS_OK);
    assert_true(a.flags & IPOFACTS_AMOUNT_POINTS);
    assert_int_equal(ipofacts_parse_amount(&a, "2亿4千万", strlen("2亿4千万"), NULL), IPOFACTS_OK);
    assert_true(a.flags & IPOFACTS_AMOUNT_MIXED);
    assert_int_equal(ipofacts_parse_amount(&a, "5 亿美元", strlen("5 亿美元"), NULL), IPOFACTS_OK);
    assert_int_equal(a.flags, 0);
    /* the text need not be NUL-terminated: only len bytes are read */
    assert_int_equal(ipofacts_parse_amount(&a, "346 萬美元 and more", strlen("346 萬美元"), NULL), IPOFACTS_OK);
    check_value("346 萬美元", &a.value, "3460000");
    assert_int_equal(a.end, strlen("346 萬美元"));
}

/* ------------------------------------------------------------------ */
/* Conversions and implied rates                                       */
/* ------------------------------------------------------------------ */

static void test_conversion_angel_round(void **state)
{
    (void)state;
    /* "3100万美元（约合2.2亿元人民币）": USD 3100 x 10^4, decimals -4, so
     * [31000000 - 5000, 31000000 + 5000] = [30995000, 31005000];
     * CNY 22 x 10^7, decimals -7: [215000000, 225000000].
     * CNY/USD in [215000000 / 31005000, 225000000 / 30995000]
     *          = [6.934365...,           7.259235...]
     * which holds 2.2e8 / 3.1e7 = 7.0968. */
    const char *text = "3100万美元（约合2.2亿元人民币）";
    ipofacts_amount usd, cny;
    ipofacts_interval r;
    char unit[16];
    assert_int_equal(ipofacts_parse_amount_conversion(&usd, &cny, text, strlen(text), NULL), IPOFACTS_OK);
    check_value("USD", &usd.value, "31000000");
    assert_int_equal(usd.decimals, -4);
    assert_string_equal(usd.unit, "USD");
    assert_int_equal(usd.converted_to, 1);
    assert_int_equal(usd.start, 0);
    assert_int_equal(usd.end, strlen("3100万美元"));
    check_value("CNY", &cny.value, "220000000");
    assert_int_equal(cny.decimals, -7);
    assert_string_equal(cny.unit, "CNY");
    assert_int_equal(cny.conversion_of, 0);
    assert_true(cny.flags & IPOFACTS_AMOUNT_CONVERSION);
    /* 约合 marks the conversion; the figure restates an exact one */
    assert_int_equal(cny.qualifier, Q_EXACT);
    assert_int_equal(cny.start, strlen("3100万美元（"));
    assert_int_equal(cny.end, strlen(text) - strlen("）"));

    assert_int_equal(ipofacts_amount_rate_unit(unit, sizeof unit, &usd, &cny), IPOFACTS_OK);
    assert_string_equal(unit, "CNY/USD");
    assert_int_equal(ipofacts_amount_implied_rate(&r, &usd, &cny), IPOFACTS_OK);
    assert_int_equal(r.flags, 0);
    assert_true(r.lo <= 215000000.0 / 31005000.0 && r.lo > 6.9343);
    assert_true(r.hi >= 225000000.0 / 30995000.0 && r.hi < 7.2593);
    assert_true(r.lo < 7.0968 && 7.0968 < r.hi);
    /* the rate the other way round is the reciprocal interval */
    assert_int_equal(ipofacts_amount_rate_unit(unit, sizeof unit, &cny, &usd), IPOFACTS_OK);
    assert_string_equal(unit, "USD/CNY");
    ipofacts_interval back;
    assert_int_equal(ipofacts_amount_implied_rate(&back, &cny, &usd), IPOFACTS_OK);
    assert_true(back.lo <= 30995000.0 / 225000000.0 && back.hi >= 31005000.0 / 215000000.0);
}

static void test_conversion_valuation(void **state)
{
    (void)state;
    /* "1.7亿美元（约合12亿元人民币）": USD 17 x 10^7, decimals -7:
     * [165000000, 175000000]; CNY 12 x 10^8, decimals -8: [1.15e9, 1.25e9].
     * CNY/USD in [1.15e9 / 1.75e8, 1.25e9 / 1.65e8] = [6.571428..., 7.575757...]. */
    const char *text = "投前估值达1.7亿美元（约合12亿元人民币）。";
    ipofacts_amount usd, cny;
    ipofacts_interval r;
    assert_int_equal(ipofacts_parse_amount_conversion(&usd, &cny, text, strlen(text), NULL), IPOFACTS_OK);
    check_value("USD", &usd.value, "170000000");
    check_value("CNY", &cny.value, "1200000000");
    assert_int_equal(cny.decimals, -8);
    assert_int_equal(ipofacts_amount_implied_rate(&r, &usd, &cny), IPOFACTS_OK);
    assert_true(r.lo <= 1.15e9 / 1.75e8 && r.lo > 6.5714);
    assert_true(r.hi >= 1.25e9 / 1.65e8 && r.hi < 7.5758);

    /* A conversion after "more than" restates "more than": 超过 13.27 亿美元（约 92 亿元人民币）.
     * The rate still comes from the printed figures: 13.27e8 +- 5e5, 92e8 +- 5e7:
     * [9.15e9 / 1.3275e9, 9.25e9 / 1.3265e9] = [6.89265..., 6.97323...]. */
    const char *loss = "累计亏损已超过 13.27 亿美元（约 92 亿元人民币）";
    assert_int_equal(ipofacts_parse_amount_conversion(&usd, &cny, loss, strlen(loss), NULL), IPOFACTS_OK);
    assert_int_equal(usd.qualifier, Q_LEAST);
    assert_int_equal(cny.qualifier, Q_LEAST);
    assert_int_equal(ipofacts_amount_implied_rate(&r, &usd, &cny), IPOFACTS_OK);
    assert_true(r.lo <= 9.15e9 / 1.3275e9 && r.lo > 6.8926);
    assert_true(r.hi >= 9.25e9 / 1.3265e9 && r.hi < 6.9733);

    /* English: US$1.5bn (about HK$11.7bn): HKD/USD in [11.65e9 / 1.55e9, 11.75e9 / 1.45e9]
     * = [7.516129..., 8.103448...] */
    const char *en = "US$1.5bn (about HK$11.7bn)";
    assert_int_equal(ipofacts_parse_amount_conversion(&usd, &cny, en, strlen(en), NULL), IPOFACTS_OK);
    assert_string_equal(cny.unit, "HKD");
    assert_int_equal(ipofacts_amount_implied_rate(&r, &usd, &cny), IPOFACTS_OK);
    assert_true(r.lo <= 11.65e9 / 1.55e9 && r.lo > 7.5161);
    assert_true(r.hi >= 11.75e9 / 1.45e9 && r.hi < 8.1035);

    /* Without brackets, 约合 after a comma also restates. */
    const char *comma = "累计花费5亿美元，约合35亿元人民币";
    assert_int_equal(ipofacts_parse_amount_conversion(&usd, &cny, comma, strlen(comma), NULL), IPOFACTS_OK);
    assert_int_equal(usd.converted_to, 1);
    check_value("CNY", &cny.value, "3500000000");
}

static void test_conversion_not(void **state)
{
    (void)state;
    ipofacts_amount a, b;
    /* the same currency in brackets is not a conversion */
    const char *same = "5 亿美元（约 5 亿美元）";
    assert_int_equal(ipofacts_parse_amount_conversion(&a, &b, same, strlen(same), NULL), IPOFACTS_OK);
    assert_int_equal(a.converted_to, -1);
    assert_int_equal(b.conversion_of, -1);
    assert_string_equal(b.unit, "");
    /* a count in brackets is not one either */
    const char *count = "5 亿美元（2.12 亿用户）";
    assert_int_equal(ipofacts_parse_amount_conversion(&a, &b, count, strlen(count), NULL), IPOFACTS_OK);
    assert_int_equal(a.converted_to, -1);
    /* a conversion with nothing before it is an approximate amount */
    const char *alone = "约合12亿元人民币";
    assert_int_equal(ipofacts_parse_amount(&a, alone, strlen(alone), NULL), IPOFACTS_OK);
    assert_int_equal(a.qualifier, Q_APPROX);
    assert_int_equal(a.conversion_of, -1);
}

static void test_implied_rate_errors(void **state)
{
    (void)state;
    ipofacts_amount usd, cny, pct;
    ipofacts_interval r;
    char unit[16];
    assert_int_equal(ipofacts_parse_amount(&usd, "5 亿美元", strlen("5 亿美元"), NULL), IPOFACTS_OK);
    assert_int_equal(ipofacts_parse_amount(&cny, "35 亿元", strlen("35 亿元"), NULL), IPOFACTS_OK);
    assert_int_equal(ipofacts_parse_amount(&pct, "23.3%", 5, NULL), IPOFACTS_OK);
    assert_int_equal(ipofacts_amount_implied_rate(&r, &usd, &pct), IPOFACTS_E_UNIT);
    assert_int_equal(ipofacts_amount_implied_rate(&r, &usd, &usd), IPOFACTS_E_UNIT);
    assert_int_equal(ipofacts_amount_implied_rate(NULL, &usd, &cny), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_amount_implied_rate(&r, NULL, &cny), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_amount_rate_unit(unit, 4, &usd, &cny), IPOFACTS_E_BUFFER);
    assert_int_equal(ipofacts_amount_rate_unit(unit, sizeof unit, &pct, &cny), IPOFACTS_E_UNIT);
    /* a figure whose interval reaches zero gives no rate: "0.4 亿美元" rounds
     * from [0.35e8, 0.45e8]; "0 美元" from [-0.5, 0.5] */
    ipofacts_amount zero;
    assert_int_equal(ipofacts_parse_amount(&zero, "0 美元", strlen("0 美元"), NULL), IPOFACTS_OK);
    assert_int_equal(ipofacts_amount_implied_rate(&r, &zero, &cny), IPOFACTS_E_RANGE);
    /* an inconsistent amount */
    ipofacts_amount bad = usd;
    bad.qualifier = (ipofacts_qualifier)9;
    assert_int_equal(ipofacts_amount_implied_rate(&r, &bad, &cny), IPOFACTS_E_INVALID);

    /* ranges: 400~550 亿美元 (约 2800~3850 亿元人民币): lower ends give
     * [2799.5e8 / 400.5e8, 2800.5e8 / 399.5e8] = [6.98876..., 7.00876...],
     * upper ends [3849.5e8 / 550.5e8, 3850.5e8 / 549.5e8] = [6.99273..., 7.00728...];
     * both: [6.99273..., 7.00728...]. */
    const char *range = "400~550 亿美元（约 2800~3850 亿元人民币）";
    ipofacts_amount lo, hi;
    assert_int_equal(ipofacts_parse_amount_conversion(&lo, &hi, range, strlen(range), NULL), IPOFACTS_OK);
    assert_int_equal(lo.qualifier, Q_RANGE);
    assert_int_equal(hi.qualifier, Q_RANGE);
    assert_int_equal(lo.converted_to, 1);
    assert_int_equal(ipofacts_amount_implied_rate(&r, &lo, &hi), IPOFACTS_OK);
    assert_true(r.lo <= 3849.5e8 / 550.5e8 && r.lo > 6.9927);
    assert_true(r.hi >= 3850.5e8 / 549.5e8 && r.hi < 7.0073);
    /* narrower than either end alone */
    assert_true(r.lo > 2799.5e8 / 400.5e8 && r.hi < 2800.5e8 / 399.5e8);
}

static void test_amount_interval(void **state)
{
    (void)state;
    ipofacts_amount a;
    ipofacts_interval r;
    /* "3052.3 萬美元": decimals -3 -> [30522500, 30523500] */
    assert_int_equal(ipofacts_parse_amount(&a, "3052.3 萬美元", strlen("3052.3 萬美元"), NULL), IPOFACTS_OK);
    assert_int_equal(ipofacts_amount_interval(&r, &a), IPOFACTS_OK);
    assert_true(r.lo <= 30522500.0 && r.lo > 30522499.0);
    assert_true(r.hi >= 30523500.0 && r.hi < 30523501.0);
    /* "超 15 億美元": at least, [1.45e9, no bound] */
    assert_int_equal(ipofacts_parse_amount(&a, "超 15 億美元", strlen("超 15 億美元"), NULL), IPOFACTS_OK);
    assert_int_equal(ipofacts_amount_interval(&r, &a), IPOFACTS_OK);
    assert_true(r.flags & IPOFACTS_INTERVAL_NO_HI);
    assert_true(r.lo <= 1.45e9 && r.lo > 1.4499e9);
    assert_int_equal(ipofacts_amount_interval(NULL, &a), IPOFACTS_E_INVALID);
}

/* ------------------------------------------------------------------ */
/* Bad text                                                            */
/* ------------------------------------------------------------------ */

static void test_parse_bad(void **state)
{
    (void)state;
    ipofacts_amount a;
    ipofacts_error e;

    /* "abc": no number; the offset is the first character */
    assert_int_equal(ipofacts_parse_amount(&a, "abc", 3, &e), IPOFACTS_E_NO_AMOUNT);
    assert_int_equal(e.status, IPOFACTS_E_NO_AMOUNT);
    assert_int_equal(e.offset, 0);
    assert_int_equal(a.unit[0], '\0');
    assert_true(strstr(e.message, "no amount") != NULL);
    /* leading spaces are skipped for the offset */
    assert_int_equal(ipofacts_parse_amount(&a, "  abc", 5, &e), IPOFACTS_E_NO_AMOUNT);
    assert_int_equal(e.offset, 2);
    /* "亿" alone: a unit with no number, at its offset */
    assert_int_equal(ipofacts_parse_amount(&a, "亿", strlen("亿"), &e), IPOFACTS_E_NO_AMOUNT);
    assert_int_equal(e.offset, 0);
    assert_true(strstr(e.message, "亿") != NULL);
    assert_int_equal(ipofacts_parse_amount(&a, "营收 美元", strlen("营收 美元"), &e), IPOFACTS_E_NO_AMOUNT);
    assert_int_equal(e.offset, strlen("营收 "));
    assert_int_equal(e.line, 1);
    assert_int_equal(e.column, 4);
    /* a number with no unit, a date, an ordinal: no amount, at the number */
    assert_int_equal(ipofacts_parse_amount(&a, "共 42", strlen("共 42"), &e), IPOFACTS_E_NO_AMOUNT);
    assert_int_equal(e.offset, strlen("共 "));
    assert_int_equal(ipofacts_parse_amount(&a, "2023 年", strlen("2023 年"), &e), IPOFACTS_E_NO_AMOUNT);
    assert_int_equal(ipofacts_parse_amount(&a, "12月21日", strlen("12月21日"), &e), IPOFACTS_E_NO_AMOUNT);
    assert_int_equal(ipofacts_parse_amount(&a, "第一", strlen("第一"), &e), IPOFACTS_E_NO_AMOUNT);
    assert_int_equal(ipofacts_parse_amount(&a, "前五大客户", strlen("前五大客户"), &e), IPOFACTS_E_NO_AMOUNT);
    assert_int_equal(e.offset, strlen("前"));
    assert_int_equal(ipofacts_parse_amount(&a, "", 0, &e), IPOFACTS_E_NO_AMOUNT);
    assert_int_equal(e.offset, 0);

    /* invalid UTF-8: the offset of the first bad byte, line and column */
    const char bad[] = "346 萬\n美元 \xC3\x28 more";
    assert_int_equal(ipofacts_parse_amount(&a, bad, sizeof bad - 1, &e), IPOFACTS_E_UTF8);
    assert_int_equal(e.offset, strlen("346 萬\n美元 "));
    assert_int_equal(e.line, 2);
    assert_int_equal(e.column, 4);
    /* a truncated sequence at the end, an overlong encoding, a surrogate */
    const char cut[] = "5 亿\xE7\xBE";
    assert_int_equal(ipofacts_parse_amount(&a, cut, sizeof cut - 1, &e), IPOFACTS_E_UTF8);
    assert_int_equal(e.offset, strlen("5 亿"));
    const char overlong[] = "\xC0\xB1 亿";
    assert_int_equal(ipofacts_parse_amount(&a, overlong, sizeof overlong - 1, &e), IPOFACTS_E_UTF8);
    assert_int_equal(e.offset, 0);
    const char surrogate[] = "1\xED\xA0\x80";
    assert_int_equal(ipofacts_parse_amount(&a, surrogate, sizeof surrogate - 1, &e), IPOFACTS_E_UTF8);
    assert_int_equal(e.offset, 1);

    /* numbers beyond the decimal: 25 digits; 19 significant digits; a tiny exponent */
    const char *big = "1234567890123456789012345 美元";
    assert_int_equal(ipofacts_parse_amount(&a, big, strlen(big), &e), IPOFACTS_E_OVERFLOW);
    assert_int_equal(e.offset, 0);
    const char *nineteen = "营收 1,234,567,890,123,456,789 元";
    assert_int_equal(ipofacts_parse_amount(&a, nineteen, strlen(nineteen), &e), IPOFACTS_E_OVERFLOW);
    assert_int_equal(e.offset, strlen("营收 "));
    const char *tiny = "0.000000000000000000000000000000000000000000001 美元";
    assert_int_equal(ipofacts_parse_amount(&a, tiny, strlen(tiny), &e), IPOFACTS_E_OVERFLOW);
    /* a bare overlong number is an overflow too, not "no amount" */
    const char *bare = "1234567890123456789012345";
    assert_int_equal(ipofacts_parse_amount(&a, bare, strlen(bare), &e), IPOFACTS_E_OVERFLOW);
    /* 18 significant digits with leading zeros fit */
    const char *lead = "000123456789012345678 元";
    assert_int_equal(ipofacts_parse_amount(&a, lead, strlen(lead), &e), IPOFACTS_OK);
    check_value(lead, &a.value, "123456789012345678");
    /* a mixed form whose sum is beyond 18 digits */
    const char *mixed = "999999999999999999亿9千万";
    assert_int_equal(ipofacts_parse_amount(&a, mixed, strlen(mixed), &e), IPOFACTS_E_OVERFLOW);

    /* 2 MiB of text: beyond the parser's limit */
    size_t n = (size_t)2 << 20;
    char *huge = malloc(n);
    assert_non_null(huge);
    memset(huge, 'a', n);
    memcpy(huge + n - 13, " 5 亿美元", strlen(" 5 亿美元"));
    assert_int_equal(ipofacts_parse_amount(&a, huge, n, &e), IPOFACTS_E_TOO_LARGE);
    assert_int_equal(e.offset, IPOFACTS_PARSE_MAX_BYTES);
    /* exactly the limit is read */
    assert_int_equal(ipofacts_parse_amount(&a, huge + n - IPOFACTS_PARSE_MAX_BYTES, IPOFACTS_PARSE_MAX_BYTES, &e),
                     IPOFACTS_OK);
    check_value("the end of 1 MiB", &a.value, "500000000");
    free(huge);

    /* NULL */
    assert_int_equal(ipofacts_parse_amount(NULL, "5 亿", 5, &e), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_parse_amount(&a, NULL, 5, &e), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_parse_amount(&a, NULL, 0, NULL), IPOFACTS_E_NO_AMOUNT);
    assert_int_equal(ipofacts_parse_amount_conversion(NULL, &a, "5 亿", 5, NULL), IPOFACTS_E_INVALID);
}

/* Every prefix of a text, and every byte of it flipped, gives a status and
 * never a crash; what parses is an amount whose span lies in the text. */
static void test_parse_every_prefix(void **state)
{
    (void)state;
    const char *text = "累计亏损已超过 13.27 亿美元（约 92 亿元人民币）, 400 至 550 亿美元, 2亿4千万, 不到三分之一";
    size_t len = strlen(text);
    char *buf = malloc(len);
    assert_non_null(buf);
    for (size_t n = 0; n <= len; n++) {
        ipofacts_amount a, b;
        ipofacts_error e;
        ipofacts_status st = ipofacts_parse_amount_conversion(&a, &b, text, n, &e);
        assert_true(st == IPOFACTS_OK || st == IPOFACTS_E_NO_AMOUNT || st == IPOFACTS_E_UTF8);
        if (st == IPOFACTS_OK) {
            assert_true(a.start < a.end && a.end <= n);
            if (a.converted_to >= 0)
                assert_true(a.end <= b.start && b.start < b.end && b.end <= n);
        } else {
            assert_true(e.offset <= n);
        }
    }
    for (size_t i = 0; i < len; i++) {
        memcpy(buf, text, len);
        buf[i] = (char)(buf[i] ^ 0x40);
        ipofacts_amount a;
        ipofacts_error e;
        ipofacts_status st = ipofacts_parse_amount(&a, buf, len, &e);
        assert_true(st == IPOFACTS_OK || st == IPOFACTS_E_NO_AMOUNT || st == IPOFACTS_E_UTF8);
        if (st == IPOFACTS_OK)
            assert_true(a.start < a.end && a.end <= len);
    }
    free(buf);
}

/* ------------------------------------------------------------------ */
/* Display width                                                       */
/* ------------------------------------------------------------------ */

static void test_width(void **state)
{
    (void)state;
    size_t w;
    assert_int_equal(ipofacts_text_width(&w, "稀宇科技", strlen("稀宇科技")), IPOFACTS_OK);
    assert_int_equal(w, 8);
    assert_int_equal(ipofacts_text_width(&w, "MiniMax 稀宇", strlen("MiniMax 稀宇")), IPOFACTS_OK);
    assert_int_equal(w, 12);
    assert_int_equal(ipofacts_text_width(&w, "３０５２．３萬美元", strlen("３０５２．３萬美元")), IPOFACTS_OK);
    assert_int_equal(w, 18); /* full-width forms are two columns each */
    assert_int_equal(ipofacts_text_width(&w, "", 0), IPOFACTS_OK);
    assert_int_equal(w, 0);
    assert_int_equal(ipofacts_text_width(&w, NULL, 0), IPOFACTS_OK);
    assert_int_equal(w, 0);
    /* a combining mark takes no column; a tab (a control character) none */
    assert_int_equal(ipofacts_text_width(&w, "e\xCC\x81", 3), IPOFACTS_OK);
    assert_int_equal(w, 1);
    assert_int_equal(ipofacts_text_width(&w, "a\tb", 3), IPOFACTS_OK);
    assert_int_equal(w, 2);
    /* bad input */
    assert_int_equal(ipofacts_text_width(&w, "\xE7\xA8", 2), IPOFACTS_E_UTF8);
    assert_int_equal(ipofacts_text_width(&w, "ok\xFF", 3), IPOFACTS_E_UTF8);
    assert_int_equal(ipofacts_text_width(NULL, "a", 1), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_text_width(&w, NULL, 1), IPOFACTS_E_INVALID);
}

static void test_truncate(void **state)
{
    (void)state;
    size_t n;
    const char *s = "稀宇科技";
    /* 5 columns hold two characters (4 columns): 6 bytes */
    assert_int_equal(ipofacts_text_truncate(&n, s, strlen(s), 5), IPOFACTS_OK);
    assert_int_equal(n, 6);
    assert_int_equal(ipofacts_text_truncate(&n, s, strlen(s), 8), IPOFACTS_OK);
    assert_int_equal(n, 12);
    assert_int_equal(ipofacts_text_truncate(&n, s, strlen(s), 100), IPOFACTS_OK);
    assert_int_equal(n, 12);
    assert_int_equal(ipofacts_text_truncate(&n, s, strlen(s), 1), IPOFACTS_OK);
    assert_int_equal(n, 0);
    assert_int_equal(ipofacts_text_truncate(&n, s, strlen(s), 0), IPOFACTS_OK);
    assert_int_equal(n, 0);
    /* mixed: "MiniMax 稀宇" cut to 9 columns keeps "MiniMax " (8) */
    const char *m = "MiniMax 稀宇";
    assert_int_equal(ipofacts_text_truncate(&n, m, strlen(m), 9), IPOFACTS_OK);
    assert_int_equal(n, 8);
    assert_int_equal(ipofacts_text_truncate(&n, m, strlen(m), 10), IPOFACTS_OK);
    assert_int_equal(n, 11);
    /* a combining mark stays with its letter */
    assert_int_equal(ipofacts_text_truncate(&n, "e\xCC\x81x", 4, 1), IPOFACTS_OK);
    assert_int_equal(n, 3);
    /* every cut of every width ends on a character boundary and fits */
    const char *t = "营收 3052.3 萬美元 (MiniMax)";
    for (size_t max = 0; max < 40; max++) {
        size_t w;
        assert_int_equal(ipofacts_text_truncate(&n, t, strlen(t), max), IPOFACTS_OK);
        assert_true(n == strlen(t) || ((unsigned char)t[n] & 0xC0u) != 0x80u);
        assert_int_equal(ipofacts_text_width(&w, t, n), IPOFACTS_OK);
        assert_true(w <= max);
    }
    /* bad input */
    assert_int_equal(ipofacts_text_truncate(&n, "a\x80", 2, 5), IPOFACTS_E_UTF8);
    assert_int_equal(ipofacts_text_truncate(NULL, "a", 1, 5), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_text_truncate(&n, NULL, 1, 5), IPOFACTS_E_INVALID);
}

/* ------------------------------------------------------------------ */
/* The scanner                                                         */
/* ------------------------------------------------------------------ */

typedef struct scan_expect {
    const char *literal;
    const char *value;
    const char *unit;
    ipofacts_qualifier qualifier;
    int32_t conversion_of;
} scan_expect;

static void expect_scan(const char *text, const scan_expect *want, size_t count)
{
    ipofacts_scan *sc = NULL;
    ipofacts_error e;
    ipofacts_status st = ipofacts_scan_text(&sc, text, strlen(text), &e);
    if (st != IPOFACTS_OK)
        fail_msg("scan: %s (%s)", ipofacts_status_str(st), e.message);
    size_t n = ipofacts_scan_count(sc);
    for (size_t i = 0; i < n && i < count; i++) {
        const ipofacts_amount *a = ipofacts_scan_amount(sc, i);
        const char *lit = ipofacts_scan_literal(sc, i);
        if (strcmp(lit, want[i].literal) != 0)
            fail_msg("amount %zu: \"%s\", want \"%s\"", i, lit, want[i].literal);
        /* the literal is the span of the original text */
        assert_int_equal(a->end - a->start, strlen(lit));
        assert_memory_equal(text + a->start, lit, strlen(lit));
        check_value(lit, &a->value, want[i].value);
        assert_string_equal(a->unit, want[i].unit);
        if (a->qualifier != want[i].qualifier)
            fail_msg("\"%s\": qualifier %s", lit, ipofacts_qualifier_name(a->qualifier));
        assert_int_equal(a->conversion_of, want[i].conversion_of);
        /* the context holds the figure */
        assert_non_null(strstr(ipofacts_scan_context(sc, i), lit));
    }
    if (n != count)
        fail_msg("%zu amounts, want %zu", n, count);
    assert_null(ipofacts_scan_amount(sc, n));
    assert_null(ipofacts_scan_literal(sc, n));
    assert_null(ipofacts_scan_context(sc, n));
    ipofacts_scan_free(sc);
}

static void test_scan_paragraph(void **state)
{
    (void)state;
    /* Dates, years, ordinals that are not ranks and plain numbers are
     * skipped; lists keep the qualifier of their first figure; 排名第 2 and
     * 位居第五 are ranks. */
    const char *text = "聆訊後資料集顯示，MiniMax 於 2023 年、2024 年、2025 年前三季度的營收分別為 346 萬美元、"
                       "3052.3 萬美元、5343.7 萬美元，2025 年前 9 個月同比增幅達 174.7%；"
                       "海外收入佔比分別約為 19.2%、69.8%、73.1%。截至 2025 年 9 月底，公司員工 385 人，"
                       "在全球排名第 2，MiniMax-M2 以 61 总分位居第五。";
    static const scan_expect want[] = {
        {"346 萬美元", "3460000", "USD", Q_EXACT, -1},
        {"3052.3 萬美元", "30523000", "USD", Q_EXACT, -1},
        {"5343.7 萬美元", "53437000", "USD", Q_EXACT, -1},
        {"174.7%", "1.747", "pure", Q_EXACT, -1},
        {"約為 19.2%", "0.192", "pure", Q_APPROX, -1},
        {"69.8%", "0.698", "pure", Q_APPROX, -1},
        {"73.1%", "0.731", "pure", Q_APPROX, -1},
        {"385 人", "385", "people", Q_EXACT, -1},
        {"第 2", "2", "rank", Q_EXACT, -1},
        {"61 总分", "61", "count", Q_EXACT, -1},
        {"第五", "5", "rank", Q_EXACT, -1},
    };
    expect_scan(text, want, sizeof want / sizeof want[0]);
}

static void test_scan_conversions(void **state)
{
    (void)state;
    const char *text = "阿布扎比投资局投资6500万美元，老股东阿里巴巴加码3000万美元（约合2.1亿元人民币），"
                       "基石轮合计融资3.5亿美元（约合24.5亿元人民币）。";
    static const scan_expect want[] = {
        {"6500万美元", "65000000", "USD", Q_EXACT, -1},
        {"3000万美元", "30000000", "USD", Q_EXACT, -1},
        {"约合2.1亿元人民币", "210000000", "CNY", Q_EXACT, 1},
        {"3.5亿美元", "350000000", "USD", Q_EXACT, -1},
        {"约合24.5亿元人民币", "2450000000", "CNY", Q_EXACT, 3},
    };
    expect_scan(text, want, sizeof want / sizeof want[0]);

    ipofacts_scan *sc;
    assert_int_equal(ipofacts_scan_text(&sc, text, strlen(text), NULL), IPOFACTS_OK);
    assert_int_equal(ipofacts_scan_amount(sc, 1)->converted_to, 2);
    assert_int_equal(ipofacts_scan_amount(sc, 3)->converted_to, 4);
    assert_int_equal(ipofacts_scan_amount(sc, 0)->converted_to, -1);
    /* 2.1e8 +- 5e6 over 3e7 +- 5e3: CNY/USD in [2.05e8 / 30005000, 2.15e8 / 29995000] */
    ipofacts_interval r;
    assert_int_equal(ipofacts_amount_implied_rate(&r, ipofacts_scan_amount(sc, 1), ipofacts_scan_amount(sc, 2)),
                     IPOFACTS_OK);
    assert_true(r.lo <= 2.05e8 / 30005000.0 && r.hi >= 2.15e8 / 29995000.0);
    assert_true(r.lo < 7.0 && r.hi > 7.0 && r.hi - r.lo < 0.34);
    ipofacts_scan_free(sc);
}

static void test_scan_original_offsets(void **state)
{
    (void)state;
    /* full-width digits: the spans are the original bytes (3 per character) */
    const char *text = "營收３４６萬美元，毛利率２３．３％。";
    ipofacts_scan *sc;
    assert_int_equal(ipofacts_scan_text(&sc, text, strlen(text), NULL), IPOFACTS_OK);
    assert_int_equal(ipofacts_scan_count(sc), 2);
    const ipofacts_amount *a = ipofacts_scan_amount(sc, 0);
    assert_int_equal(a->start, 6);
    assert_int_equal(a->end, 6 + 3 * 6);
    assert_string_equal(ipofacts_scan_literal(sc, 0), "３４６萬美元");
    check_value("３４６萬美元", &a->value, "3460000");
    a = ipofacts_scan_amount(sc, 1);
    assert_string_equal(ipofacts_scan_literal(sc, 1), "２３．３％");
    check_value("２３．３％", &a->value, "0.233");
    assert_int_equal(a->decimals, 3);
    ipofacts_scan_free(sc);
}

static void test_scan_context(void **state)
{
    (void)state;
    /* The context stays within the figure's line and is cut at characters. */
    const char *text = "第一行\n其中，視頻生產產品海螺 AI 是最出圈的產品，播放量破 3 億。其後還有很多很多很多很多很多的文字\n下一行";
    ipofacts_scan *sc;
    assert_int_equal(ipofacts_scan_text(&sc, text, strlen(text), NULL), IPOFACTS_OK);
    assert_int_equal(ipofacts_scan_count(sc), 1);
    const char *ctx = ipofacts_scan_context(sc, 0);
    assert_null(strchr(ctx, '\n'));
    assert_non_null(strstr(ctx, "播放量破 3 億。"));
    assert_null(strstr(ctx, "第一行"));
    assert_null(strstr(ctx, "下一行"));
    size_t w;
    assert_int_equal(ipofacts_text_width(&w, ctx, strlen(ctx)), IPOFACTS_OK); /* valid UTF-8 */
    assert_true(w <= 2 * (2 * IPOFACTS_SCAN_CONTEXT_CHARS) + 12);
    const ipofacts_amount *a = ipofacts_scan_amount(sc, 0);
    check_value("破 3 億", &a->value, "300000000");
    assert_int_equal(a->qualifier, Q_LEAST);
    ipofacts_scan_free(sc);
}

static void test_scan_bad(void **state)
{
    (void)state;
    ipofacts_scan *sc = (ipofacts_scan *)&sc; /* not NULL, to see that it is cleared */
    ipofacts_error e;
    const char bad[] = "营收 5 亿美元\n\xFF";
    assert_int_equal(ipofacts_scan_text(&sc, bad, sizeof bad - 1, &e), IPOFACTS_E_UTF8);
    assert_null(sc);
    assert_int_equal(e.offset, sizeof bad - 2);
    assert_int_equal(e.line, 2);
    assert_int_equal(e.column, 1);
    /* an amount beyond range fails the scan at its offset */
    const char *over = "营收 5 亿美元, 亏损 12345678901234567890 美元";
    assert_int_equal(ipofacts_scan_text(&sc, over, strlen(over), &e), IPOFACTS_E_OVERFLOW);
    assert_null(sc);
    assert_int_equal(e.offset, strlen("营收 5 亿美元, 亏损 "));
    /* a long number with no unit (an id, a timestamp) is skipped */
    const char *id = "图片_20260109115120123456789.jpg 营收 5 亿美元";
    assert_int_equal(ipofacts_scan_text(&sc, id, strlen(id), &e), IPOFACTS_OK);
    assert_int_equal(ipofacts_scan_count(sc), 1);
    ipofacts_scan_free(sc);
    /* no amount is not an error */
    assert_int_equal(ipofacts_scan_text(&sc, "abc", 3, &e), IPOFACTS_OK);
    assert_int_equal(ipofacts_scan_count(sc), 0);
    ipofacts_scan_free(sc);
    assert_int_equal(ipofacts_scan_text(&sc, NULL, 0, &e), IPOFACTS_OK);
    assert_int_equal(ipofacts_scan_count(sc), 0);
    ipofacts_scan_free(sc);
    /* beyond 64 MiB: refused before any byte is read */
    size_t n = IPOFACTS_SCAN_MAX_BYTES + 1;
    char *huge = malloc(n);
    assert_non_null(huge);
    assert_int_equal(ipofacts_scan_text(&sc, huge, n, &e), IPOFACTS_E_TOO_LARGE);
    assert_null(sc);
    assert_int_equal(e.offset, IPOFACTS_SCAN_MAX_BYTES);
    free(huge);
    /* NULL */
    assert_int_equal(ipofacts_scan_text(NULL, "a", 1, &e), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_scan_text(&sc, NULL, 1, &e), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_scan_count(NULL), 0);
    assert_null(ipofacts_scan_amount(NULL, 0));
    ipofacts_scan_free(NULL);
}

/* A text of 3 MiB with no line break is read in pieces cut at sentence
 * ends; no figure is lost or split, and the spans stay exact. */
static void test_scan_long_line(void **state)
{
    (void)state;
    const char *unit = "营收 346 萬美元，增幅 782.2%。"; /* two amounts */
    size_t ul = strlen(unit), reps = ((size_t)3 << 20) / ul + 1;
    size_t n = ul * reps;
    char *text = malloc(n);
    assert_non_null(text);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * ul, unit, ul);
    ipofacts_scan *sc;
    assert_int_equal(ipofacts_scan_text(&sc, text, n, NULL), IPOFACTS_OK);
    assert_int_equal(ipofacts_scan_count(sc), 2 * reps);
    for (size_t i = 0; i < 2 * reps; i += 2) {
        const ipofacts_amount *a = ipofacts_scan_amount(sc, i);
        const ipofacts_amount *b = ipofacts_scan_amount(sc, i + 1);
        size_t base = (i / 2) * ul;
        if (a->start != base + strlen("营收 ") || b->end != base + ul - strlen("。"))
            fail_msg("repetition %zu: spans %zu-%zu, %zu-%zu", i / 2, a->start, a->end, b->start, b->end);
    }
    ipofacts_scan_free(sc);
    free(text);
}

/* ------------------------------------------------------------------ */
/* Ranks                                                               */
/* ------------------------------------------------------------------ */

typedef struct rank_case {
    const char *text;
    const char *value;            /* the rank */
    ipofacts_qualifier qualifier; /* 第: exact; 前 (top N): at_most */
    const char *literal;          /* the span's text */
} rank_case;

/* A rank is 第N / 前N after a rank context in its clause and before a rank
 * end; its value is the ordinal, decimals 0, unit "rank". */
static const rank_case rank_cases[] = {
    /* the seed articles' sentences */
    {"位列全球第五", "5", Q_EXACT, "第五"},
    {"Artificial Analysis 上總分全球前五、開源第一；", "5", Q_MOST, "前五"},
    {"登頂全球第一。", "1", Q_EXACT, "第一"},
    {"在多個榜單中位列全球前三；語音模型", "3", Q_MOST, "前三"},
    {"位居全球大語言模型第五、開源第一", "5", Q_EXACT, "第五"}, /* 全球 five characters back */
    {"能力位列部分大语言模型榜单的开源第一。", "1", Q_EXACT, "第一"},
    {"視頻模型在權威評測中排名第二。", "2", Q_EXACT, "第二"},
    {"Artificial Analysis 视频评测中位列全球第二,生成了", "2", Q_EXACT, "第二"},
    {"語音模型綜合性能全球第一", "1", Q_EXACT, "第一"}, /* the end of the text ends it */
    {"音频全球第一、视频全球第二。", "1", Q_EXACT, "第一"},
    /* digits, spaces, full width, suffixes */
    {"在全球排名第 2，", "2", Q_EXACT, "第 2"},
    {"排名第５。", "5", Q_EXACT, "第５"},
    {"排名第三名。", "3", Q_EXACT, "第三名"},
    {"全球前十强", "10", Q_MOST, "前十强"},
    {"全球前 10 名，", "10", Q_MOST, "前 10 名"},
    {"全球第二十五位", "25", Q_EXACT, "第二十五位"},
    {"排名前两位", "2", Q_MOST, "前两位"},
    {"開源第一的模型", "1", Q_EXACT, "第一"},
    {"与 OpenAI 并列第一", "1", Q_EXACT, "第一"},
    {"登顶全球第一 (Artificial Analysis)", "1", Q_EXACT, "第一"},
    {"跻身全球前十。", "10", Q_MOST, "前十"},
    {"全球很很很很很很很很很很很很很很很很很很很很第一。", "1", Q_EXACT, "第一"}, /* 20 characters between */
};

static void test_rank_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof rank_cases / sizeof rank_cases[0]; i++) {
        const rank_case *c = &rank_cases[i];
        ipofacts_amount a;
        ipofacts_error e;
        ipofacts_status st = ipofacts_parse_amount(&a, c->text, strlen(c->text), &e);
        if (st != IPOFACTS_OK)
            fail_msg("\"%s\": %s (%s)", c->text, ipofacts_status_str(st), e.message);
        if (strcmp(a.unit, "rank") != 0)
            fail_msg("\"%s\": unit %s, want rank", c->text, a.unit);
        check_value(c->text, &a.value, c->value);
        assert_int_equal(ipofacts_decimal_cmp(&a.value, &a.upper), 0);
        if (a.decimals != 0)
            fail_msg("\"%s\": decimals %d, want 0", c->text, (int)a.decimals);
        if (a.qualifier != c->qualifier)
            fail_msg("\"%s\": qualifier %s, want %s", c->text, ipofacts_qualifier_name(a.qualifier),
                     ipofacts_qualifier_name(c->qualifier));
        if (a.flags != IPOFACTS_AMOUNT_RANK)
            fail_msg("\"%s\": flags %u, want IPOFACTS_AMOUNT_RANK", c->text, (unsigned)a.flags);
        const char *lit = strstr(c->text, c->literal);
        assert_non_null(lit);
        size_t start = (size_t)(lit - c->text), end = start + strlen(c->literal);
        if (a.start != start || a.end != end)
            fail_msg("\"%s\": span %zu-%zu, want %zu-%zu (\"%s\")", c->text, a.start, a.end, start, end,
                     c->literal);
        assert_int_equal(a.conversion_of, -1);
        assert_int_equal(a.converted_to, -1);
    }
}

typedef struct rank_trap {
    const char *text;
    const char *value; /* the first amount, or NULL when there is none */
    const char *unit;
} rank_trap;

/* Ordinals that are not ranks: no rank context before them, or no rank end
 * after them (a period, a day, a tier, "the first stock", a customer). The
 * built-in dataset holds none of them as a rank. */
static const rank_trap rank_traps[] = {
    {"前三季度", NULL, NULL},
    {"2025年前三季度", NULL, NULL},
    {"2025 年前三季度營收分別為 346 萬美元", "3460000", "USD"},
    {"前9个月", NULL, NULL},
    {"前 9 個月", NULL, NULL},
    {"前九個月", NULL, NULL},
    {"前三個季度", NULL, NULL},
    {"2025 年前 9 個月同比增幅達 174.7%", "1.747", "pure"},
    {"第1季度", NULL, NULL},
    {"第三季度", NULL, NULL},
    {"全球前三季度营收 5 亿美元", "500000000", "USD"}, /* a context, but 季度 is no rank end */
    {"第一天", NULL, NULL},
    {"從創立第一天起", NULL, NULL},
    {"全球第一天", NULL, NULL},
    {"第一性原理", NULL, NULL},
    {"必須回到‘第一性原理’去拆解", NULL, NULL},
    {"在各模態上均進入第一梯隊的公司", NULL, NULL}, /* a tier, not a rank */
    {"推至全球第一梯队。", NULL, NULL},
    {"大模型 “第一股”", NULL, NULL}, /* "the first stock": not a rank */
    {"爭奪大模型“第一股”", NULL, NULL},
    {"其中第一大客户占比高达37.2%", "0.372", "pure"}, /* the customer's share, no rank */
    {"MiniMax前五大客户贡献了总收入的60.5%", "0.605", "pure"},
    {"第一份工作", NULL, NULL},
    {"第一次会面", NULL, NULL},
    {"2026年第一个工作日", NULL, NULL},
    {"这第一个过人之处", NULL, NULL},
    {"超前判断:第一,AI将走向大众;第二,大模型", NULL, NULL}, /* a list, no rank context */
    {"就在前一天", NULL, NULL},
    {"第一", NULL, NULL}, /* no rank context */
    {"第 3 名 5 亿", "500000000", "count"},
    {"全球市场，第一，", NULL, NULL}, /* the context is in another clause */
    {"全球很很很很很很很很很很很很很很很很很很很很很第一。", NULL, NULL}, /* 21 characters between */
    {"全球目前三，", NULL, NULL}, /* 目前 is "now", not "top" */
    {"排名第 1.5。", NULL, NULL}, /* a rank is a whole number */
    {"排名第0。", NULL, NULL},    /* from 1 */
    {"排名第5G。", NULL, NULL},
};

static void test_rank_traps(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof rank_traps / sizeof rank_traps[0]; i++) {
        const rank_trap *c = &rank_traps[i];
        ipofacts_amount a;
        ipofacts_error e;
        ipofacts_status st = ipofacts_parse_amount(&a, c->text, strlen(c->text), &e);
        if (c->value == NULL) {
            if (st != IPOFACTS_E_NO_AMOUNT)
                fail_msg("\"%s\": %s (%s), want no amount", c->text, ipofacts_status_str(st),
                         st == IPOFACTS_OK ? a.unit : e.message);
        } else {
            if (st != IPOFACTS_OK)
                fail_msg("\"%s\": %s (%s)", c->text, ipofacts_status_str(st), e.message);
            check_value(c->text, &a.value, c->value);
            if (strcmp(a.unit, c->unit) != 0)
                fail_msg("\"%s\": unit %s, want %s", c->text, a.unit, c->unit);
        }
        /* and the scanner finds no rank in it */
        ipofacts_scan *sc;
        assert_int_equal(ipofacts_scan_text(&sc, c->text, strlen(c->text), &e), IPOFACTS_OK);
        for (size_t k = 0; k < ipofacts_scan_count(sc); k++) {
            const ipofacts_amount *s = ipofacts_scan_amount(sc, k);
            if (strcmp(s->unit, "rank") == 0 || (s->flags & IPOFACTS_AMOUNT_RANK))
                fail_msg("\"%s\": \"%s\" is read as a rank", c->text, ipofacts_scan_literal(sc, k));
        }
        ipofacts_scan_free(sc);
    }
}

/* A passage of seed 000 with its ranks among periods, tiers and first days. */
static void test_scan_ranks(void **state)
{
    (void)state;
    const char *text = "MiniMax 目前是全球少數幾家，在各模態上均進入第一梯隊的公司，從創立第一天起押注多模態。"
                       "MiniMax-M2 在 Artificial Analysis 上總分全球前五、開源第一；"
                       "視頻模型 Hailuo 02 在多個榜單中位列全球前三；"
                       "語音模型 Speech02 登頂全球第一。2025 年前三季度營收 5343.7 萬美元，"
                       "2025 年前 9 個月同比增幅達 174.7%。";
    static const scan_expect want[] = {
        {"前五", "5", "rank", Q_MOST, -1},
        {"第一", "1", "rank", Q_EXACT, -1},
        {"前三", "3", "rank", Q_MOST, -1},
        {"第一", "1", "rank", Q_EXACT, -1},
        {"5343.7 萬美元", "53437000", "USD", Q_EXACT, -1},
        {"174.7%", "1.747", "pure", Q_EXACT, -1},
    };
    expect_scan(text, want, sizeof want / sizeof want[0]);

    /* each rank is flagged, has decimals 0 and links to nothing */
    ipofacts_scan *sc;
    assert_int_equal(ipofacts_scan_text(&sc, text, strlen(text), NULL), IPOFACTS_OK);
    for (size_t i = 0; i < 4; i++) {
        const ipofacts_amount *a = ipofacts_scan_amount(sc, i);
        assert_int_equal(a->flags, IPOFACTS_AMOUNT_RANK);
        assert_int_equal(a->decimals, 0);
        assert_int_equal(a->converted_to, -1);
    }
    assert_int_equal(ipofacts_scan_amount(sc, 4)->flags & IPOFACTS_AMOUNT_RANK, 0);
    ipofacts_scan_free(sc);

    /* a list of ranks after one context word; a number and a rank make no
     * range ("8 升至第三" is 8 with no unit, then rank 3) */
    const char *list = "排名依次为第一、第二、第三。全球排名由 8 升至第三。";
    static const scan_expect want_list[] = {
        {"第一", "1", "rank", Q_EXACT, -1},
        {"第二", "2", "rank", Q_EXACT, -1},
        {"第三", "3", "rank", Q_EXACT, -1},
        {"第三", "3", "rank", Q_EXACT, -1},
    };
    expect_scan(list, want_list, sizeof want_list / sizeof want_list[0]);
}

/* ------------------------------------------------------------------ */
/* The seed excerpts: every figure the built-in dataset takes          */
/* ------------------------------------------------------------------ */

static const char *const excerpts[] = {
    "000_ef391d1195bdf984.txt", "001_eae5e41d8f12af36.txt", "002_4c5d09c93080096d.txt",
    "003_0b79f7037f4f0cee.txt", "004_62bcaca75a10cf99.txt",
};

/* Characters that make up the number of a quote: Arabic digits (ASCII and
 * full-width), the point and comma, and Chinese numerals and multipliers. */
static size_t numeral_char(const char *s)
{
    static const char *const cn[] = {"〇", "零", "一", "二", "两", "兩", "三", "四", "五", "六", "七", "八",
                                     "九", "十", "百", "千", "万", "萬", "亿", "億"};
    unsigned char c = (unsigned char)s[0];
    if (c >= '0' && c <= '9')
        return 1;
    /* 数 / 數 ("several") only before a multiplier: 數千萬, not 负数 */
    if (strncmp(s, "数", 3) == 0 || strncmp(s, "數", 3) == 0) {
        static const char *const units[] = {"十", "百", "千", "万", "萬", "亿", "億"};
        for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
            if (strncmp(s + 3, units[i], 3) == 0)
                return 3;
        return 0;
    }
    if (c == 0xEF && (unsigned char)s[1] == 0xBC && (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99)
        return 3; /* full-width digits */
    for (size_t i = 0; i < sizeof cn / sizeof cn[0]; i++)
        if (strncmp(s, cn[i], strlen(cn[i])) == 0)
            return strlen(cn[i]);
    return 0;
}

/* The numeric part of a quote: its first run of numeral characters (with
 * '.' and ',' between digits). 0 when the quote has none. */
static int numeric_part(const char *q, size_t *start, size_t *end)
{
    size_t i = 0, k;
    while (q[i] != '\0' && numeral_char(q + i) == 0)
        i++;
    if (q[i] == '\0')
        return 0;
    *start = i;
    while (q[i] != '\0') {
        if ((k = numeral_char(q + i)) != 0)
            i += k;
        else if ((q[i] == '.' || q[i] == ',') && numeral_char(q + i + 1) != 0)
            i++;
        else
            break;
    }
    *end = i;
    return 1;
}

static ipofacts_decimal absolute(ipofacts_decimal d)
{
    if (d.coefficient < 0)
        d.coefficient = -d.coefficient;
    return d;
}

static void test_seed_coverage(void **state)
{
    (void)state;
    ipofacts_dataset *ds = NULL;
    assert_int_equal(ipofacts_dataset_open_builtin(&ds), IPOFACTS_OK);
    size_t total_quotes = 0, total_covered = 0;

    for (size_t x = 0; x < sizeof excerpts / sizeof excerpts[0]; x++) {
        char path[512];
        size_t len;
        snprintf(path, sizeof path, "%s/seed_excerpts/%s", IPOFACTS_TEST_DATA, excerpts[x]);
        char *text = read_file(path, &len);
        ipofacts_scan *sc;
        ipofacts_error e;
        if (ipofacts_scan_text(&sc, text, len, &e) != IPOFACTS_OK)
            fail_msg("%s: %s", excerpts[x], e.message);
        size_t found = ipofacts_scan_count(sc);
        size_t quotes = 0, covered = 0, ranks = 0, wordless = 0, monetary = 0;

        for (size_t c = 0; c < ipofacts_dataset_company_count(ds); c++) {
            const ipofacts_company *co = ipofacts_dataset_company(ds, c);
            for (size_t f = 0; f < ipofacts_company_fact_count(co); f++) {
                const ipofacts_fact *fact = ipofacts_company_fact(co, f);
                for (size_t s = 0; s < ipofacts_fact_source_count(fact); s++) {
                    const ipofacts_source *src = ipofacts_fact_source(fact, s);
                    const char *doc = ipofacts_source_document(src);
                    const char *quote = ipofacts_fact_quote(fact, s);
                    if (doc == NULL || strcmp(doc, excerpts[x]) != 0 || quote == NULL)
                        continue;
                    quotes++;
                    size_t ns, ne;
                    if (!numeric_part(quote, &ns, &ne)) {
                        /* "负值", "负数": a negative figure in words, with no number in
                         * it (the fact's value 0 is a bound, not a figure of the text) */
                        if (strstr(quote, "负") == NULL && strstr(quote, "負") == NULL)
                            fail_msg("%s: the quote \"%s\" of %s has no number and is no sign in words",
                                     excerpts[x], quote, ipofacts_fact_concept_id(fact));
                        wordless++;
                        continue;
                    }
                    /* a rank (第五, 全球前三, 開源第一): the dataset's unit is "count",
                     * the scanner's "rank"; the value and the qualifier (第: exact,
                     * 前: at most) must agree */
                    int rank = ns >= 3 && (strncmp(quote + ns - 3, "第", 3) == 0 ||
                                           strncmp(quote + ns - 3, "前", 3) == 0);
                    /* every occurrence of the quote that starts a number */
                    int occurrences = 0;
                    ipofacts_decimal want = absolute(ipofacts_fact_value(fact)), want_hi = want;
                    int range = ipofacts_fact_qualifier(fact) == IPOFACTS_QUALIFIER_RANGE;
                    if (range)
                        assert_int_equal(ipofacts_fact_upper(&want_hi, fact), IPOFACTS_OK);
                    for (const char *p = strstr(text, quote); p != NULL; p = strstr(p + 1, quote)) {
                        size_t q = (size_t)(p - text);
                        if (q > 0 && ((text[q - 1] >= '0' && text[q - 1] <= '9') || text[q - 1] == '.'))
                            continue;
                        occurrences++;
                        int ok = 0;
                        for (size_t i = 0; i < found && !ok; i++) {
                            const ipofacts_amount *a = ipofacts_scan_amount(sc, i);
                            ipofacts_decimal v = absolute(a->value);
                            if (a->start <= q + ns && a->end >= q + ne && ipofacts_decimal_cmp(&v, &want) == 0 &&
                                (!range || ipofacts_decimal_cmp(&a->upper, &want_hi) == 0) &&
                                (!rank || (strcmp(a->unit, "rank") == 0 && (a->flags & IPOFACTS_AMOUNT_RANK) &&
                                           a->qualifier == ipofacts_fact_qualifier(fact))))
                                ok = 1;
                        }
                        if (!ok)
                            fail_msg("%s: the figure \"%s\" of %s at byte %zu is not found", excerpts[x], quote,
                                     ipofacts_fact_concept_id(fact), q);
                    }
                    if (occurrences == 0)
                        fail_msg("%s: the quote \"%s\" of %s is not in the excerpt", excerpts[x], quote,
                                 ipofacts_fact_concept_id(fact));
                    covered++;
                    if (rank)
                        ranks++;
                    /* A monetary figure also parses on its own to the fact's value, in the
                     * fact's currency when the quote names one ("12亿" alone names none). */
                    ipofacts_unit_kind kind = ipofacts_unit_classify(ipofacts_fact_unit(fact));
                    if (kind == IPOFACTS_UNIT_CURRENCY || kind == IPOFACTS_UNIT_PER_SHARE) {
                        ipofacts_amount a;
                        if (ipofacts_parse_amount(&a, quote, strlen(quote), &e) != IPOFACTS_OK)
                            fail_msg("%s: \"%s\" does not parse: %s", excerpts[x], quote, e.message);
                        ipofacts_decimal v = absolute(a.value);
                        if (ipofacts_decimal_cmp(&v, &want) != 0)
                            fail_msg("%s: \"%s\" parses to another value", excerpts[x], quote);
                        ipofacts_unit_kind got = ipofacts_unit_classify(a.unit);
                        if ((got == IPOFACTS_UNIT_CURRENCY || got == IPOFACTS_UNIT_PER_SHARE) &&
                            strcmp(a.unit, ipofacts_fact_unit(fact)) != 0)
                            fail_msg("%s: \"%s\" parses as %s, the dataset has %s", excerpts[x], quote, a.unit,
                                     ipofacts_fact_unit(fact));
                        if (got == IPOFACTS_UNIT_CURRENCY || got == IPOFACTS_UNIT_PER_SHARE)
                            monetary++;
                    }
                }
            }
        }
        assert_true(quotes > 0);
        print_message("%s: %zu figures found; %zu of %zu dataset quotes covered (%zu of them ranks; %zu "
                      "without a number, not amounts); %zu monetary quotes parse to their currency and value\n",
                      excerpts[x], found, covered, quotes, ranks, wordless, monetary);
        assert_int_equal(covered + wordless, quotes);
        total_quotes += quotes;
        total_covered += covered;
        ipofacts_scan_free(sc);
        free(text);
    }
    print_message("all excerpts: %zu of %zu quotes covered\n", total_covered, total_quotes);
    ipofacts_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_table),
        cmocka_unit_test(test_parse_flags),
        cmocka_unit_test(test_conversion_angel_round),
        cmocka_unit_test(test_conversion_valuation),
        cmocka_unit_test(test_conversion_not),
        cmocka_unit_test(test_implied_rate_errors),
        cmocka_unit_test(test_amount_interval),
        cmocka_unit_test(test_parse_bad),
        cmocka_unit_test(test_parse_every_prefix),
        cmocka_unit_test(test_width),
        cmocka_unit_test(test_truncate),
        cmocka_unit_test(test_scan_paragraph),
        cmocka_unit_test(test_scan_conversions),
        cmocka_unit_test(test_scan_original_offsets),
        cmocka_unit_test(test_scan_context),
        cmocka_unit_test(test_scan_bad),
        cmocka_unit_test(test_scan_long_line),
        cmocka_unit_test(test_rank_table),
        cmocka_unit_test(test_rank_traps),
        cmocka_unit_test(test_scan_ranks),
        cmocka_unit_test(test_seed_coverage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
