/*
 * Memoised look-ups for values-only ratios over a whole company or
 * dataset (ipofacts_dataset_ratio_table()): the preferred fact of a
 * concept in a period, the operand of a fact, comparable periods and
 * exchange rates are each worked out once per company instead of once per
 * ratio. The rules stay where they are (ratio_company.c, ratio_util.c);
 * this only remembers their answers. Keys are pointers into the dataset
 * and to the library's constant strings, which do not change while a
 * batch runs; an entry lives until ipf_cache_reset().
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "dataset_internal.h"
#include "ratio_company.h"

#define MEMO_SLOTS 8192u   /* power of two; a company needs a few hundred to a few thousand */
#define MEMO_LIMIT 6144u   /* stop remembering at 3/4 full: probes stay short */
#define OPERAND_SLOTS 2048u
#define ARENA_SIZE ((size_t)256 * 1024) /* lists of candidate periods of one company */
#define CONCEPT_SLOTS 64u  /* concept id strings the batch asks for, by address */

typedef struct memo_entry {
    uintptr_t k1, k2, k3;
    uint32_t tag;
    uint32_t gen; /* valid when equal to the cache's generation */
    ipf_memo value;
} memo_entry;

typedef struct operand_entry {
    const ipofacts_fact *fact;
    uint32_t gen;
    ipofacts_ratio value;
} operand_entry;

/* The number of a concept id string, remembered by the string's address. */
typedef struct concept_entry {
    const char *id;
    uint32_t gen;
    uint16_t number;
} concept_entry;

/* Marks a (period, concept) whose preferred fact is not looked up yet. */
static const ipofacts_fact not_looked_up;

struct ipf_ratio_cache {
    uint32_t gen;
    uint32_t concepts_used;
    concept_entry concepts[CONCEPT_SLOTS];
    /* The preferred fact with no segment of each (period, known concept) of
     * one company, by period index and concept number: &not_looked_up until
     * looked up, then the fact or NULL. */
    const ipofacts_company *by_concept_of;
    const ipofacts_fact **by_concept;
    size_t by_concept_cap;
    uint32_t used;
    uint32_t operands_used;
    memo_entry *slots;
    operand_entry *operands;
    unsigned char *arena;
    size_t arena_used;
    const ipofacts_company *periods_of; /* whose periods `periods` holds, or NULL */
    ipf_period_info *periods;
    size_t periods_cap;
};

ipf_ratio_cache *ipf_cache_new(void)
{
    ipf_ratio_cache *c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    c->slots = calloc(MEMO_SLOTS, sizeof *c->slots);
    c->operands = calloc(OPERAND_SLOTS, sizeof *c->operands);
    c->arena = malloc(ARENA_SIZE);
    if (c->slots == NULL || c->operands == NULL || c->arena == NULL) {
        ipf_cache_free(c);
        return NULL;
    }
    c->gen = 1;
    return c;
}

void ipf_cache_free(ipf_ratio_cache *cache)
{
    if (cache == NULL)
        return;
    free(cache->slots);
    free(cache->operands);
    free(cache->periods);
    free(cache->by_concept);
    free(cache->arena);
    free(cache);
}

void ipf_cache_reset(ipf_ratio_cache *cache)
{
    if (cache == NULL)
        return;
    cache->used = 0;
    cache->operands_used = 0;
    cache->periods_of = NULL;
    cache->by_concept_of = NULL;
    cache->concepts_used = 0;
    cache->arena_used = 0;
    if (++cache->gen == 0) {
        /* The generation wrapped: clear for real. */
        memset(cache->slots, 0, MEMO_SLOTS * sizeof *cache->slots);
        memset(cache->operands, 0, OPERAND_SLOTS * sizeof *cache->operands);
        memset(cache->concepts, 0, sizeof cache->concepts);
        cache->gen = 1;
    }
}

static uint32_t mix(uint64_t h)
{
    h ^= h >> 33;
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33;
    h *= UINT64_C(0xc4ceb9fe1a85ec53);
    h ^= h >> 33;
    return (uint32_t)h;
}

