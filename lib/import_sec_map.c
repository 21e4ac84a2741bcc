/*
 * The table that maps SEC XBRL concepts (us-gaap, ifrs-full, dei) to the
 * library's concepts. docs/import-sec.md prints the same table and explains
 * each choice; tests/test_import.c checks that the two agree.
 *
 * Rows of one concept of ours are consecutive; their order is the priority:
 * for each period the importer keeps the first row that reports it and counts
 * the records of the later rows as alternates.
 */
#include <string.h>

#include "ipofacts/import.h"

typedef struct sec_map_row {
    const char *taxonomy;
    const char *sec_concept;
    const char *concept_id;
    uint32_t period_kind;
    ipofacts_unit_kind unit_kind;
} sec_map_row;

#define D IPOFACTS_SEC_DURATION
#define I IPOFACTS_SEC_INSTANT
#define CUR IPOFACTS_UNIT_CURRENCY
#define CNT IPOFACTS_UNIT_COUNT
#define PSH IPOFACTS_UNIT_PER_SHARE

static const sec_map_row sec_map[] = {
    /* Revenue: the total first; "from contracts with customers" is the total
     * for most filers since ASC 606 / IFRS 15, a component for some. */
    {"us-gaap", "Revenues", "revenue", D, CUR},
    {"us-gaap", "RevenueFromContractWithCustomerExcludingAssessedTax", "revenue", D, CUR},
    {"us-gaap", "RevenueFromContractWithCustomerIncludingAssessedTax", "revenue", D, CUR},
    {"us-gaap", "SalesRevenueNet", "revenue", D, CUR},
    {"ifrs-full", "Revenue", "revenue", D, CUR},
    {"ifrs-full", "RevenueFromContractsWithCustomers", "revenue", D, CUR},
    /* Cost of sales, positive. */
    {"us-gaap", "CostOfRevenue", "cost_of_sales", D, CUR},
    {"us-gaap", "CostOfGoodsAndServicesSold", "cost_of_sales", D, CUR},
    {"us-gaap", "CostOfGoodsSold", "cost_of_sales", D, CUR},
    {"ifrs-full", "CostOfSales", "cost_of_sales", D, CUR},
    /* Gross profit. */
    {"us-gaap", "GrossProfit", "gross_profit", D, CUR},
    {"ifrs-full", "GrossProfit", "gross_profit", D, CUR},
    /* Research and development expense, positive. */
    {"us-gaap", "ResearchAndDevelopmentExpense", "rd_expense", D, CUR},
    {"us-gaap", "ResearchAndDevelopmentExpenseExcludingAcquiredInProcessCost", "rd_expense", D, CUR},
    {"ifrs-full", "ResearchAndDevelopmentExpense", "rd_expense", D, CUR},
    /* Total operating expenses. */
    {"us-gaap", "OperatingExpenses", "operating_expense", D, CUR},
    /* Net income: profit or loss of the period including non-controlling
     * interests (us-gaap tags ProfitLoss only when there are some; otherwise
     * NetIncomeLoss is the same figure). */
    {"us-gaap", "ProfitLoss", "net_income", D, CUR},
    {"us-gaap", "NetIncomeLoss", "net_income", D, CUR},
    {"ifrs-full", "ProfitLoss", "net_income", D, CUR},
    /* Net cash from operating activities. */
    {"us-gaap", "NetCashProvidedByUsedInOperatingActivities", "operating_cash_flow", D, CUR},
    {"us-gaap", "NetCashProvidedByUsedInOperatingActivitiesContinuingOperations", "operating_cash_flow", D, CUR},
    {"ifrs-full", "CashFlowsFromUsedInOperatingActivities", "operating_cash_flow", D, CUR},
    {"ifrs-full", "CashFlowsFromUsedInOperations", "operating_cash_flow", D, CUR},
    /* Capital expenditure, positive (payments). */
    {"us-gaap", "PaymentsToAcquirePropertyPlantAndEquipment", "capital_expenditure", D, CUR},
    {"ifrs-full", "PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities", "capital_expenditure", D,
     CUR},
    /* Cash and cash equivalents; cash alone where a filer reports no more. */
    {"us-gaap", "CashAndCashEquivalentsAtCarryingValue", "cash", I, CUR},
    {"us-gaap", "Cash", "cash", I, CUR},
    {"ifrs-full", "CashAndCashEquivalents", "cash", I, CUR},
    {"ifrs-full", "Cash", "cash", I, CUR},
    /* Shares outstanding: the balance sheet's count, then the cover page's. */
    {"us-gaap", "CommonStockSharesOutstanding", "shares_outstanding", I, CNT},
    {"ifrs-full", "NumberOfSharesOutstanding", "shares_outstanding", I, CNT},
    {"dei", "EntityCommonStockSharesOutstanding", "shares_outstanding", I, CNT},
    /* Earnings per share (concepts known by id only). */
    {"us-gaap", "EarningsPerShareBasic", "eps_basic", D, PSH},
    {"ifrs-full", "BasicEarningsLossPerShare", "eps_basic", D, PSH},
    {"us-gaap", "EarningsPerShareDiluted", "eps_diluted", D, PSH},
    {"ifrs-full", "DilutedEarningsLossPerShare", "eps_diluted", D, PSH},
};

#undef D
#undef I
#undef CUR
#undef CNT
#undef PSH

IPOFACTS_API size_t ipofacts_sec_mapping_count(void)
{
    return sizeof sec_map / sizeof sec_map[0];
}

IPOFACTS_API ipofacts_status ipofacts_sec_mapping_get(ipofacts_sec_mapping *out, size_t index)
{
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    if (index >= ipofacts_sec_mapping_count())
        return IPOFACTS_E_NOT_FOUND;
    const sec_map_row *row = &sec_map[index];
    uint32_t priority = 1;
    for (size_t i = 0; i < index; i++)
        if (strcmp(sec_map[i].concept_id, row->concept_id) == 0)
            priority++;
    out->taxonomy = row->taxonomy;
    out->sec_concept = row->sec_concept;
    out->concept_id = row->concept_id;
    out->priority = priority;
    out->period_kind = row->period_kind;
    out->unit_kind = (uint32_t)row->unit_kind;
    out->reserved = 0;
    return IPOFACTS_OK;
}
