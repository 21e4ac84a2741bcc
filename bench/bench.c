/*
 * bench: one measurement per process, so that peak memory is the
 * measurement's own. Prints `key value` lines on stdout; bench/run turns
 * them into figures.
 *
 *   bench cjson FILE      read FILE and cJSON_ParseWithLength it (the bare parse)
 *   bench pair FILE       the bare parse and ipofacts_dataset_load_file alternately, 3 times each
 *   bench load FILE       ipofacts_dataset_load_file, with memory before, at peak and after
 *   bench check FILE      load, then ipofacts_check_dataset
 *   bench ratios FILE     load, then ipofacts_dataset_ratio_table and ipofacts_dataset_ratios,
 *                         then the same ratios by a hand-written loop over plain doubles
 *   bench lookup FILE     load, then ipofacts_dataset_find_company by ticker and by Chinese name
 *   bench roundtrip FILE  load and save to memory: 1 when the bytes are the file's
 *   bench scale FILE FILE4  load, check, ratio set and ratio table of both files alternately
 *                         (how costs grow)
 *
 * Times are the process's CPU time (CLOCK_PROCESS_CPUTIME_ID), which a busy
 * machine disturbs less than wall time; wall times are printed too. Short
 * operations repeat until they add up to a measurable time; with
 * BENCH_ONCE=1 in the environment (for callgrind) each runs once.
 */
#define _GNU_SOURCE
#include <math.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <ipofacts/ipofacts.h>

/* ------------------------------------------------------------------ */
/* Clocks and memory                                                   */
/* ------------------------------------------------------------------ */

static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double wall_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

typedef struct stopwatch {
    double cpu, wall;
} stopwatch;

static stopwatch start(void)
{
    stopwatch s = {cpu_now(), wall_now()};
    return s;
}

static void stop(const stopwatch *s, const char *name)
{
    double cpu = cpu_now() - s->cpu, wall = wall_now() - s->wall;
    printf("%s_s %.6f\n%s_wall_s %.6f\n", name, cpu, name, wall);
}

static double elapsed(const stopwatch *s)
{
    return cpu_now() - s->cpu;
}

/* BENCH_ONCE=1 (under callgrind): every timed loop runs once. */
static int once(void)
{
    const char *e = getenv("BENCH_ONCE");
    return e != NULL && e[0] == '1';
}

/* A field of /proc/self/status in bytes ("VmRSS", "VmHWM"); -1 if absent. */
static long long status_bytes(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (f == NULL)
        return -1;
    char line[256];
    size_t n = strlen(field);
    long long v = -1;
    while (fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, field, n) == 0 && line[n] == ':') {
            v = strtoll(line + n + 1, NULL, 10) * 1024;
            break;
        }
    }
    fclose(f);
    return v;
}

static long long file_size(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return -1;
    fseek(f, 0, SEEK_END);
    long long n = ftell(f);
    fclose(f);
    return n;
}

static void die(const char *what, const ipofacts_error *e)
{
    fprintf(stderr, "bench: %s failed", what);
    if (e != NULL)
        fprintf(stderr, ": %s (line %u, column %u, %s)", e->message, (unsigned)e->line, (unsigned)e->column,
                e->path);
    fprintf(stderr, "\n");
    exit(1);
}

/* Loads FILE, printing load_s and the memory figures. */
static ipofacts_dataset *load(const char *path)
{
    malloc_trim(0);
    long long before = status_bytes("VmRSS");
    ipofacts_dataset *ds = NULL;
    ipofacts_error err;
    memset(&err, 0, sizeof err);
    stopwatch s = start();
    ipofacts_status st = ipofacts_dataset_load_file(&ds, path, &err);
    stop(&s, "load");
    if (st != IPOFACTS_OK)
        die("loading", &err);
    long long hwm = status_bytes("VmHWM");
    malloc_trim(0);
    long long after = status_bytes("VmRSS");
    printf("file_bytes %lld\nrss_before_bytes %lld\npeak_rss_bytes %lld\nresident_after_bytes %lld\n",
           file_size(path), before, hwm - before, after - before);
    size_t periods = 0;
    for (size_t i = 0; i < ipofacts_dataset_company_count(ds); i++)
        periods += ipofacts_company_period_count(ipofacts_dataset_company(ds, i));
    printf("companies %zu\nperiods %zu\nfacts %zu\nsources %zu\n", ipofacts_dataset_company_count(ds), periods,
           ipofacts_dataset_fact_count(ds), ipofacts_dataset_source_count(ds));
    return ds;
}

/* ------------------------------------------------------------------ */
/* cJSON                                                               */
/* ------------------------------------------------------------------ */

static int cmd_cjson(const char *path)
{
    malloc_trim(0);
    long long before = status_bytes("VmRSS");
    stopwatch s = start();
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        die("opening", NULL);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n)
        die("reading", NULL);
    fclose(f);
    buf[n] = '\0';
    cJSON *root = cJSON_ParseWithLength(buf, (size_t)n);
    stop(&s, "cjson");
    if (root == NULL)
        die("cJSON_ParseWithLength", NULL);
    long long hwm = status_bytes("VmHWM");
    printf("file_bytes %ld\npeak_rss_bytes %lld\n", n, hwm - before);
    printf("companies %d\n", cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "companies")));
    stopwatch d = start();
    cJSON_Delete(root);
    stop(&d, "cjson_delete");
    free(buf);
    return 0;
}

