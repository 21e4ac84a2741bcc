/*
 * ipofacts chart COMPANY --svg FILE
 *
 * Draws a company's revenue and gross margin by period as one standalone
 * SVG 1.1 document of CHART_WIDTH x CHART_HEIGHT pixels (docs/chart.md):
 *
 * - left, revenue: one bar per duration of up to twelve months that has a
 *   revenue or gross-margin figure, in chronological order (at most
 *   CHART_MAX_PERIODS, the latest), the bar's height the preferred revenue
 *   fact (ipofacts_period_fact()), a whisker the interval of true values
 *   its stated precision and qualifier allow (ipofacts_ratio_input_fact()).
 *   A period shorter than twelve months is hatched and labelled with its
 *   length: it is not comparable with a full year.
 * - right, gross margin: the margin the ratio engine computes
 *   (ipofacts_company_ratio(), GROSS_MARGIN) as a dot with its interval,
 *   and the reported gross_margin fact as a diamond with its own. A ratio
 *   that cannot be computed is written "n/a (status)", never drawn as zero.
 * - a title with the company's names and listing, axis titles with units,
 *   exact figures, quotes and arithmetic in <title> tooltips, and a
 *   footnote with the sources the plotted facts cite.
 *
 * --svg - writes the document to standard output (or to -o FILE).
 * Exit status: 0; 1 when no period has a revenue figure to plot (the file is
 * written all the same and says so); 2 for bad usage, an unknown company, a
 * dataset that does not load or a file that cannot be written.
 */
#include "cli.h"
#include "svg.h"

#include <ipofacts/ratios.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The size of the document, in CSS pixels. */
#define CHART_WIDTH 960
#define CHART_HEIGHT 600
/* At most this many periods are drawn: the latest ones. */
#define CHART_MAX_PERIODS 6

/* Colours. The revenue bar colour is what the rendering test looks for. */
#define COLOR_BAR "#4c78a8"
#define COLOR_BAR_LIGHT "#dbe5f1"
#define COLOR_WHISKER "#1f2937"
#define COLOR_COMPUTED "#1b7f79"
#define COLOR_REPORTED "#d9822b"
#define COLOR_PARTIAL "#b45309"
#define COLOR_TEXT "#1f2937"
#define COLOR_MUTED "#6b7280"
#define COLOR_GRID "#e5e7eb"
#define COLOR_AXIS "#374151"

static const char font_families[] =
    "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', "
    "'Microsoft YaHei', 'PingFang SC', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

/* One period of the chart. */
typedef struct chart_period {
    const ipofacts_period *period;
    int32_t months;
    const ipofacts_fact *revenue;  /* preferred revenue fact, or NULL */
    int revenue_plotted;           /* revenue is in the chart's currency */
    ipofacts_ratio revenue_value;  /* its value and interval */
    ipofacts_derived *margin;      /* the computed gross margin (owned) */
    const ipofacts_fact *reported; /* preferred reported gross_margin fact, or NULL */
    int reported_plotted;          /* reported is a pure ratio */
    ipofacts_ratio reported_value; /* its value and interval */
} chart_period;

/* A line of the footnote before wrapping. */
typedef struct foot_line {
    char *text;
    int muted;
} foot_line;

typedef struct chart {
    const ipofacts_company *company;
    chart_period *periods;
    size_t count;
    const ipofacts_source **sources; /* the sources cited, in order of first citation */
    size_t nsources, sources_cap;
    foot_line *notes;                /* footnote lines before the sources */
    size_t nnotes, notes_cap;
    char currency[IPOFACTS_RATIO_UNIT_SIZE]; /* the revenue axis's unit; "" when no revenue */
    int scale_exp;                   /* revenue axis in units of 10^scale_exp */
    int nomem;
} chart;

/* A linear axis: [lo, hi] in steps of step, labels with decimals digits. */
typedef struct axis {
    double lo, hi, step;
    int decimals;
    double top, bottom; /* pixel rows of hi and lo */
} axis;

/* ------------------------------------------------------------------ */
/* Numbers                                                             */
/* ------------------------------------------------------------------ */

/* Rounding helpers of our own: the program links the library, not libm. */

static double floor_d(double x)
{
    double d;
    if (!(x > -1e15 && x < 1e15))
        return x;
    d = (double)(long long)x;
    return d > x ? d - 1 : d;
}

static double ceil_d(double x)
{
    return -floor_d(-x);
}

static double abs_d(double x)
{
    return x < 0 ? -x : x;
}

/* A step of 1, 2, 2.5 or 5 times a power of ten that cuts range into about target parts. */
static double nice_step(double range, int target)
{
    double raw = range / target, p = 1, m;
    if (!(raw > 0) || raw > 1e300)
        return 1;
    while (p * 10 <= raw)
        p *= 10;
    while (p > raw)
        p /= 10;
    m = raw / p;
    if (m <= 1)
        return p;
    if (m <= 2)
        return 2 * p;
    if (m <= 2.5)
        return 2.5 * p;
    if (m <= 5)
        return 5 * p;
    return 10 * p;
}

/* Digits after the point that the multiples of step need (0 to 6). */
static int step_decimals(double step)
{
    int d = 0;
    double x = step;
    while (d < 6 && abs_d(x - floor_d(x + 0.5)) > 1e-9 * (x > 1 ? x : 1)) {
        x *= 10;
        d++;
    }
    return d;
}

/* Fits an axis to the data range [dmin, dmax], with about target steps. */
static void axis_fit(axis *a, double dmin, double dmax, int target)
{
    if (!(dmax > dmin)) {
        double pad = abs_d(dmax) > 0 ? abs_d(dmax) / 2 : 1;
        dmin -= pad;
        dmax += pad;
    }
    a->step = nice_step(dmax - dmin, target);
    a->lo = floor_d(dmin / a->step) * a->step;
    a->hi = ceil_d(dmax / a->step) * a->step;
    if (!(a->hi > a->lo))
        a->hi = a->lo + a->step;
    a->decimals = step_decimals(a->step);
}

/* The pixel row of v, clamped to the plot. */
static double axis_y(const axis *a, double v)
{
    double y = a->top + (a->hi - v) / (a->hi - a->lo) * (a->bottom - a->top);
    if (!(y >= a->top))
        return a->top;
    if (y > a->bottom)
        return a->bottom;
    return y;
}

/* A multiple of the axis step, printed with the axis's digits. */
static void tick_label(char *buf, size_t size, const axis *a, double v)
{
    if (abs_d(v) < a->step * 1e-9)
        v = 0;
    if (abs_d(v) >= 1e7)
        snprintf(buf, size, "%.3g", v);
    else
        snprintf(buf, size, "%.*f", a->decimals, v);
}

/* ------------------------------------------------------------------ */
/* Collecting the data                                                 */
/* ------------------------------------------------------------------ */

static int note_add(chart *ch, int muted, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int note_add(chart *ch, int muted, const char *fmt, ...)
{
    va_list ap;
    int n;
    char *text;
    if (ch->nnotes == ch->notes_cap) {
        size_t cap = ch->notes_cap != 0 ? ch->notes_cap * 2 : 8;
        foot_line *p = realloc(ch->notes, cap * sizeof *p);
        if (p == NULL)
            return ch->nomem = 1, -1;
        ch->notes = p;
        ch->notes_cap = cap;
    }
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || (text = malloc((size_t)n + 1)) == NULL)
        return ch->nomem = 1, -1;
    va_start(ap, fmt);
    vsnprintf(text, (size_t)n + 1, fmt, ap);
    va_end(ap);
    ch->notes[ch->nnotes].text = text;
    ch->notes[ch->nnotes].muted = muted;
    ch->nnotes++;
    return 0;
}

/* The 1-based key of a source in the footnote; 0 when it is not cited
 * (chart_collect() cites every fact the chart shows, before drawing). */
static size_t source_key(const chart *ch, const ipofacts_source *s)
{
    size_t i;
    for (i = 0; i < ch->nsources; i++)
        if (ch->sources[i] == s)
            return i + 1;
    return 0;
}

/* Adds a source to the footnote when new. */
static void source_add(chart *ch, const ipofacts_source *s)
{
    if (s == NULL || source_key(ch, s) != 0)
        return;
    if (ch->nsources == ch->sources_cap) {
        size_t cap = ch->sources_cap != 0 ? ch->sources_cap * 2 : 8;
        const ipofacts_source **p = realloc(ch->sources, cap * sizeof *p);
        if (p == NULL) {
            ch->nomem = 1;
            return;
        }
        ch->sources = p;
        ch->sources_cap = cap;
    }
    ch->sources[ch->nsources++] = s;
}

