/* Field roles of the units' web forms, read from their labels (see form_roles.h). */
#include "harness/web/form_roles.h"

#include <string.h>
#include <strings.h>

static const char *const role_names[ROLE_COUNT] = {
	[ROLE_UNKNOWN] = "unknown", [ROLE_NAME] = "name", [ROLE_ID_TYPE] = "id_type", [ROLE_ID_NUMBER] = "id_number",
	[ROLE_PHONE] = "phone", [ROLE_EMAIL] = "email", [ROLE_ADDRESS] = "address", [ROLE_POSTCODE] = "postcode",
	[ROLE_TITLE] = "title", [ROLE_CONTENT] = "content", [ROLE_DELIVERY] = "delivery", [ROLE_PUBLIC] = "public",
	[ROLE_HIDDEN] = "hidden", [ROLE_CAPTCHA] = "captcha", [ROLE_KEEP] = "keep",
};

const char *form_role_name(enum form_role r)
{
	return r >= 0 && r < ROLE_COUNT ? role_names[r] : "unknown";
}

enum form_role form_role_parse(const char *name)
{
	for (int r = 0; r < ROLE_COUNT; r++)
		if (strcmp(role_names[r], name) == 0)
			return (enum form_role)r;
	return ROLE_COUNT;
}

/* Most specific first: the first keyword found in the label decides. */
static const struct {
	const char *word;
	enum form_role role;
} keywords[] = {
	{"验证码", ROLE_CAPTCHA}, {"校验码", ROLE_CAPTCHA},
	{"证件类型", ROLE_ID_TYPE}, {"证件种类", ROLE_ID_TYPE}, {"证件名称", ROLE_ID_TYPE},
	{"证件号", ROLE_ID_NUMBER}, {"身份证号", ROLE_ID_NUMBER}, {"身份证", ROLE_ID_NUMBER},
	{"邮政编码", ROLE_POSTCODE}, {"邮编", ROLE_POSTCODE},
	{"电子邮", ROLE_EMAIL}, {"邮箱", ROLE_EMAIL}, {"e-mail", ROLE_EMAIL}, {"email", ROLE_EMAIL},
	{"获取信息方式", ROLE_DELIVERY}, {"获取信息的方式", ROLE_DELIVERY}, {"获取方式", ROLE_DELIVERY},
	{"提供方式", ROLE_DELIVERY}, {"提供政府信息的方式", ROLE_DELIVERY},
	{"是否公开", ROLE_PUBLIC},
	{"电话", ROLE_PHONE}, {"手机", ROLE_PHONE},
	{"地址", ROLE_ADDRESS},
	{"内容描述", ROLE_CONTENT}, {"留言内容", ROLE_CONTENT}, {"问题描述", ROLE_CONTENT}, {"咨询内容", ROLE_CONTENT},
	{"内容", ROLE_CONTENT},
	{"标题", ROLE_TITLE}, {"主题", ROLE_TITLE},
	{"姓名", ROLE_NAME}, {"名称", ROLE_NAME}, {"联系人", ROLE_NAME},
};

/* Case-insensitive for ASCII (E-mail, EMAIL), byte for byte for the rest. */
static int contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

enum form_role form_role_of_label(const char *label)
{
	if (!label || !*label)
		return ROLE_UNKNOWN;
	for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
		if (contains(label, keywords[i].word))
			return keywords[i].role;
	return ROLE_UNKNOWN;
}

int form_role_option_fits(enum form_role r, const char *text)
{
	if (r == ROLE_DELIVERY)
		return contains(text, "电子邮件") || contains(text, "电子邮箱") ||
		       strcmp(text, "邮件") == 0 || contains(text, "email") || contains(text, "e-mail");
	if (r == ROLE_PUBLIC)
		return strcmp(text, "否") == 0 || contains(text, "不公开") || contains(text, "不同意公开");
	return 0;
}
