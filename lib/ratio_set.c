/*
 * Every ratio of a company or a dataset: each kind for each period (and
 * each basis, cash concept, segment, holder, market capitalisation) where
 * inputs are reported. Ratios whose inputs are missing are left out; those
 * refused for another reason are kept with their status.
 *
 * One enumeration serves both forms: derivations (ipofacts_dataset_ratios(),
 * an ipofacts_ratio_set) and values only (ipofacts_dataset_ratio_table(),
 * an ipofacts_ratio_table of rows), so that both list the same ratios in
 * the same order with the same results. Each candidate is first computed
 * values only; a derivation, with its text, is made only for those kept.
 */
#include <stdlib.h>
#include <string.h>

#include "ratio_company.h"

struct ipofacts_ratio_set {
    ipofacts_derived **items;
    size_t count;
    size_t cap;
};

struct ipofacts_ratio_table {
    ipofacts_ratio_row *rows;
    size_t count;
    size_t cap;
};

/* Where the enumeration puts what it keeps (a set of derivations or a table
 * of rows), the cache of look-ups its candidates share, and the kinds asked
 * for. */
typedef struct sink {
    ipofacts_ratio_set *set;
    ipofacts_ratio_table *table;
    ipf_ratio_cache *cache;
    unsigned char want[IPOFACTS_RATIO_KIND_COUNT];
} sink;

/* A computed candidate: its values, enough to decide whether to keep it. */
typedef struct computed {
    ipf_ratio_outcome outcome;
} computed;

static int set_push(ipofacts_ratio_set *s, ipofacts_derived *d)
{
    if (s->count == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 32;
        ipofacts_derived **p = realloc(s->items, cap * sizeof *p);
        if (p == NULL)
            return 0;
        s->items = p;
        s->cap = cap;
    }
    s->items[s->count++] = d;
    return 1;
}

static int table_push(ipofacts_ratio_table *t, const ipofacts_company *c, ipofacts_ratio_kind kind,
                      const ipofacts_period *p, const ipofacts_ratio_options *o, const ipofacts_ratio *r)
{
    if (t->count == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        ipofacts_ratio_row *rows = realloc(t->rows, cap * sizeof *rows);
        if (rows == NULL)
            return 0;
        t->rows = rows;
        t->cap = cap;
    }
    ipofacts_ratio_row *row = &t->rows[t->count++];
    memset(row, 0, sizeof *row);
    row->company = c;
    row->period = p;
    row->kind = kind;
    if (o != NULL) {
        row->basis = o->basis;
        row->concept_id = o->concept_id;
        row->cash_concept_id = o->cash_concept_id;
        row->segment = o->segment;
        row->fact = o->fact;
    }
    row->ratio = *r;
    return 1;
}

/* Computes one ratio's values into *out (the same rules as a derivation,
 * without its text: a candidate whose inputs are missing costs no more).
 * Returns 0 when memory ran out. */
static int compute(const sink *s, computed *out, const ipofacts_company *c, ipofacts_ratio_kind kind,
                   const ipofacts_period *p, const ipofacts_ratio_options *o)
{
    return ipf_company_ratio_value(&out->outcome, c, kind, p, o, s->cache) == IPOFACTS_OK;
}

/* Keeps a computed ratio: its row, or its derivation, made now. Returns 0
 * when memory ran out. */
static int keep(sink *s, const computed *x, const ipofacts_company *c, ipofacts_ratio_kind kind,
                const ipofacts_period *p, const ipofacts_ratio_options *o)
{
    if (s->set == NULL)
        return table_push(s->table, c, kind, p, o, &x->outcome.ratio);
    ipofacts_derived *d = NULL;
    if (ipf_company_ratio(&d, c, kind, p, o) != IPOFACTS_OK)
        return 0;
    if (!set_push(s->set, d)) {
        ipofacts_derived_free(d);
        return 0;
    }
    return 1;
}

/* Computes one candidate and keeps it unless an input is missing. Returns
 * 0 when memory ran out. */
