/*
 * Tests of the value layer: exact decimals, intervals, dates, periods, units.
 *
 * Seed figures (MiniMax and Zhipu prospectus reporting):
 *   "3052.3 萬美元"  = 3052.3 x 10^4 = 30523000, coefficient 30523, exponent 3,
 *                      decimals -3, so +-500: [30522500, 30523500].
 *   "346 萬"         = 346 x 10^4 = 3460000, decimals -4.
 *   "2.44 億"        = 2.44 x 10^8 = 244000000, decimals -6.
 *   growth 782.2%    = pure 7.822, decimals 3.
 *   30523000 - 3460000 = 27063000; 27063000 / 3460000 = 7.8217..., printed 782.2%.
 *   gross margin -24.7% = pure -0.247, decimals 3.
 *   "约 5 亿美元"     = 5 x 10^8, decimals -8, approximately: +-2 x 0.5e8 = [4e8, 6e8].
 *   "超 15 亿美元"    = 1.5e9, decimals -8, at least: lo 1.5e9 - 0.5e8 = 1.45e9, no upper bound.
 *   "400 至 550 亿"   = 4e10 .. 5.5e10, decimals -8: [4e10 - 5e7, 5.5e10 + 5e7] = [3.995e10, 5.505e10].
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipofacts/value.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static ipofacts_decimal D(int64_t c, int32_t e)
{
    ipofacts_decimal d = {c, e, 0};
    return d;
}

static ipofacts_decimal P(const char *s)
{
    ipofacts_decimal d = {0, 0, 0};
    ipofacts_status st = ipofacts_decimal_parse(&d, s, strlen(s));
    if (st != IPOFACTS_OK)
        fail_msg("cannot parse \"%s\": %s", s, ipofacts_status_str(st));
    return d;
}

static void assert_dec(ipofacts_decimal d, int64_t c, int32_t e)
{
    if (d.coefficient != c || d.exponent != e || d.reserved != 0)
        fail_msg("got %lld e%d, want %lld e%d", (long long)d.coefficient, (int)d.exponent, (long long)c, (int)e);
}

/* Deterministic generator (xorshift64*). */
static uint64_t rng_state = UINT64_C(0x9E3779B97F4A7C15);

static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * UINT64_C(2685821657736338717);
}

static int64_t rng_range(int64_t lo, int64_t hi)
{
    return lo + (int64_t)(rng() % (uint64_t)(hi - lo + 1));
}

/* A coefficient with 1 to 18 digits, random sign; sometimes 0 or with trailing zeros. */
static int64_t rng_coefficient(void)
{
    int kind = (int)rng_range(0, 19);
    if (kind == 0)
        return 0;
    int digits = (int)rng_range(1, 18);
    int64_t c = 0;
    for (int i = 0; i < digits; i++)
        c = c * 10 + (i == 0 ? rng_range(1, 9) : rng_range(0, 9));
    if (kind == 1) {
        /* trailing zeros */
        while (rng_range(0, 2) != 0 && c <= IPOFACTS_DECIMAL_COEFFICIENT_MAX / 10)
            c *= 10;
    }
    return rng_range(0, 1) ? -c : c;
}

/*
 * Exact comparison of a double with a decimal: glibc prints the exact binary
 * value when asked for enough digits (a double needs at most 767 significant
 * digits). Returns the sign of x - d.
 */
