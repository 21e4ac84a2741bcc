/*
 * Tests of versions, status names, error formatting, and the internal error
 * and string helpers every module uses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "ipofacts/common.h"

/*
 * The internal helpers are hidden inside the shared library, so this test
 * compiles its own copy of lib/common.c. The copy's public functions are
 * renamed so that every ipofacts_* call below goes to the library itself.
 */
#define ipofacts_version_string ipf_copy_version_string
#define ipofacts_version_number ipf_copy_version_number
#define ipofacts_abi_version ipf_copy_abi_version
#define ipofacts_status_str ipf_copy_status_str
#define ipofacts_error_format ipf_copy_error_format
#include "common.c"
#undef ipofacts_version_string
#undef ipofacts_version_number
#undef ipofacts_abi_version
#undef ipofacts_status_str
#undef ipofacts_error_format

static void test_versions(void **state)
{
    (void)state;
    assert_string_equal(ipofacts_version_string(), IPOFACTS_VERSION_STRING);
    assert_string_equal(ipofacts_version_string(), "1.1.0");
    assert_int_equal(ipofacts_version_number(), 10100);
    assert_int_equal(ipofacts_version_number(), IPOFACTS_VERSION_NUMBER);
    assert_int_equal(ipofacts_abi_version(), 1);
    assert_int_equal(ipofacts_abi_version(), IPOFACTS_ABI_VERSION);
    assert_true(IPOFACTS_VERSION_CHECK(1, 0, 0));
    assert_true(IPOFACTS_VERSION_CHECK(1, 1, 0));
    assert_true(IPOFACTS_VERSION_CHECK(0, 99, 99));
    assert_false(IPOFACTS_VERSION_CHECK(1, 1, 1));
    assert_false(IPOFACTS_VERSION_CHECK(1, 2, 0));
    assert_false(IPOFACTS_VERSION_CHECK(2, 0, 0));
}

static void test_status_names(void **state)
{
    (void)state;
    static const struct {
        ipofacts_status status;
        const char *name;
    } names[] = {
        {IPOFACTS_OK, "success"},
        {IPOFACTS_E_NOMEM, "out of memory"},
        {IPOFACTS_E_INVALID, "invalid argument"},
        {IPOFACTS_E_IO, "input/output error"},
        {IPOFACTS_E_SYNTAX, "syntax error"},
        {IPOFACTS_E_SCHEMA, "schema error"},
        {IPOFACTS_E_VERSION, "unsupported format version"},
        {IPOFACTS_E_UTF8, "invalid UTF-8"},
        {IPOFACTS_E_DUPLICATE, "duplicate id"},
        {IPOFACTS_E_DATE, "invalid date"},
        {IPOFACTS_E_UNIT, "unknown unit"},
        {IPOFACTS_E_OVERFLOW, "decimal overflow"},
        {IPOFACTS_E_NOT_FOUND, "not found"},
        {IPOFACTS_E_NO_AMOUNT, "no amount in text"},
        {IPOFACTS_E_TOO_LARGE, "input too large"},
        {IPOFACTS_E_RANGE, "value out of range"},
        {IPOFACTS_E_BUFFER, "buffer too small"},
        {IPOFACTS_E_REFERENCE, "undefined reference"},
    };
    /* the numbers are the ABI */
    assert_int_equal(IPOFACTS_E_OVERFLOW, 11);
    assert_int_equal(IPOFACTS_E_REFERENCE, 17);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        assert_int_equal(names[i].status, (int)i);
        assert_string_equal(ipofacts_status_str(names[i].status), names[i].name);
        /* every name differs from every other */
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(ipofacts_status_str(names[i].status), ipofacts_status_str(names[j].status));
    }
    assert_string_equal(ipofacts_status_str((ipofacts_status)18), "unknown status");
    assert_string_equal(ipofacts_status_str((ipofacts_status)-1), "unknown status");
    assert_string_equal(ipofacts_status_str((ipofacts_status)1000000), "unknown status");
}

