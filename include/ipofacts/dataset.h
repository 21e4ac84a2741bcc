/**
 * @file ipofacts/dataset.h
 * @brief Companies, periods, facts and sources: the dataset, its JSON codec
 *        and the built-in data.
 *
 * A dataset is immutable once loaded: any number of threads may read it at
 * once. Every handle it gives out (company, period, fact, source, member,
 * person, event) is borrowed: it stays valid until ipofacts_dataset_free()
 * and must not be freed by the caller. Strings returned by accessors are
 * borrowed the same way, UTF-8 and NUL-terminated.
 */
#ifndef IPOFACTS_DATASET_H
#define IPOFACTS_DATASET_H

#include "common.h"
#include "value.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A set of companies and the sources their facts cite. Opaque; owned by the caller. */
typedef struct ipofacts_dataset ipofacts_dataset;
/** @brief One company's profile, periods and facts. Opaque; borrowed from its dataset. */
typedef struct ipofacts_company ipofacts_company;
/** @brief A duration or an instant of one company. Opaque; borrowed from its dataset. */
typedef struct ipofacts_period ipofacts_period;
/** @brief One reported figure with its provenance. Opaque; borrowed from its dataset. */
typedef struct ipofacts_fact ipofacts_fact;
/** @brief A document that reports facts (an article, a prospectus, a filing). Opaque; borrowed. */
typedef struct ipofacts_source ipofacts_source;
/** @brief A named member a fact may be about: a segment, a holder, an investor, a round. Opaque; borrowed. */
typedef struct ipofacts_member ipofacts_member;
/** @brief A person of a company's profile. Opaque; borrowed. */
typedef struct ipofacts_person ipofacts_person;
/** @brief A dated event of a company (founded, listed, round closed), with sources. Opaque; borrowed. */
typedef struct ipofacts_event ipofacts_event;

/* ------------------------------------------------------------------ */
/* Concepts                                                            */
/* ------------------------------------------------------------------ */

/**
 * @brief The concepts the library knows by number. Each has a stable string
 *        id (ipofacts_concept_id()); facts of other concepts load too and are
 *        reached by id, with IPOFACTS_CONCEPT_OTHER as their number. Values
 *        are never renumbered; new concepts are appended.
 */