static int cmp_double_dec(double x, const ipofacts_decimal *d)
{
    static char buf[1200];
    int sx = x < 0 ? -1 : x > 0;
    int sd = ipofacts_decimal_sign(d);
    if (sx != sd)
        return sx < sd ? -1 : 1;
    if (sx == 0)
        return 0;
    snprintf(buf, sizeof buf, "%.1100e", fabs(x));
    /* buf: D.DDDD...e+XX -> digits and the power of the leading digit */
    char xd[1200];
    size_t n = 0;
    const char *p = buf;
    for (; *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            xd[n++] = *p;
    while (n > 1 && xd[n - 1] == '0')
        n--;
    xd[n] = '\0';
    long xe = strtol(p + 1, NULL, 10); /* x = 0.xd x 10^(xe + 1) */
    char dd[32];
    int64_t c = d->coefficient < 0 ? -d->coefficient : d->coefficient;
    int dn = snprintf(dd, sizeof dd, "%lld", (long long)c);
    long de = (long)d->exponent + dn - 1; /* power of the leading digit */
    while (dn > 1 && dd[dn - 1] == '0')
        dd[--dn] = '\0';
    int mag;
    if (xe != de) {
        mag = xe > de ? 1 : -1;
    } else {
        mag = 0;
        size_t len = n > (size_t)dn ? n : (size_t)dn;
        for (size_t i = 0; i < len && mag == 0; i++) {
            char a = i < n ? xd[i] : '0';
            char b = i < (size_t)dn ? dd[i] : '0';
            if (a != b)
                mag = a > b ? 1 : -1;
        }
    }
    return sx > 0 ? mag : -mag;
}

/* ------------------------------------------------------------------ */
/* Parse                                                               */
/* ------------------------------------------------------------------ */

struct parse_case {
    const char *text;
    ipofacts_status status;
    int64_t coefficient;
    int32_t exponent;
};

static void test_decimal_parse_table(void **state)
{
    (void)state;
    static const struct parse_case cases[] = {
        /* seed figures as stored: 3052.3 萬 -> 30523000 written with its precision */
        {"3.0523e7", IPOFACTS_OK, 30523, 3},
        {"30523000", IPOFACTS_OK, 30523000, 0},
        {"3.46e6", IPOFACTS_OK, 346, 4},
        {"2.44e8", IPOFACTS_OK, 244, 6},
        {"7.822", IPOFACTS_OK, 7822, -3},
        {"-0.247", IPOFACTS_OK, -247, -3},
        {"5e8", IPOFACTS_OK, 5, 8},
        {"1.5E9", IPOFACTS_OK, 15, 8},
        {"-12.50", IPOFACTS_OK, -1250, -2},
        {"+42", IPOFACTS_OK, 42, 0},
        {"1.220", IPOFACTS_OK, 1220, -3},
        {"0", IPOFACTS_OK, 0, 0},
        {"-0", IPOFACTS_OK, 0, 0},
        {"+0.00", IPOFACTS_OK, 0, -2},
        {"0.00", IPOFACTS_OK, 0, -2},
        {"007", IPOFACTS_OK, 7, 0},
        {"0.00123", IPOFACTS_OK, 123, -5},
        {"1e-3", IPOFACTS_OK, 1, -3},
        {"1.5e+2", IPOFACTS_OK, 15, 1},
        {"12e-0", IPOFACTS_OK, 12, 0},
        /* 18 significant digits fit; leading zeros do not count */
        {"999999999999999999", IPOFACTS_OK, INT64_C(999999999999999999), 0},
        {"-999999999999999999", IPOFACTS_OK, -INT64_C(999999999999999999), 0},
        {"000000999999999999999999", IPOFACTS_OK, INT64_C(999999999999999999), 0},
        {"0.000000000000000000123456789012345678", IPOFACTS_OK, INT64_C(123456789012345678), -36},
        {"12345678.9012345678", IPOFACTS_OK, INT64_C(123456789012345678), -10},
        /* 19 significant digits, trailing zeros after the point included */
        {"1000000000000000000", IPOFACTS_E_OVERFLOW, 0, 0},
        {"1.000000000000000000", IPOFACTS_E_OVERFLOW, 0, 0},
        {"9223372036854775807", IPOFACTS_E_OVERFLOW, 0, 0},
        {"123456789012345678901234567890", IPOFACTS_E_OVERFLOW, 0, 0},
        /* exponent range [-40, 40] */
        {"1e40", IPOFACTS_OK, 1, 40},
        {"1e-40", IPOFACTS_OK, 1, -40},
        {"0.1e-39", IPOFACTS_OK, 1, -40},
        {"1e41", IPOFACTS_E_OVERFLOW, 0, 0},
        {"1e-41", IPOFACTS_E_OVERFLOW, 0, 0},
        {"0.00000000000000000000000000000000000000001", IPOFACTS_E_OVERFLOW, 0, 0},
        {"1e99999999999999999999", IPOFACTS_E_OVERFLOW, 0, 0},
        {"1e-99999999999999999999", IPOFACTS_E_OVERFLOW, 0, 0},
        /* syntax */
        {"", IPOFACTS_E_SYNTAX, 0, 0},
        {"-", IPOFACTS_E_SYNTAX, 0, 0},
        {"+", IPOFACTS_E_SYNTAX, 0, 0},
        {".5", IPOFACTS_E_SYNTAX, 0, 0},
        {"5.", IPOFACTS_E_SYNTAX, 0, 0},
        {"-.5", IPOFACTS_E_SYNTAX, 0, 0},
        {"1e", IPOFACTS_E_SYNTAX, 0, 0},
        {"1e+", IPOFACTS_E_SYNTAX, 0, 0},
        {"e5", IPOFACTS_E_SYNTAX, 0, 0},
        {"1.2.3", IPOFACTS_E_SYNTAX, 0, 0},
        {" 1", IPOFACTS_E_SYNTAX, 0, 0},
        {"1 ", IPOFACTS_E_SYNTAX, 0, 0},
        {"1,000", IPOFACTS_E_SYNTAX, 0, 0},
        {"--1", IPOFACTS_E_SYNTAX, 0, 0},
        {"+-1", IPOFACTS_E_SYNTAX, 0, 0},
        {"0x10", IPOFACTS_E_SYNTAX, 0, 0},
        {"inf", IPOFACTS_E_SYNTAX, 0, 0},
        {"NaN", IPOFACTS_E_SYNTAX, 0, 0},
        {"1e1.5", IPOFACTS_E_SYNTAX, 0, 0},
        {"3052.3萬", IPOFACTS_E_SYNTAX, 0, 0},
        {"１２", IPOFACTS_E_SYNTAX, 0, 0}, /* full-width digits */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct parse_case *c = &cases[i];
        ipofacts_decimal d = {77, 7, 0};
        ipofacts_status st = ipofacts_decimal_parse(&d, c->text, strlen(c->text));
        if (st != c->status)
            fail_msg("\"%s\": status %s, want %s", c->text, ipofacts_status_str(st), ipofacts_status_str(c->status));
        if (st == IPOFACTS_OK) {
            if (d.coefficient != c->coefficient || d.exponent != c->exponent)
                fail_msg("\"%s\": %lld e%d, want %lld e%d", c->text, (long long)d.coefficient, (int)d.exponent,
                         (long long)c->coefficient, (int)c->exponent);
        } else {
            /* a failed parse leaves the output alone */
            assert_dec(d, 77, 7);
        }
    }
}

static void test_decimal_parse_length(void **state)
{
    (void)state;
    ipofacts_decimal d;
    /* only len bytes are read: "3052.3 萬" -> "3052.3" */
    const char *text = "3052.3 萬美元";
    assert_int_equal(ipofacts_decimal_parse(&d, text, 6), IPOFACTS_OK);
    assert_dec(d, 30523, -1);
    /* an embedded NUL within len is not a digit */
    assert_int_equal(ipofacts_decimal_parse(&d, "12\0" "3", 4), IPOFACTS_E_SYNTAX);
    assert_int_equal(ipofacts_decimal_parse(&d, "123", 0), IPOFACTS_E_SYNTAX);
    assert_int_equal(ipofacts_decimal_parse(NULL, "1", 1), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_decimal_parse(&d, NULL, 1), IPOFACTS_E_INVALID);
}

/* ------------------------------------------------------------------ */
/* Format and make                                                     */
/* ------------------------------------------------------------------ */

struct format_case {
    int64_t coefficient;
    int32_t exponent;
    const char *text;
};

static void test_decimal_format_table(void **state)
{
    (void)state;
    static const struct format_case cases[] = {
        {30523, 3, "30523000"},
        {346, 4, "3460000"},
        {244, 6, "244000000"},
        {7822, -3, "7.822"},
        {-247, -3, "-0.247"},
        {-125, -3, "-0.125"},
        {1220, -3, "1.220"},
        {0, -2, "0.00"},
        {0, 0, "0"},
        {0, 5, "0"},
        {5, 0, "5"},
        {5, -1, "0.5"},
        {-5, -2, "-0.05"},
        {123456, -3, "123.456"},
        {123, -3, "0.123"},
        {1, -40, "0.0000000000000000000000000000000000000001"},
        {INT64_C(999999999999999999), -18, "0.999999999999999999"},
        {INT64_C(999999999999999999), -40, "0.0000000000000000000000999999999999999999"},
        {-INT64_C(999999999999999999), 40, "-9999999999999999990000000000000000000000000000000000000000"},
        {27063000, 0, "27063000"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[IPOFACTS_DECIMAL_STRING_SIZE];
        ipofacts_decimal d = D(cases[i].coefficient, cases[i].exponent);
        assert_int_equal(ipofacts_decimal_format(&d, buf, sizeof buf), IPOFACTS_OK);
        assert_string_equal(buf, cases[i].text);
        /* the longest output fits the documented size */
        assert_true(strlen(buf) < IPOFACTS_DECIMAL_STRING_SIZE);
    }
}

static void test_decimal_format_errors(void **state)
{
    (void)state;
    char buf[IPOFACTS_DECIMAL_STRING_SIZE];
    ipofacts_decimal d = D(-125, -3); /* "-0.125": 6 characters */
    assert_int_equal(ipofacts_decimal_format(&d, buf, 7), IPOFACTS_OK);
    assert_string_equal(buf, "-0.125");
    memset(buf, 'x', sizeof buf);
    assert_int_equal(ipofacts_decimal_format(&d, buf, 6), IPOFACTS_E_BUFFER);
    assert_int_equal(buf[0], '\0');
    assert_int_equal(ipofacts_decimal_format(&d, buf, 0), IPOFACTS_E_BUFFER);
    assert_int_equal(ipofacts_decimal_format(NULL, buf, sizeof buf), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_decimal_format(&d, NULL, 8), IPOFACTS_E_INVALID);
    ipofacts_decimal bad = D(INT64_C(1000000000000000000), 0);
    assert_int_equal(ipofacts_decimal_format(&bad, buf, sizeof buf), IPOFACTS_E_INVALID);
    bad = D(1, 41);
    assert_int_equal(ipofacts_decimal_format(&bad, buf, sizeof buf), IPOFACTS_E_INVALID);
    bad = D(1, -41);
    assert_int_equal(ipofacts_decimal_format(&bad, buf, sizeof buf), IPOFACTS_E_INVALID);
}

static void test_decimal_make(void **state)
{
    (void)state;
    assert_dec(ipofacts_decimal_make(30523, 3), 30523, 3);
    assert_dec(ipofacts_decimal_make(-247, -3), -247, -3);
    assert_dec(ipofacts_decimal_make(IPOFACTS_DECIMAL_COEFFICIENT_MAX, 40), IPOFACTS_DECIMAL_COEFFICIENT_MAX, 40);
    assert_dec(ipofacts_decimal_make(-IPOFACTS_DECIMAL_COEFFICIENT_MAX, -40), -IPOFACTS_DECIMAL_COEFFICIENT_MAX, -40);
    /* out of range gives zero */
    assert_dec(ipofacts_decimal_make(INT64_C(1000000000000000000), 0), 0, 0);
    assert_dec(ipofacts_decimal_make(INT64_MIN, 0), 0, 0);
    assert_dec(ipofacts_decimal_make(1, 41), 0, 0);
    assert_dec(ipofacts_decimal_make(1, -41), 0, 0);
}

/* ------------------------------------------------------------------ */
/* Arithmetic                                                          */
/* ------------------------------------------------------------------ */

enum op { ADD, SUB, MUL };

struct arith_case {
    enum op op;
    ipofacts_decimal a, b;
    ipofacts_status status;
    int64_t coefficient;
    int32_t exponent;
};

static void test_decimal_arith_table(void **state)
{
    (void)state;
    const int64_t MAX = IPOFACTS_DECIMAL_COEFFICIENT_MAX;
    const struct arith_case cases[] = {
        /* 3052.3 萬 - 346 萬 = 30523000 - 3460000 = 27063000 at exponent min(3, 4) = 3 */
        {SUB, {30523, 3, 0}, {346, 4, 0}, IPOFACTS_OK, 27063, 3},
        {ADD, {30523, 3, 0}, {346, 4, 0}, IPOFACTS_OK, 33983, 3},
        /* 2.44 億 + 3052.3 萬 = 244000000 + 30523000 = 274523000 */
        {ADD, {244, 6, 0}, {30523, 3, 0}, IPOFACTS_OK, 274523, 3},
        /* 782.2% of 346 萬: 7.822 x 3460000 = 27064120 (coefficient 7822 x 346, exponent 1) */
        {MUL, {7822, -3, 0}, {346, 4, 0}, IPOFACTS_OK, 2706412, 1},
        /* -24.7% of 3052.3 萬 = -0.247 x 30523000 = -7539181 */
        {MUL, {-247, -3, 0}, {30523, 3, 0}, IPOFACTS_OK, -7539181, 0},
        {ADD, {1220, -3, 0}, {5, -1, 0}, IPOFACTS_OK, 1720, -3},
        {SUB, {5, -1, 0}, {1220, -3, 0}, IPOFACTS_OK, -720, -3},
        {SUB, {1220, -3, 0}, {122, -2, 0}, IPOFACTS_OK, 0, -3},
        {ADD, {0, -2, 0}, {5, 0, 0}, IPOFACTS_OK, 500, -2},
        {ADD, {0, 5, 0}, {0, -3, 0}, IPOFACTS_OK, 0, -3},
        {MUL, {0, 30, 0}, {0, 30, 0}, IPOFACTS_OK, 0, 40},
        {MUL, {125, -3, 0}, {8, 0, 0}, IPOFACTS_OK, 1000, -3},
        /* 999999999999999999 + 2 needs 19 digits with a non-zero last one */
        {ADD, {MAX, 0, 0}, {2, 0, 0}, IPOFACTS_E_OVERFLOW, 0, 0},
        {SUB, {-MAX, 0, 0}, {2, 0, 0}, IPOFACTS_E_OVERFLOW, 0, 0},
        {ADD, {MAX, 0, 0}, {MAX, 0, 0}, IPOFACTS_E_OVERFLOW, 0, 0},
        /* 999999999999999999 + 1 = 10^18 has 19 digits at exponent 0; the exact value is
         * kept with the smallest exponent that fits: 10^17 x 10^1 */
        {ADD, {MAX, 0, 0}, {1, 0, 0}, IPOFACTS_OK, INT64_C(100000000000000000), 1},
        /* aligning 1 x 10^19 to 10^-5 would need 25 digits; the exact sum 10^19 = 10^17 x 10^2 */
        {ADD, {1, 19, 0}, {0, -5, 0}, IPOFACTS_OK, INT64_C(100000000000000000), 2},
        /* 999999999999999999e1 + 10 = 10^19: the aligned sum has 20 digits */
        {ADD, {MAX, 1, 0}, {10, 0, 0}, IPOFACTS_OK, INT64_C(100000000000000000), 2},
        /* 10^20 + 0.1: the exact sum has 22 significant digits */
        {ADD, {1, 20, 0}, {1, -1, 0}, IPOFACTS_E_OVERFLOW, 0, 0},
        {ADD, {1, 40, 0}, {1, -40, 0}, IPOFACTS_E_OVERFLOW, 0, 0},
        /* 10^38 - 10^21 = 99999999999999999 x 10^21 (17 nines): the exponents are 20 apart,
         * the result is held as 999999999999999990 x 10^20 */
        {SUB, {1, 38, 0}, {1000, 18, 0}, IPOFACTS_OK, INT64_C(999999999999999990), 20},
        /* 10^20 - 999999999999999999 x 10^2 = 100 */
        {SUB, {1, 20, 0}, {MAX, 2, 0}, IPOFACTS_OK, 1, 2},
        /* 5 x 10^40 + 5 x 10^40 = 10^41 = 10 x 10^40 */
        {ADD, {5, 40, 0}, {5, 40, 0}, IPOFACTS_OK, 10, 40},
        {ADD, {MAX, 40, 0}, {1, 40, 0}, IPOFACTS_E_OVERFLOW, 0, 0},
        /* exponents 30 apart: 999999999999999999 x 10^40 + 10^10 */
        {ADD, {MAX, 40, 0}, {1, 10, 0}, IPOFACTS_E_OVERFLOW, 0, 0},
        {SUB, {MAX, 40, 0}, {-MAX, -40, 0}, IPOFACTS_E_OVERFLOW, 0, 0},
        /* 30 apart, but b is 10^27 once its zeros are dropped: 5 x 10^40 + 10^27 */
        {ADD, {5, 40, 0}, {INT64_C(100000000000000000), 10, 0}, IPOFACTS_OK, INT64_C(500000000000010000), 23},
        /* products: 123456789 x 12345678901 has 20 digits, none of them a trailing zero */
        {MUL, {123456789, 0, 0}, {INT64_C(12345678901), 0, 0}, IPOFACTS_E_OVERFLOW, 0, 0},
        {MUL, {MAX, 0, 0}, {MAX, 0, 0}, IPOFACTS_E_OVERFLOW, 0, 0},
        /* 1e9 x 1e10 as integers: 10^19 is held as 10^17 x 10^2 */
        {MUL, {1000000000, 0, 0}, {INT64_C(10000000000), 0, 0}, IPOFACTS_OK, INT64_C(100000000000000000), 2},
        {MUL, {1, 9, 0}, {1, 10, 0}, IPOFACTS_OK, 1, 19},
        /* exponent sums beyond [-40, 40] */
        {MUL, {1, 30, 0}, {1, 30, 0}, IPOFACTS_E_OVERFLOW, 0, 0},
        {MUL, {1, 25, 0}, {1, 20, 0}, IPOFACTS_OK, 100000, 40},
        {MUL, {1, -30, 0}, {1, -30, 0}, IPOFACTS_E_OVERFLOW, 0, 0},
        {MUL, {100, -30, 0}, {100, -12, 0}, IPOFACTS_OK, 100, -40},
        {MUL, {-2, -20, 0}, {5, -21, 0}, IPOFACTS_OK, -1, -40},
        {MUL, {-3, -20, 0}, {5, -21, 0}, IPOFACTS_E_OVERFLOW, 0, 0},
        {MUL, {-4, 0, 0}, {-25, -1, 0}, IPOFACTS_OK, 100, -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct arith_case *c = &cases[i];
        ipofacts_decimal r = {11, 11, 0};
        ipofacts_status st = c->op == ADD   ? ipofacts_decimal_add(&r, &c->a, &c->b)
                             : c->op == SUB ? ipofacts_decimal_sub(&r, &c->a, &c->b)
                                            : ipofacts_decimal_mul(&r, &c->a, &c->b);
        if (st != c->status)
            fail_msg("case %zu: status %s, want %s", i, ipofacts_status_str(st), ipofacts_status_str(c->status));
        if (st == IPOFACTS_OK) {
            if (r.coefficient != c->coefficient || r.exponent != c->exponent || r.reserved != 0)
                fail_msg("case %zu: %lld e%d, want %lld e%d", i, (long long)r.coefficient, (int)r.exponent,
                         (long long)c->coefficient, (int)c->exponent);
        } else {
            assert_dec(r, 11, 11);
        }
    }
}

static void test_decimal_arith_invalid(void **state)
{
    (void)state;
    ipofacts_decimal a = D(1, 0), r;
    ipofacts_decimal bad = D(INT64_C(1000000000000000000), 0);
    ipofacts_decimal bad_exp = D(1, 41);
    assert_int_equal(ipofacts_decimal_add(NULL, &a, &a), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_decimal_add(&r, NULL, &a), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_decimal_sub(&r, &a, NULL), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_decimal_mul(&r, &a, NULL), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_decimal_add(&r, &bad, &a), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_decimal_sub(&r, &a, &bad_exp), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_decimal_mul(&r, &bad, &a), IPOFACTS_E_INVALID);
}

struct cmp_case {
    const char *a, *b;
    int want;
};

static void test_decimal_cmp_table(void **state)
{
    (void)state;
    static const struct cmp_case cases[] = {
        {"1.220", "1.22", 0},
        {"3.0523e7", "30523000", 0},
        {"30523000", "30522999.9999", 1},
        {"0", "-0.00", 0},
        {"-0.247", "-0.2470000", 0},
        {"-0.247", "-0.246", -1},
        {"-1", "1", -1},
        {"5e8", "499999999.999999999", 1},
        {"1e40", "999999999999999999e22", 1},
        {"1e-40", "0", 1},
        {"-1e-40", "0", -1},
        {"999999999999999999", "1e18", -1},
        {"1e19", "999999999999999999", 1},
        {"7.822", "7.8217", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ipofacts_decimal a = P(cases[i].a), b = P(cases[i].b);
        if (ipofacts_decimal_cmp(&a, &b) != cases[i].want || ipofacts_decimal_cmp(&b, &a) != -cases[i].want)
            fail_msg("cmp(%s, %s) = %d, want %d", cases[i].a, cases[i].b, ipofacts_decimal_cmp(&a, &b),
                     cases[i].want);
    }
    /* 0.1 against 0.0999999999999999999 (18 nines after the zero) */
    ipofacts_decimal tenth = D(1, -1), nines = D(INT64_C(999999999999999999), -19);
    assert_int_equal(ipofacts_decimal_cmp(&tenth, &nines), 1);
    assert_int_equal(ipofacts_decimal_cmp(&nines, &tenth), -1);
    /* coefficients with different exponents far apart */
    ipofacts_decimal huge = D(1, 40), tiny = D(IPOFACTS_DECIMAL_COEFFICIENT_MAX, -40);
    assert_int_equal(ipofacts_decimal_cmp(&huge, &tiny), 1);
    ipofacts_decimal x = D(1, 0);
    assert_int_equal(ipofacts_decimal_cmp(NULL, NULL), 0);
    assert_int_equal(ipofacts_decimal_cmp(NULL, &x), -1);
    assert_int_equal(ipofacts_decimal_cmp(&x, NULL), 1);
}

struct round_case {
    const char *value;
    int32_t decimals;
    ipofacts_rounding mode;
    ipofacts_status status;
    int64_t coefficient;
    int32_t exponent;
};

static void test_decimal_round_table(void **state)
{
    (void)state;
    static const struct round_case cases[] = {
        /* 27063000 / 3460000 = 7.82167630...: 782.2% is 7.822 to 3 decimals */
        {"7.82167630", 3, IPOFACTS_ROUND_HALF_UP, IPOFACTS_OK, 7822, -3},
        {"7.82167630", 3, IPOFACTS_ROUND_TRUNCATE, IPOFACTS_OK, 7821, -3},
        {"7.82167630", 3, IPOFACTS_ROUND_FLOOR, IPOFACTS_OK, 7821, -3},
        {"7.82167630", 3, IPOFACTS_ROUND_CEILING, IPOFACTS_OK, 7822, -3},
        {"7.82167630", 3, IPOFACTS_ROUND_HALF_EVEN, IPOFACTS_OK, 7822, -3},
        /* 30523000 to 萬 (decimals -4): 3052.3 -> 3052 萬 */
        {"30523000", -4, IPOFACTS_ROUND_HALF_UP, IPOFACTS_OK, 3052, 4},
        {"30525000", -4, IPOFACTS_ROUND_HALF_UP, IPOFACTS_OK, 3053, 4},
        {"30525000", -4, IPOFACTS_ROUND_HALF_EVEN, IPOFACTS_OK, 3052, 4},
        {"30535000", -4, IPOFACTS_ROUND_HALF_EVEN, IPOFACTS_OK, 3054, 4},
        {"30525001", -4, IPOFACTS_ROUND_HALF_EVEN, IPOFACTS_OK, 3053, 4},
        /* ties and signs, all five modes */
        {"2.5", 0, IPOFACTS_ROUND_HALF_UP, IPOFACTS_OK, 3, 0},
        {"2.5", 0, IPOFACTS_ROUND_HALF_EVEN, IPOFACTS_OK, 2, 0},
        {"2.5", 0, IPOFACTS_ROUND_TRUNCATE, IPOFACTS_OK, 2, 0},
        {"2.5", 0, IPOFACTS_ROUND_FLOOR, IPOFACTS_OK, 2, 0},
        {"2.5", 0, IPOFACTS_ROUND_CEILING, IPOFACTS_OK, 3, 0},
        {"-2.5", 0, IPOFACTS_ROUND_HALF_UP, IPOFACTS_OK, -3, 0},
        {"-2.5", 0, IPOFACTS_ROUND_HALF_EVEN, IPOFACTS_OK, -2, 0},
        {"-2.5", 0, IPOFACTS_ROUND_TRUNCATE, IPOFACTS_OK, -2, 0},
        {"-2.5", 0, IPOFACTS_ROUND_FLOOR, IPOFACTS_OK, -3, 0},
        {"-2.5", 0, IPOFACTS_ROUND_CEILING, IPOFACTS_OK, -2, 0},
        {"3.5", 0, IPOFACTS_ROUND_HALF_EVEN, IPOFACTS_OK, 4, 0},
        {"-3.5", 0, IPOFACTS_ROUND_HALF_EVEN, IPOFACTS_OK, -4, 0},
        {"-2.4", 0, IPOFACTS_ROUND_HALF_UP, IPOFACTS_OK, -2, 0},
        {"-2.6", 0, IPOFACTS_ROUND_HALF_EVEN, IPOFACTS_OK, -3, 0},
        {"-0.2475", 3, IPOFACTS_ROUND_HALF_UP, IPOFACTS_OK, -248, -3},
        {"-0.2475", 3, IPOFACTS_ROUND_HALF_EVEN, IPOFACTS_OK, -248, -3},
        {"-0.2465", 3, IPOFACTS_ROUND_HALF_EVEN, IPOFACTS_OK, -246, -3},
        {"0.0004", 3, IPOFACTS_ROUND_CEILING, IPOFACTS_OK, 1, -3},
        {"-0.0004", 3, IPOFACTS_ROUND_CEILING, IPOFACTS_OK, 0, -3},
        {"-0.0004", 3, IPOFACTS_ROUND_FLOOR, IPOFACTS_OK, -1, -3},
        /* rounding to more digits only re-expresses the value */
        {"1.22", 3, IPOFACTS_ROUND_HALF_UP, IPOFACTS_OK, 1220, -3},
        {"3.0523e7", 0, IPOFACTS_ROUND_FLOOR, IPOFACTS_OK, 30523000, 0},
        /* ...unless the coefficient cannot hold it: then unchanged */
        {"123456789012345678", 1, IPOFACTS_ROUND_HALF_UP, IPOFACTS_OK, INT64_C(123456789012345678), 0},
        {"1.5", IPOFACTS_DECIMALS_INF, IPOFACTS_ROUND_HALF_UP, IPOFACTS_OK, 15, -1},
        {"1.5", 45, IPOFACTS_ROUND_HALF_UP, IPOFACTS_OK, 15, -1},
        /* far coarser than the value */
        {"5e8", -20, IPOFACTS_ROUND_HALF_UP, IPOFACTS_OK, 0, 20},
        {"5e8", -20, IPOFACTS_ROUND_CEILING, IPOFACTS_OK, 1, 20},
        {"-5e8", -20, IPOFACTS_ROUND_FLOOR, IPOFACTS_OK, -1, 20},
        {"999999999999999999", -18, IPOFACTS_ROUND_HALF_UP, IPOFACTS_OK, 1, 18},
        {"999999999999999999", -17, IPOFACTS_ROUND_HALF_UP, IPOFACTS_OK, 10, 17},
        {"123", -50, IPOFACTS_ROUND_TRUNCATE, IPOFACTS_OK, 0, 40},
        /* 10^50 is 10^10 x 10^40 */
        {"123", -50, IPOFACTS_ROUND_CEILING, IPOFACTS_OK, 10000000000, 40},
        {"123", INT32_MIN, IPOFACTS_ROUND_CEILING, IPOFACTS_E_OVERFLOW, 0, 0},
        {"-123", INT32_MIN, IPOFACTS_ROUND_CEILING, IPOFACTS_OK, 0, 40},
        {"1", 0, (ipofacts_rounding)5, IPOFACTS_E_INVALID, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct round_case *c = &cases[i];
        ipofacts_decimal v = P(c->value), r = {11, 11, 0};
        ipofacts_status st = ipofacts_decimal_round(&r, &v, c->decimals, c->mode);
        if (st != c->status)
            fail_msg("round(%s, %d, %d): %s", c->value, (int)c->decimals, (int)c->mode, ipofacts_status_str(st));
        if (st == IPOFACTS_OK && (r.coefficient != c->coefficient || r.exponent != c->exponent))
            fail_msg("round(%s, %d, %d) = %lld e%d, want %lld e%d", c->value, (int)c->decimals, (int)c->mode,
                     (long long)r.coefficient, (int)r.exponent, (long long)c->coefficient, (int)c->exponent);
        if (st != IPOFACTS_OK)
            assert_dec(r, 11, 11);
    }
    ipofacts_decimal v = D(1, 0), r;
    assert_int_equal(ipofacts_decimal_round(NULL, &v, 0, IPOFACTS_ROUND_HALF_UP), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_decimal_round(&r, NULL, 0, IPOFACTS_ROUND_HALF_UP), IPOFACTS_E_INVALID);
}

static void test_decimal_small_functions(void **state)
{
    (void)state;
    ipofacts_decimal d = D(1220, -3);
    assert_dec(ipofacts_decimal_normalize(&d), 122, -2);
    d = D(3000, 0);
    assert_dec(ipofacts_decimal_normalize(&d), 3, 3);
    d = D(30523000, 0);
    assert_dec(ipofacts_decimal_normalize(&d), 30523, 3);
    d = D(0, -5);
    assert_dec(ipofacts_decimal_normalize(&d), 0, 0);
    d = D(-7, -2);
    assert_dec(ipofacts_decimal_normalize(&d), -7, -2);
    d = D(100, 39); /* stops at the largest exponent */
    assert_dec(ipofacts_decimal_normalize(&d), 10, 40);

    d = D(-247, -3);
    assert_int_equal(ipofacts_decimal_sign(&d), -1);
    assert_int_equal(ipofacts_decimal_stated_decimals(&d), 3);
    d = D(0, -2);
    assert_int_equal(ipofacts_decimal_sign(&d), 0);
    d = P("3.0523e7"); /* 3052.3 萬 */
    assert_int_equal(ipofacts_decimal_sign(&d), 1);
    assert_int_equal(ipofacts_decimal_stated_decimals(&d), -3);
    d = P("3.46e6"); /* 346 萬 */
    assert_int_equal(ipofacts_decimal_stated_decimals(&d), -4);
    d = P("2.44e8"); /* 2.44 億 */
    assert_int_equal(ipofacts_decimal_stated_decimals(&d), -6);
    d = D(800, 8); /* 800 億: trailing zeros of the text count */
    assert_int_equal(ipofacts_decimal_stated_decimals(&d), -8);
    d = P("7.822");
    assert_int_equal(ipofacts_decimal_stated_decimals(&d), 3);

    /* to_double */
    d = D(30523, 3);
    assert_true(ipofacts_decimal_to_double(&d) == 30523000.0);
    d = D(-247, -3);
    assert_true(ipofacts_decimal_to_double(&d) == -0.247);
    d = D(1, -1);
    assert_true(ipofacts_decimal_to_double(&d) == 0.1);
    d = D(IPOFACTS_DECIMAL_COEFFICIENT_MAX, 40);
    assert_true(ipofacts_decimal_to_double(&d) == 9.99999999999999999e57);
    d = D(1, -40);
    assert_true(ipofacts_decimal_to_double(&d) == 1e-40);
    /* 2^53 + 1 rounds to even: 9007199254740992 */
    d = D(INT64_C(9007199254740993), 0);
    assert_true(ipofacts_decimal_to_double(&d) == 9007199254740992.0);
    assert_true(ipofacts_decimal_to_double(NULL) == 0.0);
}

static void test_decimal_properties(void **state)
{
    (void)state;
    rng_state = UINT64_C(0x243F6A8885A308D3);
    int checked_round_trip = 0, checked_sub = 0;
    for (int i = 0; i < 5000; i++) {
        ipofacts_decimal a = D(rng_coefficient(), (int32_t)rng_range(-40, 40));
        ipofacts_decimal b = D(rng_coefficient(), (int32_t)(rng_range(0, 1) ? rng_range(-40, 40)
                                                                           : a.exponent + rng_range(-5, 5)));
        if (b.exponent > 40)
            b.exponent = 40;
        if (b.exponent < -40)
            b.exponent = -40;

        /* format then parse */
        char buf[IPOFACTS_DECIMAL_STRING_SIZE];
        assert_int_equal(ipofacts_decimal_format(&a, buf, sizeof buf), IPOFACTS_OK);
        ipofacts_decimal back = {0, 0, 0};
        ipofacts_status st = ipofacts_decimal_parse(&back, buf, strlen(buf));
        char digits[24];
        int n = snprintf(digits, sizeof digits, "%lld", (long long)llabs(a.coefficient));
        if (a.exponent <= 0) {
            assert_int_equal(st, IPOFACTS_OK);
            assert_dec(back, a.coefficient, a.exponent);
            checked_round_trip++;
        } else if (a.coefficient == 0) {
            assert_int_equal(st, IPOFACTS_OK);
            assert_dec(back, 0, 0);
        } else if (n + a.exponent <= 18) {
            /* trailing zeros of an integer are kept as stated digits */
            assert_int_equal(st, IPOFACTS_OK);
            assert_int_equal(back.exponent, 0);
            assert_int_equal(ipofacts_decimal_cmp(&back, &a), 0);
        } else {
            assert_int_equal(st, IPOFACTS_E_OVERFLOW);
        }

        /* cmp is antisymmetric and agrees with sub */
        int c = ipofacts_decimal_cmp(&a, &b);
        assert_true(c >= -1 && c <= 1);
        assert_int_equal(ipofacts_decimal_cmp(&b, &a), -c);
        assert_int_equal(ipofacts_decimal_cmp(&a, &a), 0);
        ipofacts_decimal diff, sum, prod;
        if (ipofacts_decimal_sub(&diff, &a, &b) == IPOFACTS_OK) {
            assert_int_equal(ipofacts_decimal_sign(&diff), c);
            /* (a - b) + b == a */
            ipofacts_decimal again;
            if (ipofacts_decimal_add(&again, &diff, &b) == IPOFACTS_OK)
                assert_int_equal(ipofacts_decimal_cmp(&again, &a), 0);
            checked_sub++;
        }
        /* add is commutative, to the representation */
        ipofacts_decimal s1, s2;
        ipofacts_status st1 = ipofacts_decimal_add(&s1, &a, &b);
        ipofacts_status st2 = ipofacts_decimal_add(&s2, &b, &a);
        assert_int_equal(st1, st2);
        if (st1 == IPOFACTS_OK) {
            assert_dec(s2, s1.coefficient, s1.exponent);
            sum = s1;
            /* the sum as a double is close to the sum of doubles */
            double ds = ipofacts_decimal_to_double(&sum);
            double da = ipofacts_decimal_to_double(&a), db = ipofacts_decimal_to_double(&b);
            assert_true(fabs(ds - (da + db)) <= 1e-12 * (fabs(da) + fabs(db)) + 1e-300);
        }
        /* mul: commutative, sign rule, exact against 128-bit arithmetic */
        ipofacts_decimal p2;
        st1 = ipofacts_decimal_mul(&prod, &a, &b);
        st2 = ipofacts_decimal_mul(&p2, &b, &a);
        assert_int_equal(st1, st2);
        if (st1 == IPOFACTS_OK) {
            assert_dec(p2, prod.coefficient, prod.exponent);
            assert_int_equal(ipofacts_decimal_sign(&prod), ipofacts_decimal_sign(&a) * ipofacts_decimal_sign(&b));
            __extension__ __int128 want = (__int128)a.coefficient * b.coefficient;
            __extension__ __int128 got = prod.coefficient;
            int64_t shift = (int64_t)prod.exponent - ((int64_t)a.exponent + b.exponent);
            if (want != 0) {
                /* got x 10^shift == want */
                for (; shift > 0; shift--)
                    got *= 10;
                for (; shift < 0; shift++)
                    want *= 10;
                assert_true(got == want);
            }
        }
        /* round: direction and distance */
        int32_t dec = (int32_t)rng_range(-20, 20);
        for (int mode = 0; mode <= 4; mode++) {
            ipofacts_decimal r, delta;
            if (ipofacts_decimal_round(&r, &a, dec, (ipofacts_rounding)mode) != IPOFACTS_OK)
                continue;
            if (ipofacts_decimal_sub(&delta, &r, &a) != IPOFACTS_OK)
                continue;
            /* |r - a| < 10^-dec, and <= 0.5 x 10^-dec for the half modes */
            ipofacts_decimal unit = D(1, -dec), half = D(5, -dec - 1);
            ipofacts_decimal mag = delta;
            if (mag.coefficient < 0)
                mag.coefficient = -mag.coefficient;
            assert_true(ipofacts_decimal_cmp(&mag, &unit) < 0);
            if (mode <= 1)
                assert_true(ipofacts_decimal_cmp(&mag, &half) <= 0);
            if (mode == IPOFACTS_ROUND_FLOOR)
                assert_true(ipofacts_decimal_sign(&delta) <= 0);
            if (mode == IPOFACTS_ROUND_CEILING)
                assert_true(ipofacts_decimal_sign(&delta) >= 0);
            if (mode == IPOFACTS_ROUND_TRUNCATE)
                assert_true(ipofacts_decimal_sign(&delta) * ipofacts_decimal_sign(&a) <= 0);
            /* the result is a multiple of 10^-dec */
            ipofacts_decimal nr = ipofacts_decimal_normalize(&r);
            assert_true(nr.coefficient == 0 || nr.exponent >= -dec);
        }
        /* to_double: the value lies strictly between the neighbours of the result
         * (correct rounding itself is checked on chosen values above) */
        double d = ipofacts_decimal_to_double(&a);
        if (a.coefficient != 0) {
            assert_true(cmp_double_dec(nextafter(d, -INFINITY), &a) < 0);
            assert_true(cmp_double_dec(nextafter(d, INFINITY), &a) > 0);
            assert_true(d == strtod(buf, NULL));
        } else {
            assert_true(d == 0.0);
        }
    }
    /* the generator must have exercised the interesting paths */
    assert_true(checked_round_trip > 1000);
    assert_true(checked_sub > 1000);
}

static void test_parse_random_text(void **state)
{
    (void)state;
    /* Strings over an alphabet of number characters: whatever parses must
     * print back to the same representation and agree with strtod, and the
     * date and label parsers must answer every one with a status. */
    static const char alphabet[] = "0123456789+-.eE 0019";
    rng_state = UINT64_C(0xA4093822299F31D0);
    int parsed = 0;
    for (int i = 0; i < 20000; i++) {
        char text[32];
        size_t len = (size_t)rng_range(0, 24);
        for (size_t j = 0; j < len; j++)
            text[j] = alphabet[rng_range(0, (int64_t)sizeof alphabet - 2)];
        text[len] = '\0';
        ipofacts_decimal d;
        ipofacts_status st = ipofacts_decimal_parse(&d, text, len);
        assert_true(st == IPOFACTS_OK || st == IPOFACTS_E_SYNTAX || st == IPOFACTS_E_OVERFLOW);
        if (st == IPOFACTS_OK) {
            parsed++;
            double want = strtod(text, NULL);
            assert_true(ipofacts_decimal_to_double(&d) == want);
            if (d.exponent <= 0) {
                char buf[IPOFACTS_DECIMAL_STRING_SIZE];
                ipofacts_decimal back;
                assert_int_equal(ipofacts_decimal_format(&d, buf, sizeof buf), IPOFACTS_OK);
                assert_int_equal(ipofacts_decimal_parse(&back, buf, strlen(buf)), IPOFACTS_OK);
                assert_dec(back, d.coefficient, d.exponent);
            }
        }
        ipofacts_date dt, s2, e2;
        st = ipofacts_date_parse(&dt, text, len);
        assert_true(st == IPOFACTS_OK || st == IPOFACTS_E_SYNTAX || st == IPOFACTS_E_DATE);
        st = ipofacts_period_label_parse(&s2, &e2, text, 12);
        assert_true(st == IPOFACTS_OK || st == IPOFACTS_E_SYNTAX || st == IPOFACTS_E_DATE);
        assert_int_equal(ipofacts_unit_classify(text), IPOFACTS_UNIT_INVALID);
    }
    assert_true(parsed > 1000);
}

/* ------------------------------------------------------------------ */
/* Qualifiers and intervals                                            */
/* ------------------------------------------------------------------ */

static void test_qualifier_names(void **state)
{
    (void)state;
    static const char *const names[] = {"exact", "approximately", "at_least", "at_most", "range"};
    for (int i = 0; i < 5; i++) {
        assert_string_equal(ipofacts_qualifier_name((ipofacts_qualifier)i), names[i]);
        ipofacts_qualifier q = (ipofacts_qualifier)99;
        assert_int_equal(ipofacts_qualifier_from_name(&q, names[i]), IPOFACTS_OK);
        assert_int_equal(q, i);
    }
    assert_null(ipofacts_qualifier_name((ipofacts_qualifier)5));
    assert_null(ipofacts_qualifier_name((ipofacts_qualifier)-1));
    ipofacts_qualifier q;
    assert_int_equal(ipofacts_qualifier_from_name(&q, "Exact"), IPOFACTS_E_NOT_FOUND);
    assert_int_equal(ipofacts_qualifier_from_name(&q, "about"), IPOFACTS_E_NOT_FOUND);
    assert_int_equal(ipofacts_qualifier_from_name(&q, ""), IPOFACTS_E_NOT_FOUND);
    assert_int_equal(ipofacts_qualifier_from_name(NULL, "exact"), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_qualifier_from_name(&q, NULL), IPOFACTS_E_INVALID);
}

static void test_interval_seeds(void **state)
{
    (void)state;
    ipofacts_interval iv;
    /* 3052.3 萬美元: 30523000, decimals -3 -> [30522500, 30523500] */
    ipofacts_decimal v = P("3.0523e7");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, -3, IPOFACTS_QUALIFIER_EXACT), IPOFACTS_OK);
    assert_true(iv.lo == 30522500.0);
    assert_true(iv.hi == 30523500.0);
    assert_int_equal(iv.flags, 0);
    assert_int_equal(iv.reserved, 0);
    /* 346 萬: decimals -4 -> [3455000, 3465000] */
    v = P("3.46e6");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, -4, IPOFACTS_QUALIFIER_EXACT), IPOFACTS_OK);
    assert_true(iv.lo == 3455000.0 && iv.hi == 3465000.0);
    /* 2.44 億: decimals -6 -> [243500000, 244500000] */
    v = P("2.44e8");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, -6, IPOFACTS_QUALIFIER_EXACT), IPOFACTS_OK);
    assert_true(iv.lo == 243500000.0 && iv.hi == 244500000.0);
    /* 约 5 亿美元: approximately 5e8, decimals -8 -> [4e8, 6e8] */
    v = P("5e8");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, -8, IPOFACTS_QUALIFIER_APPROXIMATELY), IPOFACTS_OK);
    assert_true(iv.lo == 4e8 && iv.hi == 6e8);
    assert_int_equal(iv.flags, 0);
    /* 超 15 亿美元: at least 1.5e9, decimals -8 -> lo 1.45e9, no upper bound */
    v = P("1.5e9");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, -8, IPOFACTS_QUALIFIER_AT_LEAST), IPOFACTS_OK);
    assert_true(iv.lo == 1.45e9);
    assert_int_equal(iv.flags, IPOFACTS_INTERVAL_NO_HI);
    /* at most: the mirror image */
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, -8, IPOFACTS_QUALIFIER_AT_MOST), IPOFACTS_OK);
    assert_true(iv.hi == 1.55e9);
    assert_int_equal(iv.flags, IPOFACTS_INTERVAL_NO_LO);
    /* 400 至 550 亿: 4e10 .. 5.5e10, decimals -8 -> [3.995e10, 5.505e10] */
    ipofacts_decimal lo = P("4.00e10"), hi = P("5.50e10");
    assert_int_equal(ipofacts_reported_interval(&iv, &lo, &hi, -8, IPOFACTS_QUALIFIER_RANGE), IPOFACTS_OK);
    assert_true(iv.lo == 3.995e10 && iv.hi == 5.505e10);
    assert_int_equal(iv.flags, 0);
    /* exact value: INF decimals */
    v = P("1837");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, IPOFACTS_DECIMALS_INF, IPOFACTS_QUALIFIER_EXACT),
                     IPOFACTS_OK);
    assert_true(iv.lo == 1837.0 && iv.hi == 1837.0);

    /* -24.7% gross margin: [-0.2475, -0.2465], neither bound a double: one step outward */
    v = P("-0.247");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, 3, IPOFACTS_QUALIFIER_EXACT), IPOFACTS_OK);
    ipofacts_decimal blo = P("-0.2475"), bhi = P("-0.2465");
    assert_true(cmp_double_dec(iv.lo, &blo) < 0);
    assert_true(cmp_double_dec(nextafter(nextafter(iv.lo, INFINITY), INFINITY), &blo) > 0);
    assert_true(cmp_double_dec(iv.hi, &bhi) > 0);
    assert_true(cmp_double_dec(nextafter(nextafter(iv.hi, -INFINITY), -INFINITY), &bhi) < 0);
    /* growth 782.2%: 7.822, decimals 3: contains the computed 7.8217... */
    v = P("7.822");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, 3, IPOFACTS_QUALIFIER_EXACT), IPOFACTS_OK);
    assert_true(iv.lo <= 27063000.0 / 3460000.0 && 27063000.0 / 3460000.0 <= iv.hi);
    assert_true(iv.lo < 7.8215 && iv.hi > 7.8225);
    /* 2^-10 = 0.0009765625 and -3 x 2^-20 = -0.00000286102294921875 are doubles */
    v = P("0.0009765625");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, IPOFACTS_DECIMALS_INF, IPOFACTS_QUALIFIER_EXACT),
                     IPOFACTS_OK);
    assert_true(iv.lo == 0.0009765625 && iv.hi == 0.0009765625);
    v = P("-0.00000286102294921875");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, IPOFACTS_DECIMALS_INF, IPOFACTS_QUALIFIER_EXACT),
                     IPOFACTS_OK);
    assert_true(iv.lo == -3.0 / 1048576.0 && iv.hi == -3.0 / 1048576.0);
    /* 0.1 is not: the nearest double 0.1000000000000000055... is above it, and each bound
     * is one step outward from that nearest double */
    v = P("0.1");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, IPOFACTS_DECIMALS_INF, IPOFACTS_QUALIFIER_EXACT),
                     IPOFACTS_OK);
    assert_true(cmp_double_dec(iv.lo, &v) < 0 && cmp_double_dec(iv.hi, &v) > 0);
    assert_true(iv.lo == nextafter(0.1, 0.0) && iv.hi == nextafter(0.1, 1.0));
    /* 2^53 + 2 is a double, 2^53 + 1 is not, 2^60 x 5 is */
    v = P("9007199254740994");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, IPOFACTS_DECIMALS_INF, IPOFACTS_QUALIFIER_EXACT),
                     IPOFACTS_OK);
    assert_true(iv.lo == 9007199254740994.0 && iv.hi == 9007199254740994.0);
    v = P("9007199254740993");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, IPOFACTS_DECIMALS_INF, IPOFACTS_QUALIFIER_EXACT),
                     IPOFACTS_OK);
    /* nearest 2^53, then one step outward each way */
    assert_true(iv.lo == 9007199254740991.0 && iv.hi == 9007199254740994.0);
    v = P("576460752303423488e1");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, IPOFACTS_DECIMALS_INF, IPOFACTS_QUALIFIER_EXACT),
                     IPOFACTS_OK);
    assert_true(iv.lo == 5764607523034234880.0 && iv.hi == iv.lo);
    /* 10^22 = 2^22 x 5^22 with 5^22 < 2^53 is a double; 10^23 is not */
    v = P("1e22");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, IPOFACTS_DECIMALS_INF, IPOFACTS_QUALIFIER_EXACT),
                     IPOFACTS_OK);
    assert_true(iv.lo == 1e22 && iv.hi == 1e22);
    v = P("1e23");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, IPOFACTS_DECIMALS_INF, IPOFACTS_QUALIFIER_EXACT),
                     IPOFACTS_OK);
    assert_true(iv.lo < iv.hi && cmp_double_dec(iv.lo, &v) < 0 && cmp_double_dec(iv.hi, &v) > 0);
    /* 0.5 is a double: [0.45, 0.55] are not, 0.25 +- 0.25 is */
    v = P("0.25");
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, 0, IPOFACTS_QUALIFIER_EXACT), IPOFACTS_OK);
    assert_true(iv.lo == -0.25 && iv.hi == 0.75);
}

