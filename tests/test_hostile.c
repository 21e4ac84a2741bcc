/*
 * Hostile dataset files: each gives a clean status and message, within bounded
 * time and memory, never a crash and never a half-loaded dataset.
 *
 * Every case runs in a child process limited by RLIMIT_AS (1 GiB, except under
 * AddressSanitizer, which reserves terabytes of shadow address space) and
 * RLIMIT_CPU (20 s); the parent checks the child's verdict and wall time.
 * The committed inputs are in tests/data/hostile/; the large ones (a 100 MB
 * string, 10^6 empty objects, 100 000 levels of nesting) are made here. Set
 * IPOFACTS_TEST_SMALL=1 (as the valgrind gate does) to shrink the large ones
 * tenfold.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <ipofacts/ipofacts.h>

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

#define HEADER "{\"format\": \"ipofacts-dataset/1\", \"sources\": [], \"companies\": ["

static size_t scale(size_t n)
{
    const char *small = getenv("IPOFACTS_TEST_SMALL");
    return small && *small == '1' ? n / 10 : n;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Loads `data` in a limited child. Returns the status the load gave; the
 * child itself checks that a failure returned no dataset and a message. */
static ipofacts_status load_in_child(const char *data, size_t len, ipofacts_error *out_err)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    double t0 = now();
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        struct rlimit cpu = {20, 20};
        setrlimit(RLIMIT_CPU, &cpu);
        if (!UNDER_ASAN) {
            struct rlimit as = {(rlim_t)1 << 30, (rlim_t)1 << 30};
            setrlimit(RLIMIT_AS, &as);
        }
        ipofacts_dataset *ds = (ipofacts_dataset *)1;
        ipofacts_error err;
        memset(&err, 0, sizeof err);
        ipofacts_status st = ipofacts_dataset_load_buffer(&ds, data, len, &err);
        int ok = st == IPOFACTS_OK ? ds != NULL : (ds == NULL && err.status == st && err.message[0] != '\0');
        ipofacts_dataset_free(st == IPOFACTS_OK ? ds : NULL);
        err.status = st;
        if (!ok)
            err.reserved = 0xBAD;
        if (write(fds[1], &err, sizeof err) != (ssize_t)sizeof err)
            _exit(3);
        _exit(0);
    }
    close(fds[1]);
    ipofacts_error err;
    ssize_t got = read(fds[0], &err, sizeof err);
    close(fds[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    double elapsed = now() - t0;
    /* The verdict comes through the pipe; the exit status is not used for it
     * (under valgrind a forked child exits with valgrind's error code for the
     * parent's memory it does not free). */
    if (!WIFEXITED(status) || got != (ssize_t)sizeof err)
        fail_msg("the load crashed or ran out of its limits (wait status %d)", status);
    assert_int_not_equal(err.reserved, 0xBAD);
    assert_true(elapsed < 30.0);
    if (out_err)
        *out_err = err;
    return err.status;
}

static void expect_failure(const char *what, const char *data, size_t len, ipofacts_status want,
                           ipofacts_error *out)
{
    ipofacts_error err;
    ipofacts_status st = load_in_child(data, len, &err);
    char line[600];
    ipofacts_error_format(&err, line, sizeof line);
    print_message("%-28s -> %s: %s\n", what, ipofacts_status_str(st), line);
    assert_int_equal(st, want);
    if (out)
        *out = err;
}

static void test_deep_nesting(void **state)
{
    (void)state;
    size_t depth = scale(100000);
    char *s = malloc(depth * 2 + 128);
    assert_non_null(s);
    size_t n = (size_t)sprintf(s, "%s", HEADER);
    memset(s + n, '[', depth);
    n += depth;
    memset(s + n, ']', depth);
    n += depth;
    n += (size_t)sprintf(s + n, "]}");
    ipofacts_error err;
    expect_failure("100000 levels of nesting", s, n, IPOFACTS_E_TOO_LARGE, &err);
    /* The limit is 64 levels: the error points at the 65th opening bracket. */
    assert_true(err.offset < strlen(HEADER) + 64);
    free(s);
}

static void test_million_empty_objects(void **state)
{
    (void)state;
    size_t count = scale(1000000);
    char *s = malloc(count * 3 + 128);
    assert_non_null(s);
    size_t n = (size_t)sprintf(s, "%s", HEADER);
    for (size_t i = 0; i < count; i++) {
        memcpy(s + n, i ? ",{}" : "{}", i ? 3 : 2);
        n += i ? 3 : 2;
    }
    n += (size_t)sprintf(s + n, "]}");
    /* The first company has no id. */
    ipofacts_error err;
    expect_failure("10^6 empty companies", s, n, IPOFACTS_E_SCHEMA, &err);
    assert_string_equal(err.path, "$.companies[0]");
    /* As an unknown member, the same objects are kept, not refused. */
    n = (size_t)sprintf(s, "{\"format\": \"ipofacts-dataset/1\", \"sources\": [], \"companies\": [], \"x\": [");
    for (size_t i = 0; i < count; i++) {
        memcpy(s + n, i ? ",{}" : "{}", i ? 3 : 2);
        n += i ? 3 : 2;
    }
    n += (size_t)sprintf(s + n, "]}");
    assert_int_equal(load_in_child(s, n, NULL), IPOFACTS_OK);
    free(s);
}

static void test_huge_string(void **state)
{
    (void)state;
    size_t big = scale(100u << 20);
    const char *head = "{\"format\": \"ipofacts-dataset/1\", \"sources\": [{\"id\": \"s\", \"publisher\": \"";
    size_t hl = strlen(head);
    char *s = malloc(hl + big + 64);
    assert_non_null(s);
    memcpy(s, head, hl);
    memset(s + hl, 'a', big);
    size_t n = hl + big;
    n += (size_t)sprintf(s + n, "\"}], \"companies\": []}");
    ipofacts_error err;
    expect_failure("100 MB string", s, n, IPOFACTS_E_TOO_LARGE, &err);
    assert_string_equal(err.path, "$.sources[0].publisher");
    free(s);
}

/* Small hostile files committed in tests/data/hostile/, with the status each
 * must give and the byte offset of the problem where it is exact. */
static void test_committed_corpus(void **state)
{
    (void)state;
    static const struct {
        const char *file;
        ipofacts_status status;
        long offset; /* -1: not asserted */
    } cases[] = {
        {"nul-byte.json", IPOFACTS_E_UTF8, 54},
        {"invalid-utf8.json", IPOFACTS_E_UTF8, 79},
        {"overlong-utf8.json", IPOFACTS_E_UTF8, 79},
        {"surrogate-utf8.json", IPOFACTS_E_UTF8, 79},
        {"digits-400.json", IPOFACTS_E_OVERFLOW, -1},
        {"number-1e400.json", IPOFACTS_E_SCHEMA, -1},
        {"duplicate-key.json", IPOFACTS_E_DUPLICATE, -1},
        {"format-number.json", IPOFACTS_E_SCHEMA, -1},
        {"not-an-object.json", IPOFACTS_E_SCHEMA, -1},
        {"empty.json", IPOFACTS_E_SYNTAX, 0},
        {"trailing-garbage.json", IPOFACTS_E_SYNTAX, -1},
        {"bom-only.json", IPOFACTS_E_SYNTAX, -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/hostile/%s", IPOFACTS_TEST_DATA, cases[i].file);
        FILE *f = fopen(path, "rb");
        if (!f)
            fail_msg("missing fixture %s", path);
        char buf[8192];
        size_t n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        ipofacts_error err;
        expect_failure(cases[i].file, buf, n, cases[i].status, &err);
        if (cases[i].offset >= 0)
            assert_int_equal(err.offset, (uint64_t)cases[i].offset);
    }
}

/* Replace every value of a valid dataset, one at a time, by a value of each
 * wrong type: every load either succeeds (the member was optional or
 * unknown-tolerant) or fails cleanly with a message and a JSON path. */
static const char *const wrong_values[] = {"null", "true", "0", "-1e999", "\"\"", "\"x\"", "[]", "{}", "[[[]]]"};

static size_t mutate_all(cJSON *root, cJSON *node, size_t *loads, size_t *failures)
{
    size_t visited = 0;
    for (cJSON *child = node->child; child; child = child->next) {
        visited += mutate_all(root, child, loads, failures);
        for (size_t w = 0; w < sizeof wrong_values / sizeof wrong_values[0]; w++) {
            cJSON *replacement = cJSON_Parse(wrong_values[w]);
            if (!replacement) /* -1e999 is not JSON cJSON accepts; make it a huge number */
                replacement = cJSON_CreateNumber(1e308);
            cJSON *saved_next = child->next, *saved_prev = child->prev;
            cJSON *copy = cJSON_Duplicate(child, 1);
            assert_true(cJSON_ReplaceItemViaPointer(node, child, replacement));
            char *text = cJSON_PrintUnformatted(root);
            assert_non_null(text);
            ipofacts_dataset *ds = NULL;
            ipofacts_error err;
            ipofacts_status st = ipofacts_dataset_load_buffer(&ds, text, strlen(text), &err);
            (*loads)++;
            if (st == IPOFACTS_OK) {
                assert_non_null(ds);
                ipofacts_dataset_free(ds);
            } else {
                (*failures)++;
                assert_null(ds);
                assert_int_equal(err.status, st);
                assert_true(err.message[0] != '\0');
                assert_true(err.path[0] == '$');
            }
            free(text);
            /* Put the original back where it was. */
            assert_true(cJSON_ReplaceItemViaPointer(node, replacement, copy));
            child = copy;
            (void)saved_next;
            (void)saved_prev;
        }
        visited++;
    }
    return visited;
}

static void test_wrong_types_everywhere(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/hostile/valid-small.json", IPOFACTS_TEST_DATA);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char buf[16384];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    ipofacts_dataset *ds = NULL;
    assert_int_equal(ipofacts_dataset_load_buffer(&ds, buf, n, NULL), IPOFACTS_OK);
    ipofacts_dataset_free(ds);
    cJSON *root = cJSON_Parse(buf);
    assert_non_null(root);
    size_t loads = 0, failures = 0;
    size_t nodes = mutate_all(root, root, &loads, &failures);
    print_message("wrong types: %zu values x %zu replacements = %zu loads, %zu refused cleanly\n", nodes,
                  sizeof wrong_values / sizeof wrong_values[0], loads, failures);
    assert_true(nodes > 30);
    assert_true(failures > loads / 2);
    cJSON_Delete(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_committed_corpus),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_million_empty_objects),
        cmocka_unit_test(test_huge_string),
        cmocka_unit_test(test_wrong_types_everywhere),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
