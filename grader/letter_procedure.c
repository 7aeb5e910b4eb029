/*
 * The items of the procedural notices (README.md, "Items by kind"): a supplement notice
 * (补正告知书, 条例 §30 and the reply norms: within 7 working days of receipt, once and for
 * all, what to supplement, a reasonable period, the consequence), an extension notice
 * (延期答复告知书, §33: before the 20 working days end, the new deadline, at most 20 more
 * working days, a reason) and a fee notice (收费通知书, §42 and 国办函〔2020〕109号: basis,
 * amount, and only beyond 10 applications a month or 30 pages). Days are counted on the
 * caller's calendar (schedule/); what the caller does not know is `unknown`.
 */
#include "grader/letter_doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The reply period of §33 and the longest extension, in working days. */
#define REPLY_DAYS 20
#define EXTENSION_MAX_DAYS 20
/* The norms' limit for a supplement notice (§30), in working days. */
#define SUPPLEMENT_DAYS 7
/* A supplement period shorter than this is for the reviewer to call reasonable or not. */
#define SUPPLEMENT_MIN_WORKING 5
#define SUPPLEMENT_MIN_CALENDAR 7
/* The free range of the fee measures: applications in a natural month, pages. */
#define FEE_FREE_APPLICATIONS 10
#define FEE_FREE_PAGES 30

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

/* "15个工作日", "15工作日", "10日", "10天" at p: 1 with the number, whether working days. */
static int period_at(const char *t, size_t len, size_t p, int *n, int *working, size_t *end)
{
	int v = 0, k = 0;
	while (p < len && digit(t[p]) && k < 4) {
		v = v * 10 + (t[p++] - '0');
		k++;
	}
	if (!k || (p < len && digit(t[p])))
		return 0;
	if (text_at(t, len, p, "个"))
		p += strlen("个");
	static const char *const units[] = {"工作日", "自然日", "日", "天", NULL};
	for (const char *const *u = units; *u; u++)
		if (text_at(t, len, p, *u)) {
			*n = v;
			*working = u == units;
			*end = p + strlen(*u);
			return 1;
		}
	return 0;
}

/* The first period in t[s..e) after from whose 20 bytes before do not hold any of skip. */
static ssize_t find_period(const char *t, size_t from, size_t e, const char *const *skip, int *n,
			   int *working)
{
	for (size_t p = from; p < e; p++) {
		/* Not the day of a date (9月20日), nor part of a longer number. */
		if (!digit(t[p]) || (p > 0 && digit(t[p - 1])) || text_before(t, p, "月"))
			continue;
		size_t end;
		if (!period_at(t, e, p, n, working, &end))
			continue;
		size_t lo = p > 24 ? p - 24 : 0;
		if (skip && text_find_any(t, lo < from ? from : lo, p, skip, NULL) >= 0)
			continue;
		return (ssize_t)p;
	}
	return -1;
}

/* The day the letter went out: the caller's, else the date printed on it. *how says which. */
static int sent_day(const struct letter_doc *d, sched_day *day, const char **how)
{
	if (d->ctx->sent != LETTER_DAY_UNKNOWN) {
		*day = d->ctx->sent;
		*how = "sent";
		return 1;
	}
	struct date_match m;
	if (d->date_line != LINE_NONE && text_find_date(d->norm.text, d->date_start, d->date_end, 0, &m) &&
	    m.year > 0) {
		*day = day_from_ymd(m.year, m.month, m.day);
		*how = "dated";
		return 1;
	}
	return 0;
}

static void ymd(sched_day d, char *buf, size_t size)
{
	int y, m, dd;
	day_to_ymd(d, &y, &m, &dd);
	snprintf(buf, size, "%04d-%02d-%02d", y, m, dd);
}

/* The original deadline: the caller's, else 20 working days from the receipt. 1 when known;
 * 0 when not (why says so), -1 when the calendar cannot count it (why has its error). */
static int original_deadline(const struct letter_doc *d, sched_day *out, char *why, size_t whysz)
{
	const struct letter_context *c = d->ctx;
	if (c->deadline != LETTER_DAY_UNKNOWN) {
		*out = c->deadline;
		return 1;
	}
	if (c->received == LETTER_DAY_UNKNOWN || !c->cal) {
		snprintf(why, whysz, "the original deadline is not known (give it, or the receipt day and a calendar)");
		return 0;
	}
	return calendar_nth_working_after(c->cal, c->received, REPLY_DAYS, out, why, whysz) == 0 ? 1 : -1;
}

/* --- supplement notice --- */