static uint32_t hash_key(int tag, uintptr_t k1, uintptr_t k2, uintptr_t k3)
{
    uint64_t h = (uint64_t)k1 * UINT64_C(0x9e3779b97f4a7c15);
    h ^= (uint64_t)k2 + UINT64_C(0x632be59bd9b4e019) + (h << 6) + (h >> 2);
    h ^= (uint64_t)k3 * UINT64_C(0x85ebca77c2b2ae63) + (uint64_t)tag;
    return mix(h);
}

int ipf_cache_get(const ipf_ratio_cache *cache, int tag, uintptr_t k1, uintptr_t k2, uintptr_t k3, ipf_memo *out)
{
    if (cache == NULL)
        return 0;
    uint32_t i = hash_key(tag, k1, k2, k3) & (MEMO_SLOTS - 1);
    for (;;) {
        const memo_entry *e = &cache->slots[i];
        if (e->gen != cache->gen)
            return 0;
        if (e->tag == (uint32_t)tag && e->k1 == k1 && e->k2 == k2 && e->k3 == k3) {
            *out = e->value;
            return 1;
        }
        i = (i + 1) & (MEMO_SLOTS - 1);
    }
}

void ipf_cache_put(ipf_ratio_cache *cache, int tag, uintptr_t k1, uintptr_t k2, uintptr_t k3, const ipf_memo *value)
{
    if (cache == NULL || cache->used >= MEMO_LIMIT)
        return;
    uint32_t i = hash_key(tag, k1, k2, k3) & (MEMO_SLOTS - 1);
    for (;;) {
        memo_entry *e = &cache->slots[i];
        if (e->gen != cache->gen) {
            e->k1 = k1;
            e->k2 = k2;
            e->k3 = k3;
            e->tag = (uint32_t)tag;
            e->gen = cache->gen;
            e->value = *value;
            cache->used++;
            return;
        }
        if (e->tag == (uint32_t)tag && e->k1 == k1 && e->k2 == k2 && e->k3 == k3) {
            e->value = *value;
            return;
        }
        i = (i + 1) & (MEMO_SLOTS - 1);
    }
}

const ipofacts_ratio *ipf_cache_operand(const ipf_ratio_cache *cache, const ipofacts_fact *fact)
{
    if (cache == NULL)
        return NULL;
    uint32_t i = mix((uint64_t)(uintptr_t)fact) & (OPERAND_SLOTS - 1);
    for (;;) {
        const operand_entry *e = &cache->operands[i];
        if (e->gen != cache->gen)
            return NULL;
        if (e->fact == fact)
            return &e->value;
        i = (i + 1) & (OPERAND_SLOTS - 1);
    }
}

void ipf_cache_put_operand(ipf_ratio_cache *cache, const ipofacts_fact *fact, const ipofacts_ratio *value)
{
    if (cache == NULL || cache->operands_used >= OPERAND_SLOTS * 3 / 4)
        return;
    uint32_t i = mix((uint64_t)(uintptr_t)fact) & (OPERAND_SLOTS - 1);
    for (;;) {
        operand_entry *e = &cache->operands[i];
        if (e->gen != cache->gen) {
            e->fact = fact;
            e->gen = cache->gen;
            e->value = *value;
            cache->operands_used++;
            return;
        }
        if (e->fact == fact)
            return;
        i = (i + 1) & (OPERAND_SLOTS - 1);
    }
}

/* The concept number of an id string (IPOFACTS_CONCEPT_OTHER for an id that
 * is not a known concept), remembered by the string's address. */
static unsigned concept_number(ipf_ratio_cache *cache, const char *id)
{
    uint32_t i = mix((uint64_t)(uintptr_t)id) & (CONCEPT_SLOTS - 1);
    for (;;) {
        concept_entry *e = &cache->concepts[i];
        if (e->gen != cache->gen) {
            unsigned number = (unsigned)ipofacts_concept_from_id(id);
            if (cache->concepts_used < CONCEPT_SLOTS * 3 / 4) {
                e->id = id;
                e->gen = cache->gen;
                e->number = (uint16_t)number;
                cache->concepts_used++;
            }
            return number;
        }
        if (e->id == id)
            return e->number;
        i = (i + 1) & (CONCEPT_SLOTS - 1);
    }
}

/* Where the preferred fact of a known concept with no segment in p is kept;
 * NULL when memory runs out (the caller then looks it up by id). */
