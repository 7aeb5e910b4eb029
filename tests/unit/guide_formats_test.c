/*
 * Channel clarity on the ways real guide pages write things: telephone numbers, postcodes,
 * e-mail and web addresses, offices and notes, in full-width and half-width forms, split
 * across tags, in tables; and what must not count (footers, scripts, hidden blocks).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grader/guide_check.h"

/* A guide page around body, checked through the library. */
static void check_body(const char *body, struct guide_report *r)
{
	char *html = NULL;
	int n = asprintf(&html,
			 "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
			 "<title>测试县人民政府信息公开指南</title></head><body>"
			 "<h1>测试县人民政府信息公开指南</h1>%s</body></html>",
			 body);
	cr_assert(n > 0);
	struct guide_source src = {.data = (const unsigned char *)html, .len = (size_t)n};
	char err[512];
	cr_assert_eq(guide_check(&src, r, err, sizeof err), 0, "%s", err);
	free(html);
}

struct item_case {
	const char *body;
	enum finding_result result;
	const char *evidence; /* must appear in the evidence; NULL for no check */
};

static void check_cases(enum guide_item_id id, const struct item_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct guide_report r;
		check_body(cases[i].body, &r);
		const struct finding *it = &r.items[id];
		cr_expect_eq(it->result, cases[i].result, "%s on %s: got %s (%s), expected %s", it->code,
			     cases[i].body, finding_result_name(it->result), it->evidence,
			     finding_result_name(cases[i].result));
		if (cases[i].evidence)
			cr_expect(strstr(it->evidence, cases[i].evidence), "%s on %s: evidence \"%s\" lacks \"%s\"",
				  it->code, cases[i].body, it->evidence, cases[i].evidence);
		guide_report_free(&r);
	}
}

#define CASES(id, arr) check_cases(id, arr, sizeof arr / sizeof arr[0])

Test(guide_formats, telephone_numbers)
{
	static const struct item_case cases[] = {
		{"<p>联系电话：0722-1234567</p>", FINDING_PASS, "联系电话：0722-1234567"},
		{"<p>联系电话：(0722)1234567</p>", FINDING_PASS, "(0722)1234567"},
		{"<p>联系电话：（0722）1234567</p>", FINDING_PASS, "（0722）1234567"},
		{"<p>联系电话：０７２２－１２３４５６７</p>", FINDING_PASS, "０７２２－１２３４５６７"},
		{"<p>联系电话：0722 1234567</p>", FINDING_PASS, "0722 1234567"},
		{"<p>联系电话：07221234567</p>", FINDING_PASS, "07221234567"},
		{"<p>联系电话：0722—1234567</p>", FINDING_PASS, "0722—1234567"},
		{"<p>咨询电话：13907221234</p>", FINDING_PASS, "13907221234"},
		{"<p>受理电话：3591234</p>", FINDING_PASS, "3591234"},
		{"<p>联系电话：0722-3591234转8001</p>", FINDING_PASS, "0722-3591234转8001"},
		{"<p>电<span>话</span>：<b>0722</b>-<font>3591234</font></p>", FINDING_PASS, "电话：0722-3591234"},
		{"<p>电　　话：0722-3591234</p>", FINDING_PASS, "0722-3591234"},
		{"<p>Tel: 0722-3591234</p>", FINDING_PASS, "Tel: 0722-3591234"},
		{"<p>咨询电话：</p><p>0722-3591234</p>", FINDING_PASS, "咨询电话: 0722-3591234"},
		{"<table><tr><td>联系电话</td><td>0722-3591234</td></tr></table>", FINDING_PASS, "0722-3591234"},
		{"<table><tr><th>单位</th><th>联系电话</th></tr><tr><td>县政府办公室</td><td>0722-3591234</td></tr></table>",
		 FINDING_PASS, "联系电话: 0722-3591234"},
		{"<p>咨询：0722-3591234</p>", FINDING_UNKNOWN, "0722-3591234"},
		{"<p>联系电话：暂无</p>", FINDING_FAIL, NULL},
		{"<p>联系电话：2023年10月公布</p>", FINDING_FAIL, NULL},
		{"<p>传真：0722-1234567</p>", FINDING_FAIL, NULL},
		{"<p>传真电话：0722-1234567</p>", FINDING_FAIL, NULL},
		{"<div class=\"footer\">主办单位：测试县人民政府办公室 联系电话：0722-1234567</div>", FINDING_FAIL, NULL},
		{"<p>网站维护电话：0722-1234567</p>", FINDING_FAIL, NULL},
		{"<script>document.write('联系电话：0722-1234567');</script>", FINDING_FAIL, NULL},
		{"<!-- 联系电话：0722-1234567 -->", FINDING_FAIL, NULL},
		{"<div style=\"display: none\">联系电话：0722-1234567</div>", FINDING_FAIL, NULL},
	};
	CASES(GUIDE_PHONE, cases);
}

