/*
 * The dataset model: its arena, the accessors of every handle, the sorted
 * indexes behind the lookups, and the rule that prefers one fact among
 * several reports of the same figure. A loaded dataset is never changed, so
 * every function here may be called from any number of threads at once.
 */
#include <stdlib.h>
#include <string.h>

#include "dataset_internal.h"

/* ------------------------------------------------------------------ */
/* Arena                                                               */
/* ------------------------------------------------------------------ */

#define ARENA_MIN_CHUNK ((size_t)64 * 1024)
#define ARENA_MAX_CHUNK ((size_t)4 * 1024 * 1024)
#define ARENA_ALIGN ((size_t)16)

struct ipf_dataset_chunk {
    ipf_dataset_chunk *next;
    size_t size; /* usable bytes after the header */
    size_t pad;  /* keeps the data 16-byte aligned */
    size_t pad2;
};

static char *chunk_data(ipf_dataset_chunk *c)
{
    return (char *)c + sizeof *c;
}

/* A new chunk of at least n usable bytes, or a chunk of its own behind the
 * head for a large block (so the head's free space is not lost); returns
 * its data, NULL when memory runs out. When the chunk becomes the head,
 * the caller carves its block from it. */
static char *arena_chunk(ipf_dataset_arena *a, size_t n, int *is_head)
{
    if (n > ARENA_MIN_CHUNK / 4 && a->head != NULL) {
        if (n > SIZE_MAX - sizeof(ipf_dataset_chunk))
            return NULL;
        ipf_dataset_chunk *c = calloc(1, sizeof *c + n);
        if (c == NULL)
            return NULL;
        c->size = n;
        c->next = a->head->next;
        a->head->next = c;
        *is_head = 0;
        return chunk_data(c);
    }
    size_t want = a->head != NULL ? a->head->size * 2 : ARENA_MIN_CHUNK;
    if (want > ARENA_MAX_CHUNK)
        want = ARENA_MAX_CHUNK;
    if (want < n)
        want = n;
    if (want > SIZE_MAX - sizeof(ipf_dataset_chunk))
        return NULL;
    ipf_dataset_chunk *c = calloc(1, sizeof *c + want);
    if (c == NULL)
        return NULL;
    c->size = want;
    c->next = a->head;
    a->head = c;
    a->cur = chunk_data(c);
    a->left = want;
    *is_head = 1;
    return chunk_data(c);
}

void *ipf_dataset_arena_alloc(ipf_dataset_arena *a, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    size_t n = count * size;
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    n = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
    /* Strings are taken from the top of the chunk, so the free space may
     * end anywhere: only whole 16-byte units below it can hold an object. */
    if (n <= (a->left & ~(ARENA_ALIGN - 1))) {
        void *p = a->cur;
        a->cur += n;
        a->left -= n;
        return p;
    }
    int is_head;
    char *p = arena_chunk(a, n, &is_head);
    if (p != NULL && is_head) {
        a->cur += n;
        a->left -= n;
    }
    return p;
}

