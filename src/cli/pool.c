/*
 * A pool of threads that check files for `fidelint check -j N`: each
 * thread has its own worker of the run's checker (fl_checker_worker_new);
 * the main thread hands in jobs by index, in order, and waits for them in
 * order, so that what it writes comes out in input order.
 */
#include "cli.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct cli_pool {
	pthread_mutex_t lock;
	pthread_cond_t work; /* a job was submitted, or stop */
	pthread_cond_t done; /* a job is done */
	cli_pool_fn fn;
	void *ctx;
	size_t total;         /* jobs there will be at most */
	unsigned char *state; /* per job: 0 waiting, 1 to run, 2 done */
	size_t submitted;     /* jobs [0, submitted) are handed in */
	size_t taken;         /* the next job a thread takes */
	size_t finished;      /* jobs done */
	bool stop;
	pthread_t *threads;
	fl_checker **workers;
	size_t count; /* threads started */
};

/* One thread: takes the next job, runs it on its worker, says it is done;
 * ends when stopped and nothing is left. */
static void *pool_thread(void *arg)
{
	void **a = arg;
	cli_pool *p = a[0];
	fl_checker *w = a[1];

	free(arg);
	pthread_mutex_lock(&p->lock);
	for (;;) {
		size_t i;
		while (p->taken == p->submitted && !p->stop)
			pthread_cond_wait(&p->work, &p->lock);
		if (p->taken == p->submitted)
			break;
		i = p->taken++;
		if (p->state[i] != 1)
			continue; /* done when handed in */
		pthread_mutex_unlock(&p->lock);
		p->fn(p->ctx, i, w);
		pthread_mutex_lock(&p->lock);
		p->state[i] = 2;
		p->finished++;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

int cli_pool_new(cli_pool **out, fl_checker *checker, size_t threads,
                 size_t total, cli_pool_fn fn, void *ctx)
{
	cli_pool *p;

	*out = NULL;
	if (!(p = calloc(1, sizeof(*p))))
		return -1;
	p->fn = fn;
	p->ctx = ctx;
	p->total = total;
	if (pthread_mutex_init(&p->lock, NULL) != 0) {
		free(p);
		return -1;
	}
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done, NULL);
	p->state = calloc(total ? total : 1, 1);
	p->threads = calloc(threads, sizeof(*p->threads));
	p->workers = calloc(threads, sizeof(*p->workers));
	if (!p->state || !p->threads || !p->workers)
		goto fail;
	for (size_t i = 0; i < threads; i++) {
		void **arg = malloc(2 * sizeof(*arg));
		if (!arg ||
		    fl_checker_worker_new(&p->workers[i], checker) < 0) {
			free(arg);
			goto fail;
		}
		arg[0] = p;
		arg[1] = p->workers[i];
		if (pthread_create(&p->threads[i], NULL, pool_thread, arg) !=
		    0) {
			free(arg);
			fl_checker_free(p->workers[i]);
			p->workers[i] = NULL;
			goto fail;
		}
		p->count++;
	}
	*out = p;
	return 0;
fail:
	cli_pool_free(p);
	return -1;
}

void cli_pool_submit(cli_pool *p, size_t i, bool run)
{
	pthread_mutex_lock(&p->lock);
	if (i == p->submitted && i < p->total) {
		p->state[i] = run ? 1 : 2;
		p->submitted++;
		if (!run)
			p->finished++;
		pthread_cond_signal(&p->work);
	}
	pthread_mutex_unlock(&p->lock);
}

void cli_pool_wait(cli_pool *p, size_t i)
{
	pthread_mutex_lock(&p->lock);
	while (i < p->submitted && p->state[i] != 2)
		pthread_cond_wait(&p->done, &p->lock);
	pthread_mutex_unlock(&p->lock);
}

bool cli_pool_is_done(cli_pool *p, size_t i)
{
	bool done;

	pthread_mutex_lock(&p->lock);
	done = i < p->submitted && p->state[i] == 2;
	pthread_mutex_unlock(&p->lock);
	return done;
}

void cli_pool_drain(cli_pool *p)
{
	pthread_mutex_lock(&p->lock);
	while (p->finished < p->submitted)
		pthread_cond_wait(&p->done, &p->lock);
	pthread_mutex_unlock(&p->lock);
}

void cli_pool_free(cli_pool *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->lock);
	for (size_t i = 0; i < p->count; i++)
		pthread_join(p->threads[i], NULL);
	for (size_t i = 0; p->workers && i < p->count; i++)
		fl_checker_free(p->workers[i]);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->done);
	pthread_mutex_destroy(&p->lock);
	free(p->workers);
	free(p->threads);
	free(p->state);
	free(p);
}

size_t cli_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (size_t)n : 1;
}