static ipofacts_error make_error(const char *file, uint32_t line, uint32_t col, const char *path, const char *msg)
{
    ipofacts_error e;
    ipf_error_set(&e, IPOFACTS_E_OVERFLOW, file, line, col, 1234, path, "%s", msg);
    return e;
}

static void test_error_format(void **state)
{
    (void)state;
    char buf[512];
    ipofacts_error e = make_error("builtin.json", 3, 14, "$.companies[0].facts[3].value",
                                  "decimal \"1000000000000000000\" has more than 18 significant digits");
    assert_int_equal(ipofacts_error_format(&e, buf, sizeof buf), IPOFACTS_OK);
    assert_string_equal(buf, "builtin.json:3:14: $.companies[0].facts[3].value: "
                             "decimal \"1000000000000000000\" has more than 18 significant digits");

    /* parts that are unknown are left out */
    e = make_error("", 3, 14, "$.sources", "expected an array");
    assert_int_equal(ipofacts_error_format(&e, buf, sizeof buf), IPOFACTS_OK);
    assert_string_equal(buf, "3:14: $.sources: expected an array");
    e = make_error("a.json", 0, 0, "", "cannot open");
    assert_int_equal(ipofacts_error_format(&e, buf, sizeof buf), IPOFACTS_OK);
    assert_string_equal(buf, "a.json: cannot open");
    e = make_error("a.json", 7, 0, "", "truncated");
    assert_int_equal(ipofacts_error_format(&e, buf, sizeof buf), IPOFACTS_OK);
    assert_string_equal(buf, "a.json:7: truncated");
    e = make_error("a.json", 0, 5, "$.format", "unsupported \"ipofacts-dataset/2\"");
    assert_int_equal(ipofacts_error_format(&e, buf, sizeof buf), IPOFACTS_OK);
    assert_string_equal(buf, "a.json: $.format: unsupported \"ipofacts-dataset/2\"");
    e = make_error(NULL, 0, 0, NULL, "only a message");
    assert_int_equal(ipofacts_error_format(&e, buf, sizeof buf), IPOFACTS_OK);
    assert_string_equal(buf, "only a message");
    /* no message: the status name stands in */
    ipf_error_set(&e, IPOFACTS_E_UTF8, "x.json", 2, 1, 9, NULL, NULL);
    assert_int_equal(ipofacts_error_format(&e, buf, sizeof buf), IPOFACTS_OK);
    assert_string_equal(buf, "x.json:2:1: invalid UTF-8");
    ipf_error_clear(&e);
    assert_int_equal(ipofacts_error_format(&e, buf, sizeof buf), IPOFACTS_OK);
    assert_string_equal(buf, "success");
    /* Chinese text passes through */
    e = make_error("萬.json", 1, 2, "$.companies[0].names.zh-Hant", "名稱重複");
    assert_int_equal(ipofacts_error_format(&e, buf, sizeof buf), IPOFACTS_OK);
    assert_string_equal(buf, "萬.json:1:2: $.companies[0].names.zh-Hant: 名稱重複");
}

