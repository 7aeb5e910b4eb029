/* Fuzz target: a template file through the template parser and, when it loads, the renderer. */
#include "templates/template.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct template t;
	char err[512];
	if (template_parse((const char *)data, size, "fuzz.tpl", &t, err, sizeof err) != 0)
		return 0;
	/* The first persona of config.example.ini, replying by e-mail to a covert round. */
	struct template_values v = {.unit_name = "广水市人力资源和社会保障局", .year = 2024, .month = 2, .day = 29};
	v.persona = (struct template_persona){"李明华", "居民身份证", "421302199003154515", "13971234567",
					     "湖北省随州市曾都区青年路18号", "441300", "liminghua@example.net"};
	v.reply_to = "liminghua@example.net";
	struct template_rendered out;
	if (template_render(&t, &v, &out, err, sizeof err) == 0)
		template_rendered_free(&out);
	template_free(&t);
	return 0;
}
