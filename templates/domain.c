/* The domain table. Keep it in step with the list in templates/README.md. */
#include "templates/domain.h"

#include <string.h>

static const struct template_domain domains[] = {
	/* Cross-cutting: every unit has budgets, permits, enforcement, procurement. */
	{"budget", "财政预决算", "随州市财政局"},
	{"procurement", "政府采购与公共资源交易", "随州市财政局"},
	{"permits", "行政许可与审批", "随州市住建局"},
	{"enforcement", "行政执法与处罚", "随州市城管委"},
	{"planning", "规划（发展规划、专项规划）", "随州市发改委"},
	{"projects", "重大建设项目", "随州市发改委"},
	{"subsidies", "惠民惠企政策与资金", "随州市经信局"},
	{"government", "政府综合事务（县市区政府）", "随县人民政府"},
	/* One domain (or more) per city department of the scheme's 附件1. */
	{"education", "教育", "随州市教育局"},
	{"science", "科技", "随州市科技局"},
	{"industry", "工业和信息化", "随州市经信局"},
	{"ethnic-religion", "民族宗教", "随州市民宗委"},
	{"public-security", "公安（户籍、交通管理、出入境）", "随州市公安局"},
	{"civil-affairs", "民政（婚姻、养老、社会组织）", "随州市民政局"},
	{"social-assistance", "社会救助", "随州市民政局"},
	{"justice", "司法行政与法律服务", "随州市司法局"},
	{"employment", "就业创业与劳动保障", "随州市人社局"},
	{"social-security", "社会保险", "随州市人社局"},
	{"natural-resources", "自然资源与不动产登记", "随州市自然资源和规划局"},
	{"environment", "生态环境", "随州市生态环境局"},
	{"housing", "住房与城乡建设", "随州市住建局"},
	{"transport", "交通运输", "随州市交通运输局"},
	{"water", "水利", "随州市水利和湖泊局"},
	{"agriculture", "农业农村", "随州市农业农村局"},
	{"commerce", "商务", "随州市商务局"},
	{"culture-tourism", "文化旅游体育", "随州市文旅局"},
	{"health", "卫生健康", "随州市卫健委"},
	{"veterans", "退役军人事务", "随州市退役军人事务局"},
	{"emergency", "应急管理与安全生产", "随州市应急管理局"},
	{"audit", "审计", "随州市审计局"},
	{"state-assets", "国有资产监管", "随州市国资委"},
	{"market-regulation", "市场监管", "随州市市场监管局"},
	{"statistics", "统计", "随州市统计局"},
	{"medical-insurance", "医疗保障", "随州市医保局"},
	{"civil-defence", "人民防空与国防动员", "随州市国动办"},
	{"rural-revitalization", "乡村振兴", "随州市乡村振兴局"},
	{"investment", "招商引资", "随州市招商局"},
	{"urban-management", "城市管理", "随州市城管委"},
	{"finance", "地方金融", "随州市地方金融工作局"},
};

const struct template_domain *template_domains(size_t *count)
{
	*count = sizeof domains / sizeof domains[0];
	return domains;
}

const struct template_domain *template_domain_find(const char *code)
{
	for (size_t i = 0; i < sizeof domains / sizeof domains[0]; i++)
		if (strcmp(domains[i].code, code) == 0)
			return &domains[i];
	return NULL;
}
