/*
 * ipofacts ratios [COMPANY] [--ratio KIND] [--period PERIOD] [--explain]
 *
 * Every ratio of a company (or of every company) that the library can
 * derive from the reported figures: value, interval, status, basis, the
 * reported figure it corresponds to and the sources of its inputs. Ratios
 * refused for a reason (a negative base, a company not burning cash) are
 * listed with their status. --explain adds, after the table, each ratio's
 * explanation: formula, arithmetic, and every input with its sources.
 *
 * --format json prints one array of objects (company, ratio, period_start,
 * period_end, value, lo, hi, unit, status, basis, inputs, ...); --format
 * csv one row a ratio.
 *
 * Exit status: 0; 1 when a ratio selected with --ratio or --period could
 * not be computed (its status is not ok); 2 for bad usage or bad input.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* Whether a derivation passes the --ratio and --period filters. */
static int selected(const ipofacts_derived *d, int kind, const char *period)
{
    if (kind != 0 && (int)ipofacts_derived_kind(d) != kind)
        return 0;
    if (period != NULL) {
        const ipofacts_period *p = ipofacts_derived_period(d);
        if (strcmp(ipofacts_period_id(p), period) != 0 && strcmp(ipofacts_period_label(p), period) != 0 &&
            strcmp(ipofacts_derived_label(d), period) != 0)
            return 0;
    }
    return 1;
}

static void csv_number(FILE *f, const ipofacts_ratio *r, double x, uint32_t open_flag)
{
    if (r->status == IPOFACTS_RATIO_OK && !(r->interval.flags & open_flag))
        fprintf(f, "%.17g", x);
}

static void csv_row(FILE *f, const ipofacts_derived *d)
{
    const ipofacts_ratio *r = ipofacts_derived_ratio(d);
    ipofacts_date s = ipofacts_derived_start(d), e = ipofacts_derived_end(d);
    char name[256], ds[IPOFACTS_DATE_STRING_SIZE], de[IPOFACTS_DATE_STRING_SIZE];
    cli_csv_field(f, ipofacts_company_id(ipofacts_derived_company(d)));
    fputc(',', f);
    cli_csv_field(f, ipofacts_ratio_kind_name(ipofacts_derived_kind(d)));
    fputc(',', f);
    cli_csv_field(f, cli_ratio_name(name, sizeof name, d));
    fputc(',', f);
    cli_csv_field(f, cli_date(ds, &s));
    fputc(',', f);
    cli_csv_field(f, cli_date(de, &e));
    fputc(',', f);
    cli_csv_field(f, ipofacts_derived_label(d));
    fputc(',', f);
    csv_number(f, r, r->value, 0);
    fputc(',', f);
    csv_number(f, r, r->interval.lo, IPOFACTS_INTERVAL_NO_LO);
    fputc(',', f);
    csv_number(f, r, r->interval.hi, IPOFACTS_INTERVAL_NO_HI);
    fputc(',', f);
    cli_csv_field(f, r->unit);
    fputc(',', f);
    cli_csv_field(f, ipofacts_ratio_status_name(r->status));
    fputc(',', f);
    cli_csv_field(f, ipofacts_ratio_basis_name(r->basis));
    fputc(',', f);
    cli_csv_field(f, ipofacts_derived_arithmetic(d));
    fputc('\n', f);
}

