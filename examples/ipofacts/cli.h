/*
 * Internal header of the ipofacts program (examples/ipofacts/). Not installed.
 *
 * Each subcommand lives in its own cmd_<name>.c and has the signature of
 * cli_command_fn; main.c lists it in its dispatch table (one line a
 * command). main.c takes the global options (--dataset FILE, --format
 * table|json|csv, -o FILE) out of the command line, before or after the
 * command name, and runs the command with what is left. Commands write to
 * ctx->out (which is the -o file when one is given) and report problems on
 * ctx->err. See docs/cli.md.
 *
 * Exit statuses: CLI_EXIT_OK (0), CLI_EXIT_FINDINGS (1: findings, or a
 * computation that failed), CLI_EXIT_USAGE (2: bad usage or bad input, with a
 * one-line message on stderr that says what and where).
 */
#ifndef IPOFACTS_CLI_H
#define IPOFACTS_CLI_H

#include <stdio.h>
#include <ipofacts/ipofacts.h>

enum { CLI_EXIT_OK = 0, CLI_EXIT_FINDINGS = 1, CLI_EXIT_USAGE = 2 };

typedef enum cli_format { CLI_FORMAT_DEFAULT = 0, CLI_FORMAT_TABLE, CLI_FORMAT_JSON, CLI_FORMAT_CSV } cli_format;

/* What main.c parsed before the subcommand's own arguments. */
typedef struct cli_context {
    const char *dataset_path; /* --dataset FILE, or NULL for the built-in data */
    cli_format format;        /* --format, CLI_FORMAT_DEFAULT when not given */
    const char *output_path;  /* -o FILE / --output FILE, or NULL */
    FILE *out;                /* stdout, or the temporary file of -o FILE while a command runs */
    FILE *err;                /* stderr */
    const char *command;      /* name of the running subcommand, for messages */
    char *output_tmp;         /* internal to cli_output_open()/cli_output_close() */
} cli_context;

/* argv[0] is the subcommand's name; global options are already removed; a
 * "--" the user gave after the command name is kept (it ends the options).
 * argv[argc] is NULL. Returns an exit status. */
typedef int (*cli_command_fn)(cli_context *ctx, int argc, char **argv);

/* Opens the dataset the context names (built-in or --dataset FILE). On
 * failure prints one line "ipofacts: FILE:LINE:COL: PATH: message" to
 * ctx->err and returns NULL. The caller frees it with ipofacts_dataset_free(). */
ipofacts_dataset *cli_open_dataset(cli_context *ctx);

/* Finds the company named by key (id, ticker or name); prints an error and
 * returns NULL when none matches. */
const ipofacts_company *cli_find_company(cli_context *ctx, const ipofacts_dataset *ds, const char *key);

/* Prints one line "ipofacts: FILE:LINE:COL: PATH: message" for an error a
 * library function filled (ipofacts_error_format()); file names the input
 * when the error does not, and an empty message becomes the status's name. */
void cli_error_detail(cli_context *ctx, const ipofacts_error *error, ipofacts_status status, const char *file);

/* Reports an option or operand the subcommand does not accept:
 * "ipofacts: report: unknown option "--x" (try 'ipofacts help report')".
 * Returns CLI_EXIT_USAGE. */
