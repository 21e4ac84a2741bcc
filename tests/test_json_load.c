/*
 * The loader's single parser: the same file in any member order, layout or
 * escaping gives the same dataset; an error gives the same status and place
 * whatever else is wrong later in the file (malformed JSON and bad UTF-8
 * anywhere come before a schema error, a wrong format before everything of
 * the model); UTF-8 is checked inside every string, at the exact byte;
 * member names are compared decoded; integers are read as numbers, not as
 * digit strings; strings of every length round trip, from a buffer that
 * ends exactly where the text ends.
 *
 * The reference text below is one company with two periods, a segment and
 * three facts; each case rewrites it by hand and says what must come out.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ipofacts/ipofacts.h>

/* Canonical order and layout. */
#define SOURCES "\"sources\": [{\"id\": \"s1\", \"publisher\": \"上海證券報\", \"rank\": 1}, {\"id\": \"s2\"}]"
#define PERIODS                                                                                                    \
    "\"periods\": [{\"id\": \"FY2024\", \"start\": \"2024-01-01\", \"end\": \"2024-12-31\"}, "                     \
    "{\"id\": \"FY2023\", \"start\": \"2023-01-01\", \"end\": \"2023-12-31\"}]"
#define MEMBERS "\"members\": [{\"id\": \"hailuo\", \"kind\": \"segment\"}]"
#define FACT1                                                                                                      \
    "{\"concept\": \"revenue\", \"period\": \"FY2024\", \"unit\": \"USD\", \"value\": \"30523000\", "              \
    "\"decimals\": -3, \"sources\": [{\"source\": \"s1\", \"text\": \"3052.3 萬美元\"}]}"
#define FACT2                                                                                                      \
    "{\"concept\": \"revenue\", \"period\": \"FY2023\", \"segment\": \"hailuo\", \"unit\": \"USD\", "              \
    "\"value\": \"3460000\", \"decimals\": -4, \"qualifier\": \"approximately\", "                                 \
    "\"sources\": [{\"source\": \"s2\"}, {\"source\": \"s1\"}]}"
#define FACT3                                                                                                      \
    "{\"concept\": \"net_income\", \"period\": \"FY2024\", \"unit\": \"USD\", \"value\": \"-10\", "                \
    "\"upper\": \"-5\", \"decimals\": 0, \"qualifier\": \"range\", \"note\": \"loss\", "                           \
    "\"sources\": [{\"source\": \"s2\"}]}"
#define COMPANY(members, periods, facts)                                                                           \
    "{\"id\": \"minimax\", \"names\": {\"en\": \"MiniMax\"}, \"currency\": \"USD\", " members ", " periods        \
    ", \"facts\": [" facts "]}"
#define CANONICAL                                                                                                  \
    "{\"format\": \"ipofacts-dataset/1\", " SOURCES ", \"companies\": [" COMPANY(MEMBERS, PERIODS,                \
                                                                                 FACT1 ", " FACT2 ", " FACT3) "]}"

static char *save(const ipofacts_dataset *ds)
{
    char *text = NULL;
    size_t len = 0;
    assert_int_equal(ipofacts_dataset_save_buffer(&text, &len, ds), IPOFACTS_OK);
    return text;
}

/* Loads n bytes from a buffer of exactly that size (no NUL after it). */
static ipofacts_status load_exact(ipofacts_dataset **ds, const char *text, size_t n, ipofacts_error *err)
{
    char *copy = malloc(n ? n : 1);
    assert_non_null(copy);
    memcpy(copy, text, n);
    ipofacts_status st = ipofacts_dataset_load_buffer(ds, copy, n, err);
    free(copy);
    return st;
}

static char *canonical_of(const char *text)
{
    ipofacts_dataset *ds = NULL;
    ipofacts_error err;
    ipofacts_status st = load_exact(&ds, text, strlen(text), &err);
    if (st != IPOFACTS_OK)
        fail_msg("load failed: %s at %s (offset %llu): %s", ipofacts_status_str(st), err.path,
                 (unsigned long long)err.offset, err.message);
    char *out = save(ds);
    ipofacts_dataset_free(ds);
    return out;
}

