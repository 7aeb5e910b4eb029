/* Fuzz target: a reply e-mail (RFC 5322 bytes) through the mail reader and the letter checks. */
#include "harness/mail/mail_text.h"
#include "grader/letter_check.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mail_text m;
	char err[256];
	if (mail_text_parse((const char *)data, size, &m, err, sizeof err) != 0)
		return 0;
	struct letter_report report;
	if (letter_check(m.text, m.len, "张三", &report, err, sizeof err) == 0)
		letter_report_free(&report);
	mail_text_free(&m);
	return 0;
}