static const ipofacts_fact **by_concept_slot(ipf_ratio_cache *cache, const ipofacts_period *p, unsigned concept)
{
    const ipofacts_company *c = p->company;
    size_t n = c->period_count;
    if (cache->by_concept_of != c) {
        if (n > SIZE_MAX / IPOFACTS_CONCEPT_COUNT / sizeof *cache->by_concept)
            return NULL;
        size_t need = n * IPOFACTS_CONCEPT_COUNT;
        if (need > cache->by_concept_cap) {
            const ipofacts_fact **t = realloc(cache->by_concept, need * sizeof *t);
            if (t == NULL)
                return NULL;
            cache->by_concept = t;
            cache->by_concept_cap = need;
        }
        for (size_t i = 0; i < need; i++)
            cache->by_concept[i] = &not_looked_up;
        cache->by_concept_of = c;
    }
    if (p->index >= n)
        return NULL;
    return &cache->by_concept[p->index * IPOFACTS_CONCEPT_COUNT + concept];
}

const ipofacts_fact *ipf_cache_find(ipf_ratio_cache *cache, const ipofacts_period *p, const char *concept_id,
                                    const char *segment)
{
    ipf_memo m;
    if (cache == NULL || p == NULL || concept_id == NULL)
        return ipf_find(p, concept_id, segment);
    if (segment == NULL) {
        /* A known concept: by number, straight from a table of the company. */
        unsigned k = concept_number(cache, concept_id);
        const ipofacts_fact **slot = k != IPOFACTS_CONCEPT_OTHER ? by_concept_slot(cache, p, k) : NULL;
        if (slot != NULL) {
            if (*slot == &not_looked_up)
                *slot = ipf_dataset_period_find_concept(p, k);
            return *slot;
        }
    }
    if (ipf_cache_get(cache, IPF_MEMO_FIND, (uintptr_t)p, (uintptr_t)concept_id, (uintptr_t)segment, &m))
        return m.ptr;
    const ipofacts_fact *f = ipf_find(p, concept_id, segment);
    m.ptr = f;
    m.a = m.b = 0;
    ipf_cache_put(cache, IPF_MEMO_FIND, (uintptr_t)p, (uintptr_t)concept_id, (uintptr_t)segment, &m);
    return f;
}

const ipofacts_fact *ipf_cache_find_segment_revenue(ipf_ratio_cache *cache, const ipofacts_period *p,
                                                    const char *segment)
{
    const ipofacts_fact *f = ipf_cache_find(cache, p, "segment_revenue", segment);
    if (f == NULL && segment != NULL)
        f = ipf_cache_find(cache, p, "revenue", segment);
    return f;
}

void ipf_period_info_of(ipf_period_info *out, const ipofacts_period *p)
{
    out->period = p;
    out->instant = ipofacts_period_is_instant(p);
    out->months = ipofacts_period_months(p);
    ipofacts_date e = ipofacts_period_end(p);
    out->end = ipf_date_days(&e);
    if (out->instant) {
        out->start = 0;
    } else {
        ipofacts_date s = ipofacts_period_start(p);
        out->start = ipf_date_days(&s);
    }
}

const ipf_period_info *ipf_cache_periods(ipf_ratio_cache *cache, const ipofacts_company *c)
{
    if (cache == NULL)
        return NULL;
    if (cache->periods_of == c)
        return cache->periods;
    size_t n = ipofacts_company_period_count(c);
    if (n > cache->periods_cap) {
        ipf_period_info *p = realloc(cache->periods, n * sizeof *p);
        if (p == NULL)
            return NULL;
        cache->periods = p;
        cache->periods_cap = n;
    }
    for (size_t i = 0; i < n; i++)
        ipf_period_info_of(&cache->periods[i], ipofacts_company_period(c, i));
    cache->periods_of = c;
    return cache->periods;
}

void *ipf_cache_alloc(ipf_ratio_cache *cache, size_t size)
{
    const size_t align = sizeof(max_align_t);
    if (cache == NULL || size > ARENA_SIZE - cache->arena_used)
        return NULL;
    void *p = cache->arena + cache->arena_used;
    cache->arena_used += (size + align - 1) / align * align;
    if (cache->arena_used > ARENA_SIZE)
        cache->arena_used = ARENA_SIZE;
    return p;
}