static void expect_error(const char *text, ipofacts_status status, uint64_t offset, const char *path)
{
    ipofacts_dataset *ds = (ipofacts_dataset *)&ds;
    ipofacts_error err;
    ipofacts_status st = load_exact(&ds, text, strlen(text), &err);
    if (st != status || err.offset != offset || strcmp(err.path, path) != 0)
        fail_msg("got %s at %s (offset %llu): %s; expected %s at %s (offset %llu)", ipofacts_status_str(st), err.path,
                 (unsigned long long)err.offset, err.message, ipofacts_status_str(status), path,
                 (unsigned long long)offset);
    assert_null(ds);
    assert_true(err.message[0] != '\0');
}

static size_t offset_of(const char *text, const char *needle)
{
    const char *p = strstr(text, needle);
    assert_non_null(p);
    return (size_t)(p - text);
}

/* ------------------------------------------------------------------ */
/* Any order, any layout                                               */
/* ------------------------------------------------------------------ */

static void test_reference_values(void **state)
{
    (void)state;
    ipofacts_dataset *ds = NULL;
    assert_int_equal(ipofacts_dataset_load_buffer(&ds, CANONICAL, strlen(CANONICAL), NULL), IPOFACTS_OK);
    assert_string_equal(ipofacts_source_publisher(ipofacts_dataset_source(ds, 0)), "上海證券報");
    assert_int_equal(ipofacts_source_rank(ipofacts_dataset_source(ds, 0)), 1);
    assert_int_equal(ipofacts_source_rank(ipofacts_dataset_source(ds, 1)), 2);
    const ipofacts_company *c = ipofacts_dataset_company(ds, 0);
    assert_int_equal(ipofacts_company_fact_count(c), 3);
    const ipofacts_fact *f2 = ipofacts_company_fact(c, 1);
    assert_string_equal(ipofacts_fact_segment(f2), "hailuo");
    assert_int_equal(ipofacts_fact_qualifier(f2), IPOFACTS_QUALIFIER_APPROXIMATELY);
    assert_int_equal(ipofacts_fact_source_count(f2), 2);
    assert_ptr_equal(ipofacts_period_company(ipofacts_company_period(c, 1)), c);
    assert_string_equal(ipofacts_period_id(ipofacts_company_period(c, 1)), "FY2023");
    const ipofacts_fact *f3 = ipofacts_company_fact(c, 2);
    assert_int_equal(ipofacts_fact_decimals(f3), 0);
    assert_int_equal(ipofacts_fact_value(f3).coefficient, -10);
    assert_int_equal(ipofacts_fact_concept(f3), IPOFACTS_CONCEPT_NET_INCOME);
    ipofacts_dataset_free(ds);
}

static void test_any_member_order(void **state)
{
    (void)state;
    char *want = canonical_of(CANONICAL);
    static const char *const variants[] = {
        /* companies before sources, format last */
        "{" "\"companies\": [" COMPANY(MEMBERS, PERIODS, FACT1 ", " FACT2 ", " FACT3) "], " SOURCES
        ", \"format\": \"ipofacts-dataset/1\"}",
        /* facts before periods and members */
        "{\"format\": \"ipofacts-dataset/1\", " SOURCES ", \"companies\": [{\"facts\": [" FACT1 ", " FACT2 ", " FACT3
        "], " PERIODS ", " MEMBERS ", \"currency\": \"USD\", \"names\": {\"en\": \"MiniMax\"}, \"id\": \"minimax\"}]}",
        /* a fact's sources first and its qualifier after its upper bound */
        "{\"format\": \"ipofacts-dataset/1\", " SOURCES ", \"companies\": [" COMPANY(
            MEMBERS, PERIODS,
            FACT1 ", " FACT2 ", {\"sources\": [{\"source\": \"s2\"}], \"upper\": \"-5\", \"qualifier\": \"range\", "
                  "\"note\": \"loss\", \"decimals\": 0, \"value\": \"-10\", \"unit\": \"USD\", \"period\": "
                  "\"FY2024\", \"concept\": \"net_income\"}") "]}",
    };
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
        char *got = canonical_of(variants[i]);
        if (strcmp(got, want) != 0)
            fail_msg("variant %zu saves differently:\n%s", i, got);
        ipofacts_string_free(got);
    }
    ipofacts_string_free(want);
}