Test(guide_formats, postal_addresses_and_postcodes)
{
	static const struct item_case cases[] = {
		{"<p>通信地址：随州市曾都区沿江大道11号</p><p>邮编：441300</p>", FINDING_PASS, "邮编：441300"},
		{"<p>通信地址：随州市曾都区沿江大道11号</p><p>邮政编码：４４１３００</p>", FINDING_PASS, "４４１３００"},
		{"<p>地　址：随州市曾都区沿江大道11号　邮　编：441300</p>", FINDING_PASS, "沿江大道11号"},
		{"<p>地址：随州市曾都区沿江大道11号（邮编：441300）</p>", FINDING_PASS, "地址：随州市曾都区沿江大道11号; 邮编：441300"},
		{"<p>请将申请书邮寄至：随州市曾都区沿江大道11号县政府办公室，邮政编码441300。</p>", FINDING_PASS, "441300"},
		{"<table><tr><td>通信地址</td><td>邮政编码</td></tr><tr><td>随州市曾都区沿江大道11号</td><td>441300</td></tr></table>",
		 FINDING_PASS, "通信地址: 随州市曾都区沿江大道11号; 邮政编码: 441300"},
		{"<p>通信地址：随州市曾都区沿江大道11号</p>", FINDING_FAIL, "no postcode"},
		{"<p>邮编：441300</p>", FINDING_FAIL, "no postal address"},
		{"<p>通信地址：随州市曾都区沿江大道11号</p><p>邮编：4413</p>", FINDING_FAIL, "no postcode"},
		{"<p>通信地址：随州市曾都区沿江大道11号</p><p>邮编：4413001</p>", FINDING_FAIL, "no postcode"},
		{"<p>网站地址：http://www.sx.gov.cn</p><p>邮编：441300</p>", FINDING_FAIL, "no postal address"},
		{"<p>电子邮箱地址：sx@163.com</p><p>邮编：441300</p>", FINDING_FAIL, "no postal address"},
		{"<p>地址：见本机关门户网站</p><p>邮编：441300</p>", FINDING_FAIL, "no postal address"},
	};
	CASES(GUIDE_POSTAL, cases);
}

