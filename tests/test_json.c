/*
 * The JSON codec of datasets: loading from a buffer and from a file, the
 * canonical writer (a canonical file saves back byte for byte, unknown
 * members and Chinese text included, every digit kept), every kind of bad
 * file (status, line, column, byte offset and JSON path, and no dataset),
 * and the atomic save.
 *
 * Positions in the bad files were counted by hand; columns count characters,
 * so a line with 上海證券報 (5 characters, 15 bytes) before the problem has a
 * column 10 smaller than its byte count would give.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ipofacts/ipofacts.h>

#define FIXTURE IPOFACTS_TEST_DATA "/dataset/minimax.json"
#define BAD IPOFACTS_TEST_DATA "/bad/"
#define BUILTIN_JSON IPOFACTS_TEST_DATA "/../../data/builtin.json"

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long size = ftell(f);
    assert_true(size >= 0);
    assert_int_equal(fseek(f, 0, SEEK_SET), 0);
    char *buf = malloc((size_t)size + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    buf[size] = '\0';
    *len = (size_t)size;
    return buf;
}

static char *save(const ipofacts_dataset *ds, size_t *len)
{
    char *text = NULL;
    assert_int_equal(ipofacts_dataset_save_buffer(&text, len, ds), IPOFACTS_OK);
    assert_non_null(text);
    assert_int_equal(strlen(text), *len);
    return text;
}

static ipofacts_dataset *load_text(const char *text)
{
    ipofacts_dataset *ds = NULL;
    ipofacts_error err;
    ipofacts_status st = ipofacts_dataset_load_buffer(&ds, text, strlen(text), &err);
    if (st != IPOFACTS_OK) {
        char line[600];
        ipofacts_error_format(&err, line, sizeof line);
        fail_msg("load failed: %s", line);
    }
    assert_int_equal(err.status, IPOFACTS_OK); /* cleared on success */
    assert_string_equal(err.message, "");
    return ds;
}

/* A temporary directory for the save tests, removed with its files. */
static char tmpdir[64];

static int make_tmpdir(void **state)
{
    (void)state;
    strcpy(tmpdir, "/tmp/ipofacts-test-json-XXXXXX");
    return mkdtemp(tmpdir) != NULL ? 0 : -1;
}

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    struct dirent *e;
    char path[512];
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat sb;
        if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
            remove_tree(path);
        else
            unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

static int drop_tmpdir(void **state)
{
    (void)state;
    remove_tree(tmpdir);
    return 0;
}

/* Number of entries of a directory other than . and .. */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

/* ------------------------------------------------------------------ */
/* Loading and the round trip                                          */
/* ------------------------------------------------------------------ */

static void test_buffer_and_file_round_trip(void **state)
{
    (void)state;
    size_t len;
    char *original = read_all(FIXTURE, &len);

    ipofacts_dataset *from_file = NULL, *from_buffer = NULL;
    ipofacts_error err;
    assert_int_equal(ipofacts_dataset_load_file(&from_file, FIXTURE, &err), IPOFACTS_OK);
    assert_string_equal(err.file, "");
    /* The buffer need not be NUL-terminated: give one byte less of a copy
     * that has a stray byte after the text. */
    char *copy = malloc(len + 1);
    assert_non_null(copy);
    memcpy(copy, original, len);
    copy[len] = '}';
    assert_int_equal(ipofacts_dataset_load_buffer(&from_buffer, copy, len, &err), IPOFACTS_OK);
    free(copy);

    size_t n1, n2;
    char *s1 = save(from_file, &n1);
    char *s2 = save(from_buffer, &n2);
    /* save(load(x)) == x, byte for byte: the Chinese text, the unknown
     * members at the top level, in a source, a company, a period, a fact
     * and a citation, and a 30-digit JSON number inside one of them. */
    assert_int_equal(n1, len);
    assert_memory_equal(s1, original, len);
    assert_int_equal(n2, len);
    assert_memory_equal(s2, original, len);
    assert_non_null(strstr(s1, "\"digits\": 123456789012345678901234567890,"));
    assert_non_null(strstr(s1, "\"ratio\": -0.000000000000000000012345678901234567890,"));
    assert_non_null(strstr(s1, "      \"x_sector\": [\"AI\", \"大模型\"]\n"));
    assert_non_null(strstr(s1, "  \"x_null\": null\n}\n"));

    /* A second round trip changes nothing either. */
    ipofacts_dataset *again = load_text(s1);
    size_t n3;
    char *s3 = save(again, &n3);
    assert_int_equal(n3, len);
    assert_memory_equal(s3, original, len);

    ipofacts_string_free(s1);
    ipofacts_string_free(s2);
    ipofacts_string_free(s3);
    ipofacts_dataset_free(from_file);
    ipofacts_dataset_free(from_buffer);
    ipofacts_dataset_free(again);
    free(original);
}

