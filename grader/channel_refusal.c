/* Finding a refusal of applications in person or by post; see channel_refusal.h. */
#include "grader/channel_refusal.h"
#include "grader/text_search.h"

#include <string.h>

/* How far from the refusing verb its object may stand: a dozen characters ("当面提交的申请，
 * 本机关不予受理"), not a sentence away ("申请材料不全的不予受理；邮寄申请的…"). */
#define NEAR_BYTES 36

static const char *const refusals[] = {"不受理", "不予受理", "不再受理", "暂不受理", "暂停受理",
	"停止受理", "不接受", "不再接受", "暂不接受", "不接收", "暂停接收", "不办理", NULL};
static const char *const only_words[] = {"仅受理", "仅接受", "仅接收", "只受理", "只接受", "只接收",
	"仅限", "只能通过", "仅通过", "一律通过", "统一通过", NULL};
static const char *const offline[] = {"当面", "现场提交", "现场申请", "窗口", "到场", "邮寄", "信函",
	"邮政", "纸质", "书面申请", NULL};
static const char *const online[] = {"网上", "在线", "网络", "电子邮件", "邮箱", "平台", "互联网",
	"网站", NULL};
static const char *const stops[] = {"。", ";", "!", "?", "\n", NULL};

/* The sentence around p, no further than 300 bytes either side. */
static void sentence(const char *t, size_t from, size_t to, size_t p, size_t *s, size_t *e)
{
	size_t lo = p > from + 300 ? p - 300 : from, hi = p + 300 < to ? p + 300 : to;
	*s = lo;
	for (size_t i = lo; i < p;) {
		size_t which = 0;
		ssize_t k = text_find_any(t, i, p, stops, &which);
		if (k < 0)
			break;
		i = (size_t)k + strlen(stops[which]);
		*s = i;
	}
	ssize_t k = text_find_any(t, p, hi, stops, NULL);
	*e = k < 0 ? hi : (size_t)k + (t[k] == '\n' ? 0 : 1);
	while (*e < to && ((unsigned char)t[*e] & 0xC0) == 0x80)
		(*e)++;
}

static int near(const char *t, size_t s, size_t e, size_t a, size_t b, const char *const *words)
{
	size_t lo = a > s + NEAR_BYTES ? a - NEAR_BYTES : s, hi = b + NEAR_BYTES < e ? b + NEAR_BYTES : e;
	return text_find_any(t, lo, hi, words, NULL) >= 0;
}

int channel_refusal_find(const char *t, size_t from, size_t to, size_t *s, size_t *e)
{
	size_t pos = from, at, which;
	struct text_cursor c;
	text_cursor_init(&c, t, to, refusals);
	for (size_t seen = 0; seen < TEXT_SCAN_MAX && text_cursor_step(&c, &pos, &at, &which); seen++) {
		sentence(t, from, to, at, s, e);
		if (text_find(t, *s, *e, "申请") >= 0 &&
		    near(t, *s, *e, at, at + strlen(refusals[which]), offline))
			return 1;
	}
	pos = from;
	text_cursor_init(&c, t, to, only_words);
	for (size_t seen = 0; seen < TEXT_SCAN_MAX && text_cursor_step(&c, &pos, &at, &which); seen++) {
		sentence(t, from, to, at, s, e);
		size_t end = at + strlen(only_words[which]);
		if (text_find(t, *s, *e, "申请") >= 0 && near(t, at, *e, end, end, online) &&
		    text_find_any(t, *s, *e, offline, NULL) < 0)
			return 1;
	}
	return 0;
}
