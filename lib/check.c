/*
 * The consistency check: reports against reports (REPORT_CONFLICT), reported
 * ratios, shares, growth rates, holding values and amounts against the ones
 * computed from their parts, runway claims against the runway on each burn
 * basis, parts against wholes and currency conversions within a source
 * against each other.
 *
 * Rounding rules (docs/ratios.md): two intervals conflict only when they
 * cannot overlap; a reported figure is consistent with a computation when
 * its interval meets the computed interval (some computed value rounds to
 * it); otherwise, when it is an exact figure and its truncation interval
 * meets the computed one, it is the weaker RATIO_TRUNCATED.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipofacts/check.h"
#include "ratio_company.h"

struct ipofacts_finding {
    ipofacts_finding_kind kind;
    ipofacts_severity severity;
    const ipofacts_company *company;
    const char *concept_id;
    const char *segment;
    const ipofacts_period *period;
    const ipofacts_fact **facts;
    size_t nfacts;
    ipofacts_derived **derived;
    size_t nderived;
    char *message;
    size_t order_company; /* company index in the dataset */
    size_t order_fact;    /* index of the first fact in its company */
    size_t order_seq;     /* discovery order, for a stable sort */
};

struct ipofacts_findings {
    ipofacts_finding *items;
    size_t count;
    size_t cap;
};

typedef struct check_ctx {
    ipofacts_findings *out;
    const ipofacts_company *company;
    size_t company_index;
    size_t nfacts;
    const ipofacts_fact **facts; /* the company's facts by index */
    int nomem;
} check_ctx;

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

static const char *const kind_names[] = {
    NULL,
    "report_conflict",
    "ratio_mismatch",
    "ratio_truncated",
    "share_mismatch",
    "holding_value_mismatch",
    "runway_claim",
    "amount_mismatch",
    "part_exceeds_whole",
    "conversion_mismatch",
};

IPOFACTS_API const char *ipofacts_finding_kind_name(ipofacts_finding_kind kind)
{
    if ((unsigned)kind < sizeof kind_names / sizeof kind_names[0])
        return kind_names[kind];
    return NULL;
}

IPOFACTS_API const char *ipofacts_severity_name(ipofacts_severity severity)
{
    switch (severity) {
    case IPOFACTS_SEVERITY_WARNING: return "warning";
    case IPOFACTS_SEVERITY_INCONSISTENT: return "inconsistent";
    default: return NULL;
    }
}

/* ------------------------------------------------------------------ */
/* Building findings                                                   */
/* ------------------------------------------------------------------ */

static void finding_clear(ipofacts_finding *f)
{
    free(f->facts);
    for (size_t i = 0; i < f->nderived; i++)
        ipofacts_derived_free(f->derived[i]);
    free(f->derived);
    free(f->message);
}

IPOFACTS_API void ipofacts_findings_free(ipofacts_findings *findings)
{
    if (findings == NULL)
        return;
    for (size_t i = 0; i < findings->count; i++)
        finding_clear(&findings->items[i]);
    free(findings->items);
    free(findings);
}

static size_t fact_index(const check_ctx *c, const ipofacts_fact *f)
{
    for (size_t i = 0; i < c->nfacts; i++)
        if (c->facts[i] == f)
            return i;
    return c->nfacts;
}

/* Adds a finding. Takes the message and the derivations (owned from here,
 * freed on failure); copies the fact list. */
static void add_finding(check_ctx *c, ipofacts_finding_kind kind, ipofacts_severity sev, const ipofacts_fact *subject,
                        const ipofacts_fact *const *facts, size_t nfacts, ipofacts_derived **derived,
                        size_t nderived, char *message)
{
    ipofacts_findings *o = c->out;
    ipofacts_finding f;
    memset(&f, 0, sizeof f);
    f.kind = kind;
    f.severity = sev;
    f.company = c->company;
    f.concept_id = ipofacts_fact_concept_id(subject);
    f.segment = ipofacts_fact_segment(subject);
    f.period = ipofacts_fact_period(subject);
    f.message = message;
    f.order_company = c->company_index;
    f.order_fact = fact_index(c, facts[0]);
    f.order_seq = o->count;
    f.facts = malloc(nfacts * sizeof *f.facts);
    if (nderived > 0) {
        f.derived = malloc(nderived * sizeof *f.derived);
        if (f.derived != NULL) {
            memcpy(f.derived, derived, nderived * sizeof *derived);
            f.nderived = nderived;
        }
    }
    if (message == NULL || f.facts == NULL || (nderived > 0 && f.derived == NULL)) {
        if (f.derived == NULL)
            for (size_t i = 0; i < nderived; i++)
                ipofacts_derived_free(derived[i]);
        finding_clear(&f);
        c->nomem = 1;
        return;
    }
    memcpy(f.facts, facts, nfacts * sizeof *facts);
    f.nfacts = nfacts;
    if (o->count == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 16;
        ipofacts_finding *p = realloc(o->items, cap * sizeof *p);
        if (p == NULL) {
            finding_clear(&f);
            c->nomem = 1;
            return;
        }
        o->items = p;
        o->cap = cap;
    }
    o->items[o->count++] = f;
}

