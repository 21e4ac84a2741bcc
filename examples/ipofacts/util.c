/*
 * Helpers shared by the subcommands of the ipofacts program: opening the
 * dataset, finding a company, messages, the -o output file, and writing
 * values, JSON and CSV.
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* Messages                                                            */
/* ------------------------------------------------------------------ */

static FILE *err_stream(const cli_context *ctx)
{
    return (ctx != NULL && ctx->err != NULL) ? ctx->err : stderr;
}

void cli_error(cli_context *ctx, const char *fmt, ...)
{
    FILE *f = err_stream(ctx);
    va_list ap;
    fputs("ipofacts: ", f);
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fputc('\n', f);
    fflush(f);
}

int cli_usage_error(cli_context *ctx, const char *fmt, ...)
{
    FILE *f = err_stream(ctx);
    const char *cmd = (ctx != NULL) ? ctx->command : NULL;
    va_list ap;
    fputs("ipofacts: ", f);
    if (cmd != NULL)
        fprintf(f, "%s: ", cmd);
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    if (cmd != NULL)
        fprintf(f, " (try 'ipofacts help %s')\n", cmd);
    else
        fputs(" (try 'ipofacts --help')\n", f);
    fflush(f);
    return CLI_EXIT_USAGE;
}

void cli_error_detail(cli_context *ctx, const ipofacts_error *error, ipofacts_status status, const char *file)
{
    ipofacts_error e;
    char line[IPOFACTS_ERROR_FILE_SIZE + IPOFACTS_ERROR_PATH_SIZE + IPOFACTS_ERROR_MESSAGE_SIZE + 64];

    if (error != NULL)
        e = *error;
    else
        memset(&e, 0, sizeof e);
    e.file[sizeof e.file - 1] = '\0';
    e.path[sizeof e.path - 1] = '\0';
    e.message[sizeof e.message - 1] = '\0';
    if (e.file[0] == '\0' && file != NULL) {
        strncpy(e.file, file, sizeof e.file - 1);
        e.file[sizeof e.file - 1] = '\0';
    }
    if (e.message[0] == '\0') {
        strncpy(e.message, ipofacts_status_str(status), sizeof e.message - 1);
        e.message[sizeof e.message - 1] = '\0';
    }
    if (ipofacts_error_format(&e, line, sizeof line) == IPOFACTS_E_INVALID)
        snprintf(line, sizeof line, "%s", e.message);
    cli_error(ctx, "%s", line);
}

int cli_is_option(const char *arg)
{
    return arg != NULL && arg[0] == '-' && arg[1] != '\0';
}

static const char *format_name(cli_format format)
{
    switch (format) {
    case CLI_FORMAT_TABLE: return "table";
    case CLI_FORMAT_JSON: return "json";
    case CLI_FORMAT_CSV: return "csv";
    case CLI_FORMAT_DEFAULT: break;
    }
    return "default";
}

cli_format cli_choose_format(cli_context *ctx, unsigned accepted, cli_format dflt)
{
    char list[64] = "";
    cli_format f;
    if (ctx->format == CLI_FORMAT_DEFAULT)
        return dflt;
    if (accepted & CLI_FORMAT_BIT(ctx->format))
        return ctx->format;
    for (f = CLI_FORMAT_TABLE; f <= CLI_FORMAT_CSV; f = (cli_format)(f + 1)) {
        if (accepted & CLI_FORMAT_BIT(f)) {
            if (list[0] != '\0')
                strcat(list, ", ");
            strcat(list, format_name(f));
        }
    }
    cli_usage_error(ctx, "--format %s is not available here (use %s)", format_name(ctx->format), list);
    return CLI_FORMAT_DEFAULT;
}

/* ------------------------------------------------------------------ */
/* The -o output file                                                  */
/* ------------------------------------------------------------------ */

