/*
 * Test helper: creates real shared memory the way native programs do, reports it, and keeps it
 * until told to go. Always exits: on stdin EOF, on the parent's death, or after a timeout.
 *
 *   shm_helper posix NAME SIZE     shm_open + ftruncate + mmap
 *   shm_helper sysv KEY SIZE       shmget + shmat (KEY in decimal or 0x hex)
 *
 * Prints "READY <kind> <name-or-shmid>" per object, then waits. On stdin EOF it removes what it
 * created (shm_unlink / IPC_RMID) and exits 0.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_OBJECTS 64
#define TIMEOUT_SECONDS 120

static char *posix_names[MAX_OBJECTS];
static int posix_count;
static int sysv_ids[MAX_OBJECTS];
static int sysv_count;

static void cleanup(void)
{
	for (int i = 0; i < posix_count; i++)
		shm_unlink(posix_names[i]);
	for (int i = 0; i < sysv_count; i++)
		shmctl(sysv_ids[i], IPC_RMID, NULL);
}

static void on_signal(int sig)
{
	cleanup();
	_exit(128 + sig);
}

static int create_posix(const char *name, size_t size)
{
	int fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
	if (fd < 0) {
		fprintf(stderr, "shm_open %s: %s\n", name, strerror(errno));
		return -1;
	}
	posix_names[posix_count++] = strdup(name);
	if (ftruncate(fd, (off_t)size) != 0) {
		fprintf(stderr, "ftruncate %s: %s\n", name, strerror(errno));
		return -1;
	}
	if (size > 0) {
		unsigned char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (p == MAP_FAILED) {
			fprintf(stderr, "mmap %s: %s\n", name, strerror(errno));
			return -1;
		}
		p[0] = 0x42;
	}
	close(fd);
	printf("READY posix %s\n", name);
	return 0;
}

static int create_sysv(const char *key_text, size_t size)
{
	key_t key = (key_t)strtol(key_text, NULL, 0);
	int id = shmget(key, size, IPC_CREAT | IPC_EXCL | 0640);
	if (id < 0) {
		fprintf(stderr, "shmget %s: %s\n", key_text, strerror(errno));
		return -1;
	}
	sysv_ids[sysv_count++] = id;
	void *p = shmat(id, NULL, 0);
	if (p == (void *)-1) {
		fprintf(stderr, "shmat %d: %s\n", id, strerror(errno));
		return -1;
	}
	printf("READY sysv %d\n", id);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 4 || (argc - 1) % 3 != 0) {
		fprintf(stderr, "usage: %s (posix NAME SIZE | sysv KEY SIZE)...\n", argv[0]);
		return 2;
	}
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	signal(SIGTERM, on_signal);
	signal(SIGALRM, on_signal);
	signal(SIGINT, on_signal);
	alarm(TIMEOUT_SECONDS);
	int failed = 0;
	for (int i = 1; i + 2 < argc && !failed && posix_count + sysv_count < MAX_OBJECTS; i += 3) {
		size_t size = (size_t)strtoull(argv[i + 2], NULL, 0);
		if (strcmp(argv[i], "posix") == 0)
			failed = create_posix(argv[i + 1], size) != 0;
		else if (strcmp(argv[i], "sysv") == 0)
			failed = create_sysv(argv[i + 1], size) != 0;
		else {
			fprintf(stderr, "unknown kind %s\n", argv[i]);
			failed = 1;
		}
	}
	if (failed) {
		cleanup();
		return 1;
	}
	fflush(stdout);
	char buffer[256];
	while (fgets(buffer, sizeof buffer, stdin) != NULL) {
		/* stdin open: keep the objects */
	}
	cleanup();
	return 0;
}
