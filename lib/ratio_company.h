/*
 * Internal: the derivation object of the ratio layer, shared by
 * ratio_company.c (computing one ratio), ratio_set.c (every ratio of a
 * company) and check.c. Not installed.
 */
#ifndef IPOFACTS_LIB_RATIO_COMPANY_H
#define IPOFACTS_LIB_RATIO_COMPANY_H

#include "ratio_internal.h"

typedef struct ipf_input {
    char *role;                /* "revenue", "prior", "rate", ... */
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
};

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

/* What an input was looked for as ("revenue FY2023"). */
const char *ipf_derived_input_what(const ipofacts_derived *d, size_t index);

/* Text pieces shared with the check: a ratio "0.2468 pure in [lo, hi]", a
 * fact "revenue FY2023 = 3460000 USD (decimals -4, exact)", its sources
 * 'id "text"; id "text"'. */
void ipf_ratio_text(ipf_buf *b, const ipofacts_ratio *r);
void ipf_fact_text(ipf_buf *b, const ipofacts_fact *f);
void ipf_fact_sources_text(ipf_buf *b, const ipofacts_fact *f);

#endif /* IPOFACTS_LIB_RATIO_COMPANY_H */