static int candidate(sink *s, const ipofacts_company *c, ipofacts_ratio_kind kind, const ipofacts_period *p,
                     const ipofacts_ratio_options *o)
{
    computed x;
    if (!compute(s, &x, c, kind, p, o))
        return 0;
    /* A runway whose cash is reported is kept on every basis, so that a
     * missing cash-flow basis shows as missing next to the proxies. */
    int keep_missing = kind == IPOFACTS_RATIO_KIND_RUNWAY && x.outcome.first_reported;
    if (x.outcome.ratio.status == IPOFACTS_RATIO_MISSING_INPUT && !keep_missing)
        return 1;
    return keep(s, &x, c, kind, p, o);
}

static int has(const sink *s, const ipofacts_period *p, const char *concept_id, const char *segment)
{
    return ipf_cache_find(s->cache, p, concept_id, segment) != NULL;
}

/* Segments (members of kind segment or region) with revenue in p. */
static int segment_candidates(sink *s, const ipofacts_company *c, ipofacts_ratio_kind kind,
                              const ipofacts_period *p, const char *concept_id)
{
    size_t n = ipofacts_company_member_count(c);
    for (size_t i = 0; i < n; i++) {
        const ipofacts_member *m = ipofacts_company_member(c, i);
        ipofacts_member_kind k = ipofacts_member_kind_of(m);
        const char *id = ipofacts_member_id(m);
        if (k != IPOFACTS_MEMBER_SEGMENT && k != IPOFACTS_MEMBER_REGION)
            continue;
        if (ipf_cache_find_segment_revenue(s->cache, p, id) == NULL)
            continue;
        ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
        o.segment = id;
        if (concept_id != NULL)
            o.concept_id = concept_id;
        if (!candidate(s, c, kind, p, &o))
            return 0;
    }
    return 1;
}

/* Kinds that start from a market capitalisation: one candidate for each
 * reported market capitalisation of the period (a day may have several). */
static int market_candidates(sink *s, const ipofacts_company *c, ipofacts_ratio_kind kind,
                             const ipofacts_period *p)
{
    size_t n = ipofacts_period_fact_count(p);
    for (size_t i = 0; i < n; i++) {
        const ipofacts_fact *f = ipofacts_period_fact_at(p, i);
        if (ipofacts_fact_segment(f) != NULL || strcmp(ipofacts_fact_concept_id(f), "market_capitalization") != 0)
            continue;
        ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
        o.fact = f;
        if (kind == IPOFACTS_RATIO_KIND_MARKET_CAP) {
            const char *cur = ipofacts_company_currency(c);
            if (cur == NULL)
                cur = "USD";
            if (strcmp(ipofacts_fact_unit(f), cur) == 0)
                continue;
        }
        if (!candidate(s, c, kind, p, &o))
            return 0;
    }
    return 1;
}

/* One implied rate for each amount that converts another amount of the
 * same concept, period and segment into a currency other than the
 * reporting currency. */
static int rate_candidates(sink *s, const ipofacts_company *c, const ipofacts_period *p)
{
    const char *cur = ipofacts_company_currency(c);
    size_t n = ipofacts_period_fact_count(p);
    if (cur == NULL)
        return 1;
    for (size_t i = 0; i < n; i++) {
        const ipofacts_fact *f = ipofacts_period_fact_at(p, i);
        char q[4], b[4];
        if (ipf_unit_parse(ipofacts_fact_unit(f), q, b) != IPF_UNIT_AMOUNT || strcmp(q, cur) == 0)
            continue;
        const char *concept = ipofacts_fact_concept_id(f);
        const char *seg = ipofacts_fact_segment(f);
        int found = 0;
        for (size_t j = 0; j < n && !found; j++) {
            const ipofacts_fact *g = ipofacts_period_fact_at(p, j);
            const char *gs = ipofacts_fact_segment(g);
            found = strcmp(ipofacts_fact_concept_id(g), concept) == 0 && strcmp(ipofacts_fact_unit(g), cur) == 0 &&
                    ((gs == NULL && seg == NULL) || (gs != NULL && seg != NULL && strcmp(gs, seg) == 0));
        }
        if (!found)
            continue;
        ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
        o.fact = f;
        if (!candidate(s, c, IPOFACTS_RATIO_KIND_IMPLIED_RATE, p, &o))
            return 0;
    }
    return 1;
}

