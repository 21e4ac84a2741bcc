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
    ipf_ratio_cache *cache;      /* look-ups of the values-only computations, or NULL */
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

/* A date as one number: equal numbers for equal dates (ipf_date_equal). */
static uint64_t date_key(ipofacts_date d)
{
    return ((uint64_t)(uint32_t)d.year << 24) | ((uint64_t)d.month << 16) | ((uint64_t)d.day << 8) | d.precision;
}

/* What makes two reports reports of one figure: the concept, the segment,
 * the unit and the period's dates (the end alone for an instant). */
typedef struct figure {
    const char *concept_id;
    const char *segment;
    const char *unit;
    uint64_t start; /* 0 for an instant */
    uint64_t end;
    int instant;
} figure;

static int str_eq(const char *a, const char *b)
{
    return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static int same_figure(const figure *a, const figure *b)
{
    return a->end == b->end && a->start == b->start && a->instant == b->instant &&
           str_eq(a->concept_id, b->concept_id) && str_eq(a->segment, b->segment) && str_eq(a->unit, b->unit);
}

/* FNV-1a over the key's parts; a string ends with a byte no string has
 * inside it (0), a missing one is another (0xff). */
#define FNV_PRIME 0x100000001b3u

static uint64_t hash_str(uint64_t h, const char *s)
{
    if (s == NULL)
        return (h ^ 0xffu) * FNV_PRIME;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * FNV_PRIME;
    return h * FNV_PRIME;
}

static uint64_t hash_figure(const figure *k)
{
    uint64_t h = 0xcbf29ce484222325u;
    h = hash_str(h, k->concept_id);
    h = hash_str(h, k->segment);
    h = hash_str(h, k->unit);
    h = (h ^ k->start) * FNV_PRIME;
    h = (h ^ k->end) * FNV_PRIME;
    h = (h ^ (uint64_t)k->instant) * FNV_PRIME;
    return h ^ (h >> 29);
}

/* Two reports of one figure whose intervals cannot overlap. */
static void conflict(check_ctx *c, const ipofacts_fact *fa, const ipofacts_fact *fb, const ipofacts_interval *ia,
                     const ipofacts_interval *ib)
{
    ipf_buf m;
    char x[48], y[48];
    ipf_buf_init(&m);
    subject_text(&m, fa);
    ipf_buf_add(&m, ": ");
    report_text(&m, fa);
    ipf_buf_add(&m, " and ");
    report_text(&m, fb);
    /* Which bound separates them. */
    const int a_below = !(ia->flags & IPOFACTS_INTERVAL_NO_HI) && !(ib->flags & IPOFACTS_INTERVAL_NO_LO) &&
                        ia->hi < ib->lo;
    const ipofacts_interval *low = a_below ? ia : ib;
    const ipofacts_interval *high = a_below ? ib : ia;
    ipf_buf_printf(&m, " cannot both hold: %s < %s", ipf_num(x, sizeof x, low->hi, 8),
                   ipf_num(y, sizeof y, high->lo, 8));
    const ipofacts_fact *pair[2] = {fa, fb};
    add_finding(c, IPOFACTS_FINDING_REPORT_CONFLICT, IPOFACTS_SEVERITY_INCONSISTENT, fa, pair, 2, NULL, 0,
                ipf_buf_take(&m));
}

/* Every pair of reports of one figure, in the order of the facts (the first
 * fact's index, then the second's). The facts are chained by figure through
 * a hash table, each chain in the order of the facts. */
static void check_conflicts(check_ctx *c)
{
    size_t n = c->nfacts;
    if (n < 2)
        return;
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    figure *keys = malloc(n * sizeof *keys);
    size_t *next = malloc(n * sizeof *next);  /* the figure's next fact, or n */
    size_t *last = malloc(n * sizeof *last);  /* for a chain's first fact: its last */
    size_t *table = malloc(cap * sizeof *table); /* a chain's first fact, or n */
    if (keys == NULL || next == NULL || last == NULL || table == NULL) {
        free(keys);
        free(next);
        free(last);
        free(table);
        c->nomem = 1;
        return;
    }
    for (size_t i = 0; i < cap; i++)
        table[i] = n;
    for (size_t i = 0; i < n; i++) {
        const ipofacts_fact *f = c->facts[i];
        figure *k = &keys[i];
        next[i] = n;
        last[i] = n;
        k->concept_id = ipofacts_fact_concept_id(f);
        if (intraday(k->concept_id))
            continue;
        const ipofacts_period *p = ipofacts_fact_period(f);
        k->segment = ipofacts_fact_segment(f);
        k->unit = ipofacts_fact_unit(f);
        k->instant = ipofacts_period_is_instant(p) != 0;
        k->end = date_key(ipofacts_period_end(p));
        k->start = k->instant ? 0 : date_key(ipofacts_period_start(p));
        size_t slot = (size_t)hash_figure(k) & (cap - 1);
        while (table[slot] != n && !same_figure(&keys[table[slot]], k))
            slot = (slot + 1) & (cap - 1);
        if (table[slot] == n) {
            table[slot] = i;
            last[i] = i;
        } else {
            size_t head = table[slot];
            next[last[head]] = i;
            last[head] = i;
        }
    }
    for (size_t g = 0; g < n && !c->nomem; g++) {
        if (last[g] == n || next[g] == n)
            continue; /* not a chain's first fact, or the only report of its figure */
        for (size_t i = g; next[i] != n && !c->nomem; i = next[i]) {
            const ipofacts_fact *fa = c->facts[i];
            ipofacts_interval ia;
            if (ipofacts_fact_interval(&ia, fa) != IPOFACTS_OK)
                continue;
            for (size_t j = next[i]; j != n && !c->nomem; j = next[j]) {
                const ipofacts_fact *fb = c->facts[j];
                ipofacts_interval ib;
                if (ipofacts_fact_interval(&ib, fb) != IPOFACTS_OK || ipofacts_interval_overlaps(&ia, &ib))
                    continue;
                conflict(c, fa, fb, &ia, &ib);
            }
        }
    }
    free(keys);
    free(next);
    free(last);
    free(table);
}

/* ------------------------------------------------------------------ */
/* Report against computation                                          */
/* ------------------------------------------------------------------ */

/* The computation a reported figure can be checked against. */
typedef struct recompute {
    const char *reported;           /* the reported concept */
    const char *concept_id;         /* GROWTH's concept */
    ipofacts_ratio_kind kind;
    ipofacts_finding_kind mismatch; /* the finding when no value rounds or truncates */
    int use_segment;                /* pass the fact's segment */
    int segment_required;           /* skip facts without a segment */
} recompute;

static const recompute recomputes[] = {
    {"revenue_growth", "revenue", IPOFACTS_RATIO_KIND_GROWTH, IPOFACTS_FINDING_RATIO_MISMATCH, 0, 0},
    {"segment_revenue_growth", "segment_revenue", IPOFACTS_RATIO_KIND_GROWTH, IPOFACTS_FINDING_RATIO_MISMATCH, 1, 1},
    {"gross_margin", NULL, IPOFACTS_RATIO_KIND_GROSS_MARGIN, IPOFACTS_FINDING_RATIO_MISMATCH, 0, 0},
    {"segment_gross_margin", NULL, IPOFACTS_RATIO_KIND_GROSS_MARGIN, IPOFACTS_FINDING_RATIO_MISMATCH, 1, 1},
    {"net_margin", NULL, IPOFACTS_RATIO_KIND_NET_MARGIN, IPOFACTS_FINDING_RATIO_MISMATCH, 0, 0},
    {"adjusted_net_margin", NULL, IPOFACTS_RATIO_KIND_ADJUSTED_NET_MARGIN, IPOFACTS_FINDING_RATIO_MISMATCH, 0, 0},
    {"rd_intensity", NULL, IPOFACTS_RATIO_KIND_RD_INTENSITY, IPOFACTS_FINDING_RATIO_MISMATCH, 0, 0},
    {"revenue_share", NULL, IPOFACTS_RATIO_KIND_SEGMENT_SHARE, IPOFACTS_FINDING_SHARE_MISMATCH, 1, 1},
    {"top1_customer_share", NULL, IPOFACTS_RATIO_KIND_TOP1_CUSTOMER_SHARE, IPOFACTS_FINDING_SHARE_MISMATCH, 0, 0},
    {"top5_customer_share", NULL, IPOFACTS_RATIO_KIND_TOP5_CUSTOMER_SHARE, IPOFACTS_FINDING_SHARE_MISMATCH, 0, 0},
    {"first_day_return", NULL, IPOFACTS_RATIO_KIND_FIRST_DAY_RETURN, IPOFACTS_FINDING_RATIO_MISMATCH, 0, 0},
    {"holding_value", NULL, IPOFACTS_RATIO_KIND_HOLDING_VALUE, IPOFACTS_FINDING_HOLDING_VALUE_MISMATCH, 1, 1},
    {"shares_outstanding", NULL, IPOFACTS_RATIO_KIND_IMPLIED_SHARES, IPOFACTS_FINDING_AMOUNT_MISMATCH, 0, 0},
};

/* The computation f can be checked against, or NULL. */
static const recompute *recompute_for(const ipofacts_fact *f)
{
    const char *id = ipofacts_fact_concept_id(f);
    const recompute *r = NULL;
    for (size_t i = 0; i < sizeof recomputes / sizeof recomputes[0] && r == NULL; i++)
        if (recomputes[i].reported[0] == id[0] && strcmp(recomputes[i].reported, id) == 0)
            r = &recomputes[i];
    if (r == NULL)
        return NULL;
    if (r->segment_required && ipofacts_fact_segment(f) == NULL)
        return NULL;
    if (!r->use_segment && ipofacts_fact_segment(f) != NULL)
        return NULL;
    return r;
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

/* The value of a computation in the report's own unit, the only one it
 * can be compared with: 1 and *out when there is one, 0 when there is none
 * or memory ran out (c->nomem). */
static int computed_value(check_ctx *c, ipofacts_ratio *out, ipofacts_ratio_kind kind, const ipofacts_period *p,
                          const ipofacts_ratio_options *o, const char *unit)
{
    ipf_ratio_outcome oc;
    if (ipf_company_ratio_value(&oc, c->company, kind, p, o, c->cache) != IPOFACTS_OK) {
        c->nomem = 1;
        return 0;
    }
    if (oc.ratio.status != IPOFACTS_RATIO_OK || (unit != NULL && strcmp(oc.ratio.unit, unit) != 0))
        return 0;
    *out = oc.ratio;
    return 1;
}

/* A report against a computation: judged on the computed value first; the
 * derivation, which explains the finding, is built only when there is one. */
static void recheck(check_ctx *c, const ipofacts_fact *f, ipofacts_ratio_kind kind, const ipofacts_ratio_options *o,
                    ipofacts_finding_kind mismatch)
{
    const ipofacts_period *p = ipofacts_fact_period(f);
    const char *unit = ipofacts_fact_unit(f);
    ipofacts_ratio v;
    if (!computed_value(c, &v, kind, p, o, unit) || ipf_compare_reported(f, &v.interval) == IPF_VERDICT_CONSISTENT)
        return;
    ipofacts_derived *d = NULL;
    if (ipf_company_ratio(&d, c->company, kind, p, o) != IPOFACTS_OK) {
        c->nomem = 1;
        return;
    }
    if (d->ratio.status != IPOFACTS_RATIO_OK || strcmp(d->ratio.unit, unit) != 0) {
        ipofacts_derived_free(d);
        return;
    }
    judge(c, f, d, mismatch);
}

static void check_ratios(check_ctx *c)
{
    for (size_t i = 0; i < c->nfacts && !c->nomem; i++) {
        const ipofacts_fact *f = c->facts[i];
        const recompute *r = recompute_for(f);
        if (r == NULL)
            continue;
        ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
        o.flags = IPF_RATIO_NO_IMPLIED;
        o.concept_id = r->concept_id;
        if (r->use_segment)
            o.segment = ipofacts_fact_segment(f);
        recheck(c, f, r->kind, &o, r->mismatch);
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
        recheck(c, f, IPOFACTS_RATIO_KIND_GROSS_PROFIT, &o, IPOFACTS_FINDING_AMOUNT_MISMATCH);
    }
}

/* A runway claim against the runway on each burn basis and cash concept. */
static void check_runway(check_ctx *c)
{
    static const char *const cash[] = {"cash", "cash_and_investments"};
    enum {
        NBASES = IPOFACTS_BASIS_ADJUSTED_NET_INCOME - IPOFACTS_BASIS_OPERATING_CASH_FLOW + 1,
        NRUNWAYS = 2 * NBASES /* two cash concepts */
    };
    for (size_t i = 0; i < c->nfacts && !c->nomem; i++) {
        const ipofacts_fact *f = c->facts[i];
        ipofacts_interval claim;
        if (strcmp(ipofacts_fact_concept_id(f), "runway_months") != 0 || ipofacts_fact_segment(f) != NULL ||
            strcmp(ipofacts_fact_unit(f), "months") != 0 || ipofacts_fact_interval(&claim, f) != IPOFACTS_OK)
            continue;
        /* The values first: every runway there is, and whether the claim holds on it. */
        ipofacts_ratio_options os[NRUNWAYS];
        int holds[NRUNWAYS];
        size_t nd = 0, nholds = 0;
        for (size_t k = 0; k < 2 && !c->nomem; k++) {
            for (int b = IPOFACTS_BASIS_OPERATING_CASH_FLOW; b <= IPOFACTS_BASIS_ADJUSTED_NET_INCOME; b++) {
                ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
                o.basis = (ipofacts_ratio_basis)b;
                o.cash_concept_id = cash[k];
                ipofacts_ratio v;
                if (!computed_value(c, &v, IPOFACTS_RATIO_KIND_RUNWAY, ipofacts_fact_period(f), &o, NULL)) {
                    if (c->nomem)
                        break;
                    continue;
                }
                holds[nd] = ipofacts_interval_overlaps(&claim, &v.interval);
                nholds += (size_t)holds[nd];
                os[nd++] = o;
            }
        }
        if (c->nomem || nd == 0 || nholds == nd)
            continue;
        /* A finding: the derivations that explain it. */
        ipofacts_derived *ds[NRUNWAYS];
        size_t nds = 0;
        for (size_t k = 0; k < nd && !c->nomem; k++) {
            ipofacts_derived *d = NULL;
            if (ipf_company_ratio(&d, c->company, IPOFACTS_RATIO_KIND_RUNWAY, ipofacts_fact_period(f), &os[k]) !=
                IPOFACTS_OK)
                c->nomem = 1;
            else
                ds[nds++] = d;
        }
        if (c->nomem) {
            for (size_t k = 0; k < nds; k++)
                ipofacts_derived_free(ds[k]);
            return;
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
        const char *unit = ipofacts_fact_unit(f);
        char q[4], b[4];
        /* An amount's unit is a currency code, three letters. */
        if (unit[0] == '\0' || unit[1] == '\0' || unit[2] == '\0' || unit[3] != '\0' || strcmp(unit, cur) == 0 ||
            ipf_unit_parse(unit, q, b) != IPF_UNIT_AMOUNT || strcmp(q, cur) == 0)
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
    ipf_cache_reset(c->cache);
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
    c.cache = ipf_cache_new(); /* NULL: the same answers, only slower */
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
    ipf_cache_free(c.cache);
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
