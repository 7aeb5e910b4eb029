/* The letters a simulated unit writes, with the flaws its profile gives them (see letter.h). */
#include "tests/sim/letter.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/sim/strbuf.h"
#include "tests/sim/text.h"

#define LAW "《中华人民共和国政府信息公开条例》"

static char *dupf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *dupf(const char *fmt, ...)
{
	char *s = NULL;
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	return s;
}

static void add_para(struct letter *l, char *p)
{
	if (l->npara < LETTER_MAX_PARAS)
		l->paras[l->npara++] = p;
	else
		free(p);
}

static const char *channel_words(const struct sim_request *r)
{
	return strcmp(r->channel, "web") == 0 ? "本机关网站在线申请平台" : "电子邮件";
}

static const char *applicant(const struct sim_request *r)
{
	return r->applicant && *r->applicant ? r->applicant : "申请人";
}

/* What was asked, cut to a length a letter quotes. */
static void asked(const struct sim_request *r, char *out, size_t outsz)
{
	const char *c = r->content && *r->content ? r->content : r->subject ? r->subject : "";
	text_cut(c, 80, out, outsz);
}

/* How the final letter states its conclusion for each reply type. */
struct conclusion {
	int type;
	const char *fact;    /* what the unit found */
	const char *action;  /* what it therefore does */
	const char *article; /* 2019 Regulation */
	const char *old;     /* the same under the 2007 regulation's numbering */
};

static const struct conclusion conclusions[] = {
	{1, "经查，您申请获取的政府信息已经主动公开",
	 "您可以登录本机关门户网站“政府信息公开”专栏查阅获取，也可以到本机关政府信息公开查阅场所查阅",
	 "第三十六条第（一）项", "第二十一条第（一）项"},
	{2, "经审查，您申请获取的政府信息属于可以公开的政府信息",
	 "本机关决定予以公开，现将该信息随本答复书一并提供给您，请查收", "第三十六条第（二）项",
	 "第二十一条第（一）项"},
	{3, "经审查，您申请获取的政府信息属于本机关的内部事务信息，包括人事管理、内部工作流程等方面的信息",
	 "本机关决定不予公开", "第十六条第一款、第三十六条第（三）项", "第十四条第四款、第二十一条第（二）项"},
	{4, "经检索，本机关未制作或者获取您所申请公开的政府信息", "告知您该政府信息不存在",
	 "第三十六条第（四）项", "第二十一条第（三）项"},
	{5, "经查，您申请获取的政府信息不属于本机关负责公开",
	 "建议您向随州市人民政府办公室咨询，联系电话：0722-3222012", "第三十六条第（五）项",
	 "第二十一条第（三）项"},
	{6, "经查，本机关已就您提出的相同政府信息公开申请作出过答复，您本次系重复申请公开相同政府信息",
	 "本机关不予重复处理", "第三十六条第（六）项", "第二十一条"},
	{7, "经审查，您申请获取的信息属于不动产登记资料，《不动产登记暂行条例》对该信息的获取有特别规定",
	 "请您持本人有效身份证明，依照有关法律、行政法规的规定到不动产登记机构办理查询",
	 "第三十六条第（七）项", "第二十一条"},
	{39, "经审查，您提出的申请实为对有关事项的投诉举报，属于以政府信息公开申请的形式进行投诉举报",
	 "本机关不作为政府信息公开申请处理，您可以通过12345政务服务便民热线或者信访渠道反映",
	 "第三十九条第一款", "第二十一条"},
};

static const struct conclusion *conclusion_for(int type)
{
	for (size_t i = 0; i < sizeof conclusions / sizeof conclusions[0]; i++)
		if (conclusions[i].type == type)
			return &conclusions[i];
	return &conclusions[0];
}

static char *docno_text(const struct letter_input *in)
{
	struct tm tm;
	localtime_r(&in->date, &tm);
	return dupf("%s〔%d〕%ld号", in->unit->docno, tm.tm_year + 1900, in->docno_seq);
}

