/*
 * Durability of ipofacts_dataset_save_file(): the target holds the old or the
 * new content, never a part, whatever happens during the save.
 *
 * - A child that saves a large dataset again and again is killed with SIGKILL
 *   at varying moments; each time the target still loads and is byte for byte
 *   either the old or the new canonical text.
 * - A save that hits RLIMIT_FSIZE (EFBIG) or a full file system (ENOSPC, on a
 *   64 KiB tmpfs mounted in a private mount namespace) fails with IPOFACTS_E_IO,
 *   leaves the old file intact and leaves no temporary file behind.
 * - A saved file gets mode 0644 under umask 022 (mkstemp alone would make 0600).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <ipofacts/ipofacts.h>

/* A dataset of one company with `nfacts` revenue facts, each in its own
 * period; `variant` changes every value so two variants differ everywhere. */
static char *make_dataset_json(size_t nfacts, int variant, size_t *len)
{
    size_t cap = 512 + nfacts * 420, n = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    n += (size_t)snprintf(s + n, cap - n,
                          "{\n  \"format\": \"ipofacts-dataset/1\",\n  \"sources\": [\n    {\n"
                          "      \"id\": \"src\",\n      \"publisher\": \"上海證券報\"\n    }\n  ],\n"
                          "  \"companies\": [\n    {\n      \"id\": \"minimax\",\n"
                          "      \"names\": {\n        \"en\": \"MiniMax\"\n      },\n      \"periods\": [\n");
    for (size_t i = 0; i < nfacts; i++)
        n += (size_t)snprintf(s + n, cap - n,
                              "        {\n          \"id\": \"P%zu\",\n          \"instant\": \"2025-09-30\"\n        }%s\n",
                              i, i + 1 < nfacts ? "," : "");
    n += (size_t)snprintf(s + n, cap - n, "      ],\n      \"facts\": [\n");
    for (size_t i = 0; i < nfacts; i++)
        n += (size_t)snprintf(s + n, cap - n,
                              "        {\n          \"concept\": \"cash\",\n          \"period\": \"P%zu\",\n"
                              "          \"unit\": \"USD\",\n          \"value\": \"%zu%d\",\n"
                              "          \"decimals\": 0,\n          \"sources\": [\n            {\n"
                              "              \"source\": \"src\",\n              \"text\": \"10.46億美元\"\n"
                              "            }\n          ]\n        }%s\n",
                              i, 1046000000 + i, variant, i + 1 < nfacts ? "," : "");
    n += (size_t)snprintf(s + n, cap - n, "      ]\n    }\n  ]\n}\n");
    assert_true(n < cap);
    *len = n;
    return s;
}

static char *canonical(const ipofacts_dataset *ds, size_t *len)
{
    char *text = NULL;
    assert_int_equal(ipofacts_dataset_save_buffer(&text, len, ds), IPOFACTS_OK);
    return text;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    *len = (size_t)size;
    return buf;
}

/* Number of entries in dir other than . and .. and `keep`. */
static int count_others(const char *dir, const char *keep)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && strcmp(e->d_name, keep))
            n++;
    closedir(d);
    return n;
}

static void remove_others(const char *dir, const char *keep)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    char path[4096];
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !strcmp(e->d_name, keep))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
}

static void remove_dir(const char *dir)
{
    remove_others(dir, "");
    rmdir(dir);
}

typedef struct fixture {
    char dir[256];
    char target[300];
    ipofacts_dataset *old_ds, *new_ds;
    char *old_text, *new_text;
    size_t old_len, new_len;
} fixture;