/* Compact input, members out of order, escapes, nulls: saved in canonical form. */
static void test_canonical_form(void **state)
{
    (void)state;
    const char *in =
        "{\"companies\":[{\"facts\":[{\"sources\":[{\"text\":\"3052.3 \\u842c\\u7f8e\\u5143\",\"source\":\"s\"}],"
        "\"decimals\":-3,\"value\":\"30523000\",\"unit\":\"USD\",\"period\":\"FY2024\",\"concept\":\"revenue\","
        "\"note\":null,\"x\":{\"b\":[1,2.50,[]],\"a\":\"tab\\there \\u0001 \\/ \\\"q\\\" \\ud83d\\ude00\"}}],"
        "\"periods\":[{\"end\":\"2024-12-31\",\"start\":\"2024-01-01\",\"id\":\"FY2024\",\"label\":null}],"
        "\"people\":[],\"names\":{\"en\":\"MiniMax\",\"zh-Hant\":\"\\u7a00\\u5b87\\u79d1\\u6280\"},\"id\":\"minimax\","
        "\"ticker\":null}],"
        "\"sources\":[{\"rank\":2,\"id\":\"s\",\"publisher\":\"\\u4e0a\\u6d77\\u8b49\\u5238\\u5831\"}],"
        "\"format\":\"ipofacts-dataset/1\"}";
    const char *want = "{\n"
                       "  \"format\": \"ipofacts-dataset/1\",\n"
                       "  \"sources\": [\n"
                       "    {\n"
                       "      \"id\": \"s\",\n"
                       "      \"publisher\": \"上海證券報\",\n"
                       "      \"rank\": 2\n"
                       "    }\n"
                       "  ],\n"
                       "  \"companies\": [\n"
                       "    {\n"
                       "      \"id\": \"minimax\",\n"
                       "      \"names\": {\n"
                       "        \"en\": \"MiniMax\",\n"
                       "        \"zh-Hant\": \"稀宇科技\"\n"
                       "      },\n"
                       "      \"periods\": [\n"
                       "        {\n"
                       "          \"id\": \"FY2024\",\n"
                       "          \"start\": \"2024-01-01\",\n"
                       "          \"end\": \"2024-12-31\"\n"
                       "        }\n"
                       "      ],\n"
                       "      \"facts\": [\n"
                       "        {\n"
                       "          \"concept\": \"revenue\",\n"
                       "          \"period\": \"FY2024\",\n"
                       "          \"unit\": \"USD\",\n"
                       "          \"value\": \"30523000\",\n"
                       "          \"decimals\": -3,\n"
                       "          \"sources\": [\n"
                       "            {\n"
                       "              \"source\": \"s\",\n"
                       "              \"text\": \"3052.3 萬美元\"\n"
                       "            }\n"
                       "          ],\n"
                       "          \"x\": {\n"
                       "            \"b\": [\n"
                       "              1,\n"
                       "              2.50,\n"
                       "              []\n"
                       "            ],\n"
                       "            \"a\": \"tab\\there \\u0001 / \\\"q\\\" 😀\"\n"
                       "          }\n"
                       "        }\n"
                       "      ]\n"
                       "    }\n"
                       "  ]\n"
                       "}\n";
    ipofacts_dataset *ds = load_text(in);
    size_t n;
    char *out = save(ds, &n);
    assert_string_equal(out, want);
    ipofacts_string_free(out);
    ipofacts_dataset_free(ds);
}

#define ONE_FACT(value, extra)                                                                                   \
    "{\"format\": \"ipofacts-dataset/1\", \"sources\": [{\"id\": \"s\"}], \"companies\": [{\"id\": \"c\", "     \
    "\"names\": {\"en\": \"C\"}, \"periods\": [{\"id\": \"p\", \"instant\": \"2025-09-30\"}], \"facts\": "      \
    "[{\"concept\": \"cash\", \"period\": \"p\", \"unit\": \"USD\", \"value\": \"" value "\", \"decimals\": 0" \
    extra ", \"sources\": [{\"source\": \"s\"}]}]}]}"

static void test_every_digit_kept(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int64_t coefficient;
        int32_t exponent;
    } cases[] = {
        {"999999999999999999", INT64_C(999999999999999999), 0},     /* 18 digits, the most */
        {"-123456789.012345678", INT64_C(-123456789012345678), -9}, /* 18 digits with a point */
        {"1.220", 1220, -3},                                        /* trailing zero kept */
        {"0.000000000000000001", 1, -18},
        {"00030523000", 30523000, 0}, /* leading zeros do not count */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "{\"format\": \"ipofacts-dataset/1\", \"sources\": [{\"id\": \"s\"}], \"companies\": [{\"id\": "
                 "\"c\", \"names\": {\"en\": \"C\"}, \"periods\": [{\"id\": \"p\", \"instant\": \"2025-09-30\"}], "
                 "\"facts\": [{\"concept\": \"cash\", \"period\": \"p\", \"unit\": \"USD\", \"value\": \"%s\", "
                 "\"decimals\": 0, \"sources\": [{\"source\": \"s\"}]}]}]}",
                 cases[i].text);
        ipofacts_dataset *ds = load_text(text);
        const ipofacts_fact *f = ipofacts_company_fact(ipofacts_dataset_company(ds, 0), 0);
        ipofacts_decimal v = ipofacts_fact_value(f);
        assert_int_equal(v.coefficient, cases[i].coefficient);
        assert_int_equal(v.exponent, cases[i].exponent);
        /* Saved, the value prints with all its digits. */
        size_t n;
        char *out = save(ds, &n);
        char want[128];
        snprintf(want, sizeof want, "\"value\": \"%s\",",
                 strcmp(cases[i].text, "00030523000") == 0 ? "30523000" : cases[i].text);
        assert_non_null(strstr(out, want));
        ipofacts_string_free(out);
        ipofacts_dataset_free(ds);
    }
}

