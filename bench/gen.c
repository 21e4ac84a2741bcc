/*
 * gen: writes a synthetic dataset in the ipofacts-dataset/1 format
 * (docs/data-format.md), in canonical form, of about a given size.
 *
 *   gen --size MB --out FILE [--seed N] [--companies N]
 *
 * The output is deterministic: the same seed and size give the same bytes.
 * Each company is generated from its own random stream (seeded by the seed
 * and its index), so company k is the same in a 1 MB and a 400 MB file:
 * a larger dataset is a smaller one with more companies.
 *
 * Shape of a company (what a screener over listed companies sees):
 *  - names in English, simplified and traditional Chinese (unique), an
 *    exchange and a ticker (unique), identifiers, founding and listing dates,
 *    a reporting currency and a fiscal year end (December, March or June);
 *  - people, members (segments, a region, customers, shareholders), events;
 *  - 23 periods: five fiscal years, two nine-month and two half-year year
 *    to dates, six quarters, seven instants and the listing day;
 *  - about 30 concepts: revenue, cost_of_sales, gross_profit, gross_margin
 *    (reported, pure), rd_expense, rd_intensity, net_income,
 *    adjusted_net_income, operating_cash_flow, capital_expenditure,
 *    operating_expense, revenue_growth, segment_revenue and revenue_share
 *    per segment, overseas_revenue_share, customer concentration, users,
 *    ARPPU, cash, cash_and_investments, employees, shares, offer and
 *    opening prices, market capitalisation, proceeds, oversubscription and
 *    an exchange rate;
 *  - values rounded to varying decimals, with qualifiers (mostly exact, some
 *    approximately, at least, at most, ranges), each with 1 to 3 sources
 *    quoting the figure as printed ("3052.3 萬美元", "3.05亿元",
 *    "US$30.5 million", "23.3%");
 *  - about one fact in ten reported again by another source, usually
 *    rounded more coarsely, now and then with a conflicting value.
 * Sources: a pool of news articles shared by all companies and one
 * prospectus per company.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Random numbers: splitmix64, one stream per company                  */