static void cite_fact(chart *ch, const ipofacts_fact *f)
{
    size_t i, n;
    if (f == NULL)
        return;
    n = ipofacts_fact_source_count(f);
    for (i = 0; i < n; i++)
        source_add(ch, ipofacts_fact_source(f, i));
}

/* Chronological order: by end date, then the longer period first. */
static int period_cmp(const void *pa, const void *pb)
{
    const chart_period *a = pa, *b = pb;
    ipofacts_date ea = ipofacts_period_end(a->period), eb = ipofacts_period_end(b->period);
    ipofacts_date sa = ipofacts_period_start(a->period), sb = ipofacts_period_start(b->period);
    int c = ipofacts_date_cmp(&ea, &eb);
    if (c != 0)
        return c;
    c = ipofacts_date_cmp(&sa, &sb);
    if (c != 0)
        return c;
    return strcmp(ipofacts_period_id(a->period), ipofacts_period_id(b->period));
}

/* Notes the longer durations that have revenue or margin figures, which the
 * chart leaves out rather than set beside single years: one footnote line. */
static void note_long_periods(chart *ch)
{
    size_t i, n = ipofacts_company_period_count(ch->company), count = 0;
    svg_buf list;
    svg_init(&list);
    for (i = 0; i < n; i++) {
        const ipofacts_period *p = ipofacts_company_period(ch->company, i);
        const ipofacts_fact *rev = NULL, *gm = NULL;
        char a[CLI_VALUE_SIZE], b[CLI_VALUE_SIZE];
        if (ipofacts_period_is_instant(p) || ipofacts_period_months(p) <= 12)
            continue;
        if (ipofacts_period_fact(p, IPOFACTS_CONCEPT_REVENUE, &rev) != IPOFACTS_OK)
            rev = NULL;
        if (ipofacts_period_fact(p, IPOFACTS_CONCEPT_GROSS_MARGIN, &gm) != IPOFACTS_OK)
            gm = NULL;
        if (rev == NULL && gm == NULL)
            continue;
        svg_printf(&list, "%s%s, %d months (%s%s%s%s%s)", count > 0 ? "; " : "", ipofacts_period_label(p),
                   (int)ipofacts_period_months(p), rev != NULL ? "revenue " : "",
                   rev != NULL ? cli_fact_text(a, rev, 1) : "", rev != NULL && gm != NULL ? ", " : "",
                   gm != NULL ? "gross margin " : "", gm != NULL ? cli_fact_text(b, gm, 0) : "");
        count++;
    }
    if (list.failed)
        ch->nomem = 1;
    else if (count > 0)
        note_add(ch, 1, "Not charted, longer than twelve months: %s.", list.data);
    svg_free(&list);
}

/* Chooses the periods and computes what is drawn. IPOFACTS_OK, or the
 * status of what failed (IPOFACTS_E_NOMEM). */
static ipofacts_status chart_collect(chart *ch)
{
    size_t i, n = ipofacts_company_period_count(ch->company), first = 0;
    const char *company_currency = ipofacts_company_currency(ch->company);
    double maxabs = 0;

    ipofacts_status st;

    ch->periods = calloc(n > 0 ? n : 1, sizeof *ch->periods);
    if (ch->periods == NULL)
        return IPOFACTS_E_NOMEM;
    for (i = 0; i < n; i++) {
        const ipofacts_period *p = ipofacts_company_period(ch->company, i);
        chart_period *cp = &ch->periods[ch->count];
        int32_t months;
        if (ipofacts_period_is_instant(p))
            continue;
        months = ipofacts_period_months(p);
        if (months < 1 || months > 12)
            continue;
        memset(cp, 0, sizeof *cp);
        cp->period = p;
        cp->months = months;
        if (ipofacts_period_fact(p, IPOFACTS_CONCEPT_REVENUE, &cp->revenue) != IPOFACTS_OK)
            cp->revenue = NULL;
        if (ipofacts_period_fact(p, IPOFACTS_CONCEPT_GROSS_MARGIN, &cp->reported) != IPOFACTS_OK)
            cp->reported = NULL;
        if (cp->revenue != NULL || cp->reported != NULL)
            ch->count++;
    }
    qsort(ch->periods, ch->count, sizeof *ch->periods, period_cmp);
    if (ch->count > CHART_MAX_PERIODS) {
        first = ch->count - CHART_MAX_PERIODS;
        note_add(ch, 1, "Not charted: %zu earlier period%s (%s to %s); the chart shows the latest %d.", first,
                 first == 1 ? "" : "s", ipofacts_period_label(ch->periods[0].period),
                 ipofacts_period_label(ch->periods[first - 1].period), CHART_MAX_PERIODS);
        memmove(ch->periods, ch->periods + first, CHART_MAX_PERIODS * sizeof *ch->periods);
        ch->count = CHART_MAX_PERIODS;
    }
    note_long_periods(ch);
    /* The revenue axis's currency: the reporting currency when some revenue
     * is in it, else the first revenue's currency. */
    ch->currency[0] = '\0';
    for (i = 0; i < ch->count; i++) {
        const ipofacts_fact *f = ch->periods[i].revenue;
        const char *unit = f != NULL ? ipofacts_fact_unit(f) : NULL;
        if (unit == NULL || ipofacts_unit_classify(unit) != IPOFACTS_UNIT_CURRENCY ||
            strlen(unit) >= sizeof ch->currency)
            continue;
        if (ch->currency[0] == '\0' || (company_currency != NULL && strcmp(unit, company_currency) == 0))
            strcpy(ch->currency, unit);
    }

    for (i = 0; i < ch->count; i++) {
        chart_period *cp = &ch->periods[i];
        size_t k, nin;
        if (cp->revenue != NULL && strcmp(ipofacts_fact_unit(cp->revenue), ch->currency) == 0 &&
            ipofacts_ratio_input_fact(&cp->revenue_value, cp->revenue) == IPOFACTS_OK &&
            cp->revenue_value.status == IPOFACTS_RATIO_OK) {
            const ipofacts_interval *iv = &cp->revenue_value.interval;
            cp->revenue_plotted = 1;
            if (abs_d(cp->revenue_value.value) > maxabs)
                maxabs = abs_d(cp->revenue_value.value);
            if (!(iv->flags & IPOFACTS_INTERVAL_NO_LO) && abs_d(iv->lo) > maxabs)
                maxabs = abs_d(iv->lo);
            if (!(iv->flags & IPOFACTS_INTERVAL_NO_HI) && abs_d(iv->hi) > maxabs)
                maxabs = abs_d(iv->hi);
        }
        if (cp->reported != NULL && ipofacts_unit_classify(ipofacts_fact_unit(cp->reported)) == IPOFACTS_UNIT_PURE &&
            ipofacts_ratio_input_fact(&cp->reported_value, cp->reported) == IPOFACTS_OK &&
            cp->reported_value.status == IPOFACTS_RATIO_OK)
            cp->reported_plotted = 1;
        st = ipofacts_company_ratio(&cp->margin, ch->company, IPOFACTS_RATIO_KIND_GROSS_MARGIN, cp->period, NULL);
        if (st != IPOFACTS_OK)
            return st;
        /* Sources in the order the chart shows them. */
        cite_fact(ch, cp->revenue);
        /* The inputs of a margin that cannot be computed are named in its
         * tooltip: they are cited too. */
        nin = ipofacts_derived_input_count(cp->margin);
        for (k = 0; k < nin; k++)
            cite_fact(ch, ipofacts_derived_input_fact(cp->margin, k));
        cite_fact(ch, cp->reported);
    }
    {
        /* Name every period that is not a full year. */
        svg_buf list;
        size_t nlisted = 0;
        svg_init(&list);
        for (i = 0; i < ch->count; i++) {
            const chart_period *cp = &ch->periods[i];
            if (cp->months == 12 || !cp->revenue_plotted)
                continue;
            svg_printf(&list, "%s%s: %d month%s", nlisted > 0 ? "; " : "", ipofacts_period_label(cp->period),
                       (int)cp->months, cp->months == 1 ? "" : "s");
            nlisted++;
        }
        if (list.failed)
            ch->nomem = 1;
        else if (nlisted > 0)
            note_add(ch, 1, "Hatched bars cover fewer than twelve months (%s): they are not comparable with "
                            "full years.",
                     list.data);
        svg_free(&list);
    }

    /* Units of the revenue axis: the largest power of 1000 (up to 10^12)
     * below the largest figure. */
    ch->scale_exp = 0;
    while (ch->scale_exp < 12) {
        double next = 1;
        int e;
        for (e = 0; e < ch->scale_exp + 3; e++)
            next *= 10;
        if (maxabs < next)
            break;
        ch->scale_exp += 3;
    }
    return ch->nomem ? IPOFACTS_E_NOMEM : IPOFACTS_OK;
}

