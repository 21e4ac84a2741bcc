/*
 * Ratios on a company: picks the preferred facts of a dataset, finds the
 * comparable periods and exchange rates, computes the ratio with the
 * value-level functions of ratios.c and records every input, the formula
 * and the arithmetic in an ipofacts_derived, which can explain itself.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ratio_company.h"

/* Size of the text of one number in an arithmetic string: a range
 * "7.8 (7.75..7.85)" holds a double and two decimals. */
#define TEXT_SIZE (48 + 2 * IPOFACTS_DECIMAL_STRING_SIZE)

/* ------------------------------------------------------------------ */
/* Derivations                                                         */
/* ------------------------------------------------------------------ */

static char *xstrdup(const char *s)
{
    if (s == NULL)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p != NULL)
        memcpy(p, s, n);
    return p;
}

static char *vformat(const char *fmt, va_list ap)
{
    va_list aq;
    va_copy(aq, ap);
    int n = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    if (n < 0)
        return NULL;
    char *p = malloc((size_t)n + 1);
    if (p != NULL)
        vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

static char *format(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

static char *format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = vformat(fmt, ap);
    va_end(ap);
    return p;
}

/* A description or an arithmetic text: NULL (and nothing formatted) when
 * the derivation computes values only. */
static char *dformat(const ipofacts_derived *d, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static char *dformat(const ipofacts_derived *d, const char *fmt, ...)
{
    if (d->values_only)
        return NULL;
    va_list ap;
    va_start(ap, fmt);
    char *p = vformat(fmt, ap);
    va_end(ap);
    return p;
}

ipofacts_derived *ipf_derived_new(ipofacts_ratio_kind kind, const ipofacts_company *company,
                                  const ipofacts_period *period)
{
    ipofacts_derived *d = calloc(1, sizeof *d);
    if (d == NULL)
        return NULL;
    d->kind = kind;
    d->company = company;
    d->period = period;
    d->start = ipofacts_period_start(period);
    d->end = ipofacts_period_end(period);
    const char *label = ipofacts_period_label(period);
    snprintf(d->label, sizeof d->label, "%s", label != NULL ? label : "");
    d->ratio.status = IPOFACTS_RATIO_MISSING_INPUT;
    d->ratio.flags = IPOFACTS_RATIO_FLAG_DERIVED;
    return d;
}

IPOFACTS_API void ipofacts_derived_free(ipofacts_derived *d)
{
    if (d == NULL)
        return;
    for (size_t i = 0; i < d->ninputs; i++) {
        free(d->inputs[i].role_owned);
        free(d->inputs[i].what);
        ipofacts_derived_free(d->inputs[i].child);
    }
    free(d->inputs);
    free(d->concept_id);
    free(d->segment);
    free(d->formula);
    free(d->arithmetic);
    free(d);
}

/* Appends an input; returns its index, or -1 (and marks nomem). The role
 * and description are copied; the child is owned from here on. Every
 * input has a description: a NULL one is a failed allocation upstream. */
static long add_input(ipofacts_derived *d, const char *role, const char *what, const ipofacts_ratio *value,
                      const ipofacts_fact *fact, ipofacts_derived *child)
{
    if (what == NULL && !d->values_only) {
        d->nomem = 1;
        ipofacts_derived_free(child);
        return -1;
    }
    if (d->ninputs == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 4;
        ipf_input *p;
        if (d->inputs != NULL && d->inputs == d->stack_inputs) {
            /* A values-only derivation outgrew its inputs on the stack. */
            p = malloc(cap * sizeof *p);
            if (p != NULL)
                memcpy(p, d->inputs, d->ninputs * sizeof *p);
        } else {
            p = realloc(d->inputs, cap * sizeof *p);
        }
        if (p == NULL) {
            d->nomem = 1;
            ipofacts_derived_free(child);
            return -1;
        }
        d->inputs = p;
        d->cap = cap;
    }
    ipf_input *in = &d->inputs[d->ninputs];
    memset(in, 0, sizeof *in);
    if (d->values_only) {
        /* Borrowed for the call: a values-only derivation does not outlive it. */
        in->role = role;
        in->what = NULL;
    } else {
        in->role = in->role_owned = xstrdup(role);
        in->what = xstrdup(what);
    }
    if (!d->values_only && (in->role == NULL || in->what == NULL)) {
        free(in->role_owned);
        free(in->what);
        ipofacts_derived_free(child);
        d->nomem = 1;
        return -1;
    }
    if (value != NULL)
        in->value = *value;
    else
        in->value.status = IPOFACTS_RATIO_MISSING_INPUT;
    in->fact = fact;
    in->child = child;
    return (long)d->ninputs++;
}

/* A human description of a concept in a period: "revenue[hailuo_ai] 9M2025". */
static char *describe(const char *concept_id, const char *segment, const ipofacts_period *p)
{
    const char *label = p != NULL ? ipofacts_period_label(p) : NULL;
    if (segment != NULL)
        return format("%s[%s] %s", concept_id, segment, label != NULL ? label : "");
    return format("%s %s", concept_id, label != NULL ? label : "");
}

/* The preferred fact of a concept in p, through the cache of a
 * values-only derivation. */
static const ipofacts_fact *find(const ipofacts_derived *d, const ipofacts_period *p, const char *concept_id,
                                 const char *segment)
{
    return ipf_cache_find(d->cache, p, concept_id, segment);
}

/* The operand of a fact (ipofacts_ratio_input_fact()): status
 * MISSING_INPUT for none, INVALID_INPUT for one that cannot be an operand. */
static void operand(const ipofacts_derived *d, ipofacts_ratio *v, const ipofacts_fact *f)
{
    if (f != NULL) {
        const ipofacts_ratio *known = ipf_cache_operand(d->cache, f);
        if (known != NULL) {
            *v = *known;
            return;
        }
        if (ipofacts_ratio_input_fact(v, f) != IPOFACTS_OK) {
            memset(v, 0, sizeof *v);
            v->status = IPOFACTS_RATIO_INVALID_INPUT;
        }
        ipf_cache_put_operand(d->cache, f, v);
        return;
    }
    memset(v, 0, sizeof *v);
    v->status = IPOFACTS_RATIO_MISSING_INPUT;
}

/* The instant of the company at date e (ipf_instant_at), memoised. */
static const ipofacts_period *instant_at(const ipofacts_derived *d, const ipofacts_date *e)
{
    ipf_memo memo;
    int64_t day = ipf_date_days(e);
    if (ipf_cache_get(d->cache, IPF_MEMO_INSTANT, (uintptr_t)d->company, (uintptr_t)(uint64_t)day, e->precision, &memo))
        return memo.ptr;
    const ipofacts_period *at = ipf_instant_at(d->company, e);
    memo.ptr = at;
    memo.a = memo.b = 0;
    ipf_cache_put(d->cache, IPF_MEMO_INSTANT, (uintptr_t)d->company, (uintptr_t)(uint64_t)day, e->precision, &memo);
    return at;
}

/* Looks a fact up (or takes the given one) and records it as an input,
 * missing when absent. Returns the input's index, or -1 when memory ran
 * out (d->nomem is then set). */
static long input_fact(ipofacts_derived *d, const char *role, const ipofacts_period *p, const char *concept_id,
                       const char *segment, const ipofacts_fact *given)
{
    const ipofacts_fact *f = given != NULL ? given : find(d, p, concept_id, segment);
    char *what = d->values_only ? NULL : describe(concept_id, segment, f != NULL ? ipofacts_fact_period(f) : p);
    ipofacts_ratio v;
    operand(d, &v, f);
    if (what == NULL && !d->values_only) {
        d->nomem = 1;
        return -1;
    }
    long i = add_input(d, role, what, &v, f, NULL);
    free(what);
    return i;
}

static const ipofacts_ratio *in_value(const ipofacts_derived *d, long i)
{
    if (i < 0)
        return NULL;
    return &d->inputs[i].value;
}

static void set_formula(ipofacts_derived *d, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void set_formula(ipofacts_derived *d, const char *fmt, ...)
{
    if (d->values_only)
        return;
    va_list ap;
    va_start(ap, fmt);
    free(d->formula);
    d->formula = vformat(fmt, ap);
    va_end(ap);
    if (d->formula == NULL)
        d->nomem = 1;
}

static void set_arith(ipofacts_derived *d, char *text)
{
    if (d->values_only) {
        free(text);
        return;
    }
    free(d->arithmetic);
    d->arithmetic = text;
    if (text == NULL)
        d->nomem = 1;
}

/* ------------------------------------------------------------------ */
/* Numbers in the arithmetic                                           */
/* ------------------------------------------------------------------ */

/* An input's value as text: the exact decimal of a reported fact, or the
 * double of a derived value with 10 significant digits. */
static const char *in_text(const ipofacts_derived *d, long i, char *buf, size_t size)
{
    if (i < 0) {
        snprintf(buf, size, "?");
        return buf;
    }
    const ipf_input *in = &d->inputs[i];
    if (in->value.status != IPOFACTS_RATIO_OK) {
        snprintf(buf, size, "?");
        return buf;
    }
    if (in->fact != NULL) {
        ipofacts_decimal v = ipofacts_fact_value(in->fact), up;
        char a[IPOFACTS_DECIMAL_STRING_SIZE], b[IPOFACTS_DECIMAL_STRING_SIZE];
        if (ipofacts_fact_qualifier(in->fact) != IPOFACTS_QUALIFIER_RANGE) {
            if (ipofacts_decimal_format(&v, buf, size) == IPOFACTS_OK)
                return buf;
        } else if (ipofacts_fact_upper(&up, in->fact) == IPOFACTS_OK &&
                   ipofacts_decimal_format(&v, a, sizeof a) == IPOFACTS_OK &&
                   ipofacts_decimal_format(&up, b, sizeof b) == IPOFACTS_OK) {
            /* A range: its midpoint, and the range it stands for. */
            char m[48];
            snprintf(buf, size, "%s (%s..%s)", ipf_num(m, sizeof m, in->value.value, 10), a, b);
            return buf;
        }
    }
    return ipf_num(buf, size, in->value.value, 10);
}

/* "= 7.82168 [7.8088, 7.83459]" or ": <status>". */
static void result_text(ipf_buf *b, const ipofacts_ratio *r)
{
    char v[48], lo[48], hi[48];
    if (r->status != IPOFACTS_RATIO_OK) {
        ipf_buf_printf(b, " : %s", ipofacts_ratio_status_name(r->status));
        return;
    }
    ipf_num(v, sizeof v, r->value, 6);
    if (r->interval.flags & IPOFACTS_INTERVAL_NO_LO)
        snprintf(lo, sizeof lo, "-inf");
    else
        ipf_num_dir(lo, sizeof lo, r->interval.lo, 6, -1);
    if (r->interval.flags & IPOFACTS_INTERVAL_NO_HI)
        snprintf(hi, sizeof hi, "+inf");
    else
        ipf_num_dir(hi, sizeof hi, r->interval.hi, 6, 1);
    ipf_buf_printf(b, " = %s [%s, %s]", v, lo, hi);
    if (r->unit[0] != '\0' && strcmp(r->unit, "pure") != 0)
        ipf_buf_printf(b, " %s", r->unit);
}

/* Sets the arithmetic from a printf template whose %s are input texts. */
static void arith(ipofacts_derived *d, const char *fmt, long a, long b, long c)
{
    if (d->values_only)
        return;
    char x[TEXT_SIZE], y[TEXT_SIZE], z[TEXT_SIZE];
    ipf_buf buf;
    ipf_buf_init(&buf);
    in_text(d, a, x, sizeof x);
    in_text(d, b, y, sizeof y);
    in_text(d, c, z, sizeof z);
    ipf_buf_printf(&buf, fmt, x, y, z);
    result_text(&buf, &d->ratio);
    set_arith(d, ipf_buf_take(&buf));
}

/* When an input is missing, the arithmetic says which. */
static int missing_text(ipofacts_derived *d)
{
    if (d->values_only || d->inputs == NULL)
        return 0;
    for (size_t i = 0; i < d->ninputs; i++) {
        const ipf_input *in = &d->inputs[i];
        if (in->value.status == IPOFACTS_RATIO_MISSING_INPUT && in->child == NULL) {
            set_arith(d, dformat(d, "no %s reported", in->what != NULL ? in->what : in->role));
            return 1;
        }
    }
    return 0;
}

/* Finishes a derivation: the arithmetic from the template, or what is
 * missing, or the status. */
static void conclude(ipofacts_derived *d, const ipofacts_ratio *r, const char *fmt, long a, long b, long c)
{
    d->ratio = *r;
    if (d->values_only)
        return;
    if (r->status == IPOFACTS_RATIO_MISSING_INPUT && missing_text(d))
        return;
    arith(d, fmt, a, b, c);
}

/* ------------------------------------------------------------------ */
/* Period search                                                       */
/* ------------------------------------------------------------------ */

static int has_fact(ipf_ratio_cache *cache, const ipofacts_period *p, const char *concept_id, const char *segment)
{
    return ipf_cache_find(cache, p, concept_id, segment) != NULL;
}

/* The fact a growth, CAGR or TTM takes for a concept: a segment's revenue
 * is its segment_revenue when reported. */
static const ipofacts_fact *find_value(ipf_ratio_cache *cache, const ipofacts_period *p, const char *concept_id,
                                      const char *segment)
{
    if (segment != NULL && strcmp(concept_id, "revenue") == 0)
        return ipf_cache_find_segment_revenue(cache, p, segment);
    return ipf_cache_find(cache, p, concept_id, segment);
}

/*
 * Comparable periods.
 *
 * Growth, CAGR and TTM compare a period with one a whole number of years
 * earlier. A company whose fiscal year has 52 or 53 weeks (a year ending
 * on the last Saturday of September: 2023-09-30, 2024-09-28, 2025-10-04)
 * has no period on exactly the year-earlier dates, so a period matches
 * the dates computed by shifting another one back when:
 *
 * - for a duration, its start and its end are each within
 *   PERIOD_TOLERANCE_DAYS of the computed start and end, and its length in
 *   days is within PERIOD_TOLERANCE_DAYS of the length of the period it is
 *   compared with (the current period for a growth, a CAGR and the prior
 *   year to date of a TTM; the computed year for a TTM's fiscal year);
 * - for an instant, its date is within PERIOD_TOLERANCE_DAYS of the
 *   computed date.
 *
 * Among the periods that match (and, first of all, among those that report
 * the concept looked for: each search below says so), the exact one comes
 * first, then the closest (the smallest sum of the start and end
 * differences, in days), then the first in file order. A week is shorter
 * than the gap between two period ends of a company that reports by
 * calendar month, so a calendar company's periods match exactly as they
 * always did.
 */
#define PERIOD_TOLERANCE_DAYS 7

/* Length of month m of year y, in days (as the difference of the day
 * numbers of the first of the month and of the next month). */
static int64_t month_length(int32_t y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y >= 1 && y < 9999 && m >= 1 && m <= 12) {
        int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        return len[m - 1] + (m == 2 && leap);
    }
    ipofacts_date a, b;
    memset(&a, 0, sizeof a);
    a.year = y;
    a.month = (uint8_t)m;
    a.day = 1;
    a.precision = IPOFACTS_DATE_DAY;
    b = a;
    if (m == 12) {
        b.year = y + 1;
        b.month = 1;
    } else {
        b.month = (uint8_t)(m + 1);
    }
    return ipf_date_days(&b) - ipf_date_days(&a);
}

/* The same day `years` years before d (years >= 1), by the rule of
 * ipf_date_year_before(): the last day of a month stays the last day. */
static ipofacts_date years_before(const ipofacts_date *d, int32_t years)
{
    ipofacts_date r = *d;
    if (d->precision != IPOFACTS_DATE_DAY || d->month < 1 || d->month > 12 || years < 1 || d->year - years < 1)
        return r;
    r.year = d->year - years;
    int64_t now = month_length(d->year, d->month), then = month_length(r.year, d->month);
    if (d->day == now || d->day > then)
        r.day = (uint8_t)then;
    return r;
}

static int64_t abs_days(int64_t x)
{
    return x < 0 ? -x : x;
}

/* The periods of c one by one, as day numbers: from the cache's table when
 * there is one, else worked out as they are visited. */
typedef struct period_walk {
    const ipf_period_info *table;
    const ipofacts_company *company;
    size_t count;
    ipf_period_info here;
} period_walk;

static void walk_start(period_walk *w, ipf_ratio_cache *cache, const ipofacts_company *c)
{
    w->table = ipf_cache_periods(cache, c);
    w->company = c;
    w->count = ipofacts_company_period_count(c);
}

static const ipf_period_info *walk_at(period_walk *w, size_t i)
{
    if (w->table != NULL)
        return &w->table[i];
    ipf_period_info_of(&w->here, ipofacts_company_period(w->company, i));
    return &w->here;
}

/* How far q is from the duration start..end of `length` days or, for an
 * instant, from the date end (days since 1970): the sum of the differences
 * of the ends, 0 for an exact match, or -1 when q is not within the
 * tolerance. */
static int64_t period_distance(const ipf_period_info *q, int instant, int64_t start, int64_t end, int64_t length)
{
    int64_t de = abs_days(q->end - end);
    if (instant)
        return de <= PERIOD_TOLERANCE_DAYS ? de : -1;
    int64_t ds = abs_days(q->start - start), dl = abs_days(q->end - q->start + 1 - length);
    if (ds > PERIOD_TOLERANCE_DAYS || de > PERIOD_TOLERANCE_DAYS || dl > PERIOD_TOLERANCE_DAYS)
        return -1;
    return ds + de;
}

/* A period's dates shifted `years` years earlier, as day numbers, with its
 * length; ok is 0 when they would fall before year 1. */
typedef struct shifted {
    int ok;
    int64_t start;
    int64_t end;
    int64_t length;
} shifted;

static shifted shift_years(const ipf_period_info *p, int32_t years)
{
    shifted t;
    memset(&t, 0, sizeof t);
    ipofacts_date pe = ipofacts_period_end(p->period);
    if (years < 1 || pe.year - years < 1)
        return t;
    ipofacts_date te = years_before(&pe, years);
    t.end = ipf_date_days(&te);
    if (!p->instant) {
        ipofacts_date ps = ipofacts_period_start(p->period), ts = years_before(&ps, years);
        t.start = ipf_date_days(&ts);
        t.length = p->end - p->start + 1;
    }
    t.ok = 1;
    return t;
}

/* Whether q is comparable with p shifted some years earlier (t, from
 * shift_years()): of the same kind and (for a duration) the same number of
 * months, and within the tolerance of the shifted dates, or ending on the
 * very shifted day (a period of the same months whose first day is further
 * off, as it always was). Returns the distance, or -1. */
static int64_t comparable_distance(const ipf_period_info *p, const ipf_period_info *q, const shifted *t)
{
    int instant = p->instant;
    if (q->period == p->period || q->instant != instant)
        return -1;
    if (!instant && q->months != p->months)
        return -1;
    if (!t->ok)
        return -1;
    int64_t dist = period_distance(q, instant, t->start, t->end, t->length);
    if (dist < 0 && !instant && q->end == t->end)
        dist = abs_days(q->start - t->start);
    return dist;
}

/* The period twelve months before p (see "Comparable periods"): a
 * comparable period of the same length, else, among periods of a year or
 * less, one of another length ending within the tolerance of the day
 * twelve months before p's end (9 months against 12, which the growth then
 * refuses or annualises). Periods that report the concept come first,
 * then periods of the same length, then the closest, then file order. */
/* A period that may be the one twelve months before another: whether it
 * has the same length, and its distance from the dates sought. */
typedef struct prior_candidate {
    const ipofacts_period *period;
    int same;
    int64_t dist;
} prior_candidate;

/* Whether q may be the period twelve months before p (see prior_period()). */
static int prior_candidate_of(const ipf_period_info *p, const ipf_period_info *q, int64_t target_end,
                              const shifted *year_earlier, prior_candidate *out)
{
    if (q->period == p->period || q->instant != p->instant)
        return 0;
    int same = p->instant || q->months == p->months;
    int64_t dist;
    if (same) {
        dist = comparable_distance(p, q, year_earlier);
    } else {
        /* Another length is a candidate only among periods of a year
         * or less: a three-year total has no prior year. */
        if (q->months > 12 || p->months > 12)
            return 0;
        dist = abs_days(q->end - target_end);
        if (dist > PERIOD_TOLERANCE_DAYS)
            dist = -1;
    }
    if (dist < 0)
        return 0;
    out->period = q->period;
    out->same = same;
    out->dist = dist;
    return 1;
}

/* The candidates for the period twelve months before p, in file order:
 * remembered per period by the cache, else walked through one by one. */
typedef struct prior_walk {
    const prior_candidate *list; /* the cache's, or NULL */
    size_t count;
    size_t next;
    ipf_period_info p;
    int64_t target_end;
    shifted year_earlier;
    period_walk w;
    prior_candidate here;
} prior_walk;

static void prior_walk_start(prior_walk *pw, ipf_ratio_cache *cache, const ipofacts_company *c,
                             const ipofacts_period *p)
{
    ipf_memo memo;
    memset(pw, 0, sizeof *pw);
    if (ipf_cache_get(cache, IPF_MEMO_PRIOR_CANDIDATES, (uintptr_t)p, 0, 0, &memo) && memo.ptr != NULL) {
        pw->list = memo.ptr;
        pw->count = (size_t)memo.a;
        return;
    }
    ipf_period_info_of(&pw->p, p);
    ipofacts_date end = ipofacts_period_end(p), target = ipf_date_year_before(&end);
    pw->target_end = ipf_date_days(&target);
    pw->year_earlier = shift_years(&pw->p, 1);
    walk_start(&pw->w, cache, c);
    pw->list = NULL;
    pw->count = pw->w.count;
    /* With a cache, list the candidates once for every concept. */
    prior_candidate *list = cache != NULL ? ipf_cache_alloc(cache, pw->w.count * sizeof *list) : NULL;
    if (list == NULL)
        return;
    size_t n = 0;
    for (size_t i = 0; i < pw->w.count; i++)
        n += prior_candidate_of(&pw->p, walk_at(&pw->w, i), pw->target_end, &pw->year_earlier, &list[n]);
    memo.ptr = list;
    memo.a = (int64_t)n;
    memo.b = 0;
    ipf_cache_put(cache, IPF_MEMO_PRIOR_CANDIDATES, (uintptr_t)p, 0, 0, &memo);
    pw->list = list;
    pw->count = n;
}

static const prior_candidate *prior_walk_next(prior_walk *pw)
{
    if (pw->list != NULL)
        return pw->next < pw->count ? &pw->list[pw->next++] : NULL;
    while (pw->next < pw->count) {
        const ipf_period_info *q = walk_at(&pw->w, pw->next++);
        if (prior_candidate_of(&pw->p, q, pw->target_end, &pw->year_earlier, &pw->here))
            return &pw->here;
    }
    return NULL;
}

/* The period twelve months before p (see "Comparable periods"): a
 * comparable period of the same length, else, among periods of a year or
 * less, one of another length ending within the tolerance of the day
 * twelve months before p's end (9 months against 12, which the growth then
 * refuses or annualises). Periods that report the concept come first,
 * then periods of the same length, then the closest, then file order. */
static const ipofacts_period *prior_period(ipf_ratio_cache *cache, const ipofacts_company *c,
                                           const ipofacts_period *p, const char *concept_id, const char *segment)
{
    ipf_memo memo;
    if (ipf_cache_get(cache, IPF_MEMO_PRIOR, (uintptr_t)p, (uintptr_t)concept_id, (uintptr_t)segment, &memo))
        return memo.ptr;
    const ipofacts_period *best = NULL;
    int best_rank = -1;
    int64_t best_dist = 0;
    prior_walk pw;
    prior_walk_start(&pw, cache, c, p);
    const prior_candidate *q;
    while ((q = prior_walk_next(&pw)) != NULL) {
        int with = concept_id == NULL || has_fact(cache, q->period, concept_id, segment);
        int rank = with * 2 + q->same;
        if (best == NULL || rank > best_rank || (rank == best_rank && q->dist < best_dist)) {
            best = q->period;
            best_rank = rank;
            best_dist = q->dist;
        }
    }
    memo.ptr = best;
    memo.a = memo.b = 0;
    ipf_cache_put(cache, IPF_MEMO_PRIOR, (uintptr_t)p, (uintptr_t)concept_id, (uintptr_t)segment, &memo);
    return best;
}

const ipofacts_period *ipf_prior_period(const ipofacts_company *c, const ipofacts_period *p, const char *concept_id,
                                        const char *segment)
{
    return prior_period(NULL, c, p, concept_id, segment);
}

/* The latest duration ending on or before date (the same day first) that
 * reports concept; among those ending the same day, the shortest. */
static const ipofacts_period *latest_duration(ipf_ratio_cache *cache, const ipofacts_company *c,
                                              const ipofacts_date *date, const char *concept_id,
                                              const char *segment, int want_months)
{
    const ipofacts_period *best = NULL;
    int64_t best_end = 0, limit = ipf_date_days(date);
    ipf_memo memo;
    uintptr_t key = ((uintptr_t)(uint32_t)limit << 8) | (uintptr_t)(uint8_t)want_months;
    if (ipf_cache_get(cache, IPF_MEMO_LATEST, key, (uintptr_t)concept_id, (uintptr_t)segment, &memo))
        return memo.ptr;
    int32_t best_months = 0;
    period_walk w;
    walk_start(&w, cache, c);
    for (size_t i = 0; i < w.count; i++) {
        const ipf_period_info *q = walk_at(&w, i);
        if (q->instant)
            continue;
        int32_t m = q->months;
        if (m <= 0 || (want_months > 0 && m != want_months))
            continue;
        int64_t e = q->end;
        if (e > limit || !has_fact(cache, q->period, concept_id, segment))
            continue;
        if (best == NULL || e > best_end || (e == best_end && m < best_months)) {
            best = q->period;
            best_end = e;
            best_months = m;
        }
    }
    memo.ptr = best;
    memo.a = memo.b = 0;
    ipf_cache_put(cache, IPF_MEMO_LATEST, key, (uintptr_t)concept_id, (uintptr_t)segment, &memo);
    return best;
}

/* The duration matching start..end and a length of `length` days (see
 * "Comparable periods"): among those that match, one that reports the
 * concept first, then the exact one, then the closest, then file order;
 * NULL when none matches. */
static const ipofacts_period *duration_near(ipf_ratio_cache *cache, const ipofacts_company *c,
                                            const ipofacts_date *start, const ipofacts_date *end, int64_t length,
                                            const char *concept_id, const char *segment)
{
    int64_t s = ipf_date_days(start), e = ipf_date_days(end);
    ipf_memo memo;
    /* Day numbers of 32 bits each and a length below 2^24 days make one key word. */
    uintptr_t key = ((uintptr_t)(uint32_t)s << 32) ^ ((uintptr_t)(uint32_t)e << 8) ^ (uintptr_t)(length & 0xffffff);
    int keyed = sizeof(uintptr_t) >= 8 && length >= 0 && length < 0xffffff;
    if (keyed && ipf_cache_get(cache, IPF_MEMO_NEAR, key, (uintptr_t)concept_id, (uintptr_t)segment, &memo) &&
        memo.a == s && memo.b == e)
        return memo.ptr;
    const ipofacts_period *best = NULL;
    int best_with = 0;
    int64_t best_dist = 0;
    period_walk w;
    walk_start(&w, cache, c);
    for (size_t i = 0; i < w.count; i++) {
        const ipf_period_info *q = walk_at(&w, i);
        if (q->instant)
            continue;
        int64_t dist = period_distance(q, 0, s, e, length);
        if (dist < 0)
            continue;
        int with = find_value(cache, q->period, concept_id, segment) != NULL;
        if (best == NULL || with > best_with || (with == best_with && dist < best_dist)) {
            best = q->period;
            best_with = with;
            best_dist = dist;
        }
    }
    if (keyed) {
        memo.ptr = best;
        memo.a = s;
        memo.b = e;
        ipf_cache_put(cache, IPF_MEMO_NEAR, key, (uintptr_t)concept_id, (uintptr_t)segment, &memo);
    }
    return best;
}

/* The preferred fact of a concept in p, else in any period of the company
 * with the same end date, else the latest before it. */
static const ipofacts_fact *find_near(ipf_ratio_cache *cache, const ipofacts_company *c, const ipofacts_period *p,
                                     const char *concept_id)
{
    const ipofacts_fact *f = ipf_cache_find(cache, p, concept_id, NULL);
    if (f != NULL)
        return f;
    ipf_memo memo;
    if (ipf_cache_get(cache, IPF_MEMO_FIND_NEAR, (uintptr_t)p, (uintptr_t)concept_id, 0, &memo))
        return memo.ptr;
    ipofacts_date end = ipofacts_period_end(p);
    int64_t limit = ipf_date_days(&end), best_end = 0;
    const ipofacts_fact *best = NULL;
    period_walk w;
    walk_start(&w, cache, c);
    for (size_t i = 0; i < w.count; i++) {
        const ipf_period_info *q = walk_at(&w, i);
        int64_t e = q->end;
        const ipofacts_fact *g;
        if (e > limit || (g = ipf_cache_find(cache, q->period, concept_id, NULL)) == NULL)
            continue;
        if (best == NULL || e > best_end) {
            best = g;
            best_end = e;
        }
    }
    memo.ptr = best;
    memo.a = memo.b = 0;
    ipf_cache_put(cache, IPF_MEMO_FIND_NEAR, (uintptr_t)p, (uintptr_t)concept_id, 0, &memo);
    return best;
}

/* ------------------------------------------------------------------ */
/* Exchange rates                                                      */
/* ------------------------------------------------------------------ */

static int rate_pair(const ipofacts_fact *f, const char *a, const char *b)
{
    char q[4], base[4];
    if (ipf_unit_parse(ipofacts_fact_unit(f), q, base) != IPF_UNIT_RATE)
        return 0;
    return (strcmp(q, a) == 0 && strcmp(base, b) == 0) || (strcmp(q, b) == 0 && strcmp(base, a) == 0);
}

static void consider_rates(const ipofacts_company *c, const char *a, const char *b, int64_t day,
                           const ipofacts_fact **best, int64_t *best_dist, double *best_width)
{
    size_t n = ipofacts_company_fact_count(c);
    for (size_t i = 0; i < n; i++) {
        const ipofacts_fact *f = ipofacts_company_fact(c, i);
        const char *id = ipofacts_fact_concept_id(f);
        if (id == NULL || strcmp(id, "exchange_rate") != 0 || !rate_pair(f, a, b))
            continue;
        ipofacts_date e = ipofacts_period_end(ipofacts_fact_period(f));
        int64_t dist = llabs(ipf_date_days(&e) - day);
        ipofacts_ratio r;
        if (ipofacts_ratio_input_fact(&r, f) != IPOFACTS_OK || r.value <= 0)
            continue;
        double width = (r.interval.flags != 0) ? INFINITY : (r.interval.hi - r.interval.lo) / r.value;
        if (*best == NULL || dist < *best_dist || (dist == *best_dist && width < *best_width)) {
            *best = f;
            *best_dist = dist;
            *best_width = width;
        }
    }
}

/* A rate fact between currencies a and b: the explicit one when it fits,
 * else the company's, else any company's of the dataset, nearest in date,
 * then narrowest. */
static const ipofacts_fact *find_rate(ipf_ratio_cache *cache, const ipofacts_company *c, const char *a,
                                      const char *b, const ipofacts_date *date, const ipofacts_fact *given)
{
    if (given != NULL)
        return rate_pair(given, a, b) ? given : NULL;
    const ipofacts_fact *best = NULL;
    int64_t dist = 0, day = ipf_date_days(date);
    double width = 0;
    /* Currency codes of up to 3 letters (ipf_unit_parse) pack into one word each. */
    uintptr_t ka = 0, kb = 0;
    for (size_t i = 0; i < 3 && a[i] != '\0'; i++)
        ka |= (uintptr_t)(unsigned char)a[i] << (8 * i);
    for (size_t i = 0; i < 3 && b[i] != '\0'; i++)
        kb |= (uintptr_t)(unsigned char)b[i] << (8 * i);
    int keyed = strlen(a) <= 3 && strlen(b) <= 3;
    ipf_memo memo;
    if (keyed && ipf_cache_get(cache, IPF_MEMO_RATE, ka, kb, (uintptr_t)(uint64_t)day, &memo))
        return memo.ptr;
    consider_rates(c, a, b, day, &best, &dist, &width);
    if (best == NULL) {
        const ipofacts_dataset *ds = ipofacts_company_dataset(c);
        size_t n = ipofacts_dataset_company_count(ds);
        for (size_t i = 0; i < n; i++) {
            const ipofacts_company *o = ipofacts_dataset_company(ds, i);
            if (o != c)
                consider_rates(o, a, b, day, &best, &dist, &width);
        }
    }
    if (keyed) {
        memo.ptr = best;
        memo.a = memo.b = 0;
        ipf_cache_put(cache, IPF_MEMO_RATE, ka, kb, (uintptr_t)(uint64_t)day, &memo);
    }
    return best;
}

static int currency_of(const ipofacts_ratio *r, char ccy[4])
{
    char base[4];
    ipf_unit_form f = ipf_unit_parse(r->unit, ccy, base);
    return f == IPF_UNIT_AMOUNT || f == IPF_UNIT_PER_SHARE || f == IPF_UNIT_PER_MONTH;
}

/* Converts an amount into currency `to` at the dataset's rates, recording
 * each rate used as an input; through USD when there is no direct rate.
 * The arithmetic of the conversion ("72000000000 HKD / 7.8 HKD/USD") is
 * appended to b, followed by " = <result> <to>; " when with_result. */
static void convert_amount(ipofacts_derived *d, const ipofacts_ratio *amount, const char *to,
                           const ipofacts_fact *given_rate, ipofacts_ratio *out, ipf_buf *b, int with_result)
{
    char from[4], x[TEXT_SIZE], y[TEXT_SIZE], z[TEXT_SIZE];
    if (d->values_only)
        b = NULL;
    if (!currency_of(amount, from)) {
        ipofacts_ratio_convert(out, amount, NULL, to);
        return;
    }
    if (strcmp(from, to) == 0) {
        *out = *amount;
        return;
    }
    const ipofacts_fact *rf = find_rate(d->cache, d->company, from, to, &d->end, given_rate);
    if (rf != NULL) {
        long i = input_fact(d, "rate", ipofacts_fact_period(rf), "exchange_rate", NULL, rf);
        const ipofacts_ratio *rv = in_value(d, i);
        ipofacts_ratio_convert(out, amount, rv, to);
        if (b != NULL && rv != NULL) {
            ipf_buf_printf(b, "%s %s %s %s %s", ipf_num(x, sizeof x, amount->value, 10), from,
                           strncmp(rv->unit, to, 3) == 0 ? "x" : "/", in_text(d, i, y, sizeof y), rv->unit);
            if (with_result && out->status == IPOFACTS_RATIO_OK)
                ipf_buf_printf(b, " = %s %s; ", ipf_num(z, sizeof z, out->value, 10), to);
        }
        return;
    }
    if (strcmp(from, "USD") != 0 && strcmp(to, "USD") != 0 && given_rate == NULL) {
        const ipofacts_fact *r1 = find_rate(d->cache, d->company, from, "USD", &d->end, NULL);
        const ipofacts_fact *r2 = find_rate(d->cache, d->company, "USD", to, &d->end, NULL);
        if (r1 != NULL && r2 != NULL) {
            ipofacts_ratio usd;
            long i = input_fact(d, "rate", ipofacts_fact_period(r1), "exchange_rate", NULL, r1);
            long j = input_fact(d, "rate", ipofacts_fact_period(r2), "exchange_rate", NULL, r2);
            ipofacts_ratio_convert(&usd, amount, in_value(d, i), "USD");
            ipofacts_ratio_convert(out, &usd, in_value(d, j), to);
            if (b != NULL) {
                ipf_buf_printf(b, "%s %s -> %s USD -> %s %s", ipf_num(x, sizeof x, amount->value, 10), from,
                               ipf_num(y, sizeof y, usd.value, 10), ipf_num(z, sizeof z, out->value, 10), to);
                if (with_result)
                    ipf_buf_add(b, "; ");
            }
            return;
        }
    }
    char *what = dformat(d, "exchange_rate %s/%s", to, from);
    if (what == NULL && !d->values_only) {
        d->nomem = 1;
    } else {
        add_input(d, "rate", what, NULL, NULL, NULL);
        free(what);
    }
    ipofacts_ratio_convert(out, amount, NULL, to);
}

/* ------------------------------------------------------------------ */
/* Ratio kinds                                                         */
/* ------------------------------------------------------------------ */

/* A derivation inside another (the burn of a runway, the TTM revenue of a
 * price-to-sales): an owned *child in a full derivation, only its value in
 * a values-only one. Returns 0 when memory ran out. */
static int nested(ipofacts_derived *d, ipofacts_ratio_kind kind, const ipofacts_period *p,
                  const ipofacts_ratio_options *o, ipofacts_derived **child, ipofacts_ratio *value)
{
    *child = NULL;
    if (d->values_only) {
        ipf_ratio_outcome oc;
        if (ipf_company_ratio_value(&oc, d->company, kind, p, o, d->cache) != IPOFACTS_OK)
            return 0;
        *value = oc.ratio;
        return 1;
    }
    if (ipf_company_ratio(child, d->company, kind, p, o) != IPOFACTS_OK)
        return 0;
    *value = (*child)->ratio;
    return 1;
}

static const char *opt_concept(const ipofacts_ratio_options *o)
{
    return o->concept_id != NULL ? o->concept_id : "revenue";
}

static void do_growth(ipofacts_derived *d, const ipofacts_ratio_options *o)
{
    const char *concept = opt_concept(o);
    const ipofacts_period *p = d->period;
    ipofacts_ratio r;
    long cur = input_fact(d, "current", p, concept, o->segment, find_value(d->cache, p, concept, o->segment));
    const ipofacts_period *q = o->base_period != NULL ? o->base_period
                                                      : prior_period(d->cache, d->company, p, concept, o->segment);
    long prior;
    if (q == NULL) {
        ipofacts_date e = ipofacts_period_end(p);
        ipofacts_date pe = ipf_date_year_before(&e);
        char ds[IPOFACTS_DATE_STRING_SIZE] = "";
        if (!d->values_only)
            ipofacts_date_format(&pe, ds, sizeof ds);
        char *what = ipofacts_period_is_instant(p)
                         ? dformat(d, "%s at %s", concept, ds)
                         : dformat(d, "%s for the %d months ending %s", concept, (int)ipofacts_period_months(p), ds);
        prior = add_input(d, "prior", what, NULL, NULL, NULL);
        free(what);
    } else {
        prior = input_fact(d, "prior", q, concept, o->segment, find_value(d->cache, q, concept, o->segment));
    }
    ipofacts_ratio_growth(&r, in_value(d, cur), ipofacts_period_months(p), in_value(d, prior),
                          q != NULL ? ipofacts_period_months(q) : ipofacts_period_months(p),
                          o->flags & IPOFACTS_RATIO_ANNUALISE);
    r.basis = IPOFACTS_BASIS_REPORTED_PRIOR;
    set_formula(d, "%s / prior %s - 1%s", concept, concept,
                (r.flags & IPOFACTS_RATIO_FLAG_ANNUALISED) ? " (each scaled to 12 months)" : "");
    conclude(d, &r, "%s / %s - 1", cur, prior, -1);
}

/* The number of whole years q lies before p when q is comparable with p
 * shifted back that many years (see "Comparable periods"), its distance in
 * *dist; 0 when it is not. */
/* p's dates shifted by each number of years, worked out when first needed. */
typedef struct shifts {
    shifted by[16];
    unsigned char known[16];
} shifts;

static int32_t years_before_comparable(const ipf_period_info *p, const ipf_period_info *q, shifts *memo,
                                       int64_t *dist)
{
    double apart = (double)(p->end - q->end) / 365.2425;
    if (!(apart >= 0.5 && apart < 9999.0))
        return 0;
    int32_t years = (int32_t)lround(apart);
    shifted t;
    if (years >= 0 && years < 16) {
        if (!memo->known[years]) {
            memo->by[years] = shift_years(p, years);
            memo->known[years] = 1;
        }
        t = memo->by[years];
    } else {
        t = shift_years(p, years);
    }
    int64_t d = comparable_distance(p, q, &t);
    if (d < 0)
        return 0;
    *dist = d;
    return years;
}

/* A period comparable with another some whole years before it. */
typedef struct cagr_base {
    const ipofacts_period *period;
    int32_t years;
    int64_t dist;
} cagr_base;

static int cagr_base_of(const ipf_period_info *p, const ipf_period_info *q, shifts *sh, cagr_base *out)
{
    int64_t cd = 0;
    int32_t cy = years_before_comparable(p, q, sh, &cd);
    if (cy < 1)
        return 0;
    out->period = q->period;
    out->years = cy;
    out->dist = cd;
    return 1;
}

/* The comparable periods of p (cagr_base_of) in file order, listed once per
 * company by the cache; NULL without one (or when it is full). */
static const cagr_base *cagr_bases(ipf_ratio_cache *cache, const ipofacts_company *c, const ipofacts_period *p,
                                   size_t *count)
{
    ipf_memo memo;
    if (cache == NULL)
        return NULL;
    if (ipf_cache_get(cache, IPF_MEMO_CAGR_BASES, (uintptr_t)p, 0, 0, &memo)) {
        *count = (size_t)memo.a;
        return memo.ptr;
    }
    period_walk w;
    walk_start(&w, cache, c);
    cagr_base *list = ipf_cache_alloc(cache, w.count * sizeof *list);
    if (list == NULL)
        return NULL;
    ipf_period_info pi;
    ipf_period_info_of(&pi, p);
    shifts sh;
    memset(sh.known, 0, sizeof sh.known);
    size_t n = 0;
    for (size_t i = 0; i < w.count; i++)
        n += cagr_base_of(&pi, walk_at(&w, i), &sh, &list[n]);
    memo.ptr = list;
    memo.a = (int64_t)n;
    memo.b = 0;
    ipf_cache_put(cache, IPF_MEMO_CAGR_BASES, (uintptr_t)p, 0, 0, &memo);
    *count = n;
    return list;
}

/* The CAGR's base: the earliest comparable period that reports the
 * concept; among those as many years earlier, the closest; then file order. */
static void consider_cagr_base(const ipofacts_derived *d, const cagr_base *b, const char *concept,
                               const char *segment, const ipofacts_period **q, int32_t *whole, int64_t *dist)
{
    if (find_value(d->cache, b->period, concept, segment) == NULL)
        return;
    if (*q == NULL || b->years > *whole || (b->years == *whole && b->dist < *dist)) {
        *q = b->period;
        *whole = b->years;
        *dist = b->dist;
    }
}

static void do_cagr(ipofacts_derived *d, const ipofacts_ratio_options *o)
{
    const char *concept = opt_concept(o);
    const ipofacts_period *p = d->period, *q = o->base_period;
    ipofacts_date pe = ipofacts_period_end(p);
    ipofacts_ratio r;
    int32_t whole = 0;
    int64_t dist = 0;
    ipf_memo memo;
    if (q == NULL &&
        ipf_cache_get(d->cache, IPF_MEMO_CAGR, (uintptr_t)p, (uintptr_t)concept, (uintptr_t)o->segment, &memo)) {
        q = memo.ptr;
        whole = (int32_t)memo.a;
        dist = memo.b;
    } else if (q == NULL) {
        /* The earliest period that reports the concept and is comparable
         * with p a whole number of years earlier; among those as many
         * years earlier, the closest. The comparable periods are the same
         * for every concept: with a cache they are listed once. */
        size_t nb = 0;
        const cagr_base *bases = cagr_bases(d->cache, d->company, p, &nb);
        if (bases != NULL) {
            for (size_t i = 0; i < nb; i++)
                consider_cagr_base(d, &bases[i], concept, o->segment, &q, &whole, &dist);
        } else {
            ipf_period_info pi;
            ipf_period_info_of(&pi, p);
            shifts sh;
            memset(sh.known, 0, sizeof sh.known);
            period_walk w;
            walk_start(&w, d->cache, d->company);
            for (size_t i = 0; i < w.count; i++) {
                cagr_base b;
                if (cagr_base_of(&pi, walk_at(&w, i), &sh, &b))
                    consider_cagr_base(d, &b, concept, o->segment, &q, &whole, &dist);
            }
        }
        memo.ptr = q;
        memo.a = whole;
        memo.b = dist;
        ipf_cache_put(d->cache, IPF_MEMO_CAGR, (uintptr_t)p, (uintptr_t)concept, (uintptr_t)o->segment, &memo);
    } else {
        ipf_period_info pi, qi;
        ipf_period_info_of(&pi, p);
        ipf_period_info_of(&qi, q);
        shifts sh;
        memset(sh.known, 0, sizeof sh.known);
        whole = years_before_comparable(&pi, &qi, &sh, &dist);
    }
    long last = input_fact(d, "last", p, concept, o->segment, find_value(d->cache, p, concept, o->segment));
    long first;
    double years = 0;
    if (q == NULL) {
        char *what = dformat(d, "%s of an earlier year", concept);
        first = add_input(d, "first", what, NULL, NULL, NULL);
        free(what);
    } else {
        ipofacts_date qe = ipofacts_period_end(q);
        /* A comparable period lies a whole number of (fiscal) years
         * before: a 53-week year counts as one year. Any other base is
         * measured in days. */
        if (whole > 0)
            years = (double)whole;
        else if (qe.month == pe.month && qe.day == pe.day)
            years = (double)(pe.year - qe.year);
        else
            years = (double)(ipf_date_days(&pe) - ipf_date_days(&qe)) / 365.2425;
        first = input_fact(d, "first", q, concept, o->segment, find_value(d->cache, q, concept, o->segment));
    }
    ipofacts_ratio_cagr(&r, in_value(d, first), in_value(d, last), years > 0 ? years : -1);
    char ys[32], fmt[96] = "";
    set_formula(d, "(%s / first %s)^(1 / years) - 1", concept, concept);
    if (!d->values_only)
        snprintf(fmt, sizeof fmt, "(%%s / %%s)^(1 / %s) - 1", ipf_num(ys, sizeof ys, years, 6));
    conclude(d, &r, fmt, last, first, -1);
}

static void do_gross_margin(ipofacts_derived *d, const ipofacts_ratio_options *o)
{
    const ipofacts_period *p = d->period;
    const char *seg = o->segment;
    ipofacts_ratio r;
    ipofacts_ratio_basis basis = o->basis;
    if (basis == IPOFACTS_BASIS_DEFAULT)
        basis = find(d, p, "gross_profit", seg) != NULL ? IPOFACTS_BASIS_GROSS_PROFIT
                                                          : IPOFACTS_BASIS_REVENUE_LESS_COST;
    long rev = input_fact(d, "revenue", p, seg != NULL ? "segment_revenue" : "revenue", seg,
                          find_value(d->cache, p, "revenue", seg));
    if (basis == IPOFACTS_BASIS_GROSS_PROFIT) {
        long gp = input_fact(d, "gross_profit", p, "gross_profit", seg, NULL);
        ipofacts_ratio_gross_margin_from_profit(&r, in_value(d, gp), in_value(d, rev));
        set_formula(d, "gross_profit / revenue");
        conclude(d, &r, "%s / %s", gp, rev, -1);
    } else if (basis == IPOFACTS_BASIS_REVENUE_LESS_COST) {
        long cost = input_fact(d, "cost_of_sales", p, "cost_of_sales", seg, NULL);
        ipofacts_ratio_gross_margin(&r, in_value(d, rev), in_value(d, cost));
        set_formula(d, "1 - cost_of_sales / revenue");
        conclude(d, &r, "1 - %s / %s", cost, rev, -1);
    } else {
        memset(&r, 0, sizeof r);
        r.status = IPOFACTS_RATIO_INVALID_INPUT;
        r.basis = basis;
        set_formula(d, "gross_profit / revenue, or 1 - cost_of_sales / revenue");
        d->ratio = r;
        set_arith(d, dformat(d, "basis %s is not a gross margin basis", ipofacts_ratio_basis_name(basis)));
    }
}

static void do_gross_profit(ipofacts_derived *d, const ipofacts_ratio_options *o)
{
    const ipofacts_period *p = d->period;
    const char *seg = o->segment;
    ipofacts_ratio r;
    long rev = input_fact(d, "revenue", p, seg != NULL ? "segment_revenue" : "revenue", seg,
                          find_value(d->cache, p, "revenue", seg));
    long cost = input_fact(d, "cost_of_sales", p, "cost_of_sales", seg, NULL);
    ipofacts_ratio_gross_profit(&r, in_value(d, rev), in_value(d, cost));
    set_formula(d, "revenue - cost_of_sales");
    conclude(d, &r, "%s - %s", rev, cost, -1);
}

typedef ipofacts_status (*per_rev_fn)(ipofacts_ratio *, const ipofacts_ratio *, const ipofacts_ratio *);

static void do_per_revenue(ipofacts_derived *d, const ipofacts_ratio_options *o, const char *concept,
                           per_rev_fn fn)
{
    const ipofacts_period *p = d->period;
    ipofacts_ratio r;
    long num = input_fact(d, concept, p, concept, o->segment, NULL);
    long rev = input_fact(d, "revenue", p, o->segment != NULL ? "segment_revenue" : "revenue", o->segment,
                          find_value(d->cache, p, "revenue", o->segment));
    fn(&r, in_value(d, num), in_value(d, rev));
    set_formula(d, "%s / revenue", concept);
    conclude(d, &r, "%s / %s", num, rev, -1);
}

static void do_segment_share(ipofacts_derived *d, const ipofacts_ratio_options *o)
{
    const ipofacts_period *p = d->period;
    ipofacts_ratio r;
    long part = input_fact(d, "segment_revenue", p, "segment_revenue", o->segment,
                           ipf_cache_find_segment_revenue(d->cache, p, o->segment));
    long whole = input_fact(d, "revenue", p, "revenue", NULL, NULL);
    ipofacts_ratio_share(&r, in_value(d, part), in_value(d, whole));
    set_formula(d, "segment_revenue[%s] / revenue", o->segment);
    conclude(d, &r, "%s / %s", part, whole, -1);
}

static void do_concentration(ipofacts_derived *d, size_t top)
{
    const ipofacts_period *p = d->period;
    const ipofacts_company *c = d->company;
    size_t n = ipofacts_company_member_count(c), count = 0;
    ipofacts_ratio r;
    long first = -1;
    for (size_t i = 0; i < n; i++) {
        const ipofacts_member *m = ipofacts_company_member(c, i);
        if (ipofacts_member_kind_of(m) != IPOFACTS_MEMBER_CUSTOMER)
            continue;
        const ipofacts_fact *f = ipf_cache_find_segment_revenue(d->cache, p, ipofacts_member_id(m));
        if (f == NULL)
            continue;
        long k = input_fact(d, "customer", p, "segment_revenue", ipofacts_member_id(m), f);
        if (first < 0)
            first = k;
        count++;
    }
    long rev = input_fact(d, "revenue", p, "revenue", NULL, NULL);
    if (d->nomem)
        return;
    ipofacts_ratio few[8], *cs = NULL;
    if (count > 0) {
        cs = count <= sizeof few / sizeof few[0] ? few : malloc(count * sizeof *cs);
        if (cs == NULL) {
            d->nomem = 1;
            return;
        }
        for (size_t i = 0; i < count; i++)
            cs[i] = d->inputs[first + (long)i].value;
    }
    if (ipofacts_ratio_concentration(&r, cs, count, top, in_value(d, rev)) != IPOFACTS_OK)
        d->nomem = 1;
    if (cs != few)
        free(cs);
    set_formula(d, "revenue of the %zu largest customers / revenue", top);
    if (count < top) {
        d->ratio = r;
        set_arith(d, dformat(d, "revenue of %zu customer%s reported, %zu needed", count, count == 1 ? "" : "s", top));
        return;
    }
    char fmt[64] = "";
    if (!d->values_only)
        snprintf(fmt, sizeof fmt, "(top %zu of %zu customers) / %%s", top, count);
    conclude(d, &r, fmt, rev, -1, -1);
}

static ipofacts_ratio_basis burn_basis(const ipofacts_ratio_options *o)
{
    return o->basis == IPOFACTS_BASIS_DEFAULT ? IPOFACTS_BASIS_NET_INCOME : o->basis;
}

const char *ipf_burn_concept(ipofacts_ratio_basis basis)
{
    switch (basis) {
    case IPOFACTS_BASIS_OPERATING_CASH_FLOW:
    case IPOFACTS_BASIS_FREE_CASH_FLOW: return "operating_cash_flow";
    case IPOFACTS_BASIS_NET_INCOME: return "net_income";
    case IPOFACTS_BASIS_ADJUSTED_NET_INCOME: return "adjusted_net_income";
    default: return NULL;
    }
}

static void do_burn(ipofacts_derived *d, const ipofacts_ratio_options *o)
{
    const ipofacts_period *p = d->period;
    ipofacts_ratio_basis basis = burn_basis(o);
    const char *concept = ipf_burn_concept(basis);
    ipofacts_ratio r;
    int32_t months = ipofacts_period_months(p);
    if (concept == NULL || ipofacts_period_is_instant(p)) {
        memset(&r, 0, sizeof r);
        r.status = IPOFACTS_RATIO_INVALID_INPUT;
        r.basis = basis;
        d->ratio = r;
        set_formula(d, "-(flow of the period) / months");
        set_arith(d, concept == NULL ? dformat(d, "basis %s is not a burn basis", ipofacts_ratio_basis_name(basis))
                                         : dformat(d, "%s is an instant: a burn needs a duration", d->label));
        return;
    }
    long flow = input_fact(d, concept, p, concept, NULL, NULL);
    long capex = -1;
    if (basis == IPOFACTS_BASIS_FREE_CASH_FLOW)
        capex = input_fact(d, "capital_expenditure", p, "capital_expenditure", NULL, NULL);
    ipofacts_ratio_monthly_burn(&r, in_value(d, flow), in_value(d, capex), months, basis);
    char fmt[96] = "";
    if (basis == IPOFACTS_BASIS_FREE_CASH_FLOW) {
        set_formula(d, "-(operating_cash_flow - capital_expenditure) / months");
        if (!d->values_only)
            snprintf(fmt, sizeof fmt, "-(%%s - %%s) / %d", (int)months);
        conclude(d, &r, fmt, flow, capex, -1);
    } else {
        set_formula(d, "-%s / months%s", concept,
                    (r.flags & IPOFACTS_RATIO_FLAG_PROXY) ? " (a proxy: a loss is not a cash outflow)" : "");
        if (!d->values_only)
            snprintf(fmt, sizeof fmt, "-(%%s) / %d", (int)months);
        conclude(d, &r, fmt, flow, -1, -1);
    }
}

/* The duration whose burn a runway at `date` uses: the shortest ending that
 * day with the basis's flow, else the latest before. */
static const ipofacts_period *burn_period(ipf_ratio_cache *cache, const ipofacts_company *c,
                                          const ipofacts_date *date,
                                          ipofacts_ratio_basis basis)
{
    const char *concept = ipf_burn_concept(basis);
    if (concept == NULL)
        return NULL;
    return latest_duration(cache, c, date, concept, NULL, 0);
}

static void do_runway(ipofacts_derived *d, const ipofacts_ratio_options *o)
{
    const char *cash_concept = o->cash_concept_id != NULL ? o->cash_concept_id : "cash";
    ipofacts_ratio_basis basis = burn_basis(o);
    ipofacts_ratio r;
    const ipofacts_period *p = d->period;
    const ipofacts_period *at = p;
    if (!ipofacts_period_is_instant(p)) {
        ipofacts_date e = ipofacts_period_end(p);
        at = instant_at(d, &e);
        d->start.precision = IPOFACTS_DATE_UNKNOWN;
        d->start.year = 0;
        d->start.month = 0;
        d->start.day = 0;
    }
    long cash = input_fact(d, cash_concept, at != NULL ? at : p, cash_concept, NULL, NULL);
    const ipofacts_period *bp =
        o->base_period != NULL ? o->base_period : burn_period(d->cache, d->company, &d->end, basis);
    long burn;
    if (bp == NULL) {
        const char *bc = ipf_burn_concept(basis);
        char *what = dformat(d, "%s of a period ending by %s", bc != NULL ? bc : ipofacts_ratio_basis_name(basis),
                            d->label);
        burn = add_input(d, "burn", what, NULL, NULL, NULL);
        free(what);
    } else {
        ipofacts_ratio_options bo = *o;
        bo.base_period = NULL;
        bo.basis = basis;
        ipofacts_derived *child = NULL;
        ipofacts_ratio bv;
        if (!nested(d, IPOFACTS_RATIO_KIND_MONTHLY_BURN, bp, &bo, &child, &bv)) {
            d->nomem = 1;
            return;
        }
        burn = add_input(d, "burn", child != NULL ? child->label : NULL, &bv, NULL, child);
    }
    if (d->nomem)
        return;
    ipofacts_ratio_runway(&r, in_value(d, cash), in_value(d, burn));
    if (in_value(d, burn) != NULL && in_value(d, burn)->status != IPOFACTS_RATIO_OK &&
        in_value(d, burn)->status != IPOFACTS_RATIO_MISSING_INPUT)
        r.status = in_value(d, burn)->status;
    if (r.status != IPOFACTS_RATIO_OK)
        r.basis = basis;
    set_formula(d, "%s / monthly burn (%s basis%s)", cash_concept, ipofacts_ratio_basis_name(basis),
                (basis == IPOFACTS_BASIS_NET_INCOME || basis == IPOFACTS_BASIS_ADJUSTED_NET_INCOME) ? ", a proxy"
                                                                                                    : "");
    d->ratio = r;
    if (r.status == IPOFACTS_RATIO_MISSING_INPUT) {
        if (in_value(d, cash) != NULL && in_value(d, cash)->status == IPOFACTS_RATIO_MISSING_INPUT)
            set_arith(d, dformat(d, "no %s reported at %s", cash_concept, d->label));
        else if (burn >= 0 && d->inputs != NULL && d->inputs[burn].child != NULL && d->inputs[burn].child->arithmetic != NULL)
            set_arith(d, dformat(d, "burn: %s", d->inputs[burn].child->arithmetic));
        else
            missing_text(d);
        return;
    }
    arith(d, "%s / %s", cash, burn, -1);
}

static void do_ttm(ipofacts_derived *d, const ipofacts_ratio_options *o)
{
    const char *concept = opt_concept(o);
    const char *seg = o->segment;
    const ipofacts_period *p = d->period;
    ipofacts_ratio r;
    int32_t m = ipofacts_period_months(p);
    ipofacts_date s = ipofacts_period_start(p), e = ipofacts_period_end(p);
    ipofacts_date ye = ipf_date_year_before(&e);
    d->start = ipf_date_from_days(ipf_date_days(&ye) + 1);
    if (!d->values_only) {
        char ds[IPOFACTS_DATE_STRING_SIZE] = "";
        ipofacts_date_format(&e, ds, sizeof ds);
        snprintf(d->label, sizeof d->label, "TTM to %s", ds);
    }
    if (ipofacts_period_is_instant(p) || m < 1 || m > 12) {
        memset(&r, 0, sizeof r);
        r.status = ipofacts_period_is_instant(p) ? IPOFACTS_RATIO_INVALID_INPUT : IPOFACTS_RATIO_PERIOD_MISMATCH;
        d->ratio = r;
        set_formula(d, "fiscal year + year to date - prior year to date");
        set_arith(d, dformat(d, "%s is not a period of 1 to 12 months", ipofacts_period_label(p)));
        return;
    }
    if (m == 12) {
        long v = input_fact(d, concept, p, concept, seg, find_value(d->cache, p, concept, seg));
        const ipofacts_ratio *iv = in_value(d, v);
        if (iv != NULL)
            r = *iv;
        else
            memset(&r, 0, sizeof r);
        r.flags = (r.flags & ~IPOFACTS_RATIO_FLAG_REPORTED) | IPOFACTS_RATIO_FLAG_DERIVED;
        r.basis = IPOFACTS_BASIS_FISCAL_YEAR;
        set_formula(d, "%s of the twelve months", concept);
        conclude(d, &r, "%s", v, -1, -1);
        return;
    }
    /* The fiscal year ending the day before the year to date starts, and
     * the same months a year earlier: each the period that matches the
     * computed dates (see "Comparable periods"). */
    ipofacts_date fy_end = ipf_date_from_days(ipf_date_days(&s) - 1);
    ipofacts_date fy_start = ipf_date_from_days(ipf_date_days(&s) - 1);
    fy_start = ipf_date_year_before(&fy_start);
    fy_start = ipf_date_from_days(ipf_date_days(&fy_start) + 1);
    const ipofacts_period *fy =
        duration_near(d->cache, d->company, &fy_start, &fy_end, ipf_date_days(&fy_end) - ipf_date_days(&fy_start) + 1,
                      concept, seg);
    long fyi;
    if (fy == NULL) {
        char a[IPOFACTS_DATE_STRING_SIZE] = "", b[IPOFACTS_DATE_STRING_SIZE] = "";
        if (!d->values_only) {
            ipofacts_date_format(&fy_start, a, sizeof a);
            ipofacts_date_format(&fy_end, b, sizeof b);
        }
        char *what = dformat(d, "%s for %s..%s", concept, a, b);
        fyi = add_input(d, "fiscal_year", what, NULL, NULL, NULL);
        free(what);
    } else {
        fyi = input_fact(d, "fiscal_year", fy, concept, seg, find_value(d->cache, fy, concept, seg));
    }
    long ytd = input_fact(d, "ytd", p, concept, seg, find_value(d->cache, p, concept, seg));
    ipofacts_date ps = ipf_date_year_before(&s);
    const ipofacts_period *prior =
        duration_near(d->cache, d->company, &ps, &ye, ipf_date_days(&e) - ipf_date_days(&s) + 1, concept, seg);
    const ipofacts_fact *pf = prior != NULL ? find_value(d->cache, prior, concept, seg) : NULL;
    if (pf != NULL) {
        /* The twelve months start the day after the prior year to date ends. */
        ipofacts_date pe = ipofacts_period_end(prior);
        d->start = ipf_date_from_days(ipf_date_days(&pe) + 1);
    }
    const char *gconcept = ipofacts_ratio_kind_reported_concept(IPOFACTS_RATIO_KIND_GROWTH, concept);
    const ipofacts_fact *gf = (pf == NULL && gconcept != NULL && !(o->flags & IPF_RATIO_NO_IMPLIED))
                                  ? find(d, p, gconcept, seg)
                                  : NULL;
    set_formula(d, "fiscal year + year to date - prior year to date");
    if (pf != NULL || gf == NULL) {
        long pi;
        if (prior != NULL) {
            pi = input_fact(d, "prior_ytd", prior, concept, seg, pf);
        } else {
            char a[IPOFACTS_DATE_STRING_SIZE] = "", b[IPOFACTS_DATE_STRING_SIZE] = "";
            if (!d->values_only) {
                ipofacts_date_format(&ps, a, sizeof a);
                ipofacts_date_format(&ye, b, sizeof b);
            }
            char *what = dformat(d, "%s for %s..%s (or its growth rate)", concept, a, b);
            pi = add_input(d, "prior_ytd", what, NULL, NULL, NULL);
            free(what);
        }
        ipofacts_ratio_ttm(&r, in_value(d, fyi), fy != NULL ? ipofacts_period_months(fy) : 12, in_value(d, ytd), m,
                           in_value(d, pi), prior != NULL ? ipofacts_period_months(prior) : m);
        conclude(d, &r, "%s + %s - %s", fyi, ytd, pi);
        return;
    }
    long g = input_fact(d, "growth", p, gconcept, seg, gf);
    ipofacts_ratio implied;
    ipofacts_ratio_implied_prior(&implied, in_value(d, ytd), in_value(d, g));
    char *what = dformat(d, "%s of the same months a year earlier, implied: ytd / (1 + growth)", concept);
    long pi = add_input(d, "prior_ytd", what, &implied, NULL, NULL);
    free(what);
    ipofacts_ratio_ttm_from_growth(&r, in_value(d, fyi), fy != NULL ? ipofacts_period_months(fy) : 12,
                                   in_value(d, ytd), m, in_value(d, g));
    set_formula(d, "fiscal year + year to date - year to date / (1 + growth)");
    if (pi < 0)
        return;
    char x[TEXT_SIZE], y[TEXT_SIZE], z[TEXT_SIZE];
    d->ratio = r;
    if (d->values_only || (r.status == IPOFACTS_RATIO_MISSING_INPUT && missing_text(d)))
        return;
    ipf_buf b;
    ipf_buf_init(&b);
    ipf_buf_printf(&b, "%s + %s - %s / (1 + %s)", in_text(d, fyi, x, sizeof x), in_text(d, ytd, y, sizeof y), y,
                   in_text(d, g, z, sizeof z));
    result_text(&b, &d->ratio);
    set_arith(d, ipf_buf_take(&b));
}

static void do_first_day_return(ipofacts_derived *d)
{
    const ipofacts_period *p = d->period;
    ipofacts_ratio r;
    long open = input_fact(d, "opening_price", p, "opening_price", NULL, NULL);
    long offer =
        input_fact(d, "offer_price", p, "offer_price", NULL, find_near(d->cache, d->company, p, "offer_price"));
    ipofacts_ratio_first_day_return(&r, in_value(d, open), in_value(d, offer));
    set_formula(d, "opening_price / offer_price - 1");
    conclude(d, &r, "%s / %s - 1", open, offer, -1);
}

static long input_market_cap(ipofacts_derived *d, const ipofacts_ratio_options *o)
{
    return input_fact(d, "market_cap", d->period, "market_capitalization", NULL, o->fact);
}

static void do_implied_shares(ipofacts_derived *d, const ipofacts_ratio_options *o)
{
    ipofacts_ratio r;
    long cap = input_market_cap(d, o);
    long price = input_fact(d, "price", d->period, "opening_price", NULL, NULL);
    ipofacts_ratio_implied_shares(&r, in_value(d, cap), in_value(d, price));
    set_formula(d, "market_capitalization / opening_price");
    conclude(d, &r, "%s / %s", cap, price, -1);
}

static const char *target_currency(const ipofacts_derived *d, const ipofacts_ratio_options *o)
{
    if (o->currency != NULL)
        return o->currency;
    const char *c = ipofacts_company_currency(d->company);
    return c != NULL ? c : "USD";
}

static void do_market_cap(ipofacts_derived *d, const ipofacts_ratio_options *o)
{
    ipofacts_ratio r;
    const char *to = target_currency(d, o);
    long cap = input_market_cap(d, o);
    ipf_buf b;
    ipf_buf_init(&b);
    set_formula(d, "market_capitalization converted to %s at an exchange rate", to);
    const ipofacts_ratio *cv = in_value(d, cap);
    if (cv == NULL || cv->status != IPOFACTS_RATIO_OK) {
        memset(&r, 0, sizeof r);
        r.status = cv != NULL ? cv->status : IPOFACTS_RATIO_MISSING_INPUT;
        d->ratio = r;
        missing_text(d);
        ipf_buf_free(&b);
        return;
    }
    ipofacts_ratio amount = *cv;
    convert_amount(d, &amount, to, o->rate, &r, &b, 0);
    d->ratio = r;
    if (r.status == IPOFACTS_RATIO_OK && !(r.flags & IPOFACTS_RATIO_FLAG_CONVERTED))
        d->ratio.flags = (r.flags & ~IPOFACTS_RATIO_FLAG_REPORTED) | IPOFACTS_RATIO_FLAG_DERIVED;
    if (d->values_only) {
        ipf_buf_free(&b);
        return;
    }
    if (r.status == IPOFACTS_RATIO_CURRENCY_MISMATCH) {
        ipf_buf_free(&b);
        set_arith(d, dformat(d, "no exchange rate between %.3s and %s", cv->unit, to));
        return;
    }
    result_text(&b, &d->ratio);
    set_arith(d, ipf_buf_take(&b));
}

/* Twelve months of revenue ending on or before `date`: the TTM of the
 * latest year to date, else the latest twelve-month period. */
static long ttm_revenue(ipofacts_derived *d, const ipofacts_ratio_options *o, const ipofacts_date *date)
{
    const ipofacts_period *latest = latest_duration(d->cache, d->company, date, "revenue", NULL, 0);
    if (latest != NULL) {
        ipofacts_ratio_options to = IPOFACTS_RATIO_OPTIONS_INIT;
        to.flags = o->flags & IPF_RATIO_NO_IMPLIED;
        ipofacts_derived *child = NULL;
        ipofacts_ratio v;
        if (!nested(d, IPOFACTS_RATIO_KIND_TTM, latest, &to, &child, &v)) {
            d->nomem = 1;
            return -1;
        }
        if (v.status == IPOFACTS_RATIO_OK) {
            v.basis = ipofacts_period_months(latest) == 12 ? IPOFACTS_BASIS_FISCAL_YEAR : IPOFACTS_BASIS_TTM;
            return add_input(d, "revenue", child != NULL ? child->label : NULL, &v, NULL, child);
        }
        ipofacts_derived_free(child);
    }
    const ipofacts_period *fy = latest_duration(d->cache, d->company, date, "revenue", NULL, 12);
    if (fy == NULL)
        return add_input(d, "revenue", "revenue of twelve months", NULL, NULL, NULL);
    long i = input_fact(d, "revenue", fy, "revenue", NULL, NULL);
    if (i >= 0)
        d->inputs[i].value.basis = IPOFACTS_BASIS_FISCAL_YEAR;
    return i;
}

static void do_price_to_sales(ipofacts_derived *d, const ipofacts_ratio_options *o)
{
    ipofacts_ratio r, cap_c, rev_c;
    memset(&cap_c, 0, sizeof cap_c);
    memset(&rev_c, 0, sizeof rev_c);
    long cap = input_market_cap(d, o);
    long rev = ttm_revenue(d, o, &d->end);
    if (d->nomem)
        return;
    set_formula(d, "market_capitalization / twelve months of revenue (in one currency)");
    const ipofacts_ratio *cv = in_value(d, cap), *rv = in_value(d, rev);
    ipf_buf b;
    ipf_buf_init(&b);
    char cc[4], rc[4];
    if (cv != NULL && rv != NULL && cv->status == IPOFACTS_RATIO_OK && rv->status == IPOFACTS_RATIO_OK &&
        currency_of(cv, cc) && currency_of(rv, rc) && strcmp(cc, rc) != 0) {
        ipofacts_ratio c0 = *cv, r0 = *rv;
        const ipofacts_fact *direct = find_rate(d->cache, d->company, cc, rc, &d->end, o->rate);
        if (direct != NULL || o->rate != NULL) {
            convert_amount(d, &c0, rc, o->rate, &cap_c, &b, 1);
            rev_c = r0;
        } else {
            /* Both into US dollars. */
            convert_amount(d, &c0, "USD", NULL, &cap_c, &b, 1);
            convert_amount(d, &r0, "USD", NULL, &rev_c, &b, 1);
        }
        ipofacts_ratio_price_to_sales(&r, &cap_c, &rev_c, NULL);
        r.basis = r0.basis;
    } else {
        ipofacts_ratio_price_to_sales(&r, cv, rv, NULL);
        if (rv != NULL)
            r.basis = rv->basis;
        if (cv != NULL)
            cap_c = *cv;
        if (rv != NULL)
            rev_c = *rv;
    }
    d->ratio = r;
    if (d->values_only || (r.status == IPOFACTS_RATIO_MISSING_INPUT && missing_text(d))) {
        ipf_buf_free(&b);
        return;
    }
    if (r.status == IPOFACTS_RATIO_CURRENCY_MISMATCH) {
        ipf_buf_free(&b);
        set_arith(d, dformat(d, "no exchange rate between %.3s and %.3s", cv->unit, rv->unit));
        return;
    }
    char x[TEXT_SIZE], y[TEXT_SIZE];
    if (r.status == IPOFACTS_RATIO_OK || cap_c.status == IPOFACTS_RATIO_OK)
        ipf_buf_printf(&b, "%s / %s", ipf_num(x, sizeof x, cap_c.value, 10), ipf_num(y, sizeof y, rev_c.value, 10));
    result_text(&b, &d->ratio);
    set_arith(d, ipf_buf_take(&b));
}

static void do_holding_value(ipofacts_derived *d, const ipofacts_ratio_options *o)
{
    ipofacts_ratio r;
    long stake = input_fact(d, "stake", d->period, "ownership_stake", o->segment, NULL);
    long cap = input_market_cap(d, o);
    ipofacts_ratio_holding_value(&r, in_value(d, stake), in_value(d, cap));
    set_formula(d, "ownership_stake[%s] x market_capitalization", o->segment);
    conclude(d, &r, "%s x %s", stake, cap, -1);
}

static void do_implied_rate(ipofacts_derived *d, const ipofacts_ratio_options *o)
{
    ipofacts_ratio r;
    const ipofacts_period *p = d->period;
    const char *concept = o->concept_id;
    const char *seg = o->segment;
    const ipofacts_fact *qf = o->fact;
    const char *base_ccy = o->currency != NULL ? o->currency : ipofacts_company_currency(d->company);
    if (qf != NULL) {
        concept = ipofacts_fact_concept_id(qf);
        seg = ipofacts_fact_segment(qf);
        p = ipofacts_fact_period(qf);
    } else if (concept != NULL && base_ccy != NULL) {
        /* The preferred fact of the concept in a currency other than the base. */
        size_t n = ipofacts_period_fact_count(p);
        for (size_t i = 0; i < n && qf == NULL; i++) {
            const ipofacts_fact *f = ipofacts_period_fact_at(p, i);
            char c[4], b[4];
            const char *fs = ipofacts_fact_segment(f);
            if (strcmp(ipofacts_fact_concept_id(f), concept) == 0 &&
                ((fs == NULL && seg == NULL) || (fs != NULL && seg != NULL && strcmp(fs, seg) == 0)) &&
                ipf_unit_parse(ipofacts_fact_unit(f), c, b) == IPF_UNIT_AMOUNT && strcmp(c, base_ccy) != 0)
                qf = f;
        }
    }
    if (!d->values_only) {
        free(d->concept_id);
        d->concept_id = xstrdup(concept);
        if (concept != NULL && d->concept_id == NULL)
            d->nomem = 1;
        if (seg != NULL && d->segment == NULL && (d->segment = xstrdup(seg)) == NULL)
            d->nomem = 1;
    }
    long q = input_fact(d, "converted", p, concept != NULL ? concept : "amount", seg, qf);
    /* The amount converted: in the base currency, preferring one cited by
     * the same source as the converted figure. */
    const ipofacts_fact *bf = NULL;
    if (qf != NULL && concept != NULL && base_ccy != NULL) {
        size_t n = ipofacts_period_fact_count(p);
        int best_shared = -1;
        for (size_t i = 0; i < n; i++) {
            const ipofacts_fact *f = ipofacts_period_fact_at(p, i);
            const char *fs = ipofacts_fact_segment(f);
            if (f == qf || strcmp(ipofacts_fact_concept_id(f), concept) != 0 ||
                strcmp(ipofacts_fact_unit(f), base_ccy) != 0 ||
                !((fs == NULL && seg == NULL) || (fs != NULL && seg != NULL && strcmp(fs, seg) == 0)))
                continue;
            int shared = 0;
            for (size_t a = 0; a < ipofacts_fact_source_count(f) && !shared; a++)
                for (size_t b = 0; b < ipofacts_fact_source_count(qf) && !shared; b++)
                    shared = ipofacts_fact_source(f, a) == ipofacts_fact_source(qf, b);
            const ipofacts_fact *pref = find(d, p, concept, seg);
            int score = shared * 2 + (f == pref);
            if (score > best_shared) {
                best_shared = score;
                bf = f;
            }
        }
    }
    long b = input_fact(d, "amount", p, concept != NULL ? concept : "amount", seg, bf);
    ipofacts_ratio_implied_rate(&r, in_value(d, q), in_value(d, b));
    set_formula(d, "converted amount / the amount it converts");
    conclude(d, &r, "%s / %s", q, b, -1);
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */
/* ------------------------------------------------------------------ */

static void compute(ipofacts_derived *d, ipofacts_ratio_kind kind, const ipofacts_ratio_options *po);

ipofacts_status ipf_company_ratio(ipofacts_derived **out, const ipofacts_company *company, ipofacts_ratio_kind kind,
                                  const ipofacts_period *period, const ipofacts_ratio_options *options)
{
    ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
    if (options != NULL)
        o = *options;
    ipofacts_derived *d = ipf_derived_new(kind, company, period);
    if (d == NULL)
        return IPOFACTS_E_NOMEM;
    if (o.segment != NULL && (d->segment = xstrdup(o.segment)) == NULL)
        d->nomem = 1;
    if ((kind == IPOFACTS_RATIO_KIND_GROWTH || kind == IPOFACTS_RATIO_KIND_CAGR || kind == IPOFACTS_RATIO_KIND_TTM) &&
        (d->concept_id = xstrdup(opt_concept(&o))) == NULL)
        d->nomem = 1;
    compute(d, kind, &o);
    if (d->formula == NULL)
        d->nomem = 1;
    if (d->arithmetic == NULL)
        set_arith(d, dformat(d, "%s", ipofacts_ratio_status_name(d->ratio.status)));
    if (d->nomem) {
        ipofacts_derived_free(d);
        return IPOFACTS_E_NOMEM;
    }
    *out = d;
    return IPOFACTS_OK;
}

ipofacts_status ipf_company_ratio_value(ipf_ratio_outcome *out, const ipofacts_company *company,
                                        ipofacts_ratio_kind kind, const ipofacts_period *period,
                                        const ipofacts_ratio_options *options, ipf_ratio_cache *cache)
{
    ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
    if (options != NULL)
        o = *options;
    ipf_input stack[IPF_STACK_INPUTS];
    ipofacts_derived d;
    memset(&d, 0, sizeof d);
    d.kind = kind;
    d.company = company;
    d.period = period;
    d.start = ipofacts_period_start(period);
    d.end = ipofacts_period_end(period);
    d.ratio.status = IPOFACTS_RATIO_MISSING_INPUT;
    d.ratio.flags = IPOFACTS_RATIO_FLAG_DERIVED;
    d.values_only = 1;
    d.stack_inputs = stack;
    d.inputs = stack;
    d.cap = IPF_STACK_INPUTS;
    d.cache = cache;
    compute(&d, kind, &o);
    out->ratio = d.ratio;
    out->end = d.end;
    out->first_end = d.end;
    out->first_reported = d.ninputs > 0 && d.inputs[0].fact != NULL;
    for (size_t k = 0; kind == IPOFACTS_RATIO_KIND_CAGR && k < d.ninputs; k++)
        if (strcmp(d.inputs[k].role, "first") == 0 && d.inputs[k].fact != NULL)
            out->first_end = ipofacts_period_end(ipofacts_fact_period(d.inputs[k].fact));
    if (d.inputs != stack)
        free(d.inputs);
    return d.nomem ? IPOFACTS_E_NOMEM : IPOFACTS_OK;
}

/* Computes a ratio into d by the rules of its kind. */
static void compute(ipofacts_derived *d, ipofacts_ratio_kind kind, const ipofacts_ratio_options *po)
{
    ipofacts_ratio_options o = *po;
    switch (kind) {
    case IPOFACTS_RATIO_KIND_GROWTH: do_growth(d, &o); break;
    case IPOFACTS_RATIO_KIND_CAGR: do_cagr(d, &o); break;
    case IPOFACTS_RATIO_KIND_GROSS_MARGIN: do_gross_margin(d, &o); break;
    case IPOFACTS_RATIO_KIND_NET_MARGIN: do_per_revenue(d, &o, "net_income", ipofacts_ratio_net_margin); break;
    case IPOFACTS_RATIO_KIND_ADJUSTED_NET_MARGIN:
        do_per_revenue(d, &o, "adjusted_net_income", ipofacts_ratio_adjusted_net_margin);
        break;
    case IPOFACTS_RATIO_KIND_RD_INTENSITY: do_per_revenue(d, &o, "rd_expense", ipofacts_ratio_rd_intensity); break;
    case IPOFACTS_RATIO_KIND_SEGMENT_SHARE: do_segment_share(d, &o); break;
    case IPOFACTS_RATIO_KIND_TOP1_CUSTOMER_SHARE: do_concentration(d, 1); break;
    case IPOFACTS_RATIO_KIND_TOP5_CUSTOMER_SHARE: do_concentration(d, 5); break;
    case IPOFACTS_RATIO_KIND_MONTHLY_BURN: do_burn(d, &o); break;
    case IPOFACTS_RATIO_KIND_RUNWAY: do_runway(d, &o); break;
    case IPOFACTS_RATIO_KIND_TTM: do_ttm(d, &o); break;
    case IPOFACTS_RATIO_KIND_FIRST_DAY_RETURN: do_first_day_return(d); break;
    case IPOFACTS_RATIO_KIND_IMPLIED_SHARES: do_implied_shares(d, &o); break;
    case IPOFACTS_RATIO_KIND_MARKET_CAP: do_market_cap(d, &o); break;
    case IPOFACTS_RATIO_KIND_PRICE_TO_SALES: do_price_to_sales(d, &o); break;
    case IPOFACTS_RATIO_KIND_HOLDING_VALUE: do_holding_value(d, &o); break;
    case IPOFACTS_RATIO_KIND_IMPLIED_RATE: do_implied_rate(d, &o); break;
    case IPOFACTS_RATIO_KIND_GROSS_PROFIT: do_gross_profit(d, &o); break;
    default: break;
    }
    d->ratio.flags |= IPOFACTS_RATIO_FLAG_DERIVED;
    d->ratio.flags &= ~IPOFACTS_RATIO_FLAG_REPORTED;
}

IPOFACTS_API ipofacts_status ipofacts_ratio_options_init(ipofacts_ratio_options *options, uint32_t version)
{
    if (options == NULL || version != IPOFACTS_RATIO_OPTIONS_VERSION)
        return IPOFACTS_E_INVALID;
    ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
    *options = o;
    return IPOFACTS_OK;
}

/* The argument checks of ipofacts_company_ratio() and
 * ipofacts_company_ratio_value(); *o receives the options to use. */
static ipofacts_status check_arguments(ipofacts_ratio_options *o, const ipofacts_company *company,
                                       ipofacts_ratio_kind kind, const ipofacts_period *period,
                                       const ipofacts_ratio_options *options)
{
    if (company == NULL || period == NULL || ipofacts_period_company(period) != company)
        return IPOFACTS_E_INVALID;
    if ((unsigned)kind == 0 || (unsigned)kind >= IPOFACTS_RATIO_KIND_COUNT)
        return IPOFACTS_E_INVALID;
    if (options != NULL) {
        if (options->version != IPOFACTS_RATIO_OPTIONS_VERSION)
            return IPOFACTS_E_INVALID;
        if (options->base_period != NULL && ipofacts_period_company(options->base_period) != company)
            return IPOFACTS_E_INVALID;
    }
    if ((kind == IPOFACTS_RATIO_KIND_SEGMENT_SHARE || kind == IPOFACTS_RATIO_KIND_HOLDING_VALUE) &&
        (options == NULL || options->segment == NULL))
        return IPOFACTS_E_INVALID;
    ipofacts_ratio_options init = IPOFACTS_RATIO_OPTIONS_INIT;
    *o = options != NULL ? *options : init;
    o->flags &= IPOFACTS_RATIO_ANNUALISE; /* internal flags are not the caller's */
    return IPOFACTS_OK;
}

IPOFACTS_API ipofacts_status ipofacts_company_ratio(ipofacts_derived **out, const ipofacts_company *company,
                                                    ipofacts_ratio_kind kind, const ipofacts_period *period,
                                                    const ipofacts_ratio_options *options)
{
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    *out = NULL;
    ipofacts_ratio_options o;
    ipofacts_status st = check_arguments(&o, company, kind, period, options);
    if (st != IPOFACTS_OK)
        return st;
    return ipf_company_ratio(out, company, kind, period, &o);
}

IPOFACTS_API ipofacts_status ipofacts_company_ratio_value(ipofacts_ratio *out, const ipofacts_company *company,
                                                          ipofacts_ratio_kind kind, const ipofacts_period *period,
                                                          const ipofacts_ratio_options *options)
{
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    memset(out, 0, sizeof *out);
    ipofacts_ratio_options o;
    ipofacts_status st = check_arguments(&o, company, kind, period, options);
    if (st != IPOFACTS_OK)
        return st;
    ipf_ratio_outcome oc;
    st = ipf_company_ratio_value(&oc, company, kind, period, &o, NULL);
    if (st == IPOFACTS_OK)
        *out = oc.ratio;
    return st;
}

/* ------------------------------------------------------------------ */
/* Accessors                                                           */
/* ------------------------------------------------------------------ */

IPOFACTS_API const ipofacts_ratio *ipofacts_derived_ratio(const ipofacts_derived *d)
{
    return d != NULL ? &d->ratio : NULL;
}

IPOFACTS_API ipofacts_ratio_kind ipofacts_derived_kind(const ipofacts_derived *d)
{
    return d != NULL ? d->kind : (ipofacts_ratio_kind)0;
}

IPOFACTS_API const ipofacts_company *ipofacts_derived_company(const ipofacts_derived *d)
{
    return d != NULL ? d->company : NULL;
}

IPOFACTS_API const ipofacts_period *ipofacts_derived_period(const ipofacts_derived *d)
{
    return d != NULL ? d->period : NULL;
}

IPOFACTS_API ipofacts_date ipofacts_derived_start(const ipofacts_derived *d)
{
    ipofacts_date none;
    memset(&none, 0, sizeof none);
    return d != NULL ? d->start : none;
}

IPOFACTS_API ipofacts_date ipofacts_derived_end(const ipofacts_derived *d)
{
    ipofacts_date none;
    memset(&none, 0, sizeof none);
    return d != NULL ? d->end : none;
}

IPOFACTS_API const char *ipofacts_derived_label(const ipofacts_derived *d)
{
    return d != NULL ? d->label : NULL;
}

IPOFACTS_API const char *ipofacts_derived_concept_id(const ipofacts_derived *d)
{
    return d != NULL ? d->concept_id : NULL;
}

IPOFACTS_API const char *ipofacts_derived_segment(const ipofacts_derived *d)
{
    return d != NULL ? d->segment : NULL;
}

IPOFACTS_API const char *ipofacts_derived_formula(const ipofacts_derived *d)
{
    return d != NULL ? d->formula : NULL;
}

IPOFACTS_API const char *ipofacts_derived_arithmetic(const ipofacts_derived *d)
{
    return d != NULL ? d->arithmetic : NULL;
}

IPOFACTS_API size_t ipofacts_derived_input_count(const ipofacts_derived *d)
{
    return d != NULL ? d->ninputs : 0;
}

IPOFACTS_API const char *ipofacts_derived_input_role(const ipofacts_derived *d, size_t index)
{
    return d != NULL && index < d->ninputs ? d->inputs[index].role : NULL;
}

IPOFACTS_API const ipofacts_ratio *ipofacts_derived_input_value(const ipofacts_derived *d, size_t index)
{
    return d != NULL && index < d->ninputs ? &d->inputs[index].value : NULL;
}

IPOFACTS_API const ipofacts_fact *ipofacts_derived_input_fact(const ipofacts_derived *d, size_t index)
{
    return d != NULL && index < d->ninputs ? d->inputs[index].fact : NULL;
}

IPOFACTS_API const ipofacts_derived *ipofacts_derived_input_derived(const ipofacts_derived *d, size_t index)
{
    return d != NULL && index < d->ninputs ? d->inputs[index].child : NULL;
}

const char *ipf_derived_input_what(const ipofacts_derived *d, size_t index)
{
    return d != NULL && index < d->ninputs ? d->inputs[index].what : NULL;
}

/* ------------------------------------------------------------------ */
/* Explanations                                                        */
/* ------------------------------------------------------------------ */

static void indent(ipf_buf *b, int depth)
{
    for (int i = 0; i < depth; i++)
        ipf_buf_add(b, "    ");
}

void ipf_ratio_text(ipf_buf *b, const ipofacts_ratio *r)
{
    char v[48], lo[48], hi[48];
    if (r->status != IPOFACTS_RATIO_OK) {
        ipf_buf_printf(b, "not computed (%s)", ipofacts_ratio_status_name(r->status));
        return;
    }
    ipf_num(v, sizeof v, r->value, 6);
    if (r->interval.flags & IPOFACTS_INTERVAL_NO_LO)
        snprintf(lo, sizeof lo, "-inf");
    else
        ipf_num_dir(lo, sizeof lo, r->interval.lo, 6, -1);
    if (r->interval.flags & IPOFACTS_INTERVAL_NO_HI)
        snprintf(hi, sizeof hi, "+inf");
    else
        ipf_num_dir(hi, sizeof hi, r->interval.hi, 6, 1);
    ipf_buf_printf(b, "%s %s in [%s, %s]", v, r->unit, lo, hi);
}

void ipf_fact_text(ipf_buf *b, const ipofacts_fact *f)
{
    char v[IPOFACTS_DECIMAL_STRING_SIZE], u[IPOFACTS_DECIMAL_STRING_SIZE];
    ipofacts_decimal d = ipofacts_fact_value(f), up;
    if (ipofacts_decimal_format(&d, v, sizeof v) != IPOFACTS_OK)
        snprintf(v, sizeof v, "?");
    int32_t dec = ipofacts_fact_decimals(f);
    ipofacts_qualifier q = ipofacts_fact_qualifier(f);
    const char *seg = ipofacts_fact_segment(f);
    ipf_buf_printf(b, "%s%s%s%s %s", ipofacts_fact_concept_id(f), seg != NULL ? "[" : "", seg != NULL ? seg : "",
                   seg != NULL ? "]" : "", ipofacts_period_label(ipofacts_fact_period(f)));
    if (q == IPOFACTS_QUALIFIER_RANGE && ipofacts_fact_upper(&up, f) == IPOFACTS_OK &&
        ipofacts_decimal_format(&up, u, sizeof u) == IPOFACTS_OK)
        ipf_buf_printf(b, " = %s..%s %s", v, u, ipofacts_fact_unit(f));
    else
        ipf_buf_printf(b, " = %s %s", v, ipofacts_fact_unit(f));
    if (dec == IPOFACTS_DECIMALS_INF)
        ipf_buf_printf(b, " (decimals INF, %s)", ipofacts_qualifier_name(q));
    else
        ipf_buf_printf(b, " (decimals %d, %s)", (int)dec, ipofacts_qualifier_name(q));
}

void ipf_fact_sources_text(ipf_buf *b, const ipofacts_fact *f)
{
    size_t n = ipofacts_fact_source_count(f);
    for (size_t i = 0; i < n; i++) {
        const ipofacts_source *s = ipofacts_fact_source(f, i);
        const char *q = ipofacts_fact_quote(f, i);
        ipf_buf_printf(b, "%s%s", i ? "; " : "", s != NULL ? ipofacts_source_id(s) : "?");
        if (q != NULL)
            ipf_buf_printf(b, " \"%s\"", q);
    }
}

static void explain(ipf_buf *b, const ipofacts_derived *d, int depth)
{
    const char *name = ipofacts_ratio_kind_name(d->kind);
    indent(b, depth);
    ipf_buf_printf(b, "%s", name != NULL ? name : "ratio");
    if (d->concept_id != NULL)
        ipf_buf_printf(b, " of %s", d->concept_id);
    if (d->segment != NULL)
        ipf_buf_printf(b, " [%s]", d->segment);
    ipf_buf_printf(b, ", %s: ", d->label);
    ipf_ratio_text(b, &d->ratio);
    ipf_buf_printf(b, " (derived, not reported; basis %s", ipofacts_ratio_basis_name(d->ratio.basis));
    if (d->ratio.flags & IPOFACTS_RATIO_FLAG_PROXY)
        ipf_buf_add(b, "; a proxy");
    if (d->ratio.flags & IPOFACTS_RATIO_FLAG_IMPLIED)
        ipf_buf_add(b, "; uses an implied input");
    if (d->ratio.flags & IPOFACTS_RATIO_FLAG_CONVERTED)
        ipf_buf_add(b, "; converted at an exchange rate");
    if (d->ratio.flags & IPOFACTS_RATIO_FLAG_ANNUALISED)
        ipf_buf_add(b, "; annualised");
    ipf_buf_add(b, ")\n");
    indent(b, depth);
    ipf_buf_printf(b, "  formula: %s\n", d->formula != NULL ? d->formula : "");
    indent(b, depth);
    ipf_buf_printf(b, "  arithmetic: %s\n", d->arithmetic != NULL ? d->arithmetic : "");
    for (size_t i = 0; i < d->ninputs; i++) {
        const ipf_input *in = &d->inputs[i];
        indent(b, depth);
        ipf_buf_printf(b, "  input %s: ", in->role);
        if (in->fact != NULL) {
            ipf_fact_text(b, in->fact);
            ipf_buf_add(b, ", reported; ");
            ipf_ratio_text(b, &in->value);
            ipf_buf_add(b, "\n");
            indent(b, depth);
            ipf_buf_add(b, "    sources: ");
            ipf_fact_sources_text(b, in->fact);
            ipf_buf_add(b, "\n");
        } else if (in->child != NULL) {
            ipf_buf_add(b, "derived:\n");
            explain(b, in->child, depth + 1);
        } else if (in->value.status == IPOFACTS_RATIO_MISSING_INPUT) {
            ipf_buf_printf(b, "%s: not reported\n", in->what != NULL ? in->what : "");
        } else {
            ipf_buf_printf(b, "%s: ", in->what != NULL ? in->what : "");
            ipf_ratio_text(b, &in->value);
            ipf_buf_add(b, " (derived)\n");
        }
    }
}

IPOFACTS_API ipofacts_status ipofacts_derived_explain(char **out, const ipofacts_derived *d)
{
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    *out = NULL;
    if (d == NULL)
        return IPOFACTS_E_INVALID;
    ipf_buf b;
    ipf_buf_init(&b);
    explain(&b, d, 0);
    *out = ipf_buf_take(&b);
    return *out != NULL ? IPOFACTS_OK : IPOFACTS_E_NOMEM;
}
