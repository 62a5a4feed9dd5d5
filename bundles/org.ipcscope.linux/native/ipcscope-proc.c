/*
 * One pass over /proc for the Linux inventory, run by ProcessTable (in the workbench's refresh and
 * in the command line alike). It does only what costs system calls, so that the JVM neither pays
 * a Path and a String per call nor loads JNA for netlink; every decision about what a fact means
 * stays in Java. Output on stdout, every field ended by a NUL byte, records in /proc's order:
 *
 *   p PID HIDDEN COMM          a process (HIDDEN 1: its descriptors could not be read)
 *   f FD LINKMODE MODE DEV TARGET
 *                              an open descriptor of the last process; LINKMODE is the st_mode of
 *                              the /proc/PID/fd/FD link (its permission bits are the open mode),
 *                              MODE and DEV what the link points to; -1 where not asked
 *   m LINE                     a line of /proc/PID/maps mapping /dev/shm/... or /SYSV...
 *   u INODE PEER               a connected Unix socket's peer, from sock_diag (as ss -x)
 *   e MESSAGE                  why the peers could not be read
 *
 * Usage: ipcscope-proc [PROC] [maps] [peers]. A process that exits meanwhile is left out or
 * cut short; none of its failures stops the others. Exit code 0 unless PROC cannot be listed.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

struct buffer {
	char *data;
	size_t length, capacity;
};

static void reserve(struct buffer *b, size_t more)
{
	if (b->length + more > b->capacity) {
		size_t capacity = b->capacity ? b->capacity : 4096;
		while (capacity < b->length + more)
			capacity *= 2;
		b->data = realloc(b->data, capacity);
		if (!b->data) {
			perror("ipcscope-proc");
			exit(1);
		}
		b->capacity = capacity;
	}
}

static void put_bytes(struct buffer *b, const char *bytes, size_t length)
{
	reserve(b, length + 1);
	memcpy(b->data + b->length, bytes, length);
	b->length += length;
	b->data[b->length++] = '\0';
}

static void put_text(struct buffer *b, const char *text)
{
	put_bytes(b, text, strlen(text));
}

static void put_number(struct buffer *b, long long number)
{
	char text[24];
	put_bytes(b, text, (size_t)snprintf(text, sizeof text, "%lld", number));
}

/* Reads a whole /proc file (their size is unknown before reading); returns -1 on failure. */
static ssize_t read_all(int dir, const char *path, struct buffer *into)
{
	int fd = openat(dir, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	into->length = 0;
	for (;;) {
		reserve(into, 65536);
		ssize_t n = read(fd, into->data + into->length, into->capacity - into->length);
		if (n < 0) {
			close(fd);
			return -1;
		}
		if (n == 0)
			break;
		into->length += (size_t)n;
	}
	close(fd);
	return (ssize_t)into->length;
}

static int starts_with(const char *text, size_t length, const char *prefix)
{
	size_t n = strlen(prefix);
	return length >= n && memcmp(text, prefix, n) == 0;
}

/* Link texts under these never name a FIFO or a message queue: no stat of what they point to. */
static int follow_worth(const char *target, size_t length)
{
	return !starts_with(target, length, "/dev/") && !starts_with(target, length, "/proc/")
	       && !starts_with(target, length, "/sys/") && !starts_with(target, length, "/memfd:");
}

/* Returns 0, HIDDEN when the descriptors may not be read, or GONE when the process exited. */
enum { HIDDEN = 1, GONE = 2 };

static int descriptors(int proc, const char *pid, struct buffer *out)
{
	char path[64];
	snprintf(path, sizeof path, "%s/fd", pid);
	int dir = openat(proc, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dir < 0)
		return errno == EACCES || errno == EPERM ? HIDDEN : GONE;
	DIR *fds = fdopendir(dir);
	if (!fds) {
		close(dir);
		return GONE;
	}
	size_t capacity = 4096;
	char *target = malloc(capacity);
	struct dirent *entry;
	while ((entry = readdir(fds)) != NULL) {
		if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
			continue;
		ssize_t length;
		while ((length = readlinkat(dir, entry->d_name, target, capacity)) == (ssize_t)capacity) {
			capacity *= 2;
			target = realloc(target, capacity);
			if (!target) {
				perror("ipcscope-proc");
				exit(1);
			}
		}
		if (length < 0)
			continue; /* closed between listing and reading */
		long long link_mode = -1, mode = -1, dev = -1;
		struct stat st;
		int is_path = target[0] == '/';
		if ((is_path || starts_with(target, (size_t)length, "pipe:"))
		    && fstatat(dir, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
			link_mode = st.st_mode;
		if (is_path && follow_worth(target, (size_t)length) && fstatat(dir, entry->d_name, &st, 0) == 0) {
			mode = st.st_mode;
			dev = (long long)st.st_dev;
		}
		put_text(out, "f");
		put_text(out, entry->d_name);
		put_number(out, link_mode);
		put_number(out, mode);
		put_number(out, dev);
		put_bytes(out, target, (size_t)length);
	}
	free(target);
	closedir(fds);
	return 0;
}

/* Shared memory lines only: a JVM's maps has thousands of lines and none of them matters. */
static void mappings(int proc, const char *pid, struct buffer *out, struct buffer *scratch)
{
	char path[64];
	snprintf(path, sizeof path, "%s/maps", pid);
	if (read_all(proc, path, scratch) < 0)
		return;
	char *line = scratch->data, *end = scratch->data + scratch->length;
	while (line < end) {
		char *newline = memchr(line, '\n', (size_t)(end - line));
		char *line_end = newline ? newline : end;
		char *slash = memchr(line, '/', (size_t)(line_end - line));
		if (slash && (starts_with(slash, (size_t)(line_end - slash), "/dev/shm/")
			      || starts_with(slash, (size_t)(line_end - slash), "/SYSV"))) {
			put_text(out, "m");
			put_bytes(out, line, (size_t)(line_end - line));
		}
		line = line_end + 1;
	}
}

static void process(int proc, const char *pid, int with_maps, struct buffer *out, struct buffer *scratch)
{
	char path[64];
	snprintf(path, sizeof path, "%s/comm", pid);
	if (read_all(proc, path, scratch) < 0)
		return; /* exited since the listing */
	size_t comm_length = scratch->length;
	if (comm_length > 0 && scratch->data[comm_length - 1] == '\n')
		comm_length--;
	struct buffer held = { 0 };
	int state = descriptors(proc, pid, &held);
	if (state == GONE) {
		free(held.data);
		return; /* exited between reading its name and its descriptors */
	}
	int hidden = state == HIDDEN;
	put_text(out, "p");
	put_text(out, pid);
	put_number(out, hidden);
	put_bytes(out, scratch->data, comm_length);
	if (held.length) {
		reserve(out, held.length);
		memcpy(out->data + out->length, held.data, held.length);
		out->length += held.length;
	}
	free(held.data);
	if (with_maps && !hidden)
		mappings(proc, pid, out, scratch);
}

struct worker {
	int proc, with_maps;
	char **pids;
	size_t first, count;
	struct buffer out;
	pthread_t thread;
	int started;
};

static void *work(void *argument)
{
	struct worker *w = argument;
	struct buffer scratch = { 0 };
	for (size_t i = w->first; i < w->first + w->count; i++)
		process(w->proc, w->pids[i], w->with_maps, &w->out, &scratch);
	free(scratch.data);
	return NULL;
}

static void peers(struct buffer *out)
{
	int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (fd < 0) {
		put_text(out, "e");
		put_text(out, "netlink sock_diag unavailable");
		return;
	}
	struct {
		struct nlmsghdr header;
		struct unix_diag_req request;
	} message = {
		.header = { .nlmsg_len = sizeof message, .nlmsg_type = SOCK_DIAG_BY_FAMILY,
			    .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP, .nlmsg_seq = 1 },
		.request = { .sdiag_family = AF_UNIX, .udiag_states = -1, .udiag_show = UDIAG_SHOW_PEER },
	};
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	if (sendto(fd, &message, sizeof message, 0, (struct sockaddr *)&kernel, sizeof kernel) < 0) {
		put_text(out, "e");
		put_text(out, "netlink request refused");
		close(fd);
		return;
	}
	static char reply[65536] __attribute__((aligned(NLMSG_ALIGNTO)));
	for (;;) {
		ssize_t n = recv(fd, reply, sizeof reply, 0);
		if (n <= 0) {
			put_text(out, "e");
			put_text(out, "netlink reply ended early");
			break;
		}
		for (struct nlmsghdr *h = (struct nlmsghdr *)reply; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_type == NLMSG_DONE) {
				close(fd);
				return;
			}
			if (h->nlmsg_type == NLMSG_ERROR) {
				put_text(out, "e");
				put_text(out, "netlink error");
				close(fd);
				return;
			}
			if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY)
				continue;
			struct unix_diag_msg *socket_message = NLMSG_DATA(h);
			int remaining = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof *socket_message));
			for (struct rtattr *a = (struct rtattr *)(socket_message + 1); RTA_OK(a, remaining);
			     a = RTA_NEXT(a, remaining)) {
				if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= 4) {
					put_text(out, "u");
					put_number(out, socket_message->udiag_ino);
					put_number(out, *(unsigned int *)RTA_DATA(a));
				}
			}
		}
	}
	close(fd);
}

