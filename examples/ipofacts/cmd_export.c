/*
 * ipofacts export [--format json|csv]
 *
 * json (the default): the dataset in the canonical form of
 * docs/data-format.md, exactly as ipofacts_dataset_save_buffer() writes it;
 * with -o FILE the library saves the file itself, atomically
 * (ipofacts_dataset_save_file()).
 * csv: one fact a row with the columns
 *   company,concept,segment,period_start,period_end,value,unit,decimals,qualifier,source
 * (see cli_csv_fact_row() and docs/cli.md).
 */
#include "cli.h"

#include <string.h>

static int export_json(cli_context *ctx, const ipofacts_dataset *ds)
{
    ipofacts_status st;
    if (ctx->output_path != NULL && strcmp(ctx->output_path, "-") != 0) {
        ipofacts_error e;
        /* The library writes FILE through its own temporary file: drop the
         * one main() prepared. */
        cli_output_close(ctx, 0);
        memset(&e, 0, sizeof e);
        st = ipofacts_dataset_save_file(ds, ctx->output_path, &e);
        if (st != IPOFACTS_OK) {
            cli_error_detail(ctx, &e, st, ctx->output_path);
            return CLI_EXIT_USAGE;
        }
        return CLI_EXIT_OK;
    } else {
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
}

static int export_csv(cli_context *ctx, const ipofacts_dataset *ds)
{
    size_t c, nc = ipofacts_dataset_company_count(ds);
    cli_csv_fact_header(ctx->out);
    for (c = 0; c < nc; c++) {
        const ipofacts_company *company = ipofacts_dataset_company(ds, c);
        size_t i, n = ipofacts_company_fact_count(company);
        for (i = 0; i < n; i++)
            cli_csv_fact_row(ctx->out, ipofacts_company_fact(company, i));
    }
    return CLI_EXIT_OK;
}

int cli_cmd_export(cli_context *ctx, int argc, char **argv)
{
    int i, status, options = 1;
    cli_format format;
    ipofacts_dataset *ds;

    for (i = 1; i < argc; i++) {
        if (options && strcmp(argv[i], "--") == 0) {
            options = 0;
            continue;
        }
        if (options && cli_is_option(argv[i]))
            return cli_usage_error(ctx, "unknown option \"%s\"", argv[i]);
        return cli_usage_error(ctx, "unexpected argument \"%s\": export takes no operands", argv[i]);
    }
    format = cli_choose_format(ctx, CLI_FORMAT_BIT(CLI_FORMAT_JSON) | CLI_FORMAT_BIT(CLI_FORMAT_CSV),
                               CLI_FORMAT_JSON);
    if (format == CLI_FORMAT_DEFAULT)
        return CLI_EXIT_USAGE;
    ds = cli_open_dataset(ctx);
    if (ds == NULL)
        return CLI_EXIT_USAGE;
    status = format == CLI_FORMAT_JSON ? export_json(ctx, ds) : export_csv(ctx, ds);
    ipofacts_dataset_free(ds);
    return status;
}
