/*
 * Internal: the structures behind the dataset handles of ipofacts/dataset.h,
 * the arena that owns them, the JSON helpers the loader and the writer share,
 * and the lookups other layers (ratios, check, import) use. Not installed;
 * nothing here is exported.
 *
 * A dataset is built once by the loader and never changed afterwards, so
 * every function here that takes a const handle may be called from any
 * number of threads at once.
 */
#ifndef IPOFACTS_LIB_DATASET_INTERNAL_H
#define IPOFACTS_LIB_DATASET_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "ipofacts/dataset.h"

/* ------------------------------------------------------------------ */
/* Arena: every string and object of a dataset lives in one arena      */
/* ------------------------------------------------------------------ */

typedef struct ipf_dataset_chunk ipf_dataset_chunk;

/* Objects are carved from the low end of the newest chunk, 16-byte aligned;
 * strings from its high end, byte-aligned (a string needs no alignment, and
 * rounding each to 16 bytes would waste a third of their space). */
typedef struct ipf_dataset_arena {
    ipf_dataset_chunk *head; /* newest chunk first */
    char *cur;               /* next free byte of the head chunk for objects */
    size_t left;             /* free bytes after cur: strings end at cur + left */
} ipf_dataset_arena;

/* Zero-filled, 16-byte aligned memory that lives until the arena is freed;
 * NULL when memory runs out or size * count overflows. */
void *ipf_dataset_arena_alloc(ipf_dataset_arena *a, size_t count, size_t size);
/* A NUL-terminated copy of n bytes of s, not aligned; NULL when memory runs
 * out. */
char *ipf_dataset_arena_strndup(ipf_dataset_arena *a, const char *s, size_t n);
/* Frees every chunk; the arena is empty afterwards. */
void ipf_dataset_arena_free(ipf_dataset_arena *a);

/* ------------------------------------------------------------------ */
/* Model                                                               */
/* ------------------------------------------------------------------ */

/* A key -> string pair: a name by language, an identifier by scheme. */
typedef struct ipf_pair {
    const char *key;
    const char *value;
} ipf_pair;

/* Members of an object this version does not know, kept for writing back:
 * each text is `"key": value` in canonical form at indentation 0 (nested
 * lines start with their relative indentation; the writer adds the
 * object's). NULL when an object has none. */
typedef struct ipf_extras {
    size_t count;
    struct {
        const char *text;
        size_t len;
    } items[];
} ipf_extras;

/* A citation: a source and the literal text of the figure in it. The
 * unknown members of citations, rare, are kept beside the array of
 * citations by its owner (citation_extras), not in every citation. */
typedef struct ipf_citation {
    const ipofacts_source *source;
    const char *text; /* NULL when the file gives none */
} ipf_citation;

struct ipofacts_source {
    const char *id;
    const char *publisher, *title, *author, *document, *language, *url; /* NULL when unknown */
    ipofacts_date date;
    uint32_t rank;     /* 2 when the file gives none */
    uint8_t has_rank;  /* the file gave a rank */
    size_t index;      /* position in the dataset's sources */
    const ipf_extras *extras;
};

struct ipofacts_person {
    const char *id;
    const ipf_pair *names;
    size_t name_count;
    const char *role;
    ipofacts_date born;
    const ipf_citation *citations;
    size_t citation_count;
    /* The unknown members of each citation (citation_count entries, NULL
     * for a citation with none); NULL when no citation has any. */
    const ipf_extras *const *citation_extras;
    const ipf_extras *extras;
};

struct ipofacts_member {
    const char *id;
    ipofacts_member_kind kind;
    const ipf_pair *names;
    size_t name_count;
    ipofacts_date date;
    const char *const *related; /* member ids of the same company */
    size_t related_count;
    const ipf_extras *extras;
};

struct ipofacts_event {
    const char *kind;
    ipofacts_date date;
    const char *note;
    const ipf_citation *citations;
    size_t citation_count;
    const ipf_extras *const *citation_extras; /* as in ipofacts_person */
    const ipf_extras *extras;
};

struct ipofacts_period {
    const ipofacts_company *company;
    const char *id;
    const char *label;     /* NULL when the file gives none: the id is the label */
    ipofacts_date start;   /* precision UNKNOWN for an instant */
    ipofacts_date end;     /* the instant's date for an instant */
    int32_t months;        /* whole months of a duration (the nearest when not whole); 0 for an instant */
    uint8_t is_instant;
    size_t index;          /* position in the company's periods */
    /* Facts of this period in file order, as positions in the company's
     * facts (4 bytes each instead of a pointer's 8). */
    const uint32_t *facts;
    size_t fact_count;
    /* The same facts sorted by (concept id, segment with NULL first, file
     * order): equal (concept, segment) facts are adjacent. */
    const uint32_t *sorted;
    const ipf_extras *extras;
};

