/*
 * ipofacts report [COMPANY]
 *
 * A readable report of one company (or of every company): profile, events,
 * offering, shareholders, funding rounds, financials by period, balances by
 * date, and the list of the sources every figure cites. With --format json,
 * one object per company in an array; with --format csv, the facts in the
 * columns of `ipofacts export --format csv`.
 *
 * The table report is a list of sections (report_sections[] below): each
 * prints one part of the report of one company. A section of this file is a
 * static function of a report (which also gives every cited source its key
 * [k]); a section defined elsewhere has the signature of
 * cli_report_ratios() (cli.h). Either is one more line in that list.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* Widest cell of a table, in columns; wider text is cut with "…". */
#define CELL_MAX_WIDTH 48
/* Size of the text of one table cell. */
#define CELL_SIZE (CLI_VALUE_SIZE + 256)

typedef struct report {
    cli_context *ctx;
    const ipofacts_company *company;
    const ipofacts_period *listing;  /* the listing-day period, or NULL */
    const ipofacts_source **cited;   /* sources cited so far: key [k] is cited[k - 1] */
    size_t ncited, capcited;
    int status;                      /* CLI_EXIT_OK, or CLI_EXIT_FINDINGS after a failure */
} report;

/* One section: run, a function of this file, or external, one defined
 * elsewhere (cli.h). Each returns an exit status. */
typedef struct report_section {
    int (*run)(report *r);
    int (*external)(cli_context *ctx, const ipofacts_company *company);
} report_section;

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

static int out_of_memory(report *r)
{
    cli_error(r->ctx, "out of memory while writing the report of %s", ipofacts_company_id(r->company));
    r->status = CLI_EXIT_FINDINGS;
    return CLI_EXIT_FINDINGS;
}

static void heading(report *r, const char *title)
{
    fprintf(r->ctx->out, "\n%s\n", title);
}

static int same_str(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    return strcmp(a, b) == 0;
}

/* Appends s to buf (of size bytes) after sep when buf is not empty. */
static void append(char *buf, size_t size, const char *sep, const char *s)
{
    size_t n = strlen(buf);
    if (s == NULL || s[0] == '\0')
        return;
    snprintf(buf + n, size - n, "%s%s", n > 0 ? sep : "", s);
}

/* The distinct names among up to four, joined with " / ". */
static const char *join_names(char *buf, size_t size, const char *const names[4])
{
    size_t i, k;
    buf[0] = '\0';
    for (i = 0; i < 4; i++) {
        int seen = 0;
        if (names[i] == NULL || names[i][0] == '\0')
            continue;
        for (k = 0; k < i; k++)
            if (same_str(names[k], names[i]))
                seen = 1;
        if (!seen)
            append(buf, size, " / ", names[i]);
    }
    return buf;
}

static const char *person_names(char *buf, size_t size, const ipofacts_person *p)
{
    const char *names[4];
    names[0] = ipofacts_person_name(p, "zh-Hans");
    names[1] = ipofacts_person_name(p, "zh-Hant");
    names[2] = ipofacts_person_name(p, "en");
    names[3] = ipofacts_person_name(p, NULL);
    return join_names(buf, size, names);
}

static const char *member_names(char *buf, size_t size, const ipofacts_member *m)
{
    const char *names[4];
    names[0] = ipofacts_member_name(m, NULL);
    names[1] = ipofacts_member_name(m, "en");
    names[2] = ipofacts_member_name(m, "zh-Hans");
    names[3] = ipofacts_member_name(m, "zh-Hant");
    join_names(buf, size, names);
    if (buf[0] == '\0')
        snprintf(buf, size, "%s", ipofacts_member_id(m));
    return buf;
}

/* The name of a member by id, or the id when the company has no such member. */
static const char *member_label(char *buf, size_t size, const ipofacts_company *c, const char *id)
{
    const ipofacts_member *m = ipofacts_company_find_member(c, id);
    if (m == NULL) {
        snprintf(buf, size, "%s", id);
        return buf;
    }
    return member_names(buf, size, m);
}

static long member_index(const ipofacts_company *c, const char *id)
{
    size_t i, n = ipofacts_company_member_count(c);
    for (i = 0; i < n; i++)
        if (strcmp(ipofacts_member_id(ipofacts_company_member(c, i)), id) == 0)
            return (long)i;
    return (long)n;
}

/* The label of a concept: the library's for the concepts it knows, else
 * the id made readable ("spending_relative_to_openai" -> "Spending
 * relative to openai"). buf holds CELL_SIZE bytes. */
static const char *concept_label(char *buf, const char *concept_id)
{
    ipofacts_concept number = ipofacts_concept_from_id(concept_id);
    const char *label = number != IPOFACTS_CONCEPT_OTHER ? ipofacts_concept_label(number) : NULL;
    size_t i;
    if (label != NULL)
        return label;
    snprintf(buf, CELL_SIZE, "%s", concept_id);
    for (i = 0; buf[i] != '\0'; i++)
        if (buf[i] == '_')
            buf[i] = ' ';
    if (buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 'a' + 'A');
    return buf;
}

/* One name of a member for a row label: English, else the first given, else its id. */
static const char *member_short(const ipofacts_company *c, const char *id)
{
    const ipofacts_member *m = ipofacts_company_find_member(c, id);
    const char *name = NULL;
    if (m != NULL) {
        name = ipofacts_member_name(m, "en");
        if (name == NULL)
            name = ipofacts_member_name(m, NULL);
    }
    return name != NULL ? name : id;
}

/* The key [k] of a source, citing it now if it was not cited before; 0 when out of memory. */
static size_t cite_source(report *r, const ipofacts_source *s)
{
    size_t i;
    for (i = 0; i < r->ncited; i++)
        if (r->cited[i] == s)
            return i + 1;
    if (r->ncited == r->capcited) {
        size_t cap = r->capcited ? r->capcited * 2 : 16;
        const ipofacts_source **bigger = realloc((void *)r->cited, cap * sizeof *bigger);
        if (bigger == NULL) {
            out_of_memory(r);
            return 0;
        }
        r->cited = bigger;
        r->capcited = cap;
    }
    r->cited[r->ncited++] = s;
    return r->ncited;
}

/* Writes "[1,3]" into buf: the distinct keys of n sources, in ascending
 * order, citing each source that was not cited before. "" when n is 0. */
