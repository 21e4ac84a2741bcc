/*
 * Ratios for people and for programs: the table rows and JSON objects of
 * `ipofacts ratios`, the computed side of `ipofacts check --format json`,
 * and the "Ratios" section of `ipofacts report` (cli_report_ratios()).
 *
 * Numbers are shown by unit: pure ratios as percentages with two decimals,
 * amounts as grouped integers, months and multiples with two decimals,
 * rates with four. Interval bounds are rounded outward at the digit shown,
 * so a printed interval still contains every value the inputs allow.
 */
#include "cli.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Numbers                                                             */
/* ------------------------------------------------------------------ */

/* Digits after the point and the scale of a unit: 100 for percentages. */
static void unit_format(const char *unit, int *places, double *scale, const char **suffix)
{
    *scale = 1;
    *suffix = "";
    if (strcmp(unit, "pure") == 0) {
        *places = 2;
        *scale = 100;
        *suffix = "%";
    } else if (strcmp(unit, "months") == 0 || strcmp(unit, "multiple") == 0) {
        *places = 2;
        if (strcmp(unit, "multiple") == 0)
            *suffix = "×";
    } else if (strchr(unit, '/') != NULL && strstr(unit, "/month") == NULL && strstr(unit, "/share") == NULL) {
        *places = 4; /* an exchange rate */
    } else if (strstr(unit, "/share") != NULL) {
        *places = 2;
    } else {
        *places = 0; /* amounts, shares */
    }
}

/* Groups the integer part of a plain decimal number with commas. */
static void group(char *buf, size_t size, const char *plain)
{
    const char *p = plain;
    size_t out = 0;
    if (*p == '-') {
        if (out + 1 < size)
            buf[out++] = '-';
        p++;
    }
    size_t digits = strcspn(p, ".");
    for (size_t i = 0; i < digits && out + 2 < size; i++) {
        buf[out++] = p[i];
        if ((digits - i - 1) % 3 == 0 && i + 1 < digits)
            buf[out++] = ',';
    }
    for (const char *q = p + digits; *q != '\0' && out + 1 < size; q++)
        buf[out++] = *q;
    buf[out] = '\0';
}

/* y rounded toward -inf (dir < 0) or +inf (dir > 0) to a whole number;
 * numbers beyond 2^62 are whole already. (The program links no libm.) */
static double whole(double y, int dir)
{
    if (y >= 4.6e18 || y <= -4.6e18)
        return y;
    long long t = (long long)y; /* toward zero */
    double w = (double)t;
    if (dir < 0 && w > y)
        w -= 1;
    if (dir > 0 && w < y)
        w += 1;
    return w;
}

const char *cli_ratio_number(char *buf, size_t size, const char *unit, double x, int dir)
{
    int places;
    double scale;
    const char *suffix;
    char plain[96];
    unit_format(unit, &places, &scale, &suffix);
    double f = 1;
    for (int i = 0; i < places; i++)
        f *= 10;
    double y = x * scale;
    if (dir != 0)
        y = whole(y * f, dir) / f;
    if (y == 0)
        y = 0; /* no "-0" */
    snprintf(plain, sizeof plain, "%.*f", places, y);
    if (strcmp(plain, "-0") == 0 || strcmp(plain, "-0.00") == 0 || strcmp(plain, "-0.0000") == 0)
        memmove(plain, plain + 1, strlen(plain));
    char grouped[128];
    group(grouped, sizeof grouped, plain);
    snprintf(buf, size, "%s%s", grouped, suffix);
    return buf;
}

const char *cli_ratio_interval(char *buf, size_t size, const ipofacts_ratio *r)
{
    char lo[64], hi[64];
    if (r->status != IPOFACTS_RATIO_OK) {
        snprintf(buf, size, "%s", "");
        return buf;
    }
    if (r->interval.flags & IPOFACTS_INTERVAL_NO_LO)
        snprintf(lo, sizeof lo, "-∞");
    else
        cli_ratio_number(lo, sizeof lo, r->unit, r->interval.lo, -1);
    if (r->interval.flags & IPOFACTS_INTERVAL_NO_HI)
        snprintf(hi, sizeof hi, "+∞");
    else
        cli_ratio_number(hi, sizeof hi, r->unit, r->interval.hi, 1);
    snprintf(buf, size, "[%s, %s]", lo, hi);
    return buf;
}

/* ------------------------------------------------------------------ */
/* Describing a derivation                                             */
/* ------------------------------------------------------------------ */