static int supplement_timely(const struct letter_doc *d, struct finding_list *out)
{
	const struct letter_context *c = d->ctx;
	sched_day sent;
	const char *how;
	if (c->received == LETTER_DAY_UNKNOWN || !c->cal)
		return finding_add(out, "supplement.timely", FINDING_UNKNOWN,
				   "the receipt day of the request is not known: the 7 working days cannot be counted");
	if (!sent_day(d, &sent, &how))
		return finding_add(out, "supplement.timely", FINDING_UNKNOWN,
				   "neither the day it was sent nor a date on the letter is known");
	int n;
	char err[256], r[16], s[16];
	if (calendar_working_days_between(c->cal, c->received, sent, &n, err, sizeof err) != 0)
		return finding_add(out, "supplement.timely", FINDING_UNKNOWN, "cannot count the days: %s", err);
	ymd(c->received, r, sizeof r);
	ymd(sent, s, sizeof s);
	return finding_add(out, "supplement.timely", n <= SUPPLEMENT_DAYS ? FINDING_PASS : FINDING_FAIL,
			   "received %s, %s %s: working day %d after receipt (at most %d, §30)", r, how, s, n,
			   SUPPLEMENT_DAYS);
}

static int supplement_once(const struct letter_doc *d, struct finding_list *out)
{
	int n = d->ctx->earlier_supplements;
	if (n < 0)
		return finding_add(out, "supplement.once", FINDING_UNKNOWN,
				   "whether an earlier supplement notice was sent on this application is not known");
	if (n == 0)
		return finding_add(out, "supplement.once", FINDING_PASS,
				   "the first supplement notice on this application");
	return finding_add(out, "supplement.once", FINDING_FAIL,
			   "supplement notice number %d on this application: §30 asks for everything at once (一次性)",
			   n + 1);
}

/* What an application may lack (§29, the norms): the description, identity, contact, form. */
static const char *const matters[] = {"名称", "文号", "特征性描述", "具体", "明确", "身份证",
	"身份证明", "联系方式", "联系电话", "通讯地址", "获取方式", "提供形式", "委托", "签名", "用途", "证明材料", NULL};

static int supplement_matters(const struct letter_doc *d, struct finding_list *out)
{
	const char *t = d->body.text;
	for (size_t from = 0, seen = 0; seen < TEXT_SCAN_MAX; seen++) {
		ssize_t p = text_find(t, from, d->body.len, "补");
		if (p < 0)
			break;
		from = (size_t)p + 1;
		size_t s, e;
		body_sentence(d, (size_t)p, &s, &e);
		/* The list of matters often follows the sentence that asks ("作出如下补正：一、…"). */
		size_t e2 = e < d->body.len ? e : d->body.len, s2, next = e2;
		if (e2 < d->body.len) {
			body_sentence(d, e2, &s2, &next);
		}
		ssize_t m = text_find_any(t, s, next, matters, NULL);
		if (m >= 0)
			return body_finding(d, out, "supplement.matters", FINDING_PASS, s, next, "%s", "");
	}
	return finding_add(out, "supplement.matters", FINDING_FAIL,
			   "the notice does not say what is to be supplemented (the description, identity, contact)");
}

static int supplement_period(const struct letter_doc *d, struct finding_list *out)
{
	static const char *const not_this[] = {"收到申请", "申请之日", "答复期限", NULL};
	const char *t = d->body.text;
	for (size_t from = 0, seen = 0; seen < TEXT_SCAN_MAX; seen++) {
		ssize_t p = text_find(t, from, d->body.len, "补");
		if (p < 0)
			break;
		size_t s, e;
		body_sentence(d, (size_t)p, &s, &e);
		from = e > (size_t)p ? e : (size_t)p + 1;
		int n, working;
		ssize_t q = find_period(t, s, e, not_this, &n, &working);
		if (q >= 0) {
			if (n >= (working ? SUPPLEMENT_MIN_WORKING : SUPPLEMENT_MIN_CALENDAR))
				return body_finding(d, out, "supplement.period", FINDING_PASS, s, e, "%s", "");
			return body_finding(d, out, "supplement.period", FINDING_UNKNOWN, s, e,
					    "a short period (%d %s): reasonable or not is for the reviewer: ", n,
					    working ? "working days" : "days");
		}
		struct date_match m;
		if (text_find_date(t, s, e, 0, &m) && text_at(t, e, m.end, "前"))
			return body_finding(d, out, "supplement.period", FINDING_PASS, s, e, "%s", "");
	}
	return finding_add(out, "supplement.period", FINDING_FAIL,
			   "the notice gives no period within which to supplement");
}

static const char *const consequences[] = {"视为放弃", "视为撤回", "视为自动放弃", "不再处理",
	"不予处理", "终止办理", "终止处理", NULL};

static int supplement_consequence(const struct letter_doc *d, struct finding_list *out)
{
	return words_finding(d, out, "supplement.consequence", consequences,
			     "the notice does not say that an application not supplemented is treated as withdrawn (§30)");
}

/* --- extension notice --- */

