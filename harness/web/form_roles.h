/*
 * What each field of a unit's web form takes, read from the label the page shows next to it
 * (姓名/名称, 证件号码, 联系电话, 电子邮箱, 通信地址, 邮政编码, 所需信息内容描述, 留言标题,
 * 留言内容, 获取信息方式, 是否公开, 验证码 ...), never from the field's name (plain or
 * pinyin, a site's names say nothing reliable). Keywords are tried most specific first, so
 * that 电子邮箱地址 is an e-mail and 所需信息内容描述 is the content, not a name.
 *
 * A role's value comes from the persona (name, ID, phone, address, postcode) or the request
 * (e-mail = its reply address, title = its subject, content = its body); delivery and public
 * are options chosen by their text (电子邮件; 否 / 不公开).
 */
#ifndef FOI_WEB_FORM_ROLES_H
#define FOI_WEB_FORM_ROLES_H

enum form_role {
	ROLE_UNKNOWN = 0, /* a label foi does not know: a person must say */
	ROLE_NAME,
	ROLE_ID_TYPE,
	ROLE_ID_NUMBER,
	ROLE_PHONE,
	ROLE_EMAIL,
	ROLE_ADDRESS,
	ROLE_POSTCODE,
	ROLE_TITLE,
	ROLE_CONTENT,
	ROLE_DELIVERY,    /* 获取信息方式: the option 电子邮件 */
	ROLE_PUBLIC,      /* 是否公开: the option 否 / 不公开 */
	ROLE_HIDDEN,      /* a hidden field (a CSRF token): its value echoed */
	ROLE_CAPTCHA,     /* 验证码: only a person can fill it */
	ROLE_KEEP,        /* sent as the page gives it (an optional field foi has nothing for) */
	ROLE_COUNT
};

/* The role's name in forms/ files ("id_number"), and back (ROLE_COUNT when not a role). */
const char *form_role_name(enum form_role r);
enum form_role form_role_parse(const char *name);

/* The role a field's label names; ROLE_UNKNOWN when none. */
enum form_role form_role_of_label(const char *label);

/* 1 when an option's text is the one a role chooses (电子邮件 for delivery, 否 for public). */
int form_role_option_fits(enum form_role r, const char *option_text);

#endif
