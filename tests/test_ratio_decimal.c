/*
 * Decimal to double conversion, as the ratio layer uses it: the nearest
 * double (ipofacts_decimal_to_double()) and the outward bounds of an exact
 * figure (ipofacts_reported_interval() with decimals INF), over millions of
 * random decimals, against references computed independently here: glibc's
 * strtod of the decimal's text for the nearest double, and exact integer
 * arithmetic on the double's mantissa and exponent (frexp) for whether the
 * double is the decimal exactly.
 *
 * IPOFACTS_TEST_SMALL=1 (the sanitizer and valgrind gates) runs fewer.
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

static uint64_t rng_state = UINT64_C(0x9e3779b97f4a7c15);

/* splitmix64 */
static uint64_t next_u64(void)
{
    uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static uint64_t below(uint64_t n)
{
    return next_u64() % n;
}

static long iterations(long full)
{
    const char *small = getenv("IPOFACTS_TEST_SMALL");
    return small != NULL && small[0] == '1' ? full / 100 : full;
}

/* A random valid decimal: digits of every length, exponents mostly where
 * the fast conversion applies, some far outside it, some coefficients at
 * the 2^53 boundary, some with trailing zeros. */
static ipofacts_decimal random_decimal(void)
{
    static const int64_t p10[19] = {1,
                                    10,
                                    100,
                                    1000,
                                    10000,
                                    100000,
                                    1000000,
                                    10000000,
                                    100000000,
                                    1000000000,
                                    10000000000,
                                    100000000000,
                                    1000000000000,
                                    10000000000000,
                                    100000000000000,
                                    1000000000000000,
                                    10000000000000000,
                                    100000000000000000,
                                    1000000000000000000};
    ipofacts_decimal d;
    memset(&d, 0, sizeof d);
    uint64_t shape = below(16);
    int digits = 1 + (int)below(18);
    int64_t c;
    if (shape == 0) {
        c = (INT64_C(1) << 53) - 3 + (int64_t)below(7); /* around 2^53 */
    } else if (shape == 1) {
        c = (int64_t)(1 + below(999)) * p10[below(16)]; /* trailing zeros */
    } else {
        c = (int64_t)(below((uint64_t)(p10[digits] - p10[digits - 1])) + (uint64_t)p10[digits - 1]);
    }
    if (c > IPOFACTS_DECIMAL_COEFFICIENT_MAX)
        c = IPOFACTS_DECIMAL_COEFFICIENT_MAX;
    if (next_u64() & 1)
        c = -c;
    d.coefficient = c;
    if (below(8) == 0)
        d.exponent = (int32_t)below(81) - 40; /* the whole range */
    else
        d.exponent = (int32_t)below(51) - 25; /* around the fast range */
    return d;
}

/* The reference nearest double: glibc's strtod of "<c>e<e>". */
static double text_double(const ipofacts_decimal *d)
{
    char s[64];
    snprintf(s, sizeof s, "%lldE%d", (long long)d->coefficient, (int)d->exponent);
    return strtod(s, NULL);
}

/* Whether the finite double x is exactly c x 10^e, by integers only: with
 * x = m x 2^k (m odd) and c = c' x 2^a (c' odd), c x 10^e = c' x 5^e x
 * 2^(a+e) for e >= 0, and c' / 5^-e x 2^(a+e) for e < 0. */
static int double_is_decimal(double x, const ipofacts_decimal *d)
{
    if (d->coefficient == 0)
        return x == 0.0;
    if (x == 0.0 || (x < 0) != (d->coefficient < 0))
        return 0;
    int k;
    double f = frexp(fabs(x), &k); /* x = f x 2^k, 0.5 <= f < 1 */
    uint64_t m = (uint64_t)ldexp(f, 53);
    k -= 53;
    while ((m & 1) == 0) {
        m >>= 1;
        k++;
    }
    uint64_t c = (uint64_t)(d->coefficient < 0 ? -d->coefficient : d->coefficient);
    int a = 0;
    while ((c & 1) == 0) {
        c >>= 1;
        a++;
    }
    int e = d->exponent;
    if (e >= 0) {
        unsigned __int128 v = c;
        for (int i = 0; i < e; i++) {
            v *= 5;
            if (v > m)
                return 0;
        }
        return v == m && a + e == k;
    }
    for (int i = 0; i < -e; i++) {
        if (c % 5 != 0)
            return 0;
        c /= 5;
    }
    return c == m && a + e == k;
}

static void test_nearest_and_outward_match_references(void **state)
{
    (void)state;
    long n = iterations(2000000);
    long fast = 0, exact = 0;
    for (long i = 0; i < n; i++) {
        ipofacts_decimal d = random_decimal();
        double want = text_double(&d);
        double got = ipofacts_decimal_to_double(&d);
        if (memcmp(&got, &want, sizeof got) != 0) {
            fail_msg("%lldE%d: nearest %.17g, strtod %.17g", (long long)d.coefficient, (int)d.exponent, got, want);
        }
        int is_exact = double_is_decimal(want, &d);
        double lo = is_exact ? want : nextafter(want, -HUGE_VAL);
        double hi = is_exact ? want : nextafter(want, HUGE_VAL);
        ipofacts_interval iv;
        assert_int_equal(ipofacts_reported_interval(&iv, &d, NULL, IPOFACTS_DECIMALS_INF, IPOFACTS_QUALIFIER_EXACT),
                         IPOFACTS_OK);
        if (iv.flags != 0 || iv.lo != lo || iv.hi != hi)
            fail_msg("%lldE%d: outward [%.17g, %.17g] flags %u, want [%.17g, %.17g]", (long long)d.coefficient,
                     (int)d.exponent, iv.lo, iv.hi, (unsigned)iv.flags, lo, hi);
        int64_t mag = d.coefficient < 0 ? -d.coefficient : d.coefficient;
        if (mag < (INT64_C(1) << 53) && d.exponent >= -22 && d.exponent <= 22)
            fast++;
        exact += is_exact;
    }
    /* The draw covers both paths and both outcomes of the exactness test. */
    assert_true(fast > n / 4);
    assert_true(n - fast > n / 10);
    assert_true(exact > n / 100);
    assert_true(n - exact > n / 2);
}

/* Decimals of a precision: the interval of 3052.3 with decimals -3 and of
 * 0.1 (not a double) and 2^53 + 1 with decimals INF, bound for bound. */
static void test_known_conversions(void **state)
{
    (void)state;
    ipofacts_decimal d;
    ipofacts_interval iv;
    assert_int_equal(ipofacts_decimal_parse(&d, "30523000", 8), IPOFACTS_OK);
    assert_true(ipofacts_decimal_to_double(&d) == 30523000.0);
    assert_int_equal(ipofacts_reported_interval(&iv, &d, NULL, -3, IPOFACTS_QUALIFIER_EXACT), IPOFACTS_OK);
    assert_true(iv.lo == 30522500.0 && iv.hi == 30523500.0);
    assert_int_equal(ipofacts_decimal_parse(&d, "0.1", 3), IPOFACTS_OK);
    assert_true(ipofacts_decimal_to_double(&d) == 0.1);
    assert_int_equal(ipofacts_reported_interval(&iv, &d, NULL, IPOFACTS_DECIMALS_INF, IPOFACTS_QUALIFIER_EXACT),
                     IPOFACTS_OK);
    /* One step each way from the nearest double, which is not 0.1. */
    assert_true(iv.lo == nextafter(0.1, 0.0) && iv.hi == nextafter(0.1, 1.0));
    /* 2^53 + 1 is not a double: outside the fast path, the text path. */
    d.coefficient = (INT64_C(1) << 53) + 1;
    d.exponent = 0;
    assert_true(ipofacts_decimal_to_double(&d) == 9007199254740992.0);
    assert_int_equal(ipofacts_reported_interval(&iv, &d, NULL, IPOFACTS_DECIMALS_INF, IPOFACTS_QUALIFIER_EXACT),
                     IPOFACTS_OK);
    assert_true(iv.lo == 9007199254740991.0 && iv.hi == 9007199254740994.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nearest_and_outward_match_references),
        cmocka_unit_test(test_known_conversions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