static void test_defaults_and_optional(void **state)
{
    (void)state;
    /* An empty dataset is valid and saves in canonical form. */
    const char *empty = "{\n  \"format\": \"ipofacts-dataset/1\",\n  \"sources\": [],\n  \"companies\": []\n}\n";
    ipofacts_dataset *ds = load_text(empty);
    assert_int_equal(ipofacts_dataset_company_count(ds), 0);
    assert_null(ipofacts_dataset_find_company(ds, "minimax"));
    assert_null(ipofacts_dataset_find_source(ds, "s"));
    size_t n;
    char *out = save(ds, &n);
    assert_string_equal(out, empty);
    ipofacts_string_free(out);
    ipofacts_dataset_free(ds);

    /* A UTF-8 byte order mark is skipped. */
    ds = load_text("\xEF\xBB\xBF{\"format\": \"ipofacts-dataset/1\", \"sources\": [], \"companies\": []}");
    ipofacts_dataset_free(ds);

    /* A qualifier given as such is written back. */
    ds = load_text(ONE_FACT("1046000000", ", \"qualifier\": \"at_most\""));
    out = save(ds, &n);
    assert_non_null(strstr(out, "\"qualifier\": \"at_most\""));
    assert_int_equal(ipofacts_fact_qualifier(ipofacts_company_fact(ipofacts_dataset_company(ds, 0), 0)),
                     IPOFACTS_QUALIFIER_AT_MOST);
    ipofacts_string_free(out);
    ipofacts_dataset_free(ds);
}

/* The members few facts have (upper, note, unknown members, unknown members
 * of a citation) are held apart from the others; every combination reads
 * back through the accessors and saves back byte for byte, and so do the
 * unknown members of a person's and an event's citations. Strings of every
 * length, one larger than the store's chunks, interleave with the objects. */
static const char rare_template[] =
    "{\n"
    "  \"format\": \"ipofacts-dataset/1\",\n"
    "  \"sources\": [\n"
    "    {\n      \"id\": \"a\"\n    },\n"
    "    {\n      \"id\": \"bb\",\n      \"rank\": 1\n    },\n"
    "    {\n      \"id\": \"ccc\"\n    }\n"
    "  ],\n"
    "  \"companies\": [\n"
    "    {\n"
    "      \"id\": \"co\",\n"
    "      \"names\": {\n        \"en\": \"Co\"\n      },\n"
    "      \"people\": [\n"
    "        {\n"
    "          \"id\": \"p\",\n"
    "          \"names\": {\n            \"en\": \"P\"\n          },\n"
    "          \"sources\": [\n"
    "            {\n              \"source\": \"a\"\n            },\n"
    "            {\n              \"source\": \"bb\",\n              \"x_page\": 7\n            },\n"
    "            {\n              \"source\": \"ccc\"\n            }\n"
    "          ]\n"
    "        }\n"
    "      ],\n"
    "      \"events\": [\n"
    "        {\n"
    "          \"kind\": \"listed\",\n"
    "          \"date\": \"2026-01-09\",\n"
    "          \"sources\": [\n"
    "            {\n              \"source\": \"a\",\n              \"text\": \"上市\",\n"
    "              \"x_seen\": [\"web\", \"print\"]\n            },\n"
    "            {\n              \"source\": \"bb\"\n            }\n"
    "          ]\n"
    "        }\n"
    "      ],\n"
    "      \"periods\": [\n"
    "        {\n          \"id\": \"FY2024\",\n          \"start\": \"2024-01-01\",\n"
    "          \"end\": \"2024-12-31\"\n        }\n"
    "      ],\n"
    "      \"facts\": [\n"
    /* 0: none of the rare members */
    "        {\n          \"id\": \"f\",\n          \"concept\": \"revenue\",\n          \"period\": \"FY2024\",\n"
    "          \"unit\": \"CNY\",\n          \"value\": \"100\",\n          \"decimals\": 0,\n"
    "          \"sources\": [\n            {\n              \"source\": \"a\",\n              \"text\": \"100元\"\n"
    "            }\n          ]\n        },\n"
    /* 1: a note only */
    "        {\n          \"concept\": \"revenue\",\n          \"period\": \"FY2024\",\n"
    "          \"unit\": \"CNY\",\n          \"value\": \"101\",\n          \"decimals\": 0,\n"
    "          \"note\": \"%s\",\n"
    "          \"sources\": [\n            {\n              \"source\": \"bb\"\n            }\n          ]\n        },\n"
    /* 2: an upper only */
    "        {\n          \"id\": \"range\",\n          \"concept\": \"cash\",\n          \"period\": \"FY2024\",\n"
    "          \"unit\": \"CNY\",\n          \"value\": \"5\",\n          \"upper\": \"7.25\",\n"
    "          \"decimals\": 2,\n          \"qualifier\": \"range\",\n"
    "          \"sources\": [\n            {\n              \"source\": \"ccc\",\n              \"text\": \"5-7.25\"\n"
    "            }\n          ]\n        },\n"
    /* 3: unknown members only */
    "        {\n          \"id\": \"fx\",\n          \"concept\": \"net_income\",\n          \"period\": \"FY2024\",\n"
    "          \"unit\": \"CNY\",\n          \"value\": \"-3\",\n          \"decimals\": 0,\n"
    "          \"sources\": [\n            {\n              \"source\": \"a\"\n            }\n          ],\n"
    "          \"x_flag\": true\n        },\n"
    /* 4: unknown members of its third citation only */
    "        {\n          \"id\": \"fc\",\n          \"concept\": \"net_income\",\n          \"period\": \"FY2024\",\n"
    "          \"unit\": \"CNY\",\n          \"value\": \"-3.0\",\n          \"decimals\": 1,\n"
    "          \"sources\": [\n"
    "            {\n              \"source\": \"a\",\n              \"text\": \"%s\"\n            },\n"
    "            {\n              \"source\": \"bb\",\n              \"text\": \"-3.0\"\n            },\n"
    "            {\n              \"source\": \"ccc\",\n              \"x_line\": 12\n            }\n"
    "          ]\n        },\n"
    /* 5: all of them */
    "        {\n          \"id\": \"all\",\n          \"concept\": \"gross_margin\",\n          \"period\": \"FY2024\",\n"
    "          \"unit\": \"pure\",\n          \"value\": \"0.1\",\n          \"upper\": \"0.2\",\n"
    "          \"decimals\": 1,\n          \"qualifier\": \"range\",\n          \"note\": \"10-20%%\",\n"
    "          \"sources\": [\n"
    "            {\n              \"source\": \"bb\",\n              \"text\": \"一成至兩成\",\n"
    "              \"x_page\": 3\n            }\n"
    "          ],\n"
    "          \"x_a\": 1,\n          \"x_b\": {\n            \"c\": \"d\"\n          }\n        },\n"
    /* 6: none again, after all the others */
    "        {\n          \"id\": \"last\",\n          \"concept\": \"revenue\",\n          \"period\": \"FY2024\",\n"
    "          \"unit\": \"CNY\",\n          \"value\": \"100\",\n          \"decimals\": 0,\n"
    "          \"sources\": [\n            {\n              \"source\": \"bb\",\n              \"text\": \"100\"\n"
    "            }\n          ]\n        }\n"
    "      ]\n"
    "    }\n"
    "  ]\n"
    "}\n";

