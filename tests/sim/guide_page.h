/*
 * A unit's FOI guide (政府信息公开指南), and its home page that links to it.
 *
 * The guide follows the usual outline (主动公开, 依申请公开 with the receiving office, the
 * channels, the notes on what an application contains and how the receipt date is fixed, the
 * reply periods, 监督和救济) and leaves out what the profile says (postal address and postcode,
 * the online channel, the office, the telephone, e-mail and fax, the notes), or points its
 * online channel at a dead link. A GBK guide is sent as GBK bytes declaring gb2312 in a meta
 * element, with no charset in the HTTP header, as older CMSs do.
 */
#ifndef FOI_SIM_GUIDE_PAGE_H
#define FOI_SIM_GUIDE_PAGE_H

#include <stddef.h>

#include "tests/sim/profile.h"

/* The guide page's bytes (malloc'd) and its Content-Type; NULL with err on failure. */
char *guide_page(const struct sim_profiles *p, const struct sim_unit *u, size_t *len,
		 const char **content_type, char *err, size_t errsz);

/* Where a dead-link guide sends its online channel (nothing answers there). */
#define GUIDE_DEAD_LINK "ysqgk/apply.jsp"

/* The unit's home page (UTF-8). */
char *unit_home_page(const struct sim_profiles *p, const struct sim_unit *u);
/* The portal's index of every unit (UTF-8). */
char *portal_page(const struct sim_profiles *p);

#endif