static const char *const extend_words[] = {"延长", "延期", NULL};

static int extension_timely(const struct letter_doc *d, struct finding_list *out)
{
	char why[256], a[16], b[16];
	sched_day deadline, sent;
	const char *how;
	int k = original_deadline(d, &deadline, why, sizeof why);
	if (k <= 0)
		return finding_add(out, "extension.timely", FINDING_UNKNOWN, "%s%s",
				   k < 0 ? "cannot count the deadline: " : "", why);
	if (!sent_day(d, &sent, &how))
		return finding_add(out, "extension.timely", FINDING_UNKNOWN,
				   "neither the day it was sent nor a date on the letter is known");
	ymd(deadline, a, sizeof a);
	ymd(sent, b, sizeof b);
	if (sent <= deadline)
		return finding_add(out, "extension.timely", FINDING_PASS, "%s %s, before the deadline %s", how, b, a);
	return finding_add(out, "extension.timely", FINDING_FAIL,
			   "%s %s, after the original deadline %s: §33 extends only a period still running", how, b, a);
}

/* The new deadline: a date followed by 前 (将于X前作出答复) or after 延长至/延期至. */
static int new_deadline(const struct letter_doc *d, struct date_match *found)
{
	const char *t = d->body.text;
	struct date_match m;
	for (size_t from = 0, seen = 0; seen < TEXT_SCAN_MAX && text_find_date(t, from, d->body.len, 0, &m); seen++) {
		from = m.end;
		if (text_at(t, d->body.len, m.end, "前") || text_at(t, d->body.len, m.end, "之前") ||
		    text_at(t, d->body.len, m.end, "以前") || text_before(t, m.start, "延长至") ||
		    text_before(t, m.start, "延期至") || text_before(t, m.start, "截止")) {
			*found = m;
			return 1;
		}
	}
	return 0;
}

static int extension_new_deadline(const struct letter_doc *d, struct finding_list *out)
{
	struct date_match m;
	if (new_deadline(d, &m))
		return sentence_finding(d, out, "extension.new_deadline", FINDING_PASS, m.start, "%s", "");
	return finding_add(out, "extension.new_deadline", FINDING_FAIL,
			   "the notice does not state by when the reply will come");
}

static int extension_length(const struct letter_doc *d, struct finding_list *out)
{
	const char *t = d->body.text;
	size_t pos = 0, at, which;
	struct text_cursor c;
	text_cursor_init(&c, t, d->body.len, extend_words);
	for (size_t seen = 0; seen < TEXT_SCAN_MAX && text_cursor_step(&c, &pos, &at, &which); seen++) {
		size_t s, e;
		body_sentence(d, at, &s, &e);
		size_t hi = at + 36 < e ? at + 36 : e;
		int n, working;
		ssize_t q = find_period(t, at, hi, NULL, &n, &working);
		if (q < 0 || !working)
			continue;
		if (n <= EXTENSION_MAX_DAYS)
			return body_finding(d, out, "extension.length", FINDING_PASS, s, e, "%d working days: ", n);
		return body_finding(d, out, "extension.length", FINDING_FAIL, s, e,
				    "%d working days, more than the %d §33 allows: ", n, EXTENSION_MAX_DAYS);
	}
	/* Only a date: count from the original deadline. */
	struct date_match m;
	char why[256];
	sched_day deadline;
	int k;
	if (!new_deadline(d, &m) || m.year == 0 || !d->ctx->cal ||
	    (k = original_deadline(d, &deadline, why, sizeof why)) <= 0)
		return finding_add(out, "extension.length", FINDING_UNKNOWN,
				   "the notice states no number of working days, and the original deadline and a calendar "
				   "to count to its new date are not both known");
	int n;
	if (calendar_working_days_between(d->ctx->cal, deadline, day_from_ymd(m.year, m.month, m.day), &n, why,
					  sizeof why) != 0)
		return finding_add(out, "extension.length", FINDING_UNKNOWN, "cannot count the days: %s", why);
	return sentence_finding(d, out, "extension.length", n <= EXTENSION_MAX_DAYS ? FINDING_PASS : FINDING_FAIL,
				m.start, "the new deadline is %d working days after the original one (at most %d): ",
				n, EXTENSION_MAX_DAYS);
}

static int extension_reason(const struct letter_doc *d, struct finding_list *out)
{
	static const char *const because[] = {"因", "由于", "鉴于", NULL};
	static const char *const why[] = {"无法", "不能", "需要", "需", "较多", "复杂", "涉及", "征求", NULL};
	const char *t = d->body.text;
	size_t pos = 0, at;
	struct text_cursor c;
	text_cursor_init(&c, t, d->body.len, because);
	for (size_t seen = 0; seen < TEXT_SCAN_MAX && text_cursor_step(&c, &pos, &at, NULL); seen++) {
		size_t s, e;
		body_sentence(d, at, &s, &e);
		if (text_find_any(t, s, e, why, NULL) >= 0)
			return body_finding(d, out, "extension.reason", FINDING_PASS, s, e, "%s", "");
	}
	return finding_add(out, "extension.reason", FINDING_FAIL, "the notice gives no reason for the extension");
}

