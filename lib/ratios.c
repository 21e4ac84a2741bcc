/*
 * Ratios on values: operands, growth, CAGR, margins, shares, concentration,
 * burn, runway, TTM, first-day return, implied shares, conversion,
 * price-to-sales and holding values, plus the names of statuses, bases and
 * kinds.
 *
 * Every function computes two things from its operands: the value from
 * their stated values, and the interval from their intervals with outward
 * rounding (ratio_interval.c). Each formula is written so that an operand
 * appears once where possible (1 - cost / revenue rather than
 * (revenue - cost) / revenue), which makes the interval tight.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ratio_internal.h"

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

static const char *const status_names[] = {
    "ok",          "zero_denominator", "negative_base", "denominator_straddles_zero",
    "period_mismatch", "currency_mismatch", "not_burning", "missing_input",
    "overflow",    "unbounded",        "unit_mismatch", "invalid_input",
};

IPOFACTS_API const char *ipofacts_ratio_status_name(ipofacts_ratio_status status)
{
    if ((unsigned)status < sizeof status_names / sizeof status_names[0])
        return status_names[status];
    return "unknown";
}

static const char *const basis_names[] = {
    "default",      "operating_cash_flow", "free_cash_flow", "net_income",
    "adjusted_net_income", "gross_profit", "revenue_less_cost", "reported_prior",
    "implied_prior", "ttm",                "fiscal_year",    "customer_revenue",
};

#define NBASES (sizeof basis_names / sizeof basis_names[0])

IPOFACTS_API const char *ipofacts_ratio_basis_name(ipofacts_ratio_basis basis)
{
    if ((unsigned)basis < NBASES)
        return basis_names[basis];
    return "unknown";
}

/* The index of name in a table of names (NULL entries skipped), or -1. */
static int name_index(const char *const *names, size_t count, const char *name)
{
    for (size_t i = 0; i < count; i++)
        if (names[i] != NULL && strcmp(names[i], name) == 0)
            return (int)i;
    return -1;
}

IPOFACTS_API ipofacts_status ipofacts_ratio_basis_from_name(ipofacts_ratio_basis *out, const char *name)
{
    if (out == NULL || name == NULL)
        return IPOFACTS_E_INVALID;
    int i = name_index(basis_names, NBASES, name);
    if (i < 0)
        return IPOFACTS_E_NOT_FOUND;
    *out = (ipofacts_ratio_basis)i;
    return IPOFACTS_OK;
}

static const char *const kind_names[IPOFACTS_RATIO_KIND_COUNT] = {
    NULL,
    "growth",
    "cagr",
    "gross_margin",
    "net_margin",
    "adjusted_net_margin",
    "rd_intensity",
    "segment_share",
    "top1_customer_share",
    "top5_customer_share",
    "monthly_burn",
    "runway",
    "ttm",
    "first_day_return",
    "implied_shares",
    "market_cap",
    "price_to_sales",
    "holding_value",
    "implied_rate",
    "gross_profit",
};

IPOFACTS_API const char *ipofacts_ratio_kind_name(ipofacts_ratio_kind kind)
{
    if ((unsigned)kind < IPOFACTS_RATIO_KIND_COUNT)
        return kind_names[kind];
    return NULL;
}

IPOFACTS_API ipofacts_status ipofacts_ratio_kind_from_name(ipofacts_ratio_kind *out, const char *name)
{
    if (out == NULL || name == NULL)
        return IPOFACTS_E_INVALID;
    int i = name_index(kind_names, IPOFACTS_RATIO_KIND_COUNT, name);
    if (i < 0)
        return IPOFACTS_E_NOT_FOUND;
    *out = (ipofacts_ratio_kind)i;
    return IPOFACTS_OK;
}

IPOFACTS_API const char *ipofacts_ratio_kind_reported_concept(ipofacts_ratio_kind kind, const char *concept_id)
{
    switch (kind) {
    case IPOFACTS_RATIO_KIND_GROWTH:
        if (concept_id == NULL || strcmp(concept_id, "revenue") == 0)
            return "revenue_growth";
        if (strcmp(concept_id, "segment_revenue") == 0)
            return "segment_revenue_growth";
        return NULL;
    case IPOFACTS_RATIO_KIND_GROSS_MARGIN: return "gross_margin";
    case IPOFACTS_RATIO_KIND_NET_MARGIN: return "net_margin";
    case IPOFACTS_RATIO_KIND_ADJUSTED_NET_MARGIN: return "adjusted_net_margin";
    case IPOFACTS_RATIO_KIND_RD_INTENSITY: return "rd_intensity";
    case IPOFACTS_RATIO_KIND_SEGMENT_SHARE: return "revenue_share";
    case IPOFACTS_RATIO_KIND_TOP1_CUSTOMER_SHARE: return "top1_customer_share";
    case IPOFACTS_RATIO_KIND_TOP5_CUSTOMER_SHARE: return "top5_customer_share";
    case IPOFACTS_RATIO_KIND_RUNWAY: return "runway_months";
    case IPOFACTS_RATIO_KIND_FIRST_DAY_RETURN: return "first_day_return";
    case IPOFACTS_RATIO_KIND_IMPLIED_SHARES: return "shares_outstanding";
    case IPOFACTS_RATIO_KIND_MARKET_CAP: return "market_capitalization";
    case IPOFACTS_RATIO_KIND_HOLDING_VALUE: return "holding_value";
    case IPOFACTS_RATIO_KIND_TTM:
        return NULL;
    case IPOFACTS_RATIO_KIND_IMPLIED_RATE: return "exchange_rate";
    case IPOFACTS_RATIO_KIND_GROSS_PROFIT: return "gross_profit";
    default:
        return NULL;
    }
}

/* ------------------------------------------------------------------ */
/* Results                                                             */
/* ------------------------------------------------------------------ */

static void set_unit(ipofacts_ratio *r, const char *unit)
{
    memset(r->unit, 0, sizeof r->unit);
    if (unit != NULL) {
        size_t n = strlen(unit);
        if (n >= sizeof r->unit)
            n = sizeof r->unit - 1;
        memcpy(r->unit, unit, n);
    }
}