/* ------------------------------------------------------------------ */
/* Text                                                                */
/* ------------------------------------------------------------------ */

static void interval_text(ipf_buf *b, const ipofacts_interval *iv)
{
    char lo[48], hi[48];
    if (iv->flags & IPOFACTS_INTERVAL_NO_LO)
        snprintf(lo, sizeof lo, "-inf");
    else
        ipf_num_dir(lo, sizeof lo, iv->lo, 6, -1);
    if (iv->flags & IPOFACTS_INTERVAL_NO_HI)
        snprintf(hi, sizeof hi, "+inf");
    else
        ipf_num_dir(hi, sizeof hi, iv->hi, 6, 1);
    ipf_buf_printf(b, "[%s, %s]", lo, hi);
}

/* v + k x h as exact decimal text, h = 0.5 x 10^-d; 0 when it does not fit. */
static int shifted(char *buf, size_t size, const ipofacts_decimal *v, int32_t d, int k)
{
    ipofacts_decimal h = ipofacts_decimal_make(5 * k, -d - 1), r;
    if (d > 30 || d < -30 || ipofacts_decimal_add(&r, v, &h) != IPOFACTS_OK)
        return 0;
    r = ipofacts_decimal_normalize(&r);
    return ipofacts_decimal_format(&r, buf, size) == IPOFACTS_OK;
}

/* The interval a fact stands for, with exact decimal bounds where they
 * are finite ("[30522500, 30523500]", "[36.5, +inf]"). */
static void fact_interval_text(ipf_buf *b, const ipofacts_fact *f)
{
    char lo[IPOFACTS_DECIMAL_STRING_SIZE], hi[IPOFACTS_DECIMAL_STRING_SIZE];
    ipofacts_decimal v = ipofacts_fact_value(f), up = v;
    int32_t d = ipofacts_fact_decimals(f);
    ipofacts_qualifier q = ipofacts_fact_qualifier(f);
    int k = q == IPOFACTS_QUALIFIER_APPROXIMATELY ? 2 : 1;
    if (q == IPOFACTS_QUALIFIER_RANGE && ipofacts_fact_upper(&up, f) != IPOFACTS_OK)
        up = v;
    if (d == IPOFACTS_DECIMALS_INF) {
        k = 0;
        d = 0;
    }
    int ok_lo = 1, ok_hi = 1;
    if (q == IPOFACTS_QUALIFIER_AT_MOST)
        snprintf(lo, sizeof lo, "-inf");
    else
        ok_lo = shifted(lo, sizeof lo, &v, d, -k);
    if (q == IPOFACTS_QUALIFIER_AT_LEAST)
        snprintf(hi, sizeof hi, "+inf");
    else
        ok_hi = shifted(hi, sizeof hi, &up, d, k);
    if (ok_lo && ok_hi) {
        ipf_buf_printf(b, "[%s, %s]", lo, hi);
        return;
    }
    ipofacts_interval iv;
    if (ipofacts_fact_interval(&iv, f) == IPOFACTS_OK)
        interval_text(b, &iv);
}

/* "revenue FY2023" or "revenue_share[hailuo_ai] 9M2025". */
static void subject_text(ipf_buf *b, const ipofacts_fact *f)
{
    const char *seg = ipofacts_fact_segment(f);
    ipf_buf_printf(b, "%s", ipofacts_fact_concept_id(f));
    if (seg != NULL)
        ipf_buf_printf(b, "[%s]", seg);
    ipf_buf_printf(b, " %s", ipofacts_period_label(ipofacts_fact_period(f)));
}

/* "3460000 USD [3455000, 3465000] (shzqb-202512 "346 萬美元")", with the
 * qualifier when it is not exact. */
static void report_text(ipf_buf *b, const ipofacts_fact *f)
{
    char v[IPOFACTS_DECIMAL_STRING_SIZE], u[IPOFACTS_DECIMAL_STRING_SIZE];
    ipofacts_decimal d = ipofacts_fact_value(f), up;
    ipofacts_qualifier q = ipofacts_fact_qualifier(f);
    if (ipofacts_decimal_format(&d, v, sizeof v) != IPOFACTS_OK)
        snprintf(v, sizeof v, "?");
    switch (q) {
    case IPOFACTS_QUALIFIER_APPROXIMATELY: ipf_buf_add(b, "about "); break;
    case IPOFACTS_QUALIFIER_AT_LEAST: ipf_buf_add(b, "at least "); break;
    case IPOFACTS_QUALIFIER_AT_MOST: ipf_buf_add(b, "at most "); break;
    default: break;
    }
    const char *unit = ipofacts_fact_unit(f);
    if (strcmp(unit, "pure") == 0)
        unit = "";
    if (q == IPOFACTS_QUALIFIER_RANGE && ipofacts_fact_upper(&up, f) == IPOFACTS_OK &&
        ipofacts_decimal_format(&up, u, sizeof u) == IPOFACTS_OK)
        ipf_buf_printf(b, "%s..%s%s%s ", v, u, unit[0] ? " " : "", unit);
    else
        ipf_buf_printf(b, "%s%s%s ", v, unit[0] ? " " : "", unit);
    fact_interval_text(b, f);
    ipf_buf_add(b, " (");
    ipf_fact_sources_text(b, f);
    ipf_buf_add(b, ")");
}