static void test_error_format_buffer(void **state)
{
    (void)state;
    ipofacts_error e = make_error("a.json", 1, 2, "$.x", "bad");
    const char *full = "a.json:1:2: $.x: bad"; /* 20 bytes */
    char buf[64];
    assert_int_equal(ipofacts_error_format(&e, buf, 21), IPOFACTS_OK);
    assert_string_equal(buf, full);
    memset(buf, 'z', sizeof buf);
    assert_int_equal(ipofacts_error_format(&e, buf, 20), IPOFACTS_E_BUFFER);
    assert_string_equal(buf, "a.json:1:2: $.x: ba");
    assert_int_equal(ipofacts_error_format(&e, buf, 1), IPOFACTS_E_BUFFER);
    assert_string_equal(buf, "");
    assert_int_equal(ipofacts_error_format(&e, buf, 0), IPOFACTS_E_BUFFER);
    /* cut at a character boundary: "名稱" is 6 bytes, 3 per character */
    e = make_error(NULL, 0, 0, NULL, "名稱");
    memset(buf, 'z', sizeof buf);
    assert_int_equal(ipofacts_error_format(&e, buf, 6), IPOFACTS_E_BUFFER);
    assert_string_equal(buf, "名");
    assert_int_equal(ipofacts_error_format(&e, buf, 4), IPOFACTS_E_BUFFER);
    assert_string_equal(buf, "名");
    assert_int_equal(ipofacts_error_format(&e, buf, 3), IPOFACTS_E_BUFFER);
    assert_string_equal(buf, "");
    assert_int_equal(ipofacts_error_format(&e, buf, 7), IPOFACTS_OK);
    assert_string_equal(buf, "名稱");
    assert_int_equal(ipofacts_error_format(NULL, buf, sizeof buf), IPOFACTS_E_INVALID);
    assert_int_equal(ipofacts_error_format(&e, NULL, 8), IPOFACTS_E_INVALID);

    /* fields without a terminating NUL are read only to their size */
    memset(&e, 0, sizeof e);
    memset(e.file, 'f', sizeof e.file);
    memset(e.path, 'p', sizeof e.path);
    memset(e.message, 'm', sizeof e.message);
    e.line = 1;
    char big[1024];
    assert_int_equal(ipofacts_error_format(&e, big, sizeof big), IPOFACTS_OK);
    assert_int_equal(strlen(big), IPOFACTS_ERROR_FILE_SIZE + 2 + 2 + IPOFACTS_ERROR_PATH_SIZE + 2 +
                                      IPOFACTS_ERROR_MESSAGE_SIZE);
}

static void test_error_set(void **state)
{
    (void)state;
    ipofacts_error e;
    memset(&e, 0x5a, sizeof e);
    ipf_error_set(&e, IPOFACTS_E_DUPLICATE, "data.json", 12, 7, 345, "$.companies[1].id",
                  "company id \"%s\" is used %d times", "minimax", 2);
    assert_int_equal(e.status, IPOFACTS_E_DUPLICATE);
    assert_int_equal(e.line, 12);
    assert_int_equal(e.column, 7);
    assert_int_equal(e.reserved, 0);
    assert_int_equal(e.offset, 345);
    assert_string_equal(e.file, "data.json");
    assert_string_equal(e.path, "$.companies[1].id");
    assert_string_equal(e.message, "company id \"minimax\" is used 2 times");
    /* everything after the strings is cleared */
    for (size_t i = strlen(e.message); i < sizeof e.message; i++)
        assert_int_equal(e.message[i], 0);
    for (size_t i = strlen(e.path); i < sizeof e.path; i++)
        assert_int_equal(e.path[i], 0);

    ipf_error_clear(&e);
    assert_int_equal(e.status, IPOFACTS_OK);
    assert_int_equal(e.line, 0);
    assert_int_equal(e.offset, 0);
    assert_string_equal(e.file, "");
    assert_string_equal(e.message, "");

    /* NULL is allowed everywhere */
    ipf_error_set(NULL, IPOFACTS_E_IO, "x", 1, 1, 0, "y", "z");
    ipf_error_clear(NULL);
}