/* n copies of the UTF-8 text of one character c (3 bytes), NUL-terminated. */
static char *repeat3(const char *c, size_t n)
{
    char *s = malloc(3 * n + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + 3 * i, c, 3);
    s[3 * n] = '\0';
    return s;
}

static void test_rare_members(void **state)
{
    (void)state;
    /* A note of 10,001 bytes and a citation text of 90,000 bytes (more
     * than a chunk of the dataset's store). */
    char *mid = repeat3("注", 3333), *big = repeat3("汉", 30000);
    size_t cap = sizeof rare_template + strlen(mid) + strlen(big) + 8;
    char *note = malloc(strlen(mid) + 2), *text = malloc(cap);
    assert_non_null(note);
    assert_non_null(text);
    snprintf(note, strlen(mid) + 2, "%sN", mid);
    snprintf(text, cap, rare_template, note, big);

    ipofacts_dataset *ds = load_text(text);
    const ipofacts_company *co = ipofacts_dataset_company(ds, 0);
    assert_int_equal(ipofacts_company_fact_count(co), 7);
    const ipofacts_fact *f[7];
    for (size_t i = 0; i < 7; i++) {
        f[i] = ipofacts_company_fact(co, i);
        assert_ptr_equal(ipofacts_fact_company(f[i]), co);
        assert_ptr_equal(ipofacts_period_fact_at(ipofacts_fact_period(f[i]), i), f[i]);
    }
    ipofacts_decimal d;
    for (size_t i = 0; i < 7; i++)
        if (i != 2 && i != 5)
            assert_int_equal(ipofacts_fact_upper(&d, f[i]), IPOFACTS_E_NOT_FOUND);
    assert_int_equal(ipofacts_fact_upper(&d, f[2]), IPOFACTS_OK);
    assert_int_equal(d.coefficient, 725);
    assert_int_equal(d.exponent, -2);
    assert_int_equal(ipofacts_fact_upper(&d, f[5]), IPOFACTS_OK);
    assert_int_equal(d.coefficient, 2);
    assert_int_equal(d.exponent, -1);
    /* The interval of the range uses its upper end. */
    ipofacts_interval iv, want;
    ipofacts_decimal five = {5, 0, 0}, upper = {725, -2, 0};
    assert_int_equal(ipofacts_fact_interval(&iv, f[2]), IPOFACTS_OK);
    assert_int_equal(ipofacts_reported_interval(&want, &five, &upper, 2, IPOFACTS_QUALIFIER_RANGE), IPOFACTS_OK);
    assert_true(iv.lo == want.lo && iv.hi == want.hi && iv.flags == want.flags);
    assert_true(iv.hi > 7.2 && iv.hi < 7.3);

    assert_null(ipofacts_fact_note(f[0]));
    assert_string_equal(ipofacts_fact_note(f[1]), note);
    assert_null(ipofacts_fact_note(f[2]));
    assert_null(ipofacts_fact_note(f[3]));
    assert_null(ipofacts_fact_note(f[4]));
    assert_string_equal(ipofacts_fact_note(f[5]), "10-20%");
    assert_null(ipofacts_fact_note(f[6]));

    assert_string_equal(ipofacts_fact_id(f[0]), "f");
    assert_null(ipofacts_fact_id(f[1]));
    assert_string_equal(ipofacts_fact_id(f[6]), "last");
    assert_int_equal(ipofacts_fact_source_count(f[4]), 3);
    assert_string_equal(ipofacts_fact_quote(f[4], 0), big);
    assert_string_equal(ipofacts_fact_quote(f[4], 1), "-3.0");
    assert_null(ipofacts_fact_quote(f[4], 2));
    assert_string_equal(ipofacts_source_id(ipofacts_fact_source(f[4], 2)), "ccc");
    assert_string_equal(ipofacts_fact_quote(f[5], 0), "一成至兩成");
    assert_string_equal(ipofacts_fact_quote(f[0], 0), "100元");

    const ipofacts_event *ev = ipofacts_company_event(co, 0);
    assert_string_equal(ipofacts_event_quote(ev, 0), "上市");
    assert_null(ipofacts_event_quote(ev, 1));
    const ipofacts_person *p = ipofacts_company_person(co, 0);
    assert_int_equal(ipofacts_person_source_count(p), 3);
    assert_string_equal(ipofacts_source_id(ipofacts_person_source(p, 1)), "bb");

    /* The preferred revenue: of the two reports with the rank-1 source,
     * equal in everything else, the first in the file. */
    const ipofacts_fact *best = NULL;
    ipofacts_preference why;
    assert_int_equal(ipofacts_period_find_fact(&best, &why, ipofacts_company_period(co, 0), "revenue", NULL),
                     IPOFACTS_OK);
    assert_ptr_equal(best, f[1]);
    assert_int_equal(why, IPOFACTS_PREFER_FILE_ORDER);

    size_t n;
    char *out = save(ds, &n);
    assert_int_equal(n, strlen(text));
    assert_string_equal(out, text);
    ipofacts_string_free(out);
    ipofacts_dataset_free(ds);
    free(text);
    free(note);
    free(mid);
    free(big);
}

