/*
 * Text tables aligned by display width: a CJK character takes two columns
 * of a terminal, so byte or character counts would misalign Chinese names.
 * Widths come from ipofacts_text_width(); cells that are too wide are cut at
 * a character boundary with ipofacts_text_truncate().
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

struct cli_table {
    size_t ncols;
    size_t nrows;
    size_t cap;         /* rows allocated */
    size_t indent;      /* spaces before each line */
    char **headers;     /* ncols strings, or NULL for a table without a header */
    cli_align *aligns;  /* ncols */
    size_t *limits;     /* ncols: the widest a cell may print; LIMIT_DEFAULT: cli_table_print()'s */
    char **cells;       /* nrows * ncols strings, never NULL */
};

static const char ellipsis[] = "\xE2\x80\xA6"; /* … */

#define LIMIT_DEFAULT ((size_t)-1)

static char *dup_or_empty(const char *s)
{
    size_t n;
    char *d;
    if (s == NULL)
        s = "";
    n = strlen(s);
    d = malloc(n + 1);
    if (d != NULL)
        memcpy(d, s, n + 1);
    return d;
}

/* Display width of s; its byte length if it is not valid UTF-8. */
static size_t width_of(const char *s, size_t len)
{
    size_t w = 0;
    if (ipofacts_text_width(&w, s, len) != IPOFACTS_OK)
        return len;
    return w;
}

cli_table *cli_table_new(size_t ncols, const char *const *headers, const cli_align *aligns)
{
    cli_table *t;
    size_t i;
    if (ncols == 0)
        return NULL;
    t = calloc(1, sizeof *t);
    if (t == NULL)
        return NULL;
    t->ncols = ncols;
    t->aligns = calloc(ncols, sizeof *t->aligns);
    t->limits = calloc(ncols, sizeof *t->limits);
    if (t->aligns == NULL || t->limits == NULL)
        goto fail;
    for (i = 0; i < ncols; i++)
        t->limits[i] = LIMIT_DEFAULT;
    if (aligns != NULL)
        memcpy(t->aligns, aligns, ncols * sizeof *aligns);
    if (headers != NULL) {
        t->headers = calloc(ncols, sizeof *t->headers);
        if (t->headers == NULL)
            goto fail;
        for (i = 0; i < ncols; i++) {
            t->headers[i] = dup_or_empty(headers[i]);
            if (t->headers[i] == NULL)
                goto fail;
        }
    }
    return t;
fail:
    cli_table_free(t);
    return NULL;
}

void cli_table_set_indent(cli_table *t, size_t indent)
{
    if (t != NULL)
        t->indent = indent;
}

void cli_table_set_max_width(cli_table *t, size_t col, size_t max_width)
{
    if (t != NULL && col < t->ncols)
        t->limits[col] = max_width;
}

static size_t limit_of(const cli_table *t, size_t col, size_t max_width)
{
    return t->limits[col] == LIMIT_DEFAULT ? max_width : t->limits[col];
}

size_t cli_table_row_count(const cli_table *t)
{
    return t != NULL ? t->nrows : 0;
}

int cli_table_add_row(cli_table *t, const char *const *cells)
{
    size_t i;
    char **row;
    if (t == NULL || cells == NULL)
        return -1;
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 8;
        char **bigger = realloc(t->cells, cap * t->ncols * sizeof *bigger);
        if (bigger == NULL)
            return -1;
        t->cells = bigger;
        t->cap = cap;
    }
    row = t->cells + t->nrows * t->ncols;
    for (i = 0; i < t->ncols; i++) {
        row[i] = dup_or_empty(cells[i]);
        if (row[i] == NULL) {
            while (i-- > 0)
                free(row[i]);
            return -1;
        }
    }
    t->nrows++;
    return 0;
}

/* The bytes of s to print in at most max columns (0 = no limit), and
 * whether an ellipsis follows them. */