Test(guide_formats, email_or_fax)
{
	static const struct item_case cases[] = {
		{"<p>电子邮箱：sxzwgk@163.com</p>", FINDING_PASS, "sxzwgk@163.com"},
		{"<p>E-mail: xxgk.office@suizhou.gov.cn</p>", FINDING_PASS, "xxgk.office@suizhou.gov.cn"},
		{"<p>邮箱：ｓｘｚｗｇｋ＠１６３．ｃｏｍ</p>", FINDING_PASS, "ｓｘｚｗｇｋ＠１６３．ｃｏｍ"},
		{"<p>电子邮箱：sxzwgk<span>@</span>163.com</p>", FINDING_PASS, "sxzwgk@163.com"},
		{"<p>申请人也可以<a href=\"mailto:sxzwgk@163.com\">发送电子邮件</a>提出申请。</p>", FINDING_PASS, "sxzwgk@163.com"},
		{"<p>申请人可将申请表发送至sxzwgk@163.com。</p>", FINDING_PASS, "sxzwgk@163.com"},
		{"<p>传　　真：0722-4221861</p>", FINDING_PASS, "0722-4221861"},
		{"<p>Fax: (0722)4221861</p>", FINDING_PASS, "(0722)4221861"},
		{"<p>电子邮箱：sx@163.com</p><p>传真：0722-4221861</p>", FINDING_PASS, "sx@163.com; 传真：0722-4221861"},
		{"<p>本机关不接受电子邮件、传真方式提交的申请。</p>", FINDING_PASS, "不接受电子邮件"},
		/* Saying there is none is clear too: e-mail and fax only count where offered. */
		{"<p>电子邮箱：无</p>", FINDING_PASS, "not offered: 电子邮箱：无"},
		{"<p>传真：暂未开通</p>", FINDING_PASS, "not offered: 传真：暂未开通"},
		{"<p>电子邮箱：</p><p>本机关地址见上文。</p>", FINDING_FAIL, NULL},
		{"<p>网站纠错邮箱：web@163.com</p>", FINDING_FAIL, NULL},
		{"<p>邮箱：abc@localhost</p>", FINDING_FAIL, NULL},
	};
	CASES(GUIDE_EMAIL_OR_FAX, cases);
}

Test(guide_formats, online_channel)
{
	static const struct item_case cases[] = {
		{"<p>网上申请：http://www.sx.gov.cn/ysqgk/</p>", FINDING_PASS, "http://www.sx.gov.cn/ysqgk/"},
		{"<p>在线申请：请登录本县门户网站（www.sx.gov.cn）“依申请公开”栏目。</p>", FINDING_PASS, "www.sx.gov.cn"},
		{"<p>申请人可登录本县门户网站（ｗｗｗ．ｓｘ．ｇｏｖ．ｃｎ），在线填写申请表。</p>", FINDING_PASS, "ｗｗｗ．ｓｘ．ｇｏｖ．ｃｎ"},
		{"<p>点击<a href=\"/ysqgk/apply.html\">在线申请</a>。</p>", FINDING_PASS, "-> /ysqgk/apply.html"},
		{"<p><a href=\"https://zwfw.hubei.gov.cn/ysq/\">网上申请</a></p>", FINDING_PASS, "https://zwfw.hubei.gov.cn/ysq/"},
		{"<p>可通过湖北政务服务网（zwfw.hubei.gov.cn）依申请公开平台提交。</p>", FINDING_PASS, "zwfw.hubei.gov.cn"},
		{"<table><tr><td>在线申请</td><td><a href=\"http://www.sx.gov.cn/ysq/\">进入</a></td></tr></table>", FINDING_PASS,
		 "http://www.sx.gov.cn/ysq/"},
		{"<p>点击<a href=\"javascript:;\" onclick=\"apply()\">在线申请</a>。</p>", FINDING_UNKNOWN, "javascript:;"},
		{"<p>点击<a href=\"#\">在线申请</a>。</p>", FINDING_FAIL, "without an address"},
		{"<p>申请人可以网上申请。</p><p>本县门户网站：www.sx.gov.cn</p><p>其他说明。</p>", FINDING_PASS, "www.sx.gov.cn"},
		{"<p>申请人可以网上申请。</p><p>其他说明一。</p><p>本县门户网站：www.sx.gov.cn</p>", FINDING_FAIL, "without an address"},
		{"<p>本机关暂不受理网上申请。</p>", FINDING_FAIL, "no online channel"},
		{"<p>申请人可以当面或者信函提出申请。</p>", FINDING_FAIL, "no online application channel"},
		{"<p>网上申请：http://</p>", FINDING_FAIL, NULL},
	};
	CASES(GUIDE_ONLINE, cases);
}

