/*
 * A round that runs by itself (`foi round run`): a foreground loop that sleeps until the next
 * thing due and does it, until told to stop.
 *
 * Each pass sends every request whose planned time has come, through the same at-most-once
 * path as `round send` (harness/round_send.h), and reports every outcome as an event line.
 * Between passes the loop sleeps until the next planned request; under simulated time (--now,
 * FOI_NOW) it does not sleep but moves the clock on to that moment, so that a whole round
 * can be run through in a test or a demonstration.
 *
 * One loop per workspace at a time: the run lock (DIR/run.lock, flock) is released by the
 * kernel when the process dies, so a crashed run never leaves it held. A signal (SIGINT,
 * SIGTERM) stops the loop at once when sleeping, or after the request in flight; started again,
 * the loop carries on where it was, because everything it did is in the store.
 */
#ifndef FOI_ROUND_RUN_H
#define FOI_ROUND_RUN_H

#include <signal.h>
#include <stddef.h>
#include <time.h>

#include "harness/status.h"

struct workspace;

struct round_run_options {
	const char *round;
	time_t until;                 /* stop when the next thing due is later; 0: run on */
	int once;                     /* one pass, then return */
	volatile sig_atomic_t *stop;  /* set by a signal handler; the loop returns when it is */
};

/* Reports one event line: at (when it happened), what happened ("sent request 12 ..."). */
struct round_run_hooks {
	void *ctx;
	void (*event)(void *ctx, time_t at, const char *what);
};

struct round_run_result {
	int passes, sent, failed, unknown, assisted;
	int stopped;      /* by a signal */
	int finished;     /* nothing left planned: every request has gone out (or failed) */
	int waiting;      /* due but still planned, with nothing later planned: requests by a channel
			   * this run cannot use (web forms, until they are built) */
};

/* Takes the run lock of the workspace (*fd: close it to release). FOI_E_IO when held. */
enum foi_status round_run_lock(const char *ws_dir, int *fd, char *err, size_t errsz);

/* Runs the loop (the caller holds the run lock). FOI_E_NOT_FOUND for an unknown round; a
 * sending failure that would fail every request (login, TLS, no server) ends the loop with it. */
enum foi_status round_run(struct workspace *ws, const struct round_run_options *o, const struct round_run_hooks *h,
			  struct round_run_result *res, char *err, size_t errsz);

#endif