typedef enum ipofacts_concept {
    IPOFACTS_CONCEPT_OTHER = 0,                  /**< A concept known only by its string id. */
    IPOFACTS_CONCEPT_REVENUE = 1,                /**< "revenue" (duration, currency). */
    IPOFACTS_CONCEPT_COST_OF_SALES = 2,          /**< "cost_of_sales", positive (duration, currency). */
    IPOFACTS_CONCEPT_GROSS_PROFIT = 3,           /**< "gross_profit" (duration, currency). */
    IPOFACTS_CONCEPT_GROSS_MARGIN = 4,           /**< "gross_margin", reported (duration, pure). */
    IPOFACTS_CONCEPT_RD_EXPENSE = 5,             /**< "rd_expense", positive (duration, currency). */
    IPOFACTS_CONCEPT_NET_INCOME = 6,             /**< "net_income", negative for a loss (duration, currency). */
    IPOFACTS_CONCEPT_ADJUSTED_NET_INCOME = 7,    /**< "adjusted_net_income", non-GAAP, negative for a loss. */
    IPOFACTS_CONCEPT_OPERATING_CASH_FLOW = 8,    /**< "operating_cash_flow" (duration, currency). */
    IPOFACTS_CONCEPT_CAPITAL_EXPENDITURE = 9,    /**< "capital_expenditure", positive (duration, currency). */
    IPOFACTS_CONCEPT_CASH = 10,                  /**< "cash": cash and cash equivalents (instant, currency). */
    IPOFACTS_CONCEPT_CASH_AND_INVESTMENTS = 11,  /**< "cash_and_investments": cash plus financial investments (instant). */
    IPOFACTS_CONCEPT_REVENUE_GROWTH = 12,        /**< "revenue_growth": reported year-over-year growth (duration, pure). */
    IPOFACTS_CONCEPT_REVENUE_SHARE = 13,         /**< "revenue_share": a segment's or region's share of revenue (pure). */
    IPOFACTS_CONCEPT_RD_INTENSITY = 14,          /**< "rd_intensity": reported R&D / revenue (pure). */
    IPOFACTS_CONCEPT_TOP1_CUSTOMER_SHARE = 15,   /**< "top1_customer_share" of revenue (pure). */
    IPOFACTS_CONCEPT_TOP5_CUSTOMER_SHARE = 16,   /**< "top5_customer_share" of revenue (pure). */
    IPOFACTS_CONCEPT_USERS = 17,                 /**< "users": cumulative users (instant, users). */
    IPOFACTS_CONCEPT_MONTHLY_ACTIVE_USERS = 18,  /**< "monthly_active_users" (users). */
    IPOFACTS_CONCEPT_PAYING_USERS = 19,          /**< "paying_users" (users). */
    IPOFACTS_CONCEPT_ARPPU = 20,                 /**< "arppu": average revenue per paying user (currency). */
    IPOFACTS_CONCEPT_CUSTOMERS = 21,             /**< "customers": enterprise customers and developers served. */
    IPOFACTS_CONCEPT_PAYING_CUSTOMERS = 22,      /**< "paying_customers". */
    IPOFACTS_CONCEPT_EMPLOYEES = 23,             /**< "employees" (instant, people). */
    IPOFACTS_CONCEPT_CUMULATIVE_NET_LOSS = 24,   /**< "cumulative_net_loss" since founding, positive (instant). */
    IPOFACTS_CONCEPT_CUMULATIVE_RD_EXPENSE = 25, /**< "cumulative_rd_expense" since founding (instant). */
    IPOFACTS_CONCEPT_CUMULATIVE_FUNDING = 26,    /**< "cumulative_funding" raised since founding (instant). */
    IPOFACTS_CONCEPT_RUNWAY_MONTHS = 27,         /**< "runway_months": a reported cash runway claim (instant, months). */
    IPOFACTS_CONCEPT_OFFER_PRICE = 28,           /**< "offer_price" (instant at listing, currency/share). */
    IPOFACTS_CONCEPT_OPENING_PRICE = 29,         /**< "opening_price" on the first day (currency/share). */
    IPOFACTS_CONCEPT_FIRST_DAY_RETURN = 30,      /**< "first_day_return": reported opening or first-day gain (pure). */
    IPOFACTS_CONCEPT_MARKET_CAP = 31,            /**< "market_capitalization" (instant, currency). */
    IPOFACTS_CONCEPT_GROSS_PROCEEDS = 32,        /**< "gross_proceeds" of the offering (currency). */
    IPOFACTS_CONCEPT_NET_PROCEEDS = 33,          /**< "net_proceeds" of the offering (currency). */
    IPOFACTS_CONCEPT_PUBLIC_OVERSUBSCRIPTION = 34, /**< "public_oversubscription" of the public tranche (multiple). */
    IPOFACTS_CONCEPT_INTERNATIONAL_OVERSUBSCRIPTION = 35, /**< "international_oversubscription" (multiple). */
    IPOFACTS_CONCEPT_CORNERSTONE_INVESTMENT = 36, /**< "cornerstone_investment": one investor's (segment) or all (currency). */
    IPOFACTS_CONCEPT_FUNDING_AMOUNT = 37,        /**< "funding_amount" raised in a round (segment = round). */
    IPOFACTS_CONCEPT_PRE_MONEY_VALUATION = 38,   /**< "pre_money_valuation" of a round. */
    IPOFACTS_CONCEPT_POST_MONEY_VALUATION = 39,  /**< "post_money_valuation" of a round. */
    IPOFACTS_CONCEPT_OWNERSHIP_STAKE = 40,       /**< "ownership_stake" of a holder (segment), pure. */
    IPOFACTS_CONCEPT_HOLDING_VALUE = 41,         /**< "holding_value" of a holder's stake (currency). */
    IPOFACTS_CONCEPT_EXCHANGE_RATE = 42,         /**< "exchange_rate" (rate unit such as "HKD/USD"). */
    IPOFACTS_CONCEPT_SHARES_OUTSTANDING = 43,    /**< "shares_outstanding" (instant, shares). */
    IPOFACTS_CONCEPT_SEGMENT_REVENUE = 44,       /**< "segment_revenue": revenue of a segment (segment required). */
    IPOFACTS_CONCEPT_GROSS_MARGIN_SEGMENT = 45,  /**< "segment_gross_margin" (pure, segment required). */
    IPOFACTS_CONCEPT_OVERSEAS_REVENUE_SHARE = 46, /**< "overseas_revenue_share" (pure). */
    IPOFACTS_CONCEPT_VALUATION = 47,             /**< "valuation" reported without pre/post (currency). */
    IPOFACTS_CONCEPT_CUMULATIVE_SPENDING = 48,   /**< "cumulative_spending" since founding (instant). */
    IPOFACTS_CONCEPT_OPERATING_EXPENSE = 49,     /**< "operating_expense" (duration, currency). */
    IPOFACTS_CONCEPT_SEGMENT_GROWTH = 50         /**< "segment_revenue_growth" of a segment (pure). */
} ipofacts_concept;

/** @brief One past the largest concept number of this version. */
#define IPOFACTS_CONCEPT_COUNT 51

/**
 * @brief The stable string id of a concept ("revenue", "net_income").
 * @param[in] concept a concept number
 * @return A static string; NULL for IPOFACTS_CONCEPT_OTHER or an unknown number.
 */
IPOFACTS_API const char *ipofacts_concept_id(ipofacts_concept concept);

/**
 * @brief The number of a concept id.
 * @param[in] id a concept id, NUL-terminated
 * @return Its number, or IPOFACTS_CONCEPT_OTHER when the id is not one of ipofacts_concept.
 */