static void test_builtin(void **state)
{
    (void)state;
    ipofacts_dataset *ds = NULL;
    assert_int_equal(ipofacts_dataset_open_builtin(&ds), IPOFACTS_OK);
    assert_non_null(ds);
    assert_non_null(ipofacts_dataset_find_company(ds, "minimax"));
    assert_non_null(ipofacts_dataset_find_company(ds, "00100.HK"));
    assert_true(ipofacts_dataset_fact_count(ds) > 0);
    /* The built-in file is in canonical form: it saves back byte for byte. */
    size_t len, n;
    char *file = read_all(BUILTIN_JSON, &len);
    char *out = save(ds, &n);
    assert_int_equal(n, len);
    assert_memory_equal(out, file, len);
    free(file);
    ipofacts_string_free(out);
    /* Each call gives a new dataset. */
    ipofacts_dataset *other = NULL;
    assert_int_equal(ipofacts_dataset_open_builtin(&other), IPOFACTS_OK);
    assert_ptr_not_equal(other, ds);
    ipofacts_dataset_free(other);
    ipofacts_dataset_free(ds);
    assert_int_equal(ipofacts_dataset_open_builtin(NULL), IPOFACTS_E_INVALID);
}

/* ------------------------------------------------------------------ */
/* Bad files                                                           */
/* ------------------------------------------------------------------ */

static void expect_bad(const char *name, ipofacts_status status, uint32_t line, uint32_t column, uint64_t offset,
                       const char *path)
{
    char file[512];
    snprintf(file, sizeof file, "%s%s", BAD, name);
    ipofacts_dataset *ds = (ipofacts_dataset *)&ds; /* not NULL: the load must clear it */
    ipofacts_error err;
    ipofacts_status st = ipofacts_dataset_load_file(&ds, file, &err);
    char text[600];
    ipofacts_error_format(&err, text, sizeof text);
    print_message("%-30s %s\n", name, text);
    assert_int_equal(st, status);
    assert_null(ds);
    assert_int_equal(err.status, status);
    assert_string_equal(err.file, file);
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, column);
    assert_int_equal(err.offset, offset);
    assert_string_equal(err.path, path);
    assert_true(err.message[0] != '\0');

    /* The same from a buffer: no file name, the same place. */
    size_t len;
    char *data = read_all(file, &len);
    ds = (ipofacts_dataset *)&ds;
    memset(&err, 0, sizeof err);
    assert_int_equal(ipofacts_dataset_load_buffer(&ds, data, len, &err), status);
    assert_null(ds);
    assert_string_equal(err.file, "");
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, column);
    assert_int_equal(err.offset, offset);
    assert_string_equal(err.path, path);
    free(data);
}

