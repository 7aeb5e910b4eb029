/* A letter that is a picture (JPEG, PNG, TIFF): decoded by leptonica, read by OCR, searched for the seal. */
#include "grader/doc_parts.h"

#include <leptonica/allheaders.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int doc_read_image(struct doc_job *job, const void *data, size_t len, struct doc_text *out)
{
	/* Leptonica reports problems on stderr as well; the message here is the one that counts. */
	setMsgSeverity(L_SEVERITY_NONE);
	l_int32 format, w, h, bps, spp, iscmap;
	if (pixReadHeaderMem(data, len, &format, &w, &h, &bps, &spp, &iscmap) != 0)
		return doc_fail(job, "the image is damaged or truncated (its header cannot be read)");
	if ((long)w * h > job->lim->max_pixels)
		return doc_fail(job, "the image of %d x %d pixels is larger than the cap of %ld pixels "
				"(setting letters.max_megapixels)", w, h, job->lim->max_pixels);
	/* Leptonica refuses a JPEG with bad data (a truncated file) rather than return a grey half. */
	PIX *pix = pixReadMem(data, len);
	if (!pix)
		return doc_fail(job, "the image is damaged or truncated (it cannot be decoded)");
	PIX *rgb = pixConvertTo32(pix);
	pixDestroy(&pix);
	if (!rgb)
		return doc_fail(job, "out of memory");
	struct strbuf text = {0};
	long conf = 0;
	int rc = doc_read_page_image(job, rgb, 1, &text, out, &conf);
	pixDestroy(&rgb);
	if (rc != 0) {
		strbuf_free(&text);
		return -1;
	}
	out->pages = 1;
	out->confidence = (int)conf;
	out->text = strbuf_take(&text);
	out->len = out->text ? strlen(out->text) : 0;
	if (asprintf(&out->how, "OCR (Tesseract chi_sim) of a %d x %d image, confidence %d%%", w, h,
		     out->confidence) < 0)
		out->how = NULL;
	return 0;
}