char *ipf_dataset_arena_strndup(ipf_dataset_arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    size_t need = n + 1;
    char *p;
    if (need <= a->left) {
        a->left -= need;
        p = a->cur + a->left;
    } else {
        int is_head;
        p = arena_chunk(a, need, &is_head);
        if (p == NULL)
            return NULL;
        if (is_head) {
            a->left -= need;
            p = a->cur + a->left;
        }
    }
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void ipf_dataset_arena_free(ipf_dataset_arena *a)
{
    ipf_dataset_chunk *c = a->head;
    while (c != NULL) {
        ipf_dataset_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    a->cur = NULL;
    a->left = 0;
}

/* ------------------------------------------------------------------ */
/* Facts being loaded                                                  */
/* ------------------------------------------------------------------ */

/* The sizes the dataset's memory figures rest on (docs/performance.md):
 * facts and citations are most of a loaded dataset. */
_Static_assert(sizeof(ipofacts_fact) <= 88, "a fact takes at most 88 bytes");
_Static_assert(sizeof(ipf_citation) <= 16, "a citation takes at most 16 bytes");

ipofacts_status ipf_dataset_fact_set_rare(ipf_dataset_arena *a, ipofacts_fact *f, const ipofacts_decimal *upper,
                                          const char *note, const ipf_extras *extras,
                                          const ipf_extras *const *citation_extras)
{
    f->flags &= (uint8_t)~IPF_FACT_HAS_UPPER;
    if (upper == NULL && note == NULL && extras == NULL && citation_extras == NULL) {
        f->rare = NULL;
        return IPOFACTS_OK;
    }
    ipf_fact_rare *r = ipf_dataset_arena_alloc(a, 1, sizeof *r);
    if (r == NULL)
        return IPOFACTS_E_NOMEM;
    if (upper != NULL) {
        r->upper = *upper;
        f->flags |= IPF_FACT_HAS_UPPER;
    }
    r->note = note;
    r->extras = extras;
    r->citation_extras = citation_extras;
    f->rare = r;
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

static unsigned char ascii_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

static int ascii_casecmp(const char *a, const char *b)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    for (;; x++, y++) {
        unsigned char cx = ascii_lower(*x), cy = ascii_lower(*y);
        if (cx != cy || cx == '\0')
            return (int)cx - (int)cy;
    }
}

static const ipofacts_date unknown_date = {0, 0, 0, IPOFACTS_DATE_UNKNOWN, 0};

/* The value of a pair list for a language: NULL or "" gives the first. */
static const char *pair_lookup(const ipf_pair *pairs, size_t n, const char *key)
{
    if (n == 0)
        return NULL;
    if (key == NULL || key[0] == '\0')
        return pairs[0].value;
    for (size_t i = 0; i < n; i++)
        if (ascii_casecmp(pairs[i].key, key) == 0)
            return pairs[i].value;
    return NULL;
}

static int64_t date_key(const ipofacts_date *d)
{
    if (d->precision == IPOFACTS_DATE_UNKNOWN)
        return -1;
    return (int64_t)d->year * 10000 + d->month * 100 + d->day;
}

/* ------------------------------------------------------------------ */
/* Member kinds                                                        */
/* ------------------------------------------------------------------ */

static const char *const member_kinds[] = {"other",    "segment", "region",  "shareholder",
                                           "investor", "round",   "customer"};

const char *ipf_dataset_member_kind_name(ipofacts_member_kind kind)
{
    if ((int)kind < 0 || (size_t)kind >= sizeof member_kinds / sizeof member_kinds[0])
        return NULL;
    return member_kinds[kind];
}

int ipf_dataset_member_kind_from_name(const char *name, ipofacts_member_kind *out)
{
    for (size_t i = 0; i < sizeof member_kinds / sizeof member_kinds[0]; i++) {
        if (strcmp(name, member_kinds[i]) == 0) {
            *out = (ipofacts_member_kind)i;
            return 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Indexes                                                             */
/* ------------------------------------------------------------------ */

static int source_ptr_cmp(const void *a, const void *b)
{
    const ipofacts_source *x = *(const ipofacts_source *const *)a, *y = *(const ipofacts_source *const *)b;
    int c = strcmp(x->id, y->id);
    if (c != 0)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

static int member_ptr_cmp(const void *a, const void *b)
{
    const ipofacts_member *x = *(const ipofacts_member *const *)a, *y = *(const ipofacts_member *const *)b;
    int c = strcmp(x->id, y->id);
    if (c != 0)
        return c;
    return x < y ? -1 : x > y;
}

static int period_id_cmp(const void *a, const void *b)
{
    const ipofacts_period *x = *(const ipofacts_period *const *)a, *y = *(const ipofacts_period *const *)b;
    int c = strcmp(x->id, y->id);
    if (c != 0)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

static const char *period_label_of(const ipofacts_period *p)
{
    return p->label != NULL ? p->label : p->id;
}

static int period_label_cmp(const void *a, const void *b)
{
    const ipofacts_period *x = *(const ipofacts_period *const *)a, *y = *(const ipofacts_period *const *)b;
    int c = strcmp(period_label_of(x), period_label_of(y));
    if (c != 0)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

static int cmp_i64(int64_t a, int64_t b)
{
    return a < b ? -1 : a > b;
}

int ipf_dataset_period_dates_cmp(const ipofacts_period *a, const ipofacts_period *b)
{
    int c = cmp_i64(date_key(&a->end), date_key(&b->end));
    if (c == 0)
        c = cmp_i64(a->is_instant, b->is_instant);
    if (c == 0)
        c = cmp_i64(date_key(&a->start), date_key(&b->start));
    return c;
}

static int period_dates_qcmp(const void *a, const void *b)
{
    const ipofacts_period *x = *(const ipofacts_period *const *)a, *y = *(const ipofacts_period *const *)b;
    int c = ipf_dataset_period_dates_cmp(x, y);
    if (c != 0)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* NULL (the whole company) sorts before every segment. */
static int segment_cmp(const char *a, const char *b)
{
    if (a == b)
        return 0;
    if (a == NULL)
        return -1;
    if (b == NULL)
        return 1;
    return strcmp(a, b);
}

static int fact_key_cmp(const ipofacts_fact *f, const char *concept_id, const char *segment)
{
    int c = f->concept_id == concept_id ? 0 : strcmp(f->concept_id, concept_id);
    if (c != 0)
        return c;
    return segment_cmp(f->segment, segment);
}

/* Sorts pointers to the facts of one company: their order in memory is the
 * file order. */
static int fact_sorted_qcmp(const void *a, const void *b)
{
    const ipofacts_fact *x = *(const ipofacts_fact *const *)a, *y = *(const ipofacts_fact *const *)b;
    int c = fact_key_cmp(x, y->concept_id, y->segment);
    if (c != 0)
        return c;
    return x < y ? -1 : x > y;
}

static int company_key_qcmp(const void *a, const void *b)
{
    const ipf_company_key *x = a, *y = b;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    int c = strcmp(x->key, y->key);
    if (c != 0)
        return c;
    return x->company->index < y->company->index ? -1 : x->company->index > y->company->index;
}

/* Bounds of a ticker's normalised form inside t: no exchange suffix (a dot
 * and 2 to 4 ASCII letters at the end), no leading zeros (one is kept when
 * the ticker is all zeros). */
static void ticker_bounds(const char *t, size_t *start, size_t *end)
{
    size_t n = strlen(t);
    const char *dot = strrchr(t, '.');
    if (dot != NULL && dot != t) {
        size_t suffix = n - (size_t)(dot - t) - 1;
        int letters = suffix >= 2 && suffix <= 4;
        for (size_t i = 0; letters && i < suffix; i++) {
            unsigned char c = ascii_lower((unsigned char)dot[1 + i]);
            letters = c >= 'a' && c <= 'z';
        }
        if (letters)
            n = (size_t)(dot - t);
    }
    size_t s = 0;
    while (s + 1 < n && t[s] == '0')
        s++;
    *start = s;
    *end = n;
}

/* An arena copy of s[start, end) in ASCII lower case. */
static const char *lower_copy(ipf_dataset_arena *a, const char *s, size_t start, size_t end)
{
    char *p = ipf_dataset_arena_strndup(a, s + start, end - start);
    if (p != NULL)
        for (char *q = p; *q != '\0'; q++)
            *q = (char)ascii_lower((unsigned char)*q);
    return p;
}

static ipofacts_status build_company_indexes(ipf_dataset_arena *a, ipofacts_company *c)
{
    if (c->member_count > 0) {
        const ipofacts_member **m = ipf_dataset_arena_alloc(a, c->member_count, sizeof *m);
        if (m == NULL)
            return IPOFACTS_E_NOMEM;
        for (size_t i = 0; i < c->member_count; i++)
            m[i] = &c->members[i];
        qsort(m, c->member_count, sizeof *m, member_ptr_cmp);
        c->members_by_id = m;
    }
    if (c->period_count > 0) {
        const ipofacts_period **byid = ipf_dataset_arena_alloc(a, c->period_count, sizeof *byid);
        const ipofacts_period **bylabel = ipf_dataset_arena_alloc(a, c->period_count, sizeof *bylabel);
        const ipofacts_period **bydates = ipf_dataset_arena_alloc(a, c->period_count, sizeof *bydates);
        if (byid == NULL || bylabel == NULL || bydates == NULL)
            return IPOFACTS_E_NOMEM;
        for (size_t i = 0; i < c->period_count; i++)
            byid[i] = bylabel[i] = bydates[i] = &c->periods[i];
        qsort(byid, c->period_count, sizeof *byid, period_id_cmp);
        qsort(bylabel, c->period_count, sizeof *bylabel, period_label_cmp);
        qsort(bydates, c->period_count, sizeof *bydates, period_dates_qcmp);
        c->periods_by_id = byid;
        c->periods_by_label = bylabel;
        c->periods_by_dates = bydates;
    }
    /* Every fact names one of the company's periods: facts imply periods. */
    if (c->fact_count > 0 && c->period_count > 0) {
        /* Positions are stored in 4 bytes: more facts than that in one
         * company could not be held in memory anyway (88 bytes each). */
        if (c->fact_count > UINT32_MAX)
            return IPOFACTS_E_NOMEM;
        /* One array holds every period's file-order list, another every
         * period's sorted list; each period gets a slice of both. The sort
         * runs on pointers (tmp), whose order is the file order. */
        uint32_t *order = ipf_dataset_arena_alloc(a, c->fact_count, sizeof *order);
        uint32_t *sorted = ipf_dataset_arena_alloc(a, c->fact_count, sizeof *sorted);
        size_t *fill = calloc(c->period_count, sizeof *fill);
        const ipofacts_fact **tmp = malloc(c->fact_count * sizeof *tmp);
        if (order == NULL || sorted == NULL || fill == NULL || tmp == NULL) {
            free(fill);
            free(tmp);
            return IPOFACTS_E_NOMEM;
        }
        ipofacts_period *periods = (ipofacts_period *)c->periods;
        for (size_t i = 0; i < c->fact_count; i++)
            periods[c->facts[i].period->index].fact_count++;
        size_t at = 0;
        for (size_t p = 0; p < c->period_count; p++) {
            periods[p].facts = order + at;
            periods[p].sorted = sorted + at;
            at += periods[p].fact_count;
        }
        for (size_t i = 0; i < c->fact_count; i++) {
            size_t p = c->facts[i].period->index;
            size_t k = (size_t)(periods[p].facts - order) + fill[p]++;
            order[k] = (uint32_t)i;
            tmp[k] = &c->facts[i];
        }
        free(fill);
        for (size_t p = 0; p < c->period_count; p++) {
            size_t first = (size_t)(periods[p].facts - order), n = periods[p].fact_count;
            if (n > 1)
                qsort(tmp + first, n, sizeof *tmp, fact_sorted_qcmp);
            for (size_t k = first; k < first + n; k++)
                sorted[k] = (uint32_t)(tmp[k] - c->facts);
        }
        free(tmp);
    }
    return IPOFACTS_OK;
}

ipofacts_status ipf_dataset_build_indexes(ipofacts_dataset *ds)
{
    ipf_dataset_arena *a = &ds->arena;
    if (ds->source_count > 0) {
        const ipofacts_source **s = ipf_dataset_arena_alloc(a, ds->source_count, sizeof *s);
        if (s == NULL)
            return IPOFACTS_E_NOMEM;
        for (size_t i = 0; i < ds->source_count; i++)
            s[i] = &ds->sources[i];
        qsort(s, ds->source_count, sizeof *s, source_ptr_cmp);
        ds->sources_by_id = s;
    }
    size_t nkeys = 0;
    ds->fact_count = 0;
    for (size_t i = 0; i < ds->company_count; i++) {
        ipofacts_company *c = (ipofacts_company *)&ds->companies[i];
        ipofacts_status st = build_company_indexes(a, c);
        if (st != IPOFACTS_OK)
            return st;
        ds->fact_count += c->fact_count;
        nkeys += 1 + c->name_count + (c->ticker != NULL);
    }
    if (nkeys > 0) {
        ipf_company_key *keys = ipf_dataset_arena_alloc(a, nkeys, sizeof *keys);
        if (keys == NULL)
            return IPOFACTS_E_NOMEM;
        size_t k = 0;
        for (size_t i = 0; i < ds->company_count; i++) {
            const ipofacts_company *c = &ds->companies[i];
            keys[k].kind = IPF_COMPANY_KEY_ID;
            keys[k].key = lower_copy(a, c->id, 0, strlen(c->id));
            keys[k++].company = c;
            for (size_t n = 0; n < c->name_count; n++) {
                keys[k].kind = IPF_COMPANY_KEY_NAME;
                keys[k].key = lower_copy(a, c->names[n].value, 0, strlen(c->names[n].value));
                keys[k++].company = c;
            }
            if (c->ticker != NULL) {
                size_t s, e;
                ticker_bounds(c->ticker, &s, &e);
                keys[k].kind = IPF_COMPANY_KEY_TICKER;
                keys[k].key = lower_copy(a, c->ticker, s, e);
                keys[k++].company = c;
            }
        }
        for (size_t i = 0; i < k; i++)
            if (keys[i].key == NULL)
                return IPOFACTS_E_NOMEM;
        qsort(keys, k, sizeof *keys, company_key_qcmp);
        ds->company_keys = keys;
        ds->company_key_count = k;
    }
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Dataset                                                             */
/* ------------------------------------------------------------------ */

IPOFACTS_API void ipofacts_dataset_free(ipofacts_dataset *dataset)
{
    if (dataset == NULL)
        return;
    ipf_dataset_arena arena = dataset->arena; /* the dataset itself lives in its arena */
    ipf_dataset_arena_free(&arena);
}

IPOFACTS_API size_t ipofacts_dataset_company_count(const ipofacts_dataset *dataset)
{
    return dataset != NULL ? dataset->company_count : 0;
}

IPOFACTS_API const ipofacts_company *ipofacts_dataset_company(const ipofacts_dataset *dataset, size_t index)
{
    if (dataset == NULL || index >= dataset->company_count)
        return NULL;
    return &dataset->companies[index];
}

/* Compares a stored, lower-case key with q[0, qlen) lowered on the fly. */
static int key_cmp(const char *stored, const char *q, size_t qlen)
{
    size_t i = 0;
    for (; i < qlen; i++) {
        unsigned char s = (unsigned char)stored[i];
        unsigned char c = ascii_lower((unsigned char)q[i]);
        if (s == '\0')
            return -1;
        if (s != c)
            return (int)s - (int)c;
    }
    return stored[i] == '\0' ? 0 : 1;
}

static const ipofacts_company *find_key(const ipofacts_dataset *ds, uint32_t kind, const char *q, size_t qlen)
{
    size_t lo = 0, hi = ds->company_key_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const ipf_company_key *k = &ds->company_keys[mid];
        int c = k->kind != kind ? (k->kind < kind ? -1 : 1) : key_cmp(k->key, q, qlen);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < ds->company_key_count && ds->company_keys[lo].kind == kind &&
        key_cmp(ds->company_keys[lo].key, q, qlen) == 0)
        return ds->company_keys[lo].company;
    return NULL;
}

IPOFACTS_API const ipofacts_company *ipofacts_dataset_find_company(const ipofacts_dataset *dataset, const char *key)
{
    if (dataset == NULL || key == NULL || key[0] == '\0')
        return NULL;
    size_t n = strlen(key);
    const ipofacts_company *c = find_key(dataset, IPF_COMPANY_KEY_ID, key, n);
    if (c == NULL)
        c = find_key(dataset, IPF_COMPANY_KEY_NAME, key, n);
    if (c == NULL) {
        size_t s, e;
        ticker_bounds(key, &s, &e);
        c = find_key(dataset, IPF_COMPANY_KEY_TICKER, key + s, e - s);
    }
    return c;
}

IPOFACTS_API size_t ipofacts_dataset_source_count(const ipofacts_dataset *dataset)
{
    return dataset != NULL ? dataset->source_count : 0;
}

IPOFACTS_API const ipofacts_source *ipofacts_dataset_source(const ipofacts_dataset *dataset, size_t index)
{
    if (dataset == NULL || index >= dataset->source_count)
        return NULL;
    return &dataset->sources[index];
}

IPOFACTS_API const ipofacts_source *ipofacts_dataset_find_source(const ipofacts_dataset *dataset, const char *id)
{
    if (dataset == NULL || id == NULL)
        return NULL;
    size_t lo = 0, hi = dataset->source_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(dataset->sources_by_id[mid]->id, id);
        if (c == 0)
            return dataset->sources_by_id[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

IPOFACTS_API size_t ipofacts_dataset_fact_count(const ipofacts_dataset *dataset)
{
    return dataset != NULL ? dataset->fact_count : 0;
}

/* ------------------------------------------------------------------ */
/* Sources                                                             */
/* ------------------------------------------------------------------ */

IPOFACTS_API const char *ipofacts_source_id(const ipofacts_source *source)
{
    return source != NULL ? source->id : NULL;
}

IPOFACTS_API const char *ipofacts_source_publisher(const ipofacts_source *source)
{
    return source != NULL ? source->publisher : NULL;
}

IPOFACTS_API const char *ipofacts_source_title(const ipofacts_source *source)
{
    return source != NULL ? source->title : NULL;
}

IPOFACTS_API const char *ipofacts_source_author(const ipofacts_source *source)
{
    return source != NULL ? source->author : NULL;
}

IPOFACTS_API ipofacts_date ipofacts_source_date(const ipofacts_source *source)
{
    return source != NULL ? source->date : unknown_date;
}

IPOFACTS_API const char *ipofacts_source_document(const ipofacts_source *source)
{
    return source != NULL ? source->document : NULL;
}

IPOFACTS_API const char *ipofacts_source_language(const ipofacts_source *source)
{
    return source != NULL ? source->language : NULL;
}

IPOFACTS_API uint32_t ipofacts_source_rank(const ipofacts_source *source)
{
    return source != NULL ? source->rank : 0;
}

/* ------------------------------------------------------------------ */
/* Companies                                                           */
/* ------------------------------------------------------------------ */

IPOFACTS_API const char *ipofacts_company_id(const ipofacts_company *company)
{
    return company != NULL ? company->id : NULL;
}

IPOFACTS_API const char *ipofacts_company_name(const ipofacts_company *company, const char *lang)
{
    return company != NULL ? pair_lookup(company->names, company->name_count, lang) : NULL;
}

IPOFACTS_API const char *ipofacts_company_exchange(const ipofacts_company *company)
{
    return company != NULL ? company->exchange : NULL;
}

IPOFACTS_API const char *ipofacts_company_ticker(const ipofacts_company *company)
{
    return company != NULL ? company->ticker : NULL;
}

IPOFACTS_API const char *ipofacts_company_identifier(const ipofacts_company *company, const char *scheme)
{
    if (company == NULL || scheme == NULL || scheme[0] == '\0')
        return NULL;
    return pair_lookup(company->identifiers, company->identifier_count, scheme);
}

IPOFACTS_API ipofacts_date ipofacts_company_founded(const ipofacts_company *company)
{
    return company != NULL ? company->founded : unknown_date;
}

IPOFACTS_API ipofacts_date ipofacts_company_listed(const ipofacts_company *company)
{
    return company != NULL ? company->listed : unknown_date;
}

IPOFACTS_API const char *ipofacts_company_currency(const ipofacts_company *company)
{
    return company != NULL ? company->currency : NULL;
}

IPOFACTS_API int32_t ipofacts_company_fiscal_year_end(const ipofacts_company *company)
{
    return company != NULL ? company->fiscal_year_end : 0;
}

IPOFACTS_API const ipofacts_dataset *ipofacts_company_dataset(const ipofacts_company *company)
{
    return company != NULL ? company->dataset : NULL;
}

IPOFACTS_API size_t ipofacts_company_person_count(const ipofacts_company *company)
{
    return company != NULL ? company->person_count : 0;
}

IPOFACTS_API const ipofacts_person *ipofacts_company_person(const ipofacts_company *company, size_t index)
{
    if (company == NULL || index >= company->person_count)
        return NULL;
    return &company->people[index];
}

IPOFACTS_API size_t ipofacts_company_member_count(const ipofacts_company *company)
{
    return company != NULL ? company->member_count : 0;
}

IPOFACTS_API const ipofacts_member *ipofacts_company_member(const ipofacts_company *company, size_t index)
{
    if (company == NULL || index >= company->member_count)
        return NULL;
    return &company->members[index];
}

IPOFACTS_API const ipofacts_member *ipofacts_company_find_member(const ipofacts_company *company, const char *id)
{
    if (company == NULL || id == NULL)
        return NULL;
    size_t lo = 0, hi = company->member_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(company->members_by_id[mid]->id, id);
        if (c == 0)
            return company->members_by_id[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

IPOFACTS_API size_t ipofacts_company_event_count(const ipofacts_company *company)
{
    return company != NULL ? company->event_count : 0;
}

IPOFACTS_API const ipofacts_event *ipofacts_company_event(const ipofacts_company *company, size_t index)
{
    if (company == NULL || index >= company->event_count)
        return NULL;
    return &company->events[index];
}

IPOFACTS_API size_t ipofacts_company_period_count(const ipofacts_company *company)
{
    return company != NULL ? company->period_count : 0;
}

IPOFACTS_API const ipofacts_period *ipofacts_company_period(const ipofacts_company *company, size_t index)
{
    if (company == NULL || index >= company->period_count)
        return NULL;
    return &company->periods[index];
}

/* First period of a sorted index whose key (id or label) equals key. */
static const ipofacts_period *find_period_in(const ipofacts_period *const *index, size_t n, const char *key,
                                             int by_label)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *k = by_label ? period_label_of(index[mid]) : index[mid]->id;
        if (strcmp(k, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n && strcmp(by_label ? period_label_of(index[lo]) : index[lo]->id, key) == 0)
        return index[lo];
    return NULL;
}

IPOFACTS_API const ipofacts_period *ipofacts_company_find_period(const ipofacts_company *company, const char *key)
{
    if (company == NULL || key == NULL || company->period_count == 0)
        return NULL;
    const ipofacts_period *p = find_period_in(company->periods_by_id, company->period_count, key, 0);
    if (p == NULL)
        p = find_period_in(company->periods_by_label, company->period_count, key, 1);
    return p;
}

IPOFACTS_API const ipofacts_period *ipofacts_company_find_period_dates(const ipofacts_company *company,
                                                                       const ipofacts_date *start,
                                                                       const ipofacts_date *end)
{
    if (company == NULL || end == NULL || company->period_count == 0)
        return NULL;
    ipofacts_period probe;
    memset(&probe, 0, sizeof probe);
    probe.end = *end;
    if (start == NULL || start->precision == IPOFACTS_DATE_UNKNOWN) {
        probe.is_instant = 1;
        probe.start = unknown_date;
    } else {
        probe.start = *start;
    }
    const ipofacts_period *const *idx = company->periods_by_dates;
    size_t lo = 0, hi = company->period_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ipf_dataset_period_dates_cmp(idx[mid], &probe) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < company->period_count && ipf_dataset_period_dates_cmp(idx[lo], &probe) == 0)
        return idx[lo];
    return NULL;
}

IPOFACTS_API size_t ipofacts_company_fact_count(const ipofacts_company *company)
{
    return company != NULL ? company->fact_count : 0;
}

IPOFACTS_API const ipofacts_fact *ipofacts_company_fact(const ipofacts_company *company, size_t index)
{
    if (company == NULL || index >= company->fact_count)
        return NULL;
    return &company->facts[index];
}

/* ------------------------------------------------------------------ */
/* People, members, events                                             */
/* ------------------------------------------------------------------ */

IPOFACTS_API const char *ipofacts_person_name(const ipofacts_person *person, const char *lang)
{
    return person != NULL ? pair_lookup(person->names, person->name_count, lang) : NULL;
}

IPOFACTS_API const char *ipofacts_person_role(const ipofacts_person *person)
{
    return person != NULL ? person->role : NULL;
}

IPOFACTS_API ipofacts_date ipofacts_person_born(const ipofacts_person *person)
{
    return person != NULL ? person->born : unknown_date;
}

IPOFACTS_API size_t ipofacts_person_source_count(const ipofacts_person *person)
{
    return person != NULL ? person->citation_count : 0;
}

IPOFACTS_API const ipofacts_source *ipofacts_person_source(const ipofacts_person *person, size_t index)
{
    if (person == NULL || index >= person->citation_count)
        return NULL;
    return person->citations[index].source;
}

IPOFACTS_API const char *ipofacts_member_id(const ipofacts_member *member)
{
    return member != NULL ? member->id : NULL;
}

IPOFACTS_API ipofacts_member_kind ipofacts_member_kind_of(const ipofacts_member *member)
{
    return member != NULL ? member->kind : IPOFACTS_MEMBER_OTHER;
}

IPOFACTS_API const char *ipofacts_member_name(const ipofacts_member *member, const char *lang)
{
    return member != NULL ? pair_lookup(member->names, member->name_count, lang) : NULL;
}

IPOFACTS_API ipofacts_date ipofacts_member_date(const ipofacts_member *member)
{
    return member != NULL ? member->date : unknown_date;
}

IPOFACTS_API size_t ipofacts_member_related_count(const ipofacts_member *member)
{
    return member != NULL ? member->related_count : 0;
}

IPOFACTS_API const char *ipofacts_member_related(const ipofacts_member *member, size_t index)
{
    if (member == NULL || index >= member->related_count)
        return NULL;
    return member->related[index];
}

IPOFACTS_API const char *ipofacts_event_kind(const ipofacts_event *event)
{
    return event != NULL ? event->kind : NULL;
}

IPOFACTS_API ipofacts_date ipofacts_event_date(const ipofacts_event *event)
{
    return event != NULL ? event->date : unknown_date;
}

IPOFACTS_API const char *ipofacts_event_note(const ipofacts_event *event)
{
    return event != NULL ? event->note : NULL;
}

IPOFACTS_API size_t ipofacts_event_source_count(const ipofacts_event *event)
{
    return event != NULL ? event->citation_count : 0;
}

IPOFACTS_API const ipofacts_source *ipofacts_event_source(const ipofacts_event *event, size_t index)
{
    if (event == NULL || index >= event->citation_count)
        return NULL;
    return event->citations[index].source;
}

IPOFACTS_API const char *ipofacts_event_quote(const ipofacts_event *event, size_t index)
{
    if (event == NULL || index >= event->citation_count)
        return NULL;
    return event->citations[index].text;
}

/* ------------------------------------------------------------------ */
/* Periods                                                             */
/* ------------------------------------------------------------------ */

IPOFACTS_API const char *ipofacts_period_id(const ipofacts_period *period)
{
    return period != NULL ? period->id : NULL;
}

IPOFACTS_API const char *ipofacts_period_label(const ipofacts_period *period)
{
    return period != NULL ? period_label_of(period) : NULL;
}

IPOFACTS_API int ipofacts_period_is_instant(const ipofacts_period *period)
{
    return period != NULL && period->is_instant;
}

IPOFACTS_API ipofacts_date ipofacts_period_start(const ipofacts_period *period)
{
    return period != NULL ? period->start : unknown_date;
}

IPOFACTS_API ipofacts_date ipofacts_period_end(const ipofacts_period *period)
{
    return period != NULL ? period->end : unknown_date;
}

IPOFACTS_API int32_t ipofacts_period_months(const ipofacts_period *period)
{
    return period != NULL ? period->months : 0;
}

IPOFACTS_API const ipofacts_company *ipofacts_period_company(const ipofacts_period *period)
{
    return period != NULL ? period->company : NULL;
}

IPOFACTS_API size_t ipofacts_period_fact_count(const ipofacts_period *period)
{
    return period != NULL ? period->fact_count : 0;
}

IPOFACTS_API const ipofacts_fact *ipofacts_period_fact_at(const ipofacts_period *period, size_t index)
{
    if (period == NULL || index >= period->fact_count)
        return NULL;
    return &period->company->facts[period->facts[index]];
}

const uint32_t *ipf_dataset_period_facts(const ipofacts_period *period, const char *concept_id, const char *segment,
                                         size_t *count)
{
    *count = 0;
    if (period == NULL || concept_id == NULL || period->fact_count == 0)
        return NULL;
    const uint32_t *s = period->sorted;
    const ipofacts_fact *facts = period->company->facts;
    size_t lo = 0, hi = period->fact_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (fact_key_cmp(&facts[s[mid]], concept_id, segment) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < period->fact_count && fact_key_cmp(&facts[s[end]], concept_id, segment) == 0)
        end++;
    if (end == lo)
        return NULL;
    *count = end - lo;
    return s + lo;
}

/* The first and the last day a date of any precision may stand for, as days
 * from 1970-01-01 ("2026-01" is 2026-01-01 to 2026-01-31). */
static void date_span(const ipofacts_date *d, int64_t *first, int64_t *last)
{
    ipofacts_date_days(first, d);
    ipofacts_date next = *d;
    if (d->precision == IPOFACTS_DATE_YEAR) {
        next.year++;
    } else if (d->precision == IPOFACTS_DATE_MONTH) {
        next.month = (uint8_t)(d->month == 12 ? 1 : d->month + 1);
        next.year += d->month == 12;
    } else {
        *last = *first;
        return;
    }
    ipofacts_date_days(last, &next);
    (*last)--;
}

/* The span of the latest publication date among a fact's sources; 0 when
 * none of its sources is dated. */
static int fact_latest_source_span(const ipofacts_fact *f, int64_t *first, int64_t *last)
{
    int found = 0;
    for (size_t i = 0; i < f->citation_count; i++) {
        const ipofacts_date *d = &f->citations[i].source->date;
        if (d->precision == IPOFACTS_DATE_UNKNOWN)
            continue;
        int64_t a, b;
        date_span(d, &a, &b);
        if (!found || a > *first || (a == *first && b > *last)) {
            *first = a;
            *last = b;
        }
        found = 1;
    }
    return found;
}

/* -1 when a's latest source is certainly later than b's, 1 for the reverse,
 * 0 when either is undated or the two dates may be the same day. */
static int source_date_cmp(const ipofacts_fact *a, const ipofacts_fact *b)
{
    int64_t af, al, bf, bl;
    if (!fact_latest_source_span(a, &af, &al) || !fact_latest_source_span(b, &bf, &bl))
        return 0;
    if (af > bl)
        return -1;
    if (bf > al)
        return 1;
    return 0;
}

int ipf_dataset_fact_prefer_cmp(const ipofacts_fact *a, const ipofacts_fact *b, ipofacts_preference *reason)
{
    int by_date = source_date_cmp(a, b);
    int ea = a->qualifier == IPOFACTS_QUALIFIER_EXACT, eb = b->qualifier == IPOFACTS_QUALIFIER_EXACT;
    ipofacts_preference why;
    int c;
    if (ea != eb) {
        why = IPOFACTS_PREFER_PRECISION;
        c = ea ? -1 : 1;
    } else if (a->decimals != b->decimals) {
        why = IPOFACTS_PREFER_PRECISION;
        c = a->decimals > b->decimals ? -1 : 1;
    } else if (a->best_rank != b->best_rank) {
        why = IPOFACTS_PREFER_SOURCE_RANK;
        c = a->best_rank < b->best_rank ? -1 : 1;
    } else if (by_date != 0) {
        /* A later report (a restatement, a later filing) supersedes an
         * earlier one of the same precision and rank. */
        why = IPOFACTS_PREFER_SOURCE_DATE;
        c = by_date;
    } else if (a->citation_count != b->citation_count) {
        why = IPOFACTS_PREFER_SOURCE_COUNT;
        c = a->citation_count > b->citation_count ? -1 : 1;
    } else {
        why = IPOFACTS_PREFER_FILE_ORDER;
        const ipofacts_company *ca = ipf_fact_company(a), *cb = ipf_fact_company(b);
        if (ca != cb)
            c = ca->index < cb->index ? -1 : 1;
        else /* the facts of a company are one array in file order */
            c = a < b ? -1 : (a > b ? 1 : 0);
    }
    if (reason != NULL)
        *reason = why;
    return c;
}

/* The preferred of the facts at positions m[0..n) (n >= 1) of facts, in that
 * order: ties the preference leaves undecided go to the earlier position.
 * The runner-up, which only the reason needs, is tracked when why is not
 * NULL. */
static const ipofacts_fact *preferred_of(const ipofacts_fact *facts, const uint32_t *m, size_t n,
                                         ipofacts_preference *why)
{
    const ipofacts_fact *best = &facts[m[0]], *second = NULL;
    for (size_t i = 1; i < n; i++) {
        const ipofacts_fact *f = &facts[m[i]];
        if (ipf_dataset_fact_prefer_cmp(f, best, NULL) < 0) {
            second = best;
            best = f;
        } else if (why != NULL && (second == NULL || ipf_dataset_fact_prefer_cmp(f, second, NULL) < 0)) {
            second = f;
        }
    }
    if (why != NULL) {
        ipofacts_preference reason = IPOFACTS_PREFER_ONLY;
        if (second != NULL)
            ipf_dataset_fact_prefer_cmp(best, second, &reason);
        *why = reason;
    }
    return best;
}

IPOFACTS_API ipofacts_status ipofacts_period_find_fact(const ipofacts_fact **out, ipofacts_preference *why,
                                                       const ipofacts_period *period, const char *concept_id,
                                                       const char *segment)
{
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    *out = NULL;
    if (period == NULL || concept_id == NULL)
        return IPOFACTS_E_INVALID;
    size_t n;
    const uint32_t *m = ipf_dataset_period_facts(period, concept_id, segment, &n);
    if (n == 0)
        return IPOFACTS_E_NOT_FOUND;
    *out = preferred_of(period->company->facts, m, n, why);
    return IPOFACTS_OK;
}

const ipofacts_fact *ipf_dataset_period_find_concept(const ipofacts_period *period, unsigned concept)
{
    if (period == NULL || concept == IPOFACTS_CONCEPT_OTHER || concept >= IPOFACTS_CONCEPT_COUNT)
        return NULL;
    /* A known concept's number stands for one id, and the sorted positions
     * keep the facts of one id with no segment adjacent, in file order: the
     * run found by number is the run found by id, in the same order. */
    const uint32_t *s = period->sorted;
    const ipofacts_fact *facts = period->company->facts;
    size_t n = period->fact_count, i = 0;
    while (i < n && !(facts[s[i]].concept == concept && facts[s[i]].segment == NULL))
        i++;
    if (i == n)
        return NULL;
    size_t end = i + 1;
    while (end < n && facts[s[end]].concept == concept && facts[s[end]].segment == NULL)
        end++;
    return preferred_of(facts, s + i, end - i, NULL);
}

IPOFACTS_API ipofacts_status ipofacts_period_fact(const ipofacts_period *period, ipofacts_concept concept,
                                                  const ipofacts_fact **out)
{
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    *out = NULL;
    const char *id = ipofacts_concept_id(concept);
    if (period == NULL || id == NULL)
        return IPOFACTS_E_INVALID;
    return ipofacts_period_find_fact(out, NULL, period, id, NULL);
}

/* ------------------------------------------------------------------ */
/* Facts                                                               */
/* ------------------------------------------------------------------ */

IPOFACTS_API const char *ipofacts_fact_concept_id(const ipofacts_fact *fact)
{
    return fact != NULL ? fact->concept_id : NULL;
}

IPOFACTS_API ipofacts_concept ipofacts_fact_concept(const ipofacts_fact *fact)
{
    return fact != NULL ? (ipofacts_concept)fact->concept : IPOFACTS_CONCEPT_OTHER;
}

IPOFACTS_API const char *ipofacts_fact_segment(const ipofacts_fact *fact)
{
    return fact != NULL ? fact->segment : NULL;
}

IPOFACTS_API const char *ipofacts_fact_unit(const ipofacts_fact *fact)
{
    return fact != NULL ? fact->unit : NULL;
}

IPOFACTS_API ipofacts_decimal ipofacts_fact_value(const ipofacts_fact *fact)
{
    if (fact == NULL) {
        ipofacts_decimal zero = {0, 0, 0};
        return zero;
    }
    return fact->value;
}

IPOFACTS_API ipofacts_status ipofacts_fact_upper(ipofacts_decimal *out, const ipofacts_fact *fact)
{
    if (out == NULL || fact == NULL)
        return IPOFACTS_E_INVALID;
    const ipofacts_decimal *upper = ipf_fact_upper(fact);
    if (upper == NULL)
        return IPOFACTS_E_NOT_FOUND;
    *out = *upper;
    return IPOFACTS_OK;
}

IPOFACTS_API int32_t ipofacts_fact_decimals(const ipofacts_fact *fact)
{
    return fact != NULL ? fact->decimals : 0;
}

IPOFACTS_API ipofacts_qualifier ipofacts_fact_qualifier(const ipofacts_fact *fact)
{
    return fact != NULL ? (ipofacts_qualifier)fact->qualifier : IPOFACTS_QUALIFIER_EXACT;
}

IPOFACTS_API ipofacts_status ipofacts_fact_interval(ipofacts_interval *out, const ipofacts_fact *fact)
{
    if (out == NULL || fact == NULL)
        return IPOFACTS_E_INVALID;
    return ipofacts_reported_interval(out, &fact->value, ipf_fact_upper(fact), fact->decimals,
                                      (ipofacts_qualifier)fact->qualifier);
}

IPOFACTS_API const ipofacts_period *ipofacts_fact_period(const ipofacts_fact *fact)
{
    return fact != NULL ? fact->period : NULL;
}

IPOFACTS_API const ipofacts_company *ipofacts_fact_company(const ipofacts_fact *fact)
{
    return fact != NULL ? ipf_fact_company(fact) : NULL;
}

IPOFACTS_API const char *ipofacts_fact_note(const ipofacts_fact *fact)
{
    return fact != NULL ? ipf_fact_note(fact) : NULL;
}

IPOFACTS_API const char *ipofacts_fact_id(const ipofacts_fact *fact)
{
    return fact != NULL ? fact->id : NULL;
}

IPOFACTS_API size_t ipofacts_fact_source_count(const ipofacts_fact *fact)
{
    return fact != NULL ? fact->citation_count : 0;
}

IPOFACTS_API const ipofacts_source *ipofacts_fact_source(const ipofacts_fact *fact, size_t index)
{
    if (fact == NULL || index >= fact->citation_count)
        return NULL;
    return fact->citations[index].source;
}

IPOFACTS_API const char *ipofacts_fact_quote(const ipofacts_fact *fact, size_t index)
{
    if (fact == NULL || index >= fact->citation_count)
        return NULL;
    return fact->citations[index].text;
}