IPOFACTS_API ipofacts_concept ipofacts_concept_from_id(const char *id);

/**
 * @brief A short English label of a concept ("Revenue", "Cost of sales").
 * @param[in] concept a concept number
 * @return A static string; NULL for an unknown number.
 */
IPOFACTS_API const char *ipofacts_concept_label(ipofacts_concept concept);

/* ------------------------------------------------------------------ */
/* Opening, loading, saving                                            */
/* ------------------------------------------------------------------ */

/** @brief The dataset format version this library writes: the `format` member of a file. */
#define IPOFACTS_DATASET_FORMAT "ipofacts-dataset/1"

/**
 * @brief Opens the dataset compiled into the library (MiniMax and Zhipu, from
 *        the seed articles). No file is read.
 * @param[out] out the dataset; free it with ipofacts_dataset_free()
 * @return IPOFACTS_OK, IPOFACTS_E_NOMEM, IPOFACTS_E_INVALID for NULL.
 * Thread safety: may be called from any thread; each call gives a new dataset.
 */
IPOFACTS_API ipofacts_status ipofacts_dataset_open_builtin(ipofacts_dataset **out);

/**
 * @brief Loads a dataset from a JSON file (docs/data-format.md).
 *
 * Either the whole file loads or nothing does: on failure @p out is NULL.
 * @param[out] out   the dataset; free it with ipofacts_dataset_free()
 * @param[in]  path  file name
 * @param[out] error where and why loading failed; may be NULL
 * @return IPOFACTS_OK; IPOFACTS_E_IO; IPOFACTS_E_SYNTAX (malformed JSON);
 *         IPOFACTS_E_SCHEMA (wrong type, missing member); IPOFACTS_E_VERSION;
 *         IPOFACTS_E_UTF8; IPOFACTS_E_DUPLICATE; IPOFACTS_E_DATE;
 *         IPOFACTS_E_UNIT; IPOFACTS_E_OVERFLOW; IPOFACTS_E_REFERENCE;
 *         IPOFACTS_E_TOO_LARGE; IPOFACTS_E_NOMEM; IPOFACTS_E_INVALID.
 */
IPOFACTS_API ipofacts_status ipofacts_dataset_load_file(ipofacts_dataset **out, const char *path, ipofacts_error *error);

/**
 * @brief Loads a dataset from JSON text in memory.
 * @param[out] out   the dataset; free it with ipofacts_dataset_free()
 * @param[in]  data  the JSON text (need not be NUL-terminated); not kept
 * @param[in]  len   number of bytes
 * @param[out] error where and why loading failed; may be NULL
 * @return As ipofacts_dataset_load_file(), except IPOFACTS_E_IO.
 */
IPOFACTS_API ipofacts_status ipofacts_dataset_load_buffer(ipofacts_dataset **out, const char *data, size_t len,
                                                          ipofacts_error *error);

/**
 * @brief Saves a dataset as JSON, atomically: a temporary file in the same
 *        directory is written, flushed to disk and renamed over @p path, so
 *        @p path holds either the old or the new content, never a part.
 *
 * A file that was loaded in canonical form (as this function writes it)
 * saves back byte for byte, unknown members included.
 * @param[in]  dataset the dataset
 * @param[in]  path    file name
 * @param[out] error   why saving failed; may be NULL
 * @return IPOFACTS_OK, IPOFACTS_E_IO, IPOFACTS_E_NOMEM, IPOFACTS_E_INVALID.
 */
IPOFACTS_API ipofacts_status ipofacts_dataset_save_file(const ipofacts_dataset *dataset, const char *path,
                                                        ipofacts_error *error);

/**
 * @brief Writes a dataset as JSON into memory, in the canonical form of
 *        ipofacts_dataset_save_file().
 * @param[out] out  a NUL-terminated string; free it with ipofacts_string_free()
 * @param[out] len  its length in bytes; may be NULL
 * @param[in]  dataset the dataset
 * @return IPOFACTS_OK, IPOFACTS_E_NOMEM, IPOFACTS_E_INVALID.
 */
IPOFACTS_API ipofacts_status ipofacts_dataset_save_buffer(char **out, size_t *len, const ipofacts_dataset *dataset);

/**
 * @brief Frees a string the library allocated for the caller.
 * @param[in] s the string; NULL is allowed
 */
IPOFACTS_API void ipofacts_string_free(char *s);

/**
 * @brief Frees a dataset and every handle and string borrowed from it.
 * @param[in] dataset the dataset; NULL is allowed
 */
IPOFACTS_API void ipofacts_dataset_free(ipofacts_dataset *dataset);

/* ------------------------------------------------------------------ */
/* Dataset                                                             */
/* ------------------------------------------------------------------ */

/**
 * @brief Number of companies.
 * @param[in] dataset the dataset
 * @return The count (0 for NULL).
 */
IPOFACTS_API size_t ipofacts_dataset_company_count(const ipofacts_dataset *dataset);

