/* The units of score_fixtures.h: what a round of the 2023 scheme would hand to the score composition. */
#include "tests/unit/score_fixtures.h"

#include <stddef.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct item_outcome c01_guide[] = {
	{"guide.present", ITEM_PASS, 1, "李审", "标题：随县人民政府政府信息公开指南"},
	{"channel.online", ITEM_FAIL, 0, NULL, "在线申请链接返回 404"},
	{"channel.postal", ITEM_PASS, 0, NULL, "邮寄地址：随县厉山镇神农大道1号，邮编441300"},
	{"channel.office", ITEM_PASS, 0, NULL, "受理机构：随县人民政府办公室"},
	{"channel.phone", ITEM_UNKNOWN, 0, NULL, "列出两个电话，无法判断哪一个是受理机构的"},
	{"channel.email_or_fax", ITEM_PASS, 0, NULL, "传真：0722-4222000"},
	{"guide.notes", ITEM_FAIL, 0, NULL, "未说明收到申请日期如何确定"},
	{"channel.accepted", ITEM_PASS, 1, "李审", "网上表单已受理，查询码 SX2023-0042"},
};

/* Every letter item passes but the litigation period (3个月) and the seal (an e-mail has none). */
static const struct item_outcome c01_letter[] = {
	{"form.title", ITEM_PASS, 0, NULL, "政府信息公开申请答复书"},
	{"form.docno", ITEM_PASS, 0, NULL, "随县市监公开〔2023〕7号"},
	{"form.salutation", ITEM_PASS, 0, NULL, "张明："},
	{"form.issuer", ITEM_PASS, 0, NULL, "随县市场监督管理局"},
	{"form.date", ITEM_PASS, 0, NULL, "2023年11月20日"},
	{"form.seal", ITEM_NA, 1, "李审", "电子邮件答复，无原件"},
	{"restates.request", ITEM_PASS, 0, NULL, "申请获取2022年食品抽检结果"},
	{"restates.received", ITEM_PASS, 0, NULL, "本机关于2023年10月16日收到"},
	{"conclusion.type", ITEM_PASS, 0, NULL, "§36(二) 予以公开"},
	{"basis.article", ITEM_PASS, 0, NULL, "《条例》第三十六条第（二）项"},
	{"basis.current_law", ITEM_PASS, 0, NULL, "未见2007年条文"},
	{"remedy.notice", ITEM_PASS, 0, NULL, "可依法申请行政复议或者提起行政诉讼"},
	{"remedy.periods", ITEM_FAIL, 1, "李审", "3个月内向人民法院提起行政诉讼"},
	{"remedy.bodies", ITEM_PASS, 0, NULL, "随县人民政府；曾都区人民法院"},
	{"no_purpose_demand", ITEM_PASS, 0, NULL, "未要求说明用途"},
	{"no_fee_demand", ITEM_PASS, 0, NULL, "未收费"},
};

static const struct request_outcome c01_requests[] = {
	{.id = "R101", .kind = REQUEST_FOI, .target = "随县市场监督管理局", .channel = "email",
	 .sent = "2023-10-16 09:40", .received = "2023-10-16", .deadline = "2023-11-13",
	 .replied_at = "2023-11-20 15:02", .state = "answered-late", .doc_kind = "final", .replied = 1,
	 .late = 1, .working_days = 25, .items = c01_letter, .nitems = N(c01_letter)},
	{.id = "R102", .kind = REQUEST_CONSULT, .target = "随县人民政府", .channel = "web",
	 .sent = "2023-10-17 10:15", .received = "2023-10-17", .replied_at = "2023-10-20 16:30",
	 .state = "answered", .replied = 1, .working_days = 3, .band = BAND_5,
	 .accuracy = {"accurate", ITEM_PASS, 1, "李审", "要点：材料清单、办理时限"}},
};

static const struct manual_entry c01_manual[] = {
	{"consult.publication", 0.5, "留言选登栏目按月更新", "王评"},
};

const struct unit_outcome fixture_county_late = {
	.code = "C01", .name = "随县人民政府", .level = "county",
	.channel_items = c01_guide, .nchannel = N(c01_guide),
	.requests = c01_requests, .nrequests = N(c01_requests),
	.manual = c01_manual, .nmanual = N(c01_manual),
};

