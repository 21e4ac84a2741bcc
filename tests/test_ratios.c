/*
 * Tests of the ratio layer (ipofacts/ratios.h): interval arithmetic, every
 * value-level ratio and every refusal, worked out by hand from the seed
 * articles' figures; company-level ratios on fixture datasets
 * (tests/data/ratios/) and on the built-in data; and interval properties
 * over many generated inputs, checked with exact rational arithmetic.
 */
#include <float.h>
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

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* An operand from a decimal string, its decimals, qualifier and unit. */
static ipofacts_ratio in(const char *value, int32_t decimals, ipofacts_qualifier q, const char *unit)
{
    ipofacts_decimal d;
    ipofacts_ratio r;
    assert_int_equal(ipofacts_decimal_parse(&d, value, strlen(value)), IPOFACTS_OK);
    assert_int_equal(ipofacts_ratio_input(&r, &d, NULL, decimals, q, unit), IPOFACTS_OK);
    return r;
}

static ipofacts_ratio ex(const char *value, int32_t decimals, const char *unit)
{
    return in(value, decimals, IPOFACTS_QUALIFIER_EXACT, unit);
}

static ipofacts_ratio range(const char *lo, const char *hi, int32_t decimals, const char *unit)
{
    ipofacts_decimal a, b;
    ipofacts_ratio r;
    assert_int_equal(ipofacts_decimal_parse(&a, lo, strlen(lo)), IPOFACTS_OK);
    assert_int_equal(ipofacts_decimal_parse(&b, hi, strlen(hi)), IPOFACTS_OK);
    assert_int_equal(ipofacts_ratio_input(&r, &a, &b, decimals, IPOFACTS_QUALIFIER_RANGE, unit), IPOFACTS_OK);
    return r;
}

static ipofacts_ratio plain(double value, double lo, double hi, uint32_t flags, const char *unit)
{
    ipofacts_interval iv = {lo, hi, flags, 0};
    ipofacts_ratio r;
    assert_int_equal(ipofacts_ratio_input_interval(&r, value, &iv, unit), IPOFACTS_OK);
    return r;
}

static int near_rel(double a, double b, double rel)
{
    return fabs(a - b) <= rel * fmax(fabs(a), fabs(b)) + 1e-300;
}

/* The result is OK, its value about v, and its interval contains the
 * exact bounds [lo, hi] worked out by hand and is no wider than 1e-12
 * relative beyond them. */
static void expect(const ipofacts_ratio *r, double v, double lo, double hi, const char *unit)
{
    if (r->status != IPOFACTS_RATIO_OK)
        fail_msg("status %s, expected ok", ipofacts_ratio_status_name(r->status));
    assert_int_equal(r->interval.flags, 0);
    if (!near_rel(r->value, v, 1e-9))
        fail_msg("value %.17g, expected %.17g", r->value, v);
    if (!(r->interval.lo <= lo && near_rel(r->interval.lo, lo, 1e-12)))
        fail_msg("lo %.17g, expected just below %.17g", r->interval.lo, lo);
    if (!(r->interval.hi >= hi && near_rel(r->interval.hi, hi, 1e-12)))
        fail_msg("hi %.17g, expected just above %.17g", r->interval.hi, hi);
    assert_string_equal(r->unit, unit);
    assert_true(r->flags & IPOFACTS_RATIO_FLAG_DERIVED);
    assert_false(r->flags & IPOFACTS_RATIO_FLAG_REPORTED);
}

/* A refusal: the status, and numbers that are all zero. */
static void refused(const ipofacts_ratio *r, ipofacts_ratio_status st)
{
    if (r->status != st)
        fail_msg("status %s, expected %s", ipofacts_ratio_status_name(r->status), ipofacts_ratio_status_name(st));
    assert_true(r->value == 0);
    assert_true(r->interval.lo == 0);
    assert_true(r->interval.hi == 0);
    assert_int_equal(r->interval.flags, 0);
}

/* ------------------------------------------------------------------ */
/* Interval arithmetic                                                 */
/* ------------------------------------------------------------------ */

static ipofacts_interval iv(double lo, double hi)
{
    ipofacts_interval r = {lo, hi, 0, 0};
    return r;
}

static void test_interval_exact_bounds_stay_exact(void **state)
{
    (void)state;
    ipofacts_interval a = iv(1, 2), b = iv(3, 4), r;
    assert_int_equal(ipofacts_interval_add(&r, &a, &b), IPOFACTS_RATIO_OK);
    assert_true(r.lo == 4 && r.hi == 6 && r.flags == 0);
    assert_int_equal(ipofacts_interval_sub(&r, &a, &b), IPOFACTS_RATIO_OK);
    assert_true(r.lo == -3 && r.hi == -1);
    assert_int_equal(ipofacts_interval_mul(&r, &a, &b), IPOFACTS_RATIO_OK);
    assert_true(r.lo == 3 && r.hi == 8);
    assert_int_equal(ipofacts_interval_div(&r, &b, &a), IPOFACTS_RATIO_OK);
    assert_true(r.lo == 1.5 && r.hi == 4);
    /* [0, 0] stays [0, 0]: no widening of exact results. */
    ipofacts_interval z = iv(0, 0), m = iv(-5, 7);
    assert_int_equal(ipofacts_interval_mul(&r, &z, &m), IPOFACTS_RATIO_OK);
    assert_true(r.lo == 0 && r.hi == 0);
    /* Signs: [-2, 3] x [-5, 4] = [-15, 12]. */
    ipofacts_interval c = iv(-2, 3), d = iv(-5, 4);
    assert_int_equal(ipofacts_interval_mul(&r, &c, &d), IPOFACTS_RATIO_OK);
    assert_true(r.lo == -15 && r.hi == 12);
}

static void test_interval_outward_rounding(void **state)
{
    (void)state;
    /* 1 / 3 is not a double: the bounds straddle it by one step at most. */
    ipofacts_interval one = iv(1, 1), three = iv(3, 3), r;
    assert_int_equal(ipofacts_interval_div(&r, &one, &three), IPOFACTS_RATIO_OK);
    assert_true(r.lo < r.hi);
    assert_true(fma(r.lo, 3.0, -1.0) < 0); /* lo x 3 < 1 exactly */
    assert_true(fma(r.hi, 3.0, -1.0) > 0);
    assert_true(nextafter(r.lo, 1.0) == r.hi);
    /* 0.1 + 0.2: the exact sum of the two doubles lies inside. */
    ipofacts_interval a = iv(0.1, 0.1), b = iv(0.2, 0.2);
    assert_int_equal(ipofacts_interval_add(&r, &a, &b), IPOFACTS_RATIO_OK);
    assert_true(r.lo <= 0.1 + 0.2 && r.hi >= 0.1 + 0.2);
    assert_true(r.lo < r.hi);
}

static void test_interval_division_by_zero_is_a_status(void **state)
{
    (void)state;
    ipofacts_interval a = iv(1, 2), r;
    ipofacts_interval zero = iv(0, 0), across = iv(-1, 1), touching = iv(0, 1);
    r.lo = 99;
    assert_int_equal(ipofacts_interval_div(&r, &a, &zero), IPOFACTS_RATIO_ZERO_DENOMINATOR);
    assert_true(r.lo == 0 && r.hi == 0 && r.flags == 0);
    assert_int_equal(ipofacts_interval_div(&r, &a, &across), IPOFACTS_RATIO_DENOMINATOR_STRADDLES_ZERO);
    assert_int_equal(ipofacts_interval_div(&r, &a, &touching), IPOFACTS_RATIO_DENOMINATOR_STRADDLES_ZERO);
    /* An open side reaching past zero straddles it too. */
    ipofacts_interval open_lo = {0, 3, IPOFACTS_INTERVAL_NO_LO, 0};
    assert_int_equal(ipofacts_interval_div(&r, &a, &open_lo), IPOFACTS_RATIO_DENOMINATOR_STRADDLES_ZERO);
}

static void test_interval_open_ends(void **state)
{
    (void)state;
    ipofacts_interval r;
    ipofacts_interval at_least = {2, 0, IPOFACTS_INTERVAL_NO_HI, 0};
    ipofacts_interval at_most = {0, 1, IPOFACTS_INTERVAL_NO_LO, 0};
    ipofacts_interval a = iv(1, 2), z = iv(0, 0), m = iv(-1, 2);
    /* (-inf, 1] + [2, +inf) is everything. */
    assert_int_equal(ipofacts_interval_add(&r, &at_most, &at_least), IPOFACTS_RATIO_OK);
    assert_int_equal(r.flags, IPOFACTS_INTERVAL_NO_LO | IPOFACTS_INTERVAL_NO_HI);
    /* [1, 2] + [2, +inf) = [3, +inf). */
    assert_int_equal(ipofacts_interval_add(&r, &a, &at_least), IPOFACTS_RATIO_OK);
    assert_true(r.lo == 3 && r.flags == IPOFACTS_INTERVAL_NO_HI);
    /* [1, 2] / [2, +inf) = [0, 1]. */
    assert_int_equal(ipofacts_interval_div(&r, &a, &at_least), IPOFACTS_RATIO_OK);
    assert_true(r.lo == 0 && r.hi == 1 && r.flags == 0);
    /* [2, +inf) / [1, 2] = [1, +inf). */
    assert_int_equal(ipofacts_interval_div(&r, &at_least, &a), IPOFACTS_RATIO_OK);
    assert_true(r.lo == 1 && r.flags == IPOFACTS_INTERVAL_NO_HI);
    /* [2, +inf) / [2, +inf) = [0, +inf). */
    assert_int_equal(ipofacts_interval_div(&r, &at_least, &at_least), IPOFACTS_RATIO_OK);
    assert_true(r.lo == 0 && r.flags == IPOFACTS_INTERVAL_NO_HI);
    /* 0 x unbounded is 0. */
    assert_int_equal(ipofacts_interval_mul(&r, &z, &at_least), IPOFACTS_RATIO_OK);
    assert_true(r.lo == 0 && r.hi == 0 && r.flags == 0);
    /* [-1, 2] x [2, +inf) is everything. */
    assert_int_equal(ipofacts_interval_mul(&r, &m, &at_least), IPOFACTS_RATIO_OK);
    assert_int_equal(r.flags, IPOFACTS_INTERVAL_NO_LO | IPOFACTS_INTERVAL_NO_HI);
    /* (-inf, 1] - [2, +inf) = (-inf, -1]. */
    assert_int_equal(ipofacts_interval_sub(&r, &at_most, &at_least), IPOFACTS_RATIO_OK);
    assert_true(r.hi == -1 && r.flags == IPOFACTS_INTERVAL_NO_LO);
}

static void test_interval_invalid_and_overflow(void **state)
{
    (void)state;
    ipofacts_interval r, a = iv(1, 2);
    ipofacts_interval nan_lo = iv(NAN, 1), backwards = iv(2, 1), inf_hi = iv(0, INFINITY);
    ipofacts_interval bad_flags = {0, 1, 8u, 0};
    assert_int_equal(ipofacts_interval_add(&r, &nan_lo, &a), IPOFACTS_RATIO_INVALID_INPUT);
    assert_int_equal(ipofacts_interval_add(&r, &backwards, &a), IPOFACTS_RATIO_INVALID_INPUT);
    assert_int_equal(ipofacts_interval_mul(&r, &inf_hi, &a), IPOFACTS_RATIO_INVALID_INPUT);
    assert_int_equal(ipofacts_interval_div(&r, &a, &bad_flags), IPOFACTS_RATIO_INVALID_INPUT);
    assert_int_equal(ipofacts_interval_add(&r, NULL, &a), IPOFACTS_RATIO_INVALID_INPUT);
    assert_int_equal(ipofacts_interval_add(NULL, &a, &a), IPOFACTS_RATIO_INVALID_INPUT);
    ipofacts_interval big = iv(DBL_MAX / 2, DBL_MAX), two = iv(2, 2), tiny = iv(1e-300, 1e-300);
    assert_int_equal(ipofacts_interval_mul(&r, &big, &two), IPOFACTS_RATIO_OVERFLOW);
    assert_int_equal(ipofacts_interval_add(&r, &big, &big), IPOFACTS_RATIO_OVERFLOW);
    assert_int_equal(ipofacts_interval_div(&r, &big, &tiny), IPOFACTS_RATIO_OVERFLOW);
    assert_true(r.lo == 0 && r.hi == 0 && r.flags == 0);
}

static void test_interval_contains_overlaps(void **state)
{
    (void)state;
    ipofacts_interval a = iv(1, 2), b = iv(2, 3), c = iv(2.5, 4);
    ipofacts_interval open = {5, 0, IPOFACTS_INTERVAL_NO_HI, 0};
    assert_true(ipofacts_interval_overlaps(&a, &b)); /* touching */
    assert_false(ipofacts_interval_overlaps(&a, &c));
    assert_true(ipofacts_interval_overlaps(&open, &open));
    assert_false(ipofacts_interval_overlaps(&a, &open));
    assert_true(ipofacts_interval_contains(&a, 1));
    assert_true(ipofacts_interval_contains(&a, 2));
    assert_false(ipofacts_interval_contains(&a, 2.0000001));
    assert_true(ipofacts_interval_contains(&open, 1e300));
    assert_false(ipofacts_interval_contains(&a, NAN));
    assert_false(ipofacts_interval_contains(NULL, 1));
    assert_false(ipofacts_interval_overlaps(NULL, &a));
}