static void test_interval_errors_and_extremes(void **state)
{
    (void)state;
    ipofacts_interval iv;
    ipofacts_decimal v = D(5, 8), u = D(4, 8), bad = D(1, 99);
    assert_int_equal(ipofacts_reported_interval(NULL, &v, NULL, 0, IPOFACTS_QUALIFIER_EXACT), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_reported_interval(&iv, NULL, NULL, 0, IPOFACTS_QUALIFIER_EXACT), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, 0, IPOFACTS_QUALIFIER_RANGE), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_reported_interval(&iv, &v, &u, 0, IPOFACTS_QUALIFIER_RANGE), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, 0, (ipofacts_qualifier)5), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_reported_interval(&iv, &bad, NULL, 0, IPOFACTS_QUALIFIER_EXACT), IPOFACTS_E_INVALID);
    /* a degenerate range */
    assert_int_equal(ipofacts_reported_interval(&iv, &v, &v, -8, IPOFACTS_QUALIFIER_RANGE), IPOFACTS_OK);
    assert_true(iv.lo == 4.5e8 && iv.hi == 5.5e8);
    /* h beyond the range of doubles: that side has no bound */
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, -400, IPOFACTS_QUALIFIER_EXACT), IPOFACTS_OK);
    assert_int_equal(iv.flags, IPOFACTS_INTERVAL_NO_LO | IPOFACTS_INTERVAL_NO_HI);
    assert_true(isfinite(iv.lo) && isfinite(iv.hi));
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, INT32_MIN, IPOFACTS_QUALIFIER_APPROXIMATELY),
                     IPOFACTS_OK);
    assert_int_equal(iv.flags, IPOFACTS_INTERVAL_NO_LO | IPOFACTS_INTERVAL_NO_HI);
    /* h far below the value: one step outward from the value */
    assert_int_equal(ipofacts_reported_interval(&iv, &v, NULL, 100, IPOFACTS_QUALIFIER_EXACT), IPOFACTS_OK);
    assert_true(iv.lo == nextafter(5e8, 0) && iv.hi == nextafter(5e8, INFINITY));
    /* h below the smallest double: around zero, the smallest subnormals */
    ipofacts_decimal z = D(0, 0);
    assert_int_equal(ipofacts_reported_interval(&iv, &z, NULL, 400, IPOFACTS_QUALIFIER_EXACT), IPOFACTS_OK);
    assert_true(iv.lo < 0 && iv.lo == -nextafter(0.0, 1.0) && iv.hi == nextafter(0.0, 1.0));
    assert_int_equal(ipofacts_reported_interval(&iv, &z, NULL, IPOFACTS_DECIMALS_INF, IPOFACTS_QUALIFIER_EXACT),
                     IPOFACTS_OK);
    assert_true(iv.lo == 0.0 && iv.hi == 0.0);
    /* the largest decimals */
    ipofacts_decimal big = D(IPOFACTS_DECIMAL_COEFFICIENT_MAX, 40);
    assert_int_equal(ipofacts_reported_interval(&iv, &big, NULL, -40, IPOFACTS_QUALIFIER_EXACT), IPOFACTS_OK);
    assert_true(iv.lo < 1e58 && iv.hi > 9.99e57 && isfinite(iv.hi));
    assert_int_equal(iv.flags, 0);
}