static const char *keys_text(report *r, char *buf, size_t size, size_t n,
                             const ipofacts_source *(*source_at)(const void *, size_t), const void *obj)
{
    size_t keys[16], nkeys = 0, i, k, used = 0;
    buf[0] = '\0';
    for (i = 0; i < n; i++) {
        size_t key = cite_source(r, source_at(obj, i));
        int seen = key == 0;
        for (k = 0; k < nkeys && !seen; k++)
            seen = keys[k] == key;
        if (seen)
            continue;
        if (nkeys == sizeof keys / sizeof keys[0])
            break;
        for (k = nkeys; k > 0 && keys[k - 1] > key; k--)
            keys[k] = keys[k - 1];
        keys[k] = key;
        nkeys++;
    }
    for (k = 0; k < nkeys && used < size; k++)
        used += (size_t)snprintf(buf + used, size - used, "%s%zu", k > 0 ? "," : "[", keys[k]);
    if (nkeys > 0 && used < size)
        snprintf(buf + used, size - used, "]");
    return buf;
}

static const ipofacts_source *fact_source_at(const void *obj, size_t i)
{
    return ipofacts_fact_source(obj, i);
}

static const ipofacts_source *event_source_at(const void *obj, size_t i)
{
    return ipofacts_event_source(obj, i);
}

/* "[1,3]": the keys of a fact's sources. */
static const char *fact_keys(report *r, const ipofacts_fact *f, char *buf, size_t size)
{
    return keys_text(r, buf, size, ipofacts_fact_source_count(f), fact_source_at, f);
}

/* A cell: "30,523,000 [1] +1": the value, its source keys, and how many
 * other reports of the same figure exist. */
static const char *fact_cell(report *r, const ipofacts_fact *f, int with_unit, char *buf, size_t size)
{
    char value[CLI_VALUE_SIZE], keys[64];
    size_t reports = cli_fact_report_count(f);
    cli_fact_text(value, f, with_unit);
    fact_keys(r, f, keys, sizeof keys);
    if (reports > 1)
        snprintf(buf, size, "%s %s +%zu", value, keys, reports - 1);
    else
        snprintf(buf, size, "%s %s", value, keys);
    return buf;
}

static const ipofacts_fact *find_fact(const ipofacts_period *p, const char *concept, const char *segment)
{
    const ipofacts_fact *f = NULL;
    if (ipofacts_period_find_fact(&f, NULL, p, concept, segment) != IPOFACTS_OK)
        return NULL;
    return f;
}

/* The listing-day period: the instant on the listing date, else the period
 * with id or label "listing". */
static const ipofacts_period *listing_period(const ipofacts_company *c)
{
    ipofacts_date listed = ipofacts_company_listed(c);
    size_t i, n = ipofacts_company_period_count(c);
    if (listed.precision == IPOFACTS_DATE_DAY) {
        for (i = 0; i < n; i++) {
            const ipofacts_period *p = ipofacts_company_period(c, i);
            ipofacts_date end = ipofacts_period_end(p);
            if (ipofacts_period_is_instant(p) && ipofacts_date_cmp(&end, &listed) == 0)
                return p;
        }
    }
    return ipofacts_company_find_period(c, "listing");
}

static int print_table(report *r, cli_table *t)
{
    cli_table_print(t, r->ctx->out, CELL_MAX_WIDTH);
    cli_table_free(t);
    return CLI_EXIT_OK;
}

static int add_row(report *r, cli_table *t, const char *const *cells)
{
    if (cli_table_add_row(t, cells) != 0)
        return out_of_memory(r);
    return CLI_EXIT_OK;
}

static int add_pair(report *r, cli_table *t, const char *key, const char *value)
{
    const char *row[2];
    if (value == NULL || value[0] == '\0')
        return CLI_EXIT_OK;
    row[0] = key;
    row[1] = value;
    return add_row(r, t, row);
}

/* ------------------------------------------------------------------ */
/* Profile                                                             */
/* ------------------------------------------------------------------ */

/* The preferred "employees" fact of the latest instant that has one. */
static const ipofacts_fact *latest_employees(const ipofacts_company *c)
{
    const ipofacts_fact *best = NULL;
    ipofacts_date best_end;
    size_t i, n = ipofacts_company_period_count(c);
    memset(&best_end, 0, sizeof best_end);
    for (i = 0; i < n; i++) {
        const ipofacts_period *p = ipofacts_company_period(c, i);
        const ipofacts_fact *f;
        ipofacts_date end;
        if (!ipofacts_period_is_instant(p) || (f = find_fact(p, "employees", NULL)) == NULL)
            continue;
        end = ipofacts_period_end(p);
        if (best == NULL || ipofacts_date_cmp(&end, &best_end) > 0) {
            best = f;
            best_end = end;
        }
    }
    return best;
}