int cli_output_open(cli_context *ctx)
{
    static const char suffix[] = ".tmpXXXXXX";
    size_t n;
    char *tmp;
    int fd;
    mode_t mask;
    FILE *f;

    if (ctx->output_path == NULL || strcmp(ctx->output_path, "-") == 0 || ctx->output_tmp != NULL)
        return CLI_EXIT_OK;
    n = strlen(ctx->output_path);
    tmp = malloc(n + sizeof suffix);
    if (tmp == NULL) {
        cli_error(ctx, "out of memory");
        return CLI_EXIT_USAGE;
    }
    memcpy(tmp, ctx->output_path, n);
    memcpy(tmp + n, suffix, sizeof suffix);
    fd = mkstemp(tmp);
    if (fd < 0) {
        cli_error(ctx, "%s: cannot create a file there: %s", ctx->output_path, strerror(errno));
        free(tmp);
        return CLI_EXIT_USAGE;
    }
    /* mkstemp() makes the file private; give it the mode a new file gets. */
    mask = umask(0);
    umask(mask);
    (void)fchmod(fd, (mode_t)(0666 & ~mask));
    f = fdopen(fd, "w");
    if (f == NULL) {
        cli_error(ctx, "%s: %s", tmp, strerror(errno));
        close(fd);
        unlink(tmp);
        free(tmp);
        return CLI_EXIT_USAGE;
    }
    ctx->output_tmp = tmp;
    ctx->out = f;
    return CLI_EXIT_OK;
}

int cli_output_close(cli_context *ctx, int commit)
{
    int status = CLI_EXIT_OK;
    if (ctx->output_tmp == NULL) {
        if (ctx->out != NULL && (fflush(ctx->out) != 0 || ferror(ctx->out))) {
            cli_error(ctx, "cannot write the output: %s", strerror(errno));
            return CLI_EXIT_USAGE;
        }
        return CLI_EXIT_OK;
    }
    if (commit) {
        int failed = fflush(ctx->out) != 0 || ferror(ctx->out) || fsync(fileno(ctx->out)) != 0;
        int saved = errno;
        if (fclose(ctx->out) != 0 && !failed) {
            failed = 1;
            saved = errno;
        }
        if (!failed && rename(ctx->output_tmp, ctx->output_path) != 0) {
            failed = 1;
            saved = errno;
        }
        if (failed) {
            cli_error(ctx, "%s: cannot write: %s", ctx->output_path, strerror(saved));
            unlink(ctx->output_tmp);
            status = CLI_EXIT_USAGE;
        }
    } else {
        fclose(ctx->out);
        unlink(ctx->output_tmp);
    }
    free(ctx->output_tmp);
    ctx->output_tmp = NULL;
    ctx->out = stdout;
    return status;
}

/* ------------------------------------------------------------------ */
/* Dataset and company                                                 */
/* ------------------------------------------------------------------ */

