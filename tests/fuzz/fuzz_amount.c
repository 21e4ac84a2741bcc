/*
 * Fuzz target: the amount parser and the scanner. Properties checked besides
 * "no crash, no leak":
 * - a parsed amount printed back as text ("30523000 USD", "23.3%", "1837倍",
 *   with its qualifier word) parses again to the same value, unit and
 *   qualifier;
 * - a failed parse says why, with an offset inside the input;
 * - every scanned amount has a span inside the input, spans come in order,
 *   and conversion links point at amounts of the same scan.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ipofacts/ipofacts.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *qualifier_word(ipofacts_qualifier q)
{
    switch (q) {
    case IPOFACTS_QUALIFIER_EXACT: return "";
    case IPOFACTS_QUALIFIER_APPROXIMATELY: return "约";
    case IPOFACTS_QUALIFIER_AT_LEAST: return "超过";
    case IPOFACTS_QUALIFIER_AT_MOST: return "近";
    default: return NULL;
    }
}

/* Prints an amount as text the parser reads, or returns 0 when this amount
 * has no such plain form here (ranges, counts, values too long to print). */
static int print_amount(char *buf, size_t size, const ipofacts_amount *a)
{
    const char *q = qualifier_word(a->qualifier);
    if (q == NULL || (a->flags & (IPOFACTS_AMOUNT_CONVERSION | IPOFACTS_AMOUNT_POINTS)))
        return 0;
    ipofacts_decimal v = ipofacts_decimal_normalize(&a->value);
    const char *suffix;
    if (strcmp(a->unit, "pure") == 0 && (a->flags & IPOFACTS_AMOUNT_PERCENT)) {
        v.exponent += 2; /* 0.233 -> 23.3 */
        suffix = "%";
    } else if (strcmp(a->unit, "multiple") == 0) {
        suffix = "倍";
    } else if (strcmp(a->unit, "USD") == 0 || strcmp(a->unit, "HKD") == 0 || strcmp(a->unit, "CNY") == 0) {
        suffix = a->unit;
    } else {
        return 0;
    }
    if (v.exponent > 0 || v.exponent < -17 || v.coefficient < 0)
        return 0; /* keep to plain numbers of at most 18 digits, no sign */
    char number[IPOFACTS_DECIMAL_STRING_SIZE];
    if (ipofacts_decimal_format(&v, number, sizeof number) != IPOFACTS_OK)
        abort();
    snprintf(buf, size, "%s%s %s", q, number, suffix);
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    ipofacts_amount a;
    ipofacts_error err;
    ipofacts_status st = ipofacts_parse_amount(&a, text, size, &err);
    if (st == IPOFACTS_OK) {
        if (a.start >= a.end || a.end > size)
            abort();
        char printed[128];
        if (print_amount(printed, sizeof printed, &a)) {
            ipofacts_amount b;
            if (ipofacts_parse_amount(&b, printed, strlen(printed), &err) != IPOFACTS_OK)
                abort(); /* what we print, we read */
            if (ipofacts_decimal_cmp(&a.value, &b.value) != 0 || strcmp(a.unit, b.unit) != 0 ||
                a.qualifier != b.qualifier)
                abort();
        }
    } else if (err.status != st || err.message[0] == '\0' || (size > 0 && err.offset > size)) {
        abort();
    }

    ipofacts_scan *scan = NULL;
    st = ipofacts_scan_text(&scan, text, size, &err);
    if (st != IPOFACTS_OK) {
        if (scan != NULL || err.message[0] == '\0')
            abort();
        return 0;
    }
    size_t n = ipofacts_scan_count(scan), last_start = 0;
    for (size_t i = 0; i < n; i++) {
        const ipofacts_amount *s = ipofacts_scan_amount(scan, i);
        if (s == NULL || s->start >= s->end || s->end > size || s->start < last_start)
            abort();
        last_start = s->start;
        if ((s->conversion_of >= 0 && (size_t)s->conversion_of >= n) ||
            (s->converted_to >= 0 && (size_t)s->converted_to >= n))
            abort();
        if (ipofacts_scan_literal(scan, i) == NULL || ipofacts_scan_context(scan, i) == NULL)
            abort();
    }
    ipofacts_scan_free(scan);
    return 0;
}
