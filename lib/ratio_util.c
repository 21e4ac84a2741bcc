/*
 * Small helpers of the ratio and check layers: units, numbers as text,
 * growable strings, date arithmetic, the rounding rules of the check and
 * fact look-ups.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ratio_company.h"

/* ------------------------------------------------------------------ */
/* Units                                                               */
/* ------------------------------------------------------------------ */

static int is_currency(const char *s, size_t n)
{
    if (n != 3)
        return 0;
    for (size_t i = 0; i < 3; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

ipf_unit_form ipf_unit_parse(const char *unit, char ccy[4], char base[4])
{
    ccy[0] = '\0';
    base[0] = '\0';
    if (unit == NULL || unit[0] == '\0')
        return IPF_UNIT_NONE;
    if (strcmp(unit, "pure") == 0)
        return IPF_UNIT_PURE;
    const char *slash = strchr(unit, '/');
    size_t n = slash != NULL ? (size_t)(slash - unit) : strlen(unit);
    if (is_currency(unit, n)) {
        memcpy(ccy, unit, 3);
        ccy[3] = '\0';
        if (slash == NULL)
            return IPF_UNIT_AMOUNT;
        const char *rest = slash + 1;
        if (strcmp(rest, "share") == 0)
            return IPF_UNIT_PER_SHARE;
        if (strcmp(rest, "month") == 0)
            return IPF_UNIT_PER_MONTH;
        if (is_currency(rest, strlen(rest))) {
            memcpy(base, rest, 3);
            base[3] = '\0';
            return IPF_UNIT_RATE;
        }
        ccy[0] = '\0';
        return IPF_UNIT_NONE;
    }
    if (slash != NULL)
        return IPF_UNIT_NONE;
    if (ipofacts_unit_classify(unit) != IPOFACTS_UNIT_INVALID || strcmp(unit, "multiple") == 0)
        return IPF_UNIT_OTHER;
    return IPF_UNIT_NONE;
}

/* ------------------------------------------------------------------ */
/* Numbers as text                                                     */
/* ------------------------------------------------------------------ */

char *ipf_num(char *buf, size_t size, double x, int digits)
{
    if (size == 0)
        return buf;
    if (!isfinite(x)) {
        snprintf(buf, size, "%s", isnan(x) ? "nan" : (x < 0 ? "-inf" : "inf"));
        return buf;
    }
    double ax = fabs(x);
    if (x == 0) {
        snprintf(buf, size, "0");
        return buf;
    }
    if (ax < 1e-6 || ax >= 1e18) {
        snprintf(buf, size, "%.*g", digits, x);
        return buf;
    }
    int mag = (int)floor(log10(ax));
    int places = digits - 1 - mag;
    if (places < 0)
        places = 0;
    if (places > 17)
        places = 17;
    snprintf(buf, size, "%.*f", places, x);
    if (strchr(buf, '.') != NULL) {
        size_t n = strlen(buf);
        while (n > 0 && buf[n - 1] == '0')
            buf[--n] = '\0';
        if (n > 0 && buf[n - 1] == '.')
            buf[--n] = '\0';
    }
    if (strcmp(buf, "-0") == 0)
        snprintf(buf, size, "0");
    return buf;
}

char *ipf_num_dir(char *buf, size_t size, double x, int digits, int dir)
{
    if (!isfinite(x) || x == 0)
        return ipf_num(buf, size, x, digits);
    double ax = fabs(x);
    int mag = (int)floor(log10(ax));
    int places = digits - 1 - mag;
    if (places < 0)
        places = 0;
    if (places > 17 || ax < 1e-6 || ax >= 1e15)
        return ipf_num(buf, size, x, 17);
    double scale = pow(10.0, places);
    double s = x * scale;
    double r = dir < 0 ? floor(s) : ceil(s);
    /* The scaled value may itself be a hair off; step once more when the
     * rounded value does not lie on the outer side of x. */
    double back = r / scale;
    if (dir < 0 && back > x)
        r -= 1;
    if (dir > 0 && back < x)
        r += 1;
    return ipf_num(buf, size, r / scale, places > 0 ? digits + 1 : 17);
}

/* ------------------------------------------------------------------ */
/* Growable strings                                                    */
/* ------------------------------------------------------------------ */

void ipf_buf_init(ipf_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->failed = 0;
}

static int buf_reserve(ipf_buf *b, size_t extra)
{
    if (b->failed)
        return 0;
    if (b->len + extra + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 128;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (p == NULL) {
        b->failed = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

void ipf_buf_add(ipf_buf *b, const char *s)
{
    if (s == NULL)
        return;
    size_t n = strlen(s);
    if (!buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n + 1);
    b->len += n;
}

void ipf_buf_printf(ipf_buf *b, const char *fmt, ...)
{
    va_list ap;
    char small[256];
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        ipf_buf_add(b, small);
        return;
    }
    if (!buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *ipf_buf_take(ipf_buf *b)
{
    char *s = NULL;
    if (!b->failed) {
        if (b->data == NULL) {
            s = malloc(1);
            if (s != NULL)
                s[0] = '\0';
        } else {
            s = b->data;
            b->data = NULL;
        }
    }
    ipf_buf_free(b);
    return s;
}

void ipf_buf_free(ipf_buf *b)
{
    free(b->data);
    ipf_buf_init(b);
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */
/* ------------------------------------------------------------------ */

int64_t ipf_date_days(const ipofacts_date *d)
{
    int64_t days = 0;
    if (ipofacts_date_days(&days, d) != IPOFACTS_OK)
        return 0;
    return days;
}

ipofacts_date ipf_date_from_days(int64_t z)
{
    /* Civil date from days since 1970-01-01 (proleptic Gregorian). */
    ipofacts_date out;
    memset(&out, 0, sizeof out);
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2)
        y++;
    out.year = (int32_t)y;
    out.month = (uint8_t)m;
    out.day = (uint8_t)d;
    out.precision = IPOFACTS_DATE_DAY;
    return out;
}

static int month_days(int32_t y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return len[m - 1];
}

ipofacts_date ipf_date_year_before(const ipofacts_date *d)
{
    ipofacts_date r = *d;
    if (d->precision != IPOFACTS_DATE_DAY || d->year <= 1)
        return r;
    r.year = d->year - 1;
    if (d->day == month_days(d->year, d->month) || d->day > month_days(r.year, d->month))
        r.day = (uint8_t)month_days(r.year, d->month);
    return r;
}

int ipf_date_equal(const ipofacts_date *a, const ipofacts_date *b)
{
    return a->precision == b->precision && a->year == b->year && a->month == b->month && a->day == b->day;
}

/* ------------------------------------------------------------------ */
/* Rounding rules of the check                                         */
/* ------------------------------------------------------------------ */

int ipf_truncation_interval(ipofacts_interval *out, const ipofacts_fact *fact)
{
    if (fact == NULL || ipofacts_fact_qualifier(fact) != IPOFACTS_QUALIFIER_EXACT)
        return 0;
    int32_t d = ipofacts_fact_decimals(fact);
    if (d == IPOFACTS_DECIMALS_INF || d > 30 || d < -30)
        return 0;
    ipofacts_decimal v = ipofacts_fact_value(fact);
    int sign = ipofacts_decimal_sign(&v);
    if (sign == 0) {
        /* Truncating to 0 keeps everything in (-10^-d, 10^-d). */
        return ipofacts_reported_interval(out, &v, NULL, d, IPOFACTS_QUALIFIER_APPROXIMATELY) == IPOFACTS_OK;
    }
    /* Values that truncate to v lie in [v, v + 10^-d] (v > 0) or
     * [v - 10^-d, v] (v < 0): the interval of an exact figure with centre
     * v +/- h and the same decimals, h = 0.5 x 10^-d. */
    ipofacts_decimal h = ipofacts_decimal_make(sign > 0 ? 5 : -5, -d - 1), centre;
    if (ipofacts_decimal_add(&centre, &v, &h) == IPOFACTS_OK &&
        ipofacts_reported_interval(out, &centre, NULL, d, IPOFACTS_QUALIFIER_EXACT) == IPOFACTS_OK)
        return 1;
    /* A coefficient at the 18-digit limit: fall back to doubles, widened. */
    double x = ipofacts_decimal_to_double(&v), w = pow(10.0, -d);
    memset(out, 0, sizeof *out);
    if (sign > 0) {
        out->lo = nextafter(x, -INFINITY);
        out->hi = nextafter(x + w, INFINITY);
    } else {
        out->lo = nextafter(x - w, -INFINITY);
        out->hi = nextafter(x, INFINITY);
    }
    return isfinite(out->lo) && isfinite(out->hi);
}

ipf_verdict ipf_compare_reported(const ipofacts_fact *fact, const ipofacts_interval *computed)
{
    ipofacts_interval r, t;
    if (ipofacts_fact_interval(&r, fact) != IPOFACTS_OK)
        return IPF_VERDICT_MISMATCH;
    if (ipofacts_interval_overlaps(&r, computed))
        return IPF_VERDICT_CONSISTENT;
    if (ipf_truncation_interval(&t, fact) && ipofacts_interval_overlaps(&t, computed))
        return IPF_VERDICT_TRUNCATED;
    return IPF_VERDICT_MISMATCH;
}

/* ------------------------------------------------------------------ */
/* Look-ups                                                            */
/* ------------------------------------------------------------------ */

const ipofacts_fact *ipf_find(const ipofacts_period *p, const char *concept_id, const char *segment)
{
    const ipofacts_fact *f = NULL;
    if (p == NULL || concept_id == NULL)
        return NULL;
    if (ipofacts_period_find_fact(&f, NULL, p, concept_id, segment) != IPOFACTS_OK)
        return NULL;
    return f;
}

const ipofacts_fact *ipf_find_segment_revenue(const ipofacts_period *p, const char *segment)
{
    return ipf_cache_find_segment_revenue(NULL, p, segment);
}

const ipofacts_period *ipf_instant_at(const ipofacts_company *c, const ipofacts_date *d)
{
    size_t n = ipofacts_company_period_count(c);
    for (size_t i = 0; i < n; i++) {
        const ipofacts_period *p = ipofacts_company_period(c, i);
        if (ipofacts_period_is_instant(p)) {
            ipofacts_date e = ipofacts_period_end(p);
            if (ipf_date_equal(&e, d))
                return p;
        }
    }
    return NULL;
}
