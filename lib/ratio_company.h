/*
 * Internal: the derivation object of the ratio layer, shared by
 * ratio_company.c (computing one ratio), ratio_set.c (every ratio of a
 * company) and check.c. Not installed.
 */
#ifndef IPOFACTS_LIB_RATIO_COMPANY_H
#define IPOFACTS_LIB_RATIO_COMPANY_H

#include "ratio_internal.h"

/* Look-ups memoised for the duration of one batch of values-only ratios
 * (ratio_cache.c); see ipf_cache_*. */
typedef struct ipf_ratio_cache ipf_ratio_cache;

/* Inputs a values-only derivation keeps on the stack before it allocates. */
#define IPF_STACK_INPUTS 12

typedef struct ipf_input {
    const char *role;          /* "revenue", "prior", "rate", ...: role_owned, or borrowed (values only) */
    char *role_owned;          /* the copy of role the derivation owns; NULL when borrowed */
    char *what;                /* what was looked for: "revenue FY2023" */
    ipofacts_ratio value;      /* status MISSING_INPUT when not found */
    const ipofacts_fact *fact; /* the reported fact, or NULL */
    ipofacts_derived *child;   /* owned derivation of a derived input, or NULL */
} ipf_input;

struct ipofacts_derived {
    ipofacts_ratio_kind kind;
    const ipofacts_company *company;
    const ipofacts_period *period;
    ipofacts_date start;
    ipofacts_date end;
    char label[64];
    char *concept_id;
    char *segment;
    char *formula;
    char *arithmetic;
    ipofacts_ratio ratio;
    ipf_input *inputs;
    size_t ninputs;
    size_t cap;
    int nomem;
    int values_only;             /* no text and no ownership: see ipf_company_ratio_value() */
    ipf_input *stack_inputs;     /* values-only: the caller's stack array inputs starts in */
    ipf_ratio_cache *cache;      /* values-only: memoised look-ups, or NULL */
};

/* What the enumeration of every ratio needs to know of a computed ratio
 * besides its value: whether its first input is a reported fact (a runway
 * with its cash), and for a CAGR the end of the period of its "first"
 * input (its end when there is none). */
typedef struct ipf_ratio_outcome {
    ipofacts_ratio ratio;
    int first_reported;
    ipofacts_date end;
    ipofacts_date first_end;
} ipf_ratio_outcome;

/* One ratio, values only: the rules of ipf_company_ratio() without its
 * text and without allocating (but for a ratio of more than
 * IPF_STACK_INPUTS inputs). cache may be NULL. Returns IPOFACTS_OK or
 * IPOFACTS_E_NOMEM. */
ipofacts_status ipf_company_ratio_value(ipf_ratio_outcome *out, const ipofacts_company *company,
                                        ipofacts_ratio_kind kind, const ipofacts_period *period,
                                        const ipofacts_ratio_options *options, ipf_ratio_cache *cache);

/* ---- Memoised look-ups (ratio_cache.c) ------------------------------ */

/* A memoised answer: a pointer and two numbers. */
typedef struct ipf_memo {
    const void *ptr;
    int64_t a;
    int64_t b;
} ipf_memo;

/* Tags of what is memoised. */
enum {
    IPF_MEMO_FIND = 1,      /* ipf_find(p, concept, segment) */
    IPF_MEMO_OPERAND = 2,   /* ipofacts_ratio_input_fact(fact) */
    IPF_MEMO_PRIOR = 3,     /* ipf_prior_period(p, concept, segment) */
    IPF_MEMO_CAGR = 4,      /* a CAGR's base period: (p, concept, segment) */
    IPF_MEMO_LATEST = 5,    /* latest_duration(date, concept, segment, months) */
    IPF_MEMO_NEAR = 6,      /* duration_near(start, end, length, concept, segment) */
    IPF_MEMO_FIND_NEAR = 7, /* find_near(p, concept) */
    IPF_MEMO_RATE = 8,      /* find_rate(currencies, date) */
    IPF_MEMO_INSTANT = 9,   /* ipf_instant_at(date) */
    IPF_MEMO_PRIOR_CANDIDATES = 10, /* the periods that may be twelve months before p */
    IPF_MEMO_CAGR_BASES = 11        /* the periods comparable with p some whole years before */
};