/* The same text with every blank run replaced by `blank`. */
static char *relayout(const char *text, const char *blank)
{
    size_t n = strlen(text), b = strlen(blank);
    char *out = malloc(n * (b + 1) + 1);
    assert_non_null(out);
    size_t k = 0;
    int in_string = 0;
    for (size_t i = 0; i < n; i++) {
        char c = text[i];
        if (in_string) {
            out[k++] = c;
            if (c == '\\')
                out[k++] = text[++i];
            else if (c == '"')
                in_string = 0;
        } else if (c == ' ') {
            memcpy(out + k, blank, b);
            k += b;
        } else {
            out[k++] = c;
            if (c == '"')
                in_string = 1;
            else if (c == ',' || c == '{' || c == '[') {
                memcpy(out + k, blank, b);
                k += b;
            }
        }
    }
    out[k] = '\0';
    return out;
}

static void test_any_layout(void **state)
{
    (void)state;
    char *want = canonical_of(CANONICAL);
    static const char *const blanks[] = {"", "\t", "\r\n", "\n                                   ",
                                         "\n        \t  ", " \n\n \n"};
    for (size_t i = 0; i < sizeof blanks / sizeof blanks[0]; i++) {
        char *text = relayout(CANONICAL, blanks[i]);
        char *got = canonical_of(text);
        assert_string_equal(got, want);
        ipofacts_string_free(got);
        free(text);
    }
    /* The canonical text itself is a fixed point. */
    char *again = canonical_of(want);
    assert_string_equal(again, want);
    ipofacts_string_free(again);
    ipofacts_string_free(want);
}

/* Member names and values are compared decoded: "\u0069d" is "id". */
static void test_escaped_names(void **state)
{
    (void)state;
    const char *escaped = "{\"\\u0066ormat\": \"ipofacts-dataset\\/1\", \"sources\": [{\"\\u0069d\": \"s\\u0031\"}], "
                          "\"companies\": [{\"id\": \"c\", \"n\\u0061mes\": {\"\\u0065n\": \"\\u842c\"}}]}";
    ipofacts_dataset *ds = NULL;
    assert_int_equal(ipofacts_dataset_load_buffer(&ds, escaped, strlen(escaped), NULL), IPOFACTS_OK);
    assert_non_null(ipofacts_dataset_find_source(ds, "s1"));
    assert_string_equal(ipofacts_company_name(ipofacts_dataset_company(ds, 0), "en"), "萬");
    ipofacts_dataset_free(ds);

    /* "id" and "\u0069d" are the same member: the second one is refused. */
    const char *dup = "{\"format\": \"ipofacts-dataset/1\", \"sources\": [{\"id\": \"s1\", \"\\u0069d\": \"s2\"}], "
                      "\"companies\": []}";
    expect_error(dup, IPOFACTS_E_DUPLICATE, offset_of(dup, "\"s2\""), "$.sources[0].id");
}

/* ------------------------------------------------------------------ */
/* Which error wins                                                    */
/* ------------------------------------------------------------------ */

/* CANONICAL with `from` replaced by `to` (the first occurrence after `after`). */
static char *edit(const char *text, const char *after, const char *from, const char *to)
{
    const char *a = strstr(text, after);
    assert_non_null(a);
    const char *p = strstr(a, from);
    assert_non_null(p);
    size_t n = strlen(text), f = strlen(from), t = strlen(to);
    char *out = malloc(n - f + t + 1);
    assert_non_null(out);
    size_t k = (size_t)(p - text);
    memcpy(out, text, k);
    memcpy(out + k, to, t);
    memcpy(out + k + t, p + f, n - k - f + 1);
    return out;
}

