/*
 * ipofacts import-sec FILE [-o dataset.json]
 * ipofacts import-sec --mapping [--format table|csv]
 *
 * Imports an SEC EDGAR companyfacts JSON file (FILE, or - for standard
 * input) and writes the dataset in the canonical JSON form of
 * docs/data-format.md, to standard output or, with -o FILE, to FILE
 * (atomically, by ipofacts_dataset_save_file()). A one-line summary goes to
 * standard error: facts imported, records merged and skipped, by reason.
 * The result is a dataset like any other: `ipofacts --dataset FILE report`.
 *
 * --mapping prints the table that maps SEC concepts to ours instead.
 * See docs/import-sec.md.
 */
#include "cli.h"

#include <string.h>

static const char *unit_kind_name(uint32_t kind)
{
    switch (kind) {
    case IPOFACTS_UNIT_CURRENCY: return "currency";
    case IPOFACTS_UNIT_COUNT: return "shares";
    case IPOFACTS_UNIT_PER_SHARE: return "currency/share";
    case IPOFACTS_UNIT_PURE: return "pure";
    default: return "other";
    }
}

static int print_mapping(cli_context *ctx)
{
    static const char *const headers[] = {"concept", "priority", "sec_concept", "period", "unit"};
    cli_format format =
        cli_choose_format(ctx, CLI_FORMAT_BIT(CLI_FORMAT_TABLE) | CLI_FORMAT_BIT(CLI_FORMAT_CSV), CLI_FORMAT_TABLE);
    if (format == CLI_FORMAT_DEFAULT)
        return CLI_EXIT_USAGE;
    cli_table *t = cli_table_new(5, headers, NULL);
    if (t == NULL) {
        cli_error(ctx, "out of memory");
        return CLI_EXIT_FINDINGS;
    }
    size_t n = ipofacts_sec_mapping_count();
    for (size_t i = 0; i < n; i++) {
        ipofacts_sec_mapping m;
        char prio[16], sec[256];
        if (ipofacts_sec_mapping_get(&m, i) != IPOFACTS_OK)
            continue;
        snprintf(prio, sizeof prio, "%u", (unsigned)m.priority);
        snprintf(sec, sizeof sec, "%s:%s", m.taxonomy, m.sec_concept);
        const char *row[5] = {m.concept_id, prio, sec, m.period_kind == IPOFACTS_SEC_INSTANT ? "instant" : "duration",
                              unit_kind_name(m.unit_kind)};
        if (cli_table_add_row(t, row) != 0) {
            cli_table_free(t);
            cli_error(ctx, "out of memory");
            return CLI_EXIT_FINDINGS;
        }
    }
    if (format == CLI_FORMAT_CSV)
        cli_table_print_csv(t, ctx->out);
    else
        cli_table_print(t, ctx->out, 0);
    cli_table_free(t);
    return CLI_EXIT_OK;
}

static void print_summary(cli_context *ctx, const char *file, const ipofacts_dataset *ds,
                          const ipofacts_sec_import_summary *s)
{
    const ipofacts_company *c = ipofacts_dataset_company(ds, 0);
    const char *name = c != NULL ? ipofacts_company_name(c, NULL) : NULL;
    const char *cik = c != NULL ? ipofacts_company_identifier(c, "cik") : NULL;
    fprintf(ctx->err,
            "ipofacts: import-sec: %s: %s (CIK %s): %llu facts from %llu of %llu records (%llu merged as "
            "further sources, %llu earlier values of restated figures), %llu periods, %llu filings; skipped: %llu "
            "unmapped concept, %llu unit, %llu instant/duration, %llu alternate concept\n",
            file, name != NULL ? name : "?", cik != NULL ? cik : "?", (unsigned long long)s->facts,
            (unsigned long long)s->records_imported, (unsigned long long)s->records, (unsigned long long)s->merged,
            (unsigned long long)s->restated, (unsigned long long)s->periods, (unsigned long long)s->sources,
            (unsigned long long)s->skipped_unmapped, (unsigned long long)s->skipped_unit,
            (unsigned long long)s->skipped_period, (unsigned long long)s->skipped_alternate);
}

static int write_dataset(cli_context *ctx, const ipofacts_dataset *ds)
{
    ipofacts_status st;
    if (ctx->output_path != NULL && strcmp(ctx->output_path, "-") != 0) {
        ipofacts_error e;
        /* The library writes FILE through its own temporary file. */
        cli_output_close(ctx, 0);
        memset(&e, 0, sizeof e);
        st = ipofacts_dataset_save_file(ds, ctx->output_path, &e);
        if (st != IPOFACTS_OK) {
            cli_error_detail(ctx, &e, st, ctx->output_path);
            return CLI_EXIT_USAGE;
        }
        return CLI_EXIT_OK;
    }
    char *text = NULL;
    size_t len = 0;
    st = ipofacts_dataset_save_buffer(&text, &len, ds);
    if (st != IPOFACTS_OK) {
        cli_error(ctx, "cannot write the dataset as JSON: %s", ipofacts_status_str(st));
        return CLI_EXIT_FINDINGS;
    }
    fwrite(text, 1, len, ctx->out);
    ipofacts_string_free(text);
    return CLI_EXIT_OK;
}

int cli_cmd_import_sec(cli_context *ctx, int argc, char **argv)
{
    const char *file = NULL;
    int mapping = 0, options = 1;
    for (int i = 1; i < argc; i++) {
        if (options && strcmp(argv[i], "--") == 0) {
            options = 0;
            continue;
        }
        if (options && strcmp(argv[i], "--mapping") == 0) {
            mapping = 1;
            continue;
        }
        if (options && cli_is_option(argv[i]))
            return cli_usage_error(ctx, "unknown option \"%s\"", argv[i]);
        if (file != NULL)
            return cli_usage_error(ctx, "unexpected argument \"%s\": import-sec takes one FILE", argv[i]);
        file = argv[i];
    }
    if (mapping) {
        if (file != NULL)
            return cli_usage_error(ctx, "--mapping takes no FILE");
        return print_mapping(ctx);
    }
    if (file == NULL)
        return cli_usage_error(ctx, "import-sec needs a FILE (a companyfacts JSON file, or - for standard input)");
    if (cli_choose_format(ctx, CLI_FORMAT_BIT(CLI_FORMAT_JSON), CLI_FORMAT_JSON) == CLI_FORMAT_DEFAULT)
        return CLI_EXIT_USAGE;

    const char *path = strcmp(file, "-") == 0 ? "/dev/stdin" : file;
    ipofacts_dataset *ds = NULL;
    ipofacts_sec_import_summary summary;
    ipofacts_error e;
    memset(&e, 0, sizeof e);
    ipofacts_status st = ipofacts_dataset_import_sec_companyfacts_file(&ds, path, &summary, &e);
    if (st != IPOFACTS_OK) {
        if (st == IPOFACTS_E_NOMEM) {
            cli_error(ctx, "%s: out of memory", file);
            return CLI_EXIT_FINDINGS;
        }
        cli_error_detail(ctx, &e, st, file);
        return CLI_EXIT_USAGE;
    }
    int status = write_dataset(ctx, ds);
    if (status == CLI_EXIT_OK)
        print_summary(ctx, file, ds, &summary);
    ipofacts_dataset_free(ds);
    return status;
}