static void test_interval_properties(void **state)
{
    (void)state;
    rng_state = UINT64_C(0x13198A2E03707344);
    int tight_checks = 0;
    for (int i = 0; i < 4000; i++) {
        ipofacts_decimal v = D(rng_coefficient(), (int32_t)rng_range(-25, 25));
        int32_t dec = (int32_t)rng_range(-v.exponent - 6, -v.exponent + 6);
        ipofacts_qualifier q = (ipofacts_qualifier)rng_range(0, 4);
        ipofacts_decimal upper = v;
        if (q == IPOFACTS_QUALIFIER_RANGE) {
            ipofacts_decimal extra = D(llabs(rng_coefficient()), v.exponent);
            if (ipofacts_decimal_add(&upper, &v, &extra) != IPOFACTS_OK)
                upper = v;
        }
        ipofacts_interval iv;
        assert_int_equal(ipofacts_reported_interval(&iv, &v, q == IPOFACTS_QUALIFIER_RANGE ? &upper : NULL, dec, q),
                         IPOFACTS_OK);
        assert_true(isfinite(iv.lo) && isfinite(iv.hi));
        int k = q == IPOFACTS_QUALIFIER_APPROXIMATELY ? 2 : 1;
        /* k x h = k x 5 x 10^(-dec - 1) */
        ipofacts_decimal kh = D(5 * k, -dec - 1);
        ipofacts_decimal exact_lo, exact_hi;
        int has_lo = q != IPOFACTS_QUALIFIER_AT_MOST, has_hi = q != IPOFACTS_QUALIFIER_AT_LEAST;
        assert_int_equal((iv.flags & IPOFACTS_INTERVAL_NO_LO) != 0, !has_lo);
        assert_int_equal((iv.flags & IPOFACTS_INTERVAL_NO_HI) != 0, !has_hi);
        /* the value lies inside */
        if (has_lo)
            assert_true(cmp_double_dec(iv.lo, &v) <= 0);
        if (has_hi)
            assert_true(cmp_double_dec(iv.hi, &upper) >= 0);
        if (has_lo && ipofacts_decimal_sub(&exact_lo, &v, &kh) == IPOFACTS_OK) {
            /* outward, and at most two doubles away */
            assert_true(cmp_double_dec(iv.lo, &exact_lo) <= 0);
            assert_true(cmp_double_dec(nextafter(nextafter(iv.lo, INFINITY), INFINITY), &exact_lo) > 0);
            /* exact when the bound is a double */
            double back = ipofacts_decimal_to_double(&exact_lo);
            if (cmp_double_dec(back, &exact_lo) == 0)
                assert_true(iv.lo == back);
            tight_checks++;
        }
        if (has_hi && ipofacts_decimal_add(&exact_hi, &upper, &kh) == IPOFACTS_OK) {
            assert_true(cmp_double_dec(iv.hi, &exact_hi) >= 0);
            assert_true(cmp_double_dec(nextafter(nextafter(iv.hi, -INFINITY), -INFINITY), &exact_hi) < 0);
            double back = ipofacts_decimal_to_double(&exact_hi);
            if (cmp_double_dec(back, &exact_hi) == 0)
                assert_true(iv.hi == back);
            tight_checks++;
        }
    }
    assert_true(tight_checks > 3000);
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */
/* ------------------------------------------------------------------ */

struct date_case {
    const char *text;
    ipofacts_status status;
    int year, month, day, precision;
};

static void test_date_parse_table(void **state)
{
    (void)state;
    static const struct date_case cases[] = {
        {"2026-01-09", IPOFACTS_OK, 2026, 1, 9, IPOFACTS_DATE_DAY}, /* a listing date */
        {"2021-12", IPOFACTS_OK, 2021, 12, 0, IPOFACTS_DATE_MONTH},
        {"2022", IPOFACTS_OK, 2022, 0, 0, IPOFACTS_DATE_YEAR},
        {"2024-02-29", IPOFACTS_OK, 2024, 2, 29, IPOFACTS_DATE_DAY},
        {"2000-02-29", IPOFACTS_OK, 2000, 2, 29, IPOFACTS_DATE_DAY},
        {"0001-01-01", IPOFACTS_OK, 1, 1, 1, IPOFACTS_DATE_DAY},
        {"9999-12-31", IPOFACTS_OK, 9999, 12, 31, IPOFACTS_DATE_DAY},
        {"2025-02-29", IPOFACTS_E_DATE, 0, 0, 0, 0},
        {"1900-02-29", IPOFACTS_E_DATE, 0, 0, 0, 0},
        {"2025-04-31", IPOFACTS_E_DATE, 0, 0, 0, 0},
        {"2025-13", IPOFACTS_E_DATE, 0, 0, 0, 0},
        {"2025-00", IPOFACTS_E_DATE, 0, 0, 0, 0},
        {"2025-01-00", IPOFACTS_E_DATE, 0, 0, 0, 0},
        {"2025-01-32", IPOFACTS_E_DATE, 0, 0, 0, 0},
        {"0000", IPOFACTS_E_DATE, 0, 0, 0, 0},
        {"", IPOFACTS_E_SYNTAX, 0, 0, 0, 0},
        {"25", IPOFACTS_E_SYNTAX, 0, 0, 0, 0},
        {"2025-1-9", IPOFACTS_E_SYNTAX, 0, 0, 0, 0},
        {"2025/01/09", IPOFACTS_E_SYNTAX, 0, 0, 0, 0},
        {"2025-01-09T00", IPOFACTS_E_SYNTAX, 0, 0, 0, 0},
        {"20250109", IPOFACTS_E_SYNTAX, 0, 0, 0, 0},
        {"-2025", IPOFACTS_E_SYNTAX, 0, 0, 0, 0},
        {"2025-", IPOFACTS_E_SYNTAX, 0, 0, 0, 0},
        {"2025-0a", IPOFACTS_E_SYNTAX, 0, 0, 0, 0},
        {"2025年", IPOFACTS_E_SYNTAX, 0, 0, 0, 0},
        {"10000", IPOFACTS_E_SYNTAX, 0, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct date_case *c = &cases[i];
        ipofacts_date d = {7, 7, 7, 7, 7};
        ipofacts_status st = ipofacts_date_parse(&d, c->text, strlen(c->text));
        if (st != c->status)
            fail_msg("\"%s\": %s, want %s", c->text, ipofacts_status_str(st), ipofacts_status_str(c->status));
        if (st == IPOFACTS_OK) {
            assert_int_equal(d.year, c->year);
            assert_int_equal(d.month, c->month);
            assert_int_equal(d.day, c->day);
            assert_int_equal(d.precision, c->precision);
            assert_int_equal(d.reserved, 0);
            char buf[IPOFACTS_DATE_STRING_SIZE];
            assert_int_equal(ipofacts_date_format(&d, buf, sizeof buf), IPOFACTS_OK);
            assert_string_equal(buf, c->text);
        } else {
            assert_int_equal(d.year, 7);
        }
    }
    ipofacts_date d;
    assert_int_equal(ipofacts_date_parse(NULL, "2025", 4), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_date_parse(&d, NULL, 4), IPOFACTS_E_INVALID);
    /* only len bytes: "2025-09-30" read as "2025-09" */
    assert_int_equal(ipofacts_date_parse(&d, "2025-09-30", 7), IPOFACTS_OK);
    assert_int_equal(d.precision, IPOFACTS_DATE_MONTH);
}

static void test_date_format_make(void **state)
{
    (void)state;
    ipofacts_date d;
    char buf[IPOFACTS_DATE_STRING_SIZE];
    assert_int_equal(ipofacts_date_make(&d, 2025, 9, 30), IPOFACTS_OK);
    assert_int_equal(ipofacts_date_format(&d, buf, sizeof buf), IPOFACTS_OK);
    assert_string_equal(buf, "2025-09-30");
    assert_int_equal(ipofacts_date_format(&d, buf, 11), IPOFACTS_OK);
    assert_int_equal(ipofacts_date_format(&d, buf, 10), IPOFACTS_E_BUFFER);
    assert_string_equal(buf, "");
    assert_int_equal(ipofacts_date_make(&d, 2024, 2, 29), IPOFACTS_OK);
    assert_int_equal(ipofacts_date_make(&d, 2025, 2, 29), IPOFACTS_E_DATE);
    assert_int_equal(d.year, 2024); /* untouched by the failure */
    assert_int_equal(ipofacts_date_make(&d, 0, 1, 1), IPOFACTS_E_DATE);
    assert_int_equal(ipofacts_date_make(&d, 10000, 1, 1), IPOFACTS_E_DATE);
    assert_int_equal(ipofacts_date_make(&d, 2025, 0, 1), IPOFACTS_E_DATE);
    assert_int_equal(ipofacts_date_make(&d, 2025, 13, 1), IPOFACTS_E_DATE);
    assert_int_equal(ipofacts_date_make(&d, 2025, 6, 31), IPOFACTS_E_DATE);
    assert_int_equal(ipofacts_date_make(&d, 2025, 6, 0), IPOFACTS_E_DATE);
    assert_int_equal(ipofacts_date_make(NULL, 2025, 6, 1), IPOFACTS_E_INVALID);

    ipofacts_date unknown = {0, 0, 0, IPOFACTS_DATE_UNKNOWN, 0};
    ipofacts_date wrong = {2025, 2, 30, IPOFACTS_DATE_DAY, 0};
    ipofacts_date year_with_month = {2025, 2, 0, IPOFACTS_DATE_YEAR, 0};
    assert_int_equal(ipofacts_date_format(&unknown, buf, sizeof buf), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_date_format(&wrong, buf, sizeof buf), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_date_format(&year_with_month, buf, sizeof buf), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_date_format(NULL, buf, sizeof buf), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_date_format(&d, NULL, sizeof buf), IPOFACTS_E_INVALID);
}

static ipofacts_date DT(const char *s)
{
    ipofacts_date d;
    memset(&d, 0, sizeof d);
    if (ipofacts_date_parse(&d, s, strlen(s)) != IPOFACTS_OK)
        fail_msg("bad date %s", s);
    return d;
}

static void test_date_cmp_days(void **state)
{
    (void)state;
    ipofacts_date a = DT("2025-01-01"), b = DT("2025"), c = DT("2025-01"), e = DT("2024-12-31");
    /* a coarser date compares as its first day */
    assert_int_equal(ipofacts_date_cmp(&a, &b), 0);
    assert_int_equal(ipofacts_date_cmp(&a, &c), 0);
    assert_int_equal(ipofacts_date_cmp(&e, &b), -1);
    assert_int_equal(ipofacts_date_cmp(&b, &e), 1);
    ipofacts_date f = DT("2025-02");
    assert_int_equal(ipofacts_date_cmp(&f, &a), 1);
    ipofacts_date unknown = {0, 0, 0, IPOFACTS_DATE_UNKNOWN, 0};
    assert_int_equal(ipofacts_date_cmp(&unknown, &a), -1);
    assert_int_equal(ipofacts_date_cmp(&a, &unknown), 1);
    assert_int_equal(ipofacts_date_cmp(&unknown, &unknown), 0);

    static const struct {
        const char *date;
        int64_t days; /* from 1970-01-01, worked out with a proleptic Gregorian calendar */
    } days[] = {
        {"1970-01-01", 0},        {"1969-12-31", -1},     {"2000-03-01", 11017},  {"2024-02-29", 19782},
        {"2025-09-30", 20361},    {"2026-01-09", 20462},  {"0001-01-01", -719162}, {"9999-12-31", 2932896},
        {"1900-03-01", -25508},   {"2025", 20089},        {"2025-10", 20362},
    };
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        ipofacts_date d = DT(days[i].date);
        int64_t n = 0;
        assert_int_equal(ipofacts_date_days(&n, &d), IPOFACTS_OK);
        if (n != days[i].days)
            fail_msg("%s: %lld days, want %lld", days[i].date, (long long)n, (long long)days[i].days);
    }
    int64_t n;
    assert_int_equal(ipofacts_date_days(&n, &unknown), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_date_days(NULL, &a), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_date_days(&n, NULL), IPOFACTS_E_INVALID);

    /* every day of years 1 to 9999 follows the one before, and cmp agrees */
    ipofacts_date prev;
    assert_int_equal(ipofacts_date_make(&prev, 1, 1, 1), IPOFACTS_OK);
    int64_t prev_days;
    assert_int_equal(ipofacts_date_days(&prev_days, &prev), IPOFACTS_OK);
    long count = 1, leap_years = 0;
    for (int y = 1; y <= 9999; y++) {
        ipofacts_date feb29;
        if (ipofacts_date_make(&feb29, y, 2, 29) == IPOFACTS_OK)
            leap_years++;
        for (int m = 1; m <= 12; m++) {
            for (int dd = 1; dd <= 31; dd++) {
                ipofacts_date cur;
                if (ipofacts_date_make(&cur, y, m, dd) != IPOFACTS_OK)
                    continue;
                if (y == 1 && m == 1 && dd == 1)
                    continue;
                int64_t cd;
                assert_int_equal(ipofacts_date_days(&cd, &cur), IPOFACTS_OK);
                if (cd != prev_days + 1)
                    fail_msg("%d-%d-%d: %lld days after %lld", y, m, dd, (long long)cd, (long long)prev_days);
                assert_int_equal(ipofacts_date_cmp(&prev, &cur), -1);
                prev = cur;
                prev_days = cd;
                count++;
            }
        }
    }
    /* 9999 years of 365 days plus the leap days: 2424 of them (9999/4 - 9999/100 + 9999/400 = 2499 - 99 + 24) */
    assert_int_equal(leap_years, 2424);
    assert_int_equal(count, 9999L * 365 + 2424);
}

struct months_case {
    const char *start, *end;
    ipofacts_status status;
    int32_t months;
};

static void test_months_between(void **state)
{
    (void)state;
    static const struct months_case cases[] = {
        {"2025-01-01", "2025-09-30", IPOFACTS_OK, 9},
        {"2024-01-01", "2024-12-31", IPOFACTS_OK, 12},
        {"2022-01-01", "2024-12-31", IPOFACTS_OK, 36},
        {"2025-01-01", "2025-03-31", IPOFACTS_OK, 3},
        {"2024-02-01", "2024-02-29", IPOFACTS_OK, 1},
        {"2025-02-01", "2025-02-28", IPOFACTS_OK, 1},
        {"2025-01-15", "2025-02-14", IPOFACTS_OK, 1},
        {"2023-04-01", "2024-03-31", IPOFACTS_OK, 12},
        {"2025-01-31", "2025-02-27", IPOFACTS_OK, 1},
        /* within three days: a 52-week year ending on a Saturday */
        {"2024-01-01", "2024-12-28", IPOFACTS_OK, 12},
        {"2025-01-01", "2025-10-03", IPOFACTS_OK, 9},
        {"2025-01-01", "2025-09-27", IPOFACTS_OK, 9},
        /* not a whole number of months: nearest */
        {"2025-01-01", "2025-09-26", IPOFACTS_E_RANGE, 9},
        {"2025-01-01", "2025-09-20", IPOFACTS_E_RANGE, 9},
        {"2025-01-01", "2025-09-05", IPOFACTS_E_RANGE, 8},
        {"2025-01-01", "2025-10-04", IPOFACTS_E_RANGE, 9},
        {"2025-01-01", "2025-01-01", IPOFACTS_E_RANGE, 0},
        {"2025-01-01", "2025-01-10", IPOFACTS_E_RANGE, 0},
        /* end before start */
        {"2025-09-30", "2025-01-01", IPOFACTS_E_DATE, -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ipofacts_date s = DT(cases[i].start), e = DT(cases[i].end);
        int32_t m = -1;
        ipofacts_status st = ipofacts_months_between(&m, &s, &e);
        if (st != cases[i].status || m != cases[i].months)
            fail_msg("%s..%s: %s %d, want %s %d", cases[i].start, cases[i].end, ipofacts_status_str(st), (int)m,
                     ipofacts_status_str(cases[i].status), (int)cases[i].months);
    }
    ipofacts_date s = DT("2025-01"), e = DT("2025-09-30");
    int32_t m;
    assert_int_equal(ipofacts_months_between(&m, &s, &e), IPOFACTS_E_INVALID);
    s = DT("2025-01-01");
    assert_int_equal(ipofacts_months_between(NULL, &s, &e), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_months_between(&m, NULL, &e), IPOFACTS_E_INVALID);
    /* every whole number of months from the first of every month of years 1 to 9998 */
    static const int lengths[] = {1, 2, 3, 6, 9, 12, 13, 24};
    for (int y = 1; y <= 9998; y++) {
        for (int mo = 1; mo <= 12; mo++) {
            ipofacts_date first;
            assert_int_equal(ipofacts_date_make(&first, y, mo, 1), IPOFACTS_OK);
            for (size_t j = 0; j < sizeof lengths / sizeof lengths[0]; j++) {
                int idx = y * 12 + (mo - 1) + lengths[j] - 1; /* month of the last day */
                int ly = idx / 12, lm = idx % 12 + 1;
                if (ly > 9999)
                    continue;
                ipofacts_date last;
                int ld = lm == 2 ? ((ly % 4 == 0 && ly % 100 != 0) || ly % 400 == 0 ? 29 : 28)
                         : (lm == 4 || lm == 6 || lm == 9 || lm == 11) ? 30 : 31;
                assert_int_equal(ipofacts_date_make(&last, ly, lm, ld), IPOFACTS_OK);
                int32_t got = -1;
                if (ipofacts_months_between(&got, &first, &last) != IPOFACTS_OK || got != lengths[j])
                    fail_msg("%d-%02d-01..%d-%02d-%02d: %d months, want %d", y, mo, ly, lm, ld, (int)got,
                             lengths[j]);
                /* ten days short is not a whole number of months */
                if (ld > 10) {
                    ipofacts_date short_end;
                    assert_int_equal(ipofacts_date_make(&short_end, ly, lm, ld - 10), IPOFACTS_OK);
                    assert_int_equal(ipofacts_months_between(&got, &first, &short_end), IPOFACTS_E_RANGE);
                    assert_int_equal(got, lengths[j]);
                }
            }
        }
    }
    /* the last day of the calendar */
    s = DT("9999-01-01");
    e = DT("9999-12-31");
    assert_int_equal(ipofacts_months_between(&m, &s, &e), IPOFACTS_OK);
    assert_int_equal(m, 12);
}

/* ------------------------------------------------------------------ */
/* Period labels                                                       */
/* ------------------------------------------------------------------ */

struct label_case {
    const char *label;
    int fy_end;
    ipofacts_status status;
    const char *start, *end; /* start NULL: an instant */
    const char *format;      /* the label printed back */
};

static void test_period_labels(void **state)
{
    (void)state;
    static const struct label_case cases[] = {
        {"FY2024", 12, IPOFACTS_OK, "2024-01-01", "2024-12-31", "FY2024"},
        {"FY2022", 12, IPOFACTS_OK, "2022-01-01", "2022-12-31", "FY2022"},
        {"9M2025", 12, IPOFACTS_OK, "2025-01-01", "2025-09-30", "9M2025"},
        {"9M2024", 12, IPOFACTS_OK, "2024-01-01", "2024-09-30", "9M2024"},
        {"3M2025", 12, IPOFACTS_OK, "2025-01-01", "2025-03-31", "Q1 2025"},
        {"6M2025", 12, IPOFACTS_OK, "2025-01-01", "2025-06-30", "H1 2025"},
        {"12M2025", 12, IPOFACTS_OK, "2025-01-01", "2025-12-31", "FY2025"},
        {"1M2024", 12, IPOFACTS_OK, "2024-01-01", "2024-01-31", "1M2024"},
        {"H1 2025", 12, IPOFACTS_OK, "2025-01-01", "2025-06-30", "H1 2025"},
        {"H2 2025", 12, IPOFACTS_OK, "2025-07-01", "2025-12-31", "H2 2025"},
        {"Q1 2025", 12, IPOFACTS_OK, "2025-01-01", "2025-03-31", "Q1 2025"},
        {"Q2 2025", 12, IPOFACTS_OK, "2025-04-01", "2025-06-30", "Q2 2025"},
        {"Q3 2025", 12, IPOFACTS_OK, "2025-07-01", "2025-09-30", "Q3 2025"},
        {"Q4 2025", 12, IPOFACTS_OK, "2025-10-01", "2025-12-31", "Q4 2025"},
        {"Q1 2024", 12, IPOFACTS_OK, "2024-01-01", "2024-03-31", "Q1 2024"},
        /* a fiscal year ending in March: FY2024 is April 2023 to March 2024 */
        {"FY2024", 3, IPOFACTS_OK, "2023-04-01", "2024-03-31", "FY2024"},
        {"9M2025", 3, IPOFACTS_OK, "2024-04-01", "2024-12-31", "9M2025"},
        {"H2 2025", 3, IPOFACTS_OK, "2024-10-01", "2025-03-31", "H2 2025"},
        {"Q4 2025", 3, IPOFACTS_OK, "2025-01-01", "2025-03-31", "Q4 2025"},
        {"Q1 2025", 6, IPOFACTS_OK, "2024-07-01", "2024-09-30", "Q1 2025"},
        {"FY2024", 1, IPOFACTS_OK, "2023-02-01", "2024-01-31", "FY2024"},
        {"FY0001", 12, IPOFACTS_OK, "0001-01-01", "0001-12-31", "FY0001"},
        /* instants */
        {"2025-09-30", 12, IPOFACTS_OK, NULL, "2025-09-30", "2025-09-30"},
        {"2024-12-31", 3, IPOFACTS_OK, NULL, "2024-12-31", "2024-12-31"},
        /* unknown labels */
        {"FY24", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
        {"FY 2024", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
        {"fy2024", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
        {"FY20245", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
        {"13M2025", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
        {"0M2025", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
        {"09M2025", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
        {"9M 2025", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
        {"H3 2025", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
        {"H12025", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
        {"Q5 2025", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
        {"Q1  2025", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
        {"2025-09", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
        {"2025", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
        {"", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
        {"2025年前九個月", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
        /* an impossible instant */
        {"2025-02-29", 12, IPOFACTS_E_DATE, NULL, NULL, NULL},
        /* fiscal 1 ending in March would start in year 0 */
        {"FY0001", 3, IPOFACTS_E_DATE, NULL, NULL, NULL},
        {"FY0000", 12, IPOFACTS_E_SYNTAX, NULL, NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct label_case *c = &cases[i];
        ipofacts_date s = {7, 7, 7, 7, 7}, e = {7, 7, 7, 7, 7};
        ipofacts_status st = ipofacts_period_label_parse(&s, &e, c->label, c->fy_end);
        if (st != c->status)
            fail_msg("\"%s\" (fy end %d): %s, want %s", c->label, c->fy_end, ipofacts_status_str(st),
                     ipofacts_status_str(c->status));
        if (st != IPOFACTS_OK) {
            assert_int_equal(s.year, 7);
            assert_int_equal(e.year, 7);
            continue;
        }
        char sb[IPOFACTS_DATE_STRING_SIZE], eb[IPOFACTS_DATE_STRING_SIZE];
        if (c->start == NULL) {
            assert_int_equal(s.precision, IPOFACTS_DATE_UNKNOWN);
            assert_int_equal(s.year, 0);
        } else {
            assert_int_equal(ipofacts_date_format(&s, sb, sizeof sb), IPOFACTS_OK);
            assert_string_equal(sb, c->start);
        }
        assert_int_equal(ipofacts_date_format(&e, eb, sizeof eb), IPOFACTS_OK);
        assert_string_equal(eb, c->end);
        char lb[32];
        assert_int_equal(ipofacts_period_label_format(lb, sizeof lb, &s, &e, c->fy_end), IPOFACTS_OK);
        assert_string_equal(lb, c->format);
        /* the printed label reads back to the same dates */
        ipofacts_date s2, e2;
        assert_int_equal(ipofacts_period_label_parse(&s2, &e2, lb, c->fy_end), IPOFACTS_OK);
        assert_int_equal(ipofacts_date_cmp(&s, &s2), 0);
        assert_int_equal(ipofacts_date_cmp(&e, &e2), 0);
    }
    ipofacts_date s, e;
    assert_int_equal(ipofacts_period_label_parse(NULL, &e, "FY2024", 12), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_period_label_parse(&s, NULL, "FY2024", 12), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_period_label_parse(&s, &e, NULL, 12), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_period_label_parse(&s, &e, "FY2024", 0), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_period_label_parse(&s, &e, "FY2024", 13), IPOFACTS_E_INVALID);
}

static void test_period_label_format_other(void **state)
{
    (void)state;
    char buf[32];
    ipofacts_date s = DT("2025-01-15"), e = DT("2025-09-30");
    /* no conventional label: the dates */
    assert_int_equal(ipofacts_period_label_format(buf, sizeof buf, &s, &e, 12), IPOFACTS_OK);
    assert_string_equal(buf, "2025-01-15..2025-09-30");
    s = DT("2025-02-01");
    e = DT("2025-04-30"); /* three months, not a quarter of the fiscal year */
    assert_int_equal(ipofacts_period_label_format(buf, sizeof buf, &s, &e, 12), IPOFACTS_OK);
    assert_string_equal(buf, "2025-02-01..2025-04-30");
    /* ... but it is Q1 of a year ending in January */
    assert_int_equal(ipofacts_period_label_format(buf, sizeof buf, &s, &e, 1), IPOFACTS_OK);
    assert_string_equal(buf, "Q1 2026");
    s = DT("2024-01-01");
    e = DT("2025-12-31"); /* two years */
    assert_int_equal(ipofacts_period_label_format(buf, sizeof buf, &s, &e, 12), IPOFACTS_OK);
    assert_string_equal(buf, "2024-01-01..2025-12-31");
    s = DT("2025-04-01");
    e = DT("2025-09-30"); /* six months from April: H2 of a year ending in September? no: FY end 9 -> H2 2025 */
    assert_int_equal(ipofacts_period_label_format(buf, sizeof buf, &s, &e, 9), IPOFACTS_OK);
    assert_string_equal(buf, "H2 2025");
    assert_int_equal(ipofacts_period_label_format(buf, sizeof buf, &s, &e, 12), IPOFACTS_OK);
    assert_string_equal(buf, "2025-04-01..2025-09-30");
    /* fiscal year 10000 has no label */
    s = DT("9999-04-01");
    e = DT("9999-06-30");
    assert_int_equal(ipofacts_period_label_format(buf, sizeof buf, &s, &e, 3), IPOFACTS_OK);
    assert_string_equal(buf, "9999-04-01..9999-06-30");
    /* buffer sizes */
    s = DT("2025-01-01");
    e = DT("2025-09-30");
    assert_int_equal(ipofacts_period_label_format(buf, 7, &s, &e, 12), IPOFACTS_OK);
    assert_string_equal(buf, "9M2025");
    assert_int_equal(ipofacts_period_label_format(buf, 6, &s, &e, 12), IPOFACTS_E_BUFFER);
    assert_string_equal(buf, "");
    /* errors */
    ipofacts_date month = DT("2025-09");
    assert_int_equal(ipofacts_period_label_format(buf, sizeof buf, &s, &month, 12), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_period_label_format(buf, sizeof buf, &month, &e, 12), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_period_label_format(buf, sizeof buf, &e, &s, 12), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_period_label_format(buf, sizeof buf, &s, &e, 0), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_period_label_format(NULL, sizeof buf, &s, &e, 12), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_period_label_format(buf, sizeof buf, NULL, &e, 12), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_period_label_format(buf, sizeof buf, &s, NULL, 12), IPOFACTS_E_INVALID);
}

/* ------------------------------------------------------------------ */
/* Units                                                               */
/* ------------------------------------------------------------------ */

static void test_units(void **state)
{
    (void)state;
    static const struct {
        const char *unit;
        ipofacts_unit_kind kind;
        const char *currency; /* NULL: none */
    } cases[] = {
        {"USD", IPOFACTS_UNIT_CURRENCY, "USD"},
        {"HKD", IPOFACTS_UNIT_CURRENCY, "HKD"},
        {"CNY", IPOFACTS_UNIT_CURRENCY, "CNY"},
        {"XYZ", IPOFACTS_UNIT_CURRENCY, "XYZ"}, /* any three capital letters */
        {"pure", IPOFACTS_UNIT_PURE, NULL},
        {"count", IPOFACTS_UNIT_COUNT, NULL},
        {"shares", IPOFACTS_UNIT_COUNT, NULL},
        {"users", IPOFACTS_UNIT_COUNT, NULL},
        {"customers", IPOFACTS_UNIT_COUNT, NULL},
        {"people", IPOFACTS_UNIT_COUNT, NULL},
        {"countries", IPOFACTS_UNIT_COUNT, NULL},
        {"languages", IPOFACTS_UNIT_COUNT, NULL},
        {"institutions", IPOFACTS_UNIT_COUNT, NULL},
        {"investors", IPOFACTS_UNIT_COUNT, NULL},
        {"videos", IPOFACTS_UNIT_COUNT, NULL},
        {"views", IPOFACTS_UNIT_COUNT, NULL},
        {"parameters", IPOFACTS_UNIT_COUNT, NULL},
        {"multiple", IPOFACTS_UNIT_MULTIPLE, NULL},
        {"days", IPOFACTS_UNIT_DURATION, NULL},
        {"months", IPOFACTS_UNIT_DURATION, NULL},
        {"years", IPOFACTS_UNIT_DURATION, NULL},
        {"HKD/share", IPOFACTS_UNIT_PER_SHARE, "HKD"},
        {"USD/share", IPOFACTS_UNIT_PER_SHARE, "USD"},
        {"CNY/USD", IPOFACTS_UNIT_RATE, "CNY"},
        {"HKD/USD", IPOFACTS_UNIT_RATE, "HKD"},
        {"USD/HKD", IPOFACTS_UNIT_RATE, "USD"},
        /* not units */
        {"", IPOFACTS_UNIT_INVALID, NULL},
        {"usd", IPOFACTS_UNIT_INVALID, NULL},
        {"US", IPOFACTS_UNIT_INVALID, NULL},
        {"USDT", IPOFACTS_UNIT_INVALID, NULL},
        {"US1", IPOFACTS_UNIT_INVALID, NULL},
        {"Usd", IPOFACTS_UNIT_INVALID, NULL},
        {"ÄBC", IPOFACTS_UNIT_INVALID, NULL},
        {"Pure", IPOFACTS_UNIT_INVALID, NULL},
        {"percent", IPOFACTS_UNIT_INVALID, NULL},
        {"share", IPOFACTS_UNIT_INVALID, NULL},
        {"day", IPOFACTS_UNIT_INVALID, NULL},
        {"shares ", IPOFACTS_UNIT_INVALID, NULL},
        {"hkd/share", IPOFACTS_UNIT_INVALID, NULL},
        {"HKD/shares", IPOFACTS_UNIT_INVALID, NULL},
        {"HKD/Share", IPOFACTS_UNIT_INVALID, NULL},
        {"HKD/", IPOFACTS_UNIT_INVALID, NULL},
        {"/share", IPOFACTS_UNIT_INVALID, NULL},
        {"CNY/usd", IPOFACTS_UNIT_INVALID, NULL},
        {"CNY/USDX", IPOFACTS_UNIT_INVALID, NULL},
        {"USD/USD", IPOFACTS_UNIT_INVALID, NULL},
        {"CNY/USD/share", IPOFACTS_UNIT_INVALID, NULL},
        {"萬美元", IPOFACTS_UNIT_INVALID, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ipofacts_unit_kind k = ipofacts_unit_classify(cases[i].unit);
        if (k != cases[i].kind)
            fail_msg("\"%s\": kind %d, want %d", cases[i].unit, (int)k, (int)cases[i].kind);
        char buf[8] = "zzzzzzz";
        ipofacts_status st = ipofacts_unit_currency(buf, sizeof buf, cases[i].unit);
        if (cases[i].currency == NULL) {
            assert_int_equal(st, IPOFACTS_E_UNIT);
        } else {
            assert_int_equal(st, IPOFACTS_OK);
            assert_string_equal(buf, cases[i].currency);
        }
    }
    assert_int_equal(ipofacts_unit_classify(NULL), IPOFACTS_UNIT_INVALID);
    char buf[4];
    assert_int_equal(ipofacts_unit_currency(buf, 4, "USD/share"), IPOFACTS_OK);
    assert_string_equal(buf, "USD");
    assert_int_equal(ipofacts_unit_currency(buf, 3, "USD"), IPOFACTS_E_BUFFER);
    assert_string_equal(buf, "");
    assert_int_equal(ipofacts_unit_currency(buf, 0, "USD"), IPOFACTS_E_BUFFER);
    assert_int_equal(ipofacts_unit_currency(NULL, 4, "USD"), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_unit_currency(buf, 4, NULL), IPOFACTS_E_INVALID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decimal_parse_table),
        cmocka_unit_test(test_decimal_parse_length),
        cmocka_unit_test(test_decimal_format_table),
        cmocka_unit_test(test_decimal_format_errors),
        cmocka_unit_test(test_decimal_make),
        cmocka_unit_test(test_decimal_arith_table),
        cmocka_unit_test(test_decimal_arith_invalid),
        cmocka_unit_test(test_decimal_cmp_table),
        cmocka_unit_test(test_decimal_round_table),
        cmocka_unit_test(test_decimal_small_functions),
        cmocka_unit_test(test_decimal_properties),
        cmocka_unit_test(test_parse_random_text),
        cmocka_unit_test(test_qualifier_names),
        cmocka_unit_test(test_interval_seeds),
        cmocka_unit_test(test_interval_errors_and_extremes),
        cmocka_unit_test(test_interval_properties),
        cmocka_unit_test(test_date_parse_table),
        cmocka_unit_test(test_date_format_make),
        cmocka_unit_test(test_date_cmp_days),
        cmocka_unit_test(test_months_between),
        cmocka_unit_test(test_period_labels),
        cmocka_unit_test(test_period_label_format_other),
        cmocka_unit_test(test_units),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