static int section_profile(report *r)
{
    const ipofacts_company *c = r->company;
    const char *langs[][2] = {{"en", "Name (en)"}, {"zh-Hans", "Name (zh-Hans)"}, {"zh-Hant", "Name (zh-Hant)"}};
    char buf[CELL_SIZE], date[IPOFACTS_DATE_STRING_SIZE];
    const char *exchange = ipofacts_company_exchange(c), *ticker = ipofacts_company_ticker(c);
    const ipofacts_fact *employees = latest_employees(c);
    ipofacts_date d;
    size_t i, n;
    int any_name = 0, status = CLI_EXIT_OK;
    cli_table *t = cli_table_new(2, NULL, NULL);

    if (t == NULL)
        return out_of_memory(r);
    cli_table_set_indent(t, 2);
    heading(r, "Profile");
    for (i = 0; i < sizeof langs / sizeof langs[0]; i++) {
        const char *name = ipofacts_company_name(c, langs[i][0]);
        if (name != NULL) {
            any_name = 1;
            status |= add_pair(r, t, langs[i][1], name);
        }
    }
    if (!any_name)
        status |= add_pair(r, t, "Name", ipofacts_company_name(c, NULL));
    status |= add_pair(r, t, "Id", ipofacts_company_id(c));
    if (exchange != NULL || ticker != NULL) {
        snprintf(buf, sizeof buf, "%s%s%s", exchange != NULL ? exchange : "",
                 exchange != NULL && ticker != NULL ? ":" : "", ticker != NULL ? ticker : "");
        status |= add_pair(r, t, "Listing", buf);
    }
    d = ipofacts_company_founded(c);
    status |= add_pair(r, t, "Founded", cli_date(date, &d));
    d = ipofacts_company_listed(c);
    status |= add_pair(r, t, "Listed", cli_date(date, &d));
    status |= add_pair(r, t, "Currency", ipofacts_company_currency(c));
    if (ipofacts_company_fiscal_year_end(c) != 12) {
        snprintf(buf, sizeof buf, "month %d", (int)ipofacts_company_fiscal_year_end(c));
        status |= add_pair(r, t, "Fiscal year ends", buf);
    }
    if (employees != NULL) {
        char value[CLI_VALUE_SIZE], keys[64];
        d = ipofacts_period_end(ipofacts_fact_period(employees));
        cli_fact_text(value, employees, 1);
        fact_keys(r, employees, keys, sizeof keys);
        n = cli_fact_report_count(employees);
        if (n > 1)
            snprintf(buf, sizeof buf, "%s at %s %s +%zu", value, cli_date(date, &d), keys, n - 1);
        else
            snprintf(buf, sizeof buf, "%s at %s %s", value, cli_date(date, &d), keys);
        status |= add_pair(r, t, "Employees", buf);
    }
    print_table(r, t);

    n = ipofacts_company_person_count(c);
    if (n > 0) {
        static const char *const headers[] = {"Person", "Born", "Role"};
        t = cli_table_new(3, headers, NULL);
        if (t == NULL)
            return out_of_memory(r);
        cli_table_set_indent(t, 2);
        cli_table_set_max_width(t, 2, 0);
        for (i = 0; i < n; i++) {
            const ipofacts_person *p = ipofacts_company_person(c, i);
            const char *row[3];
            ipofacts_date born = ipofacts_person_born(p);
            row[0] = person_names(buf, sizeof buf, p);
            row[1] = cli_date(date, &born);
            row[2] = ipofacts_person_role(p);
            status |= add_row(r, t, row);
        }
        fputc('\n', r->ctx->out);
        print_table(r, t);
    }
    return status ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* Events                                                              */
/* ------------------------------------------------------------------ */

static int section_events(report *r)
{
    static const char *const headers[] = {"Date", "Event", "Note"};
    size_t i, n = ipofacts_company_event_count(r->company);
    int status = CLI_EXIT_OK;
    cli_table *t;

    if (n == 0)
        return CLI_EXIT_OK;
    t = cli_table_new(3, headers, NULL);
    if (t == NULL)
        return out_of_memory(r);
    cli_table_set_indent(t, 2);
    cli_table_set_max_width(t, 2, 0);
    heading(r, "Events");
    for (i = 0; i < n; i++) {
        const ipofacts_event *e = ipofacts_company_event(r->company, i);
        ipofacts_date d = ipofacts_event_date(e);
        char date[IPOFACTS_DATE_STRING_SIZE], note[CELL_SIZE], keys[64];
        const char *row[3];
        keys_text(r, keys, sizeof keys, ipofacts_event_source_count(e), event_source_at, e);
        note[0] = '\0';
        append(note, sizeof note, " ", ipofacts_event_note(e));
        append(note, sizeof note, " ", keys);
        row[0] = cli_date(date, &d);
        row[1] = ipofacts_event_kind(e);
        row[2] = note;
        status |= add_row(r, t, row);
    }
    print_table(r, t);
    return status ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* Offering                                                            */
/* ------------------------------------------------------------------ */

static const char *const offering_concepts[] = {
    "offer_price", "opening_price", "first_day_return", "market_capitalization", "gross_proceeds",
    "net_proceeds", "public_oversubscription", "international_oversubscription", "cornerstone_investment",
    "shares_outstanding",
};

/* Concepts of the listing day shown in other sections. */
static int offering_elsewhere(const char *concept)
{
    return strcmp(concept, "ownership_stake") == 0 || strcmp(concept, "holding_value") == 0;
}

static int section_offering(report *r)
{
    const ipofacts_period *p = r->listing;
    char title[128], date[IPOFACTS_DATE_STRING_SIZE], buf[CELL_SIZE], name[CELL_SIZE], label[CELL_SIZE];
    ipofacts_date d;
    size_t i, k, n;
    int status = CLI_EXIT_OK;
    cli_table *t;

    if (p == NULL)
        return CLI_EXIT_OK;
    d = ipofacts_period_end(p);
    snprintf(title, sizeof title, "Offering (listing day, %s)", cli_date(date, &d));
    heading(r, title);
    t = cli_table_new(2, NULL, NULL);
    if (t == NULL)
        return out_of_memory(r);
    cli_table_set_indent(t, 2);
    for (i = 0; i < sizeof offering_concepts / sizeof offering_concepts[0]; i++) {
        const ipofacts_fact *f = find_fact(p, offering_concepts[i], NULL);
        if (f != NULL)
            status |= add_pair(r, t, concept_label(label, offering_concepts[i]), fact_cell(r, f, 1, buf, sizeof buf));
    }
    /* Any other whole-company figure of the day, once per concept, in file order. */
    n = ipofacts_period_fact_count(p);
    for (i = 0; i < n; i++) {
        const ipofacts_fact *f = ipofacts_period_fact_at(p, i);
        const char *concept = ipofacts_fact_concept_id(f);
        int shown = ipofacts_fact_segment(f) != NULL || offering_elsewhere(concept);
        for (k = 0; !shown && k < sizeof offering_concepts / sizeof offering_concepts[0]; k++)
            shown = strcmp(concept, offering_concepts[k]) == 0;
        for (k = 0; !shown && k < i; k++) {
            const ipofacts_fact *o = ipofacts_period_fact_at(p, k);
            shown = ipofacts_fact_segment(o) == NULL && strcmp(ipofacts_fact_concept_id(o), concept) == 0;
        }
        if (!shown)
            status |= add_pair(r, t, concept_label(label, concept),
                               fact_cell(r, find_fact(p, concept, NULL), 1, buf, sizeof buf));
    }
    if (cli_table_row_count(t) == 0)
        fputs("  (no figures of the offering)\n", r->ctx->out);
    print_table(r, t);

    /* Cornerstone investors: the listing day's facts by investor. */
    {
        static const char *const headers[] = {"Cornerstone investor", "Investment"};
        t = cli_table_new(2, headers, NULL);
        if (t == NULL)
            return out_of_memory(r);
        cli_table_set_indent(t, 2);
        for (i = 0; i < n; i++) {
            const ipofacts_fact *f = ipofacts_period_fact_at(p, i);
            const char *seg = ipofacts_fact_segment(f);
            const char *row[2];
            int seen = 0;
            if (seg == NULL || strcmp(ipofacts_fact_concept_id(f), "cornerstone_investment") != 0)
                continue;
            for (k = 0; k < i && !seen; k++) {
                const ipofacts_fact *o = ipofacts_period_fact_at(p, k);
                seen = same_str(ipofacts_fact_segment(o), seg) &&
                       strcmp(ipofacts_fact_concept_id(o), "cornerstone_investment") == 0;
            }
            if (seen)
                continue;
            row[0] = member_label(name, sizeof name, r->company, seg);
            row[1] = fact_cell(r, find_fact(p, "cornerstone_investment", seg), 1, buf, sizeof buf);
            status |= add_row(r, t, row);
        }
        if (cli_table_row_count(t) > 0) {
            fputc('\n', r->ctx->out);
            print_table(r, t);
        } else {
            cli_table_free(t);
        }
    }
    return status ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* Shareholders                                                        */
/* ------------------------------------------------------------------ */

/* The stake of a holder before the listing (the latest period dated before
 * the listing day that has one) or after it (the earliest period dated on
 * or after it). With no listing date, every stake counts as "before". */
static const ipofacts_fact *holder_fact(const report *r, const char *concept, const char *holder, int after)
{
    const ipofacts_company *c = r->company;
    ipofacts_date listed = ipofacts_company_listed(c), best_end;
    const ipofacts_fact *best = NULL;
    size_t i, n = ipofacts_company_period_count(c);
    memset(&best_end, 0, sizeof best_end);
    for (i = 0; i < n; i++) {
        const ipofacts_period *p = ipofacts_company_period(c, i);
        ipofacts_date end = ipofacts_period_end(p);
        int is_after = listed.precision != IPOFACTS_DATE_UNKNOWN && ipofacts_date_cmp(&end, &listed) >= 0;
        const ipofacts_fact *f;
        if (is_after != after || (f = find_fact(p, concept, holder)) == NULL)
            continue;
        if (best == NULL || (after ? ipofacts_date_cmp(&end, &best_end) < 0 : ipofacts_date_cmp(&end, &best_end) > 0)) {
            best = f;
            best_end = end;
        }
    }
    return best;
}

/* The holders of a company: the distinct segments of its ownership_stake
 * and holding_value facts, in member order. NULL when out of memory. */
static const char **company_holders(const ipofacts_company *c, size_t *count)
{
    size_t i, k, n = ipofacts_company_fact_count(c), m = 0;
    const char **segs = calloc(n + 1, sizeof *segs);
    if (segs == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        const ipofacts_fact *f = ipofacts_company_fact(c, i);
        const char *seg = ipofacts_fact_segment(f), *concept = ipofacts_fact_concept_id(f);
        int seen = 0;
        if (seg == NULL || (strcmp(concept, "ownership_stake") != 0 && strcmp(concept, "holding_value") != 0))
            continue;
        for (k = 0; k < m && !seen; k++)
            seen = strcmp(segs[k], seg) == 0;
        if (!seen)
            segs[m++] = seg;
    }
    /* Insertion sort by member order: the lists are short. */
    for (i = 1; i < m; i++) {
        const char *s = segs[i];
        long si = member_index(c, s);
        for (k = i; k > 0 && member_index(c, segs[k - 1]) > si; k--)
            segs[k] = segs[k - 1];
        segs[k] = s;
    }
    *count = m;
    return segs;
}

static int section_shareholders(report *r)
{
    static const char *const headers[] = {"Shareholder", "Stake before listing", "Stake after listing",
                                          "Value after listing"};
    static const cli_align aligns[] = {CLI_ALIGN_LEFT, CLI_ALIGN_RIGHT, CLI_ALIGN_RIGHT, CLI_ALIGN_RIGHT};
    size_t i, m = 0, ncols = 3;
    const char **holders = company_holders(r->company, &m);
    int status = CLI_EXIT_OK;
    cli_table *t;

    if (holders == NULL)
        return out_of_memory(r);
    if (m == 0) {
        free((void *)holders);
        return CLI_EXIT_OK;
    }
    for (i = 0; i < m; i++)
        if (holder_fact(r, "holding_value", holders[i], 1) != NULL)
            ncols = 4;
    t = cli_table_new(ncols, headers, aligns);
    if (t == NULL) {
        free((void *)holders);
        return out_of_memory(r);
    }
    cli_table_set_indent(t, 2);
    heading(r, "Shareholders");
    for (i = 0; i < m; i++) {
        char name[CELL_SIZE], before[CELL_SIZE], after[CELL_SIZE], value[CELL_SIZE];
        const ipofacts_fact *fb = holder_fact(r, "ownership_stake", holders[i], 0);
        const ipofacts_fact *fa = holder_fact(r, "ownership_stake", holders[i], 1);
        const ipofacts_fact *fv = holder_fact(r, "holding_value", holders[i], 1);
        const char *row[4];
        row[0] = member_label(name, sizeof name, r->company, holders[i]);
        row[1] = fb != NULL ? fact_cell(r, fb, 1, before, sizeof before) : "";
        row[2] = fa != NULL ? fact_cell(r, fa, 1, after, sizeof after) : "";
        row[3] = fv != NULL ? fact_cell(r, fv, 1, value, sizeof value) : "";
        status |= add_row(r, t, row);
    }
    free((void *)holders);
    print_table(r, t);
    return status ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* Funding rounds                                                      */
/* ------------------------------------------------------------------ */

static const char *const round_concepts[] = {"funding_amount", "pre_money_valuation", "post_money_valuation",
                                             "valuation"};
#define NROUND_CONCEPTS (sizeof round_concepts / sizeof round_concepts[0])

/* A round's figure: the preferred fact of the first period that has one. */
static const ipofacts_fact *round_fact(const ipofacts_company *c, const char *concept, const char *round)
{
    size_t i, n = ipofacts_company_period_count(c);
    for (i = 0; i < n; i++) {
        const ipofacts_fact *f = find_fact(ipofacts_company_period(c, i), concept, round);
        if (f != NULL)
            return f;
    }
    return NULL;
}

static int section_rounds(report *r)
{
    const ipofacts_company *c = r->company;
    const char *headers[3 + NROUND_CONCEPTS];
    char labels[NROUND_CONCEPTS][CELL_SIZE];
    cli_align aligns[3 + NROUND_CONCEPTS];
    const ipofacts_member **rounds;
    size_t i, k, nr = 0, n = ipofacts_company_member_count(c), ncols;
    int with_valuation = 0, status = CLI_EXIT_OK;
    cli_table *t;

    rounds = calloc(n + 1, sizeof *rounds);
    if (rounds == NULL)
        return out_of_memory(r);
    for (i = 0; i < n; i++) {
        const ipofacts_member *m = ipofacts_company_member(c, i);
        if (ipofacts_member_kind_of(m) != IPOFACTS_MEMBER_ROUND)
            continue;
        rounds[nr++] = m;
        if (round_fact(c, "valuation", ipofacts_member_id(m)) != NULL)
            with_valuation = 1;
    }
    if (nr == 0) {
        free((void *)rounds);
        return CLI_EXIT_OK;
    }
    /* Rounds by date, undated ones last, otherwise in file order. */
    for (i = 1; i < nr; i++) {
        const ipofacts_member *m = rounds[i];
        ipofacts_date dm = ipofacts_member_date(m);
        for (k = i; k > 0; k--) {
            ipofacts_date dp = ipofacts_member_date(rounds[k - 1]);
            int later = dp.precision == IPOFACTS_DATE_UNKNOWN
                            ? dm.precision != IPOFACTS_DATE_UNKNOWN
                            : dm.precision != IPOFACTS_DATE_UNKNOWN && ipofacts_date_cmp(&dp, &dm) > 0;
            if (!later)
                break;
            rounds[k] = rounds[k - 1];
        }
        rounds[k] = m;
    }
    ncols = 0;
    headers[ncols] = "Round";
    aligns[ncols++] = CLI_ALIGN_LEFT;
    headers[ncols] = "Date";
    aligns[ncols++] = CLI_ALIGN_LEFT;
    for (k = 0; k < NROUND_CONCEPTS; k++) {
        if (strcmp(round_concepts[k], "valuation") == 0 && !with_valuation)
            continue;
        headers[ncols] = concept_label(labels[k], round_concepts[k]);
        aligns[ncols++] = CLI_ALIGN_RIGHT;
    }
    headers[ncols] = "Investors";
    aligns[ncols++] = CLI_ALIGN_LEFT;
    t = cli_table_new(ncols, headers, aligns);
    if (t == NULL) {
        free((void *)rounds);
        return out_of_memory(r);
    }
    cli_table_set_indent(t, 2);
    cli_table_set_max_width(t, ncols - 1, 0);
    heading(r, "Funding rounds");
    for (i = 0; i < nr; i++) {
        const ipofacts_member *m = rounds[i];
        const char *id = ipofacts_member_id(m);
        char name[CELL_SIZE], date[IPOFACTS_DATE_STRING_SIZE], investors[CELL_SIZE];
        char cells[NROUND_CONCEPTS][CELL_SIZE];
        const char *row[3 + NROUND_CONCEPTS];
        ipofacts_date d = ipofacts_member_date(m);
        size_t col = 0, nrel = ipofacts_member_related_count(m);
        row[col++] = member_names(name, sizeof name, m);
        row[col++] = cli_date(date, &d);
        for (k = 0; k < NROUND_CONCEPTS; k++) {
            const ipofacts_fact *f;
            if (strcmp(round_concepts[k], "valuation") == 0 && !with_valuation)
                continue;
            f = round_fact(c, round_concepts[k], id);
            row[col++] = f != NULL ? fact_cell(r, f, 1, cells[k], sizeof cells[k]) : "";
        }
        investors[0] = '\0';
        for (k = 0; k < nrel; k++) {
            const char *rel = ipofacts_member_related(m, k);
            if (rel != NULL)
                append(investors, sizeof investors, ", ", member_short(c, rel));
        }
        row[col++] = investors;
        status |= add_row(r, t, row);
    }
    free((void *)rounds);
    print_table(r, t);
    return status ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* Figures by period: financials (durations) and balances (instants)  */
/* ------------------------------------------------------------------ */

typedef struct fig_row {
    const char *concept;
    ipofacts_concept number;
    const char *segment;
    long member;   /* index of the segment's member, -1 for the whole company */
    size_t order;  /* first appearance */
} fig_row;

typedef struct fig_col {
    const ipofacts_period *period;
    ipofacts_date start, end;
    size_t order;
} fig_col;

static int cmp_rows(const void *a, const void *b)
{
    const fig_row *x = a, *y = b;
    /* Concepts the library knows, in their (statement) order; others after. */
    unsigned long nx = x->number == IPOFACTS_CONCEPT_OTHER ? 100000ul + x->order : (unsigned long)x->number;
    unsigned long ny = y->number == IPOFACTS_CONCEPT_OTHER ? 100000ul + y->order : (unsigned long)y->number;
    if (nx != ny)
        return nx < ny ? -1 : 1;
    if (strcmp(x->concept, y->concept) != 0)
        return x->order < y->order ? -1 : 1;
    if (x->member != y->member)
        return x->member < y->member ? -1 : 1;
    return x->order < y->order ? -1 : (x->order > y->order);
}

static int cmp_cols(const void *a, const void *b)
{
    const fig_col *x = a, *y = b;
    int c = ipofacts_date_cmp(&x->end, &y->end);
    if (c == 0)
        c = ipofacts_date_cmp(&x->start, &y->start); /* the longer period first */
    if (c == 0)
        c = x->order < y->order ? -1 : (x->order > y->order);
    return c;
}

/* The three tables of figures. */
typedef enum fig_kind {
    FIG_PERIODS = 0,   /* durations of up to twelve months: years, year-to-date, halves, months */
    FIG_MULTIYEAR = 1, /* durations longer than a year: totals over several years */
    FIG_INSTANTS = 2   /* balances and counts at a date */
} fig_kind;

/* Whether a fact belongs in a table of figures. Whole-company figures of
 * the listing day are in the offering; holders, investors and rounds have
 * their own sections; segments, regions, customers and other members are
 * figures. */
static int is_figure(const report *r, const ipofacts_fact *f, fig_kind which)
{
    const ipofacts_period *p = ipofacts_fact_period(f);
    const char *seg = ipofacts_fact_segment(f);
    if (p == r->listing && seg == NULL)
        return 0;
    if (ipofacts_period_is_instant(p)) {
        if (which != FIG_INSTANTS)
            return 0;
    } else if (which == FIG_INSTANTS || (which == FIG_MULTIYEAR) != (ipofacts_period_months(p) > 12)) {
        return 0;
    }
    if (seg != NULL) {
        const ipofacts_member *m = ipofacts_company_find_member(r->company, seg);
        ipofacts_member_kind kind = m != NULL ? ipofacts_member_kind_of(m) : IPOFACTS_MEMBER_OTHER;
        if (kind == IPOFACTS_MEMBER_SHAREHOLDER || kind == IPOFACTS_MEMBER_INVESTOR || kind == IPOFACTS_MEMBER_ROUND)
            return 0;
    }
    return 1;
}

static int figures_table(report *r, const char *title, fig_kind which)
{
    const ipofacts_company *c = r->company;
    size_t nf = ipofacts_company_fact_count(c), np = ipofacts_company_period_count(c);
    fig_row *rows = calloc(nf + 1, sizeof *rows);
    fig_col *cols = calloc(np + 1, sizeof *cols);
    const char **headers = NULL, **cells = NULL;
    cli_align *aligns = NULL;
    char (*texts)[CELL_SIZE] = NULL;
    size_t nrows = 0, ncols = 0, i, k;
    int status = CLI_EXIT_OK;
    cli_table *t = NULL;

    if (rows == NULL || cols == NULL)
        goto nomem;
    for (i = 0; i < nf; i++) {
        const ipofacts_fact *f = ipofacts_company_fact(c, i);
        const ipofacts_period *p = ipofacts_fact_period(f);
        const char *concept = ipofacts_fact_concept_id(f), *seg = ipofacts_fact_segment(f);
        int seen = 0;
        if (!is_figure(r, f, which))
            continue;
        for (k = 0; k < nrows && !seen; k++)
            seen = strcmp(rows[k].concept, concept) == 0 && same_str(rows[k].segment, seg);
        if (!seen) {
            rows[nrows].concept = concept;
            rows[nrows].number = ipofacts_fact_concept(f);
            rows[nrows].segment = seg;
            rows[nrows].member = seg != NULL ? member_index(c, seg) : -1;
            rows[nrows].order = i;
            /* Rows of one unknown concept stay together, at its first appearance. */
            for (k = 0; k < nrows; k++)
                if (strcmp(rows[k].concept, concept) == 0)
                    rows[nrows].order = rows[k].order < rows[nrows].order ? rows[k].order : rows[nrows].order;
            nrows++;
        }
        for (k = 0, seen = 0; k < ncols && !seen; k++)
            seen = cols[k].period == p;
        if (!seen) {
            cols[ncols].period = p;
            cols[ncols].start = ipofacts_period_start(p);
            cols[ncols].end = ipofacts_period_end(p);
            cols[ncols].order = ncols;
            ncols++;
        }
    }
    if (nrows == 0) {
        free(rows);
        free(cols);
        return CLI_EXIT_OK;
    }
    qsort(rows, nrows, sizeof *rows, cmp_rows);
    qsort(cols, ncols, sizeof *cols, cmp_cols);

    headers = calloc(ncols + 1, sizeof *headers);
    aligns = calloc(ncols + 1, sizeof *aligns);
    cells = calloc(ncols + 1, sizeof *cells);
    texts = calloc(ncols + 1, sizeof *texts);
    if (headers == NULL || aligns == NULL || cells == NULL || texts == NULL)
        goto nomem;
    headers[0] = which == FIG_INSTANTS ? "As of" : "Period";
    aligns[0] = CLI_ALIGN_LEFT;
    for (k = 0; k < ncols; k++) {
        headers[k + 1] = ipofacts_period_label(cols[k].period);
        aligns[k + 1] = CLI_ALIGN_RIGHT;
    }
    t = cli_table_new(ncols + 1, headers, aligns);
    if (t == NULL)
        goto nomem;
    cli_table_set_indent(t, 2);

    for (i = 0; i < nrows; i++) {
        const char *unit = NULL;
        char label[CELL_SIZE];
        int uniform = 1, any = 0;
        /* The unit goes in the label when every cell of the row has the same one. */
        for (k = 0; k < ncols; k++) {
            const ipofacts_fact *f = find_fact(cols[k].period, rows[i].concept, rows[i].segment);
            if (f == NULL)
                continue;
            if (!any)
                unit = ipofacts_fact_unit(f);
            else if (!same_str(unit, ipofacts_fact_unit(f)))
                uniform = 0;
            any = 1;
        }
        texts[0][0] = '\0';
        append(texts[0], sizeof texts[0], "", concept_label(label, rows[i].concept));
        if (rows[i].segment != NULL)
            append(texts[0], sizeof texts[0], ": ", member_short(c, rows[i].segment));
        if (uniform && unit != NULL) {
            char unit_part[64];
            snprintf(unit_part, sizeof unit_part, "(%s)", cli_unit_label(unit));
            append(texts[0], sizeof texts[0], " ", unit_part);
        }
        cells[0] = texts[0];
        /* Cells carry their units when the label cannot. */
        for (k = 0; k < ncols; k++) {
            const ipofacts_fact *f = find_fact(cols[k].period, rows[i].concept, rows[i].segment);
            cells[k + 1] = f != NULL ? fact_cell(r, f, !uniform, texts[k + 1], sizeof texts[k + 1]) : "";
        }
        status |= add_row(r, t, cells);
    }
    heading(r, title);
    print_table(r, t);
    t = NULL;
    goto done;

nomem:
    status = out_of_memory(r);
done:
    cli_table_free(t);
    free(rows);
    free(cols);
    free((void *)headers);
    free(aligns);
    free((void *)cells);
    free(texts);
    return status ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}

static int section_financials(report *r)
{
    return figures_table(r, "Financials and operating figures, by period", FIG_PERIODS);
}

static int section_multiyear(report *r)
{
    return figures_table(r, "Totals over several years", FIG_MULTIYEAR);
}

static int section_balances(report *r)
{
    return figures_table(r, "Balances and counts, at a date", FIG_INSTANTS);
}

/* ------------------------------------------------------------------ */
/* Sources                                                             */
/* ------------------------------------------------------------------ */

static int section_sources(report *r)
{
    size_t i;
    if (r->ncited == 0)
        return CLI_EXIT_OK;
    heading(r, "Sources");
    for (i = 0; i < r->ncited; i++) {
        const ipofacts_source *s = r->cited[i];
        ipofacts_date d = ipofacts_source_date(s);
        char date[IPOFACTS_DATE_STRING_SIZE], line[2048] = "", doc[512];
        append(line, sizeof line, ", ", ipofacts_source_publisher(s));
        append(line, sizeof line, ", ", ipofacts_source_author(s));
        append(line, sizeof line, ", ", ipofacts_source_title(s));
        append(line, sizeof line, ", ", cli_date(date, &d));
        doc[0] = '\0';
        if (ipofacts_source_document(s) != NULL)
            snprintf(doc, sizeof doc, "(%s)", ipofacts_source_document(s));
        append(line, sizeof line, " ", doc);
        if (line[0] == '\0')
            snprintf(line, sizeof line, "%s", ipofacts_source_id(s));
        fprintf(r->ctx->out, "  [%zu] %s\n", i + 1, line);
    }
    return CLI_EXIT_OK;
}

/* The sections of the table report, in order. A new section is one more
 * line: {section_x, NULL} for a function of this file, {NULL, cli_x} for
 * one of the signature of cli_report_ratios(). Keep section_sources last:
 * it lists the sources the sections above it cite. */
static const report_section report_sections[] = {
    {section_profile, NULL},
    {section_events, NULL},
    {section_offering, NULL},
    {section_shareholders, NULL},
    {section_rounds, NULL},
    {section_financials, NULL},
    {section_multiyear, NULL},
    {section_balances, NULL},
    {NULL, cli_report_ratios},
    {section_sources, NULL},
};

static int report_table(cli_context *ctx, const ipofacts_company *c, int first)
{
    report r;
    char title[512];
    const char *names[4];
    const char *exchange = ipofacts_company_exchange(c), *ticker = ipofacts_company_ticker(c);
    size_t i, width = 0;
    int status = CLI_EXIT_OK;

    memset(&r, 0, sizeof r);
    r.ctx = ctx;
    r.company = c;
    r.listing = listing_period(c);

    names[0] = ipofacts_company_name(c, "en");
    names[1] = ipofacts_company_name(c, "zh-Hans");
    names[2] = ipofacts_company_name(c, "zh-Hant");
    names[3] = ipofacts_company_name(c, NULL);
    join_names(title, sizeof title, names);
    if (title[0] == '\0')
        snprintf(title, sizeof title, "%s", ipofacts_company_id(c));
    if (exchange != NULL || ticker != NULL) {
        char listing[128];
        snprintf(listing, sizeof listing, "(%s%s%s)", exchange != NULL ? exchange : "",
                 exchange != NULL && ticker != NULL ? ":" : "", ticker != NULL ? ticker : "");
        append(title, sizeof title, " ", listing);
    }
    if (ipofacts_text_width(&width, title, strlen(title)) != IPOFACTS_OK)
        width = strlen(title);
    fprintf(ctx->out, "%s%s\n", first ? "" : "\n\n", title);
    for (i = 0; i < width; i++)
        fputc('=', ctx->out);
    fputc('\n', ctx->out);

    for (i = 0; i < sizeof report_sections / sizeof report_sections[0]; i++) {
        const report_section *sec = &report_sections[i];
        int s = sec->run != NULL ? sec->run(&r) : sec->external(ctx, c);
        if (s > status)
            status = s;
    }
    free((void *)r.cited);
    return status;
}

/* ------------------------------------------------------------------ */
/* JSON and CSV                                                        */
/* ------------------------------------------------------------------ */

static void json_names(cli_json *j, const char *(*name)(const void *, const char *), const void *obj)
{
    static const char *const langs[] = {"en", "zh-Hans", "zh-Hant"};
    size_t i;
    cli_json_begin_object(j);
    for (i = 0; i < sizeof langs / sizeof langs[0]; i++) {
        const char *s = name(obj, langs[i]);
        if (s != NULL) {
            cli_json_key(j, langs[i]);
            cli_json_str(j, s);
        }
    }
    cli_json_end_object(j);
}

static const char *company_name_of(const void *obj, const char *lang)
{
    return ipofacts_company_name(obj, lang);
}

static const char *person_name_of(const void *obj, const char *lang)
{
    return ipofacts_person_name(obj, lang);
}

static const char *member_name_of(const void *obj, const char *lang)
{
    return ipofacts_member_name(obj, lang);
}

static void json_fact_or_null(cli_json *j, const ipofacts_fact *f)
{
    if (f != NULL)
        cli_json_fact(j, f);
    else
        cli_json_null(j);
}

static void json_profile(cli_json *j, const ipofacts_company *c)
{
    size_t i, n = ipofacts_company_person_count(c);
    ipofacts_date d;
    cli_json_begin_object(j);
    cli_json_key(j, "name");
    cli_json_str(j, ipofacts_company_name(c, NULL));
    cli_json_key(j, "names");
    json_names(j, company_name_of, c);
    cli_json_key(j, "exchange");
    cli_json_str(j, ipofacts_company_exchange(c));
    cli_json_key(j, "ticker");
    cli_json_str(j, ipofacts_company_ticker(c));
    cli_json_key(j, "founded");
    d = ipofacts_company_founded(c);
    cli_json_date(j, &d);
    cli_json_key(j, "listed");
    d = ipofacts_company_listed(c);
    cli_json_date(j, &d);
    cli_json_key(j, "currency");
    cli_json_str(j, ipofacts_company_currency(c));
    cli_json_key(j, "fiscal_year_end");
    cli_json_int(j, ipofacts_company_fiscal_year_end(c));
    cli_json_key(j, "people");
    cli_json_begin_array(j);
    for (i = 0; i < n; i++) {
        const ipofacts_person *p = ipofacts_company_person(c, i);
        cli_json_begin_object(j);
        cli_json_key(j, "name");
        cli_json_str(j, ipofacts_person_name(p, NULL));
        cli_json_key(j, "names");
        json_names(j, person_name_of, p);
        cli_json_key(j, "role");
        cli_json_str(j, ipofacts_person_role(p));
        cli_json_key(j, "born");
        d = ipofacts_person_born(p);
        cli_json_date(j, &d);
        cli_json_end_object(j);
    }
    cli_json_end_array(j);
    cli_json_key(j, "employees");
    json_fact_or_null(j, latest_employees(c));
    cli_json_key(j, "events");
    cli_json_begin_array(j);
    n = ipofacts_company_event_count(c);
    for (i = 0; i < n; i++) {
        const ipofacts_event *e = ipofacts_company_event(c, i);
        size_t k, ns = ipofacts_event_source_count(e);
        cli_json_begin_object(j);
        cli_json_key(j, "kind");
        cli_json_str(j, ipofacts_event_kind(e));
        cli_json_key(j, "date");
        d = ipofacts_event_date(e);
        cli_json_date(j, &d);
        cli_json_key(j, "note");
        cli_json_str(j, ipofacts_event_note(e));
        cli_json_key(j, "sources");
        cli_json_begin_array(j);
        for (k = 0; k < ns; k++) {
            cli_json_begin_object(j);
            cli_json_key(j, "id");
            cli_json_str(j, ipofacts_source_id(ipofacts_event_source(e, k)));
            cli_json_key(j, "text");
            cli_json_str(j, ipofacts_event_quote(e, k));
            cli_json_end_object(j);
        }
        cli_json_end_array(j);
        cli_json_end_object(j);
    }
    cli_json_end_array(j);
    cli_json_end_object(j);
}

static int json_company(cli_json *j, report *r)
{
    const ipofacts_company *c = r->company;
    size_t i, k, n;
    const char **holders;
    ipofacts_date d;

    cli_json_begin_object(j);
    cli_json_key(j, "id");
    cli_json_str(j, ipofacts_company_id(c));
    cli_json_key(j, "profile");
    json_profile(j, c);

    cli_json_key(j, "offering");
    if (r->listing != NULL) {
        cli_json_begin_object(j);
        cli_json_key(j, "period");
        cli_json_str(j, ipofacts_period_id(r->listing));
        cli_json_key(j, "date");
        d = ipofacts_period_end(r->listing);
        cli_json_date(j, &d);
        cli_json_key(j, "facts");
        cli_json_begin_array(j);
        n = ipofacts_period_fact_count(r->listing);
        for (i = 0; i < n; i++)
            cli_json_fact(j, ipofacts_period_fact_at(r->listing, i));
        cli_json_end_array(j);
        cli_json_end_object(j);
    } else {
        cli_json_null(j);
    }

    cli_json_key(j, "shareholders");
    cli_json_begin_array(j);
    holders = company_holders(c, &n);
    if (holders == NULL) {
        cli_json_end_array(j);
        cli_json_end_object(j);
        return out_of_memory(r);
    }
    for (i = 0; i < n; i++) {
        const ipofacts_member *m = ipofacts_company_find_member(c, holders[i]);
        cli_json_begin_object(j);
        cli_json_key(j, "holder");
        cli_json_str(j, holders[i]);
        cli_json_key(j, "name");
        cli_json_str(j, m != NULL ? ipofacts_member_name(m, NULL) : NULL);
        cli_json_key(j, "before_listing");
        json_fact_or_null(j, holder_fact(r, "ownership_stake", holders[i], 0));
        cli_json_key(j, "after_listing");
        json_fact_or_null(j, holder_fact(r, "ownership_stake", holders[i], 1));
        cli_json_key(j, "value_after_listing");
        json_fact_or_null(j, holder_fact(r, "holding_value", holders[i], 1));
        cli_json_end_object(j);
    }
    free((void *)holders);
    cli_json_end_array(j);

    cli_json_key(j, "funding_rounds");
    cli_json_begin_array(j);
    n = ipofacts_company_member_count(c);
    for (i = 0; i < n; i++) {
        const ipofacts_member *m = ipofacts_company_member(c, i);
        size_t nrel = ipofacts_member_related_count(m);
        if (ipofacts_member_kind_of(m) != IPOFACTS_MEMBER_ROUND)
            continue;
        cli_json_begin_object(j);
        cli_json_key(j, "round");
        cli_json_str(j, ipofacts_member_id(m));
        cli_json_key(j, "names");
        json_names(j, member_name_of, m);
        cli_json_key(j, "date");
        d = ipofacts_member_date(m);
        cli_json_date(j, &d);
        cli_json_key(j, "investors");
        cli_json_begin_array(j);
        for (k = 0; k < nrel; k++)
            cli_json_str(j, ipofacts_member_related(m, k));
        cli_json_end_array(j);
        for (k = 0; k < NROUND_CONCEPTS; k++) {
            cli_json_key(j, round_concepts[k]);
            json_fact_or_null(j, round_fact(c, round_concepts[k], ipofacts_member_id(m)));
        }
        cli_json_end_object(j);
    }
    cli_json_end_array(j);

    cli_json_key(j, "financials");
    cli_json_begin_object(j);
    cli_json_key(j, "periods");
    cli_json_begin_array(j);
    n = ipofacts_company_period_count(c);
    for (i = 0; i < n; i++) {
        const ipofacts_period *p = ipofacts_company_period(c, i);
        ipofacts_date s = ipofacts_period_start(p), e = ipofacts_period_end(p);
        cli_json_begin_object(j);
        cli_json_key(j, "id");
        cli_json_str(j, ipofacts_period_id(p));
        cli_json_key(j, "label");
        cli_json_str(j, ipofacts_period_label(p));
        cli_json_key(j, "start");
        cli_json_date(j, &s);
        cli_json_key(j, "end");
        cli_json_date(j, &e);
        cli_json_key(j, "instant");
        cli_json_bool(j, ipofacts_period_is_instant(p));
        cli_json_key(j, "months");
        cli_json_int(j, ipofacts_period_months(p));
        cli_json_end_object(j);
    }
    cli_json_end_array(j);
    cli_json_key(j, "facts");
    cli_json_begin_array(j);
    n = ipofacts_company_fact_count(c);
    for (i = 0; i < n; i++)
        cli_json_fact(j, ipofacts_company_fact(c, i));
    cli_json_end_array(j);
    cli_json_end_object(j);

    cli_json_end_object(j);
    return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* The command                                                         */
/* ------------------------------------------------------------------ */

int cli_cmd_report(cli_context *ctx, int argc, char **argv)
{
    const char *key = NULL;
    const ipofacts_company *only = NULL;
    ipofacts_dataset *ds;
    cli_format format;
    size_t i, n;
    int a, options = 1, status = CLI_EXIT_OK, printed = 0;
    cli_json j;

    for (a = 1; a < argc; a++) {
        if (options && strcmp(argv[a], "--") == 0) {
            options = 0;
            continue;
        }
        if (options && cli_is_option(argv[a]))
            return cli_usage_error(ctx, "unknown option \"%s\"", argv[a]);
        if (key != NULL)
            return cli_usage_error(ctx, "unexpected argument \"%s\": report takes one COMPANY at most", argv[a]);
        key = argv[a];
    }
    format = cli_choose_format(ctx,
                               CLI_FORMAT_BIT(CLI_FORMAT_TABLE) | CLI_FORMAT_BIT(CLI_FORMAT_JSON) |
                                   CLI_FORMAT_BIT(CLI_FORMAT_CSV),
                               CLI_FORMAT_TABLE);
    if (format == CLI_FORMAT_DEFAULT)
        return CLI_EXIT_USAGE;
    ds = cli_open_dataset(ctx);
    if (ds == NULL)
        return CLI_EXIT_USAGE;
    if (key != NULL) {
        only = cli_find_company(ctx, ds, key);
        if (only == NULL) {
            ipofacts_dataset_free(ds);
            return CLI_EXIT_USAGE;
        }
    }
    n = ipofacts_dataset_company_count(ds);

    if (format == CLI_FORMAT_JSON) {
        cli_json_init(&j, ctx->out);
        cli_json_begin_array(&j);
    } else if (format == CLI_FORMAT_CSV) {
        cli_csv_fact_header(ctx->out);
    }
    for (i = 0; i < n; i++) {
        const ipofacts_company *c = ipofacts_dataset_company(ds, i);
        int s = CLI_EXIT_OK;
        if (only != NULL && c != only)
            continue;
        if (format == CLI_FORMAT_TABLE) {
            s = report_table(ctx, c, !printed);
            printed = 1;
        } else if (format == CLI_FORMAT_JSON) {
            report r;
            memset(&r, 0, sizeof r);
            r.ctx = ctx;
            r.company = c;
            r.listing = listing_period(c);
            s = json_company(&j, &r);
        } else {
            size_t k, nf = ipofacts_company_fact_count(c);
            for (k = 0; k < nf; k++)
                cli_csv_fact_row(ctx->out, ipofacts_company_fact(c, k));
        }
        if (s > status)
            status = s;
    }
    if (format == CLI_FORMAT_JSON) {
        cli_json_end_array(&j);
        cli_json_finish(&j);
    }
    ipofacts_dataset_free(ds);
    return status;
}