/*
 * The two loads side by side in one process, alternately, `rounds` times
 * each: the least CPU time of each. Alternating puts both under the same
 * conditions when the machine is busy; the heap is trimmed before each, so
 * each pays for its page faults as in a fresh process.
 */
static int cmd_pair(const char *path)
{
    int rounds = once() ? 1 : 3;
    double best_c = 1e300, best_l = 1e300;
    for (int i = 0; i < rounds; i++) {
        malloc_trim(0);
        stopwatch s = start();
        FILE *f = fopen(path, "rb");
        if (f == NULL)
            die("opening", NULL);
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *buf = malloc((size_t)n + 1);
        if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n)
            die("reading", NULL);
        fclose(f);
        buf[n] = '\0';
        cJSON *root = cJSON_ParseWithLength(buf, (size_t)n);
        double t = elapsed(&s);
        if (root == NULL)
            die("cJSON_ParseWithLength", NULL);
        cJSON_Delete(root);
        free(buf);
        if (t < best_c)
            best_c = t;

        malloc_trim(0);
        ipofacts_dataset *ds = NULL;
        ipofacts_error err;
        stopwatch l = start();
        if (ipofacts_dataset_load_file(&ds, path, &err) != IPOFACTS_OK)
            die("loading", &err);
        t = elapsed(&l);
        ipofacts_dataset_free(ds);
        if (t < best_l)
            best_l = t;
    }
    printf("pair_rounds %d\npair_cjson_s %.6f\npair_load_s %.6f\n", rounds, best_c, best_l);
    return 0;
}

/*
 * How the costs grow: FILE1 and FILE4 (four times larger) alternately, each
 * loaded, checked and given every ratio, BENCH_ROUNDS times (default 3);
 * the least CPU time of each step at each size. Alternating puts both
 * sizes under the same conditions on a busy machine.
 */