static void chart_free(chart *ch)
{
    size_t i;
    if (ch->periods != NULL)
        for (i = 0; i < ch->count; i++)
            ipofacts_derived_free(ch->periods[i].margin);
    free(ch->periods);
    free(ch->sources);
    for (i = 0; i < ch->nnotes; i++)
        free(ch->notes[i].text);
    free(ch->notes);
}

/* ------------------------------------------------------------------ */
/* Text of labels and tooltips                                         */
/* ------------------------------------------------------------------ */

static double pow10_d(int e)
{
    double p = 1;
    for (; e > 0; e--)
        p *= 10;
    for (; e < 0; e++)
        p /= 10;
    return p;
}

static const char *scale_name(int exp)
{
    switch (exp) {
    case 3: return "thousands";
    case 6: return "millions";
    case 9: return "billions";
    case 12: return "trillions";
    default: return NULL;
    }
}

/* A decimal divided by 10^exp, exactly, with thousands separators. */
static const char *scaled_decimal(char *buf, ipofacts_decimal d, int exp)
{
    d = ipofacts_decimal_normalize(&d);
    if (d.coefficient == 0)
        return strcpy(buf, "0");
    if (d.exponent - exp < IPOFACTS_DECIMAL_EXPONENT_MIN) {
        snprintf(buf, CLI_NUMBER_SIZE, "%.6g", ipofacts_decimal_to_double(&d) / pow10_d(exp));
        return buf;
    }
    d.exponent -= exp;
    return cli_decimal_grouped(buf, &d);
}

/* The label of a revenue bar: the figure in the axis's units, exactly, with
 * its qualifier ("30.523", "~191", "≥1.5", "400–550"). */
static const char *revenue_label(char *buf, size_t size, const ipofacts_fact *f, int exp)
{
    char a[CLI_NUMBER_SIZE], b[CLI_NUMBER_SIZE];
    ipofacts_decimal upper;
    const char *prefix = "";
    switch (ipofacts_fact_qualifier(f)) {
    case IPOFACTS_QUALIFIER_APPROXIMATELY: prefix = "~"; break;
    case IPOFACTS_QUALIFIER_AT_LEAST: prefix = "\xE2\x89\xA5"; break;
    case IPOFACTS_QUALIFIER_AT_MOST: prefix = "\xE2\x89\xA4"; break;
    case IPOFACTS_QUALIFIER_RANGE:
        if (ipofacts_fact_upper(&upper, f) == IPOFACTS_OK) {
            snprintf(buf, size, "%s\xE2\x80\x93%s", scaled_decimal(a, ipofacts_fact_value(f), exp),
                     scaled_decimal(b, upper, exp));
            return buf;
        }
        break;
    default: break;
    }
    snprintf(buf, size, "%s%s", prefix, scaled_decimal(a, ipofacts_fact_value(f), exp));
    return buf;
}

/* A short form of a revenue label for a slot too narrow for the exact one:
 * four significant digits, "≈" when that is not the exact figure. */
static const char *revenue_label_short(char *buf, size_t size, const ipofacts_fact *f, int exp)
{
    ipofacts_decimal v = ipofacts_fact_value(f), upper;
    double scale = 1, x;
    char a[32], c[32];
    const char *prefix = "";
    int e;
    for (e = 0; e < exp; e++)
        scale *= 10;
    x = ipofacts_decimal_to_double(&v) / scale;
    snprintf(a, sizeof a, "%.4g", x);
    switch (ipofacts_fact_qualifier(f)) {
    case IPOFACTS_QUALIFIER_APPROXIMATELY: prefix = "~"; break;
    case IPOFACTS_QUALIFIER_AT_LEAST: prefix = "\xE2\x89\xA5"; break;
    case IPOFACTS_QUALIFIER_AT_MOST: prefix = "\xE2\x89\xA4"; break;
    case IPOFACTS_QUALIFIER_RANGE:
        if (ipofacts_fact_upper(&upper, f) == IPOFACTS_OK) {
            snprintf(c, sizeof c, "%.3g", ipofacts_decimal_to_double(&upper) / scale);
            snprintf(buf, size, "\xE2\x89\x88%.3g\xE2\x80\x93%s", x, c);
            return buf;
        }
        break;
    default:
        if (strtod(a, NULL) != x)
            prefix = "\xE2\x89\x88"; /* ≈ */
        break;
    }
    snprintf(buf, size, "%s%s", prefix, a);
    return buf;
}

/* A fraction as a percentage with one decimal ("-24.7%"), for labels. */
static const char *percent_label(char *buf, size_t size, double frac)
{
    double v = frac * 100;
    if (abs_d(v) < 0.05)
        v = 0;
    snprintf(buf, size, "%.1f%%", v);
    return buf;
}

/* A percentage with up to three decimals, trailing zeros dropped ("12.15%"). */
static void percent_text(svg_buf *b, double pct)
{
    char buf[64];
    size_t n;
    snprintf(buf, sizeof buf - 1, "%.3f", pct);
    n = strlen(buf);
    while (n > 0 && buf[n - 1] == '0')
        buf[--n] = '\0';
    if (n > 0 && buf[n - 1] == '.')
        buf[--n] = '\0';
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
    svg_textf(b, "%s%%", buf);
}

/* An interval's bounds as percentages, rounded outward to three decimals so
 * that the printed interval contains the true one. (A bound within 10^-6 of
 * a printed digit is taken as that digit: the product by 10^5 of a bound
 * like 0.1215 is not exact in binary.) */
static void interval_percent_text(svg_buf *b, const ipofacts_interval *iv)
{
    if (iv->flags & IPOFACTS_INTERVAL_NO_LO)
        svg_text(b, "no lower bound");
    else
        percent_text(b, floor_d(iv->lo * 100000 + 1e-6) / 1000);
    svg_text(b, " to ");
    if (iv->flags & IPOFACTS_INTERVAL_NO_HI)
        svg_text(b, "no upper bound");
    else
        percent_text(b, ceil_d(iv->hi * 100000 - 1e-6) / 1000);
}

static void interval_amount_text(svg_buf *b, const ipofacts_interval *iv, const char *unit)
{
    svg_text(b, "[");
    if (iv->flags & IPOFACTS_INTERVAL_NO_LO)
        svg_text(b, "no lower bound");
    else
        svg_textf(b, "%.15g", iv->lo);
    svg_text(b, ", ");
    if (iv->flags & IPOFACTS_INTERVAL_NO_HI)
        svg_text(b, "no upper bound");
    else
        svg_textf(b, "%.15g", iv->hi);
    svg_textf(b, "] %s", unit);
}

/* "[1,3,5]": the footnote keys of a fact's sources. */
static void fact_keys(const chart *ch, char *buf, size_t size, const ipofacts_fact *f)
{
    size_t i, n = f != NULL ? ipofacts_fact_source_count(f) : 0, used = 0;
    buf[0] = '\0';
    for (i = 0; i < n && used + 24 < size; i++) {
        size_t k = source_key(ch, ipofacts_fact_source(f, i));
        if (k != 0)
            used += (size_t)snprintf(buf + used, size - used, "%s%zu", used == 0 ? "[" : ",", k);
    }
    if (used > 0 && used + 2 < size)
        strcat(buf, "]");
}

/* Adds the keys of a fact's sources to a list of keys (no repeats). */
static void add_keys(const chart *ch, size_t *keys, size_t *nkeys, size_t max, const ipofacts_fact *f)
{
    size_t i, j, n = f != NULL ? ipofacts_fact_source_count(f) : 0;
    for (i = 0; i < n; i++) {
        size_t k = source_key(ch, ipofacts_fact_source(f, i));
        if (k == 0)
            continue;
        for (j = 0; j < *nkeys && keys[j] != k; j++)
            ;
        if (j == *nkeys && *nkeys < max)
            keys[(*nkeys)++] = k;
    }
}

