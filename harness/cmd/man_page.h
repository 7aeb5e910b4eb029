/*
 * The manual page foi.1 (roff), generated from the command table's help texts so that the page
 * and `foi help` never disagree. `make install` writes it with `foi help --man`.
 */
#ifndef FOI_MAN_PAGE_H
#define FOI_MAN_PAGE_H

#include <stdio.h>

void man_page_write(FILE *out, const char *global_usage, const char *version);

#endif