/**
 * @brief The company at @p index, in file order.
 * @param[in] dataset the dataset
 * @param[in] index   0 to count - 1
 * @return The company, or NULL when @p index is out of range.
 */
IPOFACTS_API const ipofacts_company *ipofacts_dataset_company(const ipofacts_dataset *dataset, size_t index);

/**
 * @brief Finds a company by id, ticker (with or without an exchange suffix
 *        such as ".HK" and leading zeros: "00100", "100", "0100.HK") or any
 *        of its names in any language, ASCII case-insensitively. O(log n).
 * @param[in] dataset the dataset
 * @param[in] key     id, ticker or name, NUL-terminated UTF-8
 * @return The company, or NULL when none matches.
 */
IPOFACTS_API const ipofacts_company *ipofacts_dataset_find_company(const ipofacts_dataset *dataset, const char *key);

/**
 * @brief Number of sources.
 * @param[in] dataset the dataset
 * @return The count (0 for NULL).
 */
IPOFACTS_API size_t ipofacts_dataset_source_count(const ipofacts_dataset *dataset);

/**
 * @brief The source at @p index, in file order.
 * @param[in] dataset the dataset
 * @param[in] index   0 to count - 1
 * @return The source, or NULL when @p index is out of range.
 */
IPOFACTS_API const ipofacts_source *ipofacts_dataset_source(const ipofacts_dataset *dataset, size_t index);

/**
 * @brief Finds a source by id. O(log n).
 * @param[in] dataset the dataset
 * @param[in] id      the source id
 * @return The source, or NULL.
 */
IPOFACTS_API const ipofacts_source *ipofacts_dataset_find_source(const ipofacts_dataset *dataset, const char *id);

/**
 * @brief Total number of facts of all companies.
 * @param[in] dataset the dataset
 * @return The count (0 for NULL).
 */
IPOFACTS_API size_t ipofacts_dataset_fact_count(const ipofacts_dataset *dataset);

/* ------------------------------------------------------------------ */
/* Sources                                                             */
/* ------------------------------------------------------------------ */

/**
 * @brief Id of a source, unique in its dataset.
 * @param[in] source the source
 * @return Borrowed string; never NULL for a valid source.
 */
IPOFACTS_API const char *ipofacts_source_id(const ipofacts_source *source);
/**
 * @brief Publication that issued the source ("上海證券報").
 * @param[in] source the source
 * @return Borrowed string, or NULL when unknown.
 */
IPOFACTS_API const char *ipofacts_source_publisher(const ipofacts_source *source);
/**
 * @brief Title of the source.
 * @param[in] source the source
 * @return Borrowed string, or NULL when unknown.
 */
IPOFACTS_API const char *ipofacts_source_title(const ipofacts_source *source);
/**
 * @brief Author of the source.
 * @param[in] source the source
 * @return Borrowed string, or NULL when unknown.
 */
IPOFACTS_API const char *ipofacts_source_author(const ipofacts_source *source);
/**
 * @brief Publication date of the source.
 * @param[in] source the source
 * @return The date; precision UNKNOWN when not known.
 */
IPOFACTS_API ipofacts_date ipofacts_source_date(const ipofacts_source *source);
/**
 * @brief File or document name the source was read from (a seed file name,
 *        an SEC accession number).
 * @param[in] source the source
 * @return Borrowed string, or NULL when unknown.
 */
IPOFACTS_API const char *ipofacts_source_document(const ipofacts_source *source);
/**
 * @brief Language of the source as a BCP 47 tag ("zh-Hans", "zh-Hant", "en").
 * @param[in] source the source
 * @return Borrowed string, or NULL when unknown.
 */
IPOFACTS_API const char *ipofacts_source_language(const ipofacts_source *source);
/**
 * @brief Rank of the source when facts disagree: 1 for a primary document
 *        (a prospectus, a filing), larger for secondary reporting.
 * @param[in] source the source
 * @return The rank, 1 or more; 0 for NULL.
 */
IPOFACTS_API uint32_t ipofacts_source_rank(const ipofacts_source *source);

/* ------------------------------------------------------------------ */
/* Companies                                                           */
/* ------------------------------------------------------------------ */

/**
 * @brief Id of a company, unique in its dataset ("minimax").
 * @param[in] company the company
 * @return Borrowed string.
 */
IPOFACTS_API const char *ipofacts_company_id(const ipofacts_company *company);
/**
 * @brief Name of a company in a language: "en", "zh-Hans" or "zh-Hant"; NULL
 *        or "" asks for the first name the file gives.
 * @param[in] company the company
 * @param[in] lang    BCP 47 tag
 * @return Borrowed string, or NULL when no name in that language is known.
 */
IPOFACTS_API const char *ipofacts_company_name(const ipofacts_company *company, const char *lang);
/**
 * @brief Exchange code of the listing ("HKEX", "NASDAQ").
 * @param[in] company the company
 * @return Borrowed string, or NULL when not listed or unknown.
 */
