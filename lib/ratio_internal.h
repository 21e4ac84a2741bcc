/*
 * Internal helpers of the ratio and check layers (lib/ratio_*.c, lib/ratios.c,
 * lib/check.c). Not installed; nothing here is exported.
 */
#ifndef IPOFACTS_LIB_RATIO_INTERNAL_H
#define IPOFACTS_LIB_RATIO_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "ipofacts/ratios.h"

/* ---- Interval arithmetic on plain bounds ---------------------------- */

/* An interval with infinite bounds for open-ended sides: lo may be
 * -INFINITY, hi +INFINITY. Never NaN; lo <= hi. */
typedef struct ipf_iv {
    double lo;
    double hi;
} ipf_iv;

/* Converts a public interval; returns 0 when it is malformed (NaN or
 * infinite bounds, unknown flags, lo > hi). */
int ipf_iv_from(ipf_iv *out, const ipofacts_interval *in);
/* Converts back: infinite sides become open-ended flags. */
void ipf_iv_to(ipofacts_interval *out, ipf_iv in);
/* The point interval [x, x]. */
ipf_iv ipf_iv_point(double x);

/* Outward-rounded operations; each returns a ratio status (OK, OVERFLOW,
 * ZERO_DENOMINATOR, DENOMINATOR_STRADDLES_ZERO). */
ipofacts_ratio_status ipf_iv_add(ipf_iv *out, ipf_iv a, ipf_iv b);
ipofacts_ratio_status ipf_iv_sub(ipf_iv *out, ipf_iv a, ipf_iv b);
ipofacts_ratio_status ipf_iv_mul(ipf_iv *out, ipf_iv a, ipf_iv b);
ipofacts_ratio_status ipf_iv_div(ipf_iv *out, ipf_iv a, ipf_iv b);
ipf_iv ipf_iv_neg(ipf_iv a);

/* Directed rounding of one operation on finite or infinite doubles:
 * dir < 0 gives a double <= the exact result, dir > 0 one >= it. *overflow
 * is set when finite operands give an infinite result. */
double ipf_add_dir(double a, double b, int dir, int *overflow);
double ipf_mul_dir(double a, double b, int dir, int *overflow);
double ipf_div_dir(double a, double b, int dir, int *overflow);

/* ---- Units ---------------------------------------------------------- */

typedef enum ipf_unit_form {
    IPF_UNIT_NONE = 0,      /* empty or unknown */
    IPF_UNIT_AMOUNT = 1,    /* "USD" */
    IPF_UNIT_PER_SHARE = 2, /* "HKD/share" */
    IPF_UNIT_PER_MONTH = 3, /* "USD/month" */
    IPF_UNIT_RATE = 4,      /* "HKD/USD": quote per base */
    IPF_UNIT_PURE = 5,      /* "pure" */
    IPF_UNIT_OTHER = 6      /* counts, durations, multiples */
} ipf_unit_form;

/* Parses a unit; ccy receives the currency (the quote currency of a rate),
 * base the base currency of a rate. Both are 4 bytes, "" when absent. */
ipf_unit_form ipf_unit_parse(const char *unit, char ccy[4], char base[4]);

/* ---- Numbers as text ------------------------------------------------ */

/* Formats x compactly with up to `digits` significant digits ("7.82168",
 * "30523000", "-0.246821"), never in exponent form for magnitudes between
 * 1e-6 and 1e18. Returns buf. */
char *ipf_num(char *buf, size_t size, double x, int digits);
/* As ipf_num(), rounded toward -infinity (dir < 0) or +infinity (dir > 0)
 * at the last digit shown, so that a printed bound stays outside. */
char *ipf_num_dir(char *buf, size_t size, double x, int digits, int dir);

/* ---- Growable strings ----------------------------------------------- */

typedef struct ipf_buf {
    char *data;
    size_t len;
    size_t cap;
    int failed; /* an allocation failed; data holds what fit */
} ipf_buf;

void ipf_buf_init(ipf_buf *b);
void ipf_buf_add(ipf_buf *b, const char *s);
void ipf_buf_printf(ipf_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Returns the string (malloc'd, owned by the caller) or NULL when an
 * allocation failed; the buffer is emptied either way. */
char *ipf_buf_take(ipf_buf *b);
void ipf_buf_free(ipf_buf *b);

/* ---- Rounding rules of the check ------------------------------------ */

typedef enum ipf_verdict {
    IPF_VERDICT_CONSISTENT = 0, /* some computed value rounds to the reported figure */
    IPF_VERDICT_TRUNCATED = 1,  /* none rounds to it, some truncates to it */
    IPF_VERDICT_MISMATCH = 2    /* neither */
} ipf_verdict;

/* Compares a reported fact with a computed interval: consistent when the
 * fact's interval (ipofacts_fact_interval) meets the computed one; else
 * truncated when the fact is exact with finite decimals and its truncation
 * interval ([v, v + 10^-d] for v > 0, [v - 10^-d, v] for v < 0) meets it. */
ipf_verdict ipf_compare_reported(const ipofacts_fact *fact, const ipofacts_interval *computed);

/* The truncation interval of a fact (see above); 0 when it has none. */
int ipf_truncation_interval(ipofacts_interval *out, const ipofacts_fact *fact);

/* ---- Company-level helpers shared with the check -------------------- */

/* Internal flag of ipofacts_ratio_options::flags: never imply a prior
 * period from a reported growth rate (the check uses it so that a growth
 * rate is not recomputed from itself). */
#define IPF_RATIO_NO_IMPLIED 0x80000000u

/* Date arithmetic. */
int64_t ipf_date_days(const ipofacts_date *d);
ipofacts_date ipf_date_from_days(int64_t days);
/* The same day one year earlier (29 February becomes 28 February; the
 * last day of a month stays the last day). */
ipofacts_date ipf_date_year_before(const ipofacts_date *d);
int ipf_date_equal(const ipofacts_date *a, const ipofacts_date *b);

/* The preferred fact of a concept/segment in a period, or NULL. */
const ipofacts_fact *ipf_find(const ipofacts_period *p, const char *concept_id, const char *segment);

/* The reported concept for a segment's revenue: "segment_revenue" when the
 * period has it for the segment, else "revenue" with the segment. */
const ipofacts_fact *ipf_find_segment_revenue(const ipofacts_period *p, const char *segment);

/* The period of a company that is an instant at date d, or NULL. */
const ipofacts_period *ipf_instant_at(const ipofacts_company *c, const ipofacts_date *d);

#endif /* IPOFACTS_LIB_RATIO_INTERNAL_H */