Test(guide_formats, receiving_office)
{
	static const struct item_case cases[] = {
		{"<p>受理机构：测试县人民政府办公室</p>", FINDING_PASS, "测试县人民政府办公室"},
		{"<p>本机关政府信息公开工作机构为测试县发展和改革局办公室。</p>", FINDING_PASS, "测试县发展和改革局办公室"},
		{"<p>测试县政务公开办公室负责受理政府信息公开申请。</p>", FINDING_PASS, "测试县政务公开办公室"},
		{"<p>一、受理机构</p><p>测试县人民政府政务服务中心依申请公开窗口</p>", FINDING_PASS, "测试县人民政府政务服务中心"},
		{"<table><tr><td>受理机构</td><td>县政府办公室</td></tr></table>", FINDING_PASS, "受理机构 | 县政府办公室"},
		{"<p>受理机构：负责本机关政府信息公开的日常工作</p>", FINDING_FAIL, NULL},
		{"<div>主办单位：测试县政务公开办公室</div>", FINDING_FAIL, NULL},
		{"<p>申请人可以当面提出申请。</p>", FINDING_FAIL, "not named"},
		/* Issue 18: the forms real guides use. */
		{"<p>机构名称：测试县民政局办公室</p>", FINDING_PASS, "测试县民政局办公室"},
		{"<p>本厅政府信息公开处负责受理政府信息公开申请。</p>", FINDING_PASS, "政府信息公开处"},
		{"<p>请将申请表邮寄至测试县民政局办公室（地址：测试县人民路1号），信封注明“政府信息公开申请”。</p>",
		 FINDING_PASS, "邮寄至测试县民政局办公室"},
		{"<p>具体注意事项以受理机关公开的指南为准，请登录对应行政机关的网站查询。</p>", FINDING_FAIL, "not named"},
	};
	CASES(GUIDE_OFFICE, cases);
}

/* Of several numbers, the receiving office's; a reading room, a hotline or the website is
 * not where applications are received. */
Test(guide_formats, telephone_of_the_receiving_office)
{
	static const struct item_case cases[] = {
		{"<p>政府信息查阅点电话：0722-1111111</p><p>受理电话：0722-2222222</p>", FINDING_PASS,
		 "0722-2222222 (taken as the receiving office's; 1 other number listed, e.g. reading room's"},
		{"<p>投诉电话：0722-3333333</p><p>联系电话：0722-2222222</p>", FINDING_PASS,
		 "0722-2222222 (taken as the guide's contact; 1 other number listed, e.g. complaints line's"},
		{"<p>查阅中心电话：0722-1111111</p>", FINDING_UNKNOWN, "only a reading room's number"},
		{"<p>政务服务热线电话：0722-4444444</p>", FINDING_UNKNOWN, "only a hotline's number"},
		{"<p>受理电话：0722-2222222</p>", FINDING_PASS, "受理电话：0722-2222222"},
	};
	CASES(GUIDE_PHONE, cases);
}

Test(guide_formats, usage_notes)
{
	static const char contents[] =
		"<p>申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者"
		"便于查询的其他特征性描述；申请公开的政府信息的形式要求。</p>";
	static const char receipt[] =
		"<p>申请人当面提交的，以提交之日为收到申请之日；以邮寄方式提交的，以签收之日为收到申请之日。</p>";
	static const char deadline[] = "<p>本机关自收到申请之日起20个工作日内予以答复。</p>";
	char both[1024], only_contents[1024], only_receipt[1024], with_deadline[1024];
	snprintf(both, sizeof both, "%s%s", contents, receipt);
	snprintf(only_contents, sizeof only_contents, "%s%s", contents, deadline);
	snprintf(only_receipt, sizeof only_receipt, "%s", receipt);
	snprintf(with_deadline, sizeof with_deadline, "%s", deadline);
	const struct item_case cases[] = {
		{both, FINDING_PASS, "签收之日"},
		{only_contents, FINDING_FAIL, "the receipt date (提交之日/签收之日/双方确认之日) is not explained"},
		{only_receipt, FINDING_FAIL, "what an application must contain is not listed"},
		{with_deadline, FINDING_FAIL, "neither"},
		{"<p>申请内容</p><p>请如实填写申请表。</p>", FINDING_FAIL, "neither"},
	};
	CASES(GUIDE_NOTES, cases);
}

/* guide.present needs pages of its own: the helper above titles every page as a guide. */
static struct guide_report check_page(const char *html)
{
	struct guide_source src = {.data = (const unsigned char *)html, .len = strlen(html)};
	struct guide_report r;
	char err[512];
	cr_assert_eq(guide_check(&src, &r, err, sizeof err), 0, "%s", err);
	return r;
}

