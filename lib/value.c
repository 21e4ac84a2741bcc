/*
 * The value layer: exact decimals, qualifiers and intervals, dates and
 * periods, units. Nothing here allocates or keeps state.
 */
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "ipofacts/value.h"

__extension__ typedef __int128 i128;

#define COEF_MAX IPOFACTS_DECIMAL_COEFFICIENT_MAX
#define EXP_MIN IPOFACTS_DECIMAL_EXPONENT_MIN
#define EXP_MAX IPOFACTS_DECIMAL_EXPONENT_MAX

/* 10^n for n in [0, 38]. */
static i128 pow10_i128(int n)
{
    i128 r = 1;
    for (int i = 0; i < n; i++)
        r *= 10;
    return r;
}

static i128 abs_i128(i128 v)
{
    return v < 0 ? -v : v;
}

static int decimal_valid(const ipofacts_decimal *d)
{
    return d->coefficient >= -COEF_MAX && d->coefficient <= COEF_MAX && d->exponent >= EXP_MIN &&
           d->exponent <= EXP_MAX;
}

static ipofacts_decimal decimal_of(int64_t coefficient, int32_t exponent)
{
    ipofacts_decimal d;
    d.coefficient = coefficient;
    d.exponent = exponent;
    d.reserved = 0;
    return d;
}

/*
 * Stores the exact value c x 10^e in *out when some representation fits,
 * choosing the smallest exponent >= prefer (and >= EXP_MIN) at which the
 * coefficient fits. Returns IPOFACTS_E_OVERFLOW when no representation
 * holds the value exactly.
 */