static int cmd_scale(const char *path1, const char *path4)
{
    const char *e = getenv("BENCH_ROUNDS");
    int rounds = once() ? 1 : e != NULL && atoi(e) > 0 ? atoi(e) : 3;
    const char *paths[2] = {path1, path4};
    double best[2][4];
    size_t facts[2] = {0, 0}, ratios[2] = {0, 0};
    for (int k = 0; k < 2; k++)
        for (int j = 0; j < 4; j++)
            best[k][j] = 1e300;
    for (int i = 0; i < rounds; i++) {
        for (int k = 0; k < 2; k++) {
            malloc_trim(0);
            ipofacts_dataset *ds = NULL;
            ipofacts_error err;
            stopwatch s = start();
            if (ipofacts_dataset_load_file(&ds, paths[k], &err) != IPOFACTS_OK)
                die("loading", &err);
            double t[4];
            t[0] = elapsed(&s);
            facts[k] = ipofacts_dataset_fact_count(ds);
            ipofacts_findings *fs = NULL;
            s = start();
            if (ipofacts_check_dataset(&fs, ds) != IPOFACTS_OK)
                die("checking", NULL);
            t[1] = elapsed(&s);
            ipofacts_findings_free(fs);
            ipofacts_ratio_set *set = NULL;
            s = start();
            if (ipofacts_dataset_ratios(&set, ds) != IPOFACTS_OK)
                die("computing ratios", NULL);
            t[2] = elapsed(&s);
            ratios[k] = ipofacts_ratio_set_count(set);
            ipofacts_ratio_set_free(set);
            ipofacts_ratio_table *table = NULL;
            s = start();
            if (ipofacts_dataset_ratio_table(&table, ds, NULL, 0) != IPOFACTS_OK)
                die("computing the ratio table", NULL);
            t[3] = elapsed(&s);
            if (ipofacts_ratio_table_count(table) != ratios[k])
                die("the ratio table and the ratio set differ in size", NULL);
            ipofacts_ratio_table_free(table);
            ipofacts_dataset_free(ds);
            for (int j = 0; j < 4; j++)
                if (t[j] < best[k][j])
                    best[k][j] = t[j];
        }
    }
    static const char *const step[4] = {"load", "check", "ratios", "table"};
    printf("scale_rounds %d\n", rounds);
    for (int k = 0; k < 2; k++) {
        printf("scale%d_facts %zu\nscale%d_ratios %zu\n", k == 0 ? 1 : 4, facts[k], k == 0 ? 1 : 4, ratios[k]);
        for (int j = 0; j < 4; j++)
            printf("scale%d_%s_s %.6f\n", k == 0 ? 1 : 4, step[j], best[k][j]);
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Load, check, round trip                                             */
/* ------------------------------------------------------------------ */

static int cmd_load(const char *path)
{
    ipofacts_dataset *ds = load(path);
    stopwatch s = start();
    ipofacts_dataset_free(ds);
    stop(&s, "free");
    return 0;
}

static int cmd_check(const char *path)
{
    ipofacts_dataset *ds = load(path);
    ipofacts_findings *fs = NULL;
    stopwatch s = start();
    ipofacts_status st = ipofacts_check_dataset(&fs, ds);
    stop(&s, "check");
    if (st != IPOFACTS_OK)
        die("checking", NULL);
    printf("findings %zu\n", ipofacts_findings_count(fs));
    printf("findings_warning %zu\nfindings_inconsistent %zu\n",
           ipofacts_findings_count_severity(fs, IPOFACTS_SEVERITY_WARNING),
           ipofacts_findings_count_severity(fs, IPOFACTS_SEVERITY_INCONSISTENT));
    stopwatch f = start();
    ipofacts_findings_free(fs);
    stop(&f, "check_free");
    ipofacts_dataset_free(ds);
    return 0;
}

static int cmd_roundtrip(const char *path)
{
    ipofacts_dataset *ds = load(path);
    char *out = NULL;
    size_t len = 0;
    stopwatch s = start();
    if (ipofacts_dataset_save_buffer(&out, &len, ds) != IPOFACTS_OK)
        die("saving", NULL);
    stop(&s, "save");
    FILE *f = fopen(path, "rb");
    char *in = malloc(len + 1);
    size_t got = f != NULL && in != NULL ? fread(in, 1, len + 1, f) : 0;
    if (f != NULL)
        fclose(f);
    int same = got == len && memcmp(in, out, len) == 0;
    if (!same) {
        size_t k = 0;
        while (k < len && k < got && in[k] == out[k])
            k++;
        fprintf(stderr, "bench: the saved dataset differs from %s at byte %zu\n", path, k);
    }
    printf("roundtrip_identical %d\n", same);
    free(in);
    ipofacts_string_free(out);
    ipofacts_dataset_free(ds);
    return same ? 0 : 1;
}

/* ------------------------------------------------------------------ */
/* Lookups                                                             */
/* ------------------------------------------------------------------ */

typedef struct lookup_key {
    const char *key;
    const ipofacts_company *company;
} lookup_key;

static uint64_t mix(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static void shuffle(lookup_key *k, size_t n)
{
    uint64_t s = 42;
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(mix(&s) % i);
        lookup_key t = k[i - 1];
        k[i - 1] = k[j];
        k[j] = t;
    }
}

/* Looks every key up, over and over for at least min_s seconds; returns lookups per second. */
static double time_lookups(const ipofacts_dataset *ds, const lookup_key *keys, size_t n, const char *name)
{
    size_t done = 0, wrong = 0;
    stopwatch s = start();
    double t;
    do {
        for (size_t i = 0; i < n; i++)
            wrong += ipofacts_dataset_find_company(ds, keys[i].key) != keys[i].company;
        done += n;
    } while ((t = elapsed(&s)) < 0.3 && !once());
    printf("%s_lookups %zu\n%s_s %.6f\n%s_wrong %zu\n", name, done, name, t, name, wrong);
    return (double)done / t;
}

static int cmd_lookup(const char *path)
{
    ipofacts_dataset *ds = load(path);
    size_t n = ipofacts_dataset_company_count(ds);
    lookup_key *tick = calloc(n * 2 + 1, sizeof *tick), *name = calloc(n * 2 + 1, sizeof *name);
    char **owned = calloc(n + 1, sizeof *owned);
    size_t nt = 0, nn = 0;
    for (size_t i = 0; i < n; i++) {
        const ipofacts_company *c = ipofacts_dataset_company(ds, i);
        const char *t = ipofacts_company_ticker(c);
        const char *ex = ipofacts_company_exchange(c);
        if (t != NULL) {
            tick[nt].key = t;
            tick[nt++].company = c;
            if (ex != NULL && strcmp(ex, "HKEX") == 0) {
                /* "1234.HK" as a user types it. */
                const char *p = t;
                while (*p == '0' && p[1] != '\0')
                    p++;
                owned[i] = malloc(strlen(p) + 4);
                sprintf(owned[i], "%s.HK", p);
                tick[nt].key = owned[i];
                tick[nt++].company = c;
            }
        }
        const char *hans = ipofacts_company_name(c, "zh-Hans"), *hant = ipofacts_company_name(c, "zh-Hant");
        if (hans != NULL) {
            name[nn].key = hans;
            name[nn++].company = c;
        }
        if (hant != NULL && (hans == NULL || strcmp(hans, hant) != 0)) {
            name[nn].key = hant;
            name[nn++].company = c;
        }
    }
    shuffle(tick, nt);
    shuffle(name, nn);
    double t = time_lookups(ds, tick, nt, "ticker");
    double z = time_lookups(ds, name, nn, "name");
    printf("ticker_per_second %.1f\nname_per_second %.1f\nlookup_per_second %.1f\n", t, z,
           2.0 / (1.0 / t + 1.0 / z));
    for (size_t i = 0; i < n; i++)
        free(owned[i]);
    free(owned);
    free(tick);
    free(name);
    ipofacts_dataset_free(ds);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Ratios: the library against a loop over plain doubles               */
/* ------------------------------------------------------------------ */

/*
 * The plain loop computes the same ratios as the library from the same
 * inputs, held in flat arrays of doubles: value, lower and upper bound
 * (+-infinity for an open side). Each ratio is a record: an operation and
 * its operands' positions. Interval bounds are rounded outward by one ulp,
 * statuses say why a ratio has no value, as the library's do. What the
 * loop does not do is the library's bookkeeping: finding the preferred
 * facts and comparable periods, and recording inputs, formula and
 * arithmetic text for each ratio.
 */
enum op {
    OP_GROWTH,      /* a / b - 1; b > 0; same months */
    OP_CAGR,        /* (a / b)^(1 / years) - 1 */
    OP_DIV,         /* a / b, b > 0 */
    OP_ONE_MINUS,   /* 1 - b / a, a > 0 */
    OP_CONCENTRATE, /* sum of the k largest of operands 0..n-2 / operand n-1 */
    OP_BURN,        /* -(a [- b]) / months; a burn when positive */
    OP_RUNWAY,      /* a / b, b > 0 (b a burn) */
    OP_COPY,        /* a */
    OP_TTM,         /* a + b - c */
    OP_TTM_GROWTH,  /* a + b * g / (1 + g) */
    OP_RETURN,      /* a / b - 1 */
    OP_CONVERT,     /* a converted by rates, then / b when has_den */
    OP_MUL,         /* a * b */
    OP_SUB          /* a - b */
};

typedef struct plain_ratio {
    uint8_t op;
    uint8_t n;        /* operands */
    uint8_t k;        /* OP_CONCENTRATE: how many; OP_BURN: 1 with capex */
    uint8_t has_den;  /* OP_CONVERT: divide by the last operand */
    uint32_t first;   /* first operand in the arrays */
    uint32_t conv;    /* OP_CONVERT: bit i set: rate i divides (else multiplies); bit 16+i: applies to the denominator */
    int32_t m1, m2;   /* months of the two periods (growth), or of the burn */
    double years;     /* OP_CAGR */
} plain_ratio;

typedef struct plain_out {
    double value, lo, hi;
    int status;
} plain_out;

static inline double down(double x)
{
    return nextafter(x, -INFINITY);
}
static inline double up(double x)
{
    return nextafter(x, INFINITY);
}

enum { S_OK = 0, S_ZERO = 1, S_NEG = 2, S_STRADDLE = 3, S_PERIOD = 4, S_NOT_BURNING = 6, S_MISSING = 7 };

/* [alo, ahi] / [blo, bhi] with b > 0 or b < 0 (checked by the caller). */
static inline void iv_div(double alo, double ahi, double blo, double bhi, double *lo, double *hi)
{
    double q1 = alo / blo, q2 = alo / bhi, q3 = ahi / blo, q4 = ahi / bhi;
    double mn = fmin(fmin(q1, q2), fmin(q3, q4)), mx = fmax(fmax(q1, q2), fmax(q3, q4));
    *lo = down(mn);
    *hi = up(mx);
}

static inline void iv_mul(double alo, double ahi, double blo, double bhi, double *lo, double *hi)
{
    double q1 = alo * blo, q2 = alo * bhi, q3 = ahi * blo, q4 = ahi * bhi;
    if (isnan(q1)) q1 = 0;
    if (isnan(q2)) q2 = 0;
    if (isnan(q3)) q3 = 0;
    if (isnan(q4)) q4 = 0;
    *lo = down(fmin(fmin(q1, q2), fmin(q3, q4)));
    *hi = up(fmax(fmax(q1, q2), fmax(q3, q4)));
}

static inline int den_status(double v, double lo, double hi, int must_be_positive)
{
    if (v == 0)
        return S_ZERO;
    if (must_be_positive && v < 0)
        return S_NEG;
    if (lo <= 0 && hi >= 0)
        return S_STRADDLE;
    return S_OK;
}

/* Not inlined, so that callgrind can count it on its own. */
__attribute__((noinline)) static void plain_compute(const plain_ratio *rs, size_t n, const double *v,
                                                    const double *lo, const double *hi, plain_out *out)
{
    for (size_t i = 0; i < n; i++) {
        const plain_ratio *r = &rs[i];
        const uint32_t a = r->first, b = r->first + 1, c = r->first + 2;
        plain_out o = {0, 0, 0, S_OK};
        switch (r->op) {
        case OP_GROWTH:
        case OP_RETURN:
            if (r->op == OP_GROWTH && r->m1 != r->m2) {
                o.status = S_PERIOD;
                break;
            }
            if ((o.status = den_status(v[b], lo[b], hi[b], 1)) != S_OK)
                break;
            o.value = v[a] / v[b] - 1;
            iv_div(lo[a], hi[a], lo[b], hi[b], &o.lo, &o.hi);
            o.lo = down(o.lo - 1);
            o.hi = up(o.hi - 1);
            break;
        case OP_CAGR:
            if ((o.status = den_status(v[b], lo[b], hi[b], 1)) != S_OK)
                break;
            if (v[a] < 0 || lo[a] < 0) {
                o.status = S_NEG;
                break;
            }
            o.value = pow(v[a] / v[b], 1 / r->years) - 1;
            /* Amounts that are never negative: an open lower side stops at zero. */
            iv_div(fmax(lo[a], 0), hi[a], lo[b], hi[b], &o.lo, &o.hi);
            o.lo = down(pow(fmax(o.lo, 0), 1 / r->years) - 1);
            o.hi = up(pow(o.hi, 1 / r->years) - 1);
            break;
        case OP_DIV:
            if ((o.status = den_status(v[b], lo[b], hi[b], 1)) != S_OK)
                break;
            o.value = v[a] / v[b];
            iv_div(lo[a], hi[a], lo[b], hi[b], &o.lo, &o.hi);
            break;
        case OP_RUNWAY:
            /* Cash is never below zero ("at most 50 million" is [0, 50 million]). */
            if ((o.status = den_status(v[b], lo[b], hi[b], 1)) != S_OK)
                break;
            o.value = v[a] / v[b];
            iv_div(fmax(lo[a], 0), hi[a], lo[b], hi[b], &o.lo, &o.hi);
            break;
        case OP_ONE_MINUS:
            if ((o.status = den_status(v[a], lo[a], hi[a], 1)) != S_OK)
                break;
            o.value = 1 - v[b] / v[a];
            iv_div(lo[b], hi[b], lo[a], hi[a], &o.lo, &o.hi);
            {
                double l = down(1 - o.hi), h = up(1 - o.lo);
                o.lo = l;
                o.hi = h;
            }
            break;
        case OP_CONCENTRATE: {
            uint32_t last = r->first + r->n - 1;
            if ((o.status = den_status(v[last], lo[last], hi[last], 1)) != S_OK)
                break;
            /* The k largest of at most a few customers: a partial selection. */
            double sv = 0, sl = 0, sh = 0;
            uint32_t used = 0;
            for (uint32_t t = 0; t < r->k && t < r->n - 1u; t++) {
                uint32_t best = UINT32_MAX;
                for (uint32_t j = r->first; j < last; j++)
                    if (!(used & (1u << (j - r->first))) && (best == UINT32_MAX || v[j] > v[best]))
                        best = j;
                used |= 1u << (best - r->first);
                sv += v[best];
                sl = down(sl + lo[best]);
                sh = up(sh + hi[best]);
            }
            o.value = sv / v[last];
            iv_div(sl, sh, lo[last], hi[last], &o.lo, &o.hi);
            break;
        }
        case OP_BURN: {
            double fv = v[a], fl = lo[a], fh = hi[a];
            if (r->k) {
                fv -= v[b];
                fl = down(fl - hi[b]);
                fh = up(fh - lo[b]);
            }
            if (fv >= 0) {
                o.status = S_NOT_BURNING;
                break;
            }
            o.value = -fv / r->m1;
            o.lo = down(-fh / r->m1);
            o.hi = up(-fl / r->m1);
            break;
        }
        case OP_COPY:
            o.value = v[a];
            o.lo = lo[a];
            o.hi = hi[a];
            break;
        case OP_TTM:
            o.value = v[a] + v[b] - v[c];
            o.lo = down(down(lo[a] + lo[b]) - hi[c]);
            o.hi = up(up(hi[a] + hi[b]) - lo[c]);
            break;
        case OP_TTM_GROWTH: {
            /* a + b * g / (1 + g): fiscal year, year to date, growth */
            if ((o.status = den_status(1 + v[c], 1 + lo[c], 1 + hi[c], 1)) != S_OK)
                break;
            o.value = v[a] + v[b] * v[c] / (1 + v[c]);
            /* g / (1 + g) rises with g */
            double fl = down(lo[c] / up(1 + lo[c])), fh = up(hi[c] / down(1 + hi[c]));
            double pl, ph;
            iv_mul(lo[b], hi[b], fl, fh, &pl, &ph);
            o.lo = down(lo[a] + pl);
            o.hi = up(hi[a] + ph);
            break;
        }
        case OP_CONVERT: {
            double nv = v[a], nl = lo[a], nh = hi[a], dv = 1, dl = 1, dh = 1;
            uint32_t nrates = r->n - 1u - r->has_den;
            for (uint32_t j = 0; j < nrates; j++) {
                uint32_t x = a + 1 + j;
                int divide = (r->conv >> j) & 1, den = (r->conv >> (16 + j)) & 1;
                double *pv = den ? &dv : &nv, *pl = den ? &dl : &nl, *ph = den ? &dh : &nh;
                if (divide) {
                    *pv /= v[x];
                    iv_div(*pl, *ph, lo[x], hi[x], pl, ph);
                } else {
                    *pv *= v[x];
                    iv_mul(*pl, *ph, lo[x], hi[x], pl, ph);
                }
            }
            if (r->has_den) {
                uint32_t x = a + r->n - 1;
                double rv = v[x] * dv, rl, rh;
                iv_mul(lo[x], hi[x], dl, dh, &rl, &rh);
                if ((o.status = den_status(rv, rl, rh, 1)) != S_OK)
                    break;
                o.value = nv / rv;
                iv_div(nl, nh, rl, rh, &o.lo, &o.hi);
            } else {
                o.value = nv;
                o.lo = nl;
                o.hi = nh;
            }
            break;
        }
        case OP_MUL:
            o.value = v[a] * v[b];
            iv_mul(lo[a], hi[a], lo[b], hi[b], &o.lo, &o.hi);
            break;
        case OP_SUB:
            o.value = v[a] - v[b];
            o.lo = down(lo[a] - hi[b]);
            o.hi = up(hi[a] - lo[b]);
            break;
        }
        out[i] = o;
    }
}

typedef struct plain_set {
    plain_ratio *r;
    size_t n, cap;
    double *v, *lo, *hi;
    size_t nv, capv;
    size_t unmapped;
} plain_set;

static uint32_t push_operand(plain_set *p, const ipofacts_ratio *x)
{
    if (p->nv == p->capv) {
        p->capv = p->capv ? p->capv * 2 : 1024;
        p->v = realloc(p->v, p->capv * sizeof *p->v);
        p->lo = realloc(p->lo, p->capv * sizeof *p->lo);
        p->hi = realloc(p->hi, p->capv * sizeof *p->hi);
        if (p->v == NULL || p->lo == NULL || p->hi == NULL)
            die("allocating", NULL);
    }
    p->v[p->nv] = x->value;
    p->lo[p->nv] = (x->interval.flags & IPOFACTS_INTERVAL_NO_LO) ? -INFINITY : x->interval.lo;
    p->hi[p->nv] = (x->interval.flags & IPOFACTS_INTERVAL_NO_HI) ? INFINITY : x->interval.hi;
    return (uint32_t)p->nv++;
}

static int role_is(const ipofacts_derived *d, size_t i, const char *role)
{
    const char *r = ipofacts_derived_input_role(d, i);
    return r != NULL && strcmp(r, role) == 0;
}

static int32_t input_months(const ipofacts_derived *d, size_t i)
{
    const ipofacts_fact *f = ipofacts_derived_input_fact(d, i);
    return f != NULL ? ipofacts_period_months(ipofacts_fact_period(f)) : 0;
}

/* The currency an amount's unit starts with ("USD", "USD/month" -> "USD"). */
static void ccy(char out[4], const char *unit)
{
    memcpy(out, unit, 3);
    out[3] = '\0';
}

/* Turns a derivation into a plain record over its inputs' values. */
static void plain_add(plain_set *p, const ipofacts_derived *d)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 1024;
        p->r = realloc(p->r, p->cap * sizeof *p->r);
        if (p->r == NULL)
            die("allocating", NULL);
    }
    plain_ratio r;
    memset(&r, 0, sizeof r);
    size_t n = ipofacts_derived_input_count(d);
    r.first = (uint32_t)p->nv;
    ipofacts_ratio_kind kind = ipofacts_derived_kind(d);
    const ipofacts_ratio *res = ipofacts_derived_ratio(d);
    switch (kind) {
    case IPOFACTS_RATIO_KIND_GROWTH:
        r.op = OP_GROWTH;
        r.m1 = input_months(d, 0);
        r.m2 = input_months(d, 1);
        break;
    case IPOFACTS_RATIO_KIND_CAGR: {
        r.op = OP_CAGR;
        ipofacts_date a = ipofacts_period_end(ipofacts_derived_period(d));
        const ipofacts_fact *f = ipofacts_derived_input_fact(d, 1);
        ipofacts_date b = f != NULL ? ipofacts_period_end(ipofacts_fact_period(f)) : a;
        r.years = a.year - b.year;
        if (r.years <= 0)
            r.years = 1;
        break;
    }
    case IPOFACTS_RATIO_KIND_GROSS_MARGIN:
        r.op = res->basis == IPOFACTS_BASIS_REVENUE_LESS_COST ? OP_ONE_MINUS : OP_DIV;
        if (r.op == OP_DIV) {
            /* inputs: revenue, gross_profit -> gross_profit / revenue */
            const ipofacts_ratio *x = ipofacts_derived_input_value(d, 1), *y = ipofacts_derived_input_value(d, 0);
            r.n = 2;
            push_operand(p, x);
            push_operand(p, y);
            p->r[p->n++] = r;
            return;
        }
        break;
    case IPOFACTS_RATIO_KIND_NET_MARGIN:
    case IPOFACTS_RATIO_KIND_ADJUSTED_NET_MARGIN:
    case IPOFACTS_RATIO_KIND_RD_INTENSITY:
    case IPOFACTS_RATIO_KIND_SEGMENT_SHARE:
    case IPOFACTS_RATIO_KIND_IMPLIED_SHARES:
    case IPOFACTS_RATIO_KIND_IMPLIED_RATE:
        r.op = OP_DIV;
        break;
    case IPOFACTS_RATIO_KIND_TOP1_CUSTOMER_SHARE:
    case IPOFACTS_RATIO_KIND_TOP5_CUSTOMER_SHARE:
        r.op = OP_CONCENTRATE;
        r.k = kind == IPOFACTS_RATIO_KIND_TOP1_CUSTOMER_SHARE ? 1 : 5;
        break;
    case IPOFACTS_RATIO_KIND_MONTHLY_BURN:
        r.op = OP_BURN;
        r.k = n > 1;
        r.m1 = ipofacts_period_months(ipofacts_derived_period(d));
        break;
    case IPOFACTS_RATIO_KIND_RUNWAY:
        r.op = OP_RUNWAY;
        break;
    case IPOFACTS_RATIO_KIND_TTM:
        if (n == 1)
            r.op = OP_COPY;
        else if (n == 3)
            r.op = OP_TTM;
        else {
            /* fiscal_year, ytd, growth, prior_ytd (implied): a + b g / (1 + g) */
            r.op = OP_TTM_GROWTH;
            n = 3;
        }
        break;
    case IPOFACTS_RATIO_KIND_FIRST_DAY_RETURN:
        r.op = OP_RETURN;
        break;
    case IPOFACTS_RATIO_KIND_HOLDING_VALUE:
        r.op = OP_MUL;
        break;
    case IPOFACTS_RATIO_KIND_GROSS_PROFIT:
        r.op = OP_SUB;
        break;
    case IPOFACTS_RATIO_KIND_MARKET_CAP:
    case IPOFACTS_RATIO_KIND_PRICE_TO_SALES: {
        /* market_cap, then rates and (P/S) revenue in the order found. */
        r.op = OP_CONVERT;
        size_t rev = n;
        for (size_t i = 0; i < n; i++)
            if (role_is(d, i, "revenue"))
                rev = i;
        r.has_den = rev < n;
        char num[4], den[4];
        const ipofacts_ratio *cap = ipofacts_derived_input_value(d, 0);
        ccy(num, cap->unit);
        if (rev < n)
            ccy(den, ipofacts_derived_input_value(d, rev)->unit);
        else
            den[0] = '\0';
        push_operand(p, cap);
        uint32_t j = 0;
        for (size_t i = 1; i < n; i++) {
            if (i == rev)
                continue;
            const ipofacts_ratio *x = ipofacts_derived_input_value(d, i);
            push_operand(p, x);
            /* A rate "Q/B": an amount in B is multiplied into Q, one in Q divided into B. */
            char q[4], b[4];
            ccy(q, x->unit);
            ccy(b, x->unit + 4);
            int to_den = r.has_den && strcmp(num, den) == 0 ? 1 : 0;
            if (r.has_den && !to_den && strcmp(q, num) != 0 && strcmp(b, num) != 0)
                to_den = 1;
            char *cur = to_den ? den : num;
            if (strcmp(b, cur) == 0) {
                memcpy(cur, q, 4);
            } else {
                r.conv |= 1u << j;
                memcpy(cur, b, 4);
            }
            if (to_den)
                r.conv |= 1u << (16 + j);
            j++;
        }
        if (rev < n)
            push_operand(p, ipofacts_derived_input_value(d, rev));
        r.n = (uint8_t)(1 + j + r.has_den);
        p->r[p->n++] = r;
        return;
    }
    default:
        /* A kind newer than this loop: counted, computed as a quotient. */
        r.op = OP_DIV;
        p->unmapped++;
        break;
    }
    for (size_t i = 0; i < n; i++) {
        const ipofacts_ratio *x = ipofacts_derived_input_value(d, i);
        if (kind == IPOFACTS_RATIO_KIND_TTM && r.op == OP_TTM_GROWTH && i == 2)
            x = ipofacts_derived_input_value(d, 2); /* the growth rate */
        push_operand(p, x);
    }
    r.n = (uint8_t)n;
    p->r[p->n++] = r;
}

static int close_enough(double a, double b)
{
    if (isinf(a) || isinf(b))
        return a == b;
    return fabs(a - b) <= 1e-9 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

static int cmd_ratios(const char *path)
{
    ipofacts_dataset *ds = load(path);

    /* The library: every ratio of every company and period. Repeated
     * while the total stays under a second, to smooth small datasets. */
    size_t count = 0, reps = 0;
    double api_s = 0, free_s = 0;
    ipofacts_ratio_set *set = NULL;
    do {
        if (set != NULL) {
            stopwatch f = start();
            ipofacts_ratio_set_free(set);
            free_s += elapsed(&f);
        }
        stopwatch s = start();
        if (ipofacts_dataset_ratios(&set, ds) != IPOFACTS_OK)
            die("computing ratios", NULL);
        api_s += elapsed(&s);
        reps++;
        count = ipofacts_ratio_set_count(set);
    } while (!once() && api_s < 1.0 && reps < 50);
    size_t ok = 0;
    for (size_t i = 0; i < count; i++)
        ok += ipofacts_derived_ratio(ipofacts_ratio_set_at(set, i))->status == IPOFACTS_RATIO_OK;
    /* The whole process: the dataset, the ratio set and the load's peak. */
    printf("ratio_set_peak_rss_bytes %lld\n", status_bytes("VmHWM"));
    printf("ratios %zu\nratios_ok %zu\nratios_reps %zu\napi_s %.6f\napi_per_ratio_ns %.3f\n", count, ok, reps,
           api_s / (double)reps, api_s / (double)reps / (double)count * 1e9);

    /* The values-only path: every ratio of every company-period as one
     * table (ipofacts_dataset_ratio_table), checked against the set. */
    size_t treps = 0, tcount = 0;
    double table_s = 0;
    ipofacts_ratio_table *table = NULL;
    do {
        ipofacts_ratio_table_free(table);
        table = NULL;
        stopwatch s = start();
        if (ipofacts_dataset_ratio_table(&table, ds, NULL, 0) != IPOFACTS_OK)
            die("computing the ratio table", NULL);
        table_s += elapsed(&s);
        treps++;
        tcount = ipofacts_ratio_table_count(table);
    } while (!once() && table_s < 1.0 && treps < 200);
    size_t table_agree = 0;
    for (size_t i = 0; i < tcount && i < count; i++) {
        const ipofacts_ratio_row *row = ipofacts_ratio_table_at(table, i);
        const ipofacts_derived *d = ipofacts_ratio_set_at(set, i);
        table_agree += row->company == ipofacts_derived_company(d) && row->period == ipofacts_derived_period(d) &&
                       row->kind == ipofacts_derived_kind(d) &&
                       memcmp(&row->ratio, ipofacts_derived_ratio(d), sizeof row->ratio) == 0;
    }
    printf("table_ratios %zu\ntable_reps %zu\ntable_s %.6f\ntable_per_ratio_ns %.3f\ntable_agree %zu\n", tcount,
           treps, table_s / (double)treps, table_s / (double)treps / (double)(tcount ? tcount : 1) * 1e9,
           table_agree);
    ipofacts_ratio_table_free(table);

    /* The plain loop over the same inputs. */
    plain_set p;
    memset(&p, 0, sizeof p);
    for (size_t i = 0; i < count; i++)
        plain_add(&p, ipofacts_ratio_set_at(set, i));
    plain_out *out = calloc(p.n + 1, sizeof *out);
    size_t preps = 0;
    double plain_s = 0;
    do {
        stopwatch s = start();
        plain_compute(p.r, p.n, p.v, p.lo, p.hi, out);
        plain_s += elapsed(&s);
        preps++;
    } while (!once() && plain_s < 0.5);
    size_t agree = 0, agree_iv = 0, both_ok = 0, status_same = 0;
    for (size_t i = 0; i < p.n; i++) {
        const ipofacts_ratio *r = ipofacts_derived_ratio(ipofacts_ratio_set_at(set, i));
        status_same += (out[i].status == S_OK) == (r->status == IPOFACTS_RATIO_OK);
        if (r->status != IPOFACTS_RATIO_OK || out[i].status != S_OK)
            continue;
        both_ok++;
        agree += close_enough(out[i].value, r->value);
        double rl = (r->interval.flags & IPOFACTS_INTERVAL_NO_LO) ? -INFINITY : r->interval.lo;
        double rh = (r->interval.flags & IPOFACTS_INTERVAL_NO_HI) ? INFINITY : r->interval.hi;
        agree_iv += close_enough(out[i].lo, rl) && close_enough(out[i].hi, rh);
    }
    printf("plain_ratios %zu\nplain_reps %zu\nplain_s %.9f\nplain_per_ratio_ns %.3f\n", p.n, preps,
           plain_s / (double)preps, plain_s / (double)preps / (double)p.n * 1e9);
    printf("plain_status_agree %zu\nplain_both_ok %zu\nplain_value_agree %zu\nplain_interval_agree %zu\n"
           "plain_unmapped %zu\n",
           status_same, both_ok, agree, agree_iv, p.unmapped);

    stopwatch f = start();
    ipofacts_ratio_set_free(set);
    free_s += elapsed(&f);
    printf("ratios_free_s %.6f\n", free_s / (double)reps);
    free(out);
    free(p.r);
    free(p.v);
    free(p.lo);
    free(p.hi);
    ipofacts_dataset_free(ds);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "scale") == 0)
        return cmd_scale(argv[2], argv[3]);
    if (argc != 3) {
        fprintf(stderr, "usage: bench cjson|pair|load|check|ratios|lookup|roundtrip FILE\n"
                        "       bench scale FILE FILE4\n");
        return 2;
    }
    const char *cmd = argv[1], *path = argv[2];
    int rc;
    if (strcmp(cmd, "cjson") == 0)
        rc = cmd_cjson(path);
    else if (strcmp(cmd, "pair") == 0)
        rc = cmd_pair(path);
    else if (strcmp(cmd, "load") == 0)
        rc = cmd_load(path);
    else if (strcmp(cmd, "check") == 0)
        rc = cmd_check(path);
    else if (strcmp(cmd, "ratios") == 0)
        rc = cmd_ratios(path);
    else if (strcmp(cmd, "lookup") == 0)
        rc = cmd_lookup(path);
    else if (strcmp(cmd, "roundtrip") == 0)
        rc = cmd_roundtrip(path);
    else {
        fprintf(stderr, "bench: unknown command %s\n", cmd);
        return 2;
    }
    fflush(stdout);
    return rc;
}
