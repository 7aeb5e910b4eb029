/* Fuzz target: a template file through the template parser and, when it loads, the renderer. */
#include "templates/template.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct template t;
	char err[512];
	if (template_parse((const char *)data, size, "fuzz.tpl", &t, err, sizeof err) != 0)
		return 0;
	/* A persona of the example configuration, as a round renders it. */
	struct template_values v = {
		.unit_name = "随州市财政局",
		.persona = {.name = "王芳", .id_type = "居民身份证", .id_number = "42130219850312123X",
			    .phone = "13972812345", .address = "湖北省随州市曾都区青年路8号",
			    .postcode = "441300", .email = "wangfang@example.org"},
		.year = 2023, .month = 9, .day = 28,
		.token = "k7q2m9x4",
		.reply_to = "evaluator+k7q2m9x4@foi.test",
	};
	struct template_rendered out;
	if (template_render(&t, &v, &out, err, sizeof err) == 0)
		template_rendered_free(&out);
	template_free(&t);
	return 0;
}
