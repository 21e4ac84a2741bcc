/*
 * ipofacts scan [--format table|json|csv] FILE
 *
 * Prints every amount ipofacts_scan_text() finds in FILE (UTF-8 text, or -
 * for standard input): its byte span, text, exact value, unit, decimals,
 * qualifier, the amount it restates in another currency with the exchange
 * rate that implies, and the words around it, so that whoever builds a
 * dataset from an article sees every figure. The table ends with a count.
 * A file that cannot be read, is not UTF-8 or is larger than 64 MiB is an
 * error: exit 2 and a message with the file name (and line, column and byte
 * offset for bad text). See docs/text.md and docs/cli.md.
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Reads all of f, at most limit + 1 bytes (so that a larger file is seen). */
static int read_all(FILE *f, size_t limit, char **out, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (buf == NULL)
        return ENOMEM;
    for (;;) {
        if (n == cap) {
            if (cap > limit)
                break;
            size_t ncap = cap * 2;
            char *nb = realloc(buf, ncap);
            if (nb == NULL) {
                free(buf);
                return ENOMEM;
            }
            buf = nb;
            cap = ncap;
        }
        size_t want = cap - n;
        size_t got = fread(buf + n, 1, want, f);
        n += got;
        if (got < want) {
            if (ferror(f)) {
                int e = errno != 0 ? errno : EIO;
                free(buf);
                return e;
            }
            break;
        }
    }
    *out = buf;
    *len = n;
    return 0;
}

int cli_cmd_scan(cli_context *ctx, int argc, char **argv)
{
    static const char *const headers[] = {"#", "span", "text", "value", "unit", "decimals", "qualifier",
                                          "restates", "context"};
    static const cli_align aligns[] = {CLI_ALIGN_RIGHT, CLI_ALIGN_LEFT, CLI_ALIGN_LEFT, CLI_ALIGN_RIGHT,
                                       CLI_ALIGN_LEFT, CLI_ALIGN_RIGHT, CLI_ALIGN_LEFT, CLI_ALIGN_LEFT,
                                       CLI_ALIGN_LEFT};
    const char *path = NULL;
    int i, options = 1, status = CLI_EXIT_OK;
    cli_format format;

    for (i = 1; i < argc; i++) {
        if (options && strcmp(argv[i], "--") == 0) {
            options = 0;
            continue;
        }
        if (options && cli_is_option(argv[i]))
            return cli_usage_error(ctx, "unknown option \"%s\"", argv[i]);
        if (path != NULL)
            return cli_usage_error(ctx, "unexpected argument \"%s\": scan reads one FILE", argv[i]);
        path = argv[i];
    }
    if (path == NULL)
        return cli_usage_error(ctx, "no FILE to scan");
    format = cli_choose_format(ctx,
                               CLI_FORMAT_BIT(CLI_FORMAT_TABLE) | CLI_FORMAT_BIT(CLI_FORMAT_JSON) |
                                   CLI_FORMAT_BIT(CLI_FORMAT_CSV),
                               CLI_FORMAT_TABLE);
    if (format == CLI_FORMAT_DEFAULT)
        return CLI_EXIT_USAGE;

    int from_stdin = strcmp(path, "-") == 0;
    const char *name = from_stdin ? "<stdin>" : path;
    FILE *f = from_stdin ? stdin : fopen(path, "rb");
    if (f == NULL) {
        cli_error(ctx, "scan: cannot read %s: %s", name, strerror(errno));
        return CLI_EXIT_USAGE;
    }
    char *text = NULL;
    size_t len = 0;
    int err = read_all(f, IPOFACTS_SCAN_MAX_BYTES, &text, &len);
    if (!from_stdin)
        fclose(f);
    if (err != 0) {
        cli_error(ctx, "scan: cannot read %s: %s", name, strerror(err));
        return CLI_EXIT_USAGE;
    }

    ipofacts_scan *scan = NULL;
    ipofacts_error e;
    memset(&e, 0, sizeof e);
    ipofacts_status st = ipofacts_scan_text(&scan, text, len, &e);
    if (st != IPOFACTS_OK) {
        cli_error_detail(ctx, &e, st, name);
        free(text);
        return st == IPOFACTS_E_NOMEM ? CLI_EXIT_FINDINGS : CLI_EXIT_USAGE;
    }

    size_t n = ipofacts_scan_count(scan);
    if (format == CLI_FORMAT_JSON) {
        cli_json j;
        cli_json_init(&j, ctx->out);
        cli_json_begin_array(&j);
        for (size_t k = 0; k < n; k++) {
            const ipofacts_amount *a = ipofacts_scan_amount(scan, k);
            const ipofacts_amount *from =
                a->conversion_of >= 0 ? ipofacts_scan_amount(scan, (size_t)a->conversion_of) : NULL;
            cli_json_amount(&j, a, ipofacts_scan_literal(scan, k), from, ipofacts_scan_context(scan, k));
        }
        cli_json_end_array(&j);
        cli_json_finish(&j);
    } else {
        cli_table *t = cli_table_new(9, headers, aligns);
        if (t == NULL) {
            status = CLI_EXIT_FINDINGS;
            cli_error(ctx, "out of memory");
            goto done;
        }
        for (size_t k = 0; k < n; k++) {
            const ipofacts_amount *a = ipofacts_scan_amount(scan, k);
            char num[24], span[48], value[2 * IPOFACTS_DECIMAL_STRING_SIZE + 4], dec[16], restates[256];
            snprintf(num, sizeof num, "%zu", k + 1);
            snprintf(span, sizeof span, "%zu-%zu", a->start, a->end);
            cli_amount_value(value, sizeof value, a);
            snprintf(dec, sizeof dec, "%d", (int)a->decimals);
            restates[0] = '\0';
            if (a->conversion_of >= 0) {
                const ipofacts_amount *from = ipofacts_scan_amount(scan, (size_t)a->conversion_of);
                char unit[16], lo[64], hi[64];
                if (cli_amount_rate(unit, sizeof unit, lo, hi, sizeof lo, from, a))
                    snprintf(restates, sizeof restates, "#%d at %s %s..%s", (int)a->conversion_of + 1, unit, lo,
                             hi);
                else
                    snprintf(restates, sizeof restates, "#%d", (int)a->conversion_of + 1);
            }
            const char *row[9] = {num, span, ipofacts_scan_literal(scan, k), value, a->unit, dec,
                                  ipofacts_qualifier_name(a->qualifier), restates, ipofacts_scan_context(scan, k)};
            if (cli_table_add_row(t, row) != 0) {
                cli_table_free(t);
                status = CLI_EXIT_FINDINGS;
                cli_error(ctx, "out of memory");
                goto done;
            }
        }
        if (format == CLI_FORMAT_CSV) {
            cli_table_print_csv(t, ctx->out);
        } else {
            cli_table_print(t, ctx->out, 48);
            fprintf(ctx->out, "%zu amount%s in %s\n", n, n == 1 ? "" : "s", name);
        }
        cli_table_free(t);
    }
done:
    ipofacts_scan_free(scan);
    free(text);
    return status;
}
