/*
 * ipofacts check [COMPANY] [--explain]
 *
 * The consistency check of the library (ipofacts/check.h) on the dataset or
 * one company: reports of one figure that cannot all hold, reported ratios,
 * shares, growth rates and holding values that their parts do not give,
 * runway claims against the runway on each burn basis. The table lists the
 * findings; under it each one's explanation with its arithmetic. --explain
 * adds the derivation of every computation a finding compares with.
 *
 * --format json prints one array of findings (company, kind, severity,
 * concept, segment, period, period_start, period_end, message, facts with
 * value, unit, decimals, qualifier, source and text, computed).
 *
 * Exit status: 0 when there is no inconsistency (warnings, such as a
 * truncated figure, do not count); 1 when there is one; 2 for bad usage or
 * bad input.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* "revenue[hailuo_ai]". */
static const char *figure(char *buf, size_t size, const ipofacts_finding *f)
{
    const char *seg = ipofacts_finding_segment(f);
    snprintf(buf, size, "%s%s%s%s", ipofacts_finding_concept_id(f), seg != NULL ? "[" : "", seg != NULL ? seg : "",
             seg != NULL ? "]" : "");
    return buf;
}

/* The distinct source ids of a finding's facts. */
static const char *sources(char *buf, size_t size, const ipofacts_finding *f)
{
    buf[0] = '\0';
    for (size_t i = 0; i < ipofacts_finding_fact_count(f); i++) {
        const ipofacts_fact *x = ipofacts_finding_fact(f, i);
        for (size_t k = 0; k < ipofacts_fact_source_count(x); k++) {
            const char *id = ipofacts_source_id(ipofacts_fact_source(x, k));
            size_t n = strlen(buf), len = strlen(id);
            int seen = 0;
            for (const char *p = buf; (p = strstr(p, id)) != NULL && !seen; p += len)
                seen = (p == buf || p[-1] == ' ') && (p[len] == ',' || p[len] == '\0');
            if (!seen && n + len + 3 < size)
                snprintf(buf + n, size - n, "%s%s", n ? ", " : "", id);
        }
    }
    return buf;
}

static void json_fact(cli_json *j, const ipofacts_fact *x)
{
    ipofacts_decimal d = ipofacts_fact_value(x), up;
    const ipofacts_period *p = ipofacts_fact_period(x);
    ipofacts_date s = ipofacts_period_start(p), e = ipofacts_period_end(p);
    ipofacts_ratio r;
    cli_json_begin_object(j);
    cli_json_key(j, "concept");
    cli_json_str(j, ipofacts_fact_concept_id(x));
    cli_json_key(j, "segment");
    cli_json_str(j, ipofacts_fact_segment(x));
    cli_json_key(j, "period");
    cli_json_str(j, ipofacts_period_id(p));
    cli_json_key(j, "period_start");
    cli_json_date(j, &s);
    cli_json_key(j, "period_end");
    cli_json_date(j, &e);
    cli_json_key(j, "value");
    cli_json_decimal(j, &d);
    if (ipofacts_fact_upper(&up, x) == IPOFACTS_OK) {
        cli_json_key(j, "upper");
        cli_json_decimal(j, &up);
    }
    cli_json_key(j, "unit");
    cli_json_str(j, ipofacts_fact_unit(x));
    cli_json_key(j, "decimals");
    if (ipofacts_fact_decimals(x) == IPOFACTS_DECIMALS_INF)
        cli_json_str(j, "INF");
    else
        cli_json_int(j, ipofacts_fact_decimals(x));
    cli_json_key(j, "qualifier");
    cli_json_str(j, ipofacts_qualifier_name(ipofacts_fact_qualifier(x)));
    /* The interval the figure stands for. */
    if (ipofacts_ratio_input_fact(&r, x) == IPOFACTS_OK) {
        cli_json_key(j, "lo");
        if (r.interval.flags & IPOFACTS_INTERVAL_NO_LO)
            cli_json_null(j);
        else
            cli_json_number(j, r.interval.lo);
        cli_json_key(j, "hi");
        if (r.interval.flags & IPOFACTS_INTERVAL_NO_HI)
            cli_json_null(j);
        else
            cli_json_number(j, r.interval.hi);
    }
    cli_json_key(j, "source");
    cli_json_str(j, ipofacts_fact_source_count(x) > 0 ? ipofacts_source_id(ipofacts_fact_source(x, 0)) : NULL);
    cli_json_key(j, "text");
    cli_json_str(j, ipofacts_fact_quote(x, 0));
    cli_json_key(j, "sources");
    cli_json_begin_array(j);
    for (size_t k = 0; k < ipofacts_fact_source_count(x); k++) {
        cli_json_begin_object(j);
        cli_json_key(j, "id");
        cli_json_str(j, ipofacts_source_id(ipofacts_fact_source(x, k)));
        cli_json_key(j, "text");
        cli_json_str(j, ipofacts_fact_quote(x, k));
        cli_json_end_object(j);
    }
    cli_json_end_array(j);
    cli_json_end_object(j);
}

