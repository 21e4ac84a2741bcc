/*
 * ipofacts parse [--format table|json] TEXT...
 *
 * Reads the amounts of each TEXT ("2.44 億美元", "约合12亿元人民币",
 * "HK$5.54 billion") with ipofacts_parse_amount() and ipofacts_scan_text()
 * and prints one line per amount: its text, exact value, unit, decimals,
 * qualifier and byte span. A conversion ("1.7亿美元（约合12亿元人民币）") is
 * followed by the exchange rate it implies. A TEXT with no amount is an
 * error: exit 2 and "ipofacts: parse: no amount in "abc" (byte offset 0)".
 * See docs/text.md and docs/cli.md.
 *
 * The helpers cli_amount_value(), cli_amount_rate() and cli_json_amount()
 * are shared with `ipofacts scan` (cmd_scan.c).
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Helpers shared with cmd_scan.c                                      */
/* ------------------------------------------------------------------ */

const char *cli_amount_value(char *buf, size_t size, const ipofacts_amount *a)
{
    char lo[IPOFACTS_DECIMAL_STRING_SIZE], hi[IPOFACTS_DECIMAL_STRING_SIZE];
    if (ipofacts_decimal_format(&a->value, lo, sizeof lo) != IPOFACTS_OK)
        snprintf(lo, sizeof lo, "?");
    if (a->qualifier == IPOFACTS_QUALIFIER_RANGE) {
        if (ipofacts_decimal_format(&a->upper, hi, sizeof hi) != IPOFACTS_OK)
            snprintf(hi, sizeof hi, "?");
        snprintf(buf, size, "%s..%s", lo, hi);
    } else {
        snprintf(buf, size, "%s", lo);
    }
    return buf;
}

/*
 * A positive double with 7 significant digits, rounded down (up == 0) or up,
 * in plain notation. glibc prints the exact decimal expansion of a double,
 * so the digits dropped are the true ones.
 */
static void bound_text(char *buf, size_t size, double v, int up)
{
    char tmp[128], digits[16];
    int exp10, n = 7, carry = 0, rest = 0;
    snprintf(tmp, sizeof tmp, "%.70e", v);
    /* tmp: D.DDDD...e[+-]XX */
    const char *e = strchr(tmp, 'e');
    if (v <= 0.0 || e == NULL) {
        snprintf(buf, size, "%.7g", v);
        return;
    }
    exp10 = atoi(e + 1);
    int k = 0;
    for (const char *p = tmp; p < e; p++) {
        if (*p < '0' || *p > '9')
            continue;
        if (k < n)
            digits[k++] = *p;
        else if (*p != '0')
            rest = 1;
    }
    if (up && rest) {
        carry = 1;
        for (int i = n - 1; i >= 0 && carry; i--) {
            if (digits[i] == '9') {
                digits[i] = '0';
            } else {
                digits[i]++;
                carry = 0;
            }
        }
        if (carry) {
            /* 9999999 -> 10000000: one more digit before the point */
            memmove(digits + 1, digits, (size_t)n - 1);
            digits[0] = '1';
            exp10++;
        }
    }
    /* plain notation: the point after digit exp10 + 1 */
    char out[96];
    size_t o = 0;
    if (exp10 < 0) {
        out[o++] = '0';
        out[o++] = '.';
        for (int i = -1; i > exp10; i--)
            out[o++] = '0';
        for (int i = 0; i < n; i++)
            out[o++] = digits[i];
    } else {
        for (int i = 0; i <= exp10 || i < n; i++) {
            if (i == exp10 + 1 && i < n)
                out[o++] = '.';
            out[o++] = i < n ? digits[i] : '0';
            if (o > sizeof out - 4)
                break;
        }
    }
    out[o] = '\0';
    /* drop trailing zeros after a point */
    if (strchr(out, '.') != NULL) {
        while (o > 0 && out[o - 1] == '0')
            out[--o] = '\0';
        if (o > 0 && out[o - 1] == '.')
            out[--o] = '\0';
    }
    snprintf(buf, size, "%s", out);
}

int cli_amount_rate(char *unit, size_t unit_size, char *lo, char *hi, size_t size, const ipofacts_amount *from,
                    const ipofacts_amount *to)
{
    ipofacts_interval r;
    if (ipofacts_amount_rate_unit(unit, unit_size, from, to) != IPOFACTS_OK)
        return 0;
    if (ipofacts_amount_implied_rate(&r, from, to) != IPOFACTS_OK)
        return 0;
    bound_text(lo, size, r.lo, 0);
    bound_text(hi, size, r.hi, 1);
    return 1;
}