/* A refusal: numbers 0, the intended unit kept when known. */
static ipofacts_status fail(ipofacts_ratio *out, ipofacts_ratio_status st, const char *unit,
                            ipofacts_ratio_basis basis)
{
    memset(out, 0, sizeof *out);
    out->status = st;
    out->basis = basis;
    out->flags = IPOFACTS_RATIO_FLAG_DERIVED;
    set_unit(out, unit);
    return IPOFACTS_OK;
}

/* A result: the value is clamped into the interval (the interval is the
 * rounded-outward truth; the value is a round-to-nearest estimate of a
 * point inside it). */
static ipofacts_status finish(ipofacts_ratio *out, double value, ipf_iv iv, const char *unit,
                              ipofacts_ratio_basis basis, uint32_t flags)
{
    if (isnan(value) || isnan(iv.lo) || isnan(iv.hi))
        return fail(out, IPOFACTS_RATIO_INVALID_INPUT, unit, basis);
    if (isinf(value))
        return fail(out, IPOFACTS_RATIO_OVERFLOW, unit, basis);
    if (isinf(iv.lo) && isinf(iv.hi))
        return fail(out, IPOFACTS_RATIO_UNBOUNDED, unit, basis);
    if (value < iv.lo)
        value = iv.lo;
    if (value > iv.hi)
        value = iv.hi;
    memset(out, 0, sizeof *out);
    out->value = value == 0 ? 0.0 : value;
    ipf_iv_to(&out->interval, iv);
    out->status = IPOFACTS_RATIO_OK;
    out->basis = basis;
    out->flags = (flags & ~IPOFACTS_RATIO_FLAG_REPORTED) | IPOFACTS_RATIO_FLAG_DERIVED;
    set_unit(out, unit);
    return IPOFACTS_OK;
}

/* An operand's value and interval, or the status that stops the computation. */
static ipofacts_ratio_status operand(const ipofacts_ratio *r, double *v, ipf_iv *iv)
{
    if (r == NULL)
        return IPOFACTS_RATIO_MISSING_INPUT;
    if (r->status != IPOFACTS_RATIO_OK)
        return r->status;
    if (!isfinite(r->value) || !ipf_iv_from(iv, &r->interval))
        return IPOFACTS_RATIO_INVALID_INPUT;
    *v = r->value;
    return IPOFACTS_RATIO_OK;
}

/* Status of a quotient's denominator given its value and interval. */
static ipofacts_ratio_status denominator(double v, ipf_iv iv, int must_be_positive)
{
    if (v == 0)
        return IPOFACTS_RATIO_ZERO_DENOMINATOR;
    if (must_be_positive && v < 0)
        return IPOFACTS_RATIO_NEGATIVE_BASE;
    if (iv.lo <= 0 && iv.hi >= 0)
        return IPOFACTS_RATIO_DENOMINATOR_STRADDLES_ZERO;
    return IPOFACTS_RATIO_OK;
}

static uint32_t carried_flags(const ipofacts_ratio *a, const ipofacts_ratio *b)
{
    uint32_t keep = IPOFACTS_RATIO_FLAG_PROXY | IPOFACTS_RATIO_FLAG_ANNUALISED | IPOFACTS_RATIO_FLAG_IMPLIED |
                    IPOFACTS_RATIO_FLAG_CONVERTED;
    uint32_t f = 0;
    if (a != NULL)
        f |= a->flags & keep;
    if (b != NULL)
        f |= b->flags & keep;
    return f;
}

/* Two operands must be in the same unit; amounts in different currencies
 * are a currency mismatch, anything else a unit mismatch. */
static ipofacts_ratio_status same_unit(const ipofacts_ratio *a, const ipofacts_ratio *b)
{
    char ca[4], cb[4], ba[4], bb[4];
    ipf_unit_form fa = ipf_unit_parse(a->unit, ca, ba);
    ipf_unit_form fb = ipf_unit_parse(b->unit, cb, bb);
    if (fa == IPF_UNIT_NONE || fb == IPF_UNIT_NONE)
        return IPOFACTS_RATIO_UNIT_MISMATCH;
    if (strcmp(a->unit, b->unit) == 0)
        return IPOFACTS_RATIO_OK;
    if (fa == fb && ca[0] != '\0' && strcmp(ca, cb) != 0)
        return IPOFACTS_RATIO_CURRENCY_MISMATCH;
    return IPOFACTS_RATIO_UNIT_MISMATCH;
}

/* An operand must be an amount of money (form), returning its currency. */
static ipofacts_ratio_status want_form(const ipofacts_ratio *r, ipf_unit_form form, char ccy[4])
{
    char base[4];
    return ipf_unit_parse(r->unit, ccy, base) == form ? IPOFACTS_RATIO_OK : IPOFACTS_RATIO_UNIT_MISMATCH;
}

/* ------------------------------------------------------------------ */
/* Operands                                                            */
/* ------------------------------------------------------------------ */

static int unit_fits(const char *unit)
{
    return unit != NULL && strlen(unit) < IPOFACTS_RATIO_UNIT_SIZE;
}

IPOFACTS_API ipofacts_status ipofacts_ratio_input(ipofacts_ratio *out, const ipofacts_decimal *value,
                                                  const ipofacts_decimal *upper, int32_t decimals,
                                                  ipofacts_qualifier qualifier, const char *unit)
{
    ipofacts_interval iv;
    char c[4], b[4];
    if (out == NULL || value == NULL || unit == NULL)
        return IPOFACTS_E_INVALID;
    if (!unit_fits(unit) || ipf_unit_parse(unit, c, b) == IPF_UNIT_NONE)
        return IPOFACTS_E_UNIT;
    ipofacts_status st = ipofacts_reported_interval(&iv, value, upper, decimals, qualifier);
    if (st != IPOFACTS_OK)
        return st;
    memset(out, 0, sizeof *out);
    out->value = ipofacts_decimal_to_double(value);
    /* A range stands for any value between its ends: its midpoint is the value. */
    if (qualifier == IPOFACTS_QUALIFIER_RANGE)
        out->value = out->value / 2 + ipofacts_decimal_to_double(upper) / 2;
    if (!isfinite(out->value))
        return IPOFACTS_E_INVALID;
    out->interval = iv;
    out->status = IPOFACTS_RATIO_OK;
    out->basis = IPOFACTS_BASIS_DEFAULT;
    out->flags = IPOFACTS_RATIO_FLAG_REPORTED;
    set_unit(out, unit);
    /* The nearest double of the value may sit a hair outside an exact
     * figure's interval; keep the value inside. */
    if (!(iv.flags & IPOFACTS_INTERVAL_NO_LO) && out->value < iv.lo)
        out->value = iv.lo;
    if (!(iv.flags & IPOFACTS_INTERVAL_NO_HI) && out->value > iv.hi)
        out->value = iv.hi;
    return IPOFACTS_OK;
}