/* x rounded (or truncated) to d decimals, as text. */
static void rounded_text(char *buf, size_t size, double x, int32_t d, int truncate)
{
    if (d == IPOFACTS_DECIMALS_INF || d > 15 || d < -20) {
        ipf_num(buf, size, x, 10);
        return;
    }
    double scale = pow(10.0, d);
    double y = x * scale;
    y = truncate ? trunc(y) : round(y);
    y /= scale;
    if (y == 0)
        y = 0;
    if (d > 0)
        snprintf(buf, size, "%.*f", (int)d, y);
    else
        snprintf(buf, size, "%.0f", y);
}

/* "rounds to 0.327" or "rounds to 0.326 to 0.327". */
static void rounding_range(ipf_buf *b, const ipofacts_interval *iv, int32_t d, int truncate)
{
    char a[64], z[64];
    if (iv->flags != 0) {
        ipf_buf_add(b, "is open-ended");
        return;
    }
    rounded_text(a, sizeof a, iv->lo, d, truncate);
    rounded_text(z, sizeof z, iv->hi, d, truncate);
    if (strcmp(a, z) == 0)
        ipf_buf_printf(b, "%s to %s", truncate ? "truncates" : "rounds", a);
    else
        ipf_buf_printf(b, "%s to %s..%s", truncate ? "truncates" : "rounds", a, z);
}

/* ------------------------------------------------------------------ */
/* Report against report                                               */
/* ------------------------------------------------------------------ */

/* Market values move during a trading day: reports of them on one day are
 * quotes at different moments, not reports of one figure. */
static int intraday(const char *concept_id)
{
    return strcmp(concept_id, "market_capitalization") == 0;
}