static ipofacts_status fit(ipofacts_decimal *out, i128 c, int64_t e, int64_t prefer)
{
    if (c == 0) {
        int64_t z = prefer < EXP_MIN ? EXP_MIN : prefer > EXP_MAX ? EXP_MAX : prefer;
        *out = decimal_of(0, (int32_t)z);
        return IPOFACTS_OK;
    }
    /* Too many digits: drop trailing zeros. */
    while (abs_i128(c) > COEF_MAX && c % 10 == 0) {
        c /= 10;
        e++;
    }
    if (abs_i128(c) > COEF_MAX)
        return IPOFACTS_E_OVERFLOW;
    /* Exponent too large: move powers of ten into the coefficient. */
    while (e > EXP_MAX) {
        if (abs_i128(c) * 10 > COEF_MAX)
            return IPOFACTS_E_OVERFLOW;
        c *= 10;
        e--;
    }
    /* Exponent too small: drop trailing zeros. */
    while (e < EXP_MIN) {
        if (c % 10 != 0)
            return IPOFACTS_E_OVERFLOW;
        c /= 10;
        e++;
    }
    /* Move toward the preferred exponent while the coefficient fits. */
    int64_t floor_e = prefer < EXP_MIN ? EXP_MIN : prefer;
    while (e > floor_e && abs_i128(c) * 10 <= COEF_MAX) {
        c *= 10;
        e--;
    }
    *out = decimal_of((int64_t)c, (int32_t)e);
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Parse and format                                                    */
/* ------------------------------------------------------------------ */

static int is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

IPOFACTS_API ipofacts_status ipofacts_decimal_parse(ipofacts_decimal *out, const char *text, size_t len)
{
    if (out == NULL || text == NULL)
        return IPOFACTS_E_INVALID;
    size_t i = 0;
    int negative = 0;
    if (i < len && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        i++;
    }
    int64_t coef = 0;
    int significant = 0;  /* digits counted from the first non-zero one */
    int64_t frac = 0;     /* digits after the point */
    size_t int_digits = 0;
    while (i < len && is_digit(text[i])) {
        int dgt = text[i] - '0';
        if (significant > 0 || dgt != 0) {
            if (significant < 18) /* more digits fail below */
                coef = coef * 10 + dgt;
            significant++;
        }
        int_digits++;
        i++;
    }
    if (int_digits == 0)
        return IPOFACTS_E_SYNTAX; /* "", "-", ".5", "e5" */
    if (i < len && text[i] == '.') {
        i++;
        size_t frac_digits = 0;
        while (i < len && is_digit(text[i])) {
            int dgt = text[i] - '0';
            if (significant > 0 || dgt != 0) {
                if (significant < 18) /* more digits fail below */
                    coef = coef * 10 + dgt;
                significant++;
            }
            if (frac < 1000000)
                frac++;
            frac_digits++;
            i++;
        }
        if (frac_digits == 0)
            return IPOFACTS_E_SYNTAX; /* "5." */
    }
    int64_t exp10 = 0;
    if (i < len && (text[i] == 'e' || text[i] == 'E')) {
        i++;
        int exp_negative = 0;
        if (i < len && (text[i] == '+' || text[i] == '-')) {
            exp_negative = text[i] == '-';
            i++;
        }
        size_t exp_digits = 0;
        while (i < len && is_digit(text[i])) {
            if (exp10 < 1000000)
                exp10 = exp10 * 10 + (text[i] - '0');
            exp_digits++;
            i++;
        }
        if (exp_digits == 0)
            return IPOFACTS_E_SYNTAX; /* "1e", "1e+" */
        if (exp_negative)
            exp10 = -exp10;
    }
    if (i != len)
        return IPOFACTS_E_SYNTAX; /* anything else, a space or a NUL included */
    if (significant > 18)
        return IPOFACTS_E_OVERFLOW;
    int64_t exponent = exp10 - frac;
    if (exponent < EXP_MIN || exponent > EXP_MAX)
        return IPOFACTS_E_OVERFLOW;
    *out = decimal_of(negative ? -coef : coef, (int32_t)exponent);
    return IPOFACTS_OK;
}

IPOFACTS_API ipofacts_status ipofacts_decimal_format(const ipofacts_decimal *value, char *buf, size_t size)
{
    if (value == NULL || buf == NULL || !decimal_valid(value))
        return IPOFACTS_E_INVALID;
    char tmp[IPOFACTS_DECIMAL_STRING_SIZE];
    char digits[24];
    int64_t c = value->coefficient;
    int n = snprintf(digits, sizeof digits, "%" PRId64, c < 0 ? -c : c);
    int e = value->exponent;
    size_t k = 0;
    if (c < 0)
        tmp[k++] = '-';
    if (c == 0 && e >= 0) {
        tmp[k++] = '0';
    } else if (e >= 0) {
        memcpy(tmp + k, digits, (size_t)n);
        k += (size_t)n;
        for (int z = 0; z < e; z++)
            tmp[k++] = '0';
    } else {
        int point = -e; /* digits after the point */
        if (n > point) {
            memcpy(tmp + k, digits, (size_t)(n - point));
            k += (size_t)(n - point);
            tmp[k++] = '.';
            memcpy(tmp + k, digits + (n - point), (size_t)point);
            k += (size_t)point;
        } else {
            tmp[k++] = '0';
            tmp[k++] = '.';
            for (int z = 0; z < point - n; z++)
                tmp[k++] = '0';
            memcpy(tmp + k, digits, (size_t)n);
            k += (size_t)n;
        }
    }
    tmp[k] = '\0';
    if (k + 1 > size) {
        if (size > 0)
            buf[0] = '\0';
        return IPOFACTS_E_BUFFER;
    }
    memcpy(buf, tmp, k + 1);
    return IPOFACTS_OK;
}

IPOFACTS_API ipofacts_decimal ipofacts_decimal_make(int64_t value, int32_t exponent)
{
    ipofacts_decimal d = decimal_of(value, exponent);
    if (!decimal_valid(&d))
        return decimal_of(0, 0);
    return d;
}

/* ------------------------------------------------------------------ */
/* Arithmetic                                                          */
/* ------------------------------------------------------------------ */

/* Exact ca x 10^ea + cb x 10^eb; preferred exponent min(ea, eb). */
static ipofacts_status add_parts(ipofacts_decimal *out, int64_t ca, int32_t ea, int64_t cb, int32_t eb)
{
    if (ea < eb) {
        int64_t tc = ca;
        ca = cb;
        cb = tc;
        int32_t te = ea;
        ea = eb;
        eb = te;
    }
    /* Now ea >= eb: a has the larger exponent. */
    int64_t prefer = eb;
    if (ca == 0)
        return fit(out, cb, eb, prefer);
    if (cb == 0)
        return fit(out, ca, ea, prefer);
    int64_t diff = (int64_t)ea - eb;
    if (diff > 19) {
        /* Bring b to its shortest form; when a is still more than 19 digits
         * above it, the sum has a non-zero last digit at least 20 places
         * below its leading digit, which no coefficient holds. */
        while (cb % 10 == 0) {
            cb /= 10;
            eb++;
        }
        diff = (int64_t)ea - eb;
        if (diff > 19)
            return IPOFACTS_E_OVERFLOW;
    }
    i128 s = (i128)ca * pow10_i128((int)diff) + (i128)cb;
    return fit(out, s, eb, prefer);
}

IPOFACTS_API ipofacts_status ipofacts_decimal_add(ipofacts_decimal *out, const ipofacts_decimal *a,
                                                  const ipofacts_decimal *b)
{
    if (out == NULL || a == NULL || b == NULL || !decimal_valid(a) || !decimal_valid(b))
        return IPOFACTS_E_INVALID;
    ipofacts_decimal r;
    ipofacts_status st = add_parts(&r, a->coefficient, a->exponent, b->coefficient, b->exponent);
    if (st == IPOFACTS_OK)
        *out = r;
    return st;
}

IPOFACTS_API ipofacts_status ipofacts_decimal_sub(ipofacts_decimal *out, const ipofacts_decimal *a,
                                                  const ipofacts_decimal *b)
{
    if (out == NULL || a == NULL || b == NULL || !decimal_valid(a) || !decimal_valid(b))
        return IPOFACTS_E_INVALID;
    ipofacts_decimal r;
    ipofacts_status st = add_parts(&r, a->coefficient, a->exponent, -b->coefficient, b->exponent);
    if (st == IPOFACTS_OK)
        *out = r;
    return st;
}

IPOFACTS_API ipofacts_status ipofacts_decimal_mul(ipofacts_decimal *out, const ipofacts_decimal *a,
                                                  const ipofacts_decimal *b)
{
    if (out == NULL || a == NULL || b == NULL || !decimal_valid(a) || !decimal_valid(b))
        return IPOFACTS_E_INVALID;
    i128 p = (i128)a->coefficient * (i128)b->coefficient;
    int64_t e = (int64_t)a->exponent + b->exponent;
    ipofacts_decimal r;
    ipofacts_status st = fit(&r, p, e, e);
    if (st == IPOFACTS_OK)
        *out = r;
    return st;
}

/* Number of decimal digits of a magnitude (0 has 1). */
static int digit_count(i128 v)
{
    int n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

/* Compares |a| and |b| for nonzero a, b (any int64 coefficients). */
static int cmp_magnitude(int64_t ca, int32_t ea, int64_t cb, int32_t eb)
{
    i128 ma = abs_i128(ca), mb = abs_i128(cb);
    int64_t adj_a = (int64_t)digit_count(ma) + ea; /* position of the leading digit */
    int64_t adj_b = (int64_t)digit_count(mb) + eb;
    if (adj_a != adj_b)
        return adj_a > adj_b ? 1 : -1;
    /* Same leading position, so |ea - eb| < 20: align exactly. */
    int64_t diff = (int64_t)ea - eb;
    if (diff > 0)
        ma *= pow10_i128((int)diff);
    else if (diff < 0)
        mb *= pow10_i128((int)-diff);
    return ma < mb ? -1 : ma > mb ? 1 : 0;
}

IPOFACTS_API int ipofacts_decimal_cmp(const ipofacts_decimal *a, const ipofacts_decimal *b)
{
    if (a == NULL || b == NULL)
        return a == b ? 0 : a == NULL ? -1 : 1;
    int sa = a->coefficient < 0 ? -1 : a->coefficient > 0;
    int sb = b->coefficient < 0 ? -1 : b->coefficient > 0;
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (sa == 0)
        return 0;
    int m = cmp_magnitude(a->coefficient, a->exponent, b->coefficient, b->exponent);
    return sa > 0 ? m : -m;
}

IPOFACTS_API ipofacts_status ipofacts_decimal_round(ipofacts_decimal *out, const ipofacts_decimal *value,
                                                    int32_t decimals, ipofacts_rounding mode)
{
    if (out == NULL || value == NULL || !decimal_valid(value))
        return IPOFACTS_E_INVALID;
    if (mode != IPOFACTS_ROUND_HALF_UP && mode != IPOFACTS_ROUND_HALF_EVEN && mode != IPOFACTS_ROUND_TRUNCATE &&
        mode != IPOFACTS_ROUND_FLOOR && mode != IPOFACTS_ROUND_CEILING)
        return IPOFACTS_E_INVALID;
    int64_t target = -(int64_t)decimals;
    int64_t c = value->coefficient;
    int64_t e = value->exponent;
    int64_t shift = target - e;
    if (shift <= 0) {
        /* Nothing to round: show the value with the requested exponent when
         * the coefficient holds it, else keep it as it is. */
        if (target >= EXP_MIN && -shift <= 18) {
            i128 scaled = (i128)c * pow10_i128((int)-shift);
            if (abs_i128(scaled) <= COEF_MAX) {
                *out = decimal_of((int64_t)scaled, (int32_t)target);
                return IPOFACTS_OK;
            }
        }
        *out = *value;
        return IPOFACTS_OK;
    }
    int64_t q, r, half_cmp; /* half_cmp: sign of 2|r| - 10^shift */
    if (shift >= 19) {
        /* |c| < 10^18 <= 10^shift / 2: the quotient is 0, below half. */
        q = 0;
        r = c;
        half_cmp = -1;
    } else {
        int64_t p = (int64_t)pow10_i128((int)shift);
        q = c / p;
        r = c % p;
        i128 twice = 2 * abs_i128(r);
        half_cmp = twice < p ? -1 : twice > p ? 1 : 0;
    }
    int sign = c < 0 ? -1 : 1;
    if (r != 0) {
        switch (mode) {
        case IPOFACTS_ROUND_HALF_UP:
            if (half_cmp >= 0)
                q += sign;
            break;
        case IPOFACTS_ROUND_HALF_EVEN:
            if (half_cmp > 0 || (half_cmp == 0 && (q % 2) != 0))
                q += sign;
            break;
        case IPOFACTS_ROUND_TRUNCATE:
            break;
        case IPOFACTS_ROUND_FLOOR:
            if (r < 0)
                q -= 1;
            break;
        case IPOFACTS_ROUND_CEILING:
            if (r > 0)
                q += 1;
            break;
        }
    }
    ipofacts_decimal res;
    ipofacts_status st = fit(&res, q, target, target);
    if (st == IPOFACTS_OK)
        *out = res;
    return st;
}

IPOFACTS_API ipofacts_decimal ipofacts_decimal_normalize(const ipofacts_decimal *value)
{
    if (value == NULL)
        return decimal_of(0, 0);
    int64_t c = value->coefficient;
    int32_t e = value->exponent;
    if (c == 0)
        return decimal_of(0, 0);
    while (c % 10 == 0 && e < EXP_MAX) {
        c /= 10;
        e++;
    }
    return decimal_of(c, e);
}

/* Prints c x 10^e as "<c>e<e>" for strtod. */
static void sci_string(char *buf, size_t size, i128 c, int64_t e)
{
    char rev[48];
    size_t n = 0;
    int neg = c < 0;
    i128 m = abs_i128(c);
    do {
        rev[n++] = (char)('0' + (int)(m % 10));
        m /= 10;
    } while (m != 0 && n < sizeof rev);
    size_t k = 0;
    if (neg && k + 1 < size)
        buf[k++] = '-';
    while (n > 0 && k + 1 < size)
        buf[k++] = rev[--n];
    snprintf(buf + k, size - k, "e%" PRId64, e);
}

/* The double nearest to c x 10^e (glibc's strtod rounds correctly);
 * +-HUGE_VAL beyond the range of doubles. */
static double nearest_double_text(i128 c, int64_t e)
{
    char s[96];
    sci_string(s, sizeof s, c, e);
    return strtod(s, NULL);
}

/* 10^0 .. 10^22: every one is exactly a double (5^22 < 2^53). */
static const double exact_pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                       1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* Whether c x 10^e takes the exact fast path: |c| < 2^53 and |e| <= 22,
 * so that c and 10^|e| are both exactly doubles and one IEEE
 * multiplication or division, rounded to nearest, gives the double nearest
 * to c x 10^e. */
static int fast_path(i128 c, int64_t e)
{
    const i128 limit = (i128)1 << 53;
    return c > -limit && c < limit && e >= -22 && e <= 22;
}

/* The fast path's result; *exact (when not NULL) tells whether it equals
 * c x 10^e exactly. fma gives the exact residual of the one rounding: for
 * a product p = c x t, c x t - p; for a quotient q = c / t, q x t - c,
 * which is exactly representable for a correctly rounded quotient. */
static double fast_double(i128 c, int64_t e, int *exact)
{
    double x = (double)(int64_t)c;
    double r;
    if (e >= 0) {
        double t = exact_pow10[e];
        r = x * t;
        if (exact != NULL)
            *exact = fma(x, t, -r) == 0.0;
    } else {
        double t = exact_pow10[-e];
        r = x / t;
        if (exact != NULL)
            *exact = fma(r, t, -x) == 0.0;
    }
    return r;
}

/* The double nearest to c x 10^e: the fast path when it applies, else the
 * text and strtod. */
static double nearest_double(i128 c, int64_t e)
{
    if (fast_path(c, e))
        return fast_double(c, e, NULL);
    return nearest_double_text(c, e);
}

IPOFACTS_API double ipofacts_decimal_to_double(const ipofacts_decimal *value)
{
    if (value == NULL)
        return 0.0;
    return nearest_double(value->coefficient, value->exponent);
}

IPOFACTS_API int ipofacts_decimal_sign(const ipofacts_decimal *value)
{
    if (value == NULL)
        return 0;
    return value->coefficient < 0 ? -1 : value->coefficient > 0;
}

IPOFACTS_API int32_t ipofacts_decimal_stated_decimals(const ipofacts_decimal *value)
{
    if (value == NULL)
        return 0;
    return -value->exponent;
}

/* ------------------------------------------------------------------ */
/* Qualifiers and intervals                                            */
/* ------------------------------------------------------------------ */

static const char *const qualifier_names[] = {"exact", "approximately", "at_least", "at_most", "range"};

IPOFACTS_API const char *ipofacts_qualifier_name(ipofacts_qualifier qualifier)
{
    if ((int)qualifier < 0 || (size_t)qualifier >= sizeof qualifier_names / sizeof qualifier_names[0])
        return NULL;
    return qualifier_names[qualifier];
}

IPOFACTS_API ipofacts_status ipofacts_qualifier_from_name(ipofacts_qualifier *out, const char *name)
{
    if (out == NULL || name == NULL)
        return IPOFACTS_E_INVALID;
    for (size_t i = 0; i < sizeof qualifier_names / sizeof qualifier_names[0]; i++) {
        if (strcmp(name, qualifier_names[i]) == 0) {
            *out = (ipofacts_qualifier)i;
            return IPOFACTS_OK;
        }
    }
    return IPOFACTS_E_NOT_FOUND;
}

/*
 * Whether c x 10^e is exactly a (finite, normal-range) double: after
 * removing trailing zeros, c x 10^e = (c x 5^e) x 2^e, or (c / 5^-e) x 2^e,
 * and a double holds m x 2^k exactly when the odd part of m is below 2^53.
 */
static int exact_in_double(i128 c, int64_t e)
{
    if (c == 0)
        return 1;
    while (c % 10 == 0) {
        c /= 10;
        e++;
    }
    i128 m = abs_i128(c);
    const i128 limit = (i128)1 << 53;
    if (e >= 0) {
        /* 5^23 > 2^53: any larger e leaves an odd part too large. */
        if (e > 22)
            return 0;
        while ((m & 1) == 0)
            m >>= 1;
        if (m >= limit)
            return 0;
        for (int64_t i = 0; i < e; i++)
            m *= 5;
        return m < limit;
    }
    if (-e > 54)
        return 0; /* 5^55 exceeds any 128-bit coefficient */
    i128 p5 = 1;
    for (int64_t i = 0; i < -e; i++)
        p5 *= 5;
    if (m % p5 != 0)
        return 0;
    m /= p5;
    while ((m & 1) == 0)
        m >>= 1;
    return m < limit;
}

/*
 * A double on the outer side of c x 10^e: at or below it when dir < 0, at
 * or above it when dir > 0. *unbounded is set when no finite double is.
 */
static double outward_double(i128 c, int64_t e, int dir, int *unbounded)
{
    if (fast_path(c, e)) {
        int exact = 0;
        double f = fast_double(c, e, &exact);
        *unbounded = 0;
        return exact ? f : nextafter(f, dir < 0 ? -HUGE_VAL : HUGE_VAL);
    }
    double d = nearest_double_text(c, e);
    *unbounded = 0;
    if (isinf(d)) {
        if ((dir < 0 && d < 0) || (dir > 0 && d > 0)) {
            *unbounded = 1;
            return 0.0;
        }
        return dir < 0 ? DBL_MAX : -DBL_MAX;
    }
    if (exact_in_double(c, e))
        return d;
    return nextafter(d, dir < 0 ? -HUGE_VAL : HUGE_VAL);
}

/*
 * A double on the outer side (dir) of the exact v + s x 5 x k x 10^eh, where
 * v = cv x 10^ev and s is +1 or -1.
 */
static double outward_bound(int64_t cv, int32_t ev, int s, int k, int64_t eh, int dir, int *unbounded)
{
    i128 ch = (i128)s * 5 * k;
    if (cv == 0)
        return outward_double(ch, eh, dir, unbounded);
    int64_t diff = (int64_t)ev - eh;
    if (diff >= -19 && diff <= 19) {
        i128 sum;
        int64_t e;
        if (diff >= 0) {
            sum = (i128)cv * pow10_i128((int)diff) + ch;
            e = eh;
        } else {
            sum = (i128)cv + ch * pow10_i128((int)-diff);
            e = ev;
        }
        return outward_double(sum, e, dir, unbounded);
    }
    /* One term is below 10^-19 of the other: the sum lies strictly between
     * the larger term's nearest double and that double's neighbours, so one
     * step outward from it is on the outer side. */
    double d = diff > 0 ? nearest_double(cv, ev) : nearest_double(ch, eh);
    *unbounded = 0;
    if (isinf(d)) {
        if ((dir < 0 && d < 0) || (dir > 0 && d > 0)) {
            *unbounded = 1;
            return 0.0;
        }
        return dir < 0 ? DBL_MAX : -DBL_MAX;
    }
    return nextafter(d, dir < 0 ? -HUGE_VAL : HUGE_VAL);
}

IPOFACTS_API ipofacts_status ipofacts_reported_interval(ipofacts_interval *out, const ipofacts_decimal *value,
                                                        const ipofacts_decimal *upper, int32_t decimals,
                                                        ipofacts_qualifier qualifier)
{
    if (out == NULL || value == NULL || !decimal_valid(value))
        return IPOFACTS_E_INVALID;
    int k_lo, k_hi; /* multiples of h below the lower value and above the upper one; -1: no bound */
    const ipofacts_decimal *top = value;
    switch (qualifier) {
    case IPOFACTS_QUALIFIER_EXACT: k_lo = 1; k_hi = 1; break;
    case IPOFACTS_QUALIFIER_APPROXIMATELY: k_lo = 2; k_hi = 2; break;
    case IPOFACTS_QUALIFIER_AT_LEAST: k_lo = 1; k_hi = -1; break;
    case IPOFACTS_QUALIFIER_AT_MOST: k_lo = -1; k_hi = 1; break;
    case IPOFACTS_QUALIFIER_RANGE:
        if (upper == NULL || !decimal_valid(upper) || ipofacts_decimal_cmp(upper, value) < 0)
            return IPOFACTS_E_INVALID;
        top = upper;
        k_lo = 1;
        k_hi = 1;
        break;
    default:
        return IPOFACTS_E_INVALID;
    }
    int inf = decimals == IPOFACTS_DECIMALS_INF;
    /* h = 0.5 x 10^-decimals = 5 x 10^(-decimals - 1). */
    int64_t eh = -(int64_t)decimals - 1;
    ipofacts_interval r;
    memset(&r, 0, sizeof r);
    int unbounded;
    if (k_lo < 0) {
        r.flags |= IPOFACTS_INTERVAL_NO_LO;
    } else {
        if (inf)
            r.lo = outward_double(value->coefficient, value->exponent, -1, &unbounded);
        else
            r.lo = outward_bound(value->coefficient, value->exponent, -1, k_lo, eh, -1, &unbounded);
        if (unbounded) {
            r.lo = 0.0;
            r.flags |= IPOFACTS_INTERVAL_NO_LO;
        }
    }
    if (k_hi < 0) {
        r.flags |= IPOFACTS_INTERVAL_NO_HI;
    } else {
        if (inf)
            r.hi = outward_double(top->coefficient, top->exponent, 1, &unbounded);
        else
            r.hi = outward_bound(top->coefficient, top->exponent, 1, k_hi, eh, 1, &unbounded);
        if (unbounded) {
            r.hi = 0.0;
            r.flags |= IPOFACTS_INTERVAL_NO_HI;
        }
    }
    *out = r;
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */
/* ------------------------------------------------------------------ */

static int is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_length(int64_t y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && is_leap(y))
        return 29;
    return len[m - 1];
}

/* Days before the first of month m (1-12) in year y. */
static int days_before_month(int64_t y, int m)
{
    static const int cum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    return cum[m - 1] + (m > 2 && is_leap(y) ? 1 : 0);
}

/* Days from 0001-01-01 to the first of January of year y (y >= 1). */
static int64_t days_before_year(int64_t y)
{
    int64_t p = y - 1;
    return p * 365 + p / 4 - p / 100 + p / 400;
}

/* 0001-01-01 to 1970-01-01. */
#define DAYS_0001_TO_1970 INT64_C(719162)

/* Days from 1970-01-01 to y-m-d, for a valid date. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    return days_before_year(y) + days_before_month(y, m) + (d - 1) - DAYS_0001_TO_1970;
}

static int date_valid(const ipofacts_date *d)
{
    if (d->year < 1 || d->year > 9999)
        return 0;
    switch (d->precision) {
    case IPOFACTS_DATE_YEAR:
        return d->month == 0 && d->day == 0;
    case IPOFACTS_DATE_MONTH:
        return d->month >= 1 && d->month <= 12 && d->day == 0;
    case IPOFACTS_DATE_DAY:
        return d->month >= 1 && d->month <= 12 && d->day >= 1 && d->day <= month_length(d->year, d->month);
    default:
        return 0;
    }
}

static ipofacts_date date_of(int64_t y, int m, int d, ipofacts_date_precision p)
{
    ipofacts_date r;
    memset(&r, 0, sizeof r);
    r.year = (int32_t)y;
    r.month = (uint8_t)m;
    r.day = (uint8_t)d;
    r.precision = (uint8_t)p;
    return r;
}

static int parse_digits(const char *s, size_t n, int *out)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

IPOFACTS_API ipofacts_status ipofacts_date_parse(ipofacts_date *out, const char *text, size_t len)
{
    if (out == NULL || text == NULL)
        return IPOFACTS_E_INVALID;
    int y = 0, m = 0, d = 0;
    ipofacts_date_precision p;
    if (len == 4) {
        p = IPOFACTS_DATE_YEAR;
    } else if (len == 7 && text[4] == '-') {
        p = IPOFACTS_DATE_MONTH;
    } else if (len == 10 && text[4] == '-' && text[7] == '-') {
        p = IPOFACTS_DATE_DAY;
    } else {
        return IPOFACTS_E_SYNTAX;
    }
    if (!parse_digits(text, 4, &y))
        return IPOFACTS_E_SYNTAX;
    if (p >= IPOFACTS_DATE_MONTH && !parse_digits(text + 5, 2, &m))
        return IPOFACTS_E_SYNTAX;
    if (p == IPOFACTS_DATE_DAY && !parse_digits(text + 8, 2, &d))
        return IPOFACTS_E_SYNTAX;
    if (y < 1)
        return IPOFACTS_E_DATE;
    if (p >= IPOFACTS_DATE_MONTH && (m < 1 || m > 12))
        return IPOFACTS_E_DATE;
    if (p == IPOFACTS_DATE_DAY && (d < 1 || d > month_length(y, m)))
        return IPOFACTS_E_DATE;
    *out = date_of(y, m, d, p);
    return IPOFACTS_OK;
}

IPOFACTS_API ipofacts_status ipofacts_date_format(const ipofacts_date *date, char *buf, size_t size)
{
    if (date == NULL || buf == NULL || !date_valid(date))
        return IPOFACTS_E_INVALID;
    char tmp[IPOFACTS_DATE_STRING_SIZE];
    switch (date->precision) {
    case IPOFACTS_DATE_YEAR:
        snprintf(tmp, sizeof tmp, "%04d", (int)date->year);
        break;
    case IPOFACTS_DATE_MONTH:
        snprintf(tmp, sizeof tmp, "%04d-%02d", (int)date->year, (int)date->month);
        break;
    default:
        snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", (int)date->year, (int)date->month, (int)date->day);
        break;
    }
    size_t n = strlen(tmp);
    if (n + 1 > size) {
        if (size > 0)
            buf[0] = '\0';
        return IPOFACTS_E_BUFFER;
    }
    memcpy(buf, tmp, n + 1);
    return IPOFACTS_OK;
}

IPOFACTS_API ipofacts_status ipofacts_date_make(ipofacts_date *out, int32_t year, int32_t month, int32_t day)
{
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > month_length(year, month))
        return IPOFACTS_E_DATE;
    *out = date_of(year, month, day, IPOFACTS_DATE_DAY);
    return IPOFACTS_OK;
}

IPOFACTS_API int ipofacts_date_cmp(const ipofacts_date *a, const ipofacts_date *b)
{
    /* A missing or unknown date sorts before every known one. */
    int ka = a != NULL && a->precision != IPOFACTS_DATE_UNKNOWN;
    int kb = b != NULL && b->precision != IPOFACTS_DATE_UNKNOWN;
    if (!ka || !kb)
        return ka == kb ? 0 : ka ? 1 : -1;
    int ma = a->precision >= IPOFACTS_DATE_MONTH ? a->month : 1;
    int mb = b->precision >= IPOFACTS_DATE_MONTH ? b->month : 1;
    int da = a->precision >= IPOFACTS_DATE_DAY ? a->day : 1;
    int db = b->precision >= IPOFACTS_DATE_DAY ? b->day : 1;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    if (ma != mb)
        return ma < mb ? -1 : 1;
    if (da != db)
        return da < db ? -1 : 1;
    return 0;
}

IPOFACTS_API ipofacts_status ipofacts_date_days(int64_t *out, const ipofacts_date *date)
{
    if (out == NULL || date == NULL || !date_valid(date))
        return IPOFACTS_E_INVALID;
    int m = date->precision >= IPOFACTS_DATE_MONTH ? date->month : 1;
    int d = date->precision >= IPOFACTS_DATE_DAY ? date->day : 1;
    *out = days_from_civil(date->year, m, d);
    return IPOFACTS_OK;
}

/* The day n calendar months after y-m-d, its day clamped to the month's length. */
static int64_t add_months_days(int64_t y, int m, int d, int64_t n)
{
    int64_t idx = y * 12 + (m - 1) + n;
    int64_t ny = idx / 12;
    int nm = (int)(idx % 12) + 1;
    int len = month_length(ny, nm);
    return days_from_civil(ny, nm, d < len ? d : len);
}

IPOFACTS_API ipofacts_status ipofacts_months_between(int32_t *out, const ipofacts_date *start,
                                                     const ipofacts_date *end)
{
    if (out == NULL || start == NULL || end == NULL || !date_valid(start) || !date_valid(end) ||
        start->precision != IPOFACTS_DATE_DAY || end->precision != IPOFACTS_DATE_DAY)
        return IPOFACTS_E_INVALID;
    int64_t ds = days_from_civil(start->year, start->month, start->day);
    int64_t de = days_from_civil(end->year, end->month, end->day);
    if (de < ds)
        return IPOFACTS_E_DATE;
    /* The day after the end: n whole months after the start land exactly on
     * it. Count the calendar months the period touches, then look around
     * that count for the n that lands nearest. */
    int64_t after = de + 1;
    int64_t guess = ((int64_t)end->year * 12 + end->month) - ((int64_t)start->year * 12 + start->month) + 1;
    int64_t best = -1, best_dist = 0;
    for (int64_t n = guess - 2; n <= guess + 1; n++) {
        if (n < 0)
            continue;
        int64_t dist = add_months_days(start->year, start->month, start->day, n) - after;
        if (dist < 0)
            dist = -dist;
        if (best < 0 || dist < best_dist) {
            best = n;
            best_dist = dist;
        }
    }
    *out = (int32_t)best;
    if (best == 0 || best_dist > 3)
        return IPOFACTS_E_RANGE;
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Period labels                                                       */
/* ------------------------------------------------------------------ */

/* Month index (year x 12 + month - 1) of the first month of fiscal year fy. */
static int64_t fiscal_start_index(int64_t fy, int fy_end_month)
{
    return (fy - 1) * 12 + fy_end_month;
}

/* Fills start and end with months [first, first + count) by month index. */
static ipofacts_status months_to_dates(ipofacts_date *start, ipofacts_date *end, int64_t first, int64_t count)
{
    int64_t last = first + count - 1;
    int64_t sy = first / 12, ey = last / 12;
    int sm = (int)(first % 12) + 1, em = (int)(last % 12) + 1;
    if (first < 0 || sy < 1 || ey > 9999)
        return IPOFACTS_E_DATE;
    *start = date_of(sy, sm, 1, IPOFACTS_DATE_DAY);
    *end = date_of(ey, em, month_length(ey, em), IPOFACTS_DATE_DAY);
    return IPOFACTS_OK;
}

/* Reads exactly four digits at s as a year 1-9999; the string must end there. */
static int label_year(const char *s, int64_t *year)
{
    int y;
    if (strlen(s) != 4 || !parse_digits(s, 4, &y) || y < 1)
        return 0;
    *year = y;
    return 1;
}

IPOFACTS_API ipofacts_status ipofacts_period_label_parse(ipofacts_date *start, ipofacts_date *end, const char *label,
                                                         int32_t fy_end_month)
{
    if (start == NULL || end == NULL || label == NULL || fy_end_month < 1 || fy_end_month > 12)
        return IPOFACTS_E_INVALID;
    int64_t year;
    int64_t offset, count; /* months from the start of the fiscal year, and length */
    if (label[0] == 'F' && label[1] == 'Y') {
        if (!label_year(label + 2, &year))
            return IPOFACTS_E_SYNTAX;
        offset = 0;
        count = 12;
    } else if ((label[0] == 'H' && (label[1] == '1' || label[1] == '2')) ||
               (label[0] == 'Q' && label[1] >= '1' && label[1] <= '4')) {
        if (label[2] != ' ' || !label_year(label + 3, &year))
            return IPOFACTS_E_SYNTAX;
        count = label[0] == 'H' ? 6 : 3;
        offset = (label[1] - '1') * count;
    } else {
        size_t i = 0;
        int n = 0;
        while (i < 2 && is_digit(label[i]))
            n = n * 10 + (label[i++] - '0');
        if (i > 0 && label[0] != '0' && label[i] == 'M' && n >= 1 && n <= 12) {
            if (!label_year(label + i + 1, &year))
                return IPOFACTS_E_SYNTAX;
            offset = 0;
            count = n;
        } else {
            /* An instant: a day. */
            ipofacts_date d;
            ipofacts_status st = ipofacts_date_parse(&d, label, strlen(label));
            if (st == IPOFACTS_E_SYNTAX || (st == IPOFACTS_OK && d.precision != IPOFACTS_DATE_DAY))
                return IPOFACTS_E_SYNTAX;
            if (st != IPOFACTS_OK)
                return st;
            *start = date_of(0, 0, 0, IPOFACTS_DATE_UNKNOWN);
            *end = d;
            return IPOFACTS_OK;
        }
    }
    ipofacts_date s, e;
    ipofacts_status st = months_to_dates(&s, &e, fiscal_start_index(year, fy_end_month) + offset, count);
    if (st != IPOFACTS_OK)
        return st;
    *start = s;
    *end = e;
    return IPOFACTS_OK;
}

static ipofacts_status put_text(char *buf, size_t size, const char *text)
{
    size_t n = strlen(text);
    if (n + 1 > size) {
        if (size > 0)
            buf[0] = '\0';
        return IPOFACTS_E_BUFFER;
    }
    memcpy(buf, text, n + 1);
    return IPOFACTS_OK;
}

IPOFACTS_API ipofacts_status ipofacts_period_label_format(char *buf, size_t size, const ipofacts_date *start,
                                                          const ipofacts_date *end, int32_t fy_end_month)
{
    if (buf == NULL || start == NULL || end == NULL || fy_end_month < 1 || fy_end_month > 12 ||
        end->precision != IPOFACTS_DATE_DAY || !date_valid(end))
        return IPOFACTS_E_INVALID;
    char text[48];
    char ds[IPOFACTS_DATE_STRING_SIZE], de[IPOFACTS_DATE_STRING_SIZE];
    ipofacts_date_format(end, de, sizeof de);
    if (start->precision == IPOFACTS_DATE_UNKNOWN)
        return put_text(buf, size, de);
    if (start->precision != IPOFACTS_DATE_DAY || !date_valid(start) || ipofacts_date_cmp(end, start) < 0)
        return IPOFACTS_E_INVALID;
    ipofacts_date_format(start, ds, sizeof ds);
    int whole_months = start->day == 1 && end->day == month_length(end->year, end->month);
    if (whole_months) {
        int64_t first = (int64_t)start->year * 12 + (start->month - 1);
        int64_t last = (int64_t)end->year * 12 + (end->month - 1);
        int64_t count = last - first + 1;
        /* Fiscal year fy starts at month index (fy - 1) x 12 + fy_end_month. */
        int64_t rel = first - fy_end_month;
        int64_t fy = (rel >= 0 ? rel / 12 : -((-rel + 11) / 12)) + 1;
        int64_t offset = first - fiscal_start_index(fy, fy_end_month);
        if (fy >= 1 && fy <= 9999) {
            if (offset == 0 && count == 12)
                snprintf(text, sizeof text, "FY%04d", (int)fy);
            else if (offset == 0 && count == 6)
                snprintf(text, sizeof text, "H1 %04d", (int)fy);
            else if (offset == 6 && count == 6)
                snprintf(text, sizeof text, "H2 %04d", (int)fy);
            else if (offset % 3 == 0 && count == 3)
                snprintf(text, sizeof text, "Q%d %04d", (int)(offset / 3 + 1), (int)fy);
            else if (offset == 0 && count < 12)
                snprintf(text, sizeof text, "%dM%04d", (int)count, (int)fy);
            else
                whole_months = 0;
        } else {
            whole_months = 0;
        }
    }
    if (!whole_months)
        snprintf(text, sizeof text, "%s..%s", ds, de);
    return put_text(buf, size, text);
}

/* ------------------------------------------------------------------ */
/* Units                                                               */
/* ------------------------------------------------------------------ */

static int is_currency_code(const char *s, size_t n)
{
    if (n != 3)
        return 0;
    for (size_t i = 0; i < 3; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

IPOFACTS_API ipofacts_unit_kind ipofacts_unit_classify(const char *unit)
{
    static const char *const counts[] = {"count",        "shares",    "users",   "customers",
                                         "people",       "countries", "languages", "institutions",
                                         "investors",    "videos",    "views",   "parameters",
                                         "rank"};
    static const char *const durations[] = {"days", "months", "years"};
    if (unit == NULL)
        return IPOFACTS_UNIT_INVALID;
    size_t n = strlen(unit);
    if (is_currency_code(unit, n))
        return IPOFACTS_UNIT_CURRENCY;
    if (strcmp(unit, "pure") == 0)
        return IPOFACTS_UNIT_PURE;
    if (strcmp(unit, "multiple") == 0)
        return IPOFACTS_UNIT_MULTIPLE;
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
        if (strcmp(unit, counts[i]) == 0)
            return IPOFACTS_UNIT_COUNT;
    for (size_t i = 0; i < sizeof durations / sizeof durations[0]; i++)
        if (strcmp(unit, durations[i]) == 0)
            return IPOFACTS_UNIT_DURATION;
    if (n > 4 && unit[3] == '/' && is_currency_code(unit, 3)) {
        const char *rest = unit + 4;
        if (strcmp(rest, "share") == 0)
            return IPOFACTS_UNIT_PER_SHARE;
        if (is_currency_code(rest, n - 4) && memcmp(unit, rest, 3) != 0)
            return IPOFACTS_UNIT_RATE;
    }
    return IPOFACTS_UNIT_INVALID;
}

IPOFACTS_API ipofacts_status ipofacts_unit_currency(char *buf, size_t size, const char *unit)
{
    if (buf == NULL || unit == NULL)
        return IPOFACTS_E_INVALID;
    ipofacts_unit_kind kind = ipofacts_unit_classify(unit);
    if (kind != IPOFACTS_UNIT_CURRENCY && kind != IPOFACTS_UNIT_PER_SHARE && kind != IPOFACTS_UNIT_RATE)
        return IPOFACTS_E_UNIT;
    if (size < 4) {
        if (size > 0)
            buf[0] = '\0';
        return IPOFACTS_E_BUFFER;
    }
    memcpy(buf, unit, 3);
    buf[3] = '\0';
    return IPOFACTS_OK;
}
