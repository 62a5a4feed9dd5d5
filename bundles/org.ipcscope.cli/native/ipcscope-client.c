/*
 * The command line's client of its resident server (org.ipcscope.cli.internal.DaemonServer):
 * ./ipcscope runs it for `list` so that a script's poll costs a process start and a warm
 * inventory instead of a cold JVM.
 *
 *   ipcscope-client SOCKET ARG...
 *
 * Sends the arguments, the working directory and the environment variables that change the
 * output; prints the answer's stdout and stderr byte for byte and exits with its exit code.
 * Nothing is printed before the whole answer is in: whenever the server cannot answer (no
 * socket, not this user's, refused, declined, timed out, gone mid-answer) it prints nothing and
 * exits with FALLBACK, and the script runs the command in a JVM of its own.
 * IPCSCOPE_DAEMON_TIMEOUT (seconds, default 30) bounds the wait for the answer: digits, at most
 * 3 after a point, from 0.001 to 999999.999 (as DaemonSettings checks it); anything else (inf,
 * 1e309, -1, text) gets a one-line message and FALLBACK.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define FALLBACK 222
#define MAGIC "IPCS"
#define PROTOCOL "1"
#define MAX_ANSWER (1u << 30)

/* the variables that change what a command prints: read by the server per request or compared */
static const char *const VARIABLES[] = {"IPCSCOPE_FIFO_DIRS", "LANG", "LC_ALL", "LC_CTYPE", "LC_NUMERIC", "TZ"};

static long long deadline_ms;

/* IPCSCOPE_DAEMON_TIMEOUT in milliseconds, or -1 if it is not [0-9]{1,6}(.[0-9]{1,3})? above 0 */
static long long timeout_ms(const char *text)
{
	long long ms = 0;
	int digits = 0, decimals = -1;
	for (const char *c = text; *c != '\0'; c++) {
		if (*c == '.' && decimals < 0 && digits > 0) {
			decimals = 0;
		} else if (*c >= '0' && *c <= '9' && (decimals < 0 ? digits < 6 : decimals < 3)) {
			ms = ms * 10 + (*c - '0');
			decimals < 0 ? digits++ : decimals++;
		} else {
			return -1;
		}
	}
	if (digits == 0 || decimals == 0) {
		return -1;
	}
	for (int i = decimals < 0 ? 0 : decimals; i < 3; i++) {
		ms *= 10;
	}
	return ms > 0 ? ms : -1;
}

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* waits until fd is ready for events, or the deadline: 0 ready, -1 not */
static int await(int fd, short events)
{
	for (;;) {
		long long left = deadline_ms - now_ms();
		if (left <= 0) {
			return -1;
		}
		struct pollfd p = {.fd = fd, .events = events};
		int n = poll(&p, 1, left > INT_MAX ? INT_MAX : (int)left);
		if (n > 0) {
			return 0;
		}
		if (n < 0 && errno != EINTR) {
			return -1;
		}
	}
}

static int send_all(int fd, const char *data, size_t length)
{
	while (length > 0) {
		if (await(fd, POLLOUT) < 0) {
			return -1;
		}
		ssize_t n = send(fd, data, length, MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN) {
				continue;
			}
			return -1;
		}
		data += n;
		length -= (size_t)n;
	}
	return 0;
}

static int receive_all(int fd, char *data, size_t length)
{
	while (length > 0) {
		if (await(fd, POLLIN) < 0) {
			return -1;
		}
		ssize_t n = recv(fd, data, length, MSG_DONTWAIT);
		if (n == 0) {
			return -1; /* the server went away mid-answer */
		}
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN) {
				continue;
			}
			return -1;
		}
		data += n;
		length -= (size_t)n;
	}
	return 0;
}

static uint32_t big_endian(const unsigned char *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* appends s and its NUL to the request */
static int append(char **request, size_t *length, size_t *capacity, const char *s)
{
	size_t n = strlen(s) + 1;
	while (*length + n > *capacity) {
		*capacity = *capacity * 2 + n;
		char *grown = realloc(*request, *capacity);
		if (grown == NULL) {
			return -1;
		}
		*request = grown;
	}
	memcpy(*request + *length, s, n);
	*length += n;
	return 0;
}

/* only a directory of this user's that no one else may enter holds a socket worth trusting */
static int trusted_directory(const char *socket_path)
{
	char directory[sizeof(((struct sockaddr_un *)0)->sun_path)];
	const char *slash = strrchr(socket_path, '/');
	if (slash == NULL || (size_t)(slash - socket_path) >= sizeof directory) {
		return 0;
	}
	memcpy(directory, socket_path, (size_t)(slash - socket_path));
	directory[slash - socket_path] = '\0';
	struct stat st;
	return lstat(directory, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid() && (st.st_mode & 077) == 0;
}

static int connect_to(const char *path)
{
	struct sockaddr_un address = {.sun_family = AF_UNIX};
	if (strlen(path) >= sizeof address.sun_path || !trusted_directory(path)) {
		return -1;
	}
	strcpy(address.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0) {
		return -1;
	}
	if (connect(fd, (struct sockaddr *)&address, sizeof address) < 0 && (errno != EAGAIN || await(fd, POLLOUT) < 0)) {
		close(fd);
		return -1;
	}
	/* the server must be this user's: root's client never gets a user's view, nor the reverse */
	struct ucred peer;
	socklen_t size = sizeof peer;
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &peer, &size) < 0 || peer.uid != geteuid()) {
		close(fd);
		return -1;
	}
	return fd;
}

