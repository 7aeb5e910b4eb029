/* A simulated unit's FOI guide page and home page (see guide_page.h). */
#include "tests/sim/guide_page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/sim/site.h"
#include "tests/sim/strbuf.h"
#include "tests/sim/text.h"

static void line(struct strbuf *sb, const char *label, const char *value)
{
	sb_add(sb, "<p>");
	sb_add_html(sb, label);
	sb_add(sb, "：");
	sb_add_html(sb, value);
	sb_add(sb, "</p>\n");
}

static void para(struct strbuf *sb, const char *text)
{
	sb_add(sb, "<p style=\"text-indent:2em\">");
	sb_add_html(sb, text);
	sb_add(sb, "</p>\n");
}

static void guide_body(struct strbuf *sb, const struct sim_profiles *p, const struct sim_unit *u)
{
	unsigned omit = u->guide_omit;
	const char *office = (omit & OMIT_OFFICE) ? "本机关" : u->office;
	char buf[1024];
	sb_add(sb, "<div class=\"guide\">\n<h2 style=\"text-align:center\">");
	sb_add_html(sb, u->name);
	sb_add(sb, "政府信息公开指南</h2>\n");
	snprintf(buf, sizeof buf, "为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的规定，"
				 "结合本机关工作实际，编制本指南。公民、法人和其他组织需要获得%s政府信息公开服务，建议阅读本指南。"
				 "本指南每年更新一次。", u->name);
	para(sb, buf);

	sb_add(sb, "<h3>一、主动公开</h3>\n");
	para(sb, "（一）公开范围。本机关主动公开《条例》第二十条、第二十一条规定的政府信息，包括机关职能、机构设置、"
		 "办公地址、办公时间、联系方式、负责人姓名，规范性文件，规划计划，财政预算决算，行政许可和行政处罚等信息。");
	snprintf(buf, sizeof buf, "（二）公开方式。本机关主动公开的政府信息，主要通过%s、本机关门户网站“政府信息公开”专栏、"
				 "政府公报、新闻发布会以及报刊、广播、电视等途径公开。", p->portal);
	para(sb, buf);
	para(sb, "（三）公开时限。属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内予以公开。");

	sb_add(sb, "<h3>二、依申请公开</h3>\n<h4>（一）受理机构</h4>\n<div class=\"contact\">\n");
	if (!(omit & OMIT_OFFICE))
		line(sb, "受理机构", u->office);
	if (!(omit & OMIT_POSTAL)) {
		line(sb, "办公地址", u->address);
		line(sb, "邮政编码", u->postcode);
	}
	line(sb, "办公时间", u->hours[0] ? u->hours : "工作日上午8:30-12:00，下午14:30-17:30（法定节假日除外）");
	if (!(omit & OMIT_PHONE))
		line(sb, "联系电话", u->phone);
	if (!(omit & OMIT_EMAIL_OR_FAX)) {
		if (u->fax[0])
			line(sb, "传真号码", u->fax);
		line(sb, "电子邮箱", u->email);
	}
	sb_add(sb, "</div>\n<h4>（二）申请方式</h4>\n");
	int n = 1;
	if (u->guide_dead_link || !(omit & OMIT_ONLINE)) {
		sb_addf(sb, "<p style=\"text-indent:2em\">%d．网上申请。申请人可通过本机关门户网站“依申请公开”栏目在线填写"
			    "《政府信息公开申请表》并提交（<a href=\"/%s/%s\">在线申请</a>）。</p>\n",
			n++, u->code, u->guide_dead_link ? GUIDE_DEAD_LINK : "foi");
	}
	if (!(omit & OMIT_POSTAL)) {
		snprintf(buf, sizeof buf, "%d．信函申请。申请人通过邮寄方式提交申请的，请在信封左下角注明“政府信息公开申请”字样，"
					 "寄至%s（邮政编码：%s）%s。", n++, u->address, u->postcode, office);
		para(sb, buf);
	}
	if (!(omit & OMIT_EMAIL_OR_FAX)) {
		snprintf(buf, sizeof buf, "%d．电子邮件申请。申请人可将申请表发送至%s，请在邮件主题中注明“政府信息公开申请”字样。",
			 n++, u->email);
		para(sb, buf);
		if (u->fax[0]) {
			snprintf(buf, sizeof buf, "%d．传真申请。申请人可将申请表传真至%s，并注明“政府信息公开申请”字样。",
				 n++, u->fax);
			para(sb, buf);
		}
	}
	snprintf(buf, sizeof buf, "%d．当面申请。申请人可在办公时间到%s当面提交申请；书面申请确有困难的，可以口头提出，"
				 "由工作人员代为填写政府信息公开申请。", n, office);
	para(sb, buf);

	int part = 3;
	static const char *const cn[] = {"一", "二", "三", "四", "五", "六", "七"};
	if (!(omit & OMIT_NOTES)) {
		sb_addf(sb, "<h4>（%s）申请注意事项</h4>\n", cn[part++ - 1]);
		para(sb, "1．申请应当包括下列内容：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号"
			 "或者便于行政机关查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径。");
		para(sb, "2．收到申请的时间：申请人当面提交申请的，以提交之日为收到申请之日；以邮寄方式提交的，以本机关签收之日"
			 "为收到申请之日；以平常信函等无需签收的邮寄方式提交的，以本机关与申请人确认之日为收到申请之日；"
			 "通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日。");
		para(sb, "3．申请内容不明确的，本机关将自收到申请之日起7个工作日内一次性告知申请人作出补正。");
	}
	sb_addf(sb, "<h4>（%s）答复期限</h4>\n", cn[part++ - 1]);
	para(sb, "本机关收到政府信息公开申请，能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内"
		 "予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。");
	sb_addf(sb, "<h4>（%s）收费标准</h4>\n", cn[part++ - 1]);
	para(sb, "本机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，"
		 "按照国家有关规定收取信息处理费。");

	sb_add(sb, "<h3>三、监督和救济</h3>\n");
	snprintf(buf, sizeof buf, "公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向%s或者政府信息公开"
				 "工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。", u->reconsider);
	para(sb, buf);
	sb_add(sb, "<p style=\"text-align:right\">");
	sb_add_html(sb, u->name);
	sb_add(sb, "</p>\n</div>\n");
}