static int setup(void **state, size_t old_facts, size_t new_facts)
{
    fixture *fx = calloc(1, sizeof *fx);
    assert_non_null(fx);
    snprintf(fx->dir, sizeof fx->dir, "/tmp/ipofacts-durability-XXXXXX");
    assert_non_null(mkdtemp(fx->dir));
    snprintf(fx->target, sizeof fx->target, "%s/data.json", fx->dir);
    for (int v = 0; v < 2; v++) {
        size_t len;
        char *json = make_dataset_json(v == 0 ? old_facts : new_facts, v + 1, &len);
        ipofacts_error err;
        ipofacts_dataset **ds = v == 0 ? &fx->old_ds : &fx->new_ds;
        assert_int_equal(ipofacts_dataset_load_buffer(ds, json, len, &err), IPOFACTS_OK);
        free(json);
    }
    fx->old_text = canonical(fx->old_ds, &fx->old_len);
    fx->new_text = canonical(fx->new_ds, &fx->new_len);
    assert_true(fx->old_len != fx->new_len || memcmp(fx->old_text, fx->new_text, fx->old_len) != 0);
    assert_int_equal(ipofacts_dataset_save_file(fx->old_ds, fx->target, NULL), IPOFACTS_OK);
    *state = fx;
    return 0;
}

/* IPOFACTS_TEST_SMALL=1 (set by the sanitizer and valgrind gates, where
 * every save is many times slower) shrinks the large datasets tenfold. */
static size_t large_facts(void)
{
    const char *small = getenv("IPOFACTS_TEST_SMALL");
    return small != NULL && small[0] == '1' ? 6000 : 60000;
}

static int setup_small(void **state) { return setup(state, 200, 200); }
static int setup_large(void **state) { return setup(state, large_facts(), large_facts()); }
/* The old dataset fits in 64 KiB, the new one does not. */
static int setup_small_then_large(void **state) { return setup(state, 20, 2000); }

static int teardown(void **state)
{
    fixture *fx = *state;
    remove_dir(fx->dir);
    ipofacts_dataset_free(fx->old_ds);
    ipofacts_dataset_free(fx->new_ds);
    ipofacts_string_free(fx->old_text);
    ipofacts_string_free(fx->new_text);
    free(fx);
    return 0;
}

/* The target is intact: it loads, and holds exactly the old or the new text.
 * Returns 0 for old, 1 for new. */
static int target_state(const fixture *fx)
{
    size_t len;
    char *text = read_file(fx->target, &len);
    assert_non_null(text);
    int which = -1;
    if (len == fx->old_len && memcmp(text, fx->old_text, len) == 0)
        which = 0;
    else if (len == fx->new_len && memcmp(text, fx->new_text, len) == 0)
        which = 1;
    free(text);
    assert_true(which >= 0);
    ipofacts_dataset *ds = NULL;
    ipofacts_error err;
    assert_int_equal(ipofacts_dataset_load_file(&ds, fx->target, &err), IPOFACTS_OK);
    ipofacts_dataset_free(ds);
    return which;
}

static void test_save_replaces_and_sets_mode(void **state)
{
    fixture *fx = *state;
    mode_t old_mask = umask(022);
    assert_int_equal(ipofacts_dataset_save_file(fx->new_ds, fx->target, NULL), IPOFACTS_OK);
    umask(old_mask);
    assert_int_equal(target_state(fx), 1);
    struct stat st;
    assert_int_equal(stat(fx->target, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    assert_int_equal(count_others(fx->dir, "data.json"), 0);
}

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_sigkill_during_save(void **state)
{
    fixture *fx = *state;
    /* Time one save, so the kills spread over about three saves whatever
     * the speed of the machine (or of valgrind). */
    double t0 = seconds_now();
    assert_int_equal(ipofacts_dataset_save_file(fx->old_ds, fx->target, NULL), IPOFACTS_OK);
    double one_save = seconds_now() - t0;
    int saw_old = 0, saw_new = 0;
    const int rounds = 16;
    for (int round = 0; round < rounds; round++) {
        /* Start from the old text; the child saves new, old, new, ... */
        assert_int_equal(ipofacts_dataset_save_file(fx->old_ds, fx->target, NULL), IPOFACTS_OK);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            for (int i = 0;; i++)
                ipofacts_dataset_save_file(i % 2 ? fx->old_ds : fx->new_ds, fx->target, NULL);
        }
        double delay = one_save * 3.0 * round / rounds;
        struct timespec ts = {(time_t)delay, (long)((delay - (double)(time_t)delay) * 1e9)};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status));
        if (target_state(fx) == 0)
            saw_old++;
        else
            saw_new++;
        /* A killed save may leave its temporary file (the process had no
         * chance to remove it); it never replaces the target. */
        remove_others(fx->dir, "data.json");
    }
    print_message("SIGKILL: one save takes %.3f s; %d kills, the target held the old text %d times and the new "
                  "text %d times, never anything else\n",
                  one_save, rounds, saw_old, saw_new);
    /* Kills landed both before and after a complete save of the new text. */
    assert_true(saw_old > 0);
    assert_true(saw_new > 0);
}