/* The first input with this role, or SIZE_MAX. */
static size_t input_with_role(const ipofacts_derived *d, const char *role)
{
    for (size_t i = 0; i < ipofacts_derived_input_count(d); i++)
        if (strcmp(ipofacts_derived_input_role(d, i), role) == 0)
            return i;
    return SIZE_MAX;
}

const char *cli_ratio_name(char *buf, size_t size, const ipofacts_derived *d)
{
    ipofacts_ratio_kind kind = ipofacts_derived_kind(d);
    const char *name = ipofacts_ratio_kind_name(kind);
    const char *concept = ipofacts_derived_concept_id(d), *seg = ipofacts_derived_segment(d);
    char extra[160] = "";
    size_t k;
    switch (kind) {
    case IPOFACTS_RATIO_KIND_GROWTH:
    case IPOFACTS_RATIO_KIND_CAGR:
    case IPOFACTS_RATIO_KIND_TTM:
        snprintf(extra, sizeof extra, " of %s", concept != NULL ? concept : "revenue");
        break;
    case IPOFACTS_RATIO_KIND_RUNWAY:
        /* The cash concept is the first input's role. */
        if (ipofacts_derived_input_count(d) > 0)
            snprintf(extra, sizeof extra, " on %s", ipofacts_derived_input_role(d, 0));
        break;
    case IPOFACTS_RATIO_KIND_IMPLIED_SHARES:
    case IPOFACTS_RATIO_KIND_MARKET_CAP:
    case IPOFACTS_RATIO_KIND_PRICE_TO_SALES:
    case IPOFACTS_RATIO_KIND_HOLDING_VALUE:
    case IPOFACTS_RATIO_KIND_IMPLIED_RATE:
        /* Which reported figure it starts from, by its text. */
        k = input_with_role(d, kind == IPOFACTS_RATIO_KIND_IMPLIED_RATE ? "converted" : "market_cap");
        if (kind == IPOFACTS_RATIO_KIND_IMPLIED_RATE && concept != NULL)
            snprintf(extra, sizeof extra, " of %s", concept);
        if (k != SIZE_MAX && ipofacts_derived_input_fact(d, k) != NULL &&
            ipofacts_fact_quote(ipofacts_derived_input_fact(d, k), 0) != NULL) {
            size_t n = strlen(extra);
            snprintf(extra + n, sizeof extra - n, " (%s)", ipofacts_fact_quote(ipofacts_derived_input_fact(d, k), 0));
        }
        break;
    default:
        break;
    }
    snprintf(buf, size, "%s%s%s%s%s", name != NULL ? name : "?", seg != NULL ? "[" : "", seg != NULL ? seg : "",
             seg != NULL ? "]" : "", extra);
    return buf;
}

/* Appends the distinct source ids of a derivation's reported inputs, and
 * of its derived inputs' in turn. */
static void collect_sources(char *buf, size_t size, const ipofacts_derived *d)
{
    for (size_t i = 0; i < ipofacts_derived_input_count(d); i++) {
        const ipofacts_fact *f = ipofacts_derived_input_fact(d, i);
        const ipofacts_derived *child = ipofacts_derived_input_derived(d, i);
        if (child != NULL)
            collect_sources(buf, size, child);
        for (size_t k = 0; f != NULL && k < ipofacts_fact_source_count(f); k++) {
            const char *id = ipofacts_source_id(ipofacts_fact_source(f, k));
            size_t n = strlen(buf), len = strlen(id);
            /* Already listed? */
            const char *p = buf;
            int seen = 0;
            while ((p = strstr(p, id)) != NULL && !seen) {
                seen = (p == buf || p[-1] == ' ') && (p[len] == ',' || p[len] == '\0');
                p += len;
            }
            if (!seen && n + len + 3 < size)
                snprintf(buf + n, size - n, "%s%s", n ? ", " : "", id);
        }
    }
}

/* The reported figure the ratio corresponds to, if any (e.g. the reported
 * gross margin of the same period), as text. */
