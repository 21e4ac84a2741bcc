/*
 * ipofacts: facts about companies going public, and honest ratios.
 *
 *   ipofacts [--dataset FILE] [--format table|json|csv] [-o FILE] COMMAND [ARGS]
 *
 * main() takes the global options out of the command line, wherever they
 * appear (before or after the command name, up to a "--"), and runs the
 * command from the dispatch table below. See docs/cli.md.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct cli_command {
    const char *name;   /* what the user types */
    cli_command_fn run; /* cmd_<name>.c */
    const char *help;   /* one line for `ipofacts --help` */
} cli_command;

/* The commands, one line each: {name, function, "ARGS  one-line help"}. */
static const cli_command commands[] = {
    {"report", cli_cmd_report, "[COMPANY]  profile, offering, shareholders, rounds and financials, with sources"},
    {"export", cli_cmd_export, "the whole dataset as canonical JSON (default) or as CSV, one fact a row"},
    {"import-sec", cli_cmd_import_sec, "FILE  an SEC EDGAR companyfacts JSON file as a dataset (JSON; -o FILE)"},
    {"parse", cli_cmd_parse, "TEXT...  the amounts in TEXT: exact value, unit, decimals, qualifier, span"},
    {"scan", cli_cmd_scan, "FILE  every amount in a UTF-8 text file, with its span and the words around it"},
    {"chart", cli_cmd_chart, "COMPANY --svg FILE  revenue and gross margin by period as an SVG chart (- : stdout)"},
    {"ratios", cli_cmd_ratios,
     "[COMPANY] [--ratio KIND] [--period P] [--explain]  every ratio the figures give, with interval and sources"},
    {"check", cli_cmd_check, "[COMPANY] [--explain]  reports that contradict each other or their parts (exit 1 if any)"},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const char usage_line[] =
    "usage: ipofacts [--dataset FILE] [--format table|json|csv] [-o FILE] COMMAND [ARGS]\n";

static const cli_command *find_command(const char *name)
{
    size_t i;
    for (i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static void print_help(FILE *f)
{
    static const char *const option_rows[][2] = {
        {"--dataset FILE", "read FILE (docs/data-format.md) instead of the built-in data; - reads stdin"},
        {"--format FORMAT", "table, json or csv, where the output is tabular"},
        {"-o, --output FILE", "write the output to FILE, replaced whole or not at all"},
        {"-h, --help", "show this help; `ipofacts help COMMAND` shows a command's"},
        {"--version", "show the version of the library"},
    };
    cli_table *t;
    size_t i;

    fputs(usage_line, f);
    fputs("\nFacts about companies going public (the built-in data: MiniMax and Zhipu),\n"
          "with their sources, and the ratios people quote about them.\n\nCommands:\n", f);
    t = cli_table_new(2, NULL, NULL);
    if (t != NULL) {
        cli_table_set_indent(t, 2);
        for (i = 0; i < NCOMMANDS; i++) {
            const char *row[2];
            row[0] = commands[i].name;
            row[1] = commands[i].help;
            cli_table_add_row(t, row);
        }
        {
            const char *row[2] = {"help", "[COMMAND]  this help, or a command's"};
            cli_table_add_row(t, row);
        }
        cli_table_print(t, f, 0);
        cli_table_free(t);
    }
    fputs("\nOptions (before or after the command):\n", f);
    t = cli_table_new(2, NULL, NULL);
    if (t != NULL) {
        cli_table_set_indent(t, 2);
        for (i = 0; i < sizeof option_rows / sizeof option_rows[0]; i++)
            cli_table_add_row(t, option_rows[i]);
        cli_table_print(t, f, 0);
        cli_table_free(t);
    }
    fputs("\nExit status: 0 ok; 1 findings or a failed computation; 2 bad usage or bad input.\n", f);
}

static void print_command_help(FILE *f, const cli_command *c)
{
    fprintf(f, "usage: ipofacts [--dataset FILE] [--format table|json|csv] [-o FILE] %s [ARGS]\n\n", c->name);
    fprintf(f, "  %s  %s\n", c->name, c->help != NULL ? c->help : "");
}

/* The value of an option: "--name=value", "--name value", "-oFILE", "-o FILE".
 * Returns 1 and advances *i when arg is the option, 0 when it is not, -1
 * (after a message) when its value is missing. */
static int option_value(cli_context *ctx, int argc, char **argv, int *i, const char *lng, const char *shrt,
                        const char **value)
{
    const char *arg = argv[*i];
    size_t n = strlen(lng);
    if (strncmp(arg, lng, n) == 0 && arg[n] == '=') {
        *value = arg + n + 1;
        return 1;
    }
    if (shrt != NULL && strncmp(arg, shrt, 2) == 0 && arg[2] != '\0') {
        *value = arg + 2;
        return 1;
    }
    if (strcmp(arg, lng) != 0 && (shrt == NULL || strcmp(arg, shrt) != 0))
        return 0;
    if (*i + 1 >= argc) {
        cli_usage_error(ctx, "option %s needs a value", arg);
        return -1;
    }
    *i += 1;
    *value = argv[*i];
    return 1;
}

static int parse_format(cli_context *ctx, const char *name)
{
    if (strcmp(name, "table") == 0)
        ctx->format = CLI_FORMAT_TABLE;
    else if (strcmp(name, "json") == 0)
        ctx->format = CLI_FORMAT_JSON;
    else if (strcmp(name, "csv") == 0)
        ctx->format = CLI_FORMAT_CSV;
    else
        return cli_usage_error(ctx, "unknown format \"%s\" for --format (use table, json or csv)", name);
    return CLI_EXIT_OK;
}

/* Flushes standard output; a write error there is reported once, unless
 * the run already failed with a message. */
static int finish(cli_context *ctx, int status)
{
    if ((fflush(stdout) != 0 || ferror(stdout)) && status != CLI_EXIT_USAGE) {
        cli_error(ctx, "cannot write to standard output");
        status = CLI_EXIT_USAGE;
    }
    return status;
}

int main(int argc, char **argv)
{
    cli_context ctx;
    char **rest;
    int nrest = 0, i, status, want_help = 0, want_version = 0, end_of_options = 0;
    const cli_command *cmd;

    memset(&ctx, 0, sizeof ctx);
    ctx.out = stdout;
    ctx.err = stderr;
    rest = calloc((size_t)argc + 1, sizeof *rest);
    if (rest == NULL) {
        cli_error(&ctx, "out of memory");
        return CLI_EXIT_USAGE;
    }
    for (i = 1; i < argc; i++) {
        const char *arg = argv[i], *value = NULL;
        int r;
        if (end_of_options || !cli_is_option(arg)) {
            rest[nrest++] = argv[i];
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            /* Commands see "--" too; before the command name it only ends the options. */
            end_of_options = 1;
            if (nrest > 0)
                rest[nrest++] = argv[i];
            continue;
        }
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            want_help = 1;
            continue;
        }
        if (strcmp(arg, "--version") == 0) {
            want_version = 1;
            continue;
        }
        if ((r = option_value(&ctx, argc, argv, &i, "--dataset", NULL, &value)) != 0) {
            if (r < 0)
                goto usage;
            if (value[0] == '\0') {
                cli_usage_error(&ctx, "--dataset needs a file name");
                goto usage;
            }
            ctx.dataset_path = value;
            continue;
        }
        if ((r = option_value(&ctx, argc, argv, &i, "--format", NULL, &value)) != 0) {
            if (r < 0 || parse_format(&ctx, value) != CLI_EXIT_OK)
                goto usage;
            continue;
        }
        if ((r = option_value(&ctx, argc, argv, &i, "--output", "-o", &value)) != 0) {
            if (r < 0)
                goto usage;
            if (value[0] == '\0') {
                cli_usage_error(&ctx, "-o needs a file name");
                goto usage;
            }
            ctx.output_path = value;
            continue;
        }
        if (nrest == 0) {
            cli_usage_error(&ctx, "unknown option \"%s\"", arg);
            goto usage;
        }
        /* An option after the command name that is not global: the command's own. */
        rest[nrest++] = argv[i];
    }

    if (want_version) {
        fprintf(stdout, "ipofacts %s\n", ipofacts_version_string());
        free(rest);
        return finish(&ctx, CLI_EXIT_OK);
    }
    if (nrest == 0) {
        free(rest);
        if (want_help) {
            print_help(stdout);
            return finish(&ctx, CLI_EXIT_OK);
        }
        fputs(usage_line, stderr);
        cli_usage_error(&ctx, "no command given");
        return CLI_EXIT_USAGE;
    }
    if (strcmp(rest[0], "help") == 0) {
        status = CLI_EXIT_OK;
        if (nrest == 1) {
            print_help(stdout);
        } else if ((cmd = find_command(rest[1])) != NULL) {
            print_command_help(stdout, cmd);
        } else if (strcmp(rest[1], "help") == 0) {
            print_help(stdout);
        } else {
            status = cli_usage_error(&ctx, "unknown command \"%s\"", rest[1]);
        }
        free(rest);
        return finish(&ctx, status);
    }
    cmd = find_command(rest[0]);
    if (cmd == NULL) {
        cli_usage_error(&ctx, "unknown command \"%s\"", rest[0]);
        goto usage;
    }
    if (want_help) {
        print_command_help(stdout, cmd);
        free(rest);
        return finish(&ctx, CLI_EXIT_OK);
    }

    ctx.command = cmd->name;
    status = cli_output_open(&ctx);
    if (status == CLI_EXIT_OK) {
        int closed;
        rest[nrest] = NULL;
        status = cmd->run(&ctx, nrest, rest);
        /* Keep the output of a run that worked or found something; drop it
         * after bad usage or bad input. */
        closed = cli_output_close(&ctx, status != CLI_EXIT_USAGE);
        if (closed != CLI_EXIT_OK && status == CLI_EXIT_OK)
            status = closed;
    }
    free(rest);
    return finish(&ctx, status);

usage:
    free(rest);
    return CLI_EXIT_USAGE;
}