static void test_error_precedence(void **state)
{
    (void)state;
    /* A schema error in the first fact (unit 840) alone. */
    char *schema = edit(CANONICAL, "\"facts\"", "\"unit\": \"USD\"", "\"unit\": 840");
    expect_error(schema, IPOFACTS_E_SCHEMA, offset_of(schema, "840"), "$.companies[0].facts[0].unit");

    /* ... and a missing comma in the last fact: malformed JSON wins. */
    char *both = edit(schema, "\"note\"", "\"loss\", ", "\"loss\" ");
    expect_error(both, IPOFACTS_E_SYNTAX, offset_of(both, "\"loss\" ") + 7, "$.companies[0].facts[2].note");
    free(both);

    /* ... and a bad UTF-8 byte in the last note: bad text wins over both. */
    char *utf8 = edit(schema, "\"note\"", "\"loss\"", "\"lo\xFFss\"");
    expect_error(utf8, IPOFACTS_E_UTF8, offset_of(utf8, "\xFF"), "");
    free(utf8);

    /* A wrong format given last wins over the schema error before it. */
    char *version = edit(schema, "{", "\"format\": \"ipofacts-dataset/1\", ", "");
    size_t n = strlen(version);
    char *late = malloc(n + 64);
    assert_non_null(late);
    memcpy(late, version, n - 1);
    strcpy(late + n - 1, ", \"format\": \"ipofacts-dataset/9\"}");
    expect_error(late, IPOFACTS_E_VERSION, offset_of(late, "\"ipofacts-dataset/9\""), "$.format");
    free(late);
    free(version);

    /* Two members of one name at the top level win over everything of the
     * model, even when the second comes after the companies. */
    char *twice = malloc(strlen(schema) + 64);
    assert_non_null(twice);
    strcpy(twice, schema);
    strcpy(twice + strlen(twice) - 1, ", \"sources\": []}");
    expect_error(twice, IPOFACTS_E_DUPLICATE, strlen(twice) - 3, "$.sources");
    free(twice);
    free(schema);

    /* A related id that names no member: the place of that element, blanks
     * before the commas included. */
    const char *related = "{\"format\": \"ipofacts-dataset/1\", \"sources\": [], \"companies\": [{\"id\": \"c\", "
                          "\"names\": {\"en\": \"C\"}, \"members\": [{\"id\": \"a\", \"kind\": \"round\"}, {\"id\": "
                          "\"b\", \"kind\": \"round\", \"related\": [ \"a\" ,\n \"b\" , \"zz\" ]}]}]}";
    expect_error(related, IPOFACTS_E_REFERENCE, offset_of(related, "\"zz\""), "$.companies[0].members[1].related[2]");

    /* The first fact refers to a period defined after the facts: fine. A
     * reference to a period that is nowhere is refused at that fact. */
    char *dangling = edit(CANONICAL, "\"facts\"", "\"period\": \"FY2023\"", "\"period\": \"FY2022\"");
    expect_error(dangling, IPOFACTS_E_REFERENCE, offset_of(dangling, "\"FY2022\""), "$.companies[0].facts[1].period");
    free(dangling);
}

/* ------------------------------------------------------------------ */
/* Strings                                                             */
/* ------------------------------------------------------------------ */

/* A dataset whose one source has the publisher `p` (raw JSON string content). */
static char *with_publisher(const char *p, size_t *at)
{
    const char *head = "{\"format\": \"ipofacts-dataset/1\", \"sources\": [{\"id\": \"s\", \"publisher\": \"";
    const char *tail = "\"}], \"companies\": []}";
    size_t h = strlen(head), n = strlen(p), t = strlen(tail);
    char *s = malloc(h + n + t + 1);
    assert_non_null(s);
    memcpy(s, head, h);
    memcpy(s + h, p, n);
    memcpy(s + h + n, tail, t + 1);
    *at = h;
    return s;
}

