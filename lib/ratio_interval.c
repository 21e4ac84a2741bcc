/*
 * Interval arithmetic with outward rounding.
 *
 * Each bound is computed in double precision and then moved one step
 * outward only when the double result is inexact in the wrong direction:
 * the rounding error of a sum is found exactly with the TwoSum algorithm,
 * that of a product or quotient with a fused multiply-add. Exact bounds
 * therefore stay exact ([0, 0] stays [0, 0]) and inexact ones always contain
 * the exact result. Open-ended sides are carried as infinities inside this
 * file and as IPOFACTS_INTERVAL_NO_LO / NO_HI outside it.
 */
#include <math.h>
#include <string.h>

#include "ratio_internal.h"

/* Below this magnitude the error term of a product or quotient may itself
 * underflow, so it cannot tell the direction: the bound is widened anyway. */
#define TINY 0x1p-960

static double step(double x, int dir)
{
    return nextafter(x, dir < 0 ? -INFINITY : INFINITY);
}

double ipf_add_dir(double a, double b, int dir, int *overflow)
{
    double s = a + b;
    if (isinf(a) || isinf(b))
        return s;
    if (isinf(s)) {
        *overflow = 1;
        return s;
    }
    double bb = s - a;
    double err = (a - (s - bb)) + (b - bb);
    if ((dir < 0 && err < 0) || (dir > 0 && err > 0))
        return step(s, dir);
    return s;
}

double ipf_mul_dir(double a, double b, int dir, int *overflow)
{
    if (a == 0 || b == 0)
        return 0.0;
    if (isinf(a) || isinf(b))
        return ((a < 0) != (b < 0)) ? -INFINITY : INFINITY;
    double p = a * b;
    if (isinf(p)) {
        *overflow = 1;
        return p;
    }
    if (fabs(p) < TINY)
        return step(p, dir);
    double err = fma(a, b, -p);
    if ((dir < 0 && err < 0) || (dir > 0 && err > 0))
        return step(p, dir);
    return p;
}

double ipf_div_dir(double a, double b, int dir, int *overflow)
{
    if (isinf(a) && isinf(b))
        return NAN;
    if (isinf(a))
        return ((a < 0) != (b < 0)) ? -INFINITY : INFINITY;
    if (isinf(b) || a == 0)
        return 0.0;
    double q = a / b;
    if (isinf(q)) {
        *overflow = 1;
        return q;
    }
    if (fabs(q) < TINY || fabs(a) < TINY)
        return step(q, dir);
    /* a - q b is exact for a correctly rounded quotient; the exact quotient
     * is q + r / b. */
    double r = fma(-q, b, a);
    int s = (r > 0) - (r < 0);
    if (b < 0)
        s = -s;
    if ((dir < 0 && s < 0) || (dir > 0 && s > 0))
        return step(q, dir);
    return q;
}

int ipf_iv_from(ipf_iv *out, const ipofacts_interval *in)
{
    if (in == NULL)
        return 0;
    if (in->flags & ~(IPOFACTS_INTERVAL_NO_LO | IPOFACTS_INTERVAL_NO_HI))
        return 0;
    double lo = -INFINITY, hi = INFINITY;
    if (!(in->flags & IPOFACTS_INTERVAL_NO_LO)) {
        if (!isfinite(in->lo))
            return 0;
        lo = in->lo;
    }
    if (!(in->flags & IPOFACTS_INTERVAL_NO_HI)) {
        if (!isfinite(in->hi))
            return 0;
        hi = in->hi;
    }
    if (lo > hi)
        return 0;
    out->lo = lo;
    out->hi = hi;
    return 1;
}

void ipf_iv_to(ipofacts_interval *out, ipf_iv in)
{
    memset(out, 0, sizeof *out);
    if (isinf(in.lo) && in.lo < 0)
        out->flags |= IPOFACTS_INTERVAL_NO_LO;
    else
        out->lo = in.lo == 0 ? 0.0 : in.lo;
    if (isinf(in.hi) && in.hi > 0)
        out->flags |= IPOFACTS_INTERVAL_NO_HI;
    else
        out->hi = in.hi == 0 ? 0.0 : in.hi;
}

ipf_iv ipf_iv_point(double x)
{
    ipf_iv r;
    r.lo = x;
    r.hi = x;
    return r;
}

ipf_iv ipf_iv_neg(ipf_iv a)
{
    ipf_iv r;
    r.lo = -a.hi;
    r.hi = -a.lo;
    return r;
}

ipofacts_ratio_status ipf_iv_add(ipf_iv *out, ipf_iv a, ipf_iv b)
{
    int of = 0;
    ipf_iv r;
    r.lo = ipf_add_dir(a.lo, b.lo, -1, &of);
    r.hi = ipf_add_dir(a.hi, b.hi, 1, &of);
    if (of)
        return IPOFACTS_RATIO_OVERFLOW;
    *out = r;
    return IPOFACTS_RATIO_OK;
}

