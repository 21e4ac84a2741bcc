/*
 * The concept table: the stable string id and an English label of every
 * ipofacts_concept. Read-only data; safe from any thread.
 */
#include <string.h>

#include "ipofacts/dataset.h"

typedef struct concept_entry {
    const char *id;
    const char *label;
} concept_entry;

/* Indexed by ipofacts_concept. */
static const concept_entry concepts[IPOFACTS_CONCEPT_COUNT] = {
    [IPOFACTS_CONCEPT_OTHER] = {NULL, "Other"},
    [IPOFACTS_CONCEPT_REVENUE] = {"revenue", "Revenue"},
    [IPOFACTS_CONCEPT_COST_OF_SALES] = {"cost_of_sales", "Cost of sales"},
    [IPOFACTS_CONCEPT_GROSS_PROFIT] = {"gross_profit", "Gross profit"},
    [IPOFACTS_CONCEPT_GROSS_MARGIN] = {"gross_margin", "Gross margin"},
    [IPOFACTS_CONCEPT_RD_EXPENSE] = {"rd_expense", "Research and development expense"},
    [IPOFACTS_CONCEPT_NET_INCOME] = {"net_income", "Net income"},
    [IPOFACTS_CONCEPT_ADJUSTED_NET_INCOME] = {"adjusted_net_income", "Adjusted net income"},
    [IPOFACTS_CONCEPT_OPERATING_CASH_FLOW] = {"operating_cash_flow", "Operating cash flow"},
    [IPOFACTS_CONCEPT_CAPITAL_EXPENDITURE] = {"capital_expenditure", "Capital expenditure"},
    [IPOFACTS_CONCEPT_CASH] = {"cash", "Cash and cash equivalents"},
    [IPOFACTS_CONCEPT_CASH_AND_INVESTMENTS] = {"cash_and_investments", "Cash and financial investments"},
    [IPOFACTS_CONCEPT_REVENUE_GROWTH] = {"revenue_growth", "Revenue growth"},
    [IPOFACTS_CONCEPT_REVENUE_SHARE] = {"revenue_share", "Share of revenue"},
    [IPOFACTS_CONCEPT_RD_INTENSITY] = {"rd_intensity", "R&D intensity"},
    [IPOFACTS_CONCEPT_TOP1_CUSTOMER_SHARE] = {"top1_customer_share", "Largest customer's share of revenue"},
    [IPOFACTS_CONCEPT_TOP5_CUSTOMER_SHARE] = {"top5_customer_share", "Five largest customers' share of revenue"},
    [IPOFACTS_CONCEPT_USERS] = {"users", "Users"},
    [IPOFACTS_CONCEPT_MONTHLY_ACTIVE_USERS] = {"monthly_active_users", "Monthly active users"},
    [IPOFACTS_CONCEPT_PAYING_USERS] = {"paying_users", "Paying users"},
    [IPOFACTS_CONCEPT_ARPPU] = {"arppu", "Average revenue per paying user"},
    [IPOFACTS_CONCEPT_CUSTOMERS] = {"customers", "Customers"},
    [IPOFACTS_CONCEPT_PAYING_CUSTOMERS] = {"paying_customers", "Paying customers"},
    [IPOFACTS_CONCEPT_EMPLOYEES] = {"employees", "Employees"},
    [IPOFACTS_CONCEPT_CUMULATIVE_NET_LOSS] = {"cumulative_net_loss", "Cumulative net loss"},
    [IPOFACTS_CONCEPT_CUMULATIVE_RD_EXPENSE] = {"cumulative_rd_expense", "Cumulative R&D expense"},
    [IPOFACTS_CONCEPT_CUMULATIVE_FUNDING] = {"cumulative_funding", "Cumulative funding"},
    [IPOFACTS_CONCEPT_RUNWAY_MONTHS] = {"runway_months", "Reported cash runway"},
    [IPOFACTS_CONCEPT_OFFER_PRICE] = {"offer_price", "Offer price"},
    [IPOFACTS_CONCEPT_OPENING_PRICE] = {"opening_price", "Opening price"},
    [IPOFACTS_CONCEPT_FIRST_DAY_RETURN] = {"first_day_return", "First-day return"},
    [IPOFACTS_CONCEPT_MARKET_CAP] = {"market_capitalization", "Market capitalisation"},
    [IPOFACTS_CONCEPT_GROSS_PROCEEDS] = {"gross_proceeds", "Gross proceeds"},
    [IPOFACTS_CONCEPT_NET_PROCEEDS] = {"net_proceeds", "Net proceeds"},
    [IPOFACTS_CONCEPT_PUBLIC_OVERSUBSCRIPTION] = {"public_oversubscription", "Public offering oversubscription"},
    [IPOFACTS_CONCEPT_INTERNATIONAL_OVERSUBSCRIPTION] = {"international_oversubscription",
                                                         "International offering oversubscription"},
    [IPOFACTS_CONCEPT_CORNERSTONE_INVESTMENT] = {"cornerstone_investment", "Cornerstone investment"},
    [IPOFACTS_CONCEPT_FUNDING_AMOUNT] = {"funding_amount", "Funding amount"},
    [IPOFACTS_CONCEPT_PRE_MONEY_VALUATION] = {"pre_money_valuation", "Pre-money valuation"},
    [IPOFACTS_CONCEPT_POST_MONEY_VALUATION] = {"post_money_valuation", "Post-money valuation"},
    [IPOFACTS_CONCEPT_OWNERSHIP_STAKE] = {"ownership_stake", "Ownership stake"},
    [IPOFACTS_CONCEPT_HOLDING_VALUE] = {"holding_value", "Value of holding"},
    [IPOFACTS_CONCEPT_EXCHANGE_RATE] = {"exchange_rate", "Exchange rate"},
    [IPOFACTS_CONCEPT_SHARES_OUTSTANDING] = {"shares_outstanding", "Shares outstanding"},
    [IPOFACTS_CONCEPT_SEGMENT_REVENUE] = {"segment_revenue", "Segment revenue"},
    [IPOFACTS_CONCEPT_GROSS_MARGIN_SEGMENT] = {"segment_gross_margin", "Segment gross margin"},
    [IPOFACTS_CONCEPT_OVERSEAS_REVENUE_SHARE] = {"overseas_revenue_share", "Overseas share of revenue"},
    [IPOFACTS_CONCEPT_VALUATION] = {"valuation", "Valuation"},
    [IPOFACTS_CONCEPT_CUMULATIVE_SPENDING] = {"cumulative_spending", "Cumulative spending"},
    [IPOFACTS_CONCEPT_OPERATING_EXPENSE] = {"operating_expense", "Operating expense"},
    [IPOFACTS_CONCEPT_SEGMENT_GROWTH] = {"segment_revenue_growth", "Segment revenue growth"},
};

