/* The item codes and document kinds a scheme file may name: the grader's own lists, and the two results the round adds. */
#include "grader/scheme.h"

#include "grader/guide_check.h"
#include "grader/letter_check.h"

#include <string.h>

/*
 * Two results come from the round rather than from reading a document: whether the reply came
 * within the statutory deadline (条例 §33) and whether the channel took the mock application
 * (a form that confirmed it, a mail that did not bounce: the scheme's 模拟测试 of 渠道畅通性).
 */
static const char *const round_foi_items[] = {"timely"};
static const char *const round_guide_items[] = {"channel.accepted"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

size_t scheme_item_count(void)
{
	return LETTER_ITEM_COUNT + COUNT(round_foi_items) + GUIDE_ITEM_COUNT + COUNT(round_guide_items);
}

const char *scheme_item_at(size_t i, enum scheme_graded *graded)
{
	if (i < LETTER_ITEM_COUNT) {
		*graded = SCHEME_FOI;
		return letter_item_codes[i];
	}
	i -= LETTER_ITEM_COUNT;
	if (i < COUNT(round_foi_items)) {
		*graded = SCHEME_FOI;
		return round_foi_items[i];
	}
	i -= COUNT(round_foi_items);
	if (i < GUIDE_ITEM_COUNT) {
		*graded = SCHEME_GUIDE;
		return guide_item_code((enum guide_item_id)i);
	}
	i -= GUIDE_ITEM_COUNT;
	if (i < COUNT(round_guide_items)) {
		*graded = SCHEME_GUIDE;
		return round_guide_items[i];
	}
	return NULL;
}

int scheme_item_lookup(const char *code, enum scheme_graded *graded)
{
	for (size_t i = 0; i < scheme_item_count(); i++) {
		enum scheme_graded g;
		const char *c = scheme_item_at(i, &g);
		if (strcmp(c, code) == 0) {
			*graded = g;
			return 1;
		}
	}
	return 0;
}

/* The items letter_check.h does not describe: the round's two and the guide page's. */
static const char *const other_items[][2] = {
	{"timely", "replied within the statutory deadline, or a properly notified extension (条例 §33)"},
	{"channel.accepted", "the channel took the mock application: a form confirmed it, a mail did not bounce"},
	{"guide.present", "the unit publishes a guide that tells how and where to apply"},
	{"channel.online", "the guide gives an online channel with its address"},
	{"channel.postal", "the guide gives a postal address and postcode"},
	{"channel.office", "the guide names the office that receives applications"},
	{"channel.phone", "the guide gives that office's telephone"},
	{"channel.email_or_fax", "the guide gives an e-mail address or fax, or says none is offered"},
	{"guide.notes", "the guide says what an application must contain and how the receipt date is fixed"},
};

const char *scheme_item_describe(const char *code)
{
	const char *d = letter_item_describe(code);
	for (size_t i = 0; !d && i < COUNT(other_items); i++)
		if (strcmp(other_items[i][0], code) == 0)
			d = other_items[i][1];
	return d;
}

/* The kinds of enum letter_kind (letter_check.h), by the names a scheme file uses. */
static const char *const kinds[] = {"final", "supplement", "extension", "ack"};

size_t scheme_kind_count(void)
{
	return COUNT(kinds);
}

const char *scheme_kind_at(size_t i)
{
	return i < COUNT(kinds) ? kinds[i] : NULL;
}