static int str_cmp0(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

static int same_key(const ipofacts_fact *a, const ipofacts_fact *b)
{
    if (strcmp(ipofacts_fact_concept_id(a), ipofacts_fact_concept_id(b)) != 0 ||
        str_cmp0(ipofacts_fact_segment(a), ipofacts_fact_segment(b)) != 0 ||
        strcmp(ipofacts_fact_unit(a), ipofacts_fact_unit(b)) != 0)
        return 0;
    const ipofacts_period *p = ipofacts_fact_period(a), *q = ipofacts_fact_period(b);
    if (p == q)
        return 1;
    ipofacts_date ps = ipofacts_period_start(p), qs = ipofacts_period_start(q);
    ipofacts_date pe = ipofacts_period_end(p), qe = ipofacts_period_end(q);
    return ipofacts_period_is_instant(p) == ipofacts_period_is_instant(q) && ipf_date_equal(&pe, &qe) &&
           (ipofacts_period_is_instant(p) || ipf_date_equal(&ps, &qs));
}

typedef struct keyed {
    const char *concept_id;
    size_t index;
} keyed;

static int keyed_cmp(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    int r = strcmp(a->concept_id, b->concept_id);
    if (r == 0)
        r = (a->index > b->index) - (a->index < b->index);
    return r;
}

static void check_conflicts(check_ctx *c)
{
    size_t n = c->nfacts;
    if (n < 2)
        return;
    keyed *k = malloc(n * sizeof *k);
    if (k == NULL) {
        c->nomem = 1;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        k[i].concept_id = ipofacts_fact_concept_id(c->facts[i]);
        k[i].index = i;
    }
    qsort(k, n, sizeof *k, keyed_cmp);
    for (size_t g = 0; g < n && !c->nomem;) {
        size_t h = g + 1;
        const char *concept = k[g].concept_id;
        while (h < n && strcmp(k[h].concept_id, concept) == 0)
            h++;
        if (!intraday(concept)) {
            for (size_t i = g; i < h && !c->nomem; i++) {
                for (size_t j = i + 1; j < h && !c->nomem; j++) {
                    const ipofacts_fact *fa = c->facts[k[i].index], *fb = c->facts[k[j].index];
                    ipofacts_interval ia, ib;
                    if (!same_key(fa, fb) || ipofacts_fact_interval(&ia, fa) != IPOFACTS_OK ||
                        ipofacts_fact_interval(&ib, fb) != IPOFACTS_OK || ipofacts_interval_overlaps(&ia, &ib))
                        continue;
                    ipf_buf m;
                    char x[48], y[48];
                    ipf_buf_init(&m);
                    subject_text(&m, fa);
                    ipf_buf_add(&m, ": ");
                    report_text(&m, fa);
                    ipf_buf_add(&m, " and ");
                    report_text(&m, fb);
                    /* Which bound separates them. */
                    const int a_below = !(ia.flags & IPOFACTS_INTERVAL_NO_HI) &&
                                        !(ib.flags & IPOFACTS_INTERVAL_NO_LO) && ia.hi < ib.lo;
                    const ipofacts_interval *low = a_below ? &ia : &ib;
                    const ipofacts_interval *high = a_below ? &ib : &ia;
                    ipf_buf_printf(&m, " cannot both hold: %s < %s", ipf_num(x, sizeof x, low->hi, 8),
                                   ipf_num(y, sizeof y, high->lo, 8));
                    const ipofacts_fact *pair[2] = {fa, fb};
                    add_finding(c, IPOFACTS_FINDING_REPORT_CONFLICT, IPOFACTS_SEVERITY_INCONSISTENT, fa, pair, 2,
                                NULL, 0, ipf_buf_take(&m));
                }
            }
        }
        g = h;
    }
    free(k);
}

/* ------------------------------------------------------------------ */
/* Report against computation                                          */
/* ------------------------------------------------------------------ */

/* The computation a reported figure can be checked against. */
typedef struct recompute {
    ipofacts_ratio_kind kind;
    const char *concept_id;        /* GROWTH's concept */
    int use_segment;               /* pass the fact's segment */
    int segment_required;          /* skip facts without a segment */
    ipofacts_finding_kind mismatch; /* the finding when no value rounds or truncates */
} recompute;

static int recompute_for(const ipofacts_fact *f, recompute *r)
{
    const char *id = ipofacts_fact_concept_id(f);
    memset(r, 0, sizeof *r);
    r->mismatch = IPOFACTS_FINDING_RATIO_MISMATCH;
    if (strcmp(id, "revenue_growth") == 0) {
        r->kind = IPOFACTS_RATIO_KIND_GROWTH;
        r->concept_id = "revenue";
    } else if (strcmp(id, "segment_revenue_growth") == 0) {
        r->kind = IPOFACTS_RATIO_KIND_GROWTH;
        r->concept_id = "segment_revenue";
        r->use_segment = r->segment_required = 1;
    } else if (strcmp(id, "gross_margin") == 0) {
        r->kind = IPOFACTS_RATIO_KIND_GROSS_MARGIN;
    } else if (strcmp(id, "segment_gross_margin") == 0) {
        r->kind = IPOFACTS_RATIO_KIND_GROSS_MARGIN;
        r->use_segment = r->segment_required = 1;
    } else if (strcmp(id, "net_margin") == 0) {
        r->kind = IPOFACTS_RATIO_KIND_NET_MARGIN;
    } else if (strcmp(id, "adjusted_net_margin") == 0) {
        r->kind = IPOFACTS_RATIO_KIND_ADJUSTED_NET_MARGIN;
    } else if (strcmp(id, "rd_intensity") == 0) {
        r->kind = IPOFACTS_RATIO_KIND_RD_INTENSITY;
    } else if (strcmp(id, "revenue_share") == 0) {
        r->kind = IPOFACTS_RATIO_KIND_SEGMENT_SHARE;
        r->use_segment = r->segment_required = 1;
        r->mismatch = IPOFACTS_FINDING_SHARE_MISMATCH;
    } else if (strcmp(id, "top1_customer_share") == 0) {
        r->kind = IPOFACTS_RATIO_KIND_TOP1_CUSTOMER_SHARE;
        r->mismatch = IPOFACTS_FINDING_SHARE_MISMATCH;
    } else if (strcmp(id, "top5_customer_share") == 0) {
        r->kind = IPOFACTS_RATIO_KIND_TOP5_CUSTOMER_SHARE;
        r->mismatch = IPOFACTS_FINDING_SHARE_MISMATCH;
    } else if (strcmp(id, "first_day_return") == 0) {
        r->kind = IPOFACTS_RATIO_KIND_FIRST_DAY_RETURN;
    } else if (strcmp(id, "holding_value") == 0) {
        r->kind = IPOFACTS_RATIO_KIND_HOLDING_VALUE;
        r->use_segment = r->segment_required = 1;
        r->mismatch = IPOFACTS_FINDING_HOLDING_VALUE_MISMATCH;
    } else if (strcmp(id, "shares_outstanding") == 0) {
        r->kind = IPOFACTS_RATIO_KIND_IMPLIED_SHARES;
        r->mismatch = IPOFACTS_FINDING_AMOUNT_MISMATCH;
    } else {
        return 0;
    }
    if (r->segment_required && ipofacts_fact_segment(f) == NULL)
        return 0;
    if (!r->use_segment && ipofacts_fact_segment(f) != NULL)
        return 0;
    return 1;
}

/* The facts a derivation was computed from, after the report itself. */
static const ipofacts_fact **involved(const ipofacts_fact *report, const ipofacts_derived *d, size_t *n)
{
    size_t cap = 1;
    for (size_t i = 0; i < d->ninputs; i++) {
        cap++;
        if (d->inputs[i].child != NULL)
            cap += d->inputs[i].child->ninputs;
    }
    const ipofacts_fact **fs = malloc(cap * sizeof *fs);
    if (fs == NULL)
        return NULL;
    size_t k = 0;
    fs[k++] = report;
    for (size_t i = 0; i < d->ninputs; i++) {
        if (d->inputs[i].fact != NULL)
            fs[k++] = d->inputs[i].fact;
        const ipofacts_derived *ch = d->inputs[i].child;
        for (size_t j = 0; ch != NULL && j < ch->ninputs; j++)
            if (ch->inputs[j].fact != NULL)
                fs[k++] = ch->inputs[j].fact;
    }
    *n = k;
    return fs;
}

/* Compares a report with a computation and records a finding when they
 * disagree; takes ownership of d. */
static void judge(check_ctx *c, const ipofacts_fact *f, ipofacts_derived *d, ipofacts_finding_kind mismatch)
{
    ipf_verdict v = ipf_compare_reported(f, &d->ratio.interval);
    if (v == IPF_VERDICT_CONSISTENT) {
        ipofacts_derived_free(d);
        return;
    }
    int32_t dec = ipofacts_fact_decimals(f);
    ipf_buf m;
    ipf_buf_init(&m);
    subject_text(&m, f);
    ipf_buf_add(&m, ": reported ");
    report_text(&m, f);
    ipf_buf_printf(&m, "; computed %s", d->arithmetic != NULL ? d->arithmetic : "");
    ipf_buf_add(&m, ", which ");
    rounding_range(&m, &d->ratio.interval, dec, 0);
    if (v == IPF_VERDICT_TRUNCATED) {
        ipf_buf_add(&m, " and ");
        rounding_range(&m, &d->ratio.interval, dec, 1);
        ipf_buf_add(&m, ": the report truncates instead of rounding");
    } else {
        ipf_buf_add(&m, ": the report is outside it");
    }
    size_t n = 0;
    const ipofacts_fact **fs = involved(f, d, &n);
    if (fs == NULL) {
        ipf_buf_free(&m);
        ipofacts_derived_free(d);
        c->nomem = 1;
        return;
    }
    add_finding(c, v == IPF_VERDICT_TRUNCATED ? IPOFACTS_FINDING_RATIO_TRUNCATED : mismatch,
                v == IPF_VERDICT_TRUNCATED ? IPOFACTS_SEVERITY_WARNING : IPOFACTS_SEVERITY_INCONSISTENT, f, fs, n,
                &d, 1, ipf_buf_take(&m));
    free(fs);
}

static void check_ratios(check_ctx *c)
{
    for (size_t i = 0; i < c->nfacts && !c->nomem; i++) {
        const ipofacts_fact *f = c->facts[i];
        recompute r;
        if (!recompute_for(f, &r))
            continue;
        ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
        o.flags = IPF_RATIO_NO_IMPLIED;
        o.concept_id = r.concept_id;
        if (r.use_segment)
            o.segment = ipofacts_fact_segment(f);
        ipofacts_derived *d = NULL;
        if (ipf_company_ratio(&d, c->company, r.kind, ipofacts_fact_period(f), &o) != IPOFACTS_OK) {
            c->nomem = 1;
            return;
        }
        /* Only a computation in the report's own unit can be compared. */
        if (d->ratio.status != IPOFACTS_RATIO_OK || strcmp(d->ratio.unit, ipofacts_fact_unit(f)) != 0) {
            ipofacts_derived_free(d);
            continue;
        }
        judge(c, f, d, r.mismatch);
    }
}

/* Gross profit against revenue less cost of sales. */
static void check_gross_profit(check_ctx *c)
{
    for (size_t i = 0; i < c->nfacts && !c->nomem; i++) {
        const ipofacts_fact *f = c->facts[i];
        if (strcmp(ipofacts_fact_concept_id(f), "gross_profit") != 0)
            continue;
        ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
        o.segment = ipofacts_fact_segment(f);
        ipofacts_derived *d = NULL;
        if (ipf_company_ratio(&d, c->company, IPOFACTS_RATIO_KIND_GROSS_PROFIT, ipofacts_fact_period(f), &o) !=
            IPOFACTS_OK) {
            c->nomem = 1;
            return;
        }
        if (d->ratio.status != IPOFACTS_RATIO_OK || strcmp(d->ratio.unit, ipofacts_fact_unit(f)) != 0) {
            ipofacts_derived_free(d);
            continue;
        }
        judge(c, f, d, IPOFACTS_FINDING_AMOUNT_MISMATCH);
    }
}

/* A runway claim against the runway on each burn basis and cash concept. */
static void check_runway(check_ctx *c)
{
    static const char *const cash[] = {"cash", "cash_and_investments"};
    for (size_t i = 0; i < c->nfacts && !c->nomem; i++) {
        const ipofacts_fact *f = c->facts[i];
        ipofacts_interval claim;
        if (strcmp(ipofacts_fact_concept_id(f), "runway_months") != 0 || ipofacts_fact_segment(f) != NULL ||
            strcmp(ipofacts_fact_unit(f), "months") != 0 || ipofacts_fact_interval(&claim, f) != IPOFACTS_OK)
            continue;
        ipofacts_derived *ds[8];
        int holds[8];
        size_t nd = 0, nholds = 0;
        for (size_t k = 0; k < 2 && !c->nomem; k++) {
            for (int b = IPOFACTS_BASIS_OPERATING_CASH_FLOW; b <= IPOFACTS_BASIS_ADJUSTED_NET_INCOME; b++) {
                ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
                o.basis = (ipofacts_ratio_basis)b;
                o.cash_concept_id = cash[k];
                ipofacts_derived *d = NULL;
                if (ipf_company_ratio(&d, c->company, IPOFACTS_RATIO_KIND_RUNWAY, ipofacts_fact_period(f), &o) !=
                    IPOFACTS_OK) {
                    c->nomem = 1;
                    break;
                }
                if (d->ratio.status != IPOFACTS_RATIO_OK) {
                    ipofacts_derived_free(d);
                    continue;
                }
                holds[nd] = ipofacts_interval_overlaps(&claim, &d->ratio.interval);
                nholds += (size_t)holds[nd];
                ds[nd++] = d;
            }
        }
        if (c->nomem || nd == 0 || nholds == nd) {
            for (size_t k = 0; k < nd; k++)
                ipofacts_derived_free(ds[k]);
            continue;
        }
        ipf_buf m;
        ipf_buf_init(&m);
        subject_text(&m, f);
        ipf_buf_add(&m, ": claim ");
        report_text(&m, f);
        ipf_buf_add(&m, nholds == 0 ? " holds on no burn basis:" : " depends on the burn basis:");
        for (size_t k = 0; k < nd; k++) {
            const ipofacts_derived *d = ds[k];
            char v[48];
            ipf_buf_printf(&m, "%s %s/%s %s months ", k ? ";" : "", ipofacts_ratio_basis_name(d->ratio.basis),
                           d->inputs[0].fact != NULL ? ipofacts_fact_concept_id(d->inputs[0].fact) : "cash",
                           ipf_num(v, sizeof v, d->ratio.value, 6));
            interval_text(&m, &d->ratio.interval);
            ipf_buf_add(&m, holds[k] ? " holds" : " fails");
        }
        size_t n = 0, cap = 1;
        for (size_t k = 0; k < nd; k++)
            cap += 8;
        const ipofacts_fact **fs = malloc(cap * sizeof *fs);
        if (fs == NULL) {
            ipf_buf_free(&m);
            for (size_t k = 0; k < nd; k++)
                ipofacts_derived_free(ds[k]);
            c->nomem = 1;
            return;
        }
        fs[n++] = f;
        for (size_t k = 0; k < nd; k++) {
            size_t cnt = 0;
            const ipofacts_fact **more = involved(f, ds[k], &cnt);
            if (more == NULL)
                c->nomem = 1;
            for (size_t j = 1; more != NULL && j < cnt && n < cap; j++) {
                int seen = 0;
                for (size_t q = 0; q < n && !seen; q++)
                    seen = fs[q] == more[j];
                if (!seen)
                    fs[n++] = more[j];
            }
            free(more);
        }
        add_finding(c, IPOFACTS_FINDING_RUNWAY_CLAIM,
                    nholds == 0 ? IPOFACTS_SEVERITY_INCONSISTENT : IPOFACTS_SEVERITY_WARNING, f, fs, n, ds, nd,
                    ipf_buf_take(&m));
        free(fs);
    }
}

/* A segment's or region's revenue larger than the company's. */
static void check_parts(check_ctx *c)
{
    for (size_t i = 0; i < c->nfacts && !c->nomem; i++) {
        const ipofacts_fact *f = c->facts[i];
        const char *seg = ipofacts_fact_segment(f);
        const char *id = ipofacts_fact_concept_id(f);
        if (seg == NULL || (strcmp(id, "segment_revenue") != 0 && strcmp(id, "revenue") != 0))
            continue;
        const ipofacts_member *m = ipofacts_company_find_member(c->company, seg);
        if (m == NULL || (ipofacts_member_kind_of(m) != IPOFACTS_MEMBER_SEGMENT &&
                          ipofacts_member_kind_of(m) != IPOFACTS_MEMBER_REGION &&
                          ipofacts_member_kind_of(m) != IPOFACTS_MEMBER_CUSTOMER))
            continue;
        const ipofacts_fact *w = ipf_find(ipofacts_fact_period(f), "revenue", NULL);
        ipofacts_interval pi, wi;
        if (w == NULL || strcmp(ipofacts_fact_unit(w), ipofacts_fact_unit(f)) != 0 ||
            ipofacts_fact_interval(&pi, f) != IPOFACTS_OK || ipofacts_fact_interval(&wi, w) != IPOFACTS_OK ||
            (pi.flags & IPOFACTS_INTERVAL_NO_LO) || (wi.flags & IPOFACTS_INTERVAL_NO_HI) || pi.lo <= wi.hi)
            continue;
        ipf_buf t;
        char x[48], y[48];
        ipf_buf_init(&t);
        subject_text(&t, f);
        ipf_buf_add(&t, ": ");
        report_text(&t, f);
        ipf_buf_add(&t, " exceeds the company's revenue ");
        report_text(&t, w);
        ipf_buf_printf(&t, ": %s > %s", ipf_num_dir(x, sizeof x, pi.lo, 8, -1), ipf_num_dir(y, sizeof y, wi.hi, 8, 1));
        const ipofacts_fact *pair[2] = {f, w};
        add_finding(c, IPOFACTS_FINDING_PART_EXCEEDS_WHOLE, IPOFACTS_SEVERITY_INCONSISTENT, f, pair, 2, NULL, 0,
                    ipf_buf_take(&t));
    }
}

static int share_source(const ipofacts_fact *a, const ipofacts_fact *b)
{
    for (size_t i = 0; i < ipofacts_fact_source_count(a); i++)
        for (size_t j = 0; j < ipofacts_fact_source_count(b); j++)
            if (ipofacts_fact_source(a, i) == ipofacts_fact_source(b, j))
                return 1;
    return 0;
}

/* Conversions printed by one source must be at rates that can be one rate. */
static void check_conversions(check_ctx *c)
{
    const char *cur = ipofacts_company_currency(c->company);
    if (cur == NULL)
        return;
    ipofacts_derived **rates = malloc((c->nfacts + 1) * sizeof *rates);
    if (rates == NULL) {
        c->nomem = 1;
        return;
    }
    size_t nr = 0;
    for (size_t i = 0; i < c->nfacts && !c->nomem; i++) {
        const ipofacts_fact *f = c->facts[i];
        char q[4], b[4];
        if (ipf_unit_parse(ipofacts_fact_unit(f), q, b) != IPF_UNIT_AMOUNT || strcmp(q, cur) == 0)
            continue;
        ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
        o.fact = f;
        ipofacts_derived *d = NULL;
        if (ipf_company_ratio(&d, c->company, IPOFACTS_RATIO_KIND_IMPLIED_RATE, ipofacts_fact_period(f), &o) !=
            IPOFACTS_OK) {
            c->nomem = 1;
            break;
        }
        if (d->ratio.status != IPOFACTS_RATIO_OK || d->ninputs < 2 || d->inputs[1].fact == NULL) {
            ipofacts_derived_free(d);
            continue;
        }
        rates[nr++] = d;
    }
    for (size_t i = 0; i < nr && !c->nomem; i++) {
        for (size_t j = i + 1; j < nr && !c->nomem; j++) {
            const ipofacts_derived *a = rates[i], *b = rates[j];
            if (strcmp(a->ratio.unit, b->ratio.unit) != 0 || !share_source(a->inputs[0].fact, b->inputs[0].fact) ||
                ipofacts_interval_overlaps(&a->ratio.interval, &b->ratio.interval))
                continue;
            ipf_buf t;
            ipf_buf_init(&t);
            subject_text(&t, a->inputs[0].fact);
            ipf_buf_printf(&t, " and ");
            subject_text(&t, b->inputs[0].fact);
            ipf_buf_printf(&t, ": one source converts at %s and at %s, which cannot be one rate", a->arithmetic,
                           b->arithmetic);
            const ipofacts_fact *fs[4] = {a->inputs[0].fact, a->inputs[1].fact, b->inputs[0].fact,
                                          b->inputs[1].fact};
            add_finding(c, IPOFACTS_FINDING_CONVERSION_MISMATCH, IPOFACTS_SEVERITY_INCONSISTENT, fs[0], fs, 4, NULL,
                        0, ipf_buf_take(&t));
        }
    }
    for (size_t i = 0; i < nr; i++)
        ipofacts_derived_free(rates[i]);
    free(rates);
}

static void check_one(check_ctx *c)
{
    size_t n = ipofacts_company_fact_count(c->company);
    c->nfacts = n;
    c->facts = malloc((n + 1) * sizeof *c->facts);
    if (c->facts == NULL) {
        c->nomem = 1;
        return;
    }
    for (size_t i = 0; i < n; i++)
        c->facts[i] = ipofacts_company_fact(c->company, i);
    check_conflicts(c);
    if (!c->nomem)
        check_ratios(c);
    if (!c->nomem)
        check_gross_profit(c);
    if (!c->nomem)
        check_runway(c);
    if (!c->nomem)
        check_parts(c);
    if (!c->nomem)
        check_conversions(c);
    free(c->facts);
    c->facts = NULL;
}

static int finding_cmp(const void *x, const void *y)
{
    const ipofacts_finding *a = x, *b = y;
    if (a->order_company != b->order_company)
        return a->order_company < b->order_company ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->order_fact != b->order_fact)
        return a->order_fact < b->order_fact ? -1 : 1;
    return (a->order_seq > b->order_seq) - (a->order_seq < b->order_seq);
}