static const char *reported_text(char *buf, size_t size, const ipofacts_derived *d)
{
    const char *id = ipofacts_ratio_kind_reported_concept(ipofacts_derived_kind(d), ipofacts_derived_concept_id(d));
    const ipofacts_fact *f = NULL;
    buf[0] = '\0';
    if (id == NULL || ipofacts_derived_kind(d) == IPOFACTS_RATIO_KIND_MARKET_CAP ||
        ipofacts_derived_kind(d) == IPOFACTS_RATIO_KIND_IMPLIED_RATE)
        return buf;
    const ipofacts_period *p = ipofacts_derived_period(d);
    if (ipofacts_derived_kind(d) == IPOFACTS_RATIO_KIND_RUNWAY && !ipofacts_period_is_instant(p))
        return buf;
    if (ipofacts_period_find_fact(&f, NULL, p, id, ipofacts_derived_segment(d)) != IPOFACTS_OK || f == NULL)
        return buf;
    char v[CLI_VALUE_SIZE];
    size_t n = 0;
    for (size_t i = 0; i < ipofacts_period_fact_count(p); i++) {
        const ipofacts_fact *g = ipofacts_period_fact_at(p, i);
        const char *gs = ipofacts_fact_segment(g), *ds = ipofacts_derived_segment(d);
        if (strcmp(ipofacts_fact_concept_id(g), id) == 0 && ((gs == NULL && ds == NULL) || (gs && ds && strcmp(gs, ds) == 0)))
            n++;
    }
    if (n > 1)
        snprintf(buf, size, "%s +%zu", cli_fact_text(v, f, 0), n - 1);
    else
        snprintf(buf, size, "%s", cli_fact_text(v, f, 0));
    return buf;
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */
/* ------------------------------------------------------------------ */

cli_table *cli_ratio_table_new(int with_company)
{
    static const char *const headers[] = {"company", "ratio", "period", "value", "interval", "status",
                                          "basis", "reported", "sources"};
    static const cli_align aligns[] = {CLI_ALIGN_LEFT, CLI_ALIGN_LEFT,  CLI_ALIGN_LEFT, CLI_ALIGN_RIGHT, CLI_ALIGN_LEFT,
                                       CLI_ALIGN_LEFT, CLI_ALIGN_LEFT, CLI_ALIGN_RIGHT, CLI_ALIGN_LEFT};
    size_t skip = with_company ? 0 : 1;
    return cli_table_new(9 - skip, headers + skip, aligns + skip);
}

int cli_ratio_table_add(cli_table *t, const ipofacts_derived *d, int with_company)
{
    const ipofacts_ratio *r = ipofacts_derived_ratio(d);
    char name[256], value[96], interval[224], basis[96], reported[CLI_VALUE_SIZE + 16], sources[512] = "";
    const char *cells[9];
    size_t k = 0;
    cli_ratio_name(name, sizeof name, d);
    if (r->status == IPOFACTS_RATIO_OK) {
        char num[64];
        const char *unit = r->unit;
        cli_ratio_number(num, sizeof num, unit, r->value, 0);
        /* Amounts carry their unit; percentages and multiples their sign. */
        if (strcmp(unit, "pure") != 0 && strcmp(unit, "multiple") != 0)
            snprintf(value, sizeof value, "%s %s", num, unit);
        else
            snprintf(value, sizeof value, "%s", num);
    } else {
        value[0] = '\0';
    }
    cli_ratio_interval(interval, sizeof interval, r);
    snprintf(basis, sizeof basis, "%s%s", ipofacts_ratio_basis_name(r->basis),
             (r->flags & IPOFACTS_RATIO_FLAG_PROXY) ? " (proxy)" : "");
    if (r->basis == IPOFACTS_BASIS_DEFAULT)
        basis[0] = '\0';
    reported_text(reported, sizeof reported, d);
    collect_sources(sources, sizeof sources, d);
    if (with_company)
        cells[k++] = ipofacts_company_id(ipofacts_derived_company(d));
    cells[k++] = name;
    cells[k++] = ipofacts_derived_label(d);
    cells[k++] = value;
    cells[k++] = interval;
    cells[k++] = ipofacts_ratio_status_name(r->status);
    cells[k++] = basis;
    cells[k++] = reported;
    cells[k++] = sources;
    return cli_table_add_row(t, cells);
}

/* ------------------------------------------------------------------ */
/* JSON                                                                */
/* ------------------------------------------------------------------ */

void cli_json_ratio_numbers(cli_json *j, const ipofacts_ratio *r)
{
    int ok = r->status == IPOFACTS_RATIO_OK;
    cli_json_key(j, "value");
    if (ok)
        cli_json_number(j, r->value);
    else
        cli_json_null(j);
    cli_json_key(j, "lo");
    if (ok && !(r->interval.flags & IPOFACTS_INTERVAL_NO_LO))
        cli_json_number(j, r->interval.lo);
    else
        cli_json_null(j);
    cli_json_key(j, "hi");
    if (ok && !(r->interval.flags & IPOFACTS_INTERVAL_NO_HI))
        cli_json_number(j, r->interval.hi);
    else
        cli_json_null(j);
    cli_json_key(j, "unit");
    cli_json_str(j, r->unit[0] != '\0' ? r->unit : NULL);
    cli_json_key(j, "status");
    cli_json_str(j, ipofacts_ratio_status_name(r->status));
    cli_json_key(j, "basis");
    cli_json_str(j, ipofacts_ratio_basis_name(r->basis));
    cli_json_key(j, "proxy");
    cli_json_bool(j, (r->flags & IPOFACTS_RATIO_FLAG_PROXY) != 0);
    cli_json_key(j, "implied");
    cli_json_bool(j, (r->flags & IPOFACTS_RATIO_FLAG_IMPLIED) != 0);
    cli_json_key(j, "converted");
    cli_json_bool(j, (r->flags & IPOFACTS_RATIO_FLAG_CONVERTED) != 0);
}

void cli_json_ratio(cli_json *j, const ipofacts_derived *d)
{
    ipofacts_date s = ipofacts_derived_start(d), e = ipofacts_derived_end(d);
    char name[256];
    cli_json_begin_object(j);
    cli_json_key(j, "company");
    cli_json_str(j, ipofacts_company_id(ipofacts_derived_company(d)));
    cli_json_key(j, "ratio");
    cli_json_str(j, ipofacts_ratio_kind_name(ipofacts_derived_kind(d)));
    cli_json_key(j, "name");
    cli_json_str(j, cli_ratio_name(name, sizeof name, d));
    cli_json_key(j, "concept");
    cli_json_str(j, ipofacts_derived_concept_id(d));
    cli_json_key(j, "segment");
    cli_json_str(j, ipofacts_derived_segment(d));
    cli_json_key(j, "period");
    cli_json_str(j, ipofacts_period_id(ipofacts_derived_period(d)));
    cli_json_key(j, "label");
    cli_json_str(j, ipofacts_derived_label(d));
    cli_json_key(j, "period_start");
    cli_json_date(j, &s);
    cli_json_key(j, "period_end");
    cli_json_date(j, &e);
    cli_json_ratio_numbers(j, ipofacts_derived_ratio(d));
    cli_json_key(j, "derived");
    cli_json_bool(j, 1);
    cli_json_key(j, "formula");
    cli_json_str(j, ipofacts_derived_formula(d));
    cli_json_key(j, "arithmetic");
    cli_json_str(j, ipofacts_derived_arithmetic(d));
    cli_json_key(j, "inputs");
    cli_json_begin_array(j);
    for (size_t i = 0; i < ipofacts_derived_input_count(d); i++) {
        const ipofacts_fact *f = ipofacts_derived_input_fact(d, i);
        const ipofacts_derived *child = ipofacts_derived_input_derived(d, i);
        cli_json_begin_object(j);
        cli_json_key(j, "role");
        cli_json_str(j, ipofacts_derived_input_role(d, i));
        cli_json_key(j, "reported");
        cli_json_bool(j, f != NULL);
        if (f != NULL) {
            cli_json_key(j, "fact");
            cli_json_fact(j, f);
        }
        cli_json_ratio_numbers(j, ipofacts_derived_input_value(d, i));
        if (child != NULL) {
            cli_json_key(j, "derivation");
            cli_json_ratio(j, child);
        }
        cli_json_end_object(j);
    }
    cli_json_end_array(j);
    cli_json_end_object(j);
}

/* ------------------------------------------------------------------ */
/* The report section                                                  */
/* ------------------------------------------------------------------ */

/* Prints every ratio of the company. Refusals (a negative base, not
 * burning) are results, shown with their status; the section fails
 * (CLI_EXIT_FINDINGS) only when the ratios could not be computed at all. */
int cli_report_ratios(cli_context *ctx, const ipofacts_company *company)
{
    ipofacts_ratio_set *set = NULL;
    ipofacts_status st = ipofacts_company_ratios(&set, company);
    if (st != IPOFACTS_OK) {
        cli_error(ctx, "%s: cannot compute the ratios: %s", ipofacts_company_id(company), ipofacts_status_str(st));
        return CLI_EXIT_FINDINGS;
    }
    size_t n = ipofacts_ratio_set_count(set);
    if (n == 0) {
        ipofacts_ratio_set_free(set);
        return CLI_EXIT_OK;
    }
    fprintf(ctx->out, "\nRatios (derived from the figures above, with the interval their precision allows)\n");
    cli_table *t = cli_ratio_table_new(0);
    if (t == NULL) {
        ipofacts_ratio_set_free(set);
        cli_error(ctx, "out of memory");
        return CLI_EXIT_FINDINGS;
    }
    cli_table_set_indent(t, 2);
    for (size_t i = 0; i < n; i++)
        cli_ratio_table_add(t, ipofacts_ratio_set_at(set, i), 0);
    cli_table_print(t, ctx->out, 48);
    cli_table_free(t);
    ipofacts_ratio_set_free(set);
    return CLI_EXIT_OK;
}