static int compose_final(const struct letter_input *in, struct letter *l)
{
	const struct sim_unit *u = in->unit;
	const struct sim_request *r = in->req;
	unsigned f = u->foi_flaws;
	char what[512], received[64], supplemented[128] = "";
	asked(r, what, sizeof what);
	text_date(r->arrived, u->date_style, received, sizeof received);
	if (r->supplemented) {
		char d[64];
		text_date(r->supplemented, u->date_style, d, sizeof d);
		snprintf(supplemented, sizeof supplemented, "，并于%s作出了补正", d);
	}

	if (!(f & FLAW_NO_TITLE))
		l->title = strdup("政府信息公开申请答复书");
	if (!(f & FLAW_NO_DOCNO))
		l->docno = docno_text(in);
	if (!(f & FLAW_NO_SALUTATION))
		l->salutation = dupf("%s：", applicant(r));
	l->subject = l->docno ? dupf("政府信息公开申请答复书（%s）", l->docno)
			      : strdup("关于您的政府信息公开申请的答复");

	int no_request = (f & FLAW_NO_RESTATE_REQUEST) != 0, no_date = (f & FLAW_NO_RESTATE_DATE) != 0;
	if (!no_request && !no_date)
		add_para(l, dupf("本机关于%s收到您通过%s提交的政府信息公开申请%s，您申请获取“%s”的政府信息。经审查，现答复如下：",
				 received, channel_words(r), supplemented, what));
	else if (no_request && !no_date)
		add_para(l, dupf("本机关于%s收到您通过%s提交的政府信息公开申请。经审查，现答复如下：",
				 received, channel_words(r)));
	else if (!no_request)
		add_para(l, dupf("您通过%s提交的政府信息公开申请收悉，您申请获取“%s”的政府信息。经审查，现答复如下：",
				 channel_words(r), what));
	else
		add_para(l, strdup("您的政府信息公开申请收悉。经审查，现答复如下："));

	const struct conclusion *c = conclusion_for(u->foi_type);
	if (f & FLAW_VAGUE_CONCLUSION)
		add_para(l, strdup("经研究，您申请的有关事项本机关已经知悉，相关工作正在按程序推进。请您继续关注本机关门户网站发布的有关信息，感谢您对我们工作的理解和支持。"));
	else if (f & FLAW_NO_BASIS)
		add_para(l, dupf("%s，%s。", c->fact, c->action));
	else
		add_para(l, dupf("%s。根据" LAW "%s的规定，%s。", c->fact,
				 (f & FLAW_OLD_ARTICLES) ? c->old : c->article, c->action));
	if (f & FLAW_OLD_ARTICLES)
		add_para(l, strdup("本机关依照" LAW "第二十四条的规定，在收到申请之日起15个工作日内作出本答复。"));
	if (f & FLAW_PURPOSE_DEMAND)
		add_para(l, strdup("另，请您补充说明申请获取上述政府信息的具体用途，并提供相关证明材料，以便本机关进一步办理。"));
	if (f & FLAW_FEE_DEMAND)
		add_para(l, strdup("根据有关规定，本机关提供上述政府信息需收取检索费、复制费及邮寄费共计人民币80元，请您在收到本答复书之日起10日内缴纳，逾期未缴纳的视为放弃申请。"));
	if (!(f & FLAW_NO_REMEDY)) {
		char days[16], months[16];
		text_number(60, u->date_style, days, sizeof days);
		text_number((f & FLAW_LITIGATION_3_MONTHS) ? 3 : 6, u->date_style, months, sizeof months);
		add_para(l, dupf("如对本答复不服，可以在收到本答复书之日起%s日内向%s申请行政复议，也可以在%s个月内向%s提起行政诉讼。",
				 days, u->reconsider, months, u->court));
	}
	add_para(l, dupf("联系单位：%s，联系电话：%s。", u->office, u->phone));
	add_para(l, strdup("特此告知。"));
	return 0;
}