IPOFACTS_API const char *ipofacts_company_exchange(const ipofacts_company *company);
/**
 * @brief Ticker as the exchange writes it ("00100").
 * @param[in] company the company
 * @return Borrowed string, or NULL when unknown.
 */
IPOFACTS_API const char *ipofacts_company_ticker(const ipofacts_company *company);
/**
 * @brief Another identifier of a company by scheme ("cik" for the SEC).
 * @param[in] company the company
 * @param[in] scheme  the scheme name
 * @return Borrowed string, or NULL.
 */
IPOFACTS_API const char *ipofacts_company_identifier(const ipofacts_company *company, const char *scheme);
/**
 * @brief Founding date, with its precision (the preferred founding event).
 * @param[in] company the company
 * @return The date; precision UNKNOWN when not known.
 */
IPOFACTS_API ipofacts_date ipofacts_company_founded(const ipofacts_company *company);
/**
 * @brief Listing date.
 * @param[in] company the company
 * @return The date; precision UNKNOWN when not listed or unknown.
 */
IPOFACTS_API ipofacts_date ipofacts_company_listed(const ipofacts_company *company);
/**
 * @brief Reporting currency of the financial statements ("USD").
 * @param[in] company the company
 * @return Borrowed string, or NULL when unknown.
 */
IPOFACTS_API const char *ipofacts_company_currency(const ipofacts_company *company);
/**
 * @brief Last month of the fiscal year, 1-12 (12 when the file gives none).
 * @param[in] company the company
 * @return The month; 0 for NULL.
 */
IPOFACTS_API int32_t ipofacts_company_fiscal_year_end(const ipofacts_company *company);
/**
 * @brief The dataset a company belongs to.
 * @param[in] company the company
 * @return Borrowed dataset.
 */
IPOFACTS_API const ipofacts_dataset *ipofacts_company_dataset(const ipofacts_company *company);

/**
 * @brief Number of people of the profile.
 * @param[in] company the company
 * @return The count.
 */
IPOFACTS_API size_t ipofacts_company_person_count(const ipofacts_company *company);
/**
 * @brief The person at @p index.
 * @param[in] company the company
 * @param[in] index   0 to count - 1
 * @return The person, or NULL when out of range.
 */
IPOFACTS_API const ipofacts_person *ipofacts_company_person(const ipofacts_company *company, size_t index);

/**
 * @brief Number of members (segments, holders, investors, rounds, regions).
 * @param[in] company the company
 * @return The count.
 */
IPOFACTS_API size_t ipofacts_company_member_count(const ipofacts_company *company);
/**
 * @brief The member at @p index.
 * @param[in] company the company
 * @param[in] index   0 to count - 1
 * @return The member, or NULL when out of range.
 */
IPOFACTS_API const ipofacts_member *ipofacts_company_member(const ipofacts_company *company, size_t index);
/**
 * @brief Finds a member by id.
 * @param[in] company the company
 * @param[in] id      member id
 * @return The member, or NULL.
 */
IPOFACTS_API const ipofacts_member *ipofacts_company_find_member(const ipofacts_company *company, const char *id);

/**
 * @brief Number of events (founded, listed, round, filing).
 * @param[in] company the company
 * @return The count.
 */
IPOFACTS_API size_t ipofacts_company_event_count(const ipofacts_company *company);
/**
 * @brief The event at @p index.
 * @param[in] company the company
 * @param[in] index   0 to count - 1
 * @return The event, or NULL when out of range.
 */
IPOFACTS_API const ipofacts_event *ipofacts_company_event(const ipofacts_company *company, size_t index);

/**
 * @brief Number of periods, in file order.
 * @param[in] company the company
 * @return The count.
 */
IPOFACTS_API size_t ipofacts_company_period_count(const ipofacts_company *company);
/**
 * @brief The period at @p index.
 * @param[in] company the company
 * @param[in] index   0 to count - 1
 * @return The period, or NULL when out of range.
 */
IPOFACTS_API const ipofacts_period *ipofacts_company_period(const ipofacts_company *company, size_t index);
/**
 * @brief Finds a period by id or label ("FY2024", "9M2025", "listing").
 * @param[in] company the company
 * @param[in] key     id or label
 * @return The period, or NULL.
 */
IPOFACTS_API const ipofacts_period *ipofacts_company_find_period(const ipofacts_company *company, const char *key);
/**
 * @brief Finds the period with exactly these dates.
 * @param[in] company the company
 * @param[in] start   first day, or a date of precision UNKNOWN for an instant
 * @param[in] end     last day (the instant)
 * @return The period, or NULL.
 */
IPOFACTS_API const ipofacts_period *ipofacts_company_find_period_dates(const ipofacts_company *company,
                                                                       const ipofacts_date *start,
                                                                       const ipofacts_date *end);
/**
 * @brief Number of facts of all periods of a company.
 * @param[in] company the company
 * @return The count.
 */