/* Every concept but OTHER, in strcmp order of their ids, for binary search. */
static const unsigned char by_id[IPOFACTS_CONCEPT_COUNT - 1] = {
    IPOFACTS_CONCEPT_ADJUSTED_NET_INCOME, IPOFACTS_CONCEPT_ARPPU, IPOFACTS_CONCEPT_CAPITAL_EXPENDITURE,
    IPOFACTS_CONCEPT_CASH, IPOFACTS_CONCEPT_CASH_AND_INVESTMENTS, IPOFACTS_CONCEPT_CORNERSTONE_INVESTMENT,
    IPOFACTS_CONCEPT_COST_OF_SALES, IPOFACTS_CONCEPT_CUMULATIVE_FUNDING, IPOFACTS_CONCEPT_CUMULATIVE_NET_LOSS,
    IPOFACTS_CONCEPT_CUMULATIVE_RD_EXPENSE, IPOFACTS_CONCEPT_CUMULATIVE_SPENDING, IPOFACTS_CONCEPT_CUSTOMERS,
    IPOFACTS_CONCEPT_EMPLOYEES, IPOFACTS_CONCEPT_EXCHANGE_RATE, IPOFACTS_CONCEPT_FIRST_DAY_RETURN,
    IPOFACTS_CONCEPT_FUNDING_AMOUNT, IPOFACTS_CONCEPT_GROSS_MARGIN, IPOFACTS_CONCEPT_GROSS_PROCEEDS,
    IPOFACTS_CONCEPT_GROSS_PROFIT, IPOFACTS_CONCEPT_HOLDING_VALUE, IPOFACTS_CONCEPT_INTERNATIONAL_OVERSUBSCRIPTION,
    IPOFACTS_CONCEPT_MARKET_CAP, IPOFACTS_CONCEPT_MONTHLY_ACTIVE_USERS, IPOFACTS_CONCEPT_NET_INCOME,
    IPOFACTS_CONCEPT_NET_PROCEEDS, IPOFACTS_CONCEPT_OFFER_PRICE, IPOFACTS_CONCEPT_OPENING_PRICE,
    IPOFACTS_CONCEPT_OPERATING_CASH_FLOW, IPOFACTS_CONCEPT_OPERATING_EXPENSE, IPOFACTS_CONCEPT_OVERSEAS_REVENUE_SHARE,
    IPOFACTS_CONCEPT_OWNERSHIP_STAKE, IPOFACTS_CONCEPT_PAYING_CUSTOMERS, IPOFACTS_CONCEPT_PAYING_USERS,
    IPOFACTS_CONCEPT_POST_MONEY_VALUATION, IPOFACTS_CONCEPT_PRE_MONEY_VALUATION,
    IPOFACTS_CONCEPT_PUBLIC_OVERSUBSCRIPTION, IPOFACTS_CONCEPT_RD_EXPENSE, IPOFACTS_CONCEPT_RD_INTENSITY,
    IPOFACTS_CONCEPT_REVENUE, IPOFACTS_CONCEPT_REVENUE_GROWTH, IPOFACTS_CONCEPT_REVENUE_SHARE,
    IPOFACTS_CONCEPT_RUNWAY_MONTHS, IPOFACTS_CONCEPT_GROSS_MARGIN_SEGMENT, IPOFACTS_CONCEPT_SEGMENT_REVENUE,
    IPOFACTS_CONCEPT_SEGMENT_GROWTH, IPOFACTS_CONCEPT_SHARES_OUTSTANDING, IPOFACTS_CONCEPT_TOP1_CUSTOMER_SHARE,
    IPOFACTS_CONCEPT_TOP5_CUSTOMER_SHARE, IPOFACTS_CONCEPT_USERS, IPOFACTS_CONCEPT_VALUATION,
};

IPOFACTS_API const char *ipofacts_concept_id(ipofacts_concept concept)
{
    if ((int)concept <= 0 || (int)concept >= IPOFACTS_CONCEPT_COUNT)
        return NULL;
    return concepts[concept].id;
}

IPOFACTS_API ipofacts_concept ipofacts_concept_from_id(const char *id)
{
    if (id == NULL)
        return IPOFACTS_CONCEPT_OTHER;
    size_t lo = 0, hi = sizeof by_id / sizeof by_id[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(id, concepts[by_id[mid]].id);
        if (c == 0)
            return (ipofacts_concept)by_id[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return IPOFACTS_CONCEPT_OTHER;
}

IPOFACTS_API const char *ipofacts_concept_label(ipofacts_concept concept)
{
    if ((int)concept < 0 || (int)concept >= IPOFACTS_CONCEPT_COUNT)
        return NULL;
    return concepts[concept].label;
}