static const char *const growth_concepts[] = {"revenue", "cost_of_sales", "gross_profit", "rd_expense",
                                              "net_income", "adjusted_net_income", "operating_cash_flow"};

static int kind_candidates(sink *s, const ipofacts_company *c, ipofacts_ratio_kind kind,
                           const ipofacts_period *p)
{
    ipofacts_ratio_options o = IPOFACTS_RATIO_OPTIONS_INIT;
    int instant = ipofacts_period_is_instant(p);
    switch (kind) {
    case IPOFACTS_RATIO_KIND_GROWTH:
    case IPOFACTS_RATIO_KIND_CAGR:
        if (instant)
            return 1;
        for (size_t i = 0; i < sizeof growth_concepts / sizeof growth_concepts[0]; i++) {
            if (!has(s, p, growth_concepts[i], NULL))
                continue;
            if (kind == IPOFACTS_RATIO_KIND_CAGR) {
                /* Only over two years or more: over one year it is the growth. */
                computed x;
                o.concept_id = growth_concepts[i];
                if (!compute(s, &x, c, kind, p, &o))
                    return 0;
                ipofacts_date a = x.outcome.end, b = x.outcome.first_end;
                /* By days, not calendar years: a 52/53-week year may end on
                 * 2026-01-03 one fiscal year after 2024-12-28. */
                if (x.outcome.ratio.status != IPOFACTS_RATIO_MISSING_INPUT &&
                    (double)(ipf_date_days(&a) - ipf_date_days(&b)) / 365.2425 >= 1.5 &&
                    !keep(s, &x, c, kind, p, &o))
                    return 0;
                continue;
            }
            o.concept_id = growth_concepts[i];
            if (!candidate(s, c, kind, p, &o))
                return 0;
        }
        if (kind == IPOFACTS_RATIO_KIND_GROWTH)
            return segment_candidates(s, c, kind, p, "segment_revenue");
        return 1;
    case IPOFACTS_RATIO_KIND_GROSS_MARGIN:
    case IPOFACTS_RATIO_KIND_GROSS_PROFIT:
        if (instant || !has(s, p, "revenue", NULL))
            return 1;
        return candidate(s, c, kind, p, NULL);
    case IPOFACTS_RATIO_KIND_NET_MARGIN:
    case IPOFACTS_RATIO_KIND_ADJUSTED_NET_MARGIN:
    case IPOFACTS_RATIO_KIND_RD_INTENSITY:
    case IPOFACTS_RATIO_KIND_FIRST_DAY_RETURN: {
        /* The first operand of these is the period's own figure: without
         * it the ratio is MISSING_INPUT whatever else is reported. */
        const char *first = kind == IPOFACTS_RATIO_KIND_NET_MARGIN            ? "net_income"
                             : kind == IPOFACTS_RATIO_KIND_ADJUSTED_NET_MARGIN ? "adjusted_net_income"
                             : kind == IPOFACTS_RATIO_KIND_RD_INTENSITY        ? "rd_expense"
                                                                               : "opening_price";
        if (!has(s, p, first, NULL))
            return 1;
        return candidate(s, c, kind, p, NULL);
    }
    case IPOFACTS_RATIO_KIND_TOP1_CUSTOMER_SHARE:
    case IPOFACTS_RATIO_KIND_TOP5_CUSTOMER_SHARE:
    case IPOFACTS_RATIO_KIND_IMPLIED_SHARES:
        if (kind == IPOFACTS_RATIO_KIND_IMPLIED_SHARES)
            return market_candidates(s, c, kind, p);
        return candidate(s, c, kind, p, NULL);
    case IPOFACTS_RATIO_KIND_SEGMENT_SHARE:
        if (instant)
            return 1;
        return segment_candidates(s, c, kind, p, NULL);
    case IPOFACTS_RATIO_KIND_MONTHLY_BURN:
        if (instant)
            return 1;
        for (int b = IPOFACTS_BASIS_OPERATING_CASH_FLOW; b <= IPOFACTS_BASIS_ADJUSTED_NET_INCOME; b++) {
            /* The flow is the burn's first operand: MISSING_INPUT without it. */
            if (!has(s, p, ipf_burn_concept((ipofacts_ratio_basis)b), NULL))
                continue;
            o.basis = (ipofacts_ratio_basis)b;
            if (!candidate(s, c, kind, p, &o))
                return 0;
        }
        return 1;
    case IPOFACTS_RATIO_KIND_RUNWAY: {
        static const char *const cash[] = {"cash", "cash_and_investments"};
        if (!instant)
            return 1;
        for (size_t k = 0; k < 2; k++) {
            if (!has(s, p, cash[k], NULL))
                continue;
            o.cash_concept_id = cash[k];
            for (int b = IPOFACTS_BASIS_OPERATING_CASH_FLOW; b <= IPOFACTS_BASIS_ADJUSTED_NET_INCOME; b++) {
                o.basis = (ipofacts_ratio_basis)b;
                if (!candidate(s, c, kind, p, &o))
                    return 0;
            }
        }
        return 1;
    }
    case IPOFACTS_RATIO_KIND_TTM:
        if (instant || ipofacts_period_months(p) >= 12 || !has(s, p, "revenue", NULL))
            return 1;
        return candidate(s, c, kind, p, NULL);
    case IPOFACTS_RATIO_KIND_MARKET_CAP:
    case IPOFACTS_RATIO_KIND_PRICE_TO_SALES:
        return market_candidates(s, c, kind, p);
    case IPOFACTS_RATIO_KIND_HOLDING_VALUE: {
        size_t n = ipofacts_company_member_count(c);
        for (size_t i = 0; i < n; i++) {
            const ipofacts_member *m = ipofacts_company_member(c, i);
            if (!has(s, p, "ownership_stake", ipofacts_member_id(m)))
                continue;
            o.segment = ipofacts_member_id(m);
            if (!candidate(s, c, kind, p, &o))
                return 0;
        }
        return 1;
    }
    case IPOFACTS_RATIO_KIND_IMPLIED_RATE:
        return rate_candidates(s, c, p);
    default:
        return 1;
    }
}