IPOFACTS_API ipofacts_status ipofacts_ratio_input_fact(ipofacts_ratio *out, const ipofacts_fact *fact)
{
    ipofacts_decimal v, up;
    if (out == NULL || fact == NULL)
        return IPOFACTS_E_INVALID;
    const char *unit = ipofacts_fact_unit(fact);
    if (unit == NULL || !unit_fits(unit))
        return IPOFACTS_E_UNIT;
    v = ipofacts_fact_value(fact);
    ipofacts_qualifier q = ipofacts_fact_qualifier(fact);
    int has_upper = q == IPOFACTS_QUALIFIER_RANGE && ipofacts_fact_upper(&up, fact) == IPOFACTS_OK;
    ipofacts_interval iv;
    ipofacts_status st = ipofacts_fact_interval(&iv, fact);
    if (st != IPOFACTS_OK)
        return st;
    memset(out, 0, sizeof *out);
    /* A range stands for any value between its ends: its midpoint is the value. */
    out->value = ipofacts_decimal_to_double(&v);
    if (has_upper)
        out->value = out->value / 2 + ipofacts_decimal_to_double(&up) / 2;
    if (!isfinite(out->value))
        return IPOFACTS_E_INVALID;
    out->interval = iv;
    out->status = IPOFACTS_RATIO_OK;
    out->flags = IPOFACTS_RATIO_FLAG_REPORTED;
    set_unit(out, unit);
    if (!(iv.flags & IPOFACTS_INTERVAL_NO_LO) && out->value < iv.lo)
        out->value = iv.lo;
    if (!(iv.flags & IPOFACTS_INTERVAL_NO_HI) && out->value > iv.hi)
        out->value = iv.hi;
    return IPOFACTS_OK;
}