static void write_all(int fd, const char *data, size_t length)
{
	/* as the JVM does: a closed stdout (| head) loses the rest silently, the exit code stays */
	while (length > 0) {
		ssize_t n = write(fd, data, length);
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			return;
		}
		data += n;
		length -= (size_t)n;
	}
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: ipcscope-client SOCKET ARG...\n");
		return FALLBACK;
	}
	signal(SIGPIPE, SIG_IGN);
	const char *timeout = getenv("IPCSCOPE_DAEMON_TIMEOUT");
	long long wait_ms = timeout != NULL && *timeout != '\0' ? timeout_ms(timeout) : 30000;
	if (wait_ms < 0) {
		fputs("ipcscope: IPCSCOPE_DAEMON_TIMEOUT='", stderr);
		for (const unsigned char *c = (const unsigned char *)timeout;
		        *c != '\0' && c - (const unsigned char *)timeout < 64; c++) {
			fprintf(stderr, *c < 0x20 || *c >= 0x7f || *c == '\\' ? "\\x%02x" : "%c", *c);
		}
		fputs("' is not a number of seconds from 0.001 to 999999.999 (digits, at most 3 after the point): "
		      "the server is not asked\n",
		        stderr);
		return FALLBACK;
	}
	deadline_ms = now_ms() + wait_ms;

	int fd = connect_to(argv[1]);
	if (fd < 0) {
		return FALLBACK;
	}
	size_t length = 4, capacity = 4096;
	char *request = malloc(capacity);
	char cwd[PATH_MAX];
	char count[16];
	const char *values[sizeof VARIABLES / sizeof *VARIABLES];
	int set = 0;
	for (size_t i = 0; i < sizeof VARIABLES / sizeof *VARIABLES; i++) {
		values[i] = getenv(VARIABLES[i]);
		set += values[i] != NULL;
	}
	snprintf(count, sizeof count, "%d", set);
	if (request == NULL || getcwd(cwd, sizeof cwd) == NULL) {
		return FALLBACK;
	}
	memcpy(request, MAGIC, 4);
	length = 8; /* room for the length */
	int failed = append(&request, &length, &capacity, PROTOCOL) | append(&request, &length, &capacity, cwd) |
	        append(&request, &length, &capacity, count);
	for (size_t i = 0; i < sizeof VARIABLES / sizeof *VARIABLES && !failed; i++) {
		if (values[i] != NULL) {
			char *entry;
			if (asprintf(&entry, "%s=%s", VARIABLES[i], values[i]) < 0) {
				return FALLBACK;
			}
			failed |= append(&request, &length, &capacity, entry);
			free(entry);
		}
	}
	for (int i = 2; i < argc && !failed; i++) {
		failed |= append(&request, &length, &capacity, argv[i]);
	}
	if (failed) {
		return FALLBACK;
	}
	uint32_t body = (uint32_t)(length - 8);
	unsigned char *size = (unsigned char *)request + 4;
	size[0] = body >> 24, size[1] = body >> 16, size[2] = body >> 8, size[3] = body;
	if (send_all(fd, request, length) < 0) {
		return FALLBACK;
	}
	shutdown(fd, SHUT_WR);

	/* MAGIC, status (0 answered, else declined), exit code, stdout length, stdout, stderr length, stderr */
	unsigned char head[4 + 1 + 4 + 4];
	if (receive_all(fd, (char *)head, sizeof head) < 0 || memcmp(head, MAGIC, 4) != 0 || head[4] != 0) {
		return FALLBACK;
	}
	int code = (int)big_endian(head + 5);
	uint32_t out_length = big_endian(head + 9);
	unsigned char err_head[4];
	char *out = out_length > MAX_ANSWER ? NULL : malloc(out_length + 1);
	if (out == NULL || receive_all(fd, out, out_length) < 0 || receive_all(fd, (char *)err_head, 4) < 0) {
		return FALLBACK;
	}
	uint32_t err_length = big_endian(err_head);
	char *err = err_length > MAX_ANSWER ? NULL : malloc(err_length + 1);
	if (err == NULL || receive_all(fd, err, err_length) < 0 || code < 0 || code > 255) {
		return FALLBACK;
	}
	close(fd);
	write_all(STDOUT_FILENO, out, out_length);
	write_all(STDERR_FILENO, err, err_length);
	return code;
}
