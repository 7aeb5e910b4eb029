/* Findings as JSON (cJSON) and as a table; see finding_out.h. */
#include "harness/cmd/finding_out.h"
#include "grader/utf8.h"

#include <stdio.h>
#include <string.h>

int finding_json_add_items(cJSON *obj, const struct finding *items, size_t n)
{
	cJSON *arr = cJSON_AddArrayToObject(obj, "items");
	if (!arr)
		return -1;
	for (size_t i = 0; i < n; i++) {
		cJSON *o = cJSON_CreateObject();
		if (!o || !cJSON_AddItemToArray(arr, o)) {
			cJSON_Delete(o);
			return -1;
		}
		if (!cJSON_AddStringToObject(o, "code", items[i].code) ||
		    !cJSON_AddStringToObject(o, "result", finding_result_name(items[i].result)) ||
		    !cJSON_AddStringToObject(o, "evidence", items[i].evidence))
			return -1;
	}
	return 0;
}

int finding_json_print(cJSON *obj)
{
	char *text = obj ? cJSON_Print(obj) : NULL;
	cJSON_Delete(obj);
	if (!text)
		return -1;
	puts(text);
	cJSON_free(text);
	return 0;
}

void finding_print_table(const struct finding *items, size_t n, int code_width, size_t evidence_cps)
{
	printf("%-*s %-8s %s\n", code_width, "ITEM", "RESULT", "EVIDENCE");
	for (size_t i = 0; i < n; i++) {
		const struct finding *f = &items[i];
		size_t len = strlen(f->evidence);
		size_t cut = evidence_cps ? utf8_prefix(f->evidence, len, evidence_cps) : len;
		printf("%-*s %-8s %.*s%s\n", code_width, f->code, finding_result_name(f->result), (int)cut,
		       f->evidence, cut < len ? "…" : "");
	}
}