/* Runs fn in a child process and returns the verdict it reports through a
 * pipe (0 = as expected, 77 = cannot run here, other = what went wrong).
 * The exit status is not used for the verdict: under valgrind a forked child
 * that exits without freeing the parent's memory exits with valgrind's error
 * code, which says nothing about the test. */
static int run_child(int (*fn)(const fixture *), const fixture *fx)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        unsigned char verdict = (unsigned char)fn(fx);
        if (write(fds[1], &verdict, 1) != 1)
            _exit(3);
        _exit(0);
    }
    close(fds[1]);
    unsigned char verdict = 0xff;
    ssize_t got = read(fds[0], &verdict, 1);
    close(fds[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(got, 1);
    return verdict;
}

static int save_over_fsize_limit(const fixture *fx)
{
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit rl = {16384, 16384};
    if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
        return 10;
    ipofacts_error err;
    ipofacts_status st = ipofacts_dataset_save_file(fx->new_ds, fx->target, &err);
    if (st != IPOFACTS_E_IO)
        return 11;
    if (err.status != IPOFACTS_E_IO || strstr(err.message, "data.json") == NULL)
        return 12;
    return 0;
}

static void test_fsize_limit(void **state)
{
    fixture *fx = *state;
    assert_int_equal(run_child(save_over_fsize_limit, fx), 0);
    assert_int_equal(target_state(fx), 0);
    assert_int_equal(count_others(fx->dir, "data.json"), 0);
}

static int save_on_full_disk(const fixture *fx)
{
    /* A private mount namespace with a 64 KiB tmpfs: needs root. */
    if (unshare(CLONE_NEWNS) != 0 || mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
        return 77;
    char dir[] = "/tmp/ipofacts-enospc-XXXXXX";
    if (!mkdtemp(dir))
        return 20;
    if (mount("tmpfs", dir, "tmpfs", 0, "size=64k") != 0) {
        rmdir(dir);
        return 77;
    }
    char target[64];
    snprintf(target, sizeof target, "%s/data.json", dir);
    ipofacts_error err;
    int code = 0;
    /* The small old dataset fits; the large new one does not. */
    if (ipofacts_dataset_save_file(fx->old_ds, target, &err) != IPOFACTS_OK) {
        code = 21;
    } else {
        ipofacts_status st = ipofacts_dataset_save_file(fx->new_ds, target, &err);
        if (st != IPOFACTS_E_IO || strstr(err.message, "space") == NULL)
            code = 22;
        size_t len = 0;
        char *text = read_file(target, &len);
        if (!text || len != fx->old_len || memcmp(text, fx->old_text, len) != 0)
            code = code ? code : 23;
        free(text);
        if (count_others(dir, "data.json") != 0)
            code = code ? code : 24;
    }
    unlink(target);
    umount(dir);
    rmdir(dir);
    return code;
}

static void test_enospc(void **state)
{
    fixture *fx = *state;
    int verdict = run_child(save_on_full_disk, fx);
    if (verdict == 77)
        skip(); /* no permission to mount a tmpfs here */
    assert_int_equal(verdict, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_save_replaces_and_sets_mode, setup_small, teardown),
        cmocka_unit_test_setup_teardown(test_fsize_limit, setup_large, teardown),
        cmocka_unit_test_setup_teardown(test_enospc, setup_small_then_large, teardown),
        cmocka_unit_test_setup_teardown(test_sigkill_during_save, setup_large, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
