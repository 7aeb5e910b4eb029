/*
 * The look of a simulated unit's website: the header with the unit's name and its menu, and
 * the footer with the organiser line and the ICP number, wrapped around every page; and the
 * error pages (404, 500) such sites show.
 */
#ifndef FOI_SIM_SITE_H
#define FOI_SIM_SITE_H

#include "tests/sim/profile.h"
#include "tests/sim/strbuf.h"

/* Opens a page of unit u (NULL: the portal). meta_charset is written into the head. */
void site_open(struct strbuf *sb, const struct sim_profiles *p, const struct sim_unit *u,
	       const char *title, const char *meta_charset);
void site_close(struct strbuf *sb, const struct sim_profiles *p, const struct sim_unit *u);

/* The page a missing address gets (HTTP 404). */
char *site_not_found(const struct sim_profiles *p, const struct sim_unit *u, const char *url);
/* A Tomcat error page (HTTP 500), as a broken form shows it. */
char *site_server_error(const char *url);
/* A plain message page: title, then each paragraph. */
char *site_message(const struct sim_profiles *p, const struct sim_unit *u, const char *title,
		   const char *const *paras);

#endif
