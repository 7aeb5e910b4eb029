/* Fuzz target: a channel guide page (HTML in any charset) through the guide check. */
#include "grader/guide_check.h"
#include "tests/fuzz/fuzz_input.h"

#include <stdint.h>

/* Transport charsets as servers send them, right and wrong; index 0 is a page read from a
 * file (no header), which is what a fixture's final newline picks. */
static const char *const hints[8] = {NULL, "utf-8", "GB2312", "gbk", "iso-8859-1", "big5",
				     "utf-16", "x-no-such-charset"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned opt = fuzz_option_byte(data, size);
	struct guide_source src = {
		.data = data,
		.len = size,
		.base_url = opt & 0x80 ? "http://www.suizhou.gov.cn/zwgk/xxgk/zn/index.html" : NULL,
		.charset_hint = hints[(opt >> 4) & 7],
	};
	struct guide_report report;
	char err[256];
	if (guide_check(&src, &report, err, sizeof err) == 0)
		guide_report_free(&report);
	return 0;
}