static const struct request_outcome d09_requests[] = {
	{.id = "R209", .kind = REQUEST_FOI, .target = "随州市财政局", .channel = "web",
	 .sent = "2023-10-16 14:05", .received = "2023-10-16", .deadline = "2023-11-13",
	 .state = "overdue", .working_days = -1},
	{.id = "R210", .kind = REQUEST_CONSULT, .target = "随州市财政局", .channel = "web",
	 .sent = "2023-10-18 09:30", .received = "2023-10-18", .replied_at = "2023-10-18 17:10",
	 .state = "answered", .replied = 1, .working_days = 0, .band = BAND_1,
	 .accuracy = {"accurate", ITEM_PASS, 0, NULL, "要点齐全"}},
};

const struct unit_outcome fixture_department_silent = {
	.code = "D09", .name = "随州市财政局", .level = "department",
	.requests = d09_requests, .nrequests = N(d09_requests),
};

#define SCAN "扫描件，无法读取文字，请审阅原件"
static const struct item_outcome d07_letter[] = {
	{"form.title", ITEM_UNKNOWN, 0, NULL, SCAN}, {"form.docno", ITEM_UNKNOWN, 0, NULL, SCAN},
	{"form.salutation", ITEM_UNKNOWN, 0, NULL, SCAN}, {"form.issuer", ITEM_UNKNOWN, 0, NULL, SCAN},
	{"form.date", ITEM_UNKNOWN, 0, NULL, SCAN}, {"form.seal", ITEM_UNKNOWN, 0, NULL, SCAN},
	{"restates.request", ITEM_UNKNOWN, 0, NULL, SCAN}, {"restates.received", ITEM_UNKNOWN, 0, NULL, SCAN},
	{"conclusion.type", ITEM_UNKNOWN, 0, NULL, SCAN}, {"basis.article", ITEM_UNKNOWN, 0, NULL, SCAN},
	{"basis.current_law", ITEM_UNKNOWN, 0, NULL, SCAN}, {"remedy.notice", ITEM_UNKNOWN, 0, NULL, SCAN},
	{"remedy.periods", ITEM_UNKNOWN, 0, NULL, SCAN}, {"remedy.bodies", ITEM_UNKNOWN, 0, NULL, SCAN},
	{"no_purpose_demand", ITEM_UNKNOWN, 0, NULL, SCAN}, {"no_fee_demand", ITEM_UNKNOWN, 0, NULL, SCAN},
};

static const struct request_outcome d07_requests[] = {
	{.id = "R207", .kind = REQUEST_FOI, .target = "随州市民政局", .channel = "email",
	 .sent = "2023-10-16 11:20", .received = "2023-10-16", .deadline = "2023-11-13",
	 .replied_at = "2023-11-02 10:00", .state = "answered", .doc_kind = "final", .replied = 1,
	 .working_days = 13, .items = d07_letter, .nitems = N(d07_letter)},
};

const struct unit_outcome fixture_department_unreadable = {
	.code = "D07", .name = "随州市民政局", .level = "department",
	.requests = d07_requests, .nrequests = N(d07_requests),
};

struct request_outcome fixture_question(enum answer_band band, double days, enum item_result accuracy)
{
	return (struct request_outcome){
		.id = "R300", .kind = REQUEST_CONSULT, .target = "随州市财政局", .channel = "web",
		.sent = "2023-10-18 09:30", .received = "2023-10-18", .state = "answered", .replied = 1,
		.working_days = days, .band = band,
		.accuracy = {"accurate", accuracy, 1, "李审", "答复与参考答案比对"},
	};
}

struct request_outcome fixture_pending_application(void)
{
	return (struct request_outcome){
		.id = "R400", .kind = REQUEST_FOI, .target = "随州市财政局", .channel = "web",
		.sent = "2023-11-28 10:00", .received = "2023-11-28", .deadline = "2023-12-26",
		.state = "pending-at-cutoff", .pending = 1, .working_days = -1,
	};
}