/* Deterministic pseudo-random numbers (xorshift64*). */
static uint64_t rng_state = UINT64_C(0x9E3779B97F4A7C15);

static uint64_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * UINT64_C(2685821657736338717);
}

static double rnd_unit(void)
{
    return (double)(rnd() >> 11) * 0x1p-53;
}

/* A random double of varied magnitude and sign. */
static double rnd_double(void)
{
    double m = rnd_unit() * 2 - 1;
    int e = (int)(rnd() % 80) - 40;
    return ldexp(m, e);
}

static double rnd_in(double lo, double hi)
{
    switch (rnd() % 4) {
    case 0: return lo;
    case 1: return hi;
    default: {
        double x = lo + (hi - lo) * rnd_unit();
        return x < lo ? lo : (x > hi ? hi : x);
    }
    }
}

/* exact(x op y) >= lo and <= hi, decided with error-free transforms:
 * exact = p + err with p the rounded result; exact >= lo iff p > lo, or
 * p == lo and err >= 0 (p < lo gives exact < lo since |err| <= ulp/2). */
static void check_exact_inside(double p, double err, const ipofacts_interval *r)
{
    if (!(r->flags & IPOFACTS_INTERVAL_NO_LO))
        assert_true(p > r->lo || (p == r->lo && err >= 0));
    if (!(r->flags & IPOFACTS_INTERVAL_NO_HI))
        assert_true(p < r->hi || (p == r->hi && err <= 0));
}