static int compose_other(const struct letter_input *in, struct letter *l)
{
	const struct sim_unit *u = in->unit;
	const struct sim_request *r = in->req;
	char what[512], received[64];
	asked(r, what, sizeof what);
	text_date(r->arrived, u->date_style, received, sizeof received);
	l->salutation = dupf("%s：", applicant(r));
	switch (in->kind) {
	case LETTER_ACK:
		l->title = strdup("政府信息公开申请受理回执");
		l->subject = strdup("政府信息公开申请受理回执");
		add_para(l, dupf("您于%s通过%s提交的政府信息公开申请（申请内容：“%s”）已收到，本机关已予登记。",
				 received, channel_words(r), what));
		add_para(l, strdup("本机关将依照" LAW "第三十三条的规定，自收到申请之日起20个工作日内予以答复。"));
		add_para(l, strdup("特此回执。"));
		break;
	case LETTER_SUPPLEMENT:
		l->title = strdup("政府信息公开申请补正告知书");
		l->docno = docno_text(in);
		l->subject = dupf("政府信息公开申请补正告知书（%s）", l->docno);
		add_para(l, dupf("本机关于%s收到您通过%s提交的政府信息公开申请。经审查，您的申请内容不够明确，本机关无法据此确定您所需政府信息的具体范围。",
				 received, channel_words(r)));
		add_para(l, strdup("根据" LAW "第三十条的规定，请您自收到本告知书之日起10个工作日内，对所需政府信息的名称、文号或者便于本机关查询的其他特征性描述作出补正，可直接回复本邮件。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请。"));
		add_para(l, strdup("特此告知。"));
		break;
	case LETTER_EXTENSION: {
		char until[64];
		text_date(in->extended_until, u->date_style, until, sizeof until);
		l->title = strdup("政府信息公开延期答复告知书");
		l->docno = docno_text(in);
		l->subject = dupf("政府信息公开延期答复告知书（%s）", l->docno);
		char from[64];
		text_date(r->supplemented ? r->supplemented : r->arrived, u->date_style, from, sizeof from);
		add_para(l, dupf("本机关于%s收到您%s的政府信息公开申请（申请内容：“%s”）。因该申请涉及的信息较多，需要检索、汇总，本机关无法在规定期限内作出答复。",
				 from, r->supplemented ? "补正后" : "", what));
		add_para(l, dupf("根据" LAW "第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长20个工作日，本机关将于%s前作出答复。",
				 until));
		add_para(l, strdup("特此告知。"));
		break;
	}
	case LETTER_ANSWER: {
		char title[256];
		text_cut(r->subject && *r->subject ? r->subject : what, 40, title, sizeof title);
		l->subject = dupf("答复：%s", title);
		add_para(l, dupf("您好！您于%s通过%s咨询的“%s”收悉，现答复如下：", received,
				 strcmp(r->channel, "web") == 0 ? "本单位网站留言" : "电子邮件", title));
		add_para(l, strdup(in->answer ? in->answer : ""));
		add_para(l, strdup("感谢您对我们工作的关注和支持！"));
		break;
	}
	case LETTER_FINAL:
		break;
	}
	return 0;
}

int letter_compose(const struct letter_input *in, struct letter *out, char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	const struct sim_unit *u = in->unit;
	if (in->kind == LETTER_FINAL)
		compose_final(in, out);
	else
		compose_other(in, out);
	unsigned f = in->kind == LETTER_FINAL ? u->foi_flaws : 0;
	if (!(f & FLAW_NO_ISSUER))
		out->issuer = strdup(u->name);
	if (!(f & FLAW_NO_DATE)) {
		char d[64];
		text_date(in->date, u->date_style, d, sizeof d);
		out->date = strdup(d);
	}
	out->seal = in->kind != LETTER_ANSWER;
	int broken = !out->subject || out->npara == 0;
	for (size_t i = 0; i < out->npara; i++)
		if (!out->paras[i])
			broken = 1;
	if (broken) {
		letter_free(out);
		snprintf(err, errsz, "out of memory writing a letter");
		return -1;
	}
	return 0;
}

void letter_free(struct letter *l)
{
	free(l->subject);
	free(l->title);
	free(l->docno);
	free(l->salutation);
	for (size_t i = 0; i < l->npara; i++)
		free(l->paras[i]);
	free(l->issuer);
	free(l->date);
	memset(l, 0, sizeof *l);
}

#define INDENT "\xe3\x80\x80\xe3\x80\x80" /* two ideographic spaces */
#define SIGN_PAD "                                "