static ipofacts_status run(ipofacts_findings **out, const ipofacts_dataset *ds, const ipofacts_company *only)
{
    ipofacts_findings *f = calloc(1, sizeof *f);
    if (f == NULL)
        return IPOFACTS_E_NOMEM;
    check_ctx c;
    memset(&c, 0, sizeof c);
    c.out = f;
    size_t n = ipofacts_dataset_company_count(ds);
    for (size_t i = 0; i < n && !c.nomem; i++) {
        const ipofacts_company *co = ipofacts_dataset_company(ds, i);
        if (only != NULL && co != only)
            continue;
        c.company = co;
        c.company_index = i;
        check_one(&c);
    }
    if (only != NULL && c.company == NULL && !c.nomem) {
        /* A company not reached through its dataset's list. */
        c.company = only;
        check_one(&c);
    }
    if (c.nomem) {
        ipofacts_findings_free(f);
        return IPOFACTS_E_NOMEM;
    }
    if (f->count > 1)
        qsort(f->items, f->count, sizeof *f->items, finding_cmp);
    *out = f;
    return IPOFACTS_OK;
}

IPOFACTS_API ipofacts_status ipofacts_check_dataset(ipofacts_findings **out, const ipofacts_dataset *dataset)
{
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    *out = NULL;
    if (dataset == NULL)
        return IPOFACTS_E_INVALID;
    return run(out, dataset, NULL);
}