static void test_utf8_inside_strings(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t bad; /* offset of the bad byte in `bytes`; SIZE_MAX when valid */
    } cases[] = {
        {"\xC3\xA9t\xC3\xA9", SIZE_MAX},        /* été, two-byte characters */
        {"\xE8\x90\xAC\xE7\xBE\x8E\xE5\x85\x83", SIZE_MAX}, /* 萬美元 */
        {"\xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF", SIZE_MAX},   /* 😀 and U+10FFFF */
        {"ab\xC0\x80", 2},                     /* overlong NUL */
        {"\xE0\x80\xAF", 0},                   /* overlong slash */
        {"x\xED\xA0\x80", 1},                  /* a surrogate in UTF-8 */
        {"\xF4\x90\x80\x80", 0},               /* beyond U+10FFFF */
        {"\xF5\x80\x80\x80", 0},
        {"abc\x80", 3},                        /* a lone continuation byte */
        {"\xE8\x90", 0},                       /* cut short by the quote */
        {"0123456789abcdef0123456789\xFF", 26}, /* past the first 16 bytes */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t at;
        char *text = with_publisher(cases[i].bytes, &at);
        ipofacts_dataset *ds = NULL;
        ipofacts_error err;
        ipofacts_status st = load_exact(&ds, text, strlen(text), &err);
        if (cases[i].bad == SIZE_MAX) {
            assert_int_equal(st, IPOFACTS_OK);
            assert_string_equal(ipofacts_source_publisher(ipofacts_dataset_source(ds, 0)), cases[i].bytes);
            ipofacts_dataset_free(ds);
        } else {
            if (st != IPOFACTS_E_UTF8 || err.offset != at + cases[i].bad)
                fail_msg("case %zu: %s at %llu, expected E_UTF8 at %zu", i, ipofacts_status_str(st),
                         (unsigned long long)err.offset, at + cases[i].bad);
            assert_null(ds);
        }
        free(text);
    }
    /* Escapes: \u0000 is refused, a lone surrogate is malformed JSON. */
    size_t at;
    char *nul = with_publisher("a\\u0000", &at);
    expect_error(nul, IPOFACTS_E_UTF8, at + 1, "$.sources[0].publisher");
    free(nul);
    char *lone = with_publisher("ab\\udc00", &at);
    expect_error(lone, IPOFACTS_E_SYNTAX, at + 2, "$.sources[0].publisher");
    free(lone);
    char *ctrl = with_publisher("tab\there", &at);
    expect_error(ctrl, IPOFACTS_E_SYNTAX, at + 3, "$.sources[0].publisher");
    free(ctrl);
}

/* Strings of every length up to 40, with a quote escape, a backslash escape
 * or a Chinese character at every position: each decodes exactly. */
static void test_string_lengths(void **state)
{
    (void)state;
    static const struct {
        const char *raw, *decoded;
    } specials[] = {{"\\\"", "\""}, {"\\\\", "\\"}, {"\xE8\x90\xAC", "\xE8\x90\xAC"}, {"\\u842c", "\xE8\x90\xAC"}};
    for (size_t len = 0; len <= 40; len++) {
        for (size_t s = 0; s < sizeof specials / sizeof specials[0]; s++) {
            for (size_t pos = 0; pos <= len; pos += len < 20 ? 1 : 7) {
                char raw[128], want[128];
                size_t r = 0, w = 0;
                for (size_t i = 0; i <= len; i++) {
                    if (i == pos) {
                        size_t a = strlen(specials[s].raw), b = strlen(specials[s].decoded);
                        memcpy(raw + r, specials[s].raw, a);
                        memcpy(want + w, specials[s].decoded, b);
                        r += a;
                        w += b;
                    }
                    if (i < len) {
                        raw[r++] = (char)('a' + i % 26);
                        want[w++] = (char)('a' + i % 26);
                    }
                }
                raw[r] = want[w] = '\0';
                size_t at;
                char *text = with_publisher(raw, &at);
                ipofacts_dataset *ds = NULL;
                assert_int_equal(load_exact(&ds, text, strlen(text), NULL), IPOFACTS_OK);
                assert_string_equal(ipofacts_source_publisher(ipofacts_dataset_source(ds, 0)), want);
                ipofacts_dataset_free(ds);
                free(text);
            }
        }
    }
}

/* ------------------------------------------------------------------ */
/* Integers                                                            */
/* ------------------------------------------------------------------ */