static int size_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* The keys of the facts behind a period's gross-margin points. */
static void margin_keys(chart *ch, char *buf, size_t size, const chart_period *cp)
{
    size_t keys[32], nkeys = 0, i, used = 0;
    const ipofacts_ratio *r = ipofacts_derived_ratio(cp->margin);
    if (r != NULL && r->status == IPOFACTS_RATIO_OK)
        for (i = 0; i < ipofacts_derived_input_count(cp->margin); i++)
            add_keys(ch, keys, &nkeys, 32, ipofacts_derived_input_fact(cp->margin, i));
    if (cp->reported_plotted)
        add_keys(ch, keys, &nkeys, 32, cp->reported);
    qsort(keys, nkeys, sizeof keys[0], size_cmp);
    buf[0] = '\0';
    for (i = 0; i < nkeys && used + 24 < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%zu", i == 0 ? "[" : ",", keys[i]);
    if (used > 0 && used + 2 < size)
        strcat(buf, "]");
}

/* The quotes of a fact: "“3052.3 萬美元” [1]; “…” [4]". */
static void fact_quotes(chart *ch, svg_buf *b, const ipofacts_fact *f)
{
    size_t i, n = ipofacts_fact_source_count(f);
    for (i = 0; i < n; i++) {
        const char *q = ipofacts_fact_quote(f, i);
        size_t k = source_key(ch, ipofacts_fact_source(f, i));
        if (i > 0)
            svg_text(b, "; ");
        if (q != NULL && q[0] != '\0')
            svg_textf(b, "\xE2\x80\x9C%s\xE2\x80\x9D ", q);
        if (k != 0)
            svg_textf(b, "[%zu]", k);
    }
}

static void period_dates_text(svg_buf *b, const chart_period *cp)
{
    char s[IPOFACTS_DATE_STRING_SIZE], e[IPOFACTS_DATE_STRING_SIZE];
    ipofacts_date ds = ipofacts_period_start(cp->period), de = ipofacts_period_end(cp->period);
    svg_textf(b, "%s (%s to %s, %d month%s)", ipofacts_period_label(cp->period), cli_date(s, &ds), cli_date(e, &de),
              (int)cp->months, cp->months == 1 ? "" : "s");
}

static void revenue_tooltip(chart *ch, svg_buf *b, const chart_period *cp)
{
    char v[IPOFACTS_DECIMAL_STRING_SIZE], g[CLI_VALUE_SIZE];
    ipofacts_decimal d = ipofacts_fact_value(cp->revenue);
    int32_t dec = ipofacts_fact_decimals(cp->revenue);
    size_t others = cli_fact_report_count(cp->revenue);
    const char *unit = ipofacts_fact_unit(cp->revenue);

    svg_printf(b, "<title>");
    period_dates_text(b, cp);
    svg_textf(b, "\nRevenue: %s %s (%s)", cli_decimal(v, &d), unit, cli_fact_text(g, cp->revenue, 1));
    if (ipofacts_fact_qualifier(cp->revenue) == IPOFACTS_QUALIFIER_RANGE) {
        ipofacts_decimal up;
        if (ipofacts_fact_upper(&up, cp->revenue) == IPOFACTS_OK)
            svg_textf(b, " to %s %s", cli_decimal(v, &up), unit);
    }
    svg_text(b, "\nTrue value within ");
    interval_amount_text(b, &cp->revenue_value.interval, unit);
    if (dec == IPOFACTS_DECIMALS_INF)
        svg_textf(b, " (stated exactly, %s)", ipofacts_qualifier_name(ipofacts_fact_qualifier(cp->revenue)));
    else
        svg_textf(b, " (stated to decimals %d, %s)", (int)dec,
                  ipofacts_qualifier_name(ipofacts_fact_qualifier(cp->revenue)));
    svg_text(b, "\nAs reported: ");
    fact_quotes(ch, b, cp->revenue);
    if (others > 1)
        svg_textf(b, "\n%zu other report%s of this period's revenue (ipofacts report lists them)", others - 1,
                  others == 2 ? "" : "s");
    if (cp->months != 12)
        svg_textf(b, "\n%d months, not a full year: not comparable with twelve-month bars", (int)cp->months);
    svg_printf(b, "</title>");
}

static void computed_tooltip(chart *ch, svg_buf *b, const chart_period *cp)
{
    const ipofacts_ratio *r = ipofacts_derived_ratio(cp->margin);
    size_t i, n = ipofacts_derived_input_count(cp->margin);

    svg_printf(b, "<title>");
    period_dates_text(b, cp);
    if (r->status == IPOFACTS_RATIO_OK) {
        svg_textf(b, "\nGross margin computed by libipofacts: %.4f%%", r->value * 100);
        svg_text(b, "\nWithin ");
        interval_percent_text(b, &r->interval);
        svg_text(b, " given the inputs' precision");
    } else {
        svg_textf(b, "\nGross margin: n/a (%s)", ipofacts_ratio_status_name(r->status));
    }
    svg_textf(b, "\n%s\n%s", ipofacts_derived_formula(cp->margin), ipofacts_derived_arithmetic(cp->margin));
    for (i = 0; i < n; i++) {
        const ipofacts_fact *f = ipofacts_derived_input_fact(cp->margin, i);
        char v[CLI_VALUE_SIZE], k[128];
        if (f == NULL)
            continue;
        fact_keys(ch, k, sizeof k, f);
        svg_textf(b, "\n%s: %s %s", ipofacts_derived_input_role(cp->margin, i), cli_fact_text(v, f, 1), k);
    }
    svg_printf(b, "</title>");
}

static void reported_tooltip(chart *ch, svg_buf *b, const chart_period *cp)
{
    char v[CLI_VALUE_SIZE];
    svg_printf(b, "<title>");
    period_dates_text(b, cp);
    svg_textf(b, "\nGross margin as reported: %s", cli_fact_text(v, cp->reported, 0));
    svg_text(b, "\nTrue value within ");
    interval_percent_text(b, &cp->reported_value.interval);
    svg_text(b, "\nAs reported: ");
    fact_quotes(ch, b, cp->reported);
    svg_printf(b, "</title>");
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */
/* ------------------------------------------------------------------ */

/* A text element; anchor "start", "middle" or "end"; extra attributes raw. */
static void text_at(svg_buf *b, double x, double y, const char *anchor, const char *attrs, const char *s)
{
    svg_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s%s>", x, y, anchor, attrs[0] ? " " : "",
               attrs);
    svg_text(b, s);
    svg_printf(b, "</text>\n");
}

/* A vertical whisker from lo to hi (pixel rows) at x, with caps of half
 * width cap; an open side is drawn to the plot's edge with an arrow. */
static void whisker(svg_buf *b, double x, double ylo, double yhi, int open_lo, int open_hi, double cap,
                    const char *color)
{
    svg_printf(b, "<g class=\"whisker\" stroke=\"%s\" stroke-width=\"1.6\" fill=\"%s\">", color, color);
    svg_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x, ylo, x, yhi);
    if (open_hi)
        svg_printf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" stroke-width=\"1\"/>", x - 4, yhi + 7, x, yhi,
                   x + 4, yhi + 7);
    else
        svg_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x - cap, yhi, x + cap, yhi);
    if (open_lo)
        svg_printf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" stroke-width=\"1\"/>", x - 4, ylo - 7, x, ylo,
                   x + 4, ylo - 7);
    else
        svg_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x - cap, ylo, x + cap, ylo);
    svg_printf(b, "</g>\n");
}

/* The pixel rows of an interval on an axis whose unit is unit (the
 * interval's bounds are divided by it); open sides reach the plot's edges. */
static void interval_rows(const axis *a, const ipofacts_interval *iv, double unit, double *ylo, double *yhi)
{
    *ylo = (iv->flags & IPOFACTS_INTERVAL_NO_LO) ? a->bottom : axis_y(a, iv->lo / unit);
    *yhi = (iv->flags & IPOFACTS_INTERVAL_NO_HI) ? a->top : axis_y(a, iv->hi / unit);
}

