/*
 * A pipe ping-pong for the traffic capture benchmark (traffic-linux.sh): a parent and its child
 * pass a message of SIZE bytes back and forth COUNT times over two pipes. Prints "PIDS P C",
 * waits for a line on stdin (capture is attached meanwhile), runs, and prints the microseconds
 * per round trip.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

static void full(int fd, char *buffer, size_t size, int writing)
{
	size_t done = 0;
	while (done < size) {
		ssize_t n = writing ? write(fd, buffer + done, size - done) : read(fd, buffer + done, size - done);
		if (n <= 0)
			exit(1);
		done += (size_t)n;
	}
}

int main(int argc, char **argv)
{
	if (argc < 3)
		return 2;
	size_t size = strtoul(argv[1], NULL, 10);
	long count = strtol(argv[2], NULL, 10);
	int ping[2], pong[2];
	if (pipe(ping) || pipe(pong))
		return 1;
	char *buffer = calloc(1, size);
	pid_t child = fork();
	if (child == 0) {
		for (long i = 0; i < count; i++) {
			full(ping[0], buffer, size, 0);
			full(pong[1], buffer, size, 1);
		}
		_exit(0);
	}
	printf("PIDS %d %d\n", getpid(), child);
	fflush(stdout);
	char line[16];
	if (!fgets(line, sizeof line, stdin))
		return 1;
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (long i = 0; i < count; i++) {
		full(ping[1], buffer, size, 1);
		full(pong[0], buffer, size, 0);
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	waitpid(child, NULL, 0);
	printf("%.2f\n", ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / 1e3 / count);
	return 0;
}