int cli_usage_error(cli_context *ctx, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* True when arg is an option ("-x", "--x"), not an operand ("-" is an operand). */
int cli_is_option(const char *arg);

/* The formats a subcommand accepts. Checks ctx->format against the mask
 * (1u << CLI_FORMAT_TABLE | ...) and returns the format to use: ctx->format,
 * or dflt when none was given. Prints a message and returns
 * CLI_FORMAT_DEFAULT when the format is not accepted. */
cli_format cli_choose_format(cli_context *ctx, unsigned accepted, cli_format dflt);
#define CLI_FORMAT_BIT(f) (1u << (unsigned)(f))

/* Output to -o FILE. main.c calls these around every subcommand:
 * cli_output_open() makes a temporary file next to ctx->output_path and
 * points ctx->out at it;
 * cli_output_close() flushes it and renames it over the path (commit != 0)
 * or removes it (commit == 0), so FILE holds either its old content or the
 * whole new output. With no ctx->output_path, open does nothing and close
 * only flushes ctx->out. Both return CLI_EXIT_OK or, after a message,
 * CLI_EXIT_USAGE. A command that writes FILE by other means (export with
 * ipofacts_dataset_save_file()) first calls cli_output_close(ctx, 0). */
int cli_output_open(cli_context *ctx);
int cli_output_close(cli_context *ctx, int commit);

/* Prints "ipofacts: <formatted message>\n" to ctx->err. */
void cli_error(cli_context *ctx, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* ---- Tables aligned by display width (CJK characters are two columns) ---- */

typedef enum cli_align { CLI_ALIGN_LEFT = 0, CLI_ALIGN_RIGHT = 1 } cli_align;

typedef struct cli_table cli_table;

/* A table with ncols columns; headers[i] names column i (headers NULL: no
 * header line); aligns NULL: every column left-aligned. NULL when out of
 * memory. */
cli_table *cli_table_new(size_t ncols, const char *const *headers, const cli_align *aligns);
/* Appends a row of ncols cells (copied; NULL prints empty). 0, or -1 when
 * out of memory. */
int cli_table_add_row(cli_table *t, const char *const *cells);
/* Prints the table to f: header, a rule, the rows, columns padded by
 * display width; cells wider than max_width (0 = no limit) are truncated at
 * a character boundary with "…". */
void cli_table_print(const cli_table *t, FILE *f, size_t max_width);
/* Prints every line of the table after indent spaces (default 0). */
void cli_table_set_indent(cli_table *t, size_t indent);
/* The widest column col may print, overriding cli_table_print()'s
 * max_width for it; 0 = no limit. */
void cli_table_set_max_width(cli_table *t, size_t col, size_t max_width);
/* Number of rows added so far. */
size_t cli_table_row_count(const cli_table *t);
/* Prints the table as CSV (RFC 4180 quoting). */
void cli_table_print_csv(const cli_table *t, FILE *f);
void cli_table_free(cli_table *t);

/* ---- Small output helpers ---- */

/* Writes s as a JSON string literal (with quotes), escaping as JSON needs. */
void cli_json_string(FILE *f, const char *s);
/* Writes a field as a CSV field (quoted when needed). */
void cli_csv_field(FILE *f, const char *s);
/* Formats a decimal into buf (IPOFACTS_DECIMAL_STRING_SIZE bytes). */
const char *cli_decimal(char *buf, const ipofacts_decimal *d);
/* Formats a date into buf (IPOFACTS_DATE_STRING_SIZE bytes); "" when unknown. */
const char *cli_date(char *buf, const ipofacts_date *d);

/* Formats a decimal for people, exactly, with thousands separators:
 * "30,523,000", "-269,000,000", "1,234.50". buf holds CLI_NUMBER_SIZE bytes. */
#define CLI_NUMBER_SIZE 96
const char *cli_decimal_grouped(char *buf, const ipofacts_decimal *d);

/* Formats a fact's value for people, exactly: qualifier as a prefix
 * ("~", "≥", "≤"), a range as "lo–hi", a pure value as a percentage
 * ("23.3%"), a multiple with "×"; with_unit appends the unit of other
 * facts ("165 HKD/share"). buf holds CLI_VALUE_SIZE bytes. */
#define CLI_VALUE_SIZE 256
const char *cli_fact_text(char *buf, const ipofacts_fact *fact, int with_unit);

/* How a unit is shown next to a label: "%" for pure, "×" for multiple,
 * the unit itself otherwise ("USD", "HKD/share", "people"). */
const char *cli_unit_label(const char *unit);

/* Number of facts of the fact's period with its concept and segment: 1 when
 * it is the only report, more when other sources report the same figure. */
size_t cli_fact_report_count(const ipofacts_fact *fact);

/* True when the fact is the one ipofacts_period_find_fact() prefers for its
 * period, concept and segment. */
int cli_fact_is_preferred(const ipofacts_fact *fact);

/* ---- JSON output: a small pretty-printing writer (two-space indent) ---- */

#define CLI_JSON_MAX_DEPTH 32
typedef struct cli_json {
    FILE *f;
    int depth;
    int pending_key;                 /* a key was written; the value follows on its line */
    int count[CLI_JSON_MAX_DEPTH];   /* values written so far at each depth */
} cli_json;

void cli_json_init(cli_json *j, FILE *f);
void cli_json_begin_object(cli_json *j);
void cli_json_end_object(cli_json *j);
void cli_json_begin_array(cli_json *j);
void cli_json_end_array(cli_json *j);
void cli_json_key(cli_json *j, const char *key);
void cli_json_str(cli_json *j, const char *s);  /* NULL writes null */
void cli_json_int(cli_json *j, long long v);
void cli_json_bool(cli_json *j, int v);
void cli_json_null(cli_json *j);
/* A double as a JSON number: the shortest %.<p>g that reads back as the
 * same double (p at most 17: %.17g when nothing shorter does), so
 * 0.2246913535506172, 0.1 (not 0.10000000000000001), 3.0523e+07.
 * Infinities and NaN, which JSON cannot write, are null. */
void cli_json_number(cli_json *j, double x);
/* An exact decimal as a JSON string, as every decimal value of the
 * program's JSON is written ("30523000", "-0.247", "1.220"), so that no
 * digit is lost to a reader's doubles; null for NULL or a decimal that
 * cannot be formatted. */
void cli_json_decimal(cli_json *j, const ipofacts_decimal *d);
/* Ends the document with a newline. */
void cli_json_finish(cli_json *j);
/* A date as a string ("2021-12"), or null when unknown. */
void cli_json_date(cli_json *j, const ipofacts_date *d);
/* A fact as an object: id, concept, period, period_start, period_end,
 * segment, value (exact string), upper (ranges), unit, decimals (integer or
 * "INF"), qualifier, preferred, reports, note, sources [{id, text}]. */
void cli_json_fact(cli_json *j, const ipofacts_fact *fact);

/* ---- Facts as CSV (the columns of `ipofacts export --format csv`) ---- */

/* The header line:
 * company,concept,segment,period_start,period_end,value,unit,decimals,qualifier,source */
void cli_csv_fact_header(FILE *f);
/* One fact as one CSV line: value "lo..hi" for a range, decimals an integer
 * or "INF", source the source ids joined with "|". */
void cli_csv_fact_row(FILE *f, const ipofacts_fact *fact);

/* ---- Report sections provided by other parts of the program ---- */

/* Prints the ratios section of `ipofacts report` for one company (table
 * format) to ctx->out. Returns CLI_EXIT_OK, or CLI_EXIT_FINDINGS when a
 * ratio could not be computed. Defined with the ratios subcommand. */
int cli_report_ratios(cli_context *ctx, const ipofacts_company *company);

/* ---- Ratios and findings (report_ratios.c) ---- */

/* x in a unit's display form, rounded toward -inf (dir < 0), +inf (dir > 0)
 * or to nearest (0) at the last digit shown: "782.17%", "64,507,142",
 * "18.39", "143.10×". */
const char *cli_ratio_number(char *buf, size_t size, const char *unit, double x, int dir);
/* A ratio's interval, rounded outward: "[780.88%, 783.46%]"; "" when refused. */
const char *cli_ratio_interval(char *buf, size_t size, const ipofacts_ratio *r);
/* A derivation's name: "growth of revenue", "segment_share[hailuo_ai]",
 * "price_to_sales (约720亿港元)". */
const char *cli_ratio_name(char *buf, size_t size, const ipofacts_derived *d);
/* The table of `ipofacts ratios`: [company,] ratio, period, value,
 * interval, status, basis, reported, sources. */
cli_table *cli_ratio_table_new(int with_company);
int cli_ratio_table_add(cli_table *t, const ipofacts_derived *d, int with_company);
/* JSON: a ratio's value, lo, hi (cli_json_number(); null when not
 * computed or open), unit, status, basis and flags as members of the
 * current object; a derivation as an object with its inputs, nested
 * derivations included. */
void cli_json_ratio_numbers(cli_json *j, const ipofacts_ratio *r);
void cli_json_ratio(cli_json *j, const ipofacts_derived *d);

/* ---- Subcommands, one per cmd_<name>.c ---- */
int cli_cmd_report(cli_context *ctx, int argc, char **argv);
int cli_cmd_export(cli_context *ctx, int argc, char **argv);
int cli_cmd_import_sec(cli_context *ctx, int argc, char **argv);
int cli_cmd_parse(cli_context *ctx, int argc, char **argv);
int cli_cmd_scan(cli_context *ctx, int argc, char **argv);
int cli_cmd_chart(cli_context *ctx, int argc, char **argv);
int cli_cmd_ratios(cli_context *ctx, int argc, char **argv);
int cli_cmd_check(cli_context *ctx, int argc, char **argv);

/* ---- Amounts read from text (cmd_parse.c; used by parse and scan) ---- */

/* The exact value of an amount, "lo..hi" for a range. */
const char *cli_amount_value(char *buf, size_t size, const ipofacts_amount *a);
/* The rate a conversion implies: unit ("CNY/USD") and bounds with 7
 * significant digits rounded outward. 1, or 0 when there is none. */
int cli_amount_rate(char *unit, size_t unit_size, char *lo, char *hi, size_t size, const ipofacts_amount *from,
                    const ipofacts_amount *to);
/* An amount as a JSON object: text, value, lo/hi (ranges), unit, decimals,
 * qualifier, start, end; with from: conversion_of and implied_rate; with
 * context: context. */
void cli_json_amount(cli_json *j, const ipofacts_amount *a, const char *text, const ipofacts_amount *from,
                     const char *context);

#endif