void cli_json_amount(cli_json *j, const ipofacts_amount *a, const char *text, const ipofacts_amount *from,
                     const char *context)
{
    char v[IPOFACTS_DECIMAL_STRING_SIZE];
    cli_json_begin_object(j);
    cli_json_key(j, "text");
    cli_json_str(j, text);
    cli_json_key(j, "value");
    if (ipofacts_decimal_format(&a->value, v, sizeof v) != IPOFACTS_OK)
        v[0] = '\0';
    cli_json_str(j, v);
    if (a->qualifier == IPOFACTS_QUALIFIER_RANGE) {
        cli_json_key(j, "lo");
        cli_json_str(j, v);
        cli_json_key(j, "hi");
        if (ipofacts_decimal_format(&a->upper, v, sizeof v) != IPOFACTS_OK)
            v[0] = '\0';
        cli_json_str(j, v);
    }
    cli_json_key(j, "unit");
    cli_json_str(j, a->unit);
    cli_json_key(j, "decimals");
    cli_json_int(j, a->decimals);
    cli_json_key(j, "qualifier");
    cli_json_str(j, ipofacts_qualifier_name(a->qualifier));
    cli_json_key(j, "start");
    cli_json_int(j, (long long)a->start);
    cli_json_key(j, "end");
    cli_json_int(j, (long long)a->end);
    if (from != NULL) {
        char unit[16], lo[64], hi[64];
        cli_json_key(j, "conversion_of");
        cli_json_int(j, a->conversion_of);
        if (cli_amount_rate(unit, sizeof unit, lo, hi, sizeof lo, from, a)) {
            cli_json_key(j, "implied_rate");
            cli_json_begin_object(j);
            cli_json_key(j, "unit");
            cli_json_str(j, unit);
            cli_json_key(j, "lo");
            cli_json_str(j, lo);
            cli_json_key(j, "hi");
            cli_json_str(j, hi);
            cli_json_end_object(j);
        }
    }
    if (context != NULL) {
        cli_json_key(j, "context");
        cli_json_str(j, context);
    }
    cli_json_end_object(j);
}

/* TEXT quoted for a message: at most 60 columns, control characters and
 * bytes that are not UTF-8 written as \xNN. */
static void quote_text(char *buf, size_t size, const char *text, size_t len)
{
    size_t o = 0, i = 0, width = 0;
    while (i < len && o + 8 < size) {
        unsigned char c = (unsigned char)text[i];
        size_t k = 1, w = 1;
        if (c >= 0x80) {
            size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
            if (need == 0 || i + need > len || ipofacts_text_width(&w, text + i, need) != IPOFACTS_OK)
                need = 0;
            k = need;
        }
        if (width + w > 60) {
            memcpy(buf + o, "...", 3);
            o += 3;
            break;
        }
        if (k == 0 || c < 0x20 || c == 0x7F) {
            o += (size_t)snprintf(buf + o, size - o, "\\x%02X", c);
            i++;
            width += 4;
            continue;
        }
        memcpy(buf + o, text + i, k);
        o += k;
        i += k;
        width += w;
    }
    buf[o] = '\0';
}

/* ------------------------------------------------------------------ */
/* ipofacts parse                                                      */
/* ------------------------------------------------------------------ */

static void parse_error(cli_context *ctx, const char *text, size_t len, ipofacts_status st, const ipofacts_error *e)
{
    char q[320];
    const char *what;
    quote_text(q, sizeof q, text, len);
    switch (st) {
    case IPOFACTS_E_NO_AMOUNT: what = "no amount"; break;
    case IPOFACTS_E_UTF8: what = "invalid UTF-8"; break;
    case IPOFACTS_E_OVERFLOW: what = "a number beyond the range of an exact decimal (18 digits)"; break;
    case IPOFACTS_E_TOO_LARGE: what = "a text longer than the parser's limit of 1 MiB"; break;
    default: what = ipofacts_status_str(st); break;
    }
    cli_error(ctx, "parse: %s in \"%s\" (byte offset %llu)", what, q, (unsigned long long)e->offset);
}

