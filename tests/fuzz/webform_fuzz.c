/* Fuzz target: the readers of a unit's web pages (the form page, its filling, the page after submitting). */
#include "harness/web/form_fill.h"
#include "harness/web/reply_page.h"
#include "harness/web/web_form.h"
#include "tests/fuzz/fuzz_input.h"

#include <stdint.h>
#include <stdlib.h>

static const char *const labels[4] = {NULL, "utf-8", "gbk", NULL};
static const char *const patterns[4] = {NULL, "查询码[:：]([A-Z0-9]+)", NULL, "(["};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *bytes = (const char *)data;
	unsigned opt = fuzz_option_byte(data, size);
	char err[256];
	struct web_form form;
	if (web_form_read(bytes, size, labels[opt & 3], "http://127.0.0.1:18480/C01/foi", &form, err, sizeof err) == FOI_OK &&
	    form.found) {
		static const struct form_values v = {"李明华", "居民身份证", "421302199003154515", "13971234567",
						     "li@example.test", "湖北省随州市", "441300", "标题", "内容描述"};
		struct form_fill fill;
		if (form_fill(&form, NULL, &v, &fill, err, sizeof err) == FOI_OK) {
			size_t n;
			struct web_field *fields = form_fill_fields(&fill, &n);
			free(fields);
			form_fill_free(&fill);
		}
	}
	web_form_free(&form);
	struct reply_reading r;
	if (reply_page_read(bytes, size, labels[(opt >> 2) & 3], patterns[(opt >> 4) & 3], &r, err, sizeof err) == FOI_OK)
		reply_reading_free(&r);
	return 0;
}