static size_t fit(const char *s, size_t max, size_t *width, int *cut)
{
    size_t len = strlen(s), w = width_of(s, len), keep = len, ew;
    *cut = 0;
    *width = w;
    if (max == 0 || w <= max)
        return len;
    ew = width_of(ellipsis, sizeof ellipsis - 1);
    if (max < ew + 1)
        max = ew + 1;
    if (ipofacts_text_truncate(&keep, s, len, max - ew) != IPOFACTS_OK)
        keep = max - ew < len ? max - ew : len; /* not UTF-8: widths are bytes */
    *cut = 1;
    *width = width_of(s, keep) + ew;
    return keep;
}

static void spaces(FILE *f, size_t n)
{
    while (n-- > 0)
        fputc(' ', f);
}

static void print_line(const cli_table *t, FILE *f, char *const *cells, const size_t *widths, size_t max_width)
{
    size_t c, last = t->ncols;
    /* When the last column is left-aligned, lines are ragged anyway: trailing
     * empty cells print nothing rather than spaces. A table whose last
     * column is right-aligned keeps every line as wide as its rule. */
    if (t->aligns[t->ncols - 1] == CLI_ALIGN_LEFT)
        while (last > 0 && cells[last - 1][0] == '\0')
            last--;
    spaces(f, t->indent);
    for (c = 0; c < last; c++) {
        size_t w;
        int cut;
        size_t keep = fit(cells[c], limit_of(t, c, max_width), &w, &cut);
        size_t pad = widths[c] > w ? widths[c] - w : 0;
        if (c > 0)
            fputs("  ", f);
        if (t->aligns[c] == CLI_ALIGN_RIGHT)
            spaces(f, pad);
        fwrite(cells[c], 1, keep, f);
        if (cut)
            fputs(ellipsis, f);
        if (t->aligns[c] == CLI_ALIGN_LEFT && c + 1 < last)
            spaces(f, pad);
    }
    fputc('\n', f);
}

void cli_table_print(const cli_table *t, FILE *f, size_t max_width)
{
    size_t *widths;
    size_t r, c;
    if (t == NULL || f == NULL)
        return;
    widths = calloc(t->ncols, sizeof *widths);
    if (widths == NULL)
        return;
    for (c = 0; c < t->ncols; c++) {
        size_t w;
        int cut;
        size_t limit = limit_of(t, c, max_width);
        if (t->headers != NULL) {
            fit(t->headers[c], limit, &w, &cut);
            if (w > widths[c])
                widths[c] = w;
        }
        for (r = 0; r < t->nrows; r++) {
            fit(t->cells[r * t->ncols + c], limit, &w, &cut);
            if (w > widths[c])
                widths[c] = w;
        }
    }
    if (t->headers != NULL) {
        print_line(t, f, t->headers, widths, max_width);
        spaces(f, t->indent);
        for (c = 0; c < t->ncols; c++) {
            if (c > 0)
                fputs("  ", f);
            for (r = 0; r < widths[c]; r++)
                fputc('-', f);
        }
        fputc('\n', f);
    }
    for (r = 0; r < t->nrows; r++)
        print_line(t, f, t->cells + r * t->ncols, widths, max_width);
    free(widths);
}

void cli_table_print_csv(const cli_table *t, FILE *f)
{
    size_t r, c;
    if (t == NULL || f == NULL)
        return;
    if (t->headers != NULL) {
        for (c = 0; c < t->ncols; c++) {
            if (c > 0)
                fputc(',', f);
            cli_csv_field(f, t->headers[c]);
        }
        fputc('\n', f);
    }
    for (r = 0; r < t->nrows; r++) {
        for (c = 0; c < t->ncols; c++) {
            if (c > 0)
                fputc(',', f);
            cli_csv_field(f, t->cells[r * t->ncols + c]);
        }
        fputc('\n', f);
    }
}

void cli_table_free(cli_table *t)
{
    size_t i;
    if (t == NULL)
        return;
    if (t->headers != NULL) {
        for (i = 0; i < t->ncols; i++)
            free(t->headers[i]);
        free(t->headers);
    }
    for (i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t->aligns);
    free(t->limits);
    free(t);
}
