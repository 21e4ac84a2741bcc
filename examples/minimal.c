/*
 * The smallest useful libipofacts program: open the built-in dataset, find a
 * company by its ticker, and print one ratio with the interval the precision
 * of its inputs allows, and the formula it came from.
 *
 *   cc minimal.c $(pkg-config --cflags --libs ipofacts) -o minimal
 */
#include <stdio.h>
#include <ipofacts/ipofacts.h>

int main(void)
{
    ipofacts_dataset *ds = NULL;
    ipofacts_status st = ipofacts_dataset_open_builtin(&ds);
    if (st != IPOFACTS_OK) {
        fprintf(stderr, "minimal: %s\n", ipofacts_status_str(st));
        return 1;
    }
    const ipofacts_company *c = ipofacts_dataset_find_company(ds, "00100");
    const ipofacts_period *p = c ? ipofacts_company_find_period(c, "FY2024") : NULL;
    ipofacts_derived *growth = NULL;
    if (!p || ipofacts_company_ratio(&growth, c, IPOFACTS_RATIO_KIND_GROWTH, p, NULL) != IPOFACTS_OK) {
        fprintf(stderr, "minimal: no FY2024 data for 00100\n");
        ipofacts_dataset_free(ds);
        return 1;
    }
    const ipofacts_ratio *r = ipofacts_derived_ratio(growth);
    if (r->status == IPOFACTS_RATIO_OK)
        printf("%s (%s) %s revenue growth: %.2f%%, between %.2f%% and %.2f%%\n  %s\n",
               ipofacts_company_name(c, "en"), ipofacts_company_name(c, "zh-Hans"), ipofacts_period_label(p),
               100 * r->value, 100 * r->interval.lo, 100 * r->interval.hi, ipofacts_derived_arithmetic(growth));
    else
        printf("%s revenue growth: not computable (%s)\n", ipofacts_company_name(c, "en"),
               ipofacts_ratio_status_name(r->status));
    ipofacts_derived_free(growth);
    ipofacts_dataset_free(ds);
    return 0;
}