static int company_into(sink *s, const ipofacts_company *c)
{
    size_t np = ipofacts_company_period_count(c);
    ipf_cache_reset(s->cache);
    for (int k = 1; k < IPOFACTS_RATIO_KIND_COUNT; k++) {
        if (!s->want[k])
            continue;
        for (size_t i = 0; i < np; i++)
            if (!kind_candidates(s, c, (ipofacts_ratio_kind)k, ipofacts_company_period(c, i)))
                return 0;
    }
    return 1;
}

static void want_all(sink *s)
{
    memset(s->want, 1, sizeof s->want);
}

IPOFACTS_API void ipofacts_ratio_set_free(ipofacts_ratio_set *set)
{
    if (set == NULL)
        return;
    for (size_t i = 0; i < set->count; i++)
        ipofacts_derived_free(set->items[i]);
    free(set->items);
    free(set);
}

IPOFACTS_API ipofacts_status ipofacts_company_ratios(ipofacts_ratio_set **out, const ipofacts_company *company)
{
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    *out = NULL;
    if (company == NULL)
        return IPOFACTS_E_INVALID;
    ipofacts_ratio_set *s = calloc(1, sizeof *s);
    if (s == NULL)
        return IPOFACTS_E_NOMEM;
    sink k;
    memset(&k, 0, sizeof k);
    k.set = s;
    k.cache = ipf_cache_new(); /* NULL: the same answers, only slower */
    want_all(&k);
    int ok = company_into(&k, company);
    ipf_cache_free(k.cache);
    if (!ok) {
        ipofacts_ratio_set_free(s);
        return IPOFACTS_E_NOMEM;
    }
    *out = s;
    return IPOFACTS_OK;
}

IPOFACTS_API ipofacts_status ipofacts_dataset_ratios(ipofacts_ratio_set **out, const ipofacts_dataset *dataset)
{
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    *out = NULL;
    if (dataset == NULL)
        return IPOFACTS_E_INVALID;
    ipofacts_ratio_set *s = calloc(1, sizeof *s);
    if (s == NULL)
        return IPOFACTS_E_NOMEM;
    sink k;
    memset(&k, 0, sizeof k);
    k.set = s;
    k.cache = ipf_cache_new(); /* NULL: the same answers, only slower */
    want_all(&k);
    size_t n = ipofacts_dataset_company_count(dataset);
    int ok = 1;
    for (size_t i = 0; i < n && ok; i++)
        ok = company_into(&k, ipofacts_dataset_company(dataset, i));
    ipf_cache_free(k.cache);
    if (!ok) {
        ipofacts_ratio_set_free(s);
        return IPOFACTS_E_NOMEM;
    }
    *out = s;
    return IPOFACTS_OK;
}