static void json_finding(cli_json *j, const ipofacts_finding *f)
{
    const ipofacts_period *p = ipofacts_finding_period(f);
    ipofacts_date s = ipofacts_period_start(p), e = ipofacts_period_end(p);
    cli_json_begin_object(j);
    cli_json_key(j, "company");
    cli_json_str(j, ipofacts_company_id(ipofacts_finding_company(f)));
    cli_json_key(j, "kind");
    cli_json_str(j, ipofacts_finding_kind_name(ipofacts_finding_kind_of(f)));
    cli_json_key(j, "severity");
    cli_json_str(j, ipofacts_severity_name(ipofacts_finding_severity(f)));
    cli_json_key(j, "concept");
    cli_json_str(j, ipofacts_finding_concept_id(f));
    cli_json_key(j, "segment");
    cli_json_str(j, ipofacts_finding_segment(f));
    cli_json_key(j, "period");
    cli_json_str(j, ipofacts_period_id(p));
    cli_json_key(j, "period_start");
    cli_json_date(j, &s);
    cli_json_key(j, "period_end");
    cli_json_date(j, &e);
    cli_json_key(j, "message");
    cli_json_str(j, ipofacts_finding_message(f));
    cli_json_key(j, "facts");
    cli_json_begin_array(j);
    for (size_t i = 0; i < ipofacts_finding_fact_count(f); i++)
        json_fact(j, ipofacts_finding_fact(f, i));
    cli_json_end_array(j);
    cli_json_key(j, "computed");
    cli_json_begin_array(j);
    for (size_t i = 0; i < ipofacts_finding_derived_count(f); i++)
        cli_json_ratio(j, ipofacts_finding_derived(f, i));
    cli_json_end_array(j);
    cli_json_end_object(j);
}