/* Grid lines, tick labels and the axis title of a plot from x0 to x1. */
static void draw_axis(svg_buf *b, const axis *a, double x0, double x1, const char *suffix, const char *title,
                      double title_x, int ticks)
{
    long long k, k0, k1;
    char label[64];
    k0 = (long long)floor_d(a->lo / a->step + 0.5);
    k1 = (long long)floor_d(a->hi / a->step + 0.5);
    if (ticks && k1 - k0 <= 40) {
        for (k = k0; k <= k1; k++) {
            double v = (double)k * a->step, y = axis_y(a, v);
            if (k != 0)
                svg_printf(b, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>\n",
                           x0, y, x1, y, COLOR_GRID);
            tick_label(label, sizeof label - 4, a, v);
            strcat(label, suffix);
            text_at(b, x0 - 8, y + 4, "end", "font-size=\"11\" fill=\"" COLOR_MUTED "\"", label);
        }
    }
    svg_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>\n", x0, a->top, x0,
               a->bottom, COLOR_AXIS);
    if (ticks && a->lo <= 0 && a->hi >= 0) {
        double y = axis_y(a, 0);
        svg_printf(b, "<line class=\"zero\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                      "stroke-width=\"1.4\"/>\n",
                   x0, y, x1, y, COLOR_AXIS);
    }
    svg_printf(b, "<text class=\"axis-title\" transform=\"translate(%.1f %.1f) rotate(-90)\" text-anchor=\"middle\" "
                  "font-size=\"13\" fill=\"%s\">",
               title_x, (a->top + a->bottom) / 2, COLOR_TEXT);
    svg_text(b, title);
    svg_printf(b, "</text>\n");
}

/* The largest font size, up to max, at which text fits in width pixels. */
static double fit_size(const char *text, double width, double max, double min, double boldness)
{
    double size = max;
    while (size > min && svg_text_width(text, strlen(text), size) * boldness > width)
        size -= 0.5;
    return size;
}

/* The labels under a plot's slots: period, length, source keys. In narrow
 * slots the text gets smaller, the length is abbreviated ("9 mo") and the
 * source keys, which the tooltips also give, are left out when they do not
 * fit. */
static void draw_period_labels(chart *ch, svg_buf *b, double x0, double slot, double y, int margin_panel)
{
    size_t i;
    for (i = 0; i < ch->count; i++) {
        const chart_period *cp = &ch->periods[i];
        const char *label = ipofacts_period_label(cp->period);
        double x = x0 + slot * ((double)i + 0.5), room = slot - 2, size;
        char len[32], keys[128], attrs[160];
        snprintf(len, sizeof len, "%d month%s", (int)cp->months, cp->months == 1 ? "" : "s");
        if (svg_text_width(len, strlen(len), 11) > room)
            snprintf(len, sizeof len, "%d mo", (int)cp->months);
        svg_printf(b, "<g class=\"period-label\">");
        size = fit_size(label, room, 13, 8, 1.08);
        snprintf(attrs, sizeof attrs, "font-size=\"%.1f\" font-weight=\"bold\" fill=\"%s\"", size, COLOR_TEXT);
        text_at(b, x, y + 17, "middle", attrs, label);
        size = fit_size(len, room, 11, 8, cp->months == 12 ? 1.0 : 1.08);
        if (cp->months == 12)
            snprintf(attrs, sizeof attrs, "font-size=\"%.1f\" fill=\"%s\"", size, COLOR_MUTED);
        else
            snprintf(attrs, sizeof attrs,
                     "class=\"partial-label\" font-size=\"%.1f\" font-weight=\"bold\" fill=\"%s\"", size,
                     COLOR_PARTIAL);
        text_at(b, x, y + 32, "middle", attrs, len);
        if (margin_panel)
            margin_keys(ch, keys, sizeof keys, cp);
        else
            fact_keys(ch, keys, sizeof keys, cp->revenue_plotted ? cp->revenue : NULL);
        if (keys[0] != '\0' && svg_text_width(keys, strlen(keys), 10.5) <= room)
            text_at(b, x, y + 46, "middle", "class=\"source-keys\" font-size=\"10.5\" fill=\"" COLOR_MUTED "\"",
                    keys);
        svg_printf(b, "</g>\n");
    }
}

/* Whether two lines of note text fit side by side in width pixels. */
static int note_fits(double width, const char *line1, const char *line2)
{
    double w1 = svg_text_width(line1, strlen(line1), 11);
    double w2 = line2 != NULL ? svg_text_width(line2, strlen(line2), 11) : 0;
    return (w1 > w2 ? w1 : w2) <= width - 6;
}

/* Muted text centred at x, y: two lines when they fit in width pixels,
 * else one line turned upright, which fits any slot. */
static void note_at(svg_buf *b, double x, double y, double width, const char *cls, const char *line1,
                    const char *line2)
{
    if (note_fits(width, line1, line2)) {
        svg_printf(b, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" "
                      "font-style=\"italic\" fill=\"%s\">",
                   cls, x, y, COLOR_MUTED);
        svg_text(b, line1);
        if (line2 != NULL) {
            svg_printf(b, "<tspan x=\"%.1f\" dy=\"14\">", x);
            svg_text(b, line2);
            svg_printf(b, "</tspan>");
        }
    } else {
        svg_printf(b, "<text class=\"%s\" transform=\"translate(%.1f %.1f) rotate(-90)\" text-anchor=\"middle\" "
                      "font-size=\"11\" font-style=\"italic\" fill=\"%s\">",
                   cls, x + 4, y, COLOR_MUTED);
        svg_text(b, line1);
        if (line2 != NULL) {
            svg_text(b, " ");
            svg_text(b, line2);
        }
    }
    svg_printf(b, "</text>\n");
}

/* Panel geometry. */
#define REV_X0 84.0
#define REV_X1 452.0
#define GM_X0 574.0
#define GM_X1 940.0
#define PLOT_TOP 132.0
#define FOOT_LINE 14.5
#define FOOT_FONT 11.0
#define FOOT_X 16.0
#define FOOT_WIDTH (CHART_WIDTH - 2 * FOOT_X)
#define FOOT_INDENT 20.0