ipofacts_ratio_status ipf_iv_sub(ipf_iv *out, ipf_iv a, ipf_iv b)
{
    return ipf_iv_add(out, a, ipf_iv_neg(b));
}

ipofacts_ratio_status ipf_iv_mul(ipf_iv *out, ipf_iv a, ipf_iv b)
{
    int of = 0;
    double xs[2] = {a.lo, a.hi}, ys[2] = {b.lo, b.hi};
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
            double d = ipf_mul_dir(xs[i], ys[j], -1, &of);
            double u = ipf_mul_dir(xs[i], ys[j], 1, &of);
            if (d < lo)
                lo = d;
            if (u > hi)
                hi = u;
        }
    }
    if (of)
        return IPOFACTS_RATIO_OVERFLOW;
    out->lo = lo;
    out->hi = hi;
    return IPOFACTS_RATIO_OK;
}

ipofacts_ratio_status ipf_iv_div(ipf_iv *out, ipf_iv a, ipf_iv b)
{
    if (b.lo <= 0 && b.hi >= 0)
        return (b.lo == 0 && b.hi == 0) ? IPOFACTS_RATIO_ZERO_DENOMINATOR
                                         : IPOFACTS_RATIO_DENOMINATOR_STRADDLES_ZERO;
    int of = 0;
    double xs[2] = {a.lo, a.hi}, ys[2] = {b.lo, b.hi};
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
            /* An infinite bound over an infinite bound has no limit; the
             * quotient is monotone in each operand, so the other corners
             * already reach the extremes. */
            if (isinf(xs[i]) && isinf(ys[j]))
                continue;
            double d = ipf_div_dir(xs[i], ys[j], -1, &of);
            double u = ipf_div_dir(xs[i], ys[j], 1, &of);
            if (d < lo)
                lo = d;
            if (u > hi)
                hi = u;
        }
    }
    if (of)
        return IPOFACTS_RATIO_OVERFLOW;
    out->lo = lo;
    out->hi = hi;
    return IPOFACTS_RATIO_OK;
}

/* ------------------------------------------------------------------ */
/* Public interval functions                                           */
/* ------------------------------------------------------------------ */

typedef ipofacts_ratio_status (*iv_op)(ipf_iv *, ipf_iv, ipf_iv);

static ipofacts_ratio_status public_op(ipofacts_interval *out, const ipofacts_interval *a,
                                       const ipofacts_interval *b, iv_op op)
{
    ipf_iv x, y, r;
    if (out == NULL)
        return IPOFACTS_RATIO_INVALID_INPUT;
    memset(out, 0, sizeof *out);
    if (!ipf_iv_from(&x, a) || !ipf_iv_from(&y, b))
        return IPOFACTS_RATIO_INVALID_INPUT;
    ipofacts_ratio_status st = op(&r, x, y);
    if (st != IPOFACTS_RATIO_OK)
        return st;
    ipf_iv_to(out, r);
    return IPOFACTS_RATIO_OK;
}

IPOFACTS_API ipofacts_ratio_status ipofacts_interval_add(ipofacts_interval *out, const ipofacts_interval *a,
                                                         const ipofacts_interval *b)
{
    return public_op(out, a, b, ipf_iv_add);
}

IPOFACTS_API ipofacts_ratio_status ipofacts_interval_sub(ipofacts_interval *out, const ipofacts_interval *a,
                                                         const ipofacts_interval *b)
{
    return public_op(out, a, b, ipf_iv_sub);
}

IPOFACTS_API ipofacts_ratio_status ipofacts_interval_mul(ipofacts_interval *out, const ipofacts_interval *a,
                                                         const ipofacts_interval *b)
{
    return public_op(out, a, b, ipf_iv_mul);
}

IPOFACTS_API ipofacts_ratio_status ipofacts_interval_div(ipofacts_interval *out, const ipofacts_interval *a,
                                                         const ipofacts_interval *b)
{
    return public_op(out, a, b, ipf_iv_div);
}

IPOFACTS_API int ipofacts_interval_contains(const ipofacts_interval *interval, double x)
{
    ipf_iv v;
    if (isnan(x) || !ipf_iv_from(&v, interval))
        return 0;
    return v.lo <= x && x <= v.hi;
}

IPOFACTS_API int ipofacts_interval_overlaps(const ipofacts_interval *a, const ipofacts_interval *b)
{
    ipf_iv x, y;
    if (!ipf_iv_from(&x, a) || !ipf_iv_from(&y, b))
        return 0;
    return x.lo <= y.hi && y.lo <= x.hi;
}