static void print_table(cli_context *ctx, const ipofacts_findings *fs, int explain)
{
    static const char *const headers[] = {"#", "company", "severity", "kind", "figure", "period", "sources"};
    static const cli_align aligns[] = {CLI_ALIGN_RIGHT, CLI_ALIGN_LEFT, CLI_ALIGN_LEFT, CLI_ALIGN_LEFT,
                                       CLI_ALIGN_LEFT,  CLI_ALIGN_LEFT, CLI_ALIGN_LEFT};
    size_t n = ipofacts_findings_count(fs);
    size_t bad = ipofacts_findings_count_severity(fs, IPOFACTS_SEVERITY_INCONSISTENT);
    fprintf(ctx->out, "%zu finding%s: %zu inconsistent, %zu warning%s\n", n, n == 1 ? "" : "s", bad, n - bad,
            n - bad == 1 ? "" : "s");
    if (n == 0)
        return;
    cli_table *t = cli_table_new(7, headers, aligns);
    if (t == NULL) {
        cli_error(ctx, "out of memory");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const ipofacts_finding *f = ipofacts_findings_at(fs, i);
        char num[24], fig[256], src[512];
        const char *cells[7];
        snprintf(num, sizeof num, "%zu", i + 1);
        cells[0] = num;
        cells[1] = ipofacts_company_id(ipofacts_finding_company(f));
        cells[2] = ipofacts_severity_name(ipofacts_finding_severity(f));
        cells[3] = ipofacts_finding_kind_name(ipofacts_finding_kind_of(f));
        cells[4] = figure(fig, sizeof fig, f);
        cells[5] = ipofacts_period_label(ipofacts_finding_period(f));
        cells[6] = sources(src, sizeof src, f);
        cli_table_add_row(t, cells);
    }
    fputc('\n', ctx->out);
    cli_table_print(t, ctx->out, 48);
    cli_table_free(t);
    for (size_t i = 0; i < n; i++) {
        const ipofacts_finding *f = ipofacts_findings_at(fs, i);
        fprintf(ctx->out, "\n%zu. %s\n", i + 1, ipofacts_finding_message(f));
        for (size_t k = 0; explain && k < ipofacts_finding_derived_count(f); k++) {
            char *text = NULL;
            if (ipofacts_derived_explain(&text, ipofacts_finding_derived(f, k)) != IPOFACTS_OK) {
                cli_error(ctx, "out of memory");
                return;
            }
            /* Indent the explanation under its finding. */
            for (const char *line = text; *line != '\0';) {
                const char *end = strchr(line, '\n');
                size_t len = end != NULL ? (size_t)(end - line) : strlen(line);
                fprintf(ctx->out, "   %.*s\n", (int)len, line);
                line += len + (end != NULL);
            }
            ipofacts_string_free(text);
        }
    }
}

int cli_cmd_check(cli_context *ctx, int argc, char **argv)
{
    const char *key = NULL;
    int explain = 0, options = 1;
    for (int a = 1; a < argc; a++) {
        if (options && strcmp(argv[a], "--") == 0)
            options = 0;
        else if (options && strcmp(argv[a], "--explain") == 0)
            explain = 1;
        else if (options && cli_is_option(argv[a]))
            return cli_usage_error(ctx, "unknown option \"%s\"", argv[a]);
        else if (key != NULL)
            return cli_usage_error(ctx, "unexpected argument \"%s\": check takes one COMPANY at most", argv[a]);
        else
            key = argv[a];
    }
    cli_format format =
        cli_choose_format(ctx, CLI_FORMAT_BIT(CLI_FORMAT_TABLE) | CLI_FORMAT_BIT(CLI_FORMAT_JSON), CLI_FORMAT_TABLE);
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
    ipofacts_findings *fs = NULL;
    ipofacts_status st = only != NULL ? ipofacts_check_company(&fs, only) : ipofacts_check_dataset(&fs, ds);
    if (st != IPOFACTS_OK) {
        cli_error(ctx, "cannot check the data: %s", ipofacts_status_str(st));
        ipofacts_dataset_free(ds);
        return CLI_EXIT_FINDINGS;
    }
    if (format == CLI_FORMAT_JSON) {
        cli_json j;
        cli_json_init(&j, ctx->out);
        cli_json_begin_array(&j);
        for (size_t i = 0; i < ipofacts_findings_count(fs); i++)
            json_finding(&j, ipofacts_findings_at(fs, i));
        cli_json_end_array(&j);
        cli_json_finish(&j);
    } else {
        print_table(ctx, fs, explain);
    }
    int status = ipofacts_findings_count_severity(fs, IPOFACTS_SEVERITY_INCONSISTENT) > 0 ? CLI_EXIT_FINDINGS
                                                                                          : CLI_EXIT_OK;
    ipofacts_findings_free(fs);
    ipofacts_dataset_free(ds);
    return status;
}
