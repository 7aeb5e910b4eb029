/* Fuzz target: a reply letter from a file (mail, HTML or text, sniffed) through every letter check. */
#include "harness/mail/letter_file.h"
#include "grader/consult_accuracy.h"
#include "grader/letter_check.h"
#include "tests/fuzz/fuzz_input.h"

#include <stdint.h>

/* Key points of the shipped unemployment-benefit consultation, so that consult_check's
 * matching and negation rules run on every letter too. */
static const char *const registered[] = {"失业登记", "办理失业登记"};
static const char *const months[] = {"缴费满1年", "累计缴费满一年", "满1年"};
static const char *const where[] = {"社会保险经办机构", "社保经办机构", "人社局"};
static const struct keypoint points[] = {
	{"registration", registered, 2},
	{"contributions", months, 3},
	{"office", where, 3},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd;
	const char *path = fuzz_file(data, size, &fd);
	struct letter_source src;
	char err[256];
	enum letter_read rc = letter_file_read(path, &src, err, sizeof err);
	fuzz_file_close(fd);
	if (rc != LETTER_READ_OK)
		return 0;

	/* The applicant's name is known for mock requests; the byte chooses with or without. */
	const char *applicant = fuzz_option_byte(data, size) & 1 ? NULL : "张三";
	struct letter_report report;
	if (letter_check(src.text, src.len, applicant, &report, err, sizeof err) == 0)
		letter_report_free(&report);

	struct finding_list found = {0};
	consult_check(src.text, src.len, points, sizeof points / sizeof points[0], &found, err,
		      sizeof err);
	finding_list_free(&found);
	letter_source_free(&src);
	return 0;
}