static void test_bad_malformed(void **state)
{
    (void)state;
    /* Line 6 is `      "publisher": "上海證券報" "title": "MiniMax"`: the
     * comma is missing before "title", at character 28 (6 spaces, 11 for
     * "publisher", the colon and a space, 7 for "上海證券報", a space).
     * Lines 1-5 hold 2 + 34 + 15 + 6 + 20 = 77 bytes; 6 + 11 + 2 + 17 + 1 =
     * 37 more give byte 114. */
    expect_bad("malformed.json", IPOFACTS_E_SYNTAX, 6, 28, 114, "$.sources[0].publisher");
}

static void test_bad_wrong_type(void **state)
{
    (void)state;
    /* The second fact's unit is the number 840: `          "unit": 840,`. */
    expect_bad("wrong_type.json", IPOFACTS_E_SCHEMA, 41, 19, 818, "$.companies[0].facts[1].unit");
}

static void test_bad_version(void **state)
{
    (void)state;
    /* `  "format": "ipofacts-dataset/2",` on line 2; the value at column 13. */
    expect_bad("unknown_version.json", IPOFACTS_E_VERSION, 2, 13, 14, "$.format");
}

static void test_bad_missing_format(void **state)
{
    (void)state;
    expect_bad("missing_format.json", IPOFACTS_E_SCHEMA, 1, 1, 0, "$");
}

static void test_bad_utf8(void **state)
{
    (void)state;
    /* `      "publisher": "上海\xFF證券報",`: the byte 0xFF follows 6 spaces,
     * "publisher": (12 bytes), a space, a quote and 上海 (6 bytes): byte 26
     * of line 6, which starts at byte 77; character 23 of the line. */
    expect_bad("invalid_utf8.json", IPOFACTS_E_UTF8, 6, 23, 103, "");
}

static void test_bad_nul(void **state)
{
    (void)state;
    /* `      "id": "s0\0",`: the NUL after 6 spaces, "id": and a space, "s0. */
    expect_bad("nul_byte.json", IPOFACTS_E_UTF8, 5, 16, 72, "");
}

static void test_bad_duplicate_company(void **state)
{
    (void)state;
    /* The second company's id, its second member. */
    expect_bad("duplicate_company.json", IPOFACTS_E_DUPLICATE, 44, 13, 816, "$.companies[1].id");
}

static void test_bad_duplicate_key(void **state)
{
    (void)state;
    /* A fact with "unit" twice: the second one ("HKD") is refused. */
    expect_bad("duplicate_key.json", IPOFACTS_E_DUPLICATE, 29, 19, 542, "$.companies[0].facts[0].unit");
}

static void test_bad_period(void **state)
{
    (void)state;
    /* FY2024 from 2024-12-31 to 2024-01-01: the end is before the start. */
    expect_bad("period_end_before_start.json", IPOFACTS_E_DATE, 21, 18, 378, "$.companies[0].periods[0].end");
}

static void test_bad_unit(void **state)
{
    (void)state;
    expect_bad("unknown_unit.json", IPOFACTS_E_UNIT, 28, 19, 517, "$.companies[0].facts[0].unit");
}

static void test_bad_19_digits(void **state)
{
    (void)state;
    /* "1234567890123456789" has 19 significant digits; 18 is the most. */
    expect_bad("decimal_19_digits.json", IPOFACTS_E_OVERFLOW, 29, 20, 543, "$.companies[0].facts[0].value");
}

static void test_bad_value_number(void **state)
{
    (void)state;
    /* "value": 30523000 as a JSON number would pass through a double. */
    expect_bad("value_as_number.json", IPOFACTS_E_SCHEMA, 29, 20, 543, "$.companies[0].facts[0].value");
}

static void test_bad_dangling_source(void **state)
{
    (void)state;
    expect_bad("dangling_source.json", IPOFACTS_E_REFERENCE, 33, 25, 642,
               "$.companies[0].facts[0].sources[0].source");
}

static void test_bad_dangling_period(void **state)
{
    (void)state;
    expect_bad("dangling_period.json", IPOFACTS_E_REFERENCE, 27, 21, 489, "$.companies[0].facts[0].period");
}

static void test_bad_deep_nesting(void **state)
{
    (void)state;
    /* 1000 nested arrays in "x_deep", whose value starts at byte 75. The
     * top-level object is level 1, so the 64th bracket (byte 75 + 63) would
     * open level 65. The path is cut to the size of the field. */
    char full[256], path[IPOFACTS_ERROR_PATH_SIZE];
    size_t n = (size_t)snprintf(full, sizeof full, "$.x_deep");
    for (int i = 0; i < 63; i++)
        n += (size_t)snprintf(full + n, sizeof full - n, "[0]");
    assert_int_equal(n, 197);
    memcpy(path, full, sizeof path - 1);
    path[sizeof path - 1] = '\0';
    expect_bad("deep_nesting.json", IPOFACTS_E_TOO_LARGE, 1, 139, 138, path);
}