static void draw_revenue(chart *ch, svg_buf *b, double bottom)
{
    axis a;
    double dmin = 0, dmax = 0, scale = pow10_d(ch->scale_exp), slot, barw, cap;
    char title[96], label[CLI_VALUE_SIZE];
    const char *sname = scale_name(ch->scale_exp);
    size_t i;
    int any = 0;

    for (i = 0; i < ch->count; i++) {
        const chart_period *cp = &ch->periods[i];
        const ipofacts_interval *iv = &cp->revenue_value.interval;
        double v;
        if (!cp->revenue_plotted)
            continue;
        any = 1;
        v = cp->revenue_value.value / scale;
        /* Room above the figures for their labels. */
        if (v * 1.1 > dmax)
            dmax = v * 1.1;
        if (v < dmin)
            dmin = v * 1.15;
        if (!(iv->flags & IPOFACTS_INTERVAL_NO_HI) && iv->hi / scale > dmax)
            dmax = iv->hi / scale;
        if (!(iv->flags & IPOFACTS_INTERVAL_NO_LO) && iv->lo / scale < dmin)
            dmin = iv->lo / scale;
    }
    if (!any)
        dmax = 1;
    axis_fit(&a, dmin, dmax, 5);
    a.top = PLOT_TOP;
    a.bottom = bottom;

    if (ch->currency[0] == '\0')
        snprintf(title, sizeof title, "Revenue");
    else if (sname == NULL)
        snprintf(title, sizeof title, "Revenue (%s)", ch->currency);
    else
        snprintf(title, sizeof title, "Revenue (%s %s)", ch->currency, sname);
    svg_printf(b, "<g class=\"panel revenue\">\n");
    text_at(b, FOOT_X, 94, "start", "font-size=\"15\" font-weight=\"bold\" fill=\"" COLOR_TEXT "\"", "Revenue");
    /* Legend. */
    svg_printf(b, "<g class=\"legend\" font-size=\"11\" fill=\"%s\">", COLOR_TEXT);
    svg_printf(b, "<rect x=\"%.1f\" y=\"104\" width=\"12\" height=\"12\" fill=\"%s\"/>", FOOT_X, COLOR_BAR);
    text_at(b, FOOT_X + 17, 114, "start", "", "12 months");
    svg_printf(b, "<rect x=\"%.1f\" y=\"104\" width=\"12\" height=\"12\" fill=\"url(#partial)\" stroke=\"%s\"/>",
               FOOT_X + 84, COLOR_BAR);
    text_at(b, FOOT_X + 101, 114, "start", "", "shorter period");
    whisker(b, FOOT_X + 196, 116, 104, 0, 0, 5, COLOR_WHISKER);
    text_at(b, FOOT_X + 206, 114, "start", "", "interval of true values");
    svg_printf(b, "</g>\n");
    draw_axis(b, &a, REV_X0, REV_X1, "", title, REV_X0 - 62, any);
    if (!any)
        svg_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>\n", REV_X0, a.bottom,
                   REV_X1, a.bottom, COLOR_AXIS);

    slot = (REV_X1 - REV_X0) / (double)(ch->count > 0 ? ch->count : 1);
    barw = slot * 0.56 < 84 ? slot * 0.56 : 84;
    cap = barw * 0.2 > 6 ? barw * 0.2 : 6;
    for (i = 0; i < ch->count; i++) {
        const chart_period *cp = &ch->periods[i];
        double x = REV_X0 + slot * ((double)i + 0.5), y0 = axis_y(&a, 0), yv, ylo, yhi, ly, room, size;
        char attrs[160];
        const ipofacts_interval *iv = &cp->revenue_value.interval;
        int partial = cp->months != 12;
        if (!cp->revenue_plotted) {
            if (cp->revenue != NULL) {
                char other[64];
                snprintf(other, sizeof other, "revenue in %s,", ipofacts_fact_unit(cp->revenue));
                note_at(b, x, (a.top + a.bottom) / 2, slot, "revenue-na", other, "not on this axis");
            } else {
                note_at(b, x, (a.top + a.bottom) / 2, slot, "revenue-na", "no revenue", "reported");
            }
            continue;
        }
        yv = axis_y(&a, cp->revenue_value.value / scale);
        interval_rows(&a, iv, scale, &ylo, &yhi);
        svg_printf(b, "<g class=\"revenue-point\" data-period=\"");
        svg_text(b, ipofacts_period_label(cp->period));
        svg_printf(b, "\" data-months=\"%d\">", (int)cp->months);
        revenue_tooltip(ch, b, cp);
        svg_printf(b, "\n<rect class=\"revenue-bar%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                      "fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>\n",
                   partial ? " partial" : "", x - barw / 2, yv < y0 ? yv : y0, barw,
                   abs_d(y0 - yv) > 0.5 ? abs_d(y0 - yv) : 0.5, partial ? "url(#partial)" : COLOR_BAR, COLOR_BAR,
                   partial ? "1.5" : "0");
        whisker(b, x, ylo, yhi, (iv->flags & IPOFACTS_INTERVAL_NO_LO) != 0, (iv->flags & IPOFACTS_INTERVAL_NO_HI) != 0,
                cap, COLOR_WHISKER);
        /* The exact figure, smaller in a narrow slot, or its short form. */
        room = (iv->flags & IPOFACTS_INTERVAL_NO_HI) ? slot / 2 - 9 : slot - 4;
        revenue_label(label, sizeof label, cp->revenue, ch->scale_exp);
        size = fit_size(label, room, 12, 9, 1.08);
        if (svg_text_width(label, strlen(label), size) * 1.08 > room) {
            revenue_label_short(label, sizeof label, cp->revenue, ch->scale_exp);
            size = fit_size(label, room, 12, 8, 1.08);
        }
        snprintf(attrs, sizeof attrs, "class=\"value-label\" font-size=\"%.1f\" font-weight=\"bold\" fill=\"%s\"",
                 size, COLOR_TEXT);
        if (cp->revenue_value.value >= 0) {
            ly = (yhi < yv ? yhi : yv) - 7;
            if (iv->flags & IPOFACTS_INTERVAL_NO_HI)
                text_at(b, x + 7, yv - 6, "start", attrs, label);
            else
                text_at(b, x, ly, "middle", attrs, label);
        } else {
            ly = (ylo > yv ? ylo : yv) + 16;
            text_at(b, x, ly, "middle", attrs, label);
        }
        svg_printf(b, "</g>\n");
    }
    if (!any)
        note_at(b, (REV_X0 + REV_X1) / 2, (a.top + a.bottom) / 2 - 20, REV_X1 - REV_X0, "no-revenue",
                "No revenue reported for any period of up to twelve months", NULL);
    draw_period_labels(ch, b, REV_X0, slot, bottom, 0);
    svg_printf(b, "</g>\n");
}

static void draw_margin(chart *ch, svg_buf *b, double bottom)
{
    axis a;
    double dmin = 0, dmax = 0, slot;
    size_t i;
    int any = 0;
    char label[64];

    /* The data range in percent, both kinds of points. */
    for (i = 0; i < ch->count; i++) {
        const chart_period *cp = &ch->periods[i];
        const ipofacts_ratio *rs[2];
        size_t k;
        rs[0] = ipofacts_derived_ratio(cp->margin);
        rs[1] = cp->reported_plotted ? &cp->reported_value : NULL;
        for (k = 0; k < 2; k++) {
            const ipofacts_ratio *r = rs[k];
            if (r == NULL || r->status != IPOFACTS_RATIO_OK)
                continue;
            any = 1;
            if (r->value * 100 > dmax)
                dmax = r->value * 100;
            if (r->value * 100 < dmin)
                dmin = r->value * 100;
            if (!(r->interval.flags & IPOFACTS_INTERVAL_NO_HI) && r->interval.hi * 100 > dmax)
                dmax = r->interval.hi * 100;
            if (!(r->interval.flags & IPOFACTS_INTERVAL_NO_LO) && r->interval.lo * 100 < dmin)
                dmin = r->interval.lo * 100;
        }
    }
    if (!any) {
        dmin = 0;
        dmax = 50;
    } else {
        /* Room above and below the points for their labels. */
        double pad = (dmax - dmin) * 0.14;
        if (pad < 2)
            pad = 2;
        dmax += pad;
        if (dmin < 0)
            dmin -= pad;
    }
    axis_fit(&a, dmin, dmax, 6);
    a.top = PLOT_TOP;
    a.bottom = bottom;

    svg_printf(b, "<g class=\"panel margin\">\n");
    text_at(b, GM_X0 - 56, 94, "start", "font-size=\"15\" font-weight=\"bold\" fill=\"" COLOR_TEXT "\"",
            "Gross margin");
    svg_printf(b, "<g class=\"legend\" font-size=\"11\" fill=\"%s\">", COLOR_TEXT);
    svg_printf(b, "<circle cx=\"%.1f\" cy=\"110\" r=\"5\" fill=\"%s\"/>", GM_X0 - 50, COLOR_COMPUTED);
    text_at(b, GM_X0 - 41, 114, "start", "", "computed by libipofacts");
    svg_printf(b, "<path d=\"M%.1f 104L%.1f 110L%.1f 116L%.1f 110Z\" fill=\"#ffffff\" stroke=\"%s\" "
                  "stroke-width=\"2\"/>",
               GM_X0 + 100, GM_X0 + 106, GM_X0 + 100, GM_X0 + 94, COLOR_REPORTED);
    text_at(b, GM_X0 + 111, 114, "start", "", "as reported");
    svg_printf(b, "</g>\n");
    draw_axis(b, &a, GM_X0, GM_X1, "%", "Gross margin (%)", GM_X0 - 48, any);
    if (!any)
        svg_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>\n", GM_X0, a.bottom,
                   GM_X1, a.bottom, COLOR_AXIS);
    if (ch->count == 0)
        note_at(b, (GM_X0 + GM_X1) / 2, (a.top + a.bottom) / 2 - 20, GM_X1 - GM_X0, "no-margin",
                "No gross margin to show", NULL);

    slot = (GM_X1 - GM_X0) / (double)(ch->count > 0 ? ch->count : 1);
    for (i = 0; i < ch->count; i++) {
        const chart_period *cp = &ch->periods[i];
        const ipofacts_ratio *r = ipofacts_derived_ratio(cp->margin);
        double x = GM_X0 + slot * ((double)i + 0.5), off = cp->reported_plotted ? 9 : 0, ylo, yhi, y, ly;
        if (r->status == IPOFACTS_RATIO_OK) {
            double cx = x - off;
            interval_rows(&a, &r->interval, 0.01, &ylo, &yhi);
            y = axis_y(&a, r->value * 100);
            svg_printf(b, "<g class=\"margin-computed\" data-period=\"");
            svg_text(b, ipofacts_period_label(cp->period));
            svg_printf(b, "\">");
            computed_tooltip(ch, b, cp);
            whisker(b, cx, ylo, yhi, (r->interval.flags & IPOFACTS_INTERVAL_NO_LO) != 0,
                    (r->interval.flags & IPOFACTS_INTERVAL_NO_HI) != 0, 6, COLOR_COMPUTED);
            svg_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"/>\n", cx, y, COLOR_COMPUTED);
            percent_label(label, sizeof label, r->value);
            ly = (yhi < y - 6 ? yhi : y - 6) - 6;
            if (ly < a.top + 10) /* no room above: below the point */
                ly = (ylo > y + 6 ? ylo : y + 6) + 14;
            text_at(b, cx, ly, "middle",
                    "class=\"value-label\" font-size=\"11.5\" font-weight=\"bold\" fill=\"" COLOR_COMPUTED "\"", label);
            svg_printf(b, "</g>\n");
        } else {
            char status[64];
            snprintf(status, sizeof status, "n/a (%s)", ipofacts_ratio_status_name(r->status));
            svg_printf(b, "<g class=\"margin-na\">");
            computed_tooltip(ch, b, cp);
            /* Beside the reported point, not over it: above the plot's
             * data, or upright to its left. */
            if (!cp->reported_plotted)
                note_at(b, x, (a.top + a.bottom) / 2, slot, "margin-na-text", "computed:", status);
            else if (note_fits(slot, "computed:", status))
                note_at(b, x, a.top + 14, slot, "margin-na-text", "computed:", status);
            else
                note_at(b, x - 12, (a.top + a.bottom) / 2, 0, "margin-na-text", "computed:", status);
            svg_printf(b, "</g>\n");
        }
        if (cp->reported_plotted) {
            const ipofacts_interval *iv = &cp->reported_value.interval;
            double rx = x + off;
            char text[CLI_VALUE_SIZE];
            interval_rows(&a, iv, 0.01, &ylo, &yhi);
            y = axis_y(&a, cp->reported_value.value * 100);
            svg_printf(b, "<g class=\"margin-reported\" data-period=\"");
            svg_text(b, ipofacts_period_label(cp->period));
            svg_printf(b, "\">");
            reported_tooltip(ch, b, cp);
            whisker(b, rx, ylo, yhi, (iv->flags & IPOFACTS_INTERVAL_NO_LO) != 0,
                    (iv->flags & IPOFACTS_INTERVAL_NO_HI) != 0, 6, COLOR_REPORTED);
            svg_printf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"#ffffff\" stroke=\"%s\" "
                          "stroke-width=\"2\"/>\n",
                       rx, y - 6, rx + 6, y, rx, y + 6, rx - 6, y, COLOR_REPORTED);
            ly = (ylo > y + 6 ? ylo : y + 6) + 15;
            if (ly > a.bottom - 4) /* no room below: above the point */
                ly = (yhi < y - 6 ? yhi : y - 6) - 6;
            text_at(b, rx, ly, "start",
                    "class=\"value-label\" font-size=\"11.5\" font-weight=\"bold\" fill=\"" COLOR_REPORTED "\"",
                    cli_fact_text(text, cp->reported, 0));
            svg_printf(b, "</g>\n");
        }
    }
    draw_period_labels(ch, b, GM_X0, slot, bottom, 1);
    svg_printf(b, "</g>\n");
}

