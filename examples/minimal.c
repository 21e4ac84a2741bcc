/*
 * The smallest useful libipofacts program: open the built-in dataset, find a
 * company, and print one reported figure with the interval it stands for.
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
    const ipofacts_fact *revenue = NULL;
    if (!p || ipofacts_period_fact(p, IPOFACTS_CONCEPT_REVENUE, &revenue) != IPOFACTS_OK) {
        fprintf(stderr, "minimal: no FY2024 revenue for 00100\n");
        ipofacts_dataset_free(ds);
        return 1;
    }
    ipofacts_decimal value = ipofacts_fact_value(revenue);
    ipofacts_interval iv;
    char text[IPOFACTS_DECIMAL_STRING_SIZE];
    ipofacts_decimal_format(&value, text, sizeof text);
    ipofacts_fact_interval(&iv, revenue);
    printf("%s (%s) revenue %s: %s %s, between %.0f and %.0f, as \"%s\" in %s\n",
           ipofacts_company_name(c, "en"), ipofacts_company_name(c, "zh-Hans"), ipofacts_period_label(p), text,
           ipofacts_fact_unit(revenue), iv.lo, iv.hi, ipofacts_fact_quote(revenue, 0),
           ipofacts_source_publisher(ipofacts_fact_source(revenue, 0)));
    ipofacts_dataset_free(ds);
    return 0;
}
