/*
 * The simulator's web server (libmicrohttpd, one internal thread, bound to 127.0.0.1): every
 * unit's pages under /CODE/ (home, guide.html, foi, consult, captcha.png, letters), the portal
 * index at /, and the control calls under /_sim/ that tests and demo scripts use:
 *
 *   GET  /_sim/clock               {"now": ...}
 *   POST /_sim/clock   to=...      moves the simulated clock, reads the Maildirs, sends what is due
 *   POST /_sim/scan                reads the Maildirs now
 *   GET  /_sim/state               every request and reply (JSON)
 *   GET  /_sim/expect              every unit's expected results (JSON)
 *   GET  /_sim/captcha/CODE/ID     a captcha's answer: stands in for the person who reads it
 *
 * All requests are served by the one thread, so the engine and its SQLite handle are never
 * used concurrently.
 */
#ifndef FOI_SIM_SERVER_H
#define FOI_SIM_SERVER_H

#include <stddef.h>

#include "tests/sim/engine.h"

struct sim_server {
	struct MHD_Daemon *daemon;
	struct sim_engine *engine;
	unsigned port;
};

/* Starts listening on 127.0.0.1:port (0: any free port; s->port tells which). */
int server_start(struct sim_engine *e, unsigned port, struct sim_server *s, char *err, size_t errsz);
void server_stop(struct sim_server *s);

#endif