IPOFACTS_API ipofacts_status ipofacts_ratio_input_interval(ipofacts_ratio *out, double value,
                                                           const ipofacts_interval *interval, const char *unit)
{
    ipf_iv iv;
    char c[4], b[4];
    if (out == NULL || interval == NULL || unit == NULL || !isfinite(value) || !ipf_iv_from(&iv, interval))
        return IPOFACTS_E_INVALID;
    if (value < iv.lo || value > iv.hi)
        return IPOFACTS_E_INVALID;
    if (!unit_fits(unit) || ipf_unit_parse(unit, c, b) == IPF_UNIT_NONE)
        return IPOFACTS_E_UNIT;
    memset(out, 0, sizeof *out);
    out->value = value;
    ipf_iv_to(&out->interval, iv);
    out->status = IPOFACTS_RATIO_OK;
    out->flags = IPOFACTS_RATIO_FLAG_REPORTED;
    set_unit(out, unit);
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Growth and CAGR                                                     */
/* ------------------------------------------------------------------ */

/* x * 12 / months, for annualising a flow. */
static ipofacts_ratio_status annualise(double *v, ipf_iv *iv, int32_t months)
{
    ipf_iv t;
    ipofacts_ratio_status st = ipf_iv_mul(&t, *iv, ipf_iv_point(12.0));
    if (st == IPOFACTS_RATIO_OK)
        st = ipf_iv_div(&t, t, ipf_iv_point((double)months));
    if (st != IPOFACTS_RATIO_OK)
        return st;
    *iv = t;
    *v = *v * 12.0 / (double)months;
    return IPOFACTS_RATIO_OK;
}

IPOFACTS_API ipofacts_status ipofacts_ratio_growth(ipofacts_ratio *out, const ipofacts_ratio *current,
                                                   int32_t current_months, const ipofacts_ratio *prior,
                                                   int32_t prior_months, uint32_t flags)
{
    double c, p;
    ipf_iv ci, pi, q, r;
    ipofacts_ratio_status st;
    uint32_t extra = 0;
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    if ((st = operand(current, &c, &ci)) != IPOFACTS_RATIO_OK || (st = operand(prior, &p, &pi)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", IPOFACTS_BASIS_DEFAULT);
    if ((st = same_unit(current, prior)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", IPOFACTS_BASIS_DEFAULT);
    if (current_months < 0 || prior_months < 0 || (current_months == 0) != (prior_months == 0))
        return fail(out, IPOFACTS_RATIO_INVALID_INPUT, "pure", IPOFACTS_BASIS_DEFAULT);
    if (current_months != prior_months) {
        if (!(flags & IPOFACTS_RATIO_ANNUALISE))
            return fail(out, IPOFACTS_RATIO_PERIOD_MISMATCH, "pure", IPOFACTS_BASIS_DEFAULT);
        if ((st = annualise(&c, &ci, current_months)) != IPOFACTS_RATIO_OK ||
            (st = annualise(&p, &pi, prior_months)) != IPOFACTS_RATIO_OK)
            return fail(out, st, "pure", IPOFACTS_BASIS_DEFAULT);
        extra |= IPOFACTS_RATIO_FLAG_ANNUALISED;
    }
    if ((st = denominator(p, pi, 1)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", IPOFACTS_BASIS_DEFAULT);
    if ((st = ipf_iv_div(&q, ci, pi)) != IPOFACTS_RATIO_OK ||
        (st = ipf_iv_sub(&r, q, ipf_iv_point(1.0))) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", IPOFACTS_BASIS_DEFAULT);
    return finish(out, c / p - 1.0, r, "pure", IPOFACTS_BASIS_DEFAULT, carried_flags(current, prior) | extra);
}

/* pow rounded in a direction: glibc's pow is accurate to within one ulp,
 * two steps outward cover it. */
static double pow_dir(double x, double e, int dir)
{
    if (x == 0)
        return 0.0;
    if (isinf(x))
        return x;
    double r = pow(x, e);
    if (isinf(r))
        return r;
    return nextafter(nextafter(r, dir < 0 ? -INFINITY : INFINITY), dir < 0 ? -INFINITY : INFINITY);
}

IPOFACTS_API ipofacts_status ipofacts_ratio_cagr(ipofacts_ratio *out, const ipofacts_ratio *first,
                                                 const ipofacts_ratio *last, double years)
{
    double f, l;
    ipf_iv fi, li, q;
    ipofacts_ratio_status st;
    int of = 0;
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    if ((st = operand(first, &f, &fi)) != IPOFACTS_RATIO_OK || (st = operand(last, &l, &li)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", IPOFACTS_BASIS_DEFAULT);
    if ((st = same_unit(first, last)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", IPOFACTS_BASIS_DEFAULT);
    if (!isfinite(years) || years <= 0)
        return fail(out, IPOFACTS_RATIO_INVALID_INPUT, "pure", IPOFACTS_BASIS_DEFAULT);
    if ((st = denominator(f, fi, 1)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", IPOFACTS_BASIS_DEFAULT);
    if (l < 0)
        return fail(out, IPOFACTS_RATIO_NEGATIVE_BASE, "pure", IPOFACTS_BASIS_DEFAULT);
    /* A root of a negative number does not exist: true values below zero
     * have no CAGR, so the last value's interval starts at zero at most. */
    if (li.lo < 0)
        li.lo = 0;
    if ((st = ipf_iv_div(&q, li, fi)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", IPOFACTS_BASIS_DEFAULT);
    double e_lo = ipf_div_dir(1.0, years, -1, &of), e_hi = ipf_div_dir(1.0, years, 1, &of);
    ipf_iv r;
    /* x^e grows with e for x >= 1 and shrinks for x < 1. */
    r.lo = pow_dir(q.lo, q.lo >= 1 ? e_lo : e_hi, -1);
    r.hi = pow_dir(q.hi, q.hi >= 1 ? e_hi : e_lo, 1);
    if ((isinf(r.hi) && !isinf(q.hi)) || of)
        return fail(out, IPOFACTS_RATIO_OVERFLOW, "pure", IPOFACTS_BASIS_DEFAULT);
    if ((st = ipf_iv_sub(&r, r, ipf_iv_point(1.0))) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", IPOFACTS_BASIS_DEFAULT);
    return finish(out, pow(l / f, 1.0 / years) - 1.0, r, "pure", IPOFACTS_BASIS_DEFAULT,
                  carried_flags(first, last));
}

/* ------------------------------------------------------------------ */
/* Margins and shares                                                  */
/* ------------------------------------------------------------------ */

/* num / revenue, with revenue positive and both in one currency. When
 * num_nonneg, a negative numerator value is refused as invalid. */
static ipofacts_status per_revenue(ipofacts_ratio *out, const ipofacts_ratio *num, const ipofacts_ratio *rev,
                                   ipofacts_ratio_basis basis, int num_nonneg)
{
    double n, r;
    ipf_iv ni, ri, q;
    ipofacts_ratio_status st;
    char c[4];
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    if ((st = operand(num, &n, &ni)) != IPOFACTS_RATIO_OK || (st = operand(rev, &r, &ri)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", basis);
    if ((st = want_form(rev, IPF_UNIT_AMOUNT, c)) != IPOFACTS_RATIO_OK ||
        (st = same_unit(num, rev)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", basis);
    if (num_nonneg && n < 0)
        return fail(out, IPOFACTS_RATIO_INVALID_INPUT, "pure", basis);
    if ((st = denominator(r, ri, 1)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", basis);
    if ((st = ipf_iv_div(&q, ni, ri)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", basis);
    return finish(out, n / r, q, "pure", basis, carried_flags(num, rev));
}

IPOFACTS_API ipofacts_status ipofacts_ratio_gross_margin(ipofacts_ratio *out, const ipofacts_ratio *revenue,
                                                         const ipofacts_ratio *cost_of_sales)
{
    ipofacts_ratio share;
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    per_revenue(&share, cost_of_sales, revenue, IPOFACTS_BASIS_REVENUE_LESS_COST, 1);
    if (share.status != IPOFACTS_RATIO_OK)
        return fail(out, share.status, "pure", IPOFACTS_BASIS_REVENUE_LESS_COST);
    ipf_iv s, m;
    ipf_iv_from(&s, &share.interval);
    ipofacts_ratio_status st = ipf_iv_sub(&m, ipf_iv_point(1.0), s);
    if (st != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", IPOFACTS_BASIS_REVENUE_LESS_COST);
    return finish(out, 1.0 - cost_of_sales->value / revenue->value, m, "pure", IPOFACTS_BASIS_REVENUE_LESS_COST,
                  share.flags);
}

IPOFACTS_API ipofacts_status ipofacts_ratio_gross_profit(ipofacts_ratio *out, const ipofacts_ratio *revenue,
                                                         const ipofacts_ratio *cost_of_sales)
{
    double r, k;
    ipf_iv ri, ki, g;
    ipofacts_ratio_status st;
    char c[4];
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    const char *unit = revenue != NULL ? revenue->unit : "";
    if ((st = operand(revenue, &r, &ri)) != IPOFACTS_RATIO_OK || (st = operand(cost_of_sales, &k, &ki)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, IPOFACTS_BASIS_REVENUE_LESS_COST);
    if ((st = want_form(revenue, IPF_UNIT_AMOUNT, c)) != IPOFACTS_RATIO_OK ||
        (st = same_unit(revenue, cost_of_sales)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, IPOFACTS_BASIS_REVENUE_LESS_COST);
    if (k < 0)
        return fail(out, IPOFACTS_RATIO_INVALID_INPUT, unit, IPOFACTS_BASIS_REVENUE_LESS_COST);
    if ((st = ipf_iv_sub(&g, ri, ki)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, IPOFACTS_BASIS_REVENUE_LESS_COST);
    return finish(out, r - k, g, unit, IPOFACTS_BASIS_REVENUE_LESS_COST, carried_flags(revenue, cost_of_sales));
}

IPOFACTS_API ipofacts_status ipofacts_ratio_gross_margin_from_profit(ipofacts_ratio *out,
                                                                     const ipofacts_ratio *gross_profit,
                                                                     const ipofacts_ratio *revenue)
{
    return per_revenue(out, gross_profit, revenue, IPOFACTS_BASIS_GROSS_PROFIT, 0);
}

IPOFACTS_API ipofacts_status ipofacts_ratio_net_margin(ipofacts_ratio *out, const ipofacts_ratio *net_income,
                                                       const ipofacts_ratio *revenue)
{
    return per_revenue(out, net_income, revenue, IPOFACTS_BASIS_DEFAULT, 0);
}

IPOFACTS_API ipofacts_status ipofacts_ratio_adjusted_net_margin(ipofacts_ratio *out,
                                                                const ipofacts_ratio *adjusted_net_income,
                                                                const ipofacts_ratio *revenue)
{
    return per_revenue(out, adjusted_net_income, revenue, IPOFACTS_BASIS_DEFAULT, 0);
}

IPOFACTS_API ipofacts_status ipofacts_ratio_rd_intensity(ipofacts_ratio *out, const ipofacts_ratio *rd_expense,
                                                         const ipofacts_ratio *revenue)
{
    return per_revenue(out, rd_expense, revenue, IPOFACTS_BASIS_DEFAULT, 1);
}

IPOFACTS_API ipofacts_status ipofacts_ratio_share(ipofacts_ratio *out, const ipofacts_ratio *part,
                                                  const ipofacts_ratio *whole)
{
    return per_revenue(out, part, whole, IPOFACTS_BASIS_DEFAULT, 1);
}

static int cmp_desc(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x < y) - (x > y);
}

IPOFACTS_API ipofacts_status ipofacts_ratio_concentration(ipofacts_ratio *out, const ipofacts_ratio *customers,
                                                          size_t count, size_t top, const ipofacts_ratio *revenue)
{
    const ipofacts_ratio_basis basis = IPOFACTS_BASIS_CUSTOMER_REVENUE;
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    if (top == 0)
        return fail(out, IPOFACTS_RATIO_INVALID_INPUT, "pure", basis);
    if (customers == NULL || count < top)
        return fail(out, IPOFACTS_RATIO_MISSING_INPUT, "pure", basis);
    if (count > SIZE_MAX / (3 * sizeof(double)))
        return fail(out, IPOFACTS_RATIO_OVERFLOW, "pure", basis);
    double *vals = malloc(3 * count * sizeof *vals);
    if (vals == NULL)
        return IPOFACTS_E_NOMEM;
    double *los = vals + count, *his = vals + 2 * count;
    ipofacts_ratio_status st = IPOFACTS_RATIO_OK;
    uint32_t flags = 0;
    for (size_t i = 0; i < count && st == IPOFACTS_RATIO_OK; i++) {
        ipf_iv iv;
        st = operand(&customers[i], &vals[i], &iv);
        if (st == IPOFACTS_RATIO_OK)
            st = same_unit(&customers[i], revenue != NULL ? revenue : &customers[i]);
        if (st == IPOFACTS_RATIO_OK && vals[i] < 0)
            st = IPOFACTS_RATIO_INVALID_INPUT;
        if (st == IPOFACTS_RATIO_OK) {
            los[i] = iv.lo;
            his[i] = iv.hi;
        }
        flags |= carried_flags(&customers[i], NULL);
    }
    ipofacts_ratio sum;
    if (st == IPOFACTS_RATIO_OK) {
        /* The sum of the n largest values is monotone in every value: its
         * bounds are the sums of the n largest bounds. */
        qsort(vals, count, sizeof *vals, cmp_desc);
        qsort(los, count, sizeof *los, cmp_desc);
        qsort(his, count, sizeof *his, cmp_desc);
        ipf_iv acc = ipf_iv_point(0.0);
        double v = 0;
        for (size_t i = 0; i < top && st == IPOFACTS_RATIO_OK; i++) {
            ipf_iv term;
            term.lo = los[i];
            term.hi = his[i];
            st = ipf_iv_add(&acc, acc, term);
            v += vals[i];
        }
        if (st == IPOFACTS_RATIO_OK) {
            finish(&sum, v, acc, customers[0].unit, basis, flags);
            st = sum.status;
        }
    }
    free(vals);
    if (st != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", basis);
    return per_revenue(out, &sum, revenue, basis, 1);
}

/* ------------------------------------------------------------------ */
/* Burn and runway                                                     */
/* ------------------------------------------------------------------ */

IPOFACTS_API ipofacts_status ipofacts_ratio_monthly_burn(ipofacts_ratio *out, const ipofacts_ratio *flow,
                                                         const ipofacts_ratio *capex, int32_t months,
                                                         ipofacts_ratio_basis basis)
{
    double f, k = 0;
    ipf_iv fi, ki = ipf_iv_point(0.0), net, b;
    ipofacts_ratio_status st;
    char ccy[4], unit[IPOFACTS_RATIO_UNIT_SIZE];
    uint32_t flags;
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    if (basis != IPOFACTS_BASIS_OPERATING_CASH_FLOW && basis != IPOFACTS_BASIS_FREE_CASH_FLOW &&
        basis != IPOFACTS_BASIS_NET_INCOME && basis != IPOFACTS_BASIS_ADJUSTED_NET_INCOME)
        return fail(out, IPOFACTS_RATIO_INVALID_INPUT, "", basis);
    if ((st = operand(flow, &f, &fi)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "", basis);
    if ((st = want_form(flow, IPF_UNIT_AMOUNT, ccy)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "", basis);
    {
        /* "<ccy>/month", as snprintf would write it, cut to the unit's size. */
        static const char suffix[] = "/month";
        size_t n = strnlen(ccy, sizeof unit - 1), m = sizeof suffix - 1;
        if (n + m > sizeof unit - 1)
            m = sizeof unit - 1 - n;
        memcpy(unit, ccy, n);
        memcpy(unit + n, suffix, m);
        unit[n + m] = '\0';
    }
    flags = carried_flags(flow, NULL);
    if (basis == IPOFACTS_BASIS_NET_INCOME || basis == IPOFACTS_BASIS_ADJUSTED_NET_INCOME)
        flags |= IPOFACTS_RATIO_FLAG_PROXY;
    if (basis == IPOFACTS_BASIS_FREE_CASH_FLOW) {
        if ((st = operand(capex, &k, &ki)) != IPOFACTS_RATIO_OK)
            return fail(out, st, unit, basis);
        if ((st = same_unit(capex, flow)) != IPOFACTS_RATIO_OK)
            return fail(out, st, unit, basis);
        flags |= carried_flags(capex, NULL);
    }
    if (months < 1)
        return fail(out, IPOFACTS_RATIO_INVALID_INPUT, unit, basis);
    if ((st = ipf_iv_sub(&net, fi, ki)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, basis);
    double v = f - k;
    if (isinf(v))
        return fail(out, IPOFACTS_RATIO_OVERFLOW, unit, basis);
    if (v >= 0)
        return fail(out, IPOFACTS_RATIO_NOT_BURNING, unit, basis);
    if ((st = ipf_iv_div(&b, ipf_iv_neg(net), ipf_iv_point((double)months))) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, basis);
    return finish(out, -v / (double)months, b, unit, basis, flags);
}

IPOFACTS_API ipofacts_status ipofacts_ratio_runway(ipofacts_ratio *out, const ipofacts_ratio *cash,
                                                   const ipofacts_ratio *burn)
{
    double c, b;
    ipf_iv ci, bi, r;
    ipofacts_ratio_status st;
    char cc[4], bc[4], base[4];
    ipofacts_ratio_basis basis = burn != NULL ? burn->basis : IPOFACTS_BASIS_DEFAULT;
    int of = 0;
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    if ((st = operand(cash, &c, &ci)) != IPOFACTS_RATIO_OK || (st = operand(burn, &b, &bi)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "months", basis);
    if (ipf_unit_parse(cash->unit, cc, base) != IPF_UNIT_AMOUNT ||
        ipf_unit_parse(burn->unit, bc, base) != IPF_UNIT_PER_MONTH)
        return fail(out, IPOFACTS_RATIO_UNIT_MISMATCH, "months", basis);
    if (strcmp(cc, bc) != 0)
        return fail(out, IPOFACTS_RATIO_CURRENCY_MISMATCH, "months", basis);
    if (c < 0)
        return fail(out, IPOFACTS_RATIO_INVALID_INPUT, "months", basis);
    if (b <= 0)
        return fail(out, IPOFACTS_RATIO_NOT_BURNING, "months", basis);
    /* Cash cannot be negative: true values start at zero. */
    if (ci.lo < 0)
        ci.lo = 0;
    if (bi.lo > 0) {
        if ((st = ipf_iv_div(&r, ci, bi)) != IPOFACTS_RATIO_OK)
            return fail(out, st, "months", basis);
    } else {
        /* The company may not be burning at all: no upper bound. The
         * smallest runway is the least cash over the largest burn. */
        r.lo = ipf_div_dir(ci.lo, bi.hi, -1, &of);
        r.hi = INFINITY;
        if (of)
            return fail(out, IPOFACTS_RATIO_OVERFLOW, "months", basis);
    }
    return finish(out, c / b, r, "months", basis, carried_flags(cash, burn));
}

/* ------------------------------------------------------------------ */
/* TTM and implied prior periods                                       */
/* ------------------------------------------------------------------ */

IPOFACTS_API ipofacts_status ipofacts_ratio_ttm(ipofacts_ratio *out, const ipofacts_ratio *fiscal_year,
                                                int32_t fy_months, const ipofacts_ratio *ytd, int32_t ytd_months,
                                                const ipofacts_ratio *prior_ytd, int32_t prior_months)
{
    double f, y, p;
    ipf_iv fi, yi, pi, r;
    ipofacts_ratio_status st;
    const ipofacts_ratio_basis basis = IPOFACTS_BASIS_REPORTED_PRIOR;
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    const char *unit = fiscal_year != NULL ? fiscal_year->unit : "";
    if ((st = operand(fiscal_year, &f, &fi)) != IPOFACTS_RATIO_OK || (st = operand(ytd, &y, &yi)) != IPOFACTS_RATIO_OK ||
        (st = operand(prior_ytd, &p, &pi)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, basis);
    if ((st = same_unit(fiscal_year, ytd)) != IPOFACTS_RATIO_OK ||
        (st = same_unit(fiscal_year, prior_ytd)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, basis);
    if (fy_months != 12 || ytd_months < 1 || ytd_months > 11 || prior_months != ytd_months)
        return fail(out, IPOFACTS_RATIO_PERIOD_MISMATCH, unit, basis);
    if ((st = ipf_iv_add(&r, fi, yi)) != IPOFACTS_RATIO_OK || (st = ipf_iv_sub(&r, r, pi)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, basis);
    return finish(out, f + y - p, r, unit, basis,
                  carried_flags(fiscal_year, ytd) | carried_flags(prior_ytd, NULL));
}

/* 1 + g, refused when it is not positive. */
static ipofacts_ratio_status one_plus(const ipofacts_ratio *growth, double *v, ipf_iv *iv)
{
    double g;
    ipf_iv gi;
    char c[4], b[4];
    ipofacts_ratio_status st = operand(growth, &g, &gi);
    if (st != IPOFACTS_RATIO_OK)
        return st;
    if (ipf_unit_parse(growth->unit, c, b) != IPF_UNIT_PURE)
        return IPOFACTS_RATIO_UNIT_MISMATCH;
    if ((st = ipf_iv_add(iv, ipf_iv_point(1.0), gi)) != IPOFACTS_RATIO_OK)
        return st;
    *v = 1.0 + g;
    return denominator(*v, *iv, 1);
}

IPOFACTS_API ipofacts_status ipofacts_ratio_implied_prior(ipofacts_ratio *out, const ipofacts_ratio *current,
                                                          const ipofacts_ratio *growth)
{
    double c, d;
    ipf_iv ci, di, r;
    ipofacts_ratio_status st;
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    const char *unit = current != NULL ? current->unit : "";
    if ((st = operand(current, &c, &ci)) != IPOFACTS_RATIO_OK || (st = one_plus(growth, &d, &di)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, IPOFACTS_BASIS_IMPLIED_PRIOR);
    if ((st = ipf_iv_div(&r, ci, di)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, IPOFACTS_BASIS_IMPLIED_PRIOR);
    return finish(out, c / d, r, unit, IPOFACTS_BASIS_IMPLIED_PRIOR,
                  carried_flags(current, growth) | IPOFACTS_RATIO_FLAG_IMPLIED);
}

IPOFACTS_API ipofacts_status ipofacts_ratio_ttm_from_growth(ipofacts_ratio *out, const ipofacts_ratio *fiscal_year,
                                                            int32_t fy_months, const ipofacts_ratio *ytd,
                                                            int32_t ytd_months, const ipofacts_ratio *growth)
{
    double f, y, d;
    ipf_iv fi, yi, di, k, r;
    ipofacts_ratio_status st;
    const ipofacts_ratio_basis basis = IPOFACTS_BASIS_IMPLIED_PRIOR;
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    const char *unit = fiscal_year != NULL ? fiscal_year->unit : "";
    if ((st = operand(fiscal_year, &f, &fi)) != IPOFACTS_RATIO_OK || (st = operand(ytd, &y, &yi)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, basis);
    if ((st = same_unit(fiscal_year, ytd)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, basis);
    if (fy_months != 12 || ytd_months < 1 || ytd_months > 11)
        return fail(out, IPOFACTS_RATIO_PERIOD_MISMATCH, unit, basis);
    if ((st = one_plus(growth, &d, &di)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, basis);
    /* FY + YTD - YTD / (1 + g) = FY + YTD x (1 - 1 / (1 + g)): each input once. */
    if ((st = ipf_iv_div(&k, ipf_iv_point(1.0), di)) != IPOFACTS_RATIO_OK ||
        (st = ipf_iv_sub(&k, ipf_iv_point(1.0), k)) != IPOFACTS_RATIO_OK ||
        (st = ipf_iv_mul(&r, yi, k)) != IPOFACTS_RATIO_OK || (st = ipf_iv_add(&r, fi, r)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, basis);
    return finish(out, f + y - y / d, r, unit, basis,
                  carried_flags(fiscal_year, ytd) | carried_flags(growth, NULL) | IPOFACTS_RATIO_FLAG_IMPLIED);
}

/* ------------------------------------------------------------------ */
/* Market ratios                                                       */
/* ------------------------------------------------------------------ */

IPOFACTS_API ipofacts_status ipofacts_ratio_first_day_return(ipofacts_ratio *out, const ipofacts_ratio *price,
                                                             const ipofacts_ratio *offer_price)
{
    double p, o;
    ipf_iv pi, oi, r;
    ipofacts_ratio_status st;
    char c[4];
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    if ((st = operand(price, &p, &pi)) != IPOFACTS_RATIO_OK || (st = operand(offer_price, &o, &oi)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", IPOFACTS_BASIS_DEFAULT);
    if ((st = want_form(offer_price, IPF_UNIT_PER_SHARE, c)) != IPOFACTS_RATIO_OK ||
        (st = same_unit(price, offer_price)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", IPOFACTS_BASIS_DEFAULT);
    if ((st = denominator(o, oi, 1)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", IPOFACTS_BASIS_DEFAULT);
    if ((st = ipf_iv_div(&r, pi, oi)) != IPOFACTS_RATIO_OK || (st = ipf_iv_sub(&r, r, ipf_iv_point(1.0))) != IPOFACTS_RATIO_OK)
        return fail(out, st, "pure", IPOFACTS_BASIS_DEFAULT);
    return finish(out, p / o - 1.0, r, "pure", IPOFACTS_BASIS_DEFAULT, carried_flags(price, offer_price));
}

IPOFACTS_API ipofacts_status ipofacts_ratio_implied_shares(ipofacts_ratio *out, const ipofacts_ratio *market_cap,
                                                           const ipofacts_ratio *price)
{
    double m, p;
    ipf_iv mi, pi, r;
    ipofacts_ratio_status st;
    char mc[4], pc[4];
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    if ((st = operand(market_cap, &m, &mi)) != IPOFACTS_RATIO_OK || (st = operand(price, &p, &pi)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "shares", IPOFACTS_BASIS_DEFAULT);
    if ((st = want_form(market_cap, IPF_UNIT_AMOUNT, mc)) != IPOFACTS_RATIO_OK ||
        (st = want_form(price, IPF_UNIT_PER_SHARE, pc)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "shares", IPOFACTS_BASIS_DEFAULT);
    if (strcmp(mc, pc) != 0)
        return fail(out, IPOFACTS_RATIO_CURRENCY_MISMATCH, "shares", IPOFACTS_BASIS_DEFAULT);
    if ((st = denominator(p, pi, 1)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "shares", IPOFACTS_BASIS_DEFAULT);
    if ((st = ipf_iv_div(&r, mi, pi)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "shares", IPOFACTS_BASIS_DEFAULT);
    return finish(out, m / p, r, "shares", IPOFACTS_BASIS_DEFAULT, carried_flags(market_cap, price));
}

IPOFACTS_API ipofacts_status ipofacts_ratio_convert(ipofacts_ratio *out, const ipofacts_ratio *amount,
                                                    const ipofacts_ratio *rate, const char *currency)
{
    double a, x;
    ipf_iv ai, xi, r;
    ipofacts_ratio_status st;
    char ac[4], ab[4], q[4], b[4], unit[IPOFACTS_RATIO_UNIT_SIZE];
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    if (currency == NULL || strlen(currency) != 3)
        return fail(out, IPOFACTS_RATIO_INVALID_INPUT, "", IPOFACTS_BASIS_DEFAULT);
    if ((st = operand(amount, &a, &ai)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "", IPOFACTS_BASIS_DEFAULT);
    ipf_unit_form form = ipf_unit_parse(amount->unit, ac, ab);
    if (form != IPF_UNIT_AMOUNT && form != IPF_UNIT_PER_SHARE && form != IPF_UNIT_PER_MONTH)
        return fail(out, IPOFACTS_RATIO_UNIT_MISMATCH, "", IPOFACTS_BASIS_DEFAULT);
    /* The amount's unit with the currency replaced. */
    snprintf(unit, sizeof unit, "%s%s", currency, amount->unit + 3);
    if (strcmp(ac, currency) == 0) {
        *out = *amount;
        out->flags = (out->flags & ~IPOFACTS_RATIO_FLAG_REPORTED) | IPOFACTS_RATIO_FLAG_DERIVED;
        return IPOFACTS_OK;
    }
    if (rate == NULL)
        return fail(out, IPOFACTS_RATIO_CURRENCY_MISMATCH, unit, IPOFACTS_BASIS_DEFAULT);
    if ((st = operand(rate, &x, &xi)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, IPOFACTS_BASIS_DEFAULT);
    if (ipf_unit_parse(rate->unit, q, b) != IPF_UNIT_RATE)
        return fail(out, IPOFACTS_RATIO_UNIT_MISMATCH, unit, IPOFACTS_BASIS_DEFAULT);
    int multiply;
    if (strcmp(b, ac) == 0 && strcmp(q, currency) == 0)
        multiply = 1; /* amount in the base currency: times quote per base */
    else if (strcmp(q, ac) == 0 && strcmp(b, currency) == 0)
        multiply = 0;
    else
        return fail(out, IPOFACTS_RATIO_CURRENCY_MISMATCH, unit, IPOFACTS_BASIS_DEFAULT);
    /* A rate is positive; one whose interval reaches zero is no rate. */
    if ((st = denominator(x, xi, 1)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, IPOFACTS_BASIS_DEFAULT);
    st = multiply ? ipf_iv_mul(&r, ai, xi) : ipf_iv_div(&r, ai, xi);
    if (st != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, IPOFACTS_BASIS_DEFAULT);
    return finish(out, multiply ? a * x : a / x, r, unit, amount->basis,
                  carried_flags(amount, rate) | IPOFACTS_RATIO_FLAG_CONVERTED);
}

IPOFACTS_API ipofacts_status ipofacts_ratio_price_to_sales(ipofacts_ratio *out, const ipofacts_ratio *market_cap,
                                                           const ipofacts_ratio *revenue, const ipofacts_ratio *rate)
{
    double m, r;
    ipf_iv mi, ri, q;
    ipofacts_ratio_status st;
    char mc[4], rc[4];
    ipofacts_ratio cap;
    ipofacts_ratio_basis basis = revenue != NULL ? revenue->basis : IPOFACTS_BASIS_DEFAULT;
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    if ((st = operand(market_cap, &m, &mi)) != IPOFACTS_RATIO_OK || (st = operand(revenue, &r, &ri)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "multiple", basis);
    if ((st = want_form(market_cap, IPF_UNIT_AMOUNT, mc)) != IPOFACTS_RATIO_OK ||
        (st = want_form(revenue, IPF_UNIT_AMOUNT, rc)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "multiple", basis);
    cap = *market_cap;
    if (strcmp(mc, rc) != 0) {
        ipofacts_ratio_convert(&cap, market_cap, rate, rc);
        if (cap.status != IPOFACTS_RATIO_OK)
            return fail(out, cap.status, "multiple", basis);
        m = cap.value;
        ipf_iv_from(&mi, &cap.interval);
    }
    if ((st = denominator(r, ri, 1)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "multiple", basis);
    if ((st = ipf_iv_div(&q, mi, ri)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "multiple", basis);
    return finish(out, m / r, q, "multiple", basis, carried_flags(&cap, revenue));
}

IPOFACTS_API ipofacts_status ipofacts_ratio_holding_value(ipofacts_ratio *out, const ipofacts_ratio *stake,
                                                          const ipofacts_ratio *market_cap)
{
    double s, m;
    ipf_iv si, mi, r;
    ipofacts_ratio_status st;
    char c[4], b[4];
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    const char *unit = market_cap != NULL ? market_cap->unit : "";
    if ((st = operand(stake, &s, &si)) != IPOFACTS_RATIO_OK || (st = operand(market_cap, &m, &mi)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, IPOFACTS_BASIS_DEFAULT);
    if (ipf_unit_parse(stake->unit, c, b) != IPF_UNIT_PURE ||
        ipf_unit_parse(market_cap->unit, c, b) != IPF_UNIT_AMOUNT)
        return fail(out, IPOFACTS_RATIO_UNIT_MISMATCH, unit, IPOFACTS_BASIS_DEFAULT);
    if (s < 0 || s > 1)
        return fail(out, IPOFACTS_RATIO_INVALID_INPUT, unit, IPOFACTS_BASIS_DEFAULT);
    if ((st = ipf_iv_mul(&r, si, mi)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, IPOFACTS_BASIS_DEFAULT);
    return finish(out, s * m, r, unit, IPOFACTS_BASIS_DEFAULT, carried_flags(stake, market_cap));
}

IPOFACTS_API ipofacts_status ipofacts_ratio_implied_rate(ipofacts_ratio *out, const ipofacts_ratio *quote,
                                                         const ipofacts_ratio *base)
{
    double q, b;
    ipf_iv qi, bi, r;
    ipofacts_ratio_status st;
    char qc[4], bc[4], x[4], unit[IPOFACTS_RATIO_UNIT_SIZE];
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    if ((st = operand(quote, &q, &qi)) != IPOFACTS_RATIO_OK || (st = operand(base, &b, &bi)) != IPOFACTS_RATIO_OK)
        return fail(out, st, "", IPOFACTS_BASIS_DEFAULT);
    if (ipf_unit_parse(quote->unit, qc, x) != IPF_UNIT_AMOUNT || ipf_unit_parse(base->unit, bc, x) != IPF_UNIT_AMOUNT ||
        strcmp(qc, bc) == 0)
        return fail(out, IPOFACTS_RATIO_UNIT_MISMATCH, "", IPOFACTS_BASIS_DEFAULT);
    snprintf(unit, sizeof unit, "%s/%s", qc, bc);
    if (q < 0 && b < 0) {
        /* A loss converted: the rate is the same for the magnitudes. */
        q = -q;
        b = -b;
        qi = ipf_iv_neg(qi);
        bi = ipf_iv_neg(bi);
    }
    if (q < 0)
        return fail(out, IPOFACTS_RATIO_INVALID_INPUT, unit, IPOFACTS_BASIS_DEFAULT);
    if ((st = denominator(b, bi, 1)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, IPOFACTS_BASIS_DEFAULT);
    if ((st = ipf_iv_div(&r, qi, bi)) != IPOFACTS_RATIO_OK)
        return fail(out, st, unit, IPOFACTS_BASIS_DEFAULT);
    return finish(out, q / b, r, unit, IPOFACTS_BASIS_DEFAULT, carried_flags(quote, base));
}