/* A period as day numbers (ipf_date_days of its start and end; start 0
 * for an instant), its months and whether it is an instant. */
typedef struct ipf_period_info {
    const ipofacts_period *period;
    int64_t start;
    int64_t end;
    int32_t months;
    int instant;
} ipf_period_info;

void ipf_period_info_of(ipf_period_info *out, const ipofacts_period *p);
/* The periods of c in file order as infos, made once per company; NULL
 * without a cache or when memory runs out. */
const ipf_period_info *ipf_cache_periods(ipf_ratio_cache *cache, const ipofacts_company *c);

/* A cache for the companies of one batch; NULL when memory runs out (the
 * caller then computes without). */
ipf_ratio_cache *ipf_cache_new(void);
void ipf_cache_free(ipf_ratio_cache *cache);
/* Forgets every answer (when the batch moves to another company). */
void ipf_cache_reset(ipf_ratio_cache *cache);
/* Looks a key up: 1 and *out when remembered. A NULL cache remembers nothing. */
int ipf_cache_get(const ipf_ratio_cache *cache, int tag, uintptr_t k1, uintptr_t k2, uintptr_t k3, ipf_memo *out);
/* size bytes (aligned for any object) that stay valid until the next
 * ipf_cache_reset(); NULL without a cache or when its arena is full. */
void *ipf_cache_alloc(ipf_ratio_cache *cache, size_t size);
/* Remembers an answer (silently not when the cache is full). */
void ipf_cache_put(ipf_ratio_cache *cache, int tag, uintptr_t k1, uintptr_t k2, uintptr_t k3, const ipf_memo *value);
/* The operand of a fact, memoised: 0 when not remembered; ipf_cache_put_operand stores one. */
const ipofacts_ratio *ipf_cache_operand(const ipf_ratio_cache *cache, const ipofacts_fact *fact);
void ipf_cache_put_operand(ipf_ratio_cache *cache, const ipofacts_fact *fact, const ipofacts_ratio *value);
/* The preferred fact of a concept/segment in p (ipf_find), memoised. */
const ipofacts_fact *ipf_cache_find(ipf_ratio_cache *cache, const ipofacts_period *p, const char *concept_id,
                                    const char *segment);
/* ipf_find_segment_revenue(), memoised. */
const ipofacts_fact *ipf_cache_find_segment_revenue(ipf_ratio_cache *cache, const ipofacts_period *p,
                                                    const char *segment);

/* ipofacts_company_ratio() without the argument checks, honouring the
 * internal flags of ratio_internal.h. */
ipofacts_status ipf_company_ratio(ipofacts_derived **out, const ipofacts_company *company, ipofacts_ratio_kind kind,
                                  const ipofacts_period *period, const ipofacts_ratio_options *options);

ipofacts_derived *ipf_derived_new(ipofacts_ratio_kind kind, const ipofacts_company *company,
                                  const ipofacts_period *period);

/* The period twelve months before p, matched within a week so that 52/53-week
 * fiscal years compare (see "Comparable periods" in ratio_company.c). */
const ipofacts_period *ipf_prior_period(const ipofacts_company *c, const ipofacts_period *p, const char *concept_id,
                                        const char *segment);

/* The concept whose flow a burn basis uses ("operating_cash_flow",
 * "net_income", "adjusted_net_income"), or NULL for another basis. */
const char *ipf_burn_concept(ipofacts_ratio_basis basis);

/* What an input was looked for as ("revenue FY2023"). */
const char *ipf_derived_input_what(const ipofacts_derived *d, size_t index);

/* Text pieces shared with the check: a ratio "0.2468 pure in [lo, hi]", a
 * fact "revenue FY2023 = 3460000 USD (decimals -4, exact)", its sources
 * 'id "text"; id "text"'. */
void ipf_ratio_text(ipf_buf *b, const ipofacts_ratio *r);
void ipf_fact_text(ipf_buf *b, const ipofacts_fact *f);
void ipf_fact_sources_text(ipf_buf *b, const ipofacts_fact *f);

#endif /* IPOFACTS_LIB_RATIO_COMPANY_H */