/* Reads all of standard input; NULL with errno set on failure. */
static char *read_stdin(size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (buf == NULL)
        return NULL;
    for (;;) {
        size_t got;
        if (n == cap) {
            char *bigger;
            if (cap > ((size_t)1 << 31)) {
                free(buf);
                errno = EFBIG;
                return NULL;
            }
            bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
        got = fread(buf + n, 1, cap - n, stdin);
        n += got;
        if (got == 0) {
            if (ferror(stdin)) {
                free(buf);
                errno = EIO;
                return NULL;
            }
            break;
        }
    }
    *len = n;
    return buf;
}

ipofacts_dataset *cli_open_dataset(cli_context *ctx)
{
    ipofacts_dataset *ds = NULL;
    ipofacts_error e;
    ipofacts_status st;
    const char *path = ctx->dataset_path;
    const char *shown = path;

    memset(&e, 0, sizeof e);
    if (path == NULL) {
        st = ipofacts_dataset_open_builtin(&ds);
        if (st != IPOFACTS_OK) {
            cli_error(ctx, "cannot open the built-in dataset: %s", ipofacts_status_str(st));
            return NULL;
        }
        return ds;
    }
    if (strcmp(path, "-") == 0) {
        size_t len = 0;
        char *data = read_stdin(&len);
        shown = "<stdin>";
        if (data == NULL) {
            cli_error(ctx, "%s: cannot read: %s", shown, strerror(errno));
            return NULL;
        }
        st = ipofacts_dataset_load_buffer(&ds, data, len, &e);
        free(data);
    } else {
        st = ipofacts_dataset_load_file(&ds, path, &e);
    }
    if (st == IPOFACTS_OK)
        return ds;
    ipofacts_dataset_free(ds);
    cli_error_detail(ctx, &e, st, shown);
    return NULL;
}

const ipofacts_company *cli_find_company(cli_context *ctx, const ipofacts_dataset *ds, const char *key)
{
    const ipofacts_company *c = ipofacts_dataset_find_company(ds, key);
    size_t i, n;
    char known[512];
    size_t used = 0;

    if (c != NULL)
        return c;
    known[0] = '\0';
    n = ipofacts_dataset_company_count(ds);
    for (i = 0; i < n; i++) {
        const char *id = ipofacts_company_id(ipofacts_dataset_company(ds, i));
        size_t len = strlen(id);
        if (used + len + 8 >= sizeof known) {
            memcpy(known + used, ", ...", 6);
            break;
        }
        if (used > 0) {
            memcpy(known + used, ", ", 2);
            used += 2;
        }
        memcpy(known + used, id, len + 1);
        used += len;
    }
    cli_error(ctx, "%s: no company matches \"%s\" (companies: %s)",
              ctx->dataset_path != NULL ? ctx->dataset_path : "built-in dataset", key,
              n > 0 ? known : "none");
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Values                                                              */
/* ------------------------------------------------------------------ */

const char *cli_decimal(char *buf, const ipofacts_decimal *d)
{
    if (ipofacts_decimal_format(d, buf, IPOFACTS_DECIMAL_STRING_SIZE) != IPOFACTS_OK)
        strcpy(buf, "?");
    return buf;
}

const char *cli_date(char *buf, const ipofacts_date *d)
{
    if (d == NULL || d->precision == IPOFACTS_DATE_UNKNOWN ||
        ipofacts_date_format(d, buf, IPOFACTS_DATE_STRING_SIZE) != IPOFACTS_OK)
        buf[0] = '\0';
    return buf;
}

const char *cli_decimal_grouped(char *buf, const ipofacts_decimal *d)
{
    char plain[IPOFACTS_DECIMAL_STRING_SIZE];
    const char *p = cli_decimal(plain, d);
    const char *point;
    size_t int_len, i, o = 0;

    if (*p == '-')
        buf[o++] = *p++;
    point = strchr(p, '.');
    int_len = point != NULL ? (size_t)(point - p) : strlen(p);
    for (i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = p[i];
    }
    if (point != NULL) {
        size_t rest = strlen(point);
        memcpy(buf + o, point, rest);
        o += rest;
    }
    buf[o] = '\0';
    return buf;
}

const char *cli_unit_label(const char *unit)
{
    switch (ipofacts_unit_classify(unit)) {
    case IPOFACTS_UNIT_PURE: return "%";
    case IPOFACTS_UNIT_MULTIPLE: return "\xC3\x97"; /* × */
    default: return unit != NULL ? unit : "";
    }
}

/* A pure fraction as a percentage: the same digits, the point moved two places. */
static ipofacts_decimal as_percent(ipofacts_decimal v, int *ok)
{
    *ok = v.exponent <= IPOFACTS_DECIMAL_EXPONENT_MAX - 2;
    if (*ok)
        v.exponent += 2;
    return v;
}

const char *cli_fact_text(char *buf, const ipofacts_fact *fact, int with_unit)
{
    const char *unit = ipofacts_fact_unit(fact);
    ipofacts_unit_kind kind = ipofacts_unit_classify(unit);
    ipofacts_qualifier q = ipofacts_fact_qualifier(fact);
    ipofacts_decimal lo = ipofacts_fact_value(fact), hi;
    int has_hi = q == IPOFACTS_QUALIFIER_RANGE && ipofacts_fact_upper(&hi, fact) == IPOFACTS_OK;
    int percent = kind == IPOFACTS_UNIT_PURE;
    char a[CLI_NUMBER_SIZE], b[CLI_NUMBER_SIZE];
    const char *prefix = "", *suffix = "";
    int sep_unit = 0;

    if (percent) {
        int ok_lo, ok_hi = 1;
        ipofacts_decimal plo = as_percent(lo, &ok_lo), phi = hi;
        if (has_hi)
            phi = as_percent(hi, &ok_hi);
        if (ok_lo && ok_hi) {
            lo = plo;
            hi = phi;
        } else {
            percent = 0;
        }
    }
    switch (q) {
    case IPOFACTS_QUALIFIER_APPROXIMATELY: prefix = "~"; break;
    case IPOFACTS_QUALIFIER_AT_LEAST: prefix = "\xE2\x89\xA5"; break; /* ≥ */
    case IPOFACTS_QUALIFIER_AT_MOST: prefix = "\xE2\x89\xA4"; break;  /* ≤ */
    default: break;
    }
    if (percent)
        suffix = "%";
    else if (kind == IPOFACTS_UNIT_MULTIPLE)
        suffix = "\xC3\x97";
    else if (with_unit && unit != NULL) {
        suffix = unit;
        sep_unit = 1;
    }
    cli_decimal_grouped(a, &lo);
    if (has_hi) {
        cli_decimal_grouped(b, &hi);
        snprintf(buf, CLI_VALUE_SIZE, "%s\xE2\x80\x93%s%s%s", a, b, sep_unit ? " " : "", suffix); /* – */
    } else {
        snprintf(buf, CLI_VALUE_SIZE, "%s%s%s%s", prefix, a, sep_unit ? " " : "", suffix);
    }
    return buf;
}

static int same_segment(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    return strcmp(a, b) == 0;
}

size_t cli_fact_report_count(const ipofacts_fact *fact)
{
    const ipofacts_period *p = ipofacts_fact_period(fact);
    const char *concept = ipofacts_fact_concept_id(fact);
    const char *segment = ipofacts_fact_segment(fact);
    size_t i, n = ipofacts_period_fact_count(p), count = 0;
    for (i = 0; i < n; i++) {
        const ipofacts_fact *o = ipofacts_period_fact_at(p, i);
        if (strcmp(ipofacts_fact_concept_id(o), concept) == 0 && same_segment(ipofacts_fact_segment(o), segment))
            count++;
    }
    return count;
}

int cli_fact_is_preferred(const ipofacts_fact *fact)
{
    const ipofacts_fact *best = NULL;
    if (ipofacts_period_find_fact(&best, NULL, ipofacts_fact_period(fact), ipofacts_fact_concept_id(fact),
                                  ipofacts_fact_segment(fact)) != IPOFACTS_OK)
        return 0;
    return best == fact;
}

/* ------------------------------------------------------------------ */
/* JSON                                                                */
/* ------------------------------------------------------------------ */

void cli_json_string(FILE *f, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");
    fputc('"', f);
    for (; *p != '\0'; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\b': fputs("\\b", f); break;
        case '\f': fputs("\\f", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", (unsigned)*p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

void cli_json_init(cli_json *j, FILE *f)
{
    memset(j, 0, sizeof *j);
    j->f = f;
}

static int json_slot(int depth)
{
    if (depth < 0)
        return 0;
    return depth < CLI_JSON_MAX_DEPTH ? depth : CLI_JSON_MAX_DEPTH - 1;
}

static void json_indent(cli_json *j, int depth)
{
    int i;
    for (i = 0; i < depth; i++)
        fputs("  ", j->f);
}

/* Writes what goes before a value or a key: a comma, a newline, the indent. */
static void json_before(cli_json *j)
{
    if (j->pending_key) {
        j->pending_key = 0;
        return;
    }
    if (j->depth > 0) {
        if (j->count[json_slot(j->depth)] > 0)
            fputc(',', j->f);
        fputc('\n', j->f);
        json_indent(j, j->depth);
    }
    j->count[json_slot(j->depth)]++;
}

static void json_open(cli_json *j, int c)
{
    json_before(j);
    fputc(c, j->f);
    j->depth++;
    j->count[json_slot(j->depth)] = 0;
}

static void json_close(cli_json *j, int c)
{
    int had = j->count[json_slot(j->depth)];
    j->depth--;
    if (had > 0) {
        fputc('\n', j->f);
        json_indent(j, j->depth);
    }
    fputc(c, j->f);
}

void cli_json_begin_object(cli_json *j) { json_open(j, '{'); }
void cli_json_end_object(cli_json *j) { json_close(j, '}'); }
void cli_json_begin_array(cli_json *j) { json_open(j, '['); }
void cli_json_end_array(cli_json *j) { json_close(j, ']'); }

void cli_json_key(cli_json *j, const char *key)
{
    json_before(j);
    cli_json_string(j->f, key);
    fputs(": ", j->f);
    j->pending_key = 1;
}

void cli_json_str(cli_json *j, const char *s)
{
    json_before(j);
    if (s == NULL)
        fputs("null", j->f);
    else
        cli_json_string(j->f, s);
}

void cli_json_int(cli_json *j, long long v)
{
    json_before(j);
    fprintf(j->f, "%lld", v);
}

void cli_json_bool(cli_json *j, int v)
{
    json_before(j);
    fputs(v ? "true" : "false", j->f);
}

void cli_json_null(cli_json *j)
{
    json_before(j);
    fputs("null", j->f);
}

void cli_json_number(cli_json *j, double x)
{
    char buf[32];
    json_before(j);
    /* JSON has no infinity and no NaN. */
    if (!isfinite(x)) {
        fputs("null", j->f);
        return;
    }
    /* The shortest %.<p>g that reads back as the same double: 0.1, not
     * 0.10000000000000001; %.17g always does. */
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*g", p, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    fputs(buf, j->f);
}

void cli_json_decimal(cli_json *j, const ipofacts_decimal *d)
{
    char buf[IPOFACTS_DECIMAL_STRING_SIZE];
    if (d == NULL || ipofacts_decimal_format(d, buf, sizeof buf) != IPOFACTS_OK)
        cli_json_null(j);
    else
        cli_json_str(j, buf);
}

void cli_json_finish(cli_json *j)
{
    fputc('\n', j->f);
}

void cli_json_date(cli_json *j, const ipofacts_date *d)
{
    char buf[IPOFACTS_DATE_STRING_SIZE];
    cli_date(buf, d);
    cli_json_str(j, buf[0] != '\0' ? buf : NULL);
}

void cli_json_fact(cli_json *j, const ipofacts_fact *fact)
{
    const ipofacts_period *p = ipofacts_fact_period(fact);
    ipofacts_date start = ipofacts_period_start(p), end = ipofacts_period_end(p);
    ipofacts_decimal v = ipofacts_fact_value(fact), hi;
    int32_t decimals = ipofacts_fact_decimals(fact);
    size_t i, n = ipofacts_fact_source_count(fact);

    cli_json_begin_object(j);
    if (ipofacts_fact_id(fact) != NULL) {
        cli_json_key(j, "id");
        cli_json_str(j, ipofacts_fact_id(fact));
    }
    cli_json_key(j, "concept");
    cli_json_str(j, ipofacts_fact_concept_id(fact));
    cli_json_key(j, "period");
    cli_json_str(j, ipofacts_period_id(p));
    cli_json_key(j, "period_start");
    cli_json_date(j, &start);
    cli_json_key(j, "period_end");
    cli_json_date(j, &end);
    cli_json_key(j, "segment");
    cli_json_str(j, ipofacts_fact_segment(fact));
    cli_json_key(j, "value");
    cli_json_decimal(j, &v);
    if (ipofacts_fact_upper(&hi, fact) == IPOFACTS_OK) {
        cli_json_key(j, "upper");
        cli_json_decimal(j, &hi);
    }
    cli_json_key(j, "unit");
    cli_json_str(j, ipofacts_fact_unit(fact));
    cli_json_key(j, "decimals");
    if (decimals == IPOFACTS_DECIMALS_INF)
        cli_json_str(j, "INF");
    else
        cli_json_int(j, decimals);
    cli_json_key(j, "qualifier");
    cli_json_str(j, ipofacts_qualifier_name(ipofacts_fact_qualifier(fact)));
    cli_json_key(j, "preferred");
    cli_json_bool(j, cli_fact_is_preferred(fact));
    cli_json_key(j, "reports");
    cli_json_int(j, (long long)cli_fact_report_count(fact));
    if (ipofacts_fact_note(fact) != NULL) {
        cli_json_key(j, "note");
        cli_json_str(j, ipofacts_fact_note(fact));
    }
    cli_json_key(j, "sources");
    cli_json_begin_array(j);
    for (i = 0; i < n; i++) {
        cli_json_begin_object(j);
        cli_json_key(j, "id");
        cli_json_str(j, ipofacts_source_id(ipofacts_fact_source(fact, i)));
        cli_json_key(j, "text");
        cli_json_str(j, ipofacts_fact_quote(fact, i));
        cli_json_end_object(j);
    }
    cli_json_end_array(j);
    cli_json_end_object(j);
}

/* ------------------------------------------------------------------ */
/* CSV                                                                 */
/* ------------------------------------------------------------------ */

void cli_csv_field(FILE *f, const char *s)
{
    const char *p;
    if (s == NULL)
        return;
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (p = s; *p != '\0'; p++) {
        if (*p == '"')
            fputc('"', f);
        fputc(*p, f);
    }
    fputc('"', f);
}

void cli_csv_fact_header(FILE *f)
{
    fputs("company,concept,segment,period_start,period_end,value,unit,decimals,qualifier,source\n", f);
}

void cli_csv_fact_row(FILE *f, const ipofacts_fact *fact)
{
    const ipofacts_period *p = ipofacts_fact_period(fact);
    ipofacts_date start = ipofacts_period_start(p), end = ipofacts_period_end(p);
    ipofacts_decimal v = ipofacts_fact_value(fact), hi;
    char date[IPOFACTS_DATE_STRING_SIZE];
    char value[2 * IPOFACTS_DECIMAL_STRING_SIZE + 4];
    char num[IPOFACTS_DECIMAL_STRING_SIZE];
    int32_t decimals = ipofacts_fact_decimals(fact);
    size_t i, n = ipofacts_fact_source_count(fact);

    cli_csv_field(f, ipofacts_company_id(ipofacts_fact_company(fact)));
    fputc(',', f);
    cli_csv_field(f, ipofacts_fact_concept_id(fact));
    fputc(',', f);
    cli_csv_field(f, ipofacts_fact_segment(fact));
    fputc(',', f);
    if (!ipofacts_period_is_instant(p))
        cli_csv_field(f, cli_date(date, &start));
    fputc(',', f);
    cli_csv_field(f, cli_date(date, &end));
    fputc(',', f);
    cli_decimal(value, &v);
    if (ipofacts_fact_qualifier(fact) == IPOFACTS_QUALIFIER_RANGE && ipofacts_fact_upper(&hi, fact) == IPOFACTS_OK) {
        strcat(value, "..");
        strcat(value, cli_decimal(num, &hi));
    }
    cli_csv_field(f, value);
    fputc(',', f);
    cli_csv_field(f, ipofacts_fact_unit(fact));
    fputc(',', f);
    if (decimals == IPOFACTS_DECIMALS_INF)
        fputs("INF", f);
    else
        fprintf(f, "%ld", (long)decimals);
    fputc(',', f);
    cli_csv_field(f, ipofacts_qualifier_name(ipofacts_fact_qualifier(fact)));
    fputc(',', f);
    /* Source ids are [A-Za-z0-9_.:-]+: "|" cannot occur in one, and none
     * needs quoting. */
    for (i = 0; i < n; i++) {
        if (i > 0)
            fputc('|', f);
        fputs(ipofacts_source_id(ipofacts_fact_source(fact, i)), f);
    }
    fputc('\n', f);
}