/* ------------------------------------------------------------------ */
/* Footnote                                                            */
/* ------------------------------------------------------------------ */

/* The footnote line of a source: "[1] publisher, "title", date, document". */
static char *source_line(const ipofacts_source *s, size_t key)
{
    const char *parts[4];
    char date[IPOFACTS_DATE_STRING_SIZE];
    ipofacts_date d = ipofacts_source_date(s);
    size_t i, len = 32, np = 0;
    char *line;

    parts[np++] = ipofacts_source_publisher(s);
    parts[np++] = ipofacts_source_title(s);
    parts[np++] = cli_date(date, &d);
    parts[np++] = ipofacts_source_document(s);
    for (i = 0; i < np; i++)
        len += (parts[i] != NULL ? strlen(parts[i]) : 0) + 4;
    len += strlen(ipofacts_source_id(s));
    line = malloc(len);
    if (line == NULL)
        return NULL;
    snprintf(line, len, "[%zu]", key);
    for (i = 0; i < np; i++) {
        if (parts[i] == NULL || parts[i][0] == '\0')
            continue;
        strcat(line, line[strlen(line) - 1] == ']' ? " " : ", ");
        if (i == 1)
            strcat(line, "\"");
        strcat(line, parts[i]);
        if (i == 1)
            strcat(line, "\"");
    }
    if (line[strlen(line) - 1] == ']') {
        strcat(line, " ");
        strcat(line, ipofacts_source_id(s));
    }
    return line;
}

/* Number of display lines a footnote line wraps to. */
static size_t wrapped_lines(const char *text)
{
    size_t n = 0, off = 0, next, len = strlen(text);
    double width = FOOT_WIDTH;
    while (off < len) {
        svg_wrap(text + off, FOOT_FONT, width, &next);
        if (next == 0)
            break;
        off += next;
        n++;
        width = FOOT_WIDTH - FOOT_INDENT;
    }
    return n > 0 ? n : 1;
}

/* Draws a footnote line, wrapped, on at most *left display lines; text that
 * does not fit ends with an ellipsis. */
static void draw_foot_line(svg_buf *b, const char *text, double *y, int muted, const char *cls, size_t *left)
{
    static const char ellipsis[] = "\xE2\x80\xA6";
    size_t off = 0, next, len = strlen(text), n;
    double width = FOOT_WIDTH, x = FOOT_X;
    while (off < len && *left > 0) {
        int cut = 0;
        n = svg_wrap(text + off, FOOT_FONT, width, &next);
        if (*left == 1 && off + next < len) {
            n = svg_wrap(text + off, FOOT_FONT, width - 2 * FOOT_FONT, &next);
            cut = 1;
        }
        svg_printf(b, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\" fill=\"%s\">", cls, x, *y,
                   FOOT_FONT, muted ? COLOR_MUTED : COLOR_TEXT);
        svg_text_n(b, text + off, n);
        if (cut)
            svg_text(b, ellipsis);
        svg_printf(b, "</text>\n");
        *y += FOOT_LINE;
        *left -= 1;
        if (next == 0 || cut)
            break;
        off += next;
        width = FOOT_WIDTH - FOOT_INDENT;
        x = FOOT_X + FOOT_INDENT;
    }
}

/* The sources the footnote has no room for, by id: "Also cited, by
 * source id: [7] s7, [8] s8." NULL when out of memory. */
static char *more_sources(const chart *ch, size_t shown)
{
    static const char head[] = "No room for sources %zu-%zu; their ids in the dataset:";
    size_t i, len = sizeof head + 48;
    char *text;
    for (i = shown; i < ch->nsources; i++)
        len += strlen(ipofacts_source_id(ch->sources[i])) + 32;
    text = malloc(len);
    if (text == NULL)
        return NULL;
    snprintf(text, len, head, shown + 1, ch->nsources);
    for (i = shown; i < ch->nsources; i++) {
        size_t used = strlen(text);
        snprintf(text + used, len - used, " [%zu] %s%s", i + 1, ipofacts_source_id(ch->sources[i]),
                 i + 1 < ch->nsources ? "," : ".");
    }
    return text;
}

/* ------------------------------------------------------------------ */
/* The document                                                        */
/* ------------------------------------------------------------------ */

static void chart_title(chart *ch, char *buf, size_t size)
{
    const char *en = ipofacts_company_name(ch->company, "en");
    const char *zh = ipofacts_company_name(ch->company, "zh-Hans");
    if (zh == NULL)
        zh = ipofacts_company_name(ch->company, "zh-Hant");
    if (en == NULL)
        en = ipofacts_company_name(ch->company, NULL);
    if (en == NULL)
        en = ipofacts_company_id(ch->company);
    if (zh != NULL && strcmp(zh, en) != 0)
        snprintf(buf, size, "%s %s", en, zh);
    else
        snprintf(buf, size, "%s", en);
}

