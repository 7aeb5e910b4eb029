/* foi grade run NAME: the front-end of harness/grading.h (called from cmd_grade.c). */
#ifndef FOI_CMD_GRADE_RUN_H
#define FOI_CMD_GRADE_RUN_H

#include "harness/app.h"

int cmd_grade_run(struct foi_app *app, int argc, char **argv);

#endif