int cli_cmd_ratios(cli_context *ctx, int argc, char **argv)
{
    const char *key = NULL, *period = NULL;
    int kind = 0, explain = 0, options = 1, status = CLI_EXIT_OK;

    for (int a = 1; a < argc; a++) {
        const char *arg = argv[a];
        if (options && strcmp(arg, "--") == 0) {
            options = 0;
        } else if (options && strcmp(arg, "--explain") == 0) {
            explain = 1;
        } else if (options && (strcmp(arg, "--ratio") == 0 || strncmp(arg, "--ratio=", 8) == 0)) {
            const char *v = arg[7] == '=' ? arg + 8 : (a + 1 < argc ? argv[++a] : NULL);
            ipofacts_ratio_kind k;
            if (v == NULL)
                return cli_usage_error(ctx, "option --ratio needs a value");
            if (ipofacts_ratio_kind_from_name(&k, v) != IPOFACTS_OK)
                return cli_usage_error(ctx, "unknown ratio \"%s\" for --ratio (growth, cagr, gross_margin, "
                                            "net_margin, rd_intensity, monthly_burn, runway, ttm, ...)", v);
            kind = (int)k;
        } else if (options && (strcmp(arg, "--period") == 0 || strncmp(arg, "--period=", 9) == 0)) {
            period = arg[8] == '=' ? arg + 9 : (a + 1 < argc ? argv[++a] : NULL);
            if (period == NULL)
                return cli_usage_error(ctx, "option --period needs a value");
        } else if (options && cli_is_option(arg)) {
            return cli_usage_error(ctx, "unknown option \"%s\"", arg);
        } else if (key != NULL) {
            return cli_usage_error(ctx, "unexpected argument \"%s\": ratios takes one COMPANY at most", arg);
        } else {
            key = arg;
        }
    }
    cli_format format = cli_choose_format(
        ctx, CLI_FORMAT_BIT(CLI_FORMAT_TABLE) | CLI_FORMAT_BIT(CLI_FORMAT_JSON) | CLI_FORMAT_BIT(CLI_FORMAT_CSV),
        CLI_FORMAT_TABLE);
    if (format == CLI_FORMAT_DEFAULT)
        return CLI_EXIT_USAGE;
    ipofacts_dataset *ds = cli_open_dataset(ctx);
    if (ds == NULL)
        return CLI_EXIT_USAGE;
    const ipofacts_company *only = NULL;
    if (key != NULL && (only = cli_find_company(ctx, ds, key)) == NULL) {
        ipofacts_dataset_free(ds);
        return CLI_EXIT_USAGE;
    }
    ipofacts_ratio_set *set = NULL;
    ipofacts_status st = only != NULL ? ipofacts_company_ratios(&set, only) : ipofacts_dataset_ratios(&set, ds);
    if (st != IPOFACTS_OK) {
        cli_error(ctx, "cannot compute the ratios: %s", ipofacts_status_str(st));
        ipofacts_dataset_free(ds);
        return CLI_EXIT_FINDINGS;
    }
    size_t n = ipofacts_ratio_set_count(set), shown = 0;
    int filtered = kind != 0 || period != NULL;
    for (size_t i = 0; i < n; i++) {
        const ipofacts_derived *d = ipofacts_ratio_set_at(set, i);
        if (!selected(d, kind, period))
            continue;
        shown++;
        if (filtered && ipofacts_derived_ratio(d)->status != IPOFACTS_RATIO_OK)
            status = CLI_EXIT_FINDINGS;
    }
    if (filtered && shown == 0) {
        cli_error(ctx, "no %s%s%s%s ratio in the data%s%s", kind != 0 ? ipofacts_ratio_kind_name(kind) : "",
                  kind != 0 && period != NULL ? " " : "", period != NULL ? "for " : "", period != NULL ? period : "",
                  only != NULL ? " of " : "", only != NULL ? ipofacts_company_id(only) : "");
        status = CLI_EXIT_FINDINGS;
    }

    if (format == CLI_FORMAT_JSON) {
        cli_json j;
        cli_json_init(&j, ctx->out);
        cli_json_begin_array(&j);
        for (size_t i = 0; i < n; i++)
            if (selected(ipofacts_ratio_set_at(set, i), kind, period))
                cli_json_ratio(&j, ipofacts_ratio_set_at(set, i));
        cli_json_end_array(&j);
        cli_json_finish(&j);
    } else if (format == CLI_FORMAT_CSV) {
        fputs("company,ratio,name,period_start,period_end,label,value,lo,hi,unit,status,basis,arithmetic\n",
              ctx->out);
        for (size_t i = 0; i < n; i++)
            if (selected(ipofacts_ratio_set_at(set, i), kind, period))
                csv_row(ctx->out, ipofacts_ratio_set_at(set, i));
    } else if (shown > 0) {
        cli_table *t = cli_ratio_table_new(only == NULL);
        if (t == NULL) {
            cli_error(ctx, "out of memory");
            status = CLI_EXIT_FINDINGS;
        } else {
            for (size_t i = 0; i < n; i++)
                if (selected(ipofacts_ratio_set_at(set, i), kind, period))
                    cli_ratio_table_add(t, ipofacts_ratio_set_at(set, i), only == NULL);
            cli_table_print(t, ctx->out, 60);
            cli_table_free(t);
        }
        if (explain) {
            for (size_t i = 0; i < n; i++) {
                const ipofacts_derived *d = ipofacts_ratio_set_at(set, i);
                char *text = NULL;
                if (!selected(d, kind, period))
                    continue;
                if (ipofacts_derived_explain(&text, d) != IPOFACTS_OK) {
                    cli_error(ctx, "out of memory");
                    status = CLI_EXIT_FINDINGS;
                    break;
                }
                fprintf(ctx->out, "\n%s", text);
                ipofacts_string_free(text);
            }
        }
    }
    ipofacts_ratio_set_free(set);
    ipofacts_dataset_free(ds);
    return status;
}