#define FILLER "<p>本页面介绍本机关政府信息公开工作的有关情况，请申请人仔细阅读，按照要求提出申请。</p>"

Test(guide_formats, is_it_a_guide)
{
	static const struct {
		const char *html;
		enum finding_result result;
		const char *evidence;
	} cases[] = {
		{"<title>随县政府信息公开指南</title>" FILLER, FINDING_PASS, "title: 随县政府信息公开指南"},
		{"<title>随县人民政府</title><h2>随县人民政府信息公开指南（2023年修订）</h2>" FILLER, FINDING_PASS,
		 "heading: 随县人民政府信息公开指南（2023年修订）"},
		{"<title>随县</title><div class=\"art_tit\">随县依申请公开指南</div>" FILLER, FINDING_PASS, "随县依申请公开指南"},
		{"<title>随县</title><p>首页 &gt; 信息公开 &gt; 政府信息公开指南</p>" FILLER, FINDING_PASS, "首页 > 信息公开 > 政府信息公开指南"},
		{"<title>随县</title><p>本机关已在门户网站发布《政府信息公开指南》，申请人可以按照指南的要求提出政府信息公开申请。</p>" FILLER,
		 FINDING_UNKNOWN, "mentions the guide"},
		{"<title>随县</title><a href=\"/zn/\">政府信息公开指南</a>" FILLER, FINDING_UNKNOWN, "-> /zn/"},
		{"<title>随县新闻</title>" FILLER, FINDING_FAIL, "does not present itself"},
		/* Issue 18: a page that tells how and where to apply is a guide whatever its title. */
		{"<title>依申请公开须知</title><p>受理机构：随县人民政府办公室</p><p>通信地址：随县神农大道1号，邮政编码：441309</p>"
		 "<p>联系电话：0722-4221860</p>" FILLER, FINDING_PASS, "whatever its title: 依申请公开须知"},
		{"<title>依申请公开须知</title><p>联系电话：0722-4221860</p>" FILLER, FINDING_FAIL, "does not present itself"},
		{"<title>页面不存在</title><h1>政府信息公开指南</h1>" FILLER, FINDING_FAIL, "an error page"},
		{"<title>Error</title><h3>403 Forbidden</h3><p>You don't have permission to access this resource.</p>", FINDING_FAIL, "403"},
		{"<title>随县</title><p>该栏目暂无内容</p>", FINDING_FAIL, "almost no text"},
		{"<title>随县</title><body>   \n\t  </body>", FINDING_FAIL, "almost no text"},
		{"<title>随县人民政府</title><div class=\"list-tit\">系统维护中</div>" FILLER FILLER, FINDING_FAIL, "系统维护"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct guide_report r = check_page(cases[i].html);
		cr_expect_eq(r.items[GUIDE_PRESENT].result, cases[i].result, "%s: got %s (%s)", cases[i].html,
			     finding_result_name(r.items[GUIDE_PRESENT].result), r.items[GUIDE_PRESENT].evidence);
		cr_expect(strstr(r.items[GUIDE_PRESENT].evidence, cases[i].evidence), "%s: evidence \"%s\" lacks \"%s\"",
			  cases[i].html, r.items[GUIDE_PRESENT].evidence, cases[i].evidence);
		guide_report_free(&r);
	}
}

Test(guide_formats, item_codes_are_the_contract)
{
	static const char *const codes[] = {"guide.present", "channel.online", "channel.postal",
					    "channel.office", "channel.phone", "channel.email_or_fax",
					    "guide.notes", "channel.no_refusal"};
	cr_assert_eq(GUIDE_ITEM_COUNT, 8);
	for (int i = 0; i < GUIDE_ITEM_COUNT; i++) {
		cr_expect_str_eq(guide_item_code(i), codes[i]);
		cr_expect_eq(guide_item_find(codes[i]), i);
	}
	cr_expect_eq(guide_item_find("channel.works"), -1);
}