/* --- fee notice --- */

static int fee_basis(const struct letter_doc *d, struct finding_list *out)
{
	static const char *const basis[] = {"信息处理费管理办法", "[2020]109号", "第42条", NULL};
	return words_finding(d, out, "fee.basis", basis,
			     "the notice cites neither §42 nor the fee measures (国办函〔2020〕109号)");
}

static int fee_amount(const struct letter_doc *d, struct finding_list *out)
{
	const char *t = d->body.text;
	for (size_t from = 0, seen = 0; seen < TEXT_SCAN_MAX; seen++) {
		ssize_t p = text_find(t, from, d->body.len, "元");
		if (p < 0)
			break;
		from = (size_t)p + 1;
		if (p > 0 && digit(t[p - 1]))
			return sentence_finding(d, out, "fee.amount", FINDING_PASS, (size_t)p, "%s", "");
	}
	return finding_add(out, "fee.amount", FINDING_FAIL, "the notice states no amount in yuan");
}

/* The largest number written before unit ("1260页", "15件") in the body, or -1. */
static int largest_count(const struct letter_doc *d, const char *unit, size_t *at)
{
	const char *t = d->body.text;
	int best = -1;
	for (size_t from = 0, seen = 0; seen < TEXT_SCAN_MAX; seen++) {
		ssize_t p = text_find(t, from, d->body.len, unit);
		if (p < 0)
			break;
		from = (size_t)p + 1;
		size_t k = (size_t)p;
		int v = 0, mul = 1, nd = 0;
		while (k > 0 && digit(t[k - 1]) && nd < 6) {
			v += (t[--k] - '0') * mul;
			mul *= 10;
			nd++;
		}
		if (nd && v > best) {
			best = v;
			*at = k;
		}
	}
	return best;
}

static int fee_chargeable(const struct letter_doc *d, struct finding_list *out)
{
	size_t pat = 0, cat = 0;
	int pages = largest_count(d, "页", &pat), count = largest_count(d, "件", &cat);
	int month = d->ctx->applications_in_month;
	if (pages > FEE_FREE_PAGES)
		return sentence_finding(d, out, "fee.chargeable", FINDING_PASS, pat,
					"%d pages, beyond the free %d: ", pages, FEE_FREE_PAGES);
	if (month < 0 && count >= 0)
		month = count;
	if (month > FEE_FREE_APPLICATIONS)
		return finding_add(out, "fee.chargeable", FINDING_PASS, "%d applications in the month, beyond the free %d",
				   month, FEE_FREE_APPLICATIONS);
	if (month >= 0)
		return finding_add(out, "fee.chargeable", FINDING_FAIL,
				   "a fee for %d application%s in the month%s: free up to %d applications and %d pages "
				   "(国办函〔2020〕109号)", month, month == 1 ? "" : "s",
				   pages >= 0 ? " and no more than 30 pages" : "", FEE_FREE_APPLICATIONS, FEE_FREE_PAGES);
	return finding_add(out, "fee.chargeable", FINDING_UNKNOWN,
			   "neither the number of applications in the month nor the pages are known");
}

/* A fee notice demands a fee by its nature: whether it may is fee.chargeable's to say, so
 * no_fee_demand (written for replies that slip a fee in) leaves it there. */
static int set_unknown(struct finding *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int set_unknown(struct finding *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = finding_vset(f, FINDING_UNKNOWN, fmt, ap);
	va_end(ap);
	return rc;
}

static int fee_defers(struct finding_list *out)
{
	for (size_t i = 0; i < out->count; i++)
		if (strcmp(out->items[i].code, "no_fee_demand") == 0)
			return set_unknown(&out->items[i], "%s", "a fee notice: whether this fee may be charged is fee.chargeable");
	return 0;
}

int letter_check_procedure(const struct letter_doc *d, struct finding_list *out)
{
	switch (d->kind) {
	case LETTER_SUPPLEMENT:
		return supplement_timely(d, out) || supplement_once(d, out) || supplement_matters(d, out) ||
		       supplement_period(d, out) || supplement_consequence(d, out);
	case LETTER_EXTENSION:
		return extension_timely(d, out) || extension_new_deadline(d, out) || extension_length(d, out) ||
		       extension_reason(d, out);
	case LETTER_FEE:
		return fee_basis(d, out) || fee_amount(d, out) || fee_chargeable(d, out) || fee_defers(out);
	default:
		return 0;
	}
}