IPOFACTS_API ipofacts_status ipofacts_check_company(ipofacts_findings **out, const ipofacts_company *company)
{
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    *out = NULL;
    if (company == NULL)
        return IPOFACTS_E_INVALID;
    return run(out, ipofacts_company_dataset(company), company);
}

/* ------------------------------------------------------------------ */
/* Accessors                                                           */
/* ------------------------------------------------------------------ */

IPOFACTS_API size_t ipofacts_findings_count(const ipofacts_findings *findings)
{
    return findings != NULL ? findings->count : 0;
}

IPOFACTS_API size_t ipofacts_findings_count_severity(const ipofacts_findings *findings, ipofacts_severity severity)
{
    size_t n = 0;
    if (findings == NULL)
        return 0;
    for (size_t i = 0; i < findings->count; i++)
        if (findings->items[i].severity >= severity)
            n++;
    return n;
}

IPOFACTS_API const ipofacts_finding *ipofacts_findings_at(const ipofacts_findings *findings, size_t index)
{
    return findings != NULL && index < findings->count ? &findings->items[index] : NULL;
}

IPOFACTS_API ipofacts_finding_kind ipofacts_finding_kind_of(const ipofacts_finding *f)
{
    return f != NULL ? f->kind : (ipofacts_finding_kind)0;
}