/* ipofacts_fact::flags */
#define IPF_FACT_HAS_QUALIFIER 1u /* the file gave a qualifier (even "exact") */
#define IPF_FACT_HAS_UPPER 2u     /* the rare part's upper is meaningful (a range) */

/* The members a fact seldom has, allocated only for the facts that have one
 * of them. */
typedef struct ipf_fact_rare {
    ipofacts_decimal upper;                   /* with IPF_FACT_HAS_UPPER */
    const char *note;                         /* NULL when none */
    const ipf_extras *extras;                 /* the fact's unknown members */
    const ipf_extras *const *citation_extras; /* as in ipofacts_person */
} ipf_fact_rare;

/*
 * A fact: 88 bytes, the bulk of a dataset. Its company is its period's
 * (ipf_fact_company()); its position in the company's facts, the file
 * order, is its place in the company's array, so comparing two pointers
 * to facts of one company compares their positions. Read the rare members
 * through ipf_fact_upper(), ipf_fact_note(), ipf_fact_extras() and
 * ipf_fact_citation_extras().
 */
struct ipofacts_fact {
    ipofacts_decimal value;
    const char *concept_id;        /* interned */
    const char *segment;           /* interned member id, NULL for the whole company */
    const char *unit;              /* interned */
    const char *id;                /* NULL when the file gives none */
    const ipofacts_period *period;
    const ipf_citation *citations; /* at least one */
    const ipf_fact_rare *rare;     /* NULL when the fact has none of them */
    uint32_t citation_count;
    uint32_t best_rank;            /* the lowest rank of its sources */
    int32_t decimals;              /* IPOFACTS_DECIMALS_INF when exact */
    uint16_t concept;              /* an ipofacts_concept */
    uint8_t qualifier;             /* an ipofacts_qualifier */
    uint8_t flags;                 /* IPF_FACT_* */
};

struct ipofacts_company {
    const ipofacts_dataset *dataset;
    size_t index;
    const char *id;
    const ipf_pair *names;    /* at least one */
    size_t name_count;
    const char *exchange, *ticker, *currency;
    const ipf_pair *identifiers;
    size_t identifier_count;
    ipofacts_date founded, listed;
    int32_t fiscal_year_end;  /* 12 when the file gives none */
    uint8_t has_fiscal_year_end;
    const ipofacts_person *people;
    size_t person_count;
    const ipofacts_member *members;
    size_t member_count;
    const ipofacts_member *const *members_by_id;   /* sorted by id */
    const ipofacts_event *events;
    size_t event_count;
    const ipofacts_period *periods;
    size_t period_count;
    const ipofacts_period *const *periods_by_id;    /* sorted by id */
    const ipofacts_period *const *periods_by_label; /* sorted by label (the id when none) */
    const ipofacts_period *const *periods_by_dates; /* sorted by ipf_dataset_period_dates_cmp */
    const ipofacts_fact *facts; /* file order */
    size_t fact_count;
    const ipf_extras *extras;
};

/* What a company lookup key names (ipofacts_dataset_find_company). */
typedef enum ipf_company_key_kind {
    IPF_COMPANY_KEY_ID = 0,
    IPF_COMPANY_KEY_NAME = 1,
    IPF_COMPANY_KEY_TICKER = 2
} ipf_company_key_kind;

typedef struct ipf_company_key {
    uint32_t kind;          /* an ipf_company_key_kind */
    const char *key;        /* normalised: ASCII lower case; tickers also without suffix and leading zeros */
    const ipofacts_company *company;
} ipf_company_key;

struct ipofacts_dataset {
    ipf_dataset_arena arena;
    const ipofacts_source *sources;
    size_t source_count;
    const ipofacts_source *const *sources_by_id; /* sorted by id */
    const ipofacts_company *companies;
    size_t company_count;
    const ipf_company_key *company_keys; /* sorted by (kind, key, company index) */
    size_t company_key_count;
    size_t fact_count;
    const ipf_extras *extras;
};

/* ------------------------------------------------------------------ */
/* Fact members that are not stored as they are read                   */
/* ------------------------------------------------------------------ */

static inline const ipofacts_company *ipf_fact_company(const ipofacts_fact *f)
{
    return f->period->company;
}

/* The upper end of a range; NULL unless IPF_FACT_HAS_UPPER. */
static inline const ipofacts_decimal *ipf_fact_upper(const ipofacts_fact *f)
{
    return (f->flags & IPF_FACT_HAS_UPPER) ? &f->rare->upper : NULL;
}

static inline const char *ipf_fact_note(const ipofacts_fact *f)
{
    return f->rare != NULL ? f->rare->note : NULL;
}

static inline const ipf_extras *ipf_fact_extras(const ipofacts_fact *f)
{
    return f->rare != NULL ? f->rare->extras : NULL;
}