int cli_cmd_parse(cli_context *ctx, int argc, char **argv)
{
    static const char *const headers[] = {"input", "text", "value", "unit", "decimals", "qualifier", "span"};
    static const cli_align aligns[] = {CLI_ALIGN_RIGHT, CLI_ALIGN_LEFT, CLI_ALIGN_RIGHT, CLI_ALIGN_LEFT,
                                       CLI_ALIGN_RIGHT, CLI_ALIGN_LEFT, CLI_ALIGN_LEFT};
    int i, options = 1, failed = 0, status = CLI_EXIT_OK;
    cli_format format;

    char **texts = calloc((size_t)(argc > 0 ? argc : 1), sizeof *texts);
    int ntexts = 0;
    if (texts == NULL) {
        cli_error(ctx, "out of memory");
        return CLI_EXIT_FINDINGS;
    }
    for (i = 1; i < argc; i++) {
        if (options && strcmp(argv[i], "--") == 0) {
            options = 0;
            continue;
        }
        if (options && cli_is_option(argv[i]) && !(argv[i][0] == '-' && argv[i][1] >= '0' && argv[i][1] <= '9')) {
            free(texts);
            return cli_usage_error(ctx, "unknown option \"%s\"", argv[i]);
        }
        texts[ntexts++] = argv[i];
    }
    if (ntexts == 0) {
        free(texts);
        return cli_usage_error(ctx, "no TEXT to parse");
    }
    format = cli_choose_format(ctx, CLI_FORMAT_BIT(CLI_FORMAT_TABLE) | CLI_FORMAT_BIT(CLI_FORMAT_JSON),
                               CLI_FORMAT_TABLE);
    if (format == CLI_FORMAT_DEFAULT) {
        free(texts);
        return CLI_EXIT_USAGE;
    }

    /* Every TEXT must hold an amount; nothing is printed otherwise. */
    ipofacts_scan **scans = calloc((size_t)ntexts, sizeof *scans);
    if (scans == NULL) {
        free(texts);
        cli_error(ctx, "out of memory");
        return CLI_EXIT_FINDINGS;
    }
    for (i = 0; i < ntexts; i++) {
        ipofacts_amount a;
        ipofacts_error e;
        size_t len = strlen(texts[i]);
        memset(&e, 0, sizeof e);
        ipofacts_status st = ipofacts_parse_amount(&a, texts[i], len, &e);
        if (st == IPOFACTS_OK)
            st = ipofacts_scan_text(&scans[i], texts[i], len, &e);
        if (st == IPOFACTS_OK && ipofacts_scan_count(scans[i]) == 0) {
            /* the parser found an amount the scanner cannot see: never happens, but never print nothing */
            st = IPOFACTS_E_NO_AMOUNT;
            e.offset = 0;
        }
        if (st != IPOFACTS_OK) {
            parse_error(ctx, texts[i], len, st, &e);
            failed = 1;
        }
    }
    if (failed) {
        status = CLI_EXIT_USAGE;
        goto done;
    }

    if (format == CLI_FORMAT_JSON) {
        cli_json j;
        size_t base = 0;
        cli_json_init(&j, ctx->out);
        cli_json_begin_array(&j);
        for (i = 0; i < ntexts; i++) {
            size_t n = ipofacts_scan_count(scans[i]);
            for (size_t k = 0; k < n; k++) {
                ipofacts_amount a = *ipofacts_scan_amount(scans[i], k);
                const ipofacts_amount *from = NULL;
                if (a.conversion_of >= 0) {
                    from = ipofacts_scan_amount(scans[i], (size_t)a.conversion_of);
                    a.conversion_of += (int32_t)base; /* an index into the whole array */
                }
                cli_json_amount(&j, &a, ipofacts_scan_literal(scans[i], k), from, NULL);
            }
            base += n;
        }
        cli_json_end_array(&j);
        cli_json_finish(&j);
    } else {
        int many = ntexts > 1;
        cli_table *t = many ? cli_table_new(7, headers, aligns) : cli_table_new(6, headers + 1, aligns + 1);
        if (t == NULL) {
            cli_error(ctx, "out of memory");
            status = CLI_EXIT_FINDINGS;
            goto done;
        }
        for (i = 0; i < ntexts; i++) {
            size_t n = ipofacts_scan_count(scans[i]);
            for (size_t k = 0; k < n; k++) {
                const ipofacts_amount *a = ipofacts_scan_amount(scans[i], k);
                char input[16], value[2 * IPOFACTS_DECIMAL_STRING_SIZE + 4], dec[16], span[48];
                snprintf(input, sizeof input, "%d", i + 1);
                cli_amount_value(value, sizeof value, a);
                snprintf(dec, sizeof dec, "%d", (int)a->decimals);
                snprintf(span, sizeof span, "%zu-%zu", a->start, a->end);
                const char *row[7] = {input, ipofacts_scan_literal(scans[i], k), value, a->unit, dec,
                                      ipofacts_qualifier_name(a->qualifier), span};
                if (cli_table_add_row(t, many ? row : row + 1) != 0) {
                    cli_table_free(t);
                    cli_error(ctx, "out of memory");
                    status = CLI_EXIT_FINDINGS;
                    goto done;
                }
            }
        }
        cli_table_print(t, ctx->out, 0);
        cli_table_free(t);
        /* the rates conversions imply */
        for (i = 0; i < ntexts; i++) {
            size_t n = ipofacts_scan_count(scans[i]);
            for (size_t k = 0; k < n; k++) {
                const ipofacts_amount *a = ipofacts_scan_amount(scans[i], k);
                char unit[16], lo[64], hi[64];
                if (a->conversion_of < 0)
                    continue;
                const ipofacts_amount *from = ipofacts_scan_amount(scans[i], (size_t)a->conversion_of);
                if (cli_amount_rate(unit, sizeof unit, lo, hi, sizeof lo, from, a))
                    fprintf(ctx->out, "%s restates %s: %s in [%s, %s]\n", ipofacts_scan_literal(scans[i], k),
                            ipofacts_scan_literal(scans[i], (size_t)a->conversion_of), unit, lo, hi);
            }
        }
    }
done:
    for (i = 0; i < ntexts; i++)
        ipofacts_scan_free(scans[i]);
    free(scans);
    free(texts);
    return status;
}