static void test_error_set_truncation(void **state)
{
    (void)state;
    ipofacts_error e;
    /* a path of one ASCII byte and 100 three-byte characters: 301 bytes; 159 fit,
     * which would end inside a character, so 1 + 52 x 3 = 157 are kept */
    char path[400];
    strcpy(path, "$");
    for (int i = 0; i < 100; i++)
        strcat(path, "萬");
    ipf_error_set(&e, IPOFACTS_E_SCHEMA, path, 1, 1, 0, path, "%s", path);
    assert_int_equal(strlen(e.path), 157);
    assert_int_equal(strlen(e.file), 157);
    assert_int_equal(memcmp(e.path, path, 157), 0);
    assert_null(u8_check((const uint8_t *)e.path, strlen(e.path)));
    assert_null(u8_check((const uint8_t *)e.file, strlen(e.file)));
    /* the message: 255 bytes fit; 1 + 84 x 3 = 253 */
    assert_int_equal(strlen(e.message), 253);
    assert_null(u8_check((const uint8_t *)e.message, strlen(e.message)));
    /* ASCII is cut at the last byte that fits */
    char longmsg[600];
    memset(longmsg, 'a', sizeof longmsg - 1);
    longmsg[sizeof longmsg - 1] = '\0';
    ipf_error_set(&e, IPOFACTS_E_SCHEMA, longmsg, 1, 1, 0, longmsg, "%s!", longmsg);
    assert_int_equal(strlen(e.message), IPOFACTS_ERROR_MESSAGE_SIZE - 1);
    assert_int_equal(strlen(e.path), IPOFACTS_ERROR_PATH_SIZE - 1);
    assert_int_equal(strlen(e.file), IPOFACTS_ERROR_FILE_SIZE - 1);
    /* four-byte characters: "𠀀" (U+20000) */
    char wide[200] = "";
    for (int i = 0; i < 45; i++)
        strcat(wide, "𠀀");
    ipf_error_set(&e, IPOFACTS_E_SCHEMA, NULL, 0, 0, 0, wide, "x");
    assert_int_equal(strlen(e.path), 156); /* 39 x 4 <= 159 */
    assert_null(u8_check((const uint8_t *)e.path, strlen(e.path)));
}

static void test_copy_utf8(void **state)
{
    (void)state;
    char buf[8];
    assert_int_equal(ipf_copy_utf8(buf, sizeof buf, "HKD"), 1);
    assert_string_equal(buf, "HKD");
    assert_int_equal(ipf_copy_utf8(buf, sizeof buf, "1234567"), 1);
    assert_string_equal(buf, "1234567");
    assert_int_equal(ipf_copy_utf8(buf, sizeof buf, "12345678"), 0);
    assert_string_equal(buf, "1234567");
    /* "智谱AI": 3 + 3 + 1 + 1 bytes; 7 fit exactly */
    assert_int_equal(ipf_copy_utf8(buf, sizeof buf, "智谱AI"), 0);
    assert_string_equal(buf, "智谱A");
    assert_int_equal(ipf_copy_utf8(buf, 6, "智谱AI"), 0);
    assert_string_equal(buf, "智");
    assert_int_equal(ipf_copy_utf8(buf, 7, "智谱AI"), 0);
    assert_string_equal(buf, "智谱");
    assert_int_equal(ipf_copy_utf8(buf, sizeof buf, NULL), 1);
    assert_string_equal(buf, "");
    assert_int_equal(ipf_copy_utf8(NULL, 0, "x"), 0);
    assert_int_equal(ipf_copy_utf8(NULL, 0, ""), 1);
}

static void test_strdup(void **state)
{
    (void)state;
    char *s = ipf_strdup("稀宇科技 MiniMax");
    assert_non_null(s);
    assert_string_equal(s, "稀宇科技 MiniMax");
    free(s);
    s = ipf_strdup("");
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
    assert_null(ipf_strdup(NULL));

    s = ipf_strndup("MiniMax Group", 7);
    assert_non_null(s);
    assert_string_equal(s, "MiniMax");
    free(s);
    s = ipf_strndup("abc", 10); /* stops at the NUL */
    assert_non_null(s);
    assert_string_equal(s, "abc");
    free(s);
    s = ipf_strndup("ab\0cd", 5);
    assert_non_null(s);
    assert_string_equal(s, "ab");
    free(s);
    s = ipf_strndup("abc", 0);
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
    assert_null(ipf_strndup(NULL, 3));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_versions),
        cmocka_unit_test(test_status_names),
        cmocka_unit_test(test_error_format),
        cmocka_unit_test(test_error_format_buffer),
        cmocka_unit_test(test_error_set),
        cmocka_unit_test(test_error_set_truncation),
        cmocka_unit_test(test_copy_utf8),
        cmocka_unit_test(test_strdup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