int main(int argc, char **argv)
{
	const char *root = argc > 1 ? argv[1] : "/proc";
	int with_maps = 0, with_peers = 0;
	for (int i = 2; i < argc; i++) {
		with_maps |= strcmp(argv[i], "maps") == 0;
		with_peers |= strcmp(argv[i], "peers") == 0;
	}
	int proc = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *listing = proc < 0 ? NULL : fdopendir(dup(proc));
	if (!listing) {
		fprintf(stderr, "%s: %s\n", root, strerror(errno));
		return 1;
	}
	size_t count = 0, capacity = 1024;
	char **pids = malloc(capacity * sizeof *pids);
	struct dirent *entry;
	while ((entry = readdir(listing)) != NULL) {
		if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
			continue;
		if (count == capacity)
			pids = realloc(pids, (capacity *= 2) * sizeof *pids);
		pids[count++] = strdup(entry->d_name);
	}
	closedir(listing);
	/* /proc is read a process at a time, each in a few system calls: spread them over the cores */
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t threads = cores < 1 ? 1 : cores > 4 ? 4 : (size_t)cores;
	struct worker workers[4];
	for (size_t t = 0; t < threads; t++) {
		workers[t] = (struct worker){ .proc = proc, .with_maps = with_maps, .pids = pids,
					      .first = count * t / threads,
					      .count = count * (t + 1) / threads - count * t / threads };
		workers[t].started = t > 0 && pthread_create(&workers[t].thread, NULL, work, &workers[t]) == 0;
		if (t > 0 && !workers[t].started)
			work(&workers[t]);
	}
	work(&workers[0]);
	struct buffer socket_peers = { 0 };
	if (with_peers)
		peers(&socket_peers);
	for (size_t t = 0; t < threads; t++) {
		if (workers[t].started)
			pthread_join(workers[t].thread, NULL);
		fwrite(workers[t].out.data, 1, workers[t].out.length, stdout);
	}
	fwrite(socket_peers.data, 1, socket_peers.length, stdout);
	return fflush(stdout) == 0 ? 0 : 1;
}