/* Builds the whole document. */
static void chart_render(chart *ch, svg_buf *b)
{
    char title[512], listing[128] = "";
    const char *exchange = ipofacts_company_exchange(ch->company), *ticker = ipofacts_company_ticker(ch->company);
    char **srclines = NULL;
    char *more = NULL;
    size_t i, budget, used = 0, shown, base;
    double title_size = 22, bottom, y;

    chart_title(ch, title, sizeof title);
    if (exchange != NULL && ticker != NULL)
        snprintf(listing, sizeof listing, "%s:%s", exchange, ticker);
    else if (ticker != NULL)
        snprintf(listing, sizeof listing, "%s", ticker);

    /* The footnote: notes, then the sources, cut to fit the page. */
    srclines = calloc(ch->nsources > 0 ? ch->nsources : 1, sizeof *srclines);
    if (srclines == NULL) {
        b->failed = 1;
        return;
    }
    for (i = 0; i < ch->nsources; i++) {
        srclines[i] = source_line(ch->sources[i], i + 1);
        if (srclines[i] == NULL)
            b->failed = 1;
    }
    /* Lines the page has room for below a plot at least 190 pixels high:
     * the notes, the "Sources:" heading, as many sources in full as fit,
     * and the ids of the others. */
    budget = (size_t)((CHART_HEIGHT - PLOT_TOP - 190 - 64 - 10) / FOOT_LINE);
    base = 1;
    for (i = 0; i < ch->nnotes; i++)
        base += wrapped_lines(ch->notes[i].text);
    shown = ch->nsources;
    for (;;) {
        used = base;
        for (i = 0; i < shown; i++)
            used += srclines[i] != NULL ? wrapped_lines(srclines[i]) : 1;
        free(more);
        more = shown < ch->nsources ? more_sources(ch, shown) : NULL;
        if (more != NULL)
            used += wrapped_lines(more);
        else if (shown < ch->nsources)
            b->failed = 1;
        if (used <= budget || shown == 0)
            break;
        shown--;
    }
    if (used > budget)
        used = budget;
    bottom = CHART_HEIGHT - 10 - (double)used * FOOT_LINE - 64;

    svg_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%d\" "
                  "viewBox=\"0 0 %d %d\" font-family=\"%s\" role=\"img\" aria-labelledby=\"chart-title\">\n",
               CHART_WIDTH, CHART_HEIGHT, CHART_WIDTH, CHART_HEIGHT, font_families);
    svg_printf(b, "<title id=\"chart-title\">");
    svg_textf(b, "%s%s%s%s: revenue and gross margin by period", title, listing[0] ? " (" : "", listing,
              listing[0] ? ")" : "");
    svg_printf(b, "</title>\n<desc>");
    svg_text(b, "Bars: the preferred revenue figure of each period of up to twelve months; whiskers: the interval "
                "of true values the stated precision allows. Gross margin: computed by libipofacts (dots) and as "
                "reported (diamonds), with intervals. Made by ipofacts chart.");
    svg_printf(b, "</desc>\n");
    svg_printf(b, "<defs><pattern id=\"partial\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\" "
                  "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"%s\"/>"
                  "<rect width=\"3.5\" height=\"8\" fill=\"%s\"/></pattern></defs>\n",
               COLOR_BAR_LIGHT, COLOR_BAR);
    svg_printf(b, "<rect class=\"background\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", CHART_WIDTH,
               CHART_HEIGHT);

    /* Title: names, listing; the font shrinks for a long name. */
    while (title_size > 14 && svg_text_width(title, strlen(title), title_size) +
                                      svg_text_width(listing, strlen(listing), title_size * 0.7) + 30 >
                                  CHART_WIDTH - 2 * FOOT_X)
        title_size -= 1;
    svg_printf(b, "<text class=\"chart-title\" x=\"%.1f\" y=\"38\" font-size=\"%.0f\" font-weight=\"bold\" "
                  "fill=\"%s\">",
               FOOT_X, title_size, COLOR_TEXT);
    svg_text(b, title);
    if (listing[0] != '\0') {
        svg_printf(b, "<tspan class=\"listing\" dx=\"12\" font-size=\"%.0f\" font-weight=\"normal\" fill=\"%s\">",
                   title_size * 0.7, COLOR_MUTED);
        svg_text(b, listing);
        svg_printf(b, "</tspan>");
    }
    svg_printf(b, "</text>\n");
    text_at(b, FOOT_X, 60, "start", "class=\"subtitle\" font-size=\"13\" fill=\"" COLOR_MUTED "\"",
            "Revenue and gross margin by period, with the interval of true values each figure allows. "
            "Hover for exact figures.");

    draw_revenue(ch, b, bottom);
    draw_margin(ch, b, bottom);

    /* Footnote. */
    y = bottom + 64 + FOOT_LINE - 4;
    svg_printf(b, "<g class=\"footnote\">\n");
    for (i = 0; i < ch->nnotes; i++)
        draw_foot_line(b, ch->notes[i].text, &y, ch->notes[i].muted, "note", &used);
    if (ch->nsources == 0)
        draw_foot_line(b, "Sources: none (no figure is plotted).", &y, 0, "sources-heading", &used);
    else
        draw_foot_line(b, "Sources:", &y, 0, "sources-heading", &used);
    for (i = 0; i < shown; i++)
        if (srclines[i] != NULL)
            draw_foot_line(b, srclines[i], &y, 0, "source", &used);
    if (more != NULL)
        draw_foot_line(b, more, &y, 1, "source", &used);
    free(more);
    svg_printf(b, "</g>\n</svg>\n");
    for (i = 0; i < ch->nsources; i++)
        free(srclines[i]);
    free(srclines);
}

/* ------------------------------------------------------------------ */
/* The command                                                         */
/* ------------------------------------------------------------------ */

int cli_cmd_chart(cli_context *ctx, int argc, char **argv)
{
    const char *company_key = NULL, *svg_path = NULL;
    int i, options = 1, status = CLI_EXIT_OK, plotted = 0;
    ipofacts_dataset *ds;
    ipofacts_status st;
    chart ch;
    svg_buf b;

    for (i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (options && strcmp(arg, "--") == 0) {
            options = 0;
            continue;
        }
        if (options && strncmp(arg, "--svg=", 6) == 0) {
            svg_path = arg + 6;
            continue;
        }
        if (options && strcmp(arg, "--svg") == 0) {
            if (i + 1 >= argc)
                return cli_usage_error(ctx, "option --svg needs a file name");
            svg_path = argv[++i];
            continue;
        }
        if (options && cli_is_option(arg))
            return cli_usage_error(ctx, "unknown option \"%s\"", arg);
        if (company_key != NULL)
            return cli_usage_error(ctx, "unexpected argument \"%s\": chart takes one COMPANY", arg);
        company_key = arg;
    }
    if (company_key == NULL)
        return cli_usage_error(ctx, "no COMPANY given (usage: ipofacts chart COMPANY --svg FILE)");
    if (svg_path == NULL)
        return cli_usage_error(ctx, "no --svg FILE given (usage: ipofacts chart COMPANY --svg FILE)");
    if (svg_path[0] == '\0')
        return cli_usage_error(ctx, "--svg needs a file name");
    if (ctx->format != CLI_FORMAT_DEFAULT)
        return cli_usage_error(ctx, "--format does not apply: chart writes SVG");
    if (ctx->output_path != NULL && strcmp(ctx->output_path, "-") != 0 && strcmp(svg_path, "-") != 0)
        return cli_usage_error(ctx, "both -o and --svg name a file: use --svg FILE, or -o FILE with --svg -");

    ds = cli_open_dataset(ctx);
    if (ds == NULL)
        return CLI_EXIT_USAGE;
    memset(&ch, 0, sizeof ch);
    ch.company = cli_find_company(ctx, ds, company_key);
    if (ch.company == NULL) {
        ipofacts_dataset_free(ds);
        return CLI_EXIT_USAGE;
    }
    svg_init(&b);
    st = chart_collect(&ch);
    if (st != IPOFACTS_OK) {
        cli_error(ctx, "chart: cannot compute the chart of %s: %s", ipofacts_company_id(ch.company),
                  ipofacts_status_str(st));
        status = CLI_EXIT_FINDINGS;
        goto done;
    }
    for (i = 0; (size_t)i < ch.count; i++)
        plotted |= ch.periods[i].revenue_plotted;
    chart_render(&ch, &b);
    if (b.failed || ch.nomem) {
        cli_error(ctx, "chart: out of memory");
        status = CLI_EXIT_FINDINGS;
        goto done;
    }
    if (strcmp(svg_path, "-") == 0) {
        if (fwrite(b.data, 1, b.len, ctx->out) != b.len) {
            cli_error(ctx, "cannot write the chart to the output: %s", strerror(errno));
            status = CLI_EXIT_USAGE;
            goto done;
        }
    } else if (svg_write_file(&b, svg_path) != 0) {
        cli_error(ctx, "%s: cannot write the chart: %s", svg_path, strerror(errno));
        status = CLI_EXIT_USAGE;
        goto done;
    }
    if (!plotted) {
        cli_error(ctx, "chart: %s has no revenue for any period of up to twelve months; the chart says so",
                  ipofacts_company_id(ch.company));
        status = CLI_EXIT_FINDINGS;
    }

done:
    svg_free(&b);
    chart_free(&ch);
    ipofacts_dataset_free(ds);
    return status;
}