/* ------------------------------------------------------------------ */

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t next_u64(rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static uint32_t below(rng *r, uint32_t n)
{
    return (uint32_t)(((next_u64(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [0, 1). */
static double unit(rng *r)
{
    return (double)(next_u64(r) >> 11) * (1.0 / 9007199254740992.0);
}

static double uniform(rng *r, double lo, double hi)
{
    return lo + (hi - lo) * unit(r);
}

/* True with probability p. */
static int chance(rng *r, double p)
{
    return unit(r) < p;
}

/* ------------------------------------------------------------------ */
/* Output buffer                                                       */
/* ------------------------------------------------------------------ */

typedef struct buf {
    char *data;
    size_t len, cap;
} buf;

static void reserve(buf *b, size_t n)
{
    if (b->len + n + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 1 << 20;
    while (cap < b->len + n + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (p == NULL) {
        fprintf(stderr, "gen: out of memory (%zu bytes)\n", cap);
        exit(2);
    }
    b->data = p;
    b->cap = cap;
}

static void put(buf *b, const char *s, size_t n)
{
    reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void puts_(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

static void printf_(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void printf_(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp) {
        fprintf(stderr, "gen: internal error: formatted text too long\n");
        exit(2);
    }
    put(b, tmp, (size_t)n);
}

static void indent(buf *b, int n)
{
    static const char spaces[] = "                                        ";
    put(b, spaces, (size_t)n);
}

/*
 * Canonical JSON writer state: one level per open object or array. The
 * first member or element of a level starts a new line; the following ones
 * are preceded by a comma.
 */
typedef struct writer {
    buf *b;
    int depth;     /* indentation of the current level's members, in spaces */
    int count[32]; /* members or elements written at each level */
    int level;
} writer;

static void item_start(writer *w)
{
    if (w->count[w->level]++ > 0)
        put(w->b, ",", 1);
    put(w->b, "\n", 1);
    indent(w->b, w->depth);
}

static void key(writer *w, const char *k)
{
    item_start(w);
    printf_(w->b, "\"%s\": ", k);
}

static void open_(writer *w, const char *k, char bracket)
{
    if (k != NULL)
        key(w, k);
    else
        item_start(w);
    put(w->b, &bracket, 1);
    w->level++;
    w->count[w->level] = 0;
    w->depth += 2;
}

static void close_(writer *w, char bracket)
{
    int n = w->count[w->level];
    w->level--;
    w->depth -= 2;
    if (n > 0) {
        put(w->b, "\n", 1);
        indent(w->b, w->depth);
    }
    put(w->b, &bracket, 1);
}

static void obj(writer *w, const char *k)
{
    open_(w, k, '{');
}
static void obj_end(writer *w)
{
    close_(w, '}');
}
static void arr(writer *w, const char *k)
{
    open_(w, k, '[');
}
static void arr_end(writer *w)
{
    close_(w, ']');
}

/* A string member; the generator never writes characters that need escaping. */
static void str(writer *w, const char *k, const char *v)
{
    key(w, k);
    put(w->b, "\"", 1);
    puts_(w->b, v);
    put(w->b, "\"", 1);
}

static void strf(writer *w, const char *k, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void strf(writer *w, const char *k, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    str(w, k, tmp);
}

static void num(writer *w, const char *k, long v)
{
    key(w, k);
    printf_(w->b, "%ld", v);
}

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

/* Characters of company names: simplified, traditional, pinyin. */
static const char *const name_chars[][3] = {
    {"华", "華", "Hua"},   {"星", "星", "Xing"},   {"云", "雲", "Yun"},    {"数", "數", "Shu"},
    {"智", "智", "Zhi"},   {"联", "聯", "Lian"},   {"创", "創", "Chuang"}, {"宇", "宇", "Yu"},
    {"芯", "芯", "Xin"},   {"微", "微", "Wei"},    {"视", "視", "Shi"},    {"讯", "訊", "Xun"},
    {"远", "遠", "Yuan"},  {"航", "航", "Hang"},   {"天", "天", "Tian"},   {"恒", "恆", "Heng"},
    {"瑞", "瑞", "Rui"},   {"康", "康", "Kang"},   {"泰", "泰", "Tai"},    {"博", "博", "Bo"},
    {"润", "潤", "Run"},   {"鑫", "鑫", "Xin"},    {"盛", "盛", "Sheng"},  {"龙", "龍", "Long"},
    {"凤", "鳳", "Feng"},  {"东", "東", "Dong"},   {"南", "南", "Nan"},    {"海", "海", "Hai"},
    {"达", "達", "Da"},    {"兴", "興", "Xing"},   {"实", "實", "Shi"},    {"电", "電", "Dian"},
    {"网", "網", "Wang"},  {"医", "醫", "Yi"},     {"药", "藥", "Yao"},    {"车", "車", "Che"},
    {"动", "動", "Dong"}, {"力", "力", "Li"},     {"光", "光", "Guang"},  {"银", "銀", "Yin"},
    {"源", "源", "Yuan"},  {"新", "新", "Xin"},   {"科", "科", "Ke"},     {"极", "極", "Ji"},
    {"维", "維", "Wei"},  {"声", "聲", "Sheng"}, {"图", "圖", "Tu"},     {"乐", "樂", "Le"},
};
#define NAME_CHARS (sizeof name_chars / sizeof name_chars[0])
#define NAME_SPACE ((uint32_t)(NAME_CHARS * NAME_CHARS * NAME_CHARS))

static const char *const name_suffix[][3] = {
    {"科技", "科技", "Technology"}, {"智能", "智能", "Intelligence"}, {"集团", "集團", "Group"},
    {"控股", "控股", "Holdings"},   {"生物", "生物", "Biotech"},      {"医疗", "醫療", "Healthcare"},
    {"电子", "電子", "Electronics"}, {"网络", "網絡", "Networks"},    {"能源", "能源", "Energy"},
    {"汽车", "汽車", "Motors"},
};
#define NAME_SUFFIXES (sizeof name_suffix / sizeof name_suffix[0])

static const char *const surnames[][3] = {
    {"王", "王", "Wang"}, {"李", "李", "Li"},   {"张", "張", "Zhang"}, {"刘", "劉", "Liu"},
    {"陈", "陳", "Chen"}, {"杨", "楊", "Yang"}, {"黄", "黃", "Huang"}, {"赵", "趙", "Zhao"},
    {"吴", "吳", "Wu"},   {"周", "周", "Zhou"}, {"徐", "徐", "Xu"},    {"孙", "孫", "Sun"},
};
static const char *const given[][3] = {
    {"伟", "偉", "Wei"},   {"芳", "芳", "Fang"}, {"军", "軍", "Jun"},  {"杰", "傑", "Jie"},
    {"静", "靜", "Jing"},  {"磊", "磊", "Lei"},  {"洋", "洋", "Yang"}, {"勇", "勇", "Yong"},
    {"艳", "艷", "Yan"},   {"涛", "濤", "Tao"},  {"明", "明", "Ming"}, {"超", "超", "Chao"},
    {"俊", "俊", "Jun"},  {"晖", "暉", "Hui"},  {"颖", "穎", "Ying"}, {"宁", "寧", "Ning"},
};

static const char *const segment_names[][3] = {
    {"云服务", "雲服務", "Cloud services"},      {"智能硬件", "智能硬件", "Smart devices"},
    {"企业软件", "企業軟件", "Enterprise software"}, {"在线广告", "在線廣告", "Online advertising"},
    {"游戏", "遊戲", "Games"},                   {"电动汽车", "電動汽車", "Electric vehicles"},
    {"创新药", "創新藥", "Innovative drugs"},    {"医疗器械", "醫療器械", "Medical devices"},
    {"储能", "儲能", "Energy storage"},          {"开放平台", "開放平台", "Open platform"},
    {"订阅", "訂閱", "Subscriptions"},           {"跨境电商", "跨境電商", "Cross-border e-commerce"},
};
#define SEGMENT_NAMES (sizeof segment_names / sizeof segment_names[0])

static const char *const publishers[][2] = {
    {"上海證券報", "zh-Hant"}, {"21世纪经济报道", "zh-Hans"}, {"第一财经", "zh-Hans"},
    {"證券時報", "zh-Hant"},   {"财新", "zh-Hans"},           {"界面新闻", "zh-Hans"},
    {"36氪", "zh-Hans"},       {"香港經濟日報", "zh-Hant"},   {"信報", "zh-Hant"},
    {"明報", "zh-Hant"},       {"Reuters", "en"},             {"Bloomberg", "en"},
    {"South China Morning Post", "en"}, {"节点财经", "zh-Hans"}, {"创业邦", "zh-Hans"},
};
#define PUBLISHERS (sizeof publishers / sizeof publishers[0])

static const char *const headlines_hans[] = {"上市首日大涨", "披露招股书", "营收增长超预期", "亏损收窄",
                                             "获基石投资者认购", "通过港交所聆讯", "发布业绩公告"};
static const char *const headlines_hant[] = {"上市首日大漲", "披露招股書", "營收增長超預期", "虧損收窄",
                                             "獲基石投資者認購", "通過港交所聆訊", "發佈業績公告"};
static const char *const headlines_en[] = {"soars on debut", "files prospectus", "revenue beats forecasts",
                                           "narrows loss", "lines up cornerstone investors",
                                           "passes listing hearing", "reports results"};
#define HEADLINES (sizeof headlines_en / sizeof headlines_en[0])

/* ------------------------------------------------------------------ */
/* Sources                                                             */
/* ------------------------------------------------------------------ */

#define NEWS_SOURCES 400

/* The language of news source k: 0 zh-Hans, 1 zh-Hant, 2 en. */
static int news_lang(uint32_t k)
{
    const char *l = publishers[k % PUBLISHERS][1];
    return strcmp(l, "zh-Hans") == 0 ? 0 : strcmp(l, "zh-Hant") == 0 ? 1 : 2;
}

static const char *const lang_tags[] = {"zh-Hans", "zh-Hant", "en"};

static void write_news_source(writer *w, uint32_t k)
{
    rng r = {0x5EED0000ull + k};
    int lang = news_lang(k);
    obj(w, NULL);
    strf(w, "id", "news-%04u", k);
    str(w, "publisher", publishers[k % PUBLISHERS][0]);
    uint32_t h = below(&r, HEADLINES);
    if (lang == 0)
        strf(w, "title", "上市公司观察:%s(第%u期)", headlines_hans[h], k);
    else if (lang == 1)
        strf(w, "title", "上市公司觀察:%s(第%u期)", headlines_hant[h], k);
    else
        strf(w, "title", "Listed companies: %s (issue %u)", headlines_en[h], k);
    /* One draw per statement: the order in which function arguments are
     * evaluated is unspecified, and the output must not depend on the compiler. */
    int y = 2024 + (int)below(&r, 2);
    int m = 1 + (int)below(&r, 12);
    int d = 1 + (int)below(&r, 28);
    strf(w, "date", "%d-%02d-%02d", y, m, d);
    str(w, "language", lang_tags[lang]);
    strf(w, "url", "https://news.example.com/%u/article-%u.html", (unsigned)(k % PUBLISHERS), k);
    num(w, "rank", 2);
    obj_end(w);
}

/* ------------------------------------------------------------------ */
/* Companies                                                           */
/* ------------------------------------------------------------------ */

enum { EX_HKEX, EX_SSE, EX_SZSE, EX_NASDAQ };
static const char *const exchanges[] = {"HKEX", "SSE", "SZSE", "NASDAQ"};

typedef struct period_def {
    char id[32];
    char label[32];
    int instant;
    int sy, sm, sd; /* start */
    int ey, em, ed; /* end, or the instant */
    int months;     /* 0 for an instant */
    int kind;       /* P_FY, P_YTD, P_Q, P_INSTANT, P_LISTING */
    int year;       /* fiscal year */
    int part;       /* YTD: months; Q: quarter */
} period_def;

enum { P_FY, P_YTD, P_Q, P_INSTANT, P_LISTING };

#define MAX_PERIODS 32
#define MAX_SEGMENTS 4
#define MAX_CUSTOMERS 5

typedef struct company {
    uint32_t index;
    char id[16];
    rng r;
    int exchange;
    char ticker[16];
    const char *currency; /* "USD", "CNY", "HKD" */
    int fye;              /* fiscal year end month */
    int listed_y, listed_m, listed_d;
    period_def periods[MAX_PERIODS];
    int nperiods;
    int nsegments;
    int segment_name[MAX_SEGMENTS];
    double segment_weight[MAX_SEGMENTS];
    int ncustomers;
    int nshareholders;
    /* money model */
    double fy_revenue[8];   /* FY2020..FY2025 (2025 projected) */
    double gm[8], rdi[8], nm[8];
    double qweight[4];
    uint32_t fact_serial;
} company;

static int days_in_month(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return len[m - 1];
}

/* The first day of fiscal year y (the fiscal year that ends in year y). */
static void fy_start(const company *c, int y, int *sy, int *sm)
{
    if (c->fye == 12) {
        *sy = y;
        *sm = 1;
    } else {
        *sy = y - 1;
        *sm = c->fye + 1;
    }
}

/* The month that is k months after (y, m), k >= 0. */
static void add_months(int y, int m, int k, int *oy, int *om)
{
    int t = y * 12 + (m - 1) + k;
    *oy = t / 12;
    *om = t % 12 + 1;
}

static void add_period(company *c, int kind, int year, int part, int first_month_offset, int months)
{
    period_def *p = &c->periods[c->nperiods++];
    memset(p, 0, sizeof *p);
    p->kind = kind;
    p->year = year;
    p->part = part;
    int sy, sm;
    fy_start(c, year, &sy, &sm);
    int y0, m0, y1, m1;
    add_months(sy, sm, first_month_offset, &y0, &m0);
    add_months(y0, m0, months - 1, &y1, &m1);
    if (kind == P_INSTANT) {
        p->instant = 1;
        p->ey = y1;
        p->em = m1;
        p->ed = days_in_month(y1, m1);
        snprintf(p->id, sizeof p->id, "%04d-%02d-%02d", p->ey, p->em, p->ed);
        return;
    }
    p->sy = y0;
    p->sm = m0;
    p->sd = 1;
    p->ey = y1;
    p->em = m1;
    p->ed = days_in_month(y1, m1);
    p->months = months;
    switch (kind) {
    case P_FY:
        snprintf(p->id, sizeof p->id, "FY%d", year);
        break;
    case P_YTD:
        snprintf(p->id, sizeof p->id, "%s%d", months == 9 ? "9M" : "H1-", year);
        if (months == 6)
            snprintf(p->label, sizeof p->label, "H1 %d", year);
        break;
    default:
        snprintf(p->id, sizeof p->id, "Q%d-%d", part, year);
        snprintf(p->label, sizeof p->label, "Q%d %d", part, year);
        break;
    }
}

static void make_periods(company *c)
{
    c->nperiods = 0;
    for (int y = 2020; y <= 2024; y++)
        add_period(c, P_FY, y, 0, 0, 12);
    for (int y = 2024; y <= 2025; y++) {
        add_period(c, P_YTD, y, 6, 0, 6);
        add_period(c, P_YTD, y, 9, 0, 9);
        for (int q = 1; q <= 3; q++)
            add_period(c, P_Q, y, q, (q - 1) * 3, 3);
    }
    for (int y = 2020; y <= 2024; y++)
        add_period(c, P_INSTANT, y, 12, 0, 12);
    add_period(c, P_INSTANT, 2025, 6, 0, 6);
    add_period(c, P_INSTANT, 2025, 9, 0, 9);
    period_def *p = &c->periods[c->nperiods++];
    memset(p, 0, sizeof *p);
    p->kind = P_LISTING;
    p->instant = 1;
    p->ey = c->listed_y;
    p->em = c->listed_m;
    p->ed = c->listed_d;
    snprintf(p->id, sizeof p->id, "listing");
    snprintf(p->label, sizeof p->label, "listing day");
}

static void write_date(writer *w, const char *k, int y, int m, int d)
{
    strf(w, k, "%04d-%02d-%02d", y, m, d);
}

/* The three-character name of company i: unique for i < NAME_SPACE. */
static void name_parts(uint32_t i, int parts[3])
{
    uint32_t x = (uint32_t)(((uint64_t)i * 7919u + 12345u) % NAME_SPACE);
    parts[0] = (int)(x % NAME_CHARS);
    parts[1] = (int)(x / NAME_CHARS % NAME_CHARS);
    parts[2] = (int)(x / NAME_CHARS / NAME_CHARS);
}

static void write_names3(writer *w, const char *en, const char *hans, const char *hant)
{
    obj(w, "names");
    if (en != NULL)
        str(w, "en", en);
    if (hans != NULL)
        str(w, "zh-Hans", hans);
    if (hant != NULL)
        str(w, "zh-Hant", hant);
    obj_end(w);
}

/* ------------------------------------------------------------------ */
/* Figures and their quotes                                            */
/* ------------------------------------------------------------------ */

/* Powers of ten as integers. */
static int64_t p10(int k)
{
    int64_t v = 1;
    while (k-- > 0)
        v *= 10;
    return v;
}

/* x rounded to `decimals` (XBRL), as a double: what a quote prints. */
static double rounded(double x, int decimals)
{
    if (decimals <= 0) {
        double q = (double)p10(-decimals);
        return (double)llround(x / q) * q;
    }
    double q = (double)p10(decimals > 9 ? 9 : decimals);
    return (double)llround(x * q) / q;
}

/* A value rounded to `decimals` (XBRL) as a decimal string. */
static void decimal_text(char *out, size_t size, double x, int decimals)
{
    if (decimals <= 0) {
        int64_t q = p10(-decimals);
        int64_t v = (int64_t)llround(x / (double)q) * q;
        snprintf(out, size, "%lld", (long long)v);
    } else {
        if (decimals > 9)
            decimals = 9;
        int64_t q = p10(decimals);
        int64_t v = (int64_t)llround(x * (double)q);
        int64_t a = v < 0 ? -v : v;
        snprintf(out, size, "%s%lld.%0*lld", v < 0 ? "-" : "", (long long)(a / q), decimals, (long long)(a % q));
    }
}

static const char *const money_word[3][3] = {
    /* zh-Hans, zh-Hant, en prefix */
    {"美元", "美元", "US$"},
    {"元人民币", "元人民幣", "RMB"},
    {"港元", "港元", "HK$"},
};

static int currency_index(const char *cur)
{
    return strncmp(cur, "USD", 3) == 0 ? 0 : strncmp(cur, "CNY", 3) == 0 ? 1 : 2;
}

/* How a source prints an amount: "3052.3 萬美元", "3.05亿元人民币", "US$30.5 million". */
static void amount_quote(char *out, size_t size, double v, int decimals, const char *cur, int lang,
                         const char *lead, int loss)
{
    double a = fabs(v);
    /* A loss is printed as 亏损 2.69 亿; other negative amounts with a sign. */
    const char *neg = v >= 0 ? "" : !loss || lang == 2 ? "-" : lang == 0 ? "亏损" : "虧損";
    int ci = cur != NULL ? currency_index(cur) : -1;
    if (lang == 2) {
        double scale = a >= 1e9 ? 1e9 : 1e6;
        int d = decimals + (scale == 1e9 ? 9 : 6);
        if (d < 0)
            d = 0;
        snprintf(out, size, "%s%s%s%.*f %s", lead, neg, ci >= 0 ? money_word[ci][2] : "", d, a / scale,
                 scale == 1e9 ? "billion" : "million");
        return;
    }
    int yi = a >= 1e8;
    double scale = yi ? 1e8 : 1e4;
    int d = decimals + (yi ? 8 : 4);
    if (d < 0)
        d = 0;
    const char *u = yi ? (lang == 0 ? "亿" : "億") : (lang == 0 ? "万" : "萬");
    snprintf(out, size, "%s%s%.*f%s%s%s", lead, neg, d, a / scale, lang == 0 ? "" : " ", u,
             ci >= 0 ? money_word[ci][lang] : "");
}

typedef struct figure {
    const char *concept;
    const char *segment; /* member id or NULL */
    int period;          /* index into periods */
    const char *unit;    /* "USD", "pure", "users", "HKD/share", ... */
    double value;
    double upper;        /* for a range */
    int decimals;        /* XBRL decimals; 99 for INF */
    int qualifier;       /* 0 exact, 1 approximately, 2 at_least, 3 at_most, 4 range */
    int kind;            /* F_AMOUNT, F_PURE, F_COUNT, F_PRICE, F_MULTIPLE, F_RATE */
} figure;

enum { F_AMOUNT, F_PURE, F_COUNT, F_PRICE, F_MULTIPLE, F_RATE };
static const char *const qualifier_names[] = {"exact", "approximately", "at_least", "at_most", "range"};
static const char *const lead_hans[] = {"", "约", "超过", "近", ""};
static const char *const lead_hant[] = {"", "約", "超過", "近", ""};
static const char *const lead_en[] = {"", "about ", "more than ", "nearly ", ""};

static void quote_text(char *out, size_t size, const figure *f, double value, int decimals, int lang)
{
    const char *lead = lang == 0 ? lead_hans[f->qualifier] : lang == 1 ? lead_hant[f->qualifier]
                                                                        : lead_en[f->qualifier];
    char a[96], b[96];
    int loss = strstr(f->concept, "net_income") != NULL;
    switch (f->kind) {
    case F_AMOUNT:
        amount_quote(a, sizeof a, value, decimals, f->unit, lang, lead, loss);
        if (f->qualifier == 4) {
            amount_quote(b, sizeof b, rounded(f->upper, decimals), decimals, f->unit, lang, "", loss);
            snprintf(out, size, "%.90s %s %.90s", a, lang == 2 ? "to" : "至", b);
        } else {
            snprintf(out, size, "%s", a);
        }
        return;
    case F_PURE: {
        int d = decimals - 2;
        if (d < 0)
            d = 0;
        snprintf(out, size, "%s%.*f%%", lead, d, value * 100.0);
        return;
    }
    case F_COUNT: {
        double a2 = fabs(value);
        if (a2 < 1e4) {
            snprintf(out, size, "%s%.0f", lead, a2);
        } else if (lang == 2) {
            int d = decimals + 6;
            snprintf(out, size, "%s%.*f million", lead, d < 0 ? 0 : d, a2 / 1e6);
        } else {
            int yi = a2 >= 1e8;
            int d = decimals + (yi ? 8 : 4);
            snprintf(out, size, "%s%.*f%s", lead, d < 0 ? 0 : d, a2 / (yi ? 1e8 : 1e4),
                     yi ? (lang == 0 ? "亿" : "億") : (lang == 0 ? "万" : "萬"));
        }
        return;
    }
    case F_PRICE: {
        int ci = currency_index(f->unit);
        if (lang == 2)
            snprintf(out, size, "%s%s%.*f per share", lead, money_word[ci][2], decimals < 0 ? 0 : decimals, value);
        else
            snprintf(out, size, "%s每股%.*f%s", lead, decimals < 0 ? 0 : decimals, value,
                     ci == 1 ? "元" : money_word[ci][lang]);
        return;
    }
    case F_MULTIPLE:
        snprintf(out, size, "%s%.*f%s", lead, decimals < 0 ? 0 : decimals, value, lang == 2 ? " times" : "倍");
        return;
    default:
        snprintf(out, size, "%s%.*f", lead, decimals < 0 ? 0 : decimals, value);
        return;
    }
}

/* Picks a citation source: the prospectus or a news article. */
static void source_id(char *out, size_t size, company *c, int *lang, int prospectus)
{
    if (prospectus) {
        snprintf(out, size, "pros-%s", c->id);
        *lang = c->exchange == EX_NASDAQ ? 2 : (c->exchange == EX_HKEX ? 1 : 0);
        return;
    }
    uint32_t k = below(&c->r, NEWS_SOURCES);
    snprintf(out, size, "news-%04u", k);
    *lang = news_lang(k);
}

static void write_fact_at(writer *w, company *c, const figure *f, double value, int decimals, int dup)
{
    const period_def *p = &c->periods[f->period];
    char v[64], u[64], id[128];
    obj(w, NULL);
    if (f->segment != NULL)
        snprintf(id, sizeof id, "%s:%s:%s", f->concept, f->segment, p->id);
    else
        snprintf(id, sizeof id, "%s:%s", f->concept, p->id);
    if (dup > 0) {
        size_t n = strlen(id);
        snprintf(id + n, sizeof id - n, ":%d", dup + 1);
    }
    str(w, "id", id);
    str(w, "concept", f->concept);
    str(w, "period", p->id);
    if (f->segment != NULL)
        str(w, "segment", f->segment);
    str(w, "unit", f->unit);
    decimal_text(v, sizeof v, value, decimals == 99 ? 0 : decimals);
    str(w, "value", v);
    if (f->qualifier == 4) {
        decimal_text(u, sizeof u, f->upper, decimals);
        str(w, "upper", u);
    }
    if (decimals == 99)
        str(w, "decimals", "INF");
    else
        num(w, "decimals", decimals);
    str(w, "qualifier", qualifier_names[f->qualifier]);
    if (f->kind == F_AMOUNT && f->segment == NULL && chance(&c->r, 0.03))
        str(w, "note", "continuing operations only");
    arr(w, "sources");
    int nsrc = 1 + (chance(&c->r, 0.45) ? 1 : 0);
    nsrc += chance(&c->r, 0.2) ? 1 : 0;
    char seen[3][32];
    int nseen = 0;
    for (int s = 0; s < nsrc; s++) {
        char sid[32], q[256];
        int lang;
        source_id(sid, sizeof sid, c, &lang, s == 0 && dup == 0 && chance(&c->r, 0.6));
        int again = 0;
        for (int k = 0; k < nseen; k++)
            again |= strcmp(seen[k], sid) == 0;
        if (again)
            continue;
        memcpy(seen[nseen++], sid, sizeof sid);
        int qd = decimals == 99 ? 0 : decimals;
        quote_text(q, sizeof q, f, rounded(value, qd), qd, lang);
        obj(w, NULL);
        str(w, "source", sid);
        str(w, "text", q);
        obj_end(w);
    }
    arr_end(w);
    obj_end(w);
}

/* Writes a figure and, now and then, a second report of it. */
static void emit(writer *w, company *c, figure f)
{
    /* Qualifiers: mostly exact. */
    double q = unit(&c->r);
    if (f.kind == F_AMOUNT || f.kind == F_COUNT) {
        if (q < 0.05)
            f.qualifier = 1;
        else if (q < 0.065)
            f.qualifier = 2;
        else if (q < 0.08)
            f.qualifier = 3;
        else if (q < 0.085 && f.value > 0) {
            f.qualifier = 4;
            f.upper = f.value * uniform(&c->r, 1.05, 1.3);
        }
    }
    c->fact_serial++;
    write_fact_at(w, c, &f, f.value, f.decimals, 0);
    if (f.qualifier == 0 && f.decimals != 99 && chance(&c->r, 0.10)) {
        /* Another source: coarser, or (rarely) a different figure. */
        double v = f.value;
        int d = f.decimals - 1;
        if (chance(&c->r, 0.1))
            v *= uniform(&c->r, 1.02, 1.08);
        write_fact_at(w, c, &f, v, d, 1);
    }
}

static int amount_decimals(rng *r, double v)
{
    double a = fabs(v);
    int mag = a > 0 ? (int)floor(log10(a)) : 0;
    /* 3 to 5 significant digits. */
    int sig = 3 + (int)below(r, 3);
    int d = sig - 1 - mag;
    if (d > 0)
        d = 0;
    return d;
}

static figure amount(company *c, const char *concept, const char *segment, int period, double v)
{
    figure f;
    memset(&f, 0, sizeof f);
    f.concept = concept;
    f.segment = segment;
    f.period = period;
    f.unit = c->currency;
    f.value = v;
    f.decimals = amount_decimals(&c->r, v);
    f.kind = F_AMOUNT;
    return f;
}

static figure pure(company *c, const char *concept, const char *segment, int period, double v)
{
    figure f;
    memset(&f, 0, sizeof f);
    f.concept = concept;
    f.segment = segment;
    f.period = period;
    f.unit = "pure";
    f.value = v;
    f.decimals = chance(&c->r, 0.7) ? 3 : 4;
    f.kind = F_PURE;
    return f;
}

static figure count(company *c, const char *concept, int period, const char *unit_, double v)
{
    figure f;
    memset(&f, 0, sizeof f);
    f.concept = concept;
    f.period = period;
    f.unit = unit_;
    f.value = v;
    f.decimals = amount_decimals(&c->r, v);
    f.kind = F_COUNT;
    return f;
}

static figure other(company *c, const char *concept, int period, const char *unit_, double v, int decimals,
                    int kind)
{
    figure f;
    memset(&f, 0, sizeof f);
    (void)c;
    f.concept = concept;
    f.period = period;
    f.unit = unit_;
    f.value = v;
    f.decimals = decimals;
    f.kind = kind;
    return f;
}

/* Revenue of a part of fiscal year y: months [m0, m0 + n) of the year. */
static double revenue_part(const company *c, int y, int m0, int n)
{
    double fy = c->fy_revenue[y - 2020];
    double total = 0;
    for (int m = m0; m < m0 + n; m++)
        total += c->qweight[m / 3] / 3.0;
    return fy * total;
}

static void flow_facts(writer *w, company *c, int pi, int full)
{
    const period_def *p = &c->periods[pi];
    int y = p->year, yi = y - 2020;
    int m0 = p->kind == P_Q ? (p->part - 1) * 3 : 0;
    double rev = revenue_part(c, y, m0, p->months);
    double gm = c->gm[yi], nm = c->nm[yi], rdi = c->rdi[yi];
    double cost = rev * (1 - gm), gp = rev - cost, rd = rev * rdi, ni = rev * nm;
    double adj = ni + rev * 0.06, ocf = ni * 0.8 + rev * 0.04, capex = rev * 0.07;
    double opex = gp - ni;

    figure fr = amount(c, "revenue", NULL, pi, rev);
    emit(w, c, fr);
    emit(w, c, amount(c, "cost_of_sales", NULL, pi, cost));
    emit(w, c, amount(c, "gross_profit", NULL, pi, gp));
    emit(w, c, amount(c, "net_income", NULL, pi, ni));
    emit(w, c, amount(c, "adjusted_net_income", NULL, pi, adj));
    /* Growth over the same months a year earlier, when that is in the data. */
    if (y - 1 >= 2020 && (p->kind == P_FY || y == 2025)) {
        double prior = revenue_part(c, y - 1, m0, p->months);
        emit(w, c, pure(c, "revenue_growth", NULL, pi, rev / prior - 1));
    }
    if (!full)
        return;
    emit(w, c, pure(c, "gross_margin", NULL, pi, gm));
    emit(w, c, amount(c, "rd_expense", NULL, pi, rd));
    emit(w, c, pure(c, "rd_intensity", NULL, pi, rdi));
    emit(w, c, amount(c, "operating_cash_flow", NULL, pi, ocf));
    emit(w, c, amount(c, "operating_expense", NULL, pi, opex));
    if (p->kind == P_FY)
        emit(w, c, amount(c, "capital_expenditure", NULL, pi, capex));
    static const char *const seg_ids[MAX_SEGMENTS] = {"seg1", "seg2", "seg3", "seg4"};
    for (int s = 0; s < c->nsegments; s++) {
        double sr = rev * c->segment_weight[s];
        emit(w, c, amount(c, "segment_revenue", seg_ids[s], pi, sr));
        if (p->kind == P_FY)
            emit(w, c, pure(c, "revenue_share", seg_ids[s], pi, c->segment_weight[s]));
    }
    if (p->kind != P_FY)
        return;
    emit(w, c, pure(c, "overseas_revenue_share", NULL, pi, 0.05 + 0.4 * c->segment_weight[0]));
    if (c->ncustomers > 0) {
        static const char *const cust_ids[MAX_CUSTOMERS] = {"cust1", "cust2", "cust3", "cust4", "cust5"};
        double share = 0.2, top5 = 0;
        for (int k = 0; k < c->ncustomers; k++) {
            emit(w, c, amount(c, "segment_revenue", cust_ids[k], pi, rev * share));
            top5 += share;
            if (k == 0)
                emit(w, c, pure(c, "top1_customer_share", NULL, pi, share));
            share *= 0.7;
        }
        if (c->ncustomers == 5)
            emit(w, c, pure(c, "top5_customer_share", NULL, pi, top5));
    }
    double mau = rev / uniform(&c->r, 5, 50);
    emit(w, c, count(c, "monthly_active_users", pi, "users", mau));
    double paying = mau * uniform(&c->r, 0.02, 0.2);
    emit(w, c, count(c, "paying_users", pi, "users", paying));
    emit(w, c, amount(c, "arppu", NULL, pi, rev / paying));
}

static void instant_facts(writer *w, company *c, int pi)
{
    const period_def *p = &c->periods[pi];
    int yi = p->year - 2020;
    double rev = c->fy_revenue[yi];
    double cash = rev * uniform(&c->r, 0.3, 3.0);
    emit(w, c, amount(c, "cash", NULL, pi, cash));
    emit(w, c, amount(c, "cash_and_investments", NULL, pi, cash * uniform(&c->r, 1.1, 1.8)));
    emit(w, c, count(c, "employees", pi, "people", floor(rev / uniform(&c->r, 1e5, 1e6)) + 50));
    if (p->part == 12)
        emit(w, c, count(c, "shares_outstanding", pi, "shares", floor(rev * uniform(&c->r, 0.5, 5))));
}

static void listing_facts(writer *w, company *c, int pi)
{
    char unit_[16];
    const char *trade = c->exchange == EX_HKEX ? "HKD" : c->exchange == EX_NASDAQ ? "USD" : "CNY";
    snprintf(unit_, sizeof unit_, "%s/share", trade);
    double offer = floor(uniform(&c->r, 5, 200) * 10) / 10;
    double open = offer * uniform(&c->r, 0.7, 2.5);
    emit(w, c, other(c, "offer_price", pi, unit_, offer, 1, F_PRICE));
    emit(w, c, other(c, "opening_price", pi, unit_, open, 2, F_PRICE));
    double shares = floor(c->fy_revenue[4] * uniform(&c->r, 0.5, 5));
    figure cap = amount(c, "market_capitalization", NULL, pi, open * shares);
    cap.unit = trade;
    emit(w, c, cap);
    figure gross = amount(c, "gross_proceeds", NULL, pi, offer * shares * 0.1);
    gross.unit = trade;
    emit(w, c, gross);
    figure net = amount(c, "net_proceeds", NULL, pi, offer * shares * 0.093);
    net.unit = trade;
    emit(w, c, net);
    if (c->exchange == EX_HKEX) {
        emit(w, c, other(c, "public_oversubscription", pi, "multiple", floor(uniform(&c->r, 1, 3000)), 0,
                         F_MULTIPLE));
        emit(w, c, other(c, "international_oversubscription", pi, "multiple",
                         floor(uniform(&c->r, 10, 400)) / 10, 1, F_MULTIPLE));
        if (strcmp(c->currency, "HKD") != 0) {
            char rate_unit[16];
            snprintf(rate_unit, sizeof rate_unit, "HKD/%s", c->currency);
            double rate = strcmp(c->currency, "USD") == 0 ? 7.8 : 1.08;
            emit(w, c, other(c, "exchange_rate", pi, rate_unit, rate, strcmp(c->currency, "USD") == 0 ? 1 : 2,
                             F_RATE));
        }
    }
}

static void write_company(writer *w, uint32_t index, uint64_t seed)
{
    company c;
    memset(&c, 0, sizeof c);
    c.index = index;
    c.r.s = seed ^ ((uint64_t)index * 0xD1B54A32D192ED03ull);
    snprintf(c.id, sizeof c.id, "co%05u", index);

    /* Exchange, ticker (unique), currency, fiscal year end. */
    double e = unit(&c.r);
    c.exchange = e < 0.5 ? EX_HKEX : e < 0.7 ? EX_SSE : e < 0.85 ? EX_SZSE : EX_NASDAQ;
    switch (c.exchange) {
    case EX_HKEX:
        snprintf(c.ticker, sizeof c.ticker, "%05u", 1000 + index);
        c.currency = chance(&c.r, 0.5) ? "CNY" : chance(&c.r, 0.5) ? "USD" : "HKD";
        break;
    case EX_SSE:
        snprintf(c.ticker, sizeof c.ticker, "%06u", 600000 + index);
        c.currency = "CNY";
        break;
    case EX_SZSE:
        snprintf(c.ticker, sizeof c.ticker, "%06u", 300000 + index);
        c.currency = "CNY";
        break;
    default: {
        uint32_t x = index;
        char t[8];
        int n = 0;
        do {
            t[n++] = (char)('A' + x % 26);
            x /= 26;
        } while (x > 0 && n < 5);
        t[n++] = 'Q';
        for (int i = 0; i < n; i++)
            c.ticker[i] = t[n - 1 - i];
        c.ticker[n] = '\0';
        c.currency = "USD";
    }
    }
    double fe = unit(&c.r);
    c.fye = fe < 0.85 ? 12 : fe < 0.95 ? 3 : 6;
    c.listed_y = 2019 + (int)below(&c.r, 7);
    c.listed_m = 1 + (int)below(&c.r, 12);
    c.listed_d = 1 + (int)below(&c.r, 28);
    make_periods(&c);

    /* The money model. */
    double r0 = exp(uniform(&c.r, log(5e6), log(5e9)));
    c.fy_revenue[0] = r0;
    double g = uniform(&c.r, -0.1, 1.2);
    for (int y = 1; y < 6; y++) {
        g = g * 0.7 + uniform(&c.r, -0.15, 0.3);
        c.fy_revenue[y] = c.fy_revenue[y - 1] * (1 + g);
    }
    double gm = uniform(&c.r, 0.05, 0.8), nm = uniform(&c.r, -1.2, 0.25), rdi = uniform(&c.r, 0.03, 0.5);
    for (int y = 0; y < 6; y++) {
        c.gm[y] = fmin(0.95, fmax(-0.3, gm + uniform(&c.r, -0.05, 0.05)));
        c.nm[y] = fmin(0.4, nm + 0.05 * y + uniform(&c.r, -0.05, 0.05));
        c.rdi[y] = fmax(0.01, rdi + uniform(&c.r, -0.02, 0.02));
    }
    double wsum = 0;
    for (int q = 0; q < 4; q++) {
        c.qweight[q] = uniform(&c.r, 0.8, 1.2);
        wsum += c.qweight[q];
    }
    for (int q = 0; q < 4; q++)
        c.qweight[q] /= wsum;
    c.nsegments = 2 + (int)below(&c.r, 3);
    wsum = 0;
    for (int s = 0; s < c.nsegments; s++) {
        c.segment_name[s] = (int)((below(&c.r, SEGMENT_NAMES) + (uint32_t)s * 5) % SEGMENT_NAMES);
        c.segment_weight[s] = uniform(&c.r, 0.2, 1.0);
        wsum += c.segment_weight[s];
    }
    for (int s = 0; s < c.nsegments; s++)
        c.segment_weight[s] /= wsum;
    c.ncustomers = chance(&c.r, 0.4) ? (chance(&c.r, 0.6) ? 5 : 3) : 0;
    c.nshareholders = 2;

    /* Identity. */
    int parts[3];
    name_parts(index, parts);
    const char *const *suffix = name_suffix[below(&c.r, NAME_SUFFIXES)];
    char en[96], hans[64], hant[64];
    snprintf(hans, sizeof hans, "%s%s%s%s", name_chars[parts[0]][0], name_chars[parts[1]][0],
             name_chars[parts[2]][0], suffix[0]);
    snprintf(hant, sizeof hant, "%s%s%s%s", name_chars[parts[0]][1], name_chars[parts[1]][1],
             name_chars[parts[2]][1], suffix[1]);
    /* "Huaxingyun Technology 17": the index keeps English names unique too. */
    snprintf(en, sizeof en, "%s%s%s %s %u", name_chars[parts[0]][2], name_chars[parts[1]][2],
             name_chars[parts[2]][2], suffix[2], index);
    for (size_t k = 1; en[k] != ' '; k++)
        if (en[k] >= 'A' && en[k] <= 'Z')
            en[k] = (char)(en[k] - 'A' + 'a');

    obj(w, NULL);
    str(w, "id", c.id);
    write_names3(w, en, hans, hant);
    str(w, "exchange", exchanges[c.exchange]);
    str(w, "ticker", c.ticker);
    obj(w, "identifiers");
    if (c.exchange == EX_NASDAQ)
        strf(w, "cik", "%010u", 1900000 + index);
    else
        strf(w, "uscc", "91310000MA%08u", index * 37u);
    obj_end(w);
    if (chance(&c.r, 0.7)) {
        int y = 1995 + (int)below(&c.r, 26);
        int m = 1 + (int)below(&c.r, 12);
        strf(w, "founded", "%d-%02d", y, m);
    } else {
        strf(w, "founded", "%d", 1995 + (int)below(&c.r, 26));
    }
    write_date(w, "listed", c.listed_y, c.listed_m, c.listed_d);
    str(w, "currency", c.currency);
    num(w, "fiscal_year_end", c.fye);

    /* People. */
    arr(w, "people");
    int npeople = 2 + (int)below(&c.r, 2);
    static const char *const roles[] = {"founder and chief executive officer", "chief financial officer",
                                        "chief technology officer", "independent non-executive director"};
    for (int k = 0; k < npeople; k++) {
        const char *const *sn = surnames[below(&c.r, sizeof surnames / sizeof surnames[0])];
        const char *const *g1 = given[below(&c.r, sizeof given / sizeof given[0])];
        const char *const *g2 = given[below(&c.r, sizeof given / sizeof given[0])];
        char pen[64], phans[32], phant[32];
        snprintf(pen, sizeof pen, "%s %s%c%s", sn[2], g1[2], g2[2][0] - 'A' + 'a', g2[2] + 1);
        snprintf(phans, sizeof phans, "%s%s%s", sn[0], g1[0], g2[0]);
        snprintf(phant, sizeof phant, "%s%s%s", sn[1], g1[1], g2[1]);
        obj(w, NULL);
        strf(w, "id", "person%d", k + 1);
        write_names3(w, pen, phans, phant);
        str(w, "role", roles[k]);
        strf(w, "born", "%d", 1960 + (int)below(&c.r, 35));
        arr(w, "sources");
        obj(w, NULL);
        strf(w, "source", "pros-%s", c.id);
        strf(w, "text", "%s%s", roles[k][0] == 'f' ? "创始人" : "", phans);
        obj_end(w);
        arr_end(w);
        obj_end(w);
    }
    arr_end(w);

    /* Members: segments, a region, customers, shareholders. */
    arr(w, "members");
    for (int s = 0; s < c.nsegments; s++) {
        const char *const *sn = segment_names[c.segment_name[s]];
        obj(w, NULL);
        strf(w, "id", "seg%d", s + 1);
        str(w, "kind", "segment");
        write_names3(w, sn[2], sn[0], sn[1]);
        obj_end(w);
    }
    obj(w, NULL);
    str(w, "id", "overseas");
    str(w, "kind", "region");
    write_names3(w, "Outside mainland China", "海外", "海外");
    obj_end(w);
    for (int k = 0; k < c.ncustomers; k++) {
        obj(w, NULL);
        strf(w, "id", "cust%d", k + 1);
        str(w, "kind", "customer");
        obj(w, "names");
        strf(w, "en", "Customer %c", 'A' + k);
        strf(w, "zh-Hans", "客户%c", 'A' + k);
        obj_end(w);
        obj_end(w);
    }
    for (int k = 0; k < c.nshareholders; k++) {
        obj(w, NULL);
        strf(w, "id", "holder%d", k + 1);
        str(w, "kind", "shareholder");
        obj(w, "names");
        strf(w, "en", "Holder %d", k + 1);
        obj_end(w);
        obj_end(w);
    }
    arr_end(w);

    /* Events. */
    arr(w, "events");
    obj(w, NULL);
    str(w, "kind", "listed");
    write_date(w, "date", c.listed_y, c.listed_m, c.listed_d);
    strf(w, "note", "在%s上市,股票代码%s", exchanges[c.exchange], c.ticker);
    arr(w, "sources");
    obj(w, NULL);
    strf(w, "source", "pros-%s", c.id);
    strf(w, "text", "%d年%d月%d日上市", c.listed_y, c.listed_m, c.listed_d);
    obj_end(w);
    arr_end(w);
    obj_end(w);
    arr_end(w);

    /* Periods. */
    arr(w, "periods");
    for (int i = 0; i < c.nperiods; i++) {
        const period_def *p = &c.periods[i];
        obj(w, NULL);
        str(w, "id", p->id);
        if (p->label[0] != '\0')
            str(w, "label", p->label);
        if (p->instant) {
            write_date(w, "instant", p->ey, p->em, p->ed);
        } else {
            write_date(w, "start", p->sy, p->sm, p->sd);
            write_date(w, "end", p->ey, p->em, p->ed);
        }
        obj_end(w);
    }
    arr_end(w);

    /* Facts. */
    arr(w, "facts");
    for (int i = 0; i < c.nperiods; i++) {
        const period_def *p = &c.periods[i];
        switch (p->kind) {
        case P_FY:
        case P_YTD:
            flow_facts(w, &c, i, 1);
            break;
        case P_Q:
            flow_facts(w, &c, i, 0);
            break;
        case P_INSTANT:
            instant_facts(w, &c, i);
            break;
        default:
            listing_facts(w, &c, i);
            break;
        }
    }
    arr_end(w);
    obj_end(w);
}

/* ------------------------------------------------------------------ */
/* Main                                                                */
/* ------------------------------------------------------------------ */

static void usage(void)
{
    fprintf(stderr, "usage: gen --size MB --out FILE [--seed N] [--companies N]\n"
                    "  writes a synthetic ipofacts-dataset/1 file of about MB megabytes (10^6 bytes),\n"
                    "  or of exactly N companies\n");
    exit(2);
}

int main(int argc, char **argv)
{
    double size_mb = 0;
    long companies = -1;
    const char *out = NULL;
    uint64_t seed = 20260109;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--size") == 0 && i + 1 < argc)
            size_mb = strtod(argv[++i], NULL);
        else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--companies") == 0 && i + 1 < argc)
            companies = strtol(argv[++i], NULL, 10);
        else
            usage();
    }
    if (out == NULL || (size_mb <= 0 && companies < 0))
        usage();
    size_t target = (size_t)(size_mb * 1e6);

    /* Companies first, into memory: the source list in front of them
     * depends on how many there are. */
    buf cb = {0};
    writer cw = {.b = &cb, .depth = 4, .level = 0};
    uint32_t n = 0;
    /* The header and sources take about 230 bytes per news source and 250
     * per company. */
    size_t fixed = 64 + (size_t)NEWS_SOURCES * 230;
    for (;;) {
        if (companies >= 0 ? (long)n >= companies : fixed + cb.len + (size_t)n * 250 >= target)
            break;
        if (n >= NAME_SPACE) {
            fprintf(stderr, "gen: more than %u companies would repeat names\n", NAME_SPACE);
            return 2;
        }
        write_company(&cw, n, seed);
        n++;
    }

    buf b = {0};
    writer w = {.b = &b, .depth = 0, .level = 0};
    puts_(&b, "{");
    w.depth = 2;
    str(&w, "format", "ipofacts-dataset/1");
    arr(&w, "sources");
    for (uint32_t k = 0; k < NEWS_SOURCES; k++)
        write_news_source(&w, k);
    for (uint32_t i = 0; i < n; i++) {
        char id[16];
        snprintf(id, sizeof id, "co%05u", i);
        rng r = {seed ^ ((uint64_t)i * 0xD1B54A32D192ED03ull)};
        double e = unit(&r);
        int ex = e < 0.5 ? EX_HKEX : e < 0.7 ? EX_SSE : e < 0.85 ? EX_SZSE : EX_NASDAQ;
        obj(&w, NULL);
        strf(&w, "id", "pros-%s", id);
        str(&w, "publisher", ex == EX_HKEX ? "HKEXnews" : ex == EX_NASDAQ ? "SEC EDGAR" : "巨潮资讯网");
        str(&w, "title", ex == EX_NASDAQ ? "Form F-1 registration statement" : ex == EX_HKEX ? "招股章程" : "招股说明书");
        strf(&w, "document", "%s-prospectus.pdf", id);
        str(&w, "language", ex == EX_NASDAQ ? "en" : ex == EX_HKEX ? "zh-Hant" : "zh-Hans");
        num(&w, "rank", 1);
        obj_end(&w);
    }
    arr_end(&w);
    key(&w, "companies");
    put(&b, "[", 1);
    FILE *f = fopen(out, "wb");
    if (f == NULL) {
        fprintf(stderr, "gen: cannot write %s: %s\n", out, strerror(errno));
        return 1;
    }
    int ok = fwrite(b.data, 1, b.len, f) == b.len;
    if (n > 0)
        ok = ok && fwrite(cb.data, 1, cb.len, f) == cb.len && fputs("\n  ]", f) >= 0;
    else
        ok = ok && fputs("]", f) >= 0;
    ok = ok && fputs("\n}\n", f) >= 0;
    ok = (fclose(f) == 0) && ok;
    if (!ok) {
        fprintf(stderr, "gen: cannot write %s: %s\n", out, strerror(errno));
        return 1;
    }
    fprintf(stderr, "gen: %s: %u companies, %zu bytes\n", out, n, b.len + cb.len + 8);
    free(b.data);
    free(cb.data);
    return 0;
}