static void test_integer_forms(void **state)
{
    (void)state;
    static const struct {
        const char *rank;
        uint32_t want; /* 0: refused */
    } cases[] = {
        {"7", 7}, {"7.0", 7}, {"7e0", 7}, {"0.7E1", 7}, {"700e-2", 7}, {"1000000", 1000000},
        {"7.5", 0}, {"0", 0}, {"-1", 0}, {"1000001", 0}, {"1e400", 0}, {"\"7\"", 0}, {"true", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[256];
        snprintf(text, sizeof text,
                 "{\"format\": \"ipofacts-dataset/1\", \"sources\": [{\"id\": \"s\", \"rank\": %s}], "
                 "\"companies\": []}",
                 cases[i].rank);
        ipofacts_dataset *ds = NULL;
        ipofacts_error err;
        ipofacts_status st = load_exact(&ds, text, strlen(text), &err);
        if (cases[i].want == 0) {
            if (st != IPOFACTS_E_SCHEMA || strcmp(err.path, "$.sources[0].rank") != 0 ||
                strstr(err.message, "must be an integer from 1 to 1000000") == NULL)
                fail_msg("rank %s: %s at %s: %s", cases[i].rank, ipofacts_status_str(st), err.path, err.message);
            assert_null(ds);
        } else {
            if (st != IPOFACTS_OK)
                fail_msg("rank %s: %s at %s: %s", cases[i].rank, ipofacts_status_str(st), err.path, err.message);
            assert_int_equal(ipofacts_source_rank(ipofacts_dataset_source(ds, 0)), cases[i].want);
            ipofacts_dataset_free(ds);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Unknown members                                                     */
/* ------------------------------------------------------------------ */

static void test_unknown_members_kept(void **state)
{
    (void)state;
    /* At every level, in any order, with numbers beyond any double. */
    const char *text =
        "{\"x_top\": {\"n\": 123456789012345678901234567890123456789012345678901234567890123456789012345678}, "
        "\"format\": \"ipofacts-dataset/1\", \"sources\": [{\"x_s\": [1, {\"a\": null}], \"id\": \"s\"}], "
        "\"companies\": [{\"id\": \"c\", \"names\": {\"en\": \"C\"}, \"x_c\": \"\\u842c\", \"periods\": "
        "[{\"id\": \"p\", \"instant\": \"2025-09-30\", \"x_p\": true}], \"facts\": [{\"x_f\": -0.5e-7, "
        "\"concept\": \"cash\", \"period\": \"p\", \"unit\": \"USD\", \"value\": \"1\", \"decimals\": 0, "
        "\"sources\": [{\"source\": \"s\", \"x_cit\": []}]}]}]}";
    char *out = canonical_of(text);
    assert_non_null(strstr(out, "  \"x_top\": {\n    \"n\": "
                                "123456789012345678901234567890123456789012345678901234567890123456789012345678\n"
                                "  }\n}\n"));
    assert_non_null(strstr(out, "      \"x_s\": [\n        1,\n        {\n          \"a\": null\n        }\n      ]\n"));
    assert_non_null(strstr(out, "      \"x_c\": \"萬\"\n"));
    assert_non_null(strstr(out, "          \"x_p\": true\n"));
    assert_non_null(strstr(out, "          \"x_f\": -0.5e-7\n"));
    assert_non_null(strstr(out, "              \"x_cit\": []\n"));
    char *again = canonical_of(out);
    assert_string_equal(again, out);
    ipofacts_string_free(again);
    ipofacts_string_free(out);

    /* A duplicate inside an unknown member, found at any depth. */
    const char *dup = "{\"format\": \"ipofacts-dataset/1\", \"sources\": [{\"id\": \"s\", \"x\": [{}, "
                      "{\"a\": {\"b\": 1, \"b\": 2}}]}], \"companies\": []}";
    expect_error(dup, IPOFACTS_E_DUPLICATE, offset_of(dup, "2}"), "$.sources[0].x[1].a.b");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_values),  cmocka_unit_test(test_any_member_order),
        cmocka_unit_test(test_any_layout),         cmocka_unit_test(test_escaped_names),
        cmocka_unit_test(test_error_precedence),   cmocka_unit_test(test_utf8_inside_strings),
        cmocka_unit_test(test_string_lengths),     cmocka_unit_test(test_integer_forms),
        cmocka_unit_test(test_unknown_members_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