static void test_interval_property_exact_results_inside(void **state)
{
    (void)state;
    for (int i = 0; i < 20000; i++) {
        double a1 = rnd_double(), a2 = rnd_double(), b1 = rnd_double(), b2 = rnd_double();
        ipofacts_interval a = iv(fmin(a1, a2), fmax(a1, a2)), b = iv(fmin(b1, b2), fmax(b1, b2)), r;
        double x = rnd_in(a.lo, a.hi), y = rnd_in(b.lo, b.hi);
        /* Sum: TwoSum. */
        assert_int_equal(ipofacts_interval_add(&r, &a, &b), IPOFACTS_RATIO_OK);
        double s = x + y, bb = s - x, e = (x - (s - bb)) + (y - bb);
        check_exact_inside(s, e, &r);
        /* Difference. */
        assert_int_equal(ipofacts_interval_sub(&r, &a, &b), IPOFACTS_RATIO_OK);
        s = x - y;
        bb = s - x;
        e = (x - (s - bb)) + (-y - bb);
        check_exact_inside(s, e, &r);
        /* Product: the error of x y is fma(x, y, -p). */
        assert_int_equal(ipofacts_interval_mul(&r, &a, &b), IPOFACTS_RATIO_OK);
        double p = x * y;
        check_exact_inside(p, fma(x, y, -p), &r);
        /* Quotient: exact = q + (x - q y) / y. */
        ipofacts_ratio_status st = ipofacts_interval_div(&r, &a, &b);
        if (b.lo <= 0 && b.hi >= 0) {
            assert_true(st == IPOFACTS_RATIO_DENOMINATOR_STRADDLES_ZERO || st == IPOFACTS_RATIO_ZERO_DENOMINATOR);
        } else {
            assert_int_equal(st, IPOFACTS_RATIO_OK);
            double q = x / y, rem = fma(-q, y, x);
            check_exact_inside(q, y > 0 ? rem : -rem, &r);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Operands and names                                                  */
/* ------------------------------------------------------------------ */

static void test_operands(void **state)
{
    (void)state;
    ipofacts_ratio r = ex("30523000", -3, "USD");
    /* 3052.3 萬 stands for [30522500, 30523500]. */
    assert_true(r.value == 30523000 && r.interval.lo == 30522500 && r.interval.hi == 30523500);
    assert_int_equal(r.flags, IPOFACTS_RATIO_FLAG_REPORTED);
    assert_string_equal(r.unit, "USD");
    /* 超過 37 個月: [36.5, +inf). */
    r = in("37", 0, IPOFACTS_QUALIFIER_AT_LEAST, "months");
    assert_true(r.interval.lo == 36.5 && r.interval.flags == IPOFACTS_INTERVAL_NO_HI && r.value == 37);
    /* The peg band 7.75-7.85 at decimals 2: [7.745, 7.855], value the midpoint. */
    r = range("7.75", "7.85", 2, "HKD/USD");
    assert_true(r.interval.lo <= 7.745 && r.interval.hi >= 7.855);
    ipofacts_decimal d = ipofacts_decimal_make(1, 0);
    assert_int_equal(ipofacts_ratio_input(&r, &d, NULL, 0, IPOFACTS_QUALIFIER_EXACT, "dollars"), IPOFACTS_E_UNIT);
    assert_int_equal(ipofacts_ratio_input(&r, &d, NULL, 0, IPOFACTS_QUALIFIER_EXACT, "USD/share/month"),
                     IPOFACTS_E_UNIT);
    assert_int_equal(ipofacts_ratio_input(NULL, &d, NULL, 0, IPOFACTS_QUALIFIER_EXACT, "USD"), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_ratio_input(&r, &d, NULL, 0, IPOFACTS_QUALIFIER_RANGE, "USD"), IPOFACTS_E_INVALID);
    ipofacts_interval bad = iv(1, 2);
    assert_int_equal(ipofacts_ratio_input_interval(&r, 3, &bad, "USD"), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_ratio_input_interval(&r, NAN, &bad, "USD"), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_ratio_input_interval(&r, 1.5, &bad, "furlongs"), IPOFACTS_E_UNIT);
    assert_int_equal(ipofacts_ratio_input_fact(&r, NULL), IPOFACTS_E_INVALID);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(ipofacts_ratio_status_name(IPOFACTS_RATIO_OK), "ok");
    assert_string_equal(ipofacts_ratio_status_name(IPOFACTS_RATIO_NOT_BURNING), "not_burning");
    assert_string_equal(ipofacts_ratio_status_name(IPOFACTS_RATIO_INVALID_INPUT), "invalid_input");
    assert_string_equal(ipofacts_ratio_status_name((ipofacts_ratio_status)99), "unknown");
    for (int k = 1; k < IPOFACTS_RATIO_KIND_COUNT; k++) {
        ipofacts_ratio_kind back;
        const char *name = ipofacts_ratio_kind_name((ipofacts_ratio_kind)k);
        assert_non_null(name);
        assert_int_equal(ipofacts_ratio_kind_from_name(&back, name), IPOFACTS_OK);
        assert_int_equal(back, k);
    }
    assert_null(ipofacts_ratio_kind_name((ipofacts_ratio_kind)0));
    assert_null(ipofacts_ratio_kind_name((ipofacts_ratio_kind)IPOFACTS_RATIO_KIND_COUNT));
    ipofacts_ratio_kind k;
    assert_int_equal(ipofacts_ratio_kind_from_name(&k, "ebitda"), IPOFACTS_E_NOT_FOUND);
    ipofacts_ratio_basis b;
    assert_int_equal(ipofacts_ratio_basis_from_name(&b, "adjusted_net_income"), IPOFACTS_OK);
    assert_int_equal(b, IPOFACTS_BASIS_ADJUSTED_NET_INCOME);
    assert_string_equal(ipofacts_ratio_basis_name(IPOFACTS_BASIS_FREE_CASH_FLOW), "free_cash_flow");
    assert_int_equal(ipofacts_ratio_basis_from_name(&b, "ebitda"), IPOFACTS_E_NOT_FOUND);
    assert_string_equal(ipofacts_ratio_kind_reported_concept(IPOFACTS_RATIO_KIND_GROWTH, NULL), "revenue_growth");
    assert_string_equal(ipofacts_ratio_kind_reported_concept(IPOFACTS_RATIO_KIND_SEGMENT_SHARE, NULL),
                        "revenue_share");
    assert_null(ipofacts_ratio_kind_reported_concept(IPOFACTS_RATIO_KIND_MONTHLY_BURN, NULL));
}

/* ------------------------------------------------------------------ */
/* Ratios on values, from the seed figures                             */
/* ------------------------------------------------------------------ */

static void test_growth(void **state)
{
    (void)state;
    ipofacts_ratio r;
    ipofacts_ratio fy23 = ex("3460000", -4, "USD"), fy24 = ex("30523000", -3, "USD");
    /* FY2024 over FY2023: 30523000 / 3460000 - 1 = 7.8216763 (reported
     * 782.2%); bounds 30522500 / 3465000 - 1 and 30523500 / 3455000 - 1. */
    assert_int_equal(ipofacts_ratio_growth(&r, &fy24, 12, &fy23, 12, 0), IPOFACTS_OK);
    expect(&r, 7.8216763005780345, 7.808802308802309, 7.834587554269175, "pure");
    assert_true(r.interval.lo <= 7.822 && 7.822 <= r.interval.hi);

    /* 9 months against 12 is refused, unless annualised: 53437000 x 12 / 9
     * = 71249333.33; / 30523000 - 1 = 1.3342834. */
    ipofacts_ratio m9 = ex("53437000", -3, "USD");
    ipofacts_ratio_growth(&r, &m9, 9, &fy24, 12, 0);
    refused(&r, IPOFACTS_RATIO_PERIOD_MISMATCH);
    assert_string_equal(r.unit, "pure");
    ipofacts_ratio_growth(&r, &m9, 9, &fy24, 12, IPOFACTS_RATIO_ANNUALISE);
    expect(&r, 53437000.0 * 12 / 9 / 30523000 - 1, 53436500.0 * 12 / 9 / 30523500 - 1,
           53437500.0 * 12 / 9 / 30522500 - 1, "pure");
    assert_true(r.flags & IPOFACTS_RATIO_FLAG_ANNUALISED);

    /* A loss narrowing is not growth: net loss 4.65 亿 against 2.69 亿. */
    ipofacts_ratio ni23 = ex("-269000000", -6, "USD"), ni24 = ex("-465000000", -6, "USD");
    ipofacts_ratio_growth(&r, &ni24, 12, &ni23, 12, 0);
    refused(&r, IPOFACTS_RATIO_NEGATIVE_BASE);
    ipofacts_ratio zero = ex("0", IPOFACTS_DECIMALS_INF, "USD");
    ipofacts_ratio_growth(&r, &fy24, 12, &zero, 12, 0);
    refused(&r, IPOFACTS_RATIO_ZERO_DENOMINATOR);
    /* "5 千万" at decimals -8 stands for [0, 1e8]: the base may be zero. */
    ipofacts_ratio loose = ex("50000000", -8, "USD");
    ipofacts_ratio_growth(&r, &fy24, 12, &loose, 12, 0);
    refused(&r, IPOFACTS_RATIO_DENOMINATOR_STRADDLES_ZERO);
    /* Mixed currencies, mixed units, instants against durations, missing. */
    ipofacts_ratio cny = in("370000000", -7, IPOFACTS_QUALIFIER_APPROXIMATELY, "CNY");
    ipofacts_ratio_growth(&r, &cny, 9, &m9, 9, 0);
    refused(&r, IPOFACTS_RATIO_CURRENCY_MISMATCH);
    ipofacts_ratio users = ex("212000000", -6, "users");
    ipofacts_ratio_growth(&r, &users, 9, &m9, 9, 0);
    refused(&r, IPOFACTS_RATIO_UNIT_MISMATCH);
    ipofacts_ratio_growth(&r, &fy24, 0, &fy23, 12, 0);
    refused(&r, IPOFACTS_RATIO_INVALID_INPUT);
    ipofacts_ratio_growth(&r, &fy24, 12, NULL, 12, 0);
    refused(&r, IPOFACTS_RATIO_MISSING_INPUT);
    /* A failed operand passes its status on. */
    ipofacts_ratio failed;
    ipofacts_ratio_growth(&failed, &fy24, 12, &zero, 12, 0);
    ipofacts_ratio_growth(&r, &failed, 12, &fy23, 12, 0);
    refused(&r, IPOFACTS_RATIO_ZERO_DENOMINATOR);
    assert_int_equal(ipofacts_ratio_growth(NULL, &fy24, 12, &fy23, 12, 0), IPOFACTS_E_INVALID);
    /* Overflow and open-ended inputs. */
    ipofacts_ratio huge = plain(1e300, 1e300, 1e300, 0, "USD"), small = plain(1e-10, 1e-10, 1e-10, 0, "USD");
    ipofacts_ratio_growth(&r, &huge, 12, &small, 12, 0);
    refused(&r, IPOFACTS_RATIO_OVERFLOW);
    ipofacts_ratio anything = plain(5, 0, 0, IPOFACTS_INTERVAL_NO_LO | IPOFACTS_INTERVAL_NO_HI, "USD");
    ipofacts_ratio_growth(&r, &anything, 12, &fy23, 12, 0);
    refused(&r, IPOFACTS_RATIO_UNBOUNDED);
    /* 超过 5000 萬 against 346 萬: at least 50000000 / 3465000 - 1, no upper bound. */
    ipofacts_ratio over = in("50000000", -4, IPOFACTS_QUALIFIER_AT_LEAST, "USD");
    ipofacts_ratio_growth(&r, &over, 12, &fy23, 12, 0);
    assert_int_equal(r.status, IPOFACTS_RATIO_OK);
    assert_int_equal(r.interval.flags, IPOFACTS_INTERVAL_NO_HI);
    assert_true(r.interval.lo <= 49995000.0 / 3465000 - 1 && near_rel(r.interval.lo, 49995000.0 / 3465000 - 1, 1e-12));
}

static void test_cagr(void **state)
{
    (void)state;
    ipofacts_ratio r;
    ipofacts_ratio fy23 = ex("3460000", -4, "USD"), fy24 = ex("30523000", -3, "USD");
    /* Over one year the CAGR is the growth. */
    ipofacts_ratio_cagr(&r, &fy23, &fy24, 1);
    expect(&r, 7.8216763005780345, 7.808802308802309, 7.834587554269175, "pure");
    /* Over two years: sqrt(30523000 / 3460000) - 1 = 1.9701309. */
    ipofacts_ratio_cagr(&r, &fy23, &fy24, 2);
    expect(&r, sqrt(30523000.0 / 3460000) - 1, sqrt(30522500.0 / 3465000) - 1, sqrt(30523500.0 / 3455000) - 1,
           "pure");
    ipofacts_ratio ni23 = ex("-269000000", -6, "USD"), zero = ex("0", IPOFACTS_DECIMALS_INF, "USD");
    ipofacts_ratio_cagr(&r, &ni23, &fy24, 2);
    refused(&r, IPOFACTS_RATIO_NEGATIVE_BASE);
    ipofacts_ratio_cagr(&r, &fy23, &ni23, 2);
    refused(&r, IPOFACTS_RATIO_NEGATIVE_BASE);
    ipofacts_ratio_cagr(&r, &zero, &fy24, 2);
    refused(&r, IPOFACTS_RATIO_ZERO_DENOMINATOR);
    ipofacts_ratio_cagr(&r, &fy23, &fy24, 0);
    refused(&r, IPOFACTS_RATIO_INVALID_INPUT);
    ipofacts_ratio_cagr(&r, &fy23, &fy24, NAN);
    refused(&r, IPOFACTS_RATIO_INVALID_INPUT);
}

static void test_margins(void **state)
{
    (void)state;
    ipofacts_ratio r;
    ipofacts_ratio rev23 = ex("3460000", -4, "USD"), cost23 = ex("4314000", -3, "USD");
    ipofacts_ratio rev24 = ex("30523000", -3, "USD"), cost24 = ex("26785000", -3, "USD");
    ipofacts_ratio rev25 = ex("53437000", -3, "USD"), cost25 = ex("40961000", -3, "USD");
    /* FY2023: 1 - 4314000 / 3460000 = -0.2468208 (reported -24.7%); bounds
     * 1 - 4314500 / 3455000 and 1 - 4313500 / 3465000. */
    ipofacts_ratio_gross_margin(&r, &rev23, &cost23);
    expect(&r, -0.2468208092485549, -0.2487698986975398, -0.2448773448773449, "pure");
    assert_int_equal(r.basis, IPOFACTS_BASIS_REVENUE_LESS_COST);
    /* FY2024: 0.1224650 (12.2%); 9M2025: 0.2334712 (23.3%). */
    ipofacts_ratio_gross_margin(&r, &rev24, &cost24);
    expect(&r, 0.12246502637355437, 1 - 26785500.0 / 30522500, 1 - 26784500.0 / 30523500, "pure");
    ipofacts_ratio_gross_margin(&r, &rev25, &cost25);
    expect(&r, 0.2334711903737111, 1 - 40961500.0 / 53436500, 1 - 40960500.0 / 53437500, "pure");
    /* From gross profit: 3460000 - 4314000 = -854000, / 3460000. */
    ipofacts_ratio gp;
    ipofacts_ratio_gross_profit(&gp, &rev23, &cost23);
    expect(&gp, -854000, 3455000.0 - 4314500, 3465000.0 - 4313500, "USD");
    ipofacts_ratio gp_rep = ex("-854000", -3, "USD");
    ipofacts_ratio_gross_margin_from_profit(&r, &gp_rep, &rev23);
    expect(&r, -854000.0 / 3460000, -854500.0 / 3455000, -853500.0 / 3465000, "pure");
    assert_int_equal(r.basis, IPOFACTS_BASIS_GROSS_PROFIT);
    /* Net and adjusted net margins of 9M2025: -5.12 亿 and -1.86 亿 over 5343.7 萬. */
    ipofacts_ratio ni = ex("-512000000", -6, "USD"), ani = ex("-186000000", -6, "USD");
    ipofacts_ratio_net_margin(&r, &ni, &rev25);
    expect(&r, -512000000.0 / 53437000, -512500000.0 / 53436500, -511500000.0 / 53437500, "pure");
    ipofacts_ratio_adjusted_net_margin(&r, &ani, &rev25);
    expect(&r, -186000000.0 / 53437000, -186500000.0 / 53436500, -185500000.0 / 53437500, "pure");
    /* R&D intensity 9M2025: 1.8 億 (decimals -7: [1.75e8, 1.85e8]) / 5343.7 萬
     * = 3.3684526; the reported 337.4% lies inside [3.2748538, 3.4620531]. */
    ipofacts_ratio rd = ex("180000000", -7, "USD");
    ipofacts_ratio_rd_intensity(&r, &rd, &rev25);
    expect(&r, 3.3684525703164474, 175000000.0 / 53437500, 185000000.0 / 53436500, "pure");
    assert_true(ipofacts_interval_contains(&r.interval, 3.374));
    /* Refusals: zero and negative revenue, a negative cost or R&D, currencies. */
    ipofacts_ratio zero = ex("0", IPOFACTS_DECIMALS_INF, "USD"), neg = ex("-3460000", -4, "USD");
    ipofacts_ratio_gross_margin(&r, &zero, &cost23);
    refused(&r, IPOFACTS_RATIO_ZERO_DENOMINATOR);
    ipofacts_ratio_net_margin(&r, &ni, &neg);
    refused(&r, IPOFACTS_RATIO_NEGATIVE_BASE);
    ipofacts_ratio_gross_margin(&r, &rev23, &neg);
    refused(&r, IPOFACTS_RATIO_INVALID_INPUT);
    ipofacts_ratio_gross_profit(&r, &rev23, &neg);
    refused(&r, IPOFACTS_RATIO_INVALID_INPUT);
    ipofacts_ratio_rd_intensity(&r, &neg, &rev23);
    refused(&r, IPOFACTS_RATIO_INVALID_INPUT);
    ipofacts_ratio cny = in("370000000", -7, IPOFACTS_QUALIFIER_APPROXIMATELY, "CNY");
    ipofacts_ratio_net_margin(&r, &ni, &cny);
    refused(&r, IPOFACTS_RATIO_CURRENCY_MISMATCH);
    ipofacts_ratio users = ex("212000000", -6, "users");
    ipofacts_ratio_rd_intensity(&r, &rd, &users);
    refused(&r, IPOFACTS_RATIO_UNIT_MISMATCH);
    ipofacts_ratio_gross_margin(&r, NULL, &cost23);
    refused(&r, IPOFACTS_RATIO_MISSING_INPUT);
}

static void test_shares_and_concentration(void **state)
{
    (void)state;
    ipofacts_ratio r;
    ipofacts_ratio rev25 = ex("53437000", -3, "USD");
    /* 海螺 AI 1746.4 萬 / 5343.7 萬 = 0.3268148: rounds to 32.7%, the article
     * prints 32.6%. Bounds 17463500 / 53437500 and 17464500 / 53436500. */
    ipofacts_ratio hailuo = ex("17464000", -3, "USD");
    ipofacts_ratio_share(&r, &hailuo, &rev25);
    expect(&r, 0.326814753822258, 17463500.0 / 53437500, 17464500.0 / 53436500, "pure");
    assert_false(ipofacts_interval_contains(&r.interval, 0.3265));
    ipofacts_ratio neg = ex("-17464000", -3, "USD");
    ipofacts_ratio_share(&r, &neg, &rev25);
    refused(&r, IPOFACTS_RATIO_INVALID_INPUT);

    /* Concentration FY2023: the largest customer's 37.2% of 346 萬 is 128.7
     * 萬; the five largest 60.5%, 209.3 萬 (128.7 + 35 + 20 + 15 + 10.6 萬). */
    ipofacts_ratio rev23 = ex("3460000", -4, "USD");
    ipofacts_ratio cust[6] = {ex("200000", -3, "USD"), ex("1287000", -3, "USD"), ex("106000", -3, "USD"),
                              ex("350000", -3, "USD"), ex("150000", -3, "USD"), ex("90000", -3, "USD")};
    ipofacts_ratio_concentration(&r, cust, 6, 1, &rev23);
    expect(&r, 1287000.0 / 3460000, 1286500.0 / 3465000, 1287500.0 / 3455000, "pure");
    assert_true(ipofacts_interval_contains(&r.interval, 0.372));
    assert_int_equal(r.basis, IPOFACTS_BASIS_CUSTOMER_REVENUE);
    ipofacts_ratio_concentration(&r, cust, 6, 5, &rev23);
    expect(&r, 2093000.0 / 3460000, 2090500.0 / 3465000, 2095500.0 / 3455000, "pure");
    assert_true(ipofacts_interval_contains(&r.interval, 0.605));
    ipofacts_ratio_concentration(&r, cust, 4, 5, &rev23);
    refused(&r, IPOFACTS_RATIO_MISSING_INPUT);
    ipofacts_ratio_concentration(&r, cust, 6, 0, &rev23);
    refused(&r, IPOFACTS_RATIO_INVALID_INPUT);
    ipofacts_ratio_concentration(&r, NULL, 0, 1, &rev23);
    refused(&r, IPOFACTS_RATIO_MISSING_INPUT);
    ipofacts_ratio mixed[2] = {ex("1287000", -3, "USD"), in("9000000", -6, IPOFACTS_QUALIFIER_APPROXIMATELY, "CNY")};
    ipofacts_ratio_concentration(&r, mixed, 2, 2, &rev23);
    refused(&r, IPOFACTS_RATIO_CURRENCY_MISMATCH);
}

static void test_burn_and_runway(void **state)
{
    (void)state;
    ipofacts_ratio burn, r;
    ipofacts_ratio ni = ex("-512000000", -6, "USD"), ani = ex("-186000000", -6, "USD");
    ipofacts_ratio cash = ex("1046000000", -6, "USD");
    /* Net loss 5.12 億 over nine months: 56888888.9 a month, a proxy. */
    ipofacts_ratio_monthly_burn(&burn, &ni, NULL, 9, IPOFACTS_BASIS_NET_INCOME);
    expect(&burn, 512000000.0 / 9, 511500000.0 / 9, 512500000.0 / 9, "USD/month");
    assert_true(burn.flags & IPOFACTS_RATIO_FLAG_PROXY);
    assert_int_equal(burn.basis, IPOFACTS_BASIS_NET_INCOME);
    /* Runway: 10.46 億 / 56888888.9 = 18.39 months, against the article's
     * "超過 37 個月": the claim does not hold on this basis. */
    ipofacts_ratio_runway(&r, &cash, &burn);
    expect(&r, 1046000000.0 / (512000000.0 / 9), 1045500000.0 / (512500000.0 / 9), 1046500000.0 / (511500000.0 / 9),
           "months");
    assert_int_equal(r.basis, IPOFACTS_BASIS_NET_INCOME);
    assert_true(r.flags & IPOFACTS_RATIO_FLAG_PROXY);
    ipofacts_ratio claim = in("37", 0, IPOFACTS_QUALIFIER_AT_LEAST, "months");
    assert_false(ipofacts_interval_overlaps(&claim.interval, &r.interval));
    /* On the adjusted net loss, 1.86 億 / 9 = 20666666.7 a month: 50.61
     * months, which the claim fits. */
    ipofacts_ratio_monthly_burn(&burn, &ani, NULL, 9, IPOFACTS_BASIS_ADJUSTED_NET_INCOME);
    ipofacts_ratio_runway(&r, &cash, &burn);
    expect(&r, 1046000000.0 / (186000000.0 / 9), 1045500000.0 / (186500000.0 / 9), 1046500000.0 / (185500000.0 / 9),
           "months");
    assert_true(ipofacts_interval_overlaps(&claim.interval, &r.interval));
    /* Cash bases are not proxies; free cash flow subtracts capital expenditure. */
    ipofacts_ratio ocf = ex("-300000000", -6, "USD"), capex = ex("60000000", -6, "USD");
    ipofacts_ratio_monthly_burn(&burn, &ocf, NULL, 12, IPOFACTS_BASIS_OPERATING_CASH_FLOW);
    expect(&burn, 25000000, 299500000.0 / 12, 300500000.0 / 12, "USD/month");
    assert_false(burn.flags & IPOFACTS_RATIO_FLAG_PROXY);
    ipofacts_ratio_monthly_burn(&burn, &ocf, &capex, 12, IPOFACTS_BASIS_FREE_CASH_FLOW);
    expect(&burn, 30000000, 359000000.0 / 12, 361000000.0 / 12, "USD/month");
    ipofacts_ratio_monthly_burn(&burn, &ocf, NULL, 12, IPOFACTS_BASIS_FREE_CASH_FLOW);
    refused(&burn, IPOFACTS_RATIO_MISSING_INPUT);
    /* Not burning: revenue is not an outflow; a profit neither. */
    ipofacts_ratio profit = ex("53437000", -3, "USD");
    ipofacts_ratio_monthly_burn(&burn, &profit, NULL, 9, IPOFACTS_BASIS_NET_INCOME);
    refused(&burn, IPOFACTS_RATIO_NOT_BURNING);
    ipofacts_ratio_runway(&r, &cash, &burn);
    refused(&r, IPOFACTS_RATIO_NOT_BURNING);
    ipofacts_ratio_monthly_burn(&burn, &ni, NULL, 0, IPOFACTS_BASIS_NET_INCOME);
    refused(&burn, IPOFACTS_RATIO_INVALID_INPUT);
    ipofacts_ratio_monthly_burn(&burn, &ni, NULL, 9, IPOFACTS_BASIS_GROSS_PROFIT);
    refused(&burn, IPOFACTS_RATIO_INVALID_INPUT);
    /* A loss of "5 億" at decimals -9 may be zero: the runway has no upper bound. */
    ipofacts_ratio loose = ex("-500000000", -9, "USD");
    ipofacts_ratio_monthly_burn(&burn, &loose, NULL, 9, IPOFACTS_BASIS_NET_INCOME);
    assert_int_equal(burn.status, IPOFACTS_RATIO_OK);
    assert_true(burn.interval.lo <= 0);
    ipofacts_ratio_runway(&r, &cash, &burn);
    assert_int_equal(r.status, IPOFACTS_RATIO_OK);
    assert_int_equal(r.interval.flags, IPOFACTS_INTERVAL_NO_HI);
    assert_true(r.interval.lo <= 1045500000.0 / (1000000000.0 / 9));
    /* Currencies and units. */
    ipofacts_ratio_monthly_burn(&burn, &ni, NULL, 9, IPOFACTS_BASIS_NET_INCOME);
    ipofacts_ratio cny = in("7690000000", -7, IPOFACTS_QUALIFIER_APPROXIMATELY, "CNY");
    ipofacts_ratio_runway(&r, &cny, &burn);
    refused(&r, IPOFACTS_RATIO_CURRENCY_MISMATCH);
    ipofacts_ratio_runway(&r, &cash, &ni);
    refused(&r, IPOFACTS_RATIO_UNIT_MISMATCH);
    ipofacts_ratio negcash = ex("-1", 0, "USD");
    ipofacts_ratio_runway(&r, &negcash, &burn);
    refused(&r, IPOFACTS_RATIO_INVALID_INPUT);
}

static void test_ttm_and_implied_prior(void **state)
{
    (void)state;
    ipofacts_ratio r, prior, ttm2;
    ipofacts_ratio fy24 = ex("30523000", -3, "USD"), ytd = ex("53437000", -3, "USD");
    ipofacts_ratio g = ex("1.747", 3, "pure");
    /* 9M2024 is not reported; 174.7% growth implies 53437000 / 2.747 =
     * 19452857.7 within [53436500 / 2.7475, 53437500 / 2.7465]. */
    ipofacts_ratio_implied_prior(&prior, &ytd, &g);
    expect(&prior, 53437000.0 / 2.747, 53436500.0 / 2.7475, 53437500.0 / 2.7465, "USD");
    assert_true(prior.flags & IPOFACTS_RATIO_FLAG_IMPLIED);
    /* TTM to 2025-09-30 = 30523000 + 53437000 - 19452857.7 = 64507142.3,
     * within [30522500 + 53436500 x 1.7465 / 2.7465,
     *         30523500 + 53437500 x 1.7475 / 2.7475]. */
    ipofacts_ratio_ttm_from_growth(&r, &fy24, 12, &ytd, 9, &g);
    expect(&r, 30523000 + 53437000 - 53437000.0 / 2.747, 30522500 + 53436500.0 * 1.7465 / 2.7465,
           30523500 + 53437500.0 * 1.7475 / 2.7475, "USD");
    assert_int_equal(r.basis, IPOFACTS_BASIS_IMPLIED_PRIOR);
    assert_true(r.flags & IPOFACTS_RATIO_FLAG_IMPLIED);
    /* With the implied prior as a separate input, the year to date counts
     * twice: the same value, a wider (still sound) interval. */
    ipofacts_ratio_ttm(&ttm2, &fy24, 12, &ytd, 9, &prior, 9);
    assert_int_equal(ttm2.status, IPOFACTS_RATIO_OK);
    assert_true(near_rel(ttm2.value, r.value, 1e-12));
    assert_true(ttm2.interval.lo <= r.interval.lo && ttm2.interval.hi >= r.interval.hi);
    assert_true(ttm2.flags & IPOFACTS_RATIO_FLAG_IMPLIED);
    /* Reported prior: FY + YTD - prior YTD. */
    ipofacts_ratio p9 = ex("19453000", -3, "USD");
    ipofacts_ratio_ttm(&r, &fy24, 12, &ytd, 9, &p9, 9);
    expect(&r, 30523000.0 + 53437000 - 19453000, 30522500.0 + 53436500 - 19453500, 30523500.0 + 53437500 - 19452500,
           "USD");
    assert_int_equal(r.basis, IPOFACTS_BASIS_REPORTED_PRIOR);
    /* Refusals: lengths, currencies, rates of -100% and below. */
    ipofacts_ratio_ttm(&r, &fy24, 9, &ytd, 9, &p9, 9);
    refused(&r, IPOFACTS_RATIO_PERIOD_MISMATCH);
    ipofacts_ratio_ttm(&r, &fy24, 12, &ytd, 9, &p9, 6);
    refused(&r, IPOFACTS_RATIO_PERIOD_MISMATCH);
    ipofacts_ratio_ttm_from_growth(&r, &fy24, 12, &ytd, 12, &g);
    refused(&r, IPOFACTS_RATIO_PERIOD_MISMATCH);
    ipofacts_ratio cny = in("370000000", -7, IPOFACTS_QUALIFIER_APPROXIMATELY, "CNY");
    ipofacts_ratio_ttm(&r, &fy24, 12, &cny, 9, &p9, 9);
    refused(&r, IPOFACTS_RATIO_CURRENCY_MISMATCH);
    ipofacts_ratio minus100 = ex("-1", IPOFACTS_DECIMALS_INF, "pure"), minus150 = ex("-1.5", 1, "pure");
    ipofacts_ratio_implied_prior(&r, &ytd, &minus100);
    refused(&r, IPOFACTS_RATIO_ZERO_DENOMINATOR);
    ipofacts_ratio_implied_prior(&r, &ytd, &minus150);
    refused(&r, IPOFACTS_RATIO_NEGATIVE_BASE);
    ipofacts_ratio_implied_prior(&r, &ytd, &fy24);
    refused(&r, IPOFACTS_RATIO_UNIT_MISMATCH);
    /* "超过 170%": 1 + g at least 2.695, the prior at most 53437500 / 2.695. */
    ipofacts_ratio over = in("1.70", 2, IPOFACTS_QUALIFIER_AT_LEAST, "pure");
    ipofacts_ratio_implied_prior(&r, &ytd, &over);
    assert_int_equal(r.status, IPOFACTS_RATIO_OK);
    assert_true(r.interval.lo == 0 && r.interval.hi >= 53437500.0 / 2.695);
}

static void test_market_ratios(void **state)
{
    (void)state;
    ipofacts_ratio r, usd;
    /* First-day return: 235.4 / 165 - 1 = 42.67%. With the offer price
     * exact, [235.35 / 165 - 1, 235.45 / 165 - 1] = [0.42636, 0.42697]: it
     * rounds to 43% and only truncates to the reported 42%. */
    ipofacts_ratio open = ex("235.4", 1, "HKD/share"), offer = ex("165", IPOFACTS_DECIMALS_INF, "HKD/share");
    ipofacts_ratio_first_day_return(&r, &open, &offer);
    expect(&r, 235.4 / 165 - 1, 235.35 / 165 - 1, 235.45 / 165 - 1, "pure");
    assert_false(ipofacts_interval_contains(&r.interval, 0.425));
    /* Read with decimals 0 ([164.5, 165.5]) the return could round to 42%. */
    ipofacts_ratio offer0 = ex("165", 0, "HKD/share");
    ipofacts_ratio_first_day_return(&r, &open, &offer0);
    expect(&r, 235.4 / 165 - 1, 235.35 / 165.5 - 1, 235.45 / 164.5 - 1, "pure");
    assert_true(ipofacts_interval_contains(&r.interval, 0.4249));
    ipofacts_ratio usd_offer = ex("21.2", 1, "USD/share"), cap = in("72000000000", -8, IPOFACTS_QUALIFIER_APPROXIMATELY, "HKD");
    ipofacts_ratio_first_day_return(&r, &open, &usd_offer);
    refused(&r, IPOFACTS_RATIO_CURRENCY_MISMATCH);
    ipofacts_ratio_first_day_return(&r, &cap, &offer);
    refused(&r, IPOFACTS_RATIO_UNIT_MISMATCH);
    ipofacts_ratio zero = ex("0", IPOFACTS_DECIMALS_INF, "HKD/share");
    ipofacts_ratio_first_day_return(&r, &open, &zero);
    refused(&r, IPOFACTS_RATIO_ZERO_DENOMINATOR);

    /* Implied shares: about 720 億 (approximately, decimals -8: [719e8,
     * 721e8]) / 235.4 = 305862362 shares. */
    ipofacts_ratio_implied_shares(&r, &cap, &open);
    expect(&r, 72000000000.0 / 235.4, 71900000000.0 / 235.45, 72100000000.0 / 235.35, "shares");
    ipofacts_ratio_implied_shares(&r, &cap, &usd_offer);
    refused(&r, IPOFACTS_RATIO_CURRENCY_MISMATCH);

    /* Conversion at the linked-rate band 7.75-7.85 (decimals 2: [7.745, 7.855]). */
    ipofacts_ratio peg = range("7.75", "7.85", 2, "HKD/USD");
    ipofacts_ratio_convert(&usd, &cap, &peg, "USD");
    expect(&usd, 72000000000.0 / 7.8, 71900000000.0 / 7.855, 72100000000.0 / 7.745, "USD");
    assert_true(usd.flags & IPOFACTS_RATIO_FLAG_CONVERTED);
    ipofacts_ratio back;
    ipofacts_ratio_convert(&back, &usd, &peg, "HKD");
    assert_int_equal(back.status, IPOFACTS_RATIO_OK);
    assert_true(near_rel(back.value, 72000000000.0, 1e-12));
    assert_true(back.interval.lo <= 71900000000.0 / 7.855 * 7.745);
    ipofacts_ratio_convert(&r, &open, &peg, "USD");
    expect(&r, 235.4 / 7.8, 235.35 / 7.855, 235.45 / 7.745, "USD/share");
    ipofacts_ratio_convert(&r, &cap, NULL, "USD");
    refused(&r, IPOFACTS_RATIO_CURRENCY_MISMATCH);
    ipofacts_ratio cnyusd = ex("6.92", 2, "CNY/USD");
    ipofacts_ratio_convert(&r, &cap, &cnyusd, "USD");
    refused(&r, IPOFACTS_RATIO_CURRENCY_MISMATCH);
    ipofacts_ratio_convert(&r, &cap, &open, "USD");
    refused(&r, IPOFACTS_RATIO_UNIT_MISMATCH);
    ipofacts_ratio_convert(&r, &cap, &peg, "HKD"); /* already in HKD */
    assert_int_equal(r.status, IPOFACTS_RATIO_OK);
    assert_true(r.value == cap.value);

    /* Price-to-sales at the opening: 720 億港元 / 7.8 / TTM 64507142 = 143.1. */
    ipofacts_ratio fy24 = ex("30523000", -3, "USD"), ytd = ex("53437000", -3, "USD"), g = ex("1.747", 3, "pure");
    ipofacts_ratio ttm;
    ipofacts_ratio_ttm_from_growth(&ttm, &fy24, 12, &ytd, 9, &g);
    ipofacts_ratio_price_to_sales(&r, &cap, &ttm, &peg);
    double ttm_lo = 30522500 + 53436500.0 * 1.7465 / 2.7465, ttm_hi = 30523500 + 53437500.0 * 1.7475 / 2.7475;
    expect(&r, 72000000000.0 / 7.8 / (30523000 + 53437000 - 53437000.0 / 2.747), 71900000000.0 / 7.855 / ttm_hi,
           72100000000.0 / 7.745 / ttm_lo, "multiple");
    assert_true(r.flags & IPOFACTS_RATIO_FLAG_CONVERTED);
    ipofacts_ratio_price_to_sales(&r, &cap, &ttm, NULL);
    refused(&r, IPOFACTS_RATIO_CURRENCY_MISMATCH);
    ipofacts_ratio_price_to_sales(&r, &usd, &ttm, NULL);
    assert_int_equal(r.status, IPOFACTS_RATIO_OK);
    ipofacts_ratio rev0 = ex("0", IPOFACTS_DECIMALS_INF, "USD");
    ipofacts_ratio_price_to_sales(&r, &usd, &rev0, NULL);
    refused(&r, IPOFACTS_RATIO_ZERO_DENOMINATOR);

    /* Holding value: 2.37% x 800 億 = 18.96 億 within [0.02365 x 799.5 億,
     * 0.02375 x 800.5 億]; the article prints about 20.6 億. */
    ipofacts_ratio stake = ex("0.0237", 4, "pure"), cap800 = ex("80000000000", -8, "HKD");
    ipofacts_ratio_holding_value(&r, &stake, &cap800);
    expect(&r, 1896000000, 0.02365 * 79950000000.0, 0.02375 * 80050000000.0, "HKD");
    ipofacts_ratio reported = in("2060000000", -7, IPOFACTS_QUALIFIER_APPROXIMATELY, "HKD");
    assert_false(ipofacts_interval_overlaps(&r.interval, &reported.interval));
    /* 10.61% x 800 億 = 84.88 億 against about 84.9 億: consistent. */
    ipofacts_ratio yan = ex("0.1061", 4, "pure"), yan_rep = in("8490000000", -7, IPOFACTS_QUALIFIER_APPROXIMATELY, "HKD");
    ipofacts_ratio_holding_value(&r, &yan, &cap800);
    assert_true(ipofacts_interval_overlaps(&r.interval, &yan_rep.interval));
    ipofacts_ratio over = ex("1.5", 1, "pure");
    ipofacts_ratio_holding_value(&r, &over, &cap800);
    refused(&r, IPOFACTS_RATIO_INVALID_INPUT);
    ipofacts_ratio_holding_value(&r, &cap800, &cap800);
    refused(&r, IPOFACTS_RATIO_UNIT_MISMATCH);

    /* The rate an article used: 约合 3.7 亿元 (about, decimals -7: [3.6e8,
     * 3.8e8]) for 5343.7 萬美元 = 6.924 CNY/USD within [3.6e8 / 53437500,
     * 3.8e8 / 53436500]. */
    ipofacts_ratio cny = in("370000000", -7, IPOFACTS_QUALIFIER_APPROXIMATELY, "CNY");
    ipofacts_ratio_implied_rate(&r, &cny, &ytd);
    expect(&r, 370000000.0 / 53437000, 360000000.0 / 53437500, 380000000.0 / 53436500, "CNY/USD");
    /* A converted loss: 约合 56 亿元 for about 8 亿美元 of losses. */
    ipofacts_ratio loss_cny = in("-5600000000", -8, IPOFACTS_QUALIFIER_APPROXIMATELY, "CNY");
    ipofacts_ratio loss_usd = in("-800000000", -8, IPOFACTS_QUALIFIER_APPROXIMATELY, "USD");
    ipofacts_ratio_implied_rate(&r, &loss_cny, &loss_usd);
    expect(&r, 7, 5500000000.0 / 900000000, 5700000000.0 / 700000000, "CNY/USD");
    ipofacts_ratio_implied_rate(&r, &ytd, &fy24);
    refused(&r, IPOFACTS_RATIO_UNIT_MISMATCH);
}

/* ------------------------------------------------------------------ */
/* Properties over generated inputs, checked exactly                    */
/* ------------------------------------------------------------------ */

typedef __int128 i128;

/* An i128 as the nearest-enough double (exact below 2^53). */
static double i128_to_double(i128 v)
{
    int neg = v < 0;
    unsigned __int128 u = neg ? (unsigned __int128)(-v) : (unsigned __int128)v;
    double d = ldexp((double)(uint64_t)(u >> 64), 64) + (double)(uint64_t)u;
    return neg ? -d : d;
}

/* Sign of x - n / d (d > 0), exactly: a double comparison decides when
 * the two are far apart, integer arithmetic on x = m 2^e when they are
 * close. (No long double: some tools emulate it as a double.) */
static int cmp_exact(double x, i128 n, i128 d)
{
    double q = i128_to_double(n) / i128_to_double(d);
    double diff = x - q;
    double scale = fabs(q) + fabs(x);
    if (fabs(diff) > scale * 1e-9)
        return diff > 0 ? 1 : -1;
    if (x == 0)
        return (n > 0) ? -1 : (n < 0);
    int e;
    double f = frexp(x, &e);
    i128 m = (i128)ldexp(f, 53);
    e -= 53; /* x = m 2^e */
    i128 lhs = m * d, rhs = n;
    /* Scale by a power of two with a multiplication: shifting a negative
     * value left is undefined. */
    if (e >= 0)
        lhs *= (i128)1 << e;
    else
        rhs *= (i128)1 << -e;
    return (lhs > rhs) - (lhs < rhs);
}

/* n / d lies in the result's interval. */
#define inside(r, n, d) inside_at(__LINE__, r, n, d)
static void inside_at(int line, const ipofacts_ratio *r, i128 n, i128 d)
{
    if (d < 0) {
        n = -n;
        d = -d;
    }
    if (r->status != IPOFACTS_RATIO_OK)
        fail_msg("line %d: status %s", line, ipofacts_ratio_status_name(r->status));
    if (!(r->interval.flags & IPOFACTS_INTERVAL_NO_LO) && cmp_exact(r->interval.lo, n, d) > 0)
        fail_msg("line %d: %.17g/%.17g below lo %.17g", line, (double)n, (double)d, r->interval.lo);
    if (!(r->interval.flags & IPOFACTS_INTERVAL_NO_HI) && cmp_exact(r->interval.hi, n, d) < 0)
        fail_msg("line %d: %.17g/%.17g above hi %.17g", line, (double)n, (double)d, r->interval.hi);
}

/* A generated figure: an integer coefficient with decimals d <= 0 (so the
 * interval's ends are halves of 10^-d), a qualifier, and a point inside
 * its interval as a count of halves. */
typedef struct gen {
    ipofacts_ratio r;
    i128 halves; /* the point x 2 (x 2 x 10^scale for pure figures) */
} gen;

static gen gen_amount(int64_t lo, int64_t hi, const char *unit)
{
    gen g;
    int32_t dec = -(int32_t)(rnd() % 5);
    int64_t step = 1;
    for (int i = 0; i < -dec; i++)
        step *= 10;
    int64_t v = lo + (int64_t)(rnd() % (uint64_t)(hi - lo + 1));
    v = v / step * step;
    /* At least three steps, so that no interval reaches zero. */
    if (v < 3 * step)
        v = 3 * step;
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)v);
    ipofacts_qualifier q = (rnd() % 3 == 0) ? IPOFACTS_QUALIFIER_APPROXIMATELY : IPOFACTS_QUALIFIER_EXACT;
    g.r = in(buf, dec, q, unit);
    int64_t width = (q == IPOFACTS_QUALIFIER_APPROXIMATELY ? 2 : 1) * step; /* in halves: 2h x k */
    int64_t pick = (int64_t)(rnd() % 5);
    int64_t off = pick == 0 ? -width : pick == 1 ? width : (int64_t)(rnd() % (uint64_t)(2 * width + 1)) - width;
    g.halves = (i128)2 * v + off;
    return g;
}

/* A pure figure with 3 decimals: value k / 1000, the point in units of 1/2000. */
static gen gen_pure3(int64_t lo, int64_t hi)
{
    gen g;
    int64_t k = lo + (int64_t)(rnd() % (uint64_t)(hi - lo + 1));
    char buf[32];
    snprintf(buf, sizeof buf, "%s%lld.%03lld", k < 0 ? "-" : "", (long long)(llabs(k) / 1000),
             (long long)(llabs(k) % 1000));
    g.r = ex(buf, 3, "pure");
    int64_t pick = (int64_t)(rnd() % 5);
    int64_t off = pick == 0 ? -1 : pick == 1 ? 1 : (int64_t)(rnd() % 3) - 1;
    g.halves = (i128)2 * k + off;
    return g;
}

static void test_property_ratios_contain_exact_values(void **state)
{
    (void)state;
    ipofacts_ratio r;
    for (int i = 0; i < 3000; i++) {
        gen a = gen_amount(1000, 90000000, "USD"), b = gen_amount(1000, 90000000, "USD");
        gen c = gen_amount(1000, 90000000, "USD");
        if (a.halves <= 0 || b.halves <= 0 || c.halves <= 0)
            continue;
        /* growth = a / b - 1 = (a - b) / b */
        ipofacts_ratio_growth(&r, &a.r, 12, &b.r, 12, 0);
        inside(&r, a.halves - b.halves, b.halves);
        /* gross margin = 1 - c / a */
        ipofacts_ratio_gross_margin(&r, &a.r, &c.r);
        inside(&r, a.halves - c.halves, a.halves);
        /* gross profit = a - c (halves / 2) */
        ipofacts_ratio_gross_profit(&r, &a.r, &c.r);
        inside(&r, a.halves - c.halves, 2);
        /* share = c / a */
        ipofacts_ratio_share(&r, &c.r, &a.r);
        inside(&r, c.halves, a.halves);
        /* burn from a loss -c over 9 months: c / 9; runway a / (c / 9) */
        gen loss = c;
        loss.r = c.r;
        loss.r.value = -c.r.value;
        double lo = c.r.interval.lo;
        loss.r.interval.lo = -c.r.interval.hi;
        loss.r.interval.hi = -lo;
        ipofacts_ratio burn;
        ipofacts_ratio_monthly_burn(&burn, &loss.r, NULL, 9, IPOFACTS_BASIS_NET_INCOME);
        inside(&burn, c.halves, 2 * 9);
        ipofacts_ratio_runway(&r, &a.r, &burn);
        inside(&r, a.halves * 9, c.halves);
        /* TTM = a + b - c */
        ipofacts_ratio_ttm(&r, &a.r, 12, &b.r, 9, &c.r, 9);
        inside(&r, a.halves + b.halves - c.halves, 2);
        /* holding value = s x a, s = k / 10000 with decimals 4 */
        int64_t k = (int64_t)(rnd() % 10000);
        char sb[16];
        snprintf(sb, sizeof sb, "0.%04lld", (long long)k);
        ipofacts_ratio s = ex(sb, 4, "pure");
        i128 sh = (i128)2 * k + (int64_t)(rnd() % 3) - 1; /* in units of 1/20000 */
        if (sh >= 0) {
            ipofacts_ratio_holding_value(&r, &s, &a.r);
            inside(&r, sh * a.halves, (i128)20000 * 2);
        }
        /* implied prior and TTM from growth with g = p / 2000 */
        gen g = gen_pure3(-500, 9000);
        i128 den = 2000 + g.halves; /* (1 + g) x 2000 */
        if (den > 0 && g.r.interval.lo > -1) {
            ipofacts_ratio_implied_prior(&r, &b.r, &g.r);
            inside(&r, b.halves * 1000, den);
            ipofacts_ratio_ttm_from_growth(&r, &a.r, 12, &b.r, 9, &g.r);
            /* a + b g / (1 + g) = (a (2000 + G) + b G) / (2000 + G), halves */
            inside(&r, a.halves * den + b.halves * g.halves, den * 2);
        }
        /* conversion and price-to-sales at a rate x = X / 200 (decimals 2) */
        int64_t x = 500 + (int64_t)(rnd() % 1000);
        char xb[16];
        snprintf(xb, sizeof xb, "%lld.%02lld", (long long)(x / 100), (long long)(x % 100));
        ipofacts_ratio rate = ex(xb, 2, "HKD/USD");
        i128 xh = (i128)2 * x + (int64_t)(rnd() % 3) - 1;
        gen cap = gen_amount(1000, 900000000, "HKD");
        if (cap.halves > 0) {
            ipofacts_ratio usd;
            ipofacts_ratio_convert(&usd, &cap.r, &rate, "USD");
            inside(&usd, cap.halves * 100, xh);
            ipofacts_ratio_price_to_sales(&r, &cap.r, &a.r, &rate);
            inside(&r, cap.halves * 200, xh * a.halves);
            ipofacts_ratio_implied_rate(&r, &cap.r, &a.r);
            inside(&r, cap.halves, a.halves);
        }
        /* first-day return and implied shares on prices per share */
        gen p1 = gen_amount(1, 90000, "HKD/share"), p0 = gen_amount(1, 90000, "HKD/share");
        if (p1.halves > 0 && p0.halves > 0) {
            ipofacts_ratio_first_day_return(&r, &p1.r, &p0.r);
            inside(&r, p1.halves - p0.halves, p0.halves);
            if (cap.halves > 0) {
                ipofacts_ratio_implied_shares(&r, &cap.r, &p0.r);
                inside(&r, cap.halves, p0.halves);
            }
        }
        /* concentration: the two largest of three */
        ipofacts_ratio cs[3] = {a.r, b.r, c.r};
        i128 h[3] = {a.halves, b.halves, c.halves};
        for (int u = 0; u < 3; u++)
            for (int w = u + 1; w < 3; w++)
                if (h[w] > h[u]) {
                    i128 t = h[u];
                    h[u] = h[w];
                    h[w] = t;
                }
        gen rev = gen_amount(1000, 900000000, "USD");
        if (rev.halves > 0) {
            ipofacts_ratio_concentration(&r, cs, 3, 2, &rev.r);
            inside(&r, h[0] + h[1], rev.halves);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Ratios on a company                                                 */
/* ------------------------------------------------------------------ */

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

static ipofacts_derived *ratio(const ipofacts_company *c, ipofacts_ratio_kind kind, const char *period,
                               const ipofacts_ratio_options *o)
{
    ipofacts_derived *d = NULL;
    const ipofacts_period *p = ipofacts_company_find_period(c, period);
    assert_non_null(p);
    assert_int_equal(ipofacts_company_ratio(&d, c, kind, p, o), IPOFACTS_OK);
    assert_non_null(d);
    return d;
}

static int has_input_fact_text(const ipofacts_derived *d, const char *role, const char *quote)
{
    for (size_t i = 0; i < ipofacts_derived_input_count(d); i++) {
        const ipofacts_fact *f = ipofacts_derived_input_fact(d, i);
        if (f == NULL || strcmp(ipofacts_derived_input_role(d, i), role) != 0)
            continue;
        for (size_t k = 0; k < ipofacts_fact_source_count(f); k++)
            if (ipofacts_fact_quote(f, k) != NULL && strcmp(ipofacts_fact_quote(f, k), quote) == 0)
                return 1;
    }
    return 0;
}

static void test_company_growth_and_margins(void **state)
{
    (void)state;
    ipofacts_dataset *ds = load("minimax.json");
    const ipofacts_company *c = ipofacts_dataset_find_company(ds, "minimax");
    assert_non_null(c);
    /* FY2024 growth from the preferred facts: 3052.3 萬 (finer than 3050
     * 萬) over 346 萬 (same precision as 350 萬, first in the file). */
    ipofacts_derived *d = ratio(c, IPOFACTS_RATIO_KIND_GROWTH, "FY2024", NULL);
    expect(ipofacts_derived_ratio(d), 7.8216763005780345, 7.808802308802309, 7.834587554269175, "pure");
    assert_int_equal(ipofacts_derived_ratio(d)->basis, IPOFACTS_BASIS_REPORTED_PRIOR);
    assert_true(has_input_fact_text(d, "current", "3052.3 萬美元"));
    assert_true(has_input_fact_text(d, "prior", "346 萬美元"));
    assert_string_equal(ipofacts_derived_concept_id(d), "revenue");
    assert_string_equal(ipofacts_derived_label(d), "FY2024");
    assert_string_equal(ipofacts_derived_arithmetic(d), "30523000 / 3460000 - 1 = 7.82168 [7.8088, 7.83459]");
    char *text = NULL;
    assert_int_equal(ipofacts_derived_explain(&text, d), IPOFACTS_OK);
    assert_non_null(strstr(text, "derived, not reported"));
    assert_non_null(strstr(text, "s000 \"3052.3 萬美元\""));
    assert_non_null(strstr(text, "revenue FY2023 = 3460000 USD (decimals -4, exact)"));
    assert_non_null(strstr(text, "formula: revenue / prior revenue - 1"));
    ipofacts_string_free(text);
    ipofacts_derived_free(d);
    /* 9M2025 has no 9M2024 to compare with. */
    d = ratio(c, IPOFACTS_RATIO_KIND_GROWTH, "9M2025", NULL);
    refused(ipofacts_derived_ratio(d), IPOFACTS_RATIO_MISSING_INPUT);
    assert_non_null(strstr(ipofacts_derived_arithmetic(d), "for the 9 months ending 2024-09-30"));
    ipofacts_derived_free(d);
    /* Net income growth is refused: a loss is no base. */
    ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
    o.concept_id = "net_income";
    d = ratio(c, IPOFACTS_RATIO_KIND_GROWTH, "FY2024", &o);
    refused(ipofacts_derived_ratio(d), IPOFACTS_RATIO_NEGATIVE_BASE);
    ipofacts_derived_free(d);
    /* Gross margins of the three periods. */
    static const struct {
        const char *period;
        double v, lo, hi;
    } gm[] = {
        {"FY2023", -0.2468208092485549, 1 - 4314500.0 / 3455000, 1 - 4313500.0 / 3465000},
        {"FY2024", 0.12246502637355437, 1 - 26785500.0 / 30522500, 1 - 26784500.0 / 30523500},
        {"9M2025", 0.2334711903737111, 1 - 40961500.0 / 53436500, 1 - 40960500.0 / 53437500},
    };
    for (size_t i = 0; i < 3; i++) {
        d = ratio(c, IPOFACTS_RATIO_KIND_GROSS_MARGIN, gm[i].period, NULL);
        expect(ipofacts_derived_ratio(d), gm[i].v, gm[i].lo, gm[i].hi, "pure");
        assert_int_equal(ipofacts_derived_ratio(d)->basis, IPOFACTS_BASIS_REVENUE_LESS_COST);
        ipofacts_derived_free(d);
    }
    o = (ipofacts_ratio_options)IPOFACTS_RATIO_OPTIONS_INIT;
    o.basis = IPOFACTS_BASIS_GROSS_PROFIT;
    d = ratio(c, IPOFACTS_RATIO_KIND_GROSS_MARGIN, "FY2023", &o);
    refused(ipofacts_derived_ratio(d), IPOFACTS_RATIO_MISSING_INPUT);
    assert_string_equal(ipofacts_derived_arithmetic(d), "no gross_profit FY2023 reported");
    ipofacts_derived_free(d);
    /* R&D intensity 9M2025 and the segment share of 海螺 AI. */
    d = ratio(c, IPOFACTS_RATIO_KIND_RD_INTENSITY, "9M2025", NULL);
    expect(ipofacts_derived_ratio(d), 3.3684525703164474, 175000000.0 / 53437500, 185000000.0 / 53436500, "pure");
    ipofacts_derived_free(d);
    o = (ipofacts_ratio_options)IPOFACTS_RATIO_OPTIONS_INIT;
    o.segment = "hailuo_ai";
    d = ratio(c, IPOFACTS_RATIO_KIND_SEGMENT_SHARE, "9M2025", &o);
    expect(ipofacts_derived_ratio(d), 0.326814753822258, 17463500.0 / 53437500, 17464500.0 / 53436500, "pure");
    assert_string_equal(ipofacts_derived_segment(d), "hailuo_ai");
    ipofacts_derived_free(d);
    ipofacts_dataset_free(ds);
}

static void test_company_burn_runway_ttm(void **state)
{
    (void)state;
    ipofacts_dataset *ds = load("minimax.json");
    const ipofacts_company *c = ipofacts_dataset_find_company(ds, "minimax");
    ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
    /* Runway at 2025-09-30 on the default (net income) basis: the burn of
     * 9M2025 is a nested derivation. */
    ipofacts_derived *d = ratio(c, IPOFACTS_RATIO_KIND_RUNWAY, "2025-09-30", NULL);
    expect(ipofacts_derived_ratio(d), 1046000000.0 / (512000000.0 / 9), 1045500000.0 / (512500000.0 / 9),
           1046500000.0 / (511500000.0 / 9), "months");
    assert_int_equal(ipofacts_derived_ratio(d)->basis, IPOFACTS_BASIS_NET_INCOME);
    assert_true(ipofacts_derived_ratio(d)->flags & IPOFACTS_RATIO_FLAG_PROXY);
    const ipofacts_derived *burn = NULL;
    for (size_t i = 0; i < ipofacts_derived_input_count(d); i++)
        if (ipofacts_derived_input_derived(d, i) != NULL)
            burn = ipofacts_derived_input_derived(d, i);
    assert_non_null(burn);
    assert_int_equal(ipofacts_derived_kind(burn), IPOFACTS_RATIO_KIND_MONTHLY_BURN);
    assert_string_equal(ipofacts_derived_label(burn), "9M2025");
    expect(ipofacts_derived_ratio(burn), 512000000.0 / 9, 511500000.0 / 9, 512500000.0 / 9, "USD/month");
    char *text = NULL;
    assert_int_equal(ipofacts_derived_explain(&text, d), IPOFACTS_OK);
    assert_non_null(strstr(text, "a proxy"));
    assert_non_null(strstr(text, "monthly_burn, 9M2025"));
    assert_non_null(strstr(text, "s002 \"5.12 亿美元\""));
    ipofacts_string_free(text);
    ipofacts_derived_free(d);
    /* Adjusted net income basis, cash and investments. */
    o.basis = IPOFACTS_BASIS_ADJUSTED_NET_INCOME;
    o.cash_concept_id = "cash_and_investments";
    d = ratio(c, IPOFACTS_RATIO_KIND_RUNWAY, "2025-09-30", &o);
    expect(ipofacts_derived_ratio(d), 1102000000.0 / (186000000.0 / 9), 1101500000.0 / (186500000.0 / 9),
           1102500000.0 / (185500000.0 / 9), "months");
    ipofacts_derived_free(d);
    /* Operating cash flow is not reported. */
    o.basis = IPOFACTS_BASIS_OPERATING_CASH_FLOW;
    d = ratio(c, IPOFACTS_RATIO_KIND_RUNWAY, "2025-09-30", &o);
    refused(ipofacts_derived_ratio(d), IPOFACTS_RATIO_MISSING_INPUT);
    ipofacts_derived_free(d);
    /* TTM to 2025-09-30 with 9M2024 implied by 174.7%. */
    d = ratio(c, IPOFACTS_RATIO_KIND_TTM, "9M2025", NULL);
    expect(ipofacts_derived_ratio(d), 30523000 + 53437000 - 53437000.0 / 2.747,
           30522500 + 53436500.0 * 1.7465 / 2.7465, 30523500 + 53437500.0 * 1.7475 / 2.7475, "USD");
    assert_string_equal(ipofacts_derived_label(d), "TTM to 2025-09-30");
    ipofacts_date s = ipofacts_derived_start(d);
    assert_true(s.year == 2024 && s.month == 10 && s.day == 1);
    assert_true(has_input_fact_text(d, "growth", "174.7%"));
    assert_true(has_input_fact_text(d, "fiscal_year", "3052.3 萬美元"));
    ipofacts_derived_free(d);
    ipofacts_dataset_free(ds);
}

static void test_company_market(void **state)
{
    (void)state;
    ipofacts_dataset *ds = load("minimax.json");
    const ipofacts_company *c = ipofacts_dataset_find_company(ds, "minimax");
    ipofacts_derived *d = ratio(c, IPOFACTS_RATIO_KIND_FIRST_DAY_RETURN, "listing", NULL);
    expect(ipofacts_derived_ratio(d), 235.4 / 165 - 1, 235.35 / 165 - 1, 235.45 / 165 - 1, "pure");
    ipofacts_derived_free(d);
    /* The preferred market capitalisation is the exact 800 億 (the basis of
     * the holding values); the opening one can be asked for. */
    d = ratio(c, IPOFACTS_RATIO_KIND_MARKET_CAP, "listing", NULL);
    expect(ipofacts_derived_ratio(d), 80000000000.0 / 7.8, 79950000000.0 / 7.855, 80050000000.0 / 7.745, "USD");
    assert_true(has_input_fact_text(d, "rate", "7.75-7.85"));
    ipofacts_derived_free(d);
    const ipofacts_period *listing = ipofacts_company_find_period(c, "listing");
    const ipofacts_fact *opening = NULL;
    for (size_t i = 0; i < ipofacts_period_fact_count(listing); i++) {
        const ipofacts_fact *f = ipofacts_period_fact_at(listing, i);
        if (strcmp(ipofacts_fact_concept_id(f), "market_capitalization") == 0 &&
            ipofacts_fact_qualifier(f) == IPOFACTS_QUALIFIER_APPROXIMATELY)
            opening = f;
    }
    assert_non_null(opening);
    ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
    o.fact = opening;
    d = ratio(c, IPOFACTS_RATIO_KIND_PRICE_TO_SALES, "listing", &o);
    double ttm_lo = 30522500 + 53436500.0 * 1.7465 / 2.7465, ttm_hi = 30523500 + 53437500.0 * 1.7475 / 2.7475;
    expect(ipofacts_derived_ratio(d), 72000000000.0 / 7.8 / (30523000 + 53437000 - 53437000.0 / 2.747),
           71900000000.0 / 7.855 / ttm_hi, 72100000000.0 / 7.745 / ttm_lo, "multiple");
    assert_int_equal(ipofacts_derived_ratio(d)->basis, IPOFACTS_BASIS_TTM);
    ipofacts_derived_free(d);
    d = ratio(c, IPOFACTS_RATIO_KIND_IMPLIED_SHARES, "listing", &o);
    expect(ipofacts_derived_ratio(d), 72000000000.0 / 235.4, 71900000000.0 / 235.45, 72100000000.0 / 235.35,
           "shares");
    ipofacts_derived_free(d);
    o = (ipofacts_ratio_options)IPOFACTS_RATIO_OPTIONS_INIT;
    o.segment = "tencent";
    d = ratio(c, IPOFACTS_RATIO_KIND_HOLDING_VALUE, "listing", &o);
    expect(ipofacts_derived_ratio(d), 1896000000, 0.02365 * 79950000000.0, 0.02375 * 80050000000.0, "HKD");
    ipofacts_derived_free(d);
    /* The implied CNY/USD rate of the 9M2025 revenue conversion. */
    o = (ipofacts_ratio_options)IPOFACTS_RATIO_OPTIONS_INIT;
    o.concept_id = "revenue";
    d = ratio(c, IPOFACTS_RATIO_KIND_IMPLIED_RATE, "9M2025", &o);
    expect(ipofacts_derived_ratio(d), 370000000.0 / 53437000, 360000000.0 / 53437500, 380000000.0 / 53436500,
           "CNY/USD");
    ipofacts_derived_free(d);
    /* Argument errors. */
    d = (ipofacts_derived *)1;
    assert_int_equal(ipofacts_company_ratio(&d, c, IPOFACTS_RATIO_KIND_SEGMENT_SHARE, listing, NULL),
                     IPOFACTS_E_INVALID);
    assert_null(d);
    assert_int_equal(ipofacts_company_ratio(&d, c, (ipofacts_ratio_kind)0, listing, NULL), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_company_ratio(&d, c, (ipofacts_ratio_kind)IPOFACTS_RATIO_KIND_COUNT, listing, NULL),
                     IPOFACTS_E_INVALID);
    o = (ipofacts_ratio_options)IPOFACTS_RATIO_OPTIONS_INIT;
    o.version = 99;
    assert_int_equal(ipofacts_company_ratio(&d, c, IPOFACTS_RATIO_KIND_GROWTH, listing, &o), IPOFACTS_E_INVALID);
    const ipofacts_company *z = ipofacts_dataset_find_company(ds, "zhipu");
    assert_int_equal(ipofacts_company_ratio(&d, z, IPOFACTS_RATIO_KIND_GROWTH, listing, NULL), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_company_ratio(NULL, c, IPOFACTS_RATIO_KIND_GROWTH, listing, NULL), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_ratio_options_init(&o, IPOFACTS_RATIO_OPTIONS_VERSION), IPOFACTS_OK);
    assert_int_equal(o.version, IPOFACTS_RATIO_OPTIONS_VERSION);
    assert_null(o.segment);
    assert_int_equal(ipofacts_ratio_options_init(&o, 2), IPOFACTS_E_INVALID);
    ipofacts_derived_free(NULL);
    ipofacts_dataset_free(ds);
}

static void test_company_refusals(void **state)
{
    (void)state;
    ipofacts_dataset *ds = load("edge.json");
    const ipofacts_company *c = ipofacts_dataset_find_company(ds, "edge");
    /* A zero base. */
    ipofacts_derived *d = ratio(c, IPOFACTS_RATIO_KIND_GROWTH, "FY2024", NULL);
    refused(ipofacts_derived_ratio(d), IPOFACTS_RATIO_ZERO_DENOMINATOR);
    ipofacts_derived_free(d);
    /* Nine months against the twelve months ending 2024-09-30: refused,
     * unless annualised (53437000 x 12 / 9 / 30523000 - 1 = 1.3342834). */
    d = ratio(c, IPOFACTS_RATIO_KIND_GROWTH, "9M2025", NULL);
    refused(ipofacts_derived_ratio(d), IPOFACTS_RATIO_PERIOD_MISMATCH);
    ipofacts_derived_free(d);
    ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
    o.flags = IPOFACTS_RATIO_ANNUALISE;
    d = ratio(c, IPOFACTS_RATIO_KIND_GROWTH, "9M2025", &o);
    expect(ipofacts_derived_ratio(d), 53437000.0 * 12 / 9 / 30523000 - 1, 53436500.0 * 12 / 9 / 30523500 - 1,
           53437500.0 * 12 / 9 / 30522500 - 1, "pure");
    assert_non_null(strstr(ipofacts_derived_formula(d), "scaled to 12 months"));
    ipofacts_derived_free(d);
    /* Not burning: a profit; an adjusted figure of about zero. */
    d = ratio(c, IPOFACTS_RATIO_KIND_MONTHLY_BURN, "9M2025", NULL);
    refused(ipofacts_derived_ratio(d), IPOFACTS_RATIO_NOT_BURNING);
    ipofacts_derived_free(d);
    d = ratio(c, IPOFACTS_RATIO_KIND_RUNWAY, "2025-09-30", NULL);
    refused(ipofacts_derived_ratio(d), IPOFACTS_RATIO_NOT_BURNING);
    ipofacts_derived_free(d);
    /* A burn needs a duration. */
    d = ratio(c, IPOFACTS_RATIO_KIND_MONTHLY_BURN, "2025-09-30", NULL);
    refused(ipofacts_derived_ratio(d), IPOFACTS_RATIO_INVALID_INPUT);
    ipofacts_derived_free(d);
    /* Market capitalisation in HKD, no rate in this dataset. */
    d = ratio(c, IPOFACTS_RATIO_KIND_MARKET_CAP, "listing", NULL);
    refused(ipofacts_derived_ratio(d), IPOFACTS_RATIO_CURRENCY_MISMATCH);
    assert_string_equal(ipofacts_derived_arithmetic(d), "no exchange rate between HKD and USD");
    ipofacts_derived_free(d);
    /* One customer's revenue cannot give the top five. */
    d = ratio(c, IPOFACTS_RATIO_KIND_TOP5_CUSTOMER_SHARE, "FY2024", NULL);
    refused(ipofacts_derived_ratio(d), IPOFACTS_RATIO_MISSING_INPUT);
    assert_string_equal(ipofacts_derived_arithmetic(d), "revenue of 1 customer reported, 5 needed");
    ipofacts_derived_free(d);
    d = ratio(c, IPOFACTS_RATIO_KIND_TOP1_CUSTOMER_SHARE, "FY2024", NULL);
    expect(ipofacts_derived_ratio(d), 1287000.0 / 30523000, 1286500.0 / 30523500, 1287500.0 / 30522500, "pure");
    ipofacts_derived_free(d);
    ipofacts_dataset_free(ds);
}

static int set_has(const ipofacts_ratio_set *s, const char *company, ipofacts_ratio_kind kind, const char *label,
                   ipofacts_ratio_basis basis, double value)
{
    for (size_t i = 0; i < ipofacts_ratio_set_count(s); i++) {
        const ipofacts_derived *d = ipofacts_ratio_set_at(s, i);
        const ipofacts_ratio *r = ipofacts_derived_ratio(d);
        if (ipofacts_derived_kind(d) == kind && strcmp(ipofacts_derived_label(d), label) == 0 &&
            strcmp(ipofacts_company_id(ipofacts_derived_company(d)), company) == 0 &&
            (basis == IPOFACTS_BASIS_DEFAULT || r->basis == basis) && r->status == IPOFACTS_RATIO_OK &&
            near_rel(r->value, value, 1e-6))
            return 1;
    }
    return 0;
}

static void test_builtin_every_ratio(void **state)
{
    (void)state;
    ipofacts_dataset *ds = NULL;
    ipofacts_ratio_set *s = NULL;
    assert_int_equal(ipofacts_dataset_open_builtin(&ds), IPOFACTS_OK);
    assert_int_equal(ipofacts_dataset_ratios(&s, ds), IPOFACTS_OK);
    assert_true(ipofacts_ratio_set_count(s) > 40);
    /* What `ipofacts ratios minimax` must show. */
    assert_true(set_has(s, "minimax", IPOFACTS_RATIO_KIND_GROWTH, "FY2024", 0, 7.8216763005780345));
    assert_true(set_has(s, "minimax", IPOFACTS_RATIO_KIND_GROSS_MARGIN, "FY2023", 0, -0.2468208092485549));
    assert_true(set_has(s, "minimax", IPOFACTS_RATIO_KIND_GROSS_MARGIN, "FY2024", 0, 0.12246502637355437));
    assert_true(set_has(s, "minimax", IPOFACTS_RATIO_KIND_GROSS_MARGIN, "9M2025", 0, 0.2334711903737111));
    assert_true(set_has(s, "minimax", IPOFACTS_RATIO_KIND_RD_INTENSITY, "9M2025", 0, 3.3684525703164474));
    assert_true(set_has(s, "minimax", IPOFACTS_RATIO_KIND_MONTHLY_BURN, "9M2025", IPOFACTS_BASIS_NET_INCOME,
                        512000000.0 / 9));
    assert_true(set_has(s, "minimax", IPOFACTS_RATIO_KIND_MONTHLY_BURN, "9M2025",
                        IPOFACTS_BASIS_ADJUSTED_NET_INCOME, 186000000.0 / 9));
    assert_true(set_has(s, "minimax", IPOFACTS_RATIO_KIND_RUNWAY, "2025-09-30", IPOFACTS_BASIS_NET_INCOME,
                        1046000000.0 / (512000000.0 / 9)));
    assert_true(set_has(s, "minimax", IPOFACTS_RATIO_KIND_RUNWAY, "2025-09-30", IPOFACTS_BASIS_ADJUSTED_NET_INCOME,
                        1046000000.0 / (186000000.0 / 9)));
    assert_true(set_has(s, "minimax", IPOFACTS_RATIO_KIND_TTM, "TTM to 2025-09-30", 0,
                        30523000 + 53437000 - 53437000.0 / 2.747));
    int fdr = 0, ps = 0;
    for (size_t i = 0; i < ipofacts_ratio_set_count(s); i++) {
        const ipofacts_derived *d = ipofacts_ratio_set_at(s, i);
        const ipofacts_ratio *r = ipofacts_derived_ratio(d);
        /* Every result is derived; no value is ever NaN or infinite. */
        assert_true(r->flags & IPOFACTS_RATIO_FLAG_DERIVED);
        assert_true(isfinite(r->value) && isfinite(r->interval.lo) && isfinite(r->interval.hi));
        /* Missing inputs are left out, but for the cash bases of a runway. */
        if (r->status == IPOFACTS_RATIO_MISSING_INPUT) {
            assert_int_equal(ipofacts_derived_kind(d), IPOFACTS_RATIO_KIND_RUNWAY);
            assert_true(r->basis == IPOFACTS_BASIS_OPERATING_CASH_FLOW || r->basis == IPOFACTS_BASIS_FREE_CASH_FLOW);
        }
        if (ipofacts_derived_kind(d) == IPOFACTS_RATIO_KIND_FIRST_DAY_RETURN && r->status == IPOFACTS_RATIO_OK &&
            near_rel(r->value, 235.4 / 165 - 1, 1e-9))
            fdr = 1;
        if (ipofacts_derived_kind(d) == IPOFACTS_RATIO_KIND_PRICE_TO_SALES && r->status == IPOFACTS_RATIO_OK &&
            near_rel(r->value, 72000000000.0 / 7.8 / (30523000 + 53437000 - 53437000.0 / 2.747), 1e-9))
            ps = 1;
        char *text = NULL;
        assert_int_equal(ipofacts_derived_explain(&text, d), IPOFACTS_OK);
        assert_non_null(strstr(text, "derived, not reported"));
        ipofacts_string_free(text);
    }
    assert_true(fdr);
    assert_true(ps);
    ipofacts_ratio_set_free(s);
    /* One company at a time gives the same ratios as the whole dataset. */
    size_t total = 0;
    for (size_t i = 0; i < ipofacts_dataset_company_count(ds); i++) {
        ipofacts_ratio_set *one = NULL;
        assert_int_equal(ipofacts_company_ratios(&one, ipofacts_dataset_company(ds, i)), IPOFACTS_OK);
        total += ipofacts_ratio_set_count(one);
        ipofacts_ratio_set_free(one);
    }
    assert_int_equal(ipofacts_dataset_ratios(&s, ds), IPOFACTS_OK);
    assert_int_equal(total, ipofacts_ratio_set_count(s));
    assert_null(ipofacts_ratio_set_at(s, ipofacts_ratio_set_count(s)));
    ipofacts_ratio_set_free(s);
    ipofacts_ratio_set_free(NULL);
    assert_int_equal(ipofacts_dataset_ratios(NULL, ds), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_company_ratios(&s, NULL), IPOFACTS_E_INVALID);
    ipofacts_dataset_free(ds);
}

/* ------------------------------------------------------------------ */
/* Comparable periods within a week                                    */
/* ------------------------------------------------------------------ */

static const ipofacts_fact *input_fact_of(const ipofacts_derived *d, const char *role)
{
    for (size_t i = 0; i < ipofacts_derived_input_count(d); i++)
        if (strcmp(ipofacts_derived_input_role(d, i), role) == 0)
            return ipofacts_derived_input_fact(d, i);
    return NULL;
}

static void expect_input_period(const ipofacts_derived *d, const char *role, const char *period_id)
{
    const ipofacts_fact *f = input_fact_of(d, role);
    if (f == NULL)
        fail_msg("no reported %s input", role);
    assert_string_equal(ipofacts_period_id(ipofacts_fact_period(f)), period_id);
}

/* tests/data/sec/weeks-fy.json: a filer whose fiscal year has 52 or 53
 * weeks and ends on the Saturday nearest 30 September. Its revenue:
 *   FY2023 2022-10-02..2023-09-30 (364 days)  500000001
 *   FY2024 2023-10-01..2024-09-28 (364 days)  612345678
 *   FY2025 2024-09-29..2025-10-04 (371 days)  700000009
 * all exact to the dollar (decimals 0: each figure +/- 0.5). */
static void test_company_weeks_fiscal_year(void **state)
{
    (void)state;
    ipofacts_dataset *ds = NULL;
    ipofacts_error e;
    assert_int_equal(ipofacts_dataset_import_sec_companyfacts_file(&ds, IPOFACTS_TEST_DATA "/sec/weeks-fy.json",
                                                                   NULL, &e),
                     IPOFACTS_OK);
    const ipofacts_company *c = ipofacts_dataset_company(ds, 0);
    assert_non_null(c);
    /* FY2024 against FY2023: twelve months before 2023-10-01..2024-09-28
     * is 2022-10-01..2023-09-28; FY2023 starts 1 day and ends 2 days off,
     * and is as long (364 days). Growth = 612345678 / 500000001 - 1
     * = 0.2246913535506172, within [612345677.5 / 500000001.5 - 1,
     * 612345678.5 / 500000000.5 - 1]. */
    ipofacts_derived *d = ratio(c, IPOFACTS_RATIO_KIND_GROWTH, "FY2024", NULL);
    expect(ipofacts_derived_ratio(d), 612345678.0 / 500000001 - 1, 612345677.5 / 500000001.5 - 1,
           612345678.5 / 500000000.5 - 1, "pure");
    assert_int_equal(ipofacts_derived_ratio(d)->basis, IPOFACTS_BASIS_REPORTED_PRIOR);
    expect_input_period(d, "prior", "FY2023");
    assert_string_equal(ipofacts_derived_arithmetic(d), "612345678 / 500000001 - 1 = 0.224691 [0.224691, 0.224692]");
    ipofacts_derived_free(d);
    /* The 53-week FY2025 (371 days) against FY2024: twelve months before is
     * 2023-09-29..2024-10-04; FY2024 starts 2 days and ends 6 days off and
     * is 7 days shorter. Growth = 700000009 / 612345678 - 1 = 0.1431451... */
    d = ratio(c, IPOFACTS_RATIO_KIND_GROWTH, "FY2025", NULL);
    expect(ipofacts_derived_ratio(d), 700000009.0 / 612345678 - 1, 700000008.5 / 612345678.5 - 1,
           700000009.5 / 612345677.5 - 1, "pure");
    expect_input_period(d, "prior", "FY2024");
    ipofacts_derived_free(d);
    /* CAGR of FY2025 over FY2023, two fiscal years earlier (starts 3 days,
     * ends 4 days off, 7 days shorter): two whole years, not 735 / 365.2425.
     * sqrt(700000009 / 500000001) - 1 = 0.18321596... */
    d = ratio(c, IPOFACTS_RATIO_KIND_CAGR, "FY2025", NULL);
    expect(ipofacts_derived_ratio(d), sqrt(700000009.0 / 500000001) - 1, sqrt(700000008.5 / 500000001.5) - 1,
           sqrt(700000009.5 / 500000000.5) - 1, "pure");
    expect_input_period(d, "first", "FY2023");
    assert_non_null(strstr(ipofacts_derived_arithmetic(d), "(700000009 / 500000001)^(1 / 2) - 1"));
    ipofacts_derived_free(d);
    /* TTM to the end of H1 2025 (2024-09-29..2025-03-29): the fiscal year
     * before it is computed as 2023-09-29..2024-09-28 and FY2024 (2 days
     * off at the start) is taken; no first half of fiscal 2024 is reported,
     * so the TTM misses its prior year to date. */
    d = ratio(c, IPOFACTS_RATIO_KIND_TTM, "H1_2025", NULL);
    refused(ipofacts_derived_ratio(d), IPOFACTS_RATIO_MISSING_INPUT);
    expect_input_period(d, "fiscal_year", "FY2024");
    assert_string_equal(ipofacts_derived_arithmetic(d),
                        "no revenue for 2023-09-29..2024-03-29 (or its growth rate) reported");
    ipofacts_derived_free(d);
    /* The whole set now lists both growths and the CAGR. */
    ipofacts_ratio_set *s = NULL;
    assert_int_equal(ipofacts_company_ratios(&s, c), IPOFACTS_OK);
    const char *id = ipofacts_company_id(c);
    assert_true(set_has(s, id, IPOFACTS_RATIO_KIND_GROWTH, "FY2024", 0, 612345678.0 / 500000001 - 1));
    assert_true(set_has(s, id, IPOFACTS_RATIO_KIND_GROWTH, "FY2025", 0, 700000009.0 / 612345678 - 1));
    assert_true(set_has(s, id, IPOFACTS_RATIO_KIND_CAGR, "FY2025", 0, sqrt(700000009.0 / 500000001) - 1));
    ipofacts_ratio_set_free(s);
    ipofacts_dataset_free(ds);
}

/* Five companies whose FY2024 (2024-01-01..2024-12-31, 366 days) revenue
 * is 200 and whose candidate prior periods are a few days off. */
static const char comparable_json[] =
    "{\"format\": \"ipofacts-dataset/1\",\n"
    " \"sources\": [{\"id\": \"s\", \"rank\": 1}],\n"
    " \"companies\": [\n"
#define FY2024_PERIOD "{\"id\": \"FY2024\", \"start\": \"2024-01-01\", \"end\": \"2024-12-31\"}"
#define REVENUE(period, value)                                                                                  \
    "{\"concept\": \"revenue\", \"period\": \"" period "\", \"unit\": \"USD\", \"value\": \"" value "\", "    \
    "\"decimals\": 0, \"sources\": [{\"source\": \"s\", \"text\": \"" value "\"}]}"
    /* A near period (2 days off at each end) listed before the exact one. */
    "  {\"id\": \"exact\", \"names\": {\"en\": \"Exact\"}, \"currency\": \"USD\",\n"
    "   \"periods\": [" FY2024_PERIOD ",\n"
    "     {\"id\": \"near\", \"start\": \"2023-01-03\", \"end\": \"2023-12-29\"},\n"
    "     {\"id\": \"FY2023\", \"start\": \"2023-01-01\", \"end\": \"2023-12-31\"}],\n"
    "   \"facts\": [" REVENUE("FY2024", "200") ", " REVENUE("near", "150") ", " REVENUE("FY2023", "100") "]},\n"
    /* Two near periods: 5 + 5 days off, then 2 + 2 days off. */
    "  {\"id\": \"closest\", \"names\": {\"en\": \"Closest\"}, \"currency\": \"USD\",\n"
    "   \"periods\": [" FY2024_PERIOD ",\n"
    "     {\"id\": \"five\", \"start\": \"2023-01-06\", \"end\": \"2023-12-26\"},\n"
    "     {\"id\": \"two\", \"start\": \"2022-12-30\", \"end\": \"2023-12-29\"}],\n"
    "   \"facts\": [" REVENUE("FY2024", "200") ", " REVENUE("five", "160") ", " REVENUE("two", "125") "]},\n"
    /* Exactly 7 days late at each end. */
    "  {\"id\": \"week\", \"names\": {\"en\": \"Week\"}, \"currency\": \"USD\",\n"
    "   \"periods\": [" FY2024_PERIOD ",\n"
    "     {\"id\": \"late7\", \"start\": \"2023-01-08\", \"end\": \"2024-01-07\"}],\n"
    "   \"facts\": [" REVENUE("FY2024", "200") ", " REVENUE("late7", "80") "]},\n"
    /* 10 days late at each end. */
    "  {\"id\": \"far\", \"names\": {\"en\": \"Far\"}, \"currency\": \"USD\",\n"
    "   \"periods\": [" FY2024_PERIOD ",\n"
    "     {\"id\": \"late10\", \"start\": \"2023-01-11\", \"end\": \"2024-01-10\"}],\n"
    "   \"facts\": [" REVENUE("FY2024", "200") ", " REVENUE("late10", "100") "]},\n"
    /* Each end 6 days off, but 11 days longer (377 days). */
    "  {\"id\": \"stretch\", \"names\": {\"en\": \"Stretch\"}, \"currency\": \"USD\",\n"
    "   \"periods\": [" FY2024_PERIOD ",\n"
    "     {\"id\": \"long\", \"start\": \"2022-12-26\", \"end\": \"2024-01-06\"}],\n"
    "   \"facts\": [" REVENUE("FY2024", "200") ", " REVENUE("long", "100") "]},\n"
    /* A 52/53-week year ending on the last Saturday of December, with
     * halves: the TTM to H1 2025 finds its fiscal year and prior half. */
    "  {\"id\": \"halves\", \"names\": {\"en\": \"Halves\"}, \"currency\": \"USD\",\n"
    "   \"periods\": [{\"id\": \"FY2024\", \"start\": \"2023-12-31\", \"end\": \"2024-12-28\"},\n"
    "     {\"id\": \"H1_2024\", \"start\": \"2023-12-31\", \"end\": \"2024-06-29\"},\n"
    "     {\"id\": \"H1_2025\", \"start\": \"2024-12-29\", \"end\": \"2025-06-28\"}],\n"
    "   \"facts\": [" REVENUE("FY2024", "1000") ", " REVENUE("H1_2024", "450") ", " REVENUE("H1_2025", "600") "]}\n"
#undef FY2024_PERIOD
#undef REVENUE
    " ]}\n";

static void test_company_comparable_tolerance(void **state)
{
    (void)state;
    ipofacts_dataset *ds = NULL;
    ipofacts_error e;
    if (ipofacts_dataset_load_buffer(&ds, comparable_json, sizeof comparable_json - 1, &e) != IPOFACTS_OK)
        fail_msg("cannot load the dataset: %s %s", e.path, e.message);
    /* The exact FY2023 is preferred to the near period listed first:
     * 200 / 100 - 1 = 1, within [199.5 / 100.5 - 1, 200.5 / 99.5 - 1]. */
    const ipofacts_company *c = ipofacts_dataset_find_company(ds, "exact");
    ipofacts_derived *d = ratio(c, IPOFACTS_RATIO_KIND_GROWTH, "FY2024", NULL);
    expect(ipofacts_derived_ratio(d), 1, 199.5 / 100.5 - 1, 200.5 / 99.5 - 1, "pure");
    expect_input_period(d, "prior", "FY2023");
    ipofacts_derived_free(d);
    /* Of two near periods, the closer (2 + 2 days off, against 5 + 5):
     * 200 / 125 - 1 = 0.6. */
    c = ipofacts_dataset_find_company(ds, "closest");
    d = ratio(c, IPOFACTS_RATIO_KIND_GROWTH, "FY2024", NULL);
    expect(ipofacts_derived_ratio(d), 0.6, 199.5 / 125.5 - 1, 200.5 / 124.5 - 1, "pure");
    expect_input_period(d, "prior", "two");
    ipofacts_derived_free(d);
    /* 7 days off at each end (and 1 day shorter) still matches:
     * 200 / 80 - 1 = 1.5. */
    c = ipofacts_dataset_find_company(ds, "week");
    d = ratio(c, IPOFACTS_RATIO_KIND_GROWTH, "FY2024", NULL);
    expect(ipofacts_derived_ratio(d), 1.5, 199.5 / 80.5 - 1, 200.5 / 79.5 - 1, "pure");
    expect_input_period(d, "prior", "late7");
    ipofacts_derived_free(d);
    /* 10 days off does not: there is no prior year. */
    c = ipofacts_dataset_find_company(ds, "far");
    d = ratio(c, IPOFACTS_RATIO_KIND_GROWTH, "FY2024", NULL);
    refused(ipofacts_derived_ratio(d), IPOFACTS_RATIO_MISSING_INPUT);
    assert_null(input_fact_of(d, "prior"));
    assert_string_equal(ipofacts_derived_arithmetic(d), "no revenue for the 12 months ending 2023-12-31 reported");
    ipofacts_derived_free(d);
    d = ratio(c, IPOFACTS_RATIO_KIND_CAGR, "FY2024", NULL);
    refused(ipofacts_derived_ratio(d), IPOFACTS_RATIO_MISSING_INPUT);
    ipofacts_derived_free(d);
    /* Both ends within a week, but 11 days longer: not comparable. */
    c = ipofacts_dataset_find_company(ds, "stretch");
    d = ratio(c, IPOFACTS_RATIO_KIND_GROWTH, "FY2024", NULL);
    refused(ipofacts_derived_ratio(d), IPOFACTS_RATIO_MISSING_INPUT);
    ipofacts_derived_free(d);
    /* TTM to 2025-06-28 = FY2024 + H1 2025 - H1 2024 = 1000 + 600 - 450
     * = 1150, within [999.5 + 599.5 - 450.5, 1000.5 + 600.5 - 449.5]. The
     * computed fiscal year 2023-12-29..2024-12-28 finds FY2024 (2 days
     * off); the computed prior half 2023-12-29..2024-06-28 finds H1 2024
     * (2 and 1 days off), so the twelve months start on 2024-06-30. */
    c = ipofacts_dataset_find_company(ds, "halves");
    d = ratio(c, IPOFACTS_RATIO_KIND_TTM, "H1_2025", NULL);
    expect(ipofacts_derived_ratio(d), 1150, 1148.5, 1151.5, "USD");
    expect_input_period(d, "fiscal_year", "FY2024");
    expect_input_period(d, "prior_ytd", "H1_2024");
    ipofacts_date s = ipofacts_derived_start(d);
    assert_true(s.year == 2024 && s.month == 6 && s.day == 30);
    assert_string_equal(ipofacts_derived_label(d), "TTM to 2025-06-28");
    ipofacts_derived_free(d);
    ipofacts_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_interval_exact_bounds_stay_exact),
        cmocka_unit_test(test_interval_outward_rounding),
        cmocka_unit_test(test_interval_division_by_zero_is_a_status),
        cmocka_unit_test(test_interval_open_ends),
        cmocka_unit_test(test_interval_invalid_and_overflow),
        cmocka_unit_test(test_interval_contains_overlaps),
        cmocka_unit_test(test_interval_property_exact_results_inside),
        cmocka_unit_test(test_operands),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_growth),
        cmocka_unit_test(test_cagr),
        cmocka_unit_test(test_margins),
        cmocka_unit_test(test_shares_and_concentration),
        cmocka_unit_test(test_burn_and_runway),
        cmocka_unit_test(test_ttm_and_implied_prior),
        cmocka_unit_test(test_market_ratios),
        cmocka_unit_test(test_property_ratios_contain_exact_values),
        cmocka_unit_test(test_company_growth_and_margins),
        cmocka_unit_test(test_company_burn_runway_ttm),
        cmocka_unit_test(test_company_market),
        cmocka_unit_test(test_company_refusals),
        cmocka_unit_test(test_builtin_every_ratio),
        cmocka_unit_test(test_company_weeks_fiscal_year),
        cmocka_unit_test(test_company_comparable_tolerance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