static void test_bad_truncated(void **state)
{
    (void)state;
    /* The file stops after `      "publisher": "上海證券報"` on line 6:
     * the end is character 27 of the line, byte 113 of the file. */
    expect_bad("truncated.json", IPOFACTS_E_SYNTAX, 6, 27, 113, "$.sources[0].publisher");
}

static void test_bad_empty(void **state)
{
    (void)state;
    expect_bad("empty.json", IPOFACTS_E_SYNTAX, 1, 1, 0, "$");
}

static void test_bad_arguments(void **state)
{
    (void)state;
    ipofacts_dataset *ds = (ipofacts_dataset *)&ds;
    ipofacts_error err;
    assert_int_equal(ipofacts_dataset_load_buffer(NULL, "{}", 2, &err), IPOFACTS_E_INVALID);
    assert_int_equal(err.status, IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_dataset_load_buffer(&ds, NULL, 2, &err), IPOFACTS_E_INVALID);
    assert_null(ds);
    assert_int_equal(ipofacts_dataset_load_file(&ds, NULL, NULL), IPOFACTS_E_INVALID);
    /* A missing file: E_IO naming the file. */
    ds = (ipofacts_dataset *)&ds;
    assert_int_equal(ipofacts_dataset_load_file(&ds, BAD "no-such-file.json", &err), IPOFACTS_E_IO);
    assert_null(ds);
    assert_string_equal(err.file, BAD "no-such-file.json");
    assert_non_null(strstr(err.message, "no-such-file.json"));
    assert_non_null(strstr(err.message, strerror(ENOENT)));
    /* A directory is not a dataset file. */
    assert_int_equal(ipofacts_dataset_load_file(&ds, IPOFACTS_TEST_DATA, &err), IPOFACTS_E_IO);
    assert_null(ds);
    /* A NULL error is allowed. */
    assert_int_equal(ipofacts_dataset_load_buffer(&ds, "[", 1, NULL), IPOFACTS_E_SYNTAX);
    assert_null(ds);
    char *out = (char *)&out;
    size_t len = 7;
    assert_int_equal(ipofacts_dataset_save_buffer(&out, &len, NULL), IPOFACTS_E_INVALID);
    assert_null(out);
    assert_int_equal(len, 0);
    ipofacts_string_free(NULL);
}

/* More refusals, each checked for its status and path. */
static void test_more_schema_errors(void **state)
{
    (void)state;
    static const struct {
        const char *extra; /* replaces the fact's tail */
        ipofacts_status status;
        const char *path;
    } cases[] = {
        {", \"qualifier\": \"roughly\"", IPOFACTS_E_SCHEMA, "$.companies[0].facts[0].qualifier"},
        {", \"qualifier\": \"range\"", IPOFACTS_E_SCHEMA, "$.companies[0].facts[0]"},
        {", \"upper\": \"5\"", IPOFACTS_E_SCHEMA, "$.companies[0].facts[0].upper"},
        {", \"qualifier\": \"range\", \"upper\": \"5\"", IPOFACTS_E_SCHEMA, "$.companies[0].facts[0].upper"},
        {", \"segment\": \"talkie\"", IPOFACTS_E_REFERENCE, "$.companies[0].facts[0].segment"},
        {", \"id\": \"has space\"", IPOFACTS_E_SCHEMA, "$.companies[0].facts[0].id"},
        {", \"note\": 5", IPOFACTS_E_SCHEMA, "$.companies[0].facts[0].note"},
        {", \"x\": {\"a\": 1, \"a\": 2}", IPOFACTS_E_DUPLICATE, "$.companies[0].facts[0].x.a"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "{\"format\": \"ipofacts-dataset/1\", \"sources\": [{\"id\": \"s\"}], \"companies\": [{\"id\": "
                 "\"c\", \"names\": {\"en\": \"C\"}, \"periods\": [{\"id\": \"p\", \"instant\": \"2025-09-30\"}], "
                 "\"facts\": [{\"concept\": \"cash\", \"period\": \"p\", \"unit\": \"USD\", \"value\": \"10\", "
                 "\"decimals\": 0%s, \"sources\": [{\"source\": \"s\"}]}]}]}",
                 cases[i].extra);
        ipofacts_dataset *ds = (ipofacts_dataset *)&ds;
        ipofacts_error err;
        assert_int_equal(ipofacts_dataset_load_buffer(&ds, text, strlen(text), &err), cases[i].status);
        assert_null(ds);
        assert_string_equal(err.path, cases[i].path);
        assert_int_equal(err.line, 1);
        assert_true(err.column == err.offset + 1); /* one line of ASCII */
    }
}

/* ------------------------------------------------------------------ */
/* Saving to files                                                     */
/* ------------------------------------------------------------------ */

static ipofacts_dataset *fixture(void)
{
    ipofacts_dataset *ds = NULL;
    assert_int_equal(ipofacts_dataset_load_file(&ds, FIXTURE, NULL), IPOFACTS_OK);
    return ds;
}