IPOFACTS_API size_t ipofacts_ratio_set_count(const ipofacts_ratio_set *set)
{
    return set != NULL ? set->count : 0;
}

IPOFACTS_API const ipofacts_derived *ipofacts_ratio_set_at(const ipofacts_ratio_set *set, size_t index)
{
    return set != NULL && index < set->count ? set->items[index] : NULL;
}

/* ------------------------------------------------------------------ */
/* Values only                                                         */
/* ------------------------------------------------------------------ */

IPOFACTS_API void ipofacts_ratio_table_free(ipofacts_ratio_table *table)
{
    if (table == NULL)
        return;
    free(table->rows);
    free(table);
}

/* The table of every company of a dataset, or of one company (dataset NULL). */
static ipofacts_status table_of(ipofacts_ratio_table **out, const ipofacts_dataset *dataset,
                                const ipofacts_company *company, const ipofacts_ratio_kind *kinds, size_t kind_count)
{
    sink k;
    memset(&k, 0, sizeof k);
    if (kinds == NULL) {
        if (kind_count != 0)
            return IPOFACTS_E_INVALID;
        want_all(&k);
    } else {
        for (size_t i = 0; i < kind_count; i++) {
            if ((unsigned)kinds[i] == 0 || (unsigned)kinds[i] >= IPOFACTS_RATIO_KIND_COUNT)
                return IPOFACTS_E_INVALID;
            k.want[kinds[i]] = 1;
        }
    }
    ipofacts_ratio_table *t = calloc(1, sizeof *t);
    if (t == NULL)
        return IPOFACTS_E_NOMEM;
    k.table = t;
    /* Without a cache (no memory for one) the answers are the same, only slower. */
    k.cache = ipf_cache_new();
    int ok = 1;
    if (dataset != NULL) {
        size_t n = ipofacts_dataset_company_count(dataset);
        for (size_t i = 0; i < n && ok; i++)
            ok = company_into(&k, ipofacts_dataset_company(dataset, i));
    } else {
        ok = company_into(&k, company);
    }
    ipf_cache_free(k.cache);
    if (!ok) {
        ipofacts_ratio_table_free(t);
        return IPOFACTS_E_NOMEM;
    }
    *out = t;
    return IPOFACTS_OK;
}

IPOFACTS_API ipofacts_status ipofacts_dataset_ratio_table(ipofacts_ratio_table **out, const ipofacts_dataset *dataset,
                                                          const ipofacts_ratio_kind *kinds, size_t kind_count)
{
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    *out = NULL;
    if (dataset == NULL)
        return IPOFACTS_E_INVALID;
    return table_of(out, dataset, NULL, kinds, kind_count);
}

IPOFACTS_API ipofacts_status ipofacts_company_ratio_table(ipofacts_ratio_table **out, const ipofacts_company *company,
                                                          const ipofacts_ratio_kind *kinds, size_t kind_count)
{
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    *out = NULL;
    if (company == NULL)
        return IPOFACTS_E_INVALID;
    return table_of(out, NULL, company, kinds, kind_count);
}

IPOFACTS_API size_t ipofacts_ratio_table_count(const ipofacts_ratio_table *table)
{
    return table != NULL ? table->count : 0;
}

IPOFACTS_API const ipofacts_ratio_row *ipofacts_ratio_table_rows(const ipofacts_ratio_table *table)
{
    return table != NULL && table->count > 0 ? table->rows : NULL;
}

IPOFACTS_API const ipofacts_ratio_row *ipofacts_ratio_table_at(const ipofacts_ratio_table *table, size_t index)
{
    return table != NULL && index < table->count ? &table->rows[index] : NULL;
}

IPOFACTS_API size_t ipofacts_ratio_row_size(void)
{
    return sizeof(ipofacts_ratio_row);
}