char *guide_page(const struct sim_profiles *p, const struct sim_unit *u, size_t *len,
		 const char **content_type, char *err, size_t errsz)
{
	struct strbuf sb;
	sb_init(&sb);
	int gbk = u->guide_charset == CHARSET_GBK;
	char title[SIM_TEXT_MAX + 32];
	snprintf(title, sizeof title, "%s政府信息公开指南", u->name);
	site_open(&sb, p, u, title, gbk ? "gb2312" : "utf-8");
	guide_body(&sb, p, u);
	site_close(&sb, p, u);
	char *utf8 = sb_take(&sb);
	if (!utf8) {
		snprintf(err, errsz, "out of memory");
		return NULL;
	}
	char *out = text_encode(utf8, u->guide_charset, len, err, errsz);
	free(utf8);
	*content_type = gbk ? "text/html" : "text/html; charset=utf-8";
	return out;
}

char *unit_home_page(const struct sim_profiles *p, const struct sim_unit *u)
{
	struct strbuf sb;
	sb_init(&sb);
	site_open(&sb, p, u, "首页", "utf-8");
	sb_add(&sb, "<ul class=\"links\">\n");
	sb_addf(&sb, "<li><a href=\"/%s/guide.html\">政府信息公开指南</a></li>\n", u->code);
	if (u->form_foi != FORM_NONE)
		sb_addf(&sb, "<li><a href=\"/%s/foi\">依申请公开</a></li>\n", u->code);
	if (u->form_consult != FORM_NONE)
		sb_addf(&sb, "<li><a href=\"/%s/consult\">我要咨询</a></li>\n", u->code);
	sb_addf(&sb, "<li><a href=\"/%s/letters\">留言选登</a></li>\n</ul>\n", u->code);
	site_close(&sb, p, u);
	return sb_take(&sb);
}

char *portal_page(const struct sim_profiles *p)
{
	struct strbuf sb;
	sb_init(&sb);
	site_open(&sb, p, NULL, "部门网站", "utf-8");
	sb_add(&sb, "<table class=\"units\">\n<tr><th>代码</th><th>单位</th><th>政府信息公开指南</th></tr>\n");
	for (size_t i = 0; i < p->count; i++) {
		const struct sim_unit *u = &p->units[i];
		sb_addf(&sb, "<tr><td>%s</td><td><a href=\"/%s/\">", u->code, u->code);
		sb_add_html(&sb, u->name);
		sb_addf(&sb, "</a></td><td><a href=\"/%s/guide.html\">指南</a></td></tr>\n", u->code);
	}
	sb_add(&sb, "</table>\n");
	site_close(&sb, p, NULL);
	return sb_take(&sb);
}