static void test_save_file_replaces(void **state)
{
    (void)state;
    char path[256];
    snprintf(path, sizeof path, "%s/data.json", tmpdir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("old content", f);
    fclose(f);

    mode_t old = umask(022);
    ipofacts_dataset *ds = fixture();
    ipofacts_error err;
    assert_int_equal(ipofacts_dataset_save_file(ds, path, &err), IPOFACTS_OK);
    assert_int_equal(err.status, IPOFACTS_OK);
    size_t len, want_len;
    char *got = read_all(path, &len);
    char *want = read_all(FIXTURE, &want_len);
    assert_int_equal(len, want_len);
    assert_memory_equal(got, want, len);
    /* 0644 under umask 022 (mkstemp alone would give 0600). */
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0644);
    /* Nothing else in the directory: the temporary file was renamed. */
    assert_int_equal(entries(tmpdir), 1);

    /* Under umask 077 the file is 0600. */
    umask(077);
    assert_int_equal(ipofacts_dataset_save_file(ds, path, &err), IPOFACTS_OK);
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    umask(old);

    /* And it loads again. */
    ipofacts_dataset *back = NULL;
    assert_int_equal(ipofacts_dataset_load_file(&back, path, &err), IPOFACTS_OK);
    assert_int_equal(ipofacts_dataset_fact_count(back), 24);
    ipofacts_dataset_free(back);
    ipofacts_dataset_free(ds);
    free(got);
    free(want);
    unlink(path);
}

static void test_save_file_failures(void **state)
{
    (void)state;
    ipofacts_dataset *ds = fixture();
    ipofacts_error err;
    char path[256];

    /* A directory that does not exist: E_IO naming the path, no file made. */
    snprintf(path, sizeof path, "%s/missing/data.json", tmpdir);
    assert_int_equal(ipofacts_dataset_save_file(ds, path, &err), IPOFACTS_E_IO);
    assert_int_equal(err.status, IPOFACTS_E_IO);
    assert_string_equal(err.file, path);
    assert_non_null(strstr(err.message, path));
    assert_non_null(strstr(err.message, strerror(ENOENT)));
    assert_int_equal(entries(tmpdir), 0);

    /* The target is a directory: the rename fails and the temporary file is
     * removed, leaving only that directory. */
    snprintf(path, sizeof path, "%s/adir", tmpdir);
    assert_int_equal(mkdir(path, 0755), 0);
    assert_int_equal(ipofacts_dataset_save_file(ds, path, &err), IPOFACTS_E_IO);
    assert_non_null(strstr(err.message, path));
    assert_int_equal(entries(tmpdir), 1);
    assert_int_equal(entries(path), 0);
    rmdir(path);

    /* Bad arguments. */
    assert_int_equal(ipofacts_dataset_save_file(NULL, path, &err), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_dataset_save_file(ds, NULL, &err), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_dataset_save_file(ds, "", NULL), IPOFACTS_E_INVALID);
    ipofacts_dataset_free(ds);
}

static void test_save_relative_path(void **state)
{
    (void)state;
    char cwd[512];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(tmpdir), 0);
    ipofacts_dataset *ds = fixture();
    assert_int_equal(ipofacts_dataset_save_file(ds, "plain.json", NULL), IPOFACTS_OK);
    ipofacts_dataset *back = NULL;
    assert_int_equal(ipofacts_dataset_load_file(&back, "plain.json", NULL), IPOFACTS_OK);
    ipofacts_dataset_free(back);
    ipofacts_dataset_free(ds);
    assert_int_equal(entries("."), 1);
    unlink("plain.json");
    assert_int_equal(chdir(cwd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buffer_and_file_round_trip),
        cmocka_unit_test(test_canonical_form),
        cmocka_unit_test(test_every_digit_kept),
        cmocka_unit_test(test_defaults_and_optional),
        cmocka_unit_test(test_rare_members),
        cmocka_unit_test(test_builtin),
        cmocka_unit_test(test_bad_malformed),
        cmocka_unit_test(test_bad_wrong_type),
        cmocka_unit_test(test_bad_version),
        cmocka_unit_test(test_bad_missing_format),
        cmocka_unit_test(test_bad_utf8),
        cmocka_unit_test(test_bad_nul),
        cmocka_unit_test(test_bad_duplicate_company),
        cmocka_unit_test(test_bad_duplicate_key),
        cmocka_unit_test(test_bad_period),
        cmocka_unit_test(test_bad_unit),
        cmocka_unit_test(test_bad_19_digits),
        cmocka_unit_test(test_bad_value_number),
        cmocka_unit_test(test_bad_dangling_source),
        cmocka_unit_test(test_bad_dangling_period),
        cmocka_unit_test(test_bad_deep_nesting),
        cmocka_unit_test(test_bad_truncated),
        cmocka_unit_test(test_bad_empty),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_more_schema_errors),
        cmocka_unit_test(test_save_file_replaces),
        cmocka_unit_test(test_save_file_failures),
        cmocka_unit_test(test_save_relative_path),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, drop_tmpdir);
}