char *letter_text(const struct letter *l)
{
	struct strbuf sb;
	sb_init(&sb);
	if (l->title)
		sb_addf(&sb, "            %s\r\n", l->title);
	if (l->docno)
		sb_addf(&sb, "                %s\r\n", l->docno);
	if (l->title || l->docno)
		sb_add(&sb, "\r\n");
	if (l->salutation)
		sb_addf(&sb, "%s\r\n", l->salutation);
	for (size_t i = 0; i < l->npara; i++)
		sb_addf(&sb, INDENT "%s\r\n", l->paras[i]);
	sb_add(&sb, "\r\n");
	if (l->issuer)
		sb_addf(&sb, SIGN_PAD "%s\r\n", l->issuer);
	if (l->date)
		sb_addf(&sb, SIGN_PAD "%s\r\n", l->date);
	return sb_take(&sb);
}

char *letter_html(const struct letter *l, enum sim_charset cs)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "<!DOCTYPE html>\r\n<html lang=\"zh-CN\">\r\n<head>\r\n"
		     "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">\r\n<title>",
		cs == CHARSET_GBK ? "gbk" : "utf-8");
	sb_add_html(&sb, l->title ? l->title : l->subject);
	sb_add(&sb, "</title>\r\n<style>\r\n"
		    "body{font-family:FangSong,\"仿宋_GB2312\",serif;font-size:16pt;width:156mm;margin:25mm auto}\r\n"
		    "h1{font-family:\"方正小标宋简体\",SimSun,serif;font-size:22pt;text-align:center;font-weight:normal}\r\n"
		    ".docno{text-align:center}\r\np{line-height:28pt;margin:0}\r\n"
		    ".para{text-indent:2em}\r\n.sign{text-align:right;padding-right:4em}\r\n"
		    ".seal{position:relative;float:right;margin-top:-70pt;margin-right:3em;opacity:.85}\r\n"
		    "</style>\r\n</head>\r\n<body>\r\n<div class=\"letter\">\r\n");
	if (l->title) {
		sb_add(&sb, "<h1>");
		sb_add_html(&sb, l->title);
		sb_add(&sb, "</h1>\r\n");
	}
	if (l->docno) {
		sb_add(&sb, "<p class=\"docno\">");
		sb_add_html(&sb, l->docno);
		sb_add(&sb, "</p>\r\n<p>&nbsp;</p>\r\n");
	}
	if (l->salutation) {
		sb_add(&sb, "<p class=\"salutation\">");
		sb_add_html(&sb, l->salutation);
		sb_add(&sb, "</p>\r\n");
	}
	for (size_t i = 0; i < l->npara; i++) {
		sb_add(&sb, "<p class=\"para\">");
		sb_add_html(&sb, l->paras[i]);
		sb_add(&sb, "</p>\r\n");
	}
	sb_add(&sb, "<p>&nbsp;</p>\r\n");
	if (l->issuer) {
		sb_add(&sb, "<p class=\"sign\">");
		sb_add_html(&sb, l->issuer);
		sb_add(&sb, "</p>\r\n");
	}
	if (l->date) {
		sb_add(&sb, "<p class=\"sign\">");
		sb_add_html(&sb, l->date);
		sb_add(&sb, "</p>\r\n");
	}
	if (l->seal && l->issuer) {
		/* The red seal of the issuing body, as scanned letters show it. */
		sb_add(&sb, "<svg class=\"seal\" width=\"150\" height=\"150\" viewBox=\"0 0 150 150\" role=\"img\" aria-label=\"");
		sb_add_html(&sb, l->issuer);
		sb_add(&sb, "印章\"><circle cx=\"75\" cy=\"75\" r=\"70\" fill=\"none\" stroke=\"#d40000\" stroke-width=\"5\"/>"
			    "<text x=\"75\" y=\"86\" font-size=\"34\" text-anchor=\"middle\" fill=\"#d40000\">&#9733;</text>"
			    "<text x=\"75\" y=\"122\" font-size=\"11\" text-anchor=\"middle\" fill=\"#d40000\">");
		sb_add_html(&sb, l->issuer);
		sb_add(&sb, "</text></svg>\r\n");
	}
	sb_add(&sb, "</div>\r\n</body>\r\n</html>\r\n");
	return sb_take(&sb);
}