static inline const ipf_extras *const *ipf_fact_citation_extras(const ipofacts_fact *f)
{
    return f->rare != NULL ? f->rare->citation_extras : NULL;
}

/*
 * Sets the rare members of a fact being loaded (upper NULL when the fact is
 * not a range; the others NULL when absent): allocates its ipf_fact_rare in
 * the arena only when one of them is present, and sets IPF_FACT_HAS_UPPER
 * with an upper. Returns IPOFACTS_OK or IPOFACTS_E_NOMEM.
 */
ipofacts_status ipf_dataset_fact_set_rare(ipf_dataset_arena *a, ipofacts_fact *f, const ipofacts_decimal *upper,
                                          const char *note, const ipf_extras *extras,
                                          const ipf_extras *const *citation_extras);

/* ------------------------------------------------------------------ */
/* Lookups for other layers                                            */
/* ------------------------------------------------------------------ */

/*
 * The facts of a period with this concept id and segment (NULL: the whole
 * company), in file order, as positions in the company's facts: *count of
 * them starting at the returned pointer (inside period->sorted). Returns
 * NULL with *count 0 when none match.
 */
const uint32_t *ipf_dataset_period_facts(const ipofacts_period *period, const char *concept_id, const char *segment,
                                         size_t *count);

/*
 * Orders two facts by the preference rule: negative when a is preferred over
 * b, positive when b is, 0 never for distinct facts of one company (file
 * order breaks ties). When reason is not NULL it receives the first
 * criterion that decided (IPOFACTS_PREFER_PRECISION for the qualifier or the
 * decimals, then SOURCE_RANK, SOURCE_COUNT, FILE_ORDER).
 */
int ipf_dataset_fact_prefer_cmp(const ipofacts_fact *a, const ipofacts_fact *b, ipofacts_preference *reason);
/* The preferred fact of a known concept (not IPOFACTS_CONCEPT_OTHER) with no
 * segment in period, found by the facts' concept numbers instead of their id
 * strings: the fact ipofacts_period_find_fact() gives for the concept's id
 * and a NULL segment, or NULL when there is none (or for OTHER, an unknown
 * number, a NULL period). */
const ipofacts_fact *ipf_dataset_period_find_concept(const ipofacts_period *period, unsigned concept);

/* Orders periods by (end, instant after duration, start). */
int ipf_dataset_period_dates_cmp(const ipofacts_period *a, const ipofacts_period *b);

/* Builds the sorted indexes of a loaded dataset (companies, sources,
 * periods, members, company keys). Returns IPOFACTS_OK or IPOFACTS_E_NOMEM. */
ipofacts_status ipf_dataset_build_indexes(ipofacts_dataset *ds);

/* The kind name of a member ("segment", "round"); NULL for an unknown kind. */
const char *ipf_dataset_member_kind_name(ipofacts_member_kind kind);
/* The kind of a member kind name; returns 0 when the name is unknown. */
int ipf_dataset_member_kind_from_name(const char *name, ipofacts_member_kind *out);

/* ------------------------------------------------------------------ */
/* JSON text helpers shared by the loader and the writer               */
/* ------------------------------------------------------------------ */

/* A growable byte buffer; failed appends set oom and keep it consistent. */
typedef struct ipf_json_buf {
    char *data;
    size_t len;
    size_t cap;
    int oom;
} ipf_json_buf;

void ipf_json_buf_append(ipf_json_buf *b, const char *s, size_t n);
void ipf_json_buf_puts(ipf_json_buf *b, const char *s);
void ipf_json_buf_indent(ipf_json_buf *b, unsigned indent);
/* Appends s (n bytes of UTF-8) as a JSON string in canonical form: quotes,
 * backslashes and control characters escaped, everything else as is. */
void ipf_json_buf_string(ipf_json_buf *b, const char *s, size_t n);

/*
 * Appends the JSON value that starts at text[pos] (valid JSON, as the
 * loader's scanner checked it) in canonical form, nested lines indented by
 * indent + 2, 4, ... spaces. Numbers are copied as written. Returns the
 * offset just after the value.
 */
size_t ipf_json_canonical_value(ipf_json_buf *b, const char *text, size_t len, size_t pos, unsigned indent);

/* Offset of the first byte at or after pos that is not JSON white space. */
size_t ipf_json_skip_ws(const char *text, size_t len, size_t pos);
/* Offset just after the valid JSON value that starts at text[pos]. */
size_t ipf_json_skip_value(const char *text, size_t len, size_t pos);
/* Offset just after the JSON string that starts at text[pos] (a quote). */
size_t ipf_json_skip_string(const char *text, size_t len, size_t pos);
/* Decodes the valid JSON string at text[pos] (a quote) into b, without
 * quotes; returns the offset after it. */
size_t ipf_json_decode_string(ipf_json_buf *b, const char *text, size_t len, size_t pos);

#endif /* IPOFACTS_LIB_DATASET_INTERNAL_H */