IPOFACTS_API size_t ipofacts_company_fact_count(const ipofacts_company *company);
/**
 * @brief The fact at @p index among all facts of a company, in file order.
 * @param[in] company the company
 * @param[in] index   0 to count - 1
 * @return The fact, or NULL when out of range.
 */
IPOFACTS_API const ipofacts_fact *ipofacts_company_fact(const ipofacts_company *company, size_t index);

/* ------------------------------------------------------------------ */
/* People, members, events                                             */
/* ------------------------------------------------------------------ */

/**
 * @brief Name of a person in a language ("en", "zh-Hans", "zh-Hant"; NULL for the first given).
 * @param[in] person the person
 * @param[in] lang   BCP 47 tag or NULL
 * @return Borrowed string, or NULL.
 */
IPOFACTS_API const char *ipofacts_person_name(const ipofacts_person *person, const char *lang);
/**
 * @brief Role of a person ("founder, chief executive officer").
 * @param[in] person the person
 * @return Borrowed string, or NULL when unknown.
 */
IPOFACTS_API const char *ipofacts_person_role(const ipofacts_person *person);
/**
 * @brief Birth date of a person, usually to the year.
 * @param[in] person the person
 * @return The date; precision UNKNOWN when not known.
 */
IPOFACTS_API ipofacts_date ipofacts_person_born(const ipofacts_person *person);
/**
 * @brief Number of sources that state facts about a person.
 * @param[in] person the person
 * @return The count.
 */
IPOFACTS_API size_t ipofacts_person_source_count(const ipofacts_person *person);
/**
 * @brief A source of a person's profile.
 * @param[in] person the person
 * @param[in] index  0 to count - 1
 * @return The source, or NULL.
 */
IPOFACTS_API const ipofacts_source *ipofacts_person_source(const ipofacts_person *person, size_t index);

/** @brief What a member is. The numbers are part of the ABI. */
typedef enum ipofacts_member_kind {
    IPOFACTS_MEMBER_OTHER = 0,       /**< Anything else. */
    IPOFACTS_MEMBER_SEGMENT = 1,     /**< A business segment or product line. */
    IPOFACTS_MEMBER_REGION = 2,      /**< A market or region. */
    IPOFACTS_MEMBER_SHAREHOLDER = 3, /**< A holder of shares. */
    IPOFACTS_MEMBER_INVESTOR = 4,    /**< A cornerstone or round investor. */
    IPOFACTS_MEMBER_ROUND = 5,       /**< A funding round. */
    IPOFACTS_MEMBER_CUSTOMER = 6     /**< A customer or customer group. */
} ipofacts_member_kind;

/**
 * @brief Id of a member, unique in its company; facts name it as their segment.
 * @param[in] member the member
 * @return Borrowed string.
 */
IPOFACTS_API const char *ipofacts_member_id(const ipofacts_member *member);
/**
 * @brief Kind of a member.
 * @param[in] member the member
 * @return The kind.
 */
IPOFACTS_API ipofacts_member_kind ipofacts_member_kind_of(const ipofacts_member *member);
/**
 * @brief Name of a member in a language (NULL for the first given).
 * @param[in] member the member
 * @param[in] lang   BCP 47 tag or NULL
 * @return Borrowed string, or NULL.
 */
IPOFACTS_API const char *ipofacts_member_name(const ipofacts_member *member, const char *lang);
/**
 * @brief Date of a member (a round's closing), if any.
 * @param[in] member the member
 * @return The date; precision UNKNOWN when none.
 */
IPOFACTS_API ipofacts_date ipofacts_member_date(const ipofacts_member *member);
/**
 * @brief Number of members related to this one (a round's investors).
 * @param[in] member the member
 * @return The count.
 */
IPOFACTS_API size_t ipofacts_member_related_count(const ipofacts_member *member);
/**
 * @brief Id of a related member.
 * @param[in] member the member
 * @param[in] index  0 to count - 1
 * @return Borrowed string, or NULL when out of range.
 */
IPOFACTS_API const char *ipofacts_member_related(const ipofacts_member *member, size_t index);

/**
 * @brief Kind of an event: "founded", "listed", "prospectus", "lawsuit", ...
 * @param[in] event the event
 * @return Borrowed string.
 */
IPOFACTS_API const char *ipofacts_event_kind(const ipofacts_event *event);
/**
 * @brief Date of an event, with precision.
 * @param[in] event the event
 * @return The date.
 */
IPOFACTS_API ipofacts_date ipofacts_event_date(const ipofacts_event *event);
/**
 * @brief A one-line description of an event, in the source's language.
 * @param[in] event the event
 * @return Borrowed string, or NULL.
 */
IPOFACTS_API const char *ipofacts_event_note(const ipofacts_event *event);
/**
 * @brief Number of sources that report an event.
 * @param[in] event the event
 * @return The count.
 */