IPOFACTS_API ipofacts_severity ipofacts_finding_severity(const ipofacts_finding *f)
{
    return f != NULL ? f->severity : (ipofacts_severity)0;
}

IPOFACTS_API const ipofacts_company *ipofacts_finding_company(const ipofacts_finding *f)
{
    return f != NULL ? f->company : NULL;
}

IPOFACTS_API const char *ipofacts_finding_concept_id(const ipofacts_finding *f)
{
    return f != NULL ? f->concept_id : NULL;
}

IPOFACTS_API const char *ipofacts_finding_segment(const ipofacts_finding *f)
{
    return f != NULL ? f->segment : NULL;
}

IPOFACTS_API const ipofacts_period *ipofacts_finding_period(const ipofacts_finding *f)
{
    return f != NULL ? f->period : NULL;
}

IPOFACTS_API size_t ipofacts_finding_fact_count(const ipofacts_finding *f)
{
    return f != NULL ? f->nfacts : 0;
}

IPOFACTS_API const ipofacts_fact *ipofacts_finding_fact(const ipofacts_finding *f, size_t index)
{
    return f != NULL && index < f->nfacts ? f->facts[index] : NULL;
}

IPOFACTS_API size_t ipofacts_finding_derived_count(const ipofacts_finding *f)
{
    return f != NULL ? f->nderived : 0;
}

IPOFACTS_API const ipofacts_derived *ipofacts_finding_derived(const ipofacts_finding *f, size_t index)
{
    return f != NULL && index < f->nderived ? f->derived[index] : NULL;
}

IPOFACTS_API const char *ipofacts_finding_message(const ipofacts_finding *f)
{
    return f != NULL ? f->message : NULL;
}