IPOFACTS_API size_t ipofacts_event_source_count(const ipofacts_event *event);
/**
 * @brief A source that reports an event.
 * @param[in] event the event
 * @param[in] index 0 to count - 1
 * @return The source, or NULL.
 */
IPOFACTS_API const ipofacts_source *ipofacts_event_source(const ipofacts_event *event, size_t index);
/**
 * @brief The literal text of an event in a source.
 * @param[in] event the event
 * @param[in] index 0 to count - 1
 * @return Borrowed string, or NULL.
 */
IPOFACTS_API const char *ipofacts_event_quote(const ipofacts_event *event, size_t index);

/* ------------------------------------------------------------------ */
/* Periods                                                             */
/* ------------------------------------------------------------------ */

/**
 * @brief Id of a period, unique in its company ("FY2024", "listing").
 * @param[in] period the period
 * @return Borrowed string.
 */
IPOFACTS_API const char *ipofacts_period_id(const ipofacts_period *period);
/**
 * @brief Label of a period ("FY2024", "9M2025", "2025-09-30").
 * @param[in] period the period
 * @return Borrowed string.
 */
IPOFACTS_API const char *ipofacts_period_label(const ipofacts_period *period);
/**
 * @brief Whether a period is an instant (a balance at a date) rather than a duration.
 * @param[in] period the period
 * @return 1 for an instant, 0 for a duration.
 */
IPOFACTS_API int ipofacts_period_is_instant(const ipofacts_period *period);
/**
 * @brief First day of a duration.
 * @param[in] period the period
 * @return The date; precision UNKNOWN for an instant.
 */
IPOFACTS_API ipofacts_date ipofacts_period_start(const ipofacts_period *period);
/**
 * @brief Last day of a duration, or the date of an instant.
 * @param[in] period the period
 * @return The date.
 */
IPOFACTS_API ipofacts_date ipofacts_period_end(const ipofacts_period *period);
/**
 * @brief Length of a duration in whole months (see ipofacts_months_between()).
 * @param[in] period the period
 * @return The months; 0 for an instant.
 */
IPOFACTS_API int32_t ipofacts_period_months(const ipofacts_period *period);
/**
 * @brief The company a period belongs to.
 * @param[in] period the period
 * @return Borrowed company.
 */
IPOFACTS_API const ipofacts_company *ipofacts_period_company(const ipofacts_period *period);
/**
 * @brief Number of facts of a period.
 * @param[in] period the period
 * @return The count.
 */
IPOFACTS_API size_t ipofacts_period_fact_count(const ipofacts_period *period);
/**
 * @brief The fact at @p index of a period, in file order.
 * @param[in] period the period
 * @param[in] index  0 to count - 1
 * @return The fact, or NULL when out of range.
 */
IPOFACTS_API const ipofacts_fact *ipofacts_period_fact_at(const ipofacts_period *period, size_t index);

/** @brief Why ipofacts_period_find_fact() chose the fact it returned. */
typedef enum ipofacts_preference {
    IPOFACTS_PREFER_ONLY = 0,          /**< Only one fact matched. */
    IPOFACTS_PREFER_PRECISION = 1,     /**< It has the finest precision (largest decimals; exact before qualified). */
    IPOFACTS_PREFER_SOURCE_RANK = 2,   /**< Equal precision; its best source has the lowest rank. */
    IPOFACTS_PREFER_SOURCE_COUNT = 3,  /**< Equal precision and rank; more sources report it. */
    IPOFACTS_PREFER_FILE_ORDER = 4,    /**< All else equal; it comes first in the file. */
    IPOFACTS_PREFER_SOURCE_DATE = 5    /**< Equal precision and rank; its most recent source is the later one
                                            (a restatement or a later filing supersedes). */
} ipofacts_preference;

/**
 * @brief The preferred fact of a concept (by id) and segment in a period.
 *
 * Several facts may report one concept and period; none is dropped. The
 * preferred one is chosen by, in order: an exact qualifier over any other;
 * the finest precision (largest decimals); the best source rank; the latest
 * publication date of its sources (only when both are dated and the dates
 * cannot be the same day: "2026-01" is not before "2026-01-09"); the number
 * of sources; file order.
 * @param[out] out     the preferred fact (borrowed)
 * @param[out] why     why it was preferred; may be NULL
 * @param[in]  period  the period
 * @param[in]  concept_id concept id ("revenue")
 * @param[in]  segment member id, or NULL for the whole company
 * @return IPOFACTS_OK, IPOFACTS_E_NOT_FOUND when no fact matches, IPOFACTS_E_INVALID.
 */
IPOFACTS_API ipofacts_status ipofacts_period_find_fact(const ipofacts_fact **out, ipofacts_preference *why,
                                                       const ipofacts_period *period, const char *concept_id,
                                                       const char *segment);

/**
 * @brief ipofacts_period_find_fact() by concept number, for the whole company.
 * @param[in]  period  the period
 * @param[in]  concept a concept other than IPOFACTS_CONCEPT_OTHER
 * @param[out] out     the preferred fact (borrowed)
 * @return IPOFACTS_OK, IPOFACTS_E_NOT_FOUND, IPOFACTS_E_INVALID.
 */
IPOFACTS_API ipofacts_status ipofacts_period_fact(const ipofacts_period *period, ipofacts_concept concept,
                                                  const ipofacts_fact **out);

/* ------------------------------------------------------------------ */
/* Facts                                                               */
/* ------------------------------------------------------------------ */

/**
 * @brief Concept id of a fact ("revenue").
 * @param[in] fact the fact
 * @return Borrowed string.
 */
IPOFACTS_API const char *ipofacts_fact_concept_id(const ipofacts_fact *fact);
/**
 * @brief Concept number of a fact.
 * @param[in] fact the fact
 * @return The number, IPOFACTS_CONCEPT_OTHER for a concept known only by id.
 */
IPOFACTS_API ipofacts_concept ipofacts_fact_concept(const ipofacts_fact *fact);
/**
 * @brief Segment (member id) of a fact.
 * @param[in] fact the fact
 * @return Borrowed string, or NULL for a whole-company fact.
 */
IPOFACTS_API const char *ipofacts_fact_segment(const ipofacts_fact *fact);
/**
 * @brief Unit of a fact ("USD", "pure", "HKD/share").
 * @param[in] fact the fact
 * @return Borrowed string.
 */
IPOFACTS_API const char *ipofacts_fact_unit(const ipofacts_fact *fact);
/**
 * @brief Value of a fact (for a range, its lower end).
 * @param[in] fact the fact
 * @return The exact value; zero for NULL.
 */
IPOFACTS_API ipofacts_decimal ipofacts_fact_value(const ipofacts_fact *fact);
/**
 * @brief Upper end of a range fact.
 * @param[out] out  the upper end
 * @param[in]  fact the fact
 * @return IPOFACTS_OK, IPOFACTS_E_NOT_FOUND when the fact is not a range.
 */
IPOFACTS_API ipofacts_status ipofacts_fact_upper(ipofacts_decimal *out, const ipofacts_fact *fact);
/**
 * @brief Precision of a fact, as XBRL's decimals (IPOFACTS_DECIMALS_INF when exact).
 * @param[in] fact the fact
 * @return The decimals.
 */
IPOFACTS_API int32_t ipofacts_fact_decimals(const ipofacts_fact *fact);
/**
 * @brief Qualifier of a fact.
 * @param[in] fact the fact
 * @return The qualifier.
 */
IPOFACTS_API ipofacts_qualifier ipofacts_fact_qualifier(const ipofacts_fact *fact);
/**
 * @brief Interval of true values a fact stands for (ipofacts_reported_interval()).
 * @param[out] out  the interval
 * @param[in]  fact the fact
 * @return IPOFACTS_OK, IPOFACTS_E_INVALID.
 */
IPOFACTS_API ipofacts_status ipofacts_fact_interval(ipofacts_interval *out, const ipofacts_fact *fact);
/**
 * @brief The period of a fact.
 * @param[in] fact the fact
 * @return Borrowed period.
 */
IPOFACTS_API const ipofacts_period *ipofacts_fact_period(const ipofacts_fact *fact);
/**
 * @brief The company of a fact.
 * @param[in] fact the fact
 * @return Borrowed company.
 */
IPOFACTS_API const ipofacts_company *ipofacts_fact_company(const ipofacts_fact *fact);
/**
 * @brief Free-text note of a fact (what exactly the figure covers), if any.
 * @param[in] fact the fact
 * @return Borrowed string, or NULL.
 */
IPOFACTS_API const char *ipofacts_fact_note(const ipofacts_fact *fact);
/**
 * @brief Id of a fact, unique in its company when the file gives one.
 * @param[in] fact the fact
 * @return Borrowed string, or NULL.
 */
IPOFACTS_API const char *ipofacts_fact_id(const ipofacts_fact *fact);
/**
 * @brief Number of sources that report a fact (at least 1).
 * @param[in] fact the fact
 * @return The count.
 */
IPOFACTS_API size_t ipofacts_fact_source_count(const ipofacts_fact *fact);
/**
 * @brief A source that reports a fact.
 * @param[in] fact  the fact
 * @param[in] index 0 to count - 1
 * @return Borrowed source, or NULL when out of range.
 */
IPOFACTS_API const ipofacts_source *ipofacts_fact_source(const ipofacts_fact *fact, size_t index);
/**
 * @brief The literal text of a fact's figure in one of its sources
 *        ("3052.3 萬美元").
 * @param[in] fact  the fact
 * @param[in] index 0 to count - 1, as for ipofacts_fact_source()
 * @return Borrowed string, or NULL when the source gives no text.
 */
IPOFACTS_API const char *ipofacts_fact_quote(const ipofacts_fact *fact, size_t index);

#ifdef __cplusplus
}
#endif

#endif /* IPOFACTS_DATASET_H */
