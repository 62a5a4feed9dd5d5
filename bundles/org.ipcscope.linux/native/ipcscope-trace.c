/*
 * Traffic capture for LinuxTrafficCapturer: attaches to processes with ptrace and reports the
 * bytes their read/write/send/recv... calls move on pipes, FIFOs and sockets.
 *
 * Usage: ipcscope-trace CAP RING KINDS PID...
 *   CAP    payload bytes kept per record at most
 *   RING   records buffered for a slow reader before the next ones are dropped (and counted)
 *   KINDS  bit mask of the channels to record: 1 pipe, 2 FIFO, 4 Unix socket, 8 TCP, 16 UDP
 *
 * Every thread of each process is attached with PTRACE_SEIZE (never PTRACE_O_EXITKILL: the targets
 * must outlive us) and new threads follow (PTRACE_O_TRACECLONE). At each call's exit the buffers
 * are read with process_vm_readv, up to CAP, only the bytes the call moved. Descriptors are
 * classified once (readlink of /proc/PID/fd/N, stat, the socket's protocol name) and forgotten on
 * close, dup2, accept, exec. Naming a socket as `list` does is left to Java.
 *
 * Output on stdout, frames of native byte order: u32 LENGTH (of what follows), u8 TYPE, then
 *   'R' u8 OP u8 KIND u16 0 u32 PID u32 TID i32 FD i32 ERRNO u64 TIMEUS i64 REQUESTED
 *       i64 TRANSFERRED u16 CALLLEN u16 NAMELEN u32 PAYLOADLEN CALL NAME PAYLOAD
 *       (OP: 0 read 1 write 2 connect 3 accept 4 disconnect 5 close; KIND as the bits above;
 *       NAME: the descriptor's link target, e.g. pipe:[123], socket:[456], /tmp/fifo)
 *   'A' u32 PID                 the process is attached
 *   'F' u32 PID i32 ERRNO       attaching the process failed
 *   'D' u32 PID u32 HOW         the process is no longer traced: 0 it exited, 1 released
 *   'X' u64 TOTAL               records dropped so far (the reader was slow)
 *   'S'                         every process has been tried: capture runs
 * The writer is a thread of its own: a slow reader never stops a target, it costs drops.
 * Everything is released (PTRACE_DETACH of every thread, the targets run on) on SIGTERM, SIGINT,
 * SIGHUP, EOF on stdin (the JVM died), a broken stdout, and when no target is left. Then stdout
 * is closed, and the program exits at EOF on stdin.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/ptrace.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

/* <sys/ptrace.h> and <linux/ptrace.h> clash; the call itself is enough */
static long trace(long request, pid_t pid, void *addr, void *data)
{
	return syscall(SYS_ptrace, request, pid, addr, data);
}

enum op { OP_READ, OP_WRITE, OP_CONNECT, OP_ACCEPT, OP_DISCONNECT, OP_CLOSE };
enum kind { K_PIPE = 1, K_FIFO = 2, K_UNIX = 4, K_TCP = 8, K_UDP = 16, K_OTHER = 0 };
enum shape { S_BUF, S_IOV, S_MSG, S_MMSG, S_NONE };

#define MAX_IOV 1024
#define NAME_MAX_BYTES 4096
#define MMSG_MAX 1024

static unsigned long cap;
static unsigned long ring_records;
static unsigned kinds;
static volatile sig_atomic_t stopping;
static pthread_t main_thread;

static void *checked(void *allocated)
{
	if (!allocated) {
		fputs("ipcscope-trace: out of memory\n", stderr);
		exit(1);
	}
	return allocated;
}

/* ---- the output queue and its writer thread ---- */

struct frame {
	struct frame *next;
	size_t length;
	unsigned char data[];
};

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t queue_ready = PTHREAD_COND_INITIALIZER;
static struct frame *queue_head, *queue_tail;
static unsigned long queued_records;
static size_t queued_bytes;
static uint64_t dropped, dropped_told;
static int queue_closed;
static int output_broken;

static size_t byte_limit(void)
{
	size_t limit = (size_t)64 << 20;
	size_t two = 2 * (cap + 8192);
	return two > limit ? two : limit;
}

/* Queues a frame; records (droppable) are dropped when the queue is full, events never. */
static void enqueue(struct frame *f, int droppable)
{
	pthread_mutex_lock(&queue_lock);
	if (droppable && (queued_records >= ring_records || queued_bytes + f->length > byte_limit())) {
		dropped++;
		free(f);
	} else {
		f->next = NULL;
		if (queue_tail)
			queue_tail->next = f;
		else
			queue_head = f;
		queue_tail = f;
		queued_bytes += f->length;
		if (droppable)
			queued_records++;
		f->length |= (size_t)droppable << 63;
	}
	pthread_cond_signal(&queue_ready);
	pthread_mutex_unlock(&queue_lock);
}

static int write_all(const void *data, size_t length)
{
	const unsigned char *p = data;
	while (length > 0) {
		ssize_t n = write(1, p, length);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		length -= (size_t)n;
	}
	return 0;
}

static void *writer(void *unused)
{
	(void)unused;
	for (;;) {
		pthread_mutex_lock(&queue_lock);
		while (!queue_head && !queue_closed && dropped == dropped_told)
			pthread_cond_wait(&queue_ready, &queue_lock);
		struct frame *f = queue_head;
		if (f) {
			queue_head = f->next;
			if (!queue_head)
				queue_tail = NULL;
		}
		uint64_t drops = dropped;
		int closing = queue_closed && !f;
		pthread_mutex_unlock(&queue_lock);
		if (drops != dropped_told) {
			unsigned char d[13];
			uint32_t len = 9;
			memcpy(d, &len, 4);
			d[4] = 'X';
			memcpy(d + 5, &drops, 8);
			if (!output_broken && write_all(d, sizeof d) < 0)
				output_broken = 1;
			dropped_told = drops;
		}
		if (f) {
			int droppable = (int)(f->length >> 63);
			size_t length = f->length & ~((size_t)1 << 63);
			if (!output_broken && write_all(f->data, length) < 0)
				output_broken = 1;
			pthread_mutex_lock(&queue_lock);
			queued_bytes -= length;
			if (droppable)
				queued_records--;
			pthread_mutex_unlock(&queue_lock);
			free(f);
		}
		if (output_broken && !stopping) {
			stopping = 1;
			pthread_kill(main_thread, SIGTERM);
		}
		if (closing)
			return NULL;
	}
}

static struct frame *new_frame(size_t body, char type)
{
	struct frame *f = checked(malloc(sizeof *f + 5 + body));
	uint32_t len = (uint32_t)(1 + body);
	memcpy(f->data, &len, 4);
	f->data[4] = (unsigned char)type;
	f->length = 5 + body;
	return f;
}

static void event(char type, uint32_t pid, int32_t value)
{
	size_t body = type == 'S' ? 0 : type == 'A' ? 4 : 8;
	struct frame *f = new_frame(body, type);
	if (body >= 4)
		memcpy(f->data + 5, &pid, 4);
	if (body == 8)
		memcpy(f->data + 9, &value, 4);
	enqueue(f, 0);
}

/* The JVM holds our stdin: its end (the JVM exited or was killed) ends the capture. */
static void *stdin_watch(void *unused)
{
	(void)unused;
	char buffer[256];
	for (;;) {
		ssize_t n = read(0, buffer, sizeof buffer);
		if (n == 0 || (n < 0 && errno != EINTR))
			break;
	}
	stopping = 1;
	pthread_kill(main_thread, SIGTERM);
	return NULL;
}

static void on_signal(int sig)
{
	(void)sig;
	stopping = 1;
}

/* ---- processes, threads and their descriptors ---- */

struct fd_entry {
	signed char known; /* 0 not looked at, 1 looked at */
	unsigned char kind;
	char *name;
};

struct process {
	pid_t pid;
	int threads;
	int announced;
	struct fd_entry *fds;
	int fd_count;
	struct process *next;
};

struct thread {
	pid_t tid;
	struct process *process;
	int in_call; /* entry seen and interesting: the exit makes a record */
	long nr;
	unsigned long args[6];
	char *closing_name; /* close(): the name, taken before the descriptor goes */
	unsigned char closing_kind;
	struct thread *next;
};

#define THREAD_BUCKETS 1024
static struct thread *threads[THREAD_BUCKETS];
static struct process *processes;
static int live_threads;

static struct thread *find_thread(pid_t tid)
{
	for (struct thread *t = threads[tid % THREAD_BUCKETS]; t; t = t->next)
		if (t->tid == tid)
			return t;
	return NULL;
}

static struct process *find_process(pid_t pid)
{
	for (struct process *p = processes; p; p = p->next)
		if (p->pid == pid)
			return p;
	return NULL;
}

static struct thread *add_thread(pid_t tid, struct process *p)
{
	struct thread *t = checked(calloc(1, sizeof *t));
	t->tid = tid;
	t->process = p;
	t->next = threads[tid % THREAD_BUCKETS];
	threads[tid % THREAD_BUCKETS] = t;
	p->threads++;
	live_threads++;
	return t;
}

static void forget_all_fds(struct process *p)
{
	for (int i = 0; i < p->fd_count; i++) {
		free(p->fds[i].name);
		p->fds[i].name = NULL;
		p->fds[i].known = 0;
	}
}

static void remove_thread(pid_t tid, int how)
{
	struct thread **link = &threads[tid % THREAD_BUCKETS];
	while (*link && (*link)->tid != tid)
		link = &(*link)->next;
	struct thread *t = *link;
	if (!t)
		return;
	*link = t->next;
	live_threads--;
	struct process *p = t->process;
	free(t->closing_name);
	free(t);
	if (--p->threads == 0) {
		event('D', (uint32_t)p->pid, how);
		forget_all_fds(p);
	}
}

static void forget_fd(struct process *p, long fd)
{
	if (fd >= 0 && fd < p->fd_count && p->fds[fd].known) {
		free(p->fds[fd].name);
		p->fds[fd].name = NULL;
		p->fds[fd].known = 0;
	}
}

/* What a descriptor is, looked up once until it is closed or replaced. */
static struct fd_entry *describe_fd(struct process *p, long fd)
{
	if (fd < 0 || fd > (1 << 24))
		return NULL;
	if (fd >= p->fd_count) {
		int count = p->fd_count ? p->fd_count : 64;
		while (count <= fd)
			count *= 2;
		p->fds = checked(realloc(p->fds, (size_t)count * sizeof *p->fds));
		memset(p->fds + p->fd_count, 0, (size_t)(count - p->fd_count) * sizeof *p->fds);
		p->fd_count = count;
	}
	struct fd_entry *e = &p->fds[fd];
	if (e->known)
		return e;
	char path[64], target[NAME_MAX_BYTES];
	snprintf(path, sizeof path, "/proc/%d/fd/%ld", p->pid, fd);
	ssize_t n = readlink(path, target, sizeof target - 1);
	if (n < 0)
		return NULL; /* not open (yet): ask again next time */
	target[n] = 0;
	e->known = 1;
	e->kind = K_OTHER;
	if (strncmp(target, "pipe:[", 6) == 0) {
		e->kind = K_PIPE;
	} else if (strncmp(target, "socket:[", 8) == 0) {
		char proto[32];
		ssize_t m = getxattr(path, "system.sockprotoname", proto, sizeof proto - 1);
		if (m > 0) {
			proto[m] = 0;
			if (strncmp(proto, "UNIX", 4) == 0)
				e->kind = K_UNIX;
			else if (strncmp(proto, "TCP", 3) == 0)
				e->kind = K_TCP;
			else if (strncmp(proto, "UDP", 3) == 0)
				e->kind = K_UDP;
		}
	} else if (target[0] == '/') {
		struct stat st;
		if (stat(path, &st) == 0 && S_ISFIFO(st.st_mode))
			e->kind = K_FIFO;
	}
	if (e->kind & kinds)
		e->name = checked(strdup(target));
	return e;
}

static int wanted(struct fd_entry *e)
{
	return e && (e->kind & kinds);
}

/* ---- the calls ---- */

struct call {
	long nr;
	const char *name;
	enum op op;
	enum shape shape;
	int fd_arg, data_arg, count_arg;
};

static const struct call calls[] = {
        {SYS_read, "read", OP_READ, S_BUF, 0, 1, 2},
        {SYS_write, "write", OP_WRITE, S_BUF, 0, 1, 2},
        {SYS_pread64, "pread64", OP_READ, S_BUF, 0, 1, 2},
        {SYS_pwrite64, "pwrite64", OP_WRITE, S_BUF, 0, 1, 2},
        {SYS_readv, "readv", OP_READ, S_IOV, 0, 1, 2},
        {SYS_writev, "writev", OP_WRITE, S_IOV, 0, 1, 2},
        {SYS_preadv, "preadv", OP_READ, S_IOV, 0, 1, 2},
        {SYS_pwritev, "pwritev", OP_WRITE, S_IOV, 0, 1, 2},
        {SYS_preadv2, "preadv2", OP_READ, S_IOV, 0, 1, 2},
        {SYS_pwritev2, "pwritev2", OP_WRITE, S_IOV, 0, 1, 2},
        {SYS_sendto, "sendto", OP_WRITE, S_BUF, 0, 1, 2},
        {SYS_recvfrom, "recvfrom", OP_READ, S_BUF, 0, 1, 2},
        {SYS_sendmsg, "sendmsg", OP_WRITE, S_MSG, 0, 1, -1},
        {SYS_recvmsg, "recvmsg", OP_READ, S_MSG, 0, 1, -1},
        {SYS_sendmmsg, "sendmmsg", OP_WRITE, S_MMSG, 0, 1, 2},
        {SYS_recvmmsg, "recvmmsg", OP_READ, S_MMSG, 0, 1, 2},
        {SYS_splice, "splice", OP_READ, S_NONE, 0, -1, 4}, /* and a write on its fd_out */
        {SYS_sendfile, "sendfile", OP_WRITE, S_NONE, 0, -1, 3},
        {SYS_connect, "connect", OP_CONNECT, S_NONE, 0, -1, -1},
        {SYS_accept, "accept", OP_ACCEPT, S_NONE, 0, -1, -1},
        {SYS_accept4, "accept4", OP_ACCEPT, S_NONE, 0, -1, -1},
        {SYS_shutdown, "shutdown", OP_DISCONNECT, S_NONE, 0, -1, -1},
        {SYS_close, "close", OP_CLOSE, S_NONE, 0, -1, -1},
};

static const struct call *find_call(long nr)
{
	static const struct call *by_nr[512];
	static int ready;
	if (!ready) {
		for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++)
			by_nr[calls[i].nr] = &calls[i];
		ready = 1;
	}
	return nr >= 0 && nr < 512 ? by_nr[nr] : NULL;
}

/* Reads up to `limit` bytes the target's iovecs hold into `out`; returns the bytes read. */
static size_t read_iovecs(pid_t tid, const struct iovec *remote, size_t count, unsigned char *out, size_t limit)
{
	struct iovec local = {out, limit};
	struct iovec parts[MAX_IOV];
	size_t used = 0, left = limit;
	for (size_t i = 0; i < count && left > 0 && used < MAX_IOV; i++) {
		if (remote[i].iov_len == 0)
			continue;
		parts[used].iov_base = remote[i].iov_base;
		parts[used].iov_len = remote[i].iov_len < left ? remote[i].iov_len : left;
		left -= parts[used].iov_len;
		used++;
	}
	if (used == 0)
		return 0;
	ssize_t n = process_vm_readv(tid, &local, 1, parts, used, 0);
	return n < 0 ? 0 : (size_t)n;
}

static size_t read_remote_iov_array(pid_t tid, unsigned long address, size_t count, struct iovec *out)
{
	if (count > MAX_IOV)
		count = MAX_IOV;
	struct iovec local = {out, count * sizeof *out};
	struct iovec remote = {(void *)address, count * sizeof *out};
	ssize_t n = process_vm_readv(tid, &local, 1, &remote, 1, 0);
	return n < 0 ? 0 : (size_t)n / sizeof *out;
}

static void emit(struct thread *t, const char *call, enum op op, long fd, unsigned char kind, const char *name,
        long requested, long result, const unsigned char *payload, size_t payload_length)
{
	if (result < 0 && (result == -EAGAIN || (result <= -512 && result >= -516)))
		return; /* not a transfer: nothing moved yet, or the call restarts */
	size_t call_length = strlen(call), name_length = name ? strlen(name) : 0;
	size_t body = 60 + call_length + name_length + payload_length;
	struct frame *f = new_frame(body, 'R');
	unsigned char *d = f->data + 5;
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	uint64_t micros = (uint64_t)now.tv_sec * 1000000u + (uint64_t)now.tv_nsec / 1000u;
	uint32_t pid = (uint32_t)t->process->pid, tid = (uint32_t)t->tid;
	int32_t fd32 = (int32_t)fd, error = result < 0 ? (int32_t)-result : 0;
	int64_t req = requested, moved = result < 0 ? 0 : result;
	uint16_t zero = 0, cl = (uint16_t)call_length, nl = (uint16_t)name_length;
	uint32_t pl = (uint32_t)payload_length;
	d[0] = (unsigned char)op;
	d[1] = kind;
	memcpy(d + 2, &zero, 2);
	memcpy(d + 4, &pid, 4);
	memcpy(d + 8, &tid, 4);
	memcpy(d + 12, &fd32, 4);
	memcpy(d + 16, &error, 4);
	memcpy(d + 20, &micros, 8);
	memcpy(d + 28, &req, 8);
	memcpy(d + 36, &moved, 8);
	memcpy(d + 44, &cl, 2);
	memcpy(d + 46, &nl, 2);
	memcpy(d + 48, &pl, 4);
	/* 52..59 reserved */
	memset(d + 52, 0, 8);
	memcpy(d + 60, call, call_length);
	memcpy(d + 60 + call_length, name, name_length);
	if (payload_length)
		memcpy(d + 60 + call_length + name_length, payload, payload_length);
	enqueue(f, 1);
}

static unsigned char *scratch;

/* One record for a call that moved bytes through a buffer, iovecs or a message header. */
static void record_transfer(struct thread *t, const struct call *c, struct fd_entry *e, long result)
{
	pid_t tid = t->tid;
	unsigned long *a = t->args;
	long fd = (long)a[c->fd_arg];
	size_t want = result > 0 ? ((unsigned long)result < cap ? (size_t)result : cap) : 0;
	size_t got = 0;
	long requested = 0;
	static struct iovec iov[MAX_IOV];
	switch (c->shape) {
	case S_BUF: {
		requested = (long)a[c->count_arg];
		if (want) {
			struct iovec remote = {(void *)a[c->data_arg], want};
			got = read_iovecs(tid, &remote, 1, scratch, want);
		}
		break;
	}
	case S_IOV: {
		size_t n = read_remote_iov_array(tid, a[c->data_arg], a[c->count_arg], iov);
		for (size_t i = 0; i < n; i++)
			requested += (long)iov[i].iov_len;
		if (want)
			got = read_iovecs(tid, iov, n, scratch, want);
		break;
	}
	case S_MSG: {
		struct msghdr m;
		struct iovec local = {&m, sizeof m}, remote = {(void *)a[c->data_arg], sizeof m};
		if (process_vm_readv(tid, &local, 1, &remote, 1, 0) == (ssize_t)sizeof m) {
			size_t n = read_remote_iov_array(tid, (unsigned long)m.msg_iov, m.msg_iovlen, iov);
			for (size_t i = 0; i < n; i++)
				requested += (long)iov[i].iov_len;
			if (want)
				got = read_iovecs(tid, iov, n, scratch, want);
		}
		break;
	}
	default:
		break;
	}
	emit(t, c->name, c->op, fd, e->kind, e->name, requested, result, scratch, got);
}

/* sendmmsg/recvmmsg: one record per message moved (each is a datagram of its own). */
static void record_messages(struct thread *t, const struct call *c, struct fd_entry *e, long result)
{
	unsigned long *a = t->args;
	long fd = (long)a[0];
	if (result <= 0) {
		emit(t, c->name, c->op, fd, e->kind, e->name, 0, result, NULL, 0);
		return;
	}
	size_t count = (size_t)result < MMSG_MAX ? (size_t)result : MMSG_MAX;
	static struct mmsghdr messages[MMSG_MAX];
	static struct iovec iov[MAX_IOV];
	struct iovec local = {messages, count * sizeof *messages}, remote = {(void *)a[1], count * sizeof *messages};
	ssize_t n = process_vm_readv(t->tid, &local, 1, &remote, 1, 0);
	if (n < (ssize_t)(count * sizeof *messages))
		return;
	for (size_t i = 0; i < count; i++) {
		size_t moved = messages[i].msg_len;
		size_t k = read_remote_iov_array(
		        t->tid, (unsigned long)messages[i].msg_hdr.msg_iov, messages[i].msg_hdr.msg_iovlen, iov);
		long requested = 0;
		for (size_t j = 0; j < k; j++)
			requested += (long)iov[j].iov_len;
		size_t want = moved < cap ? moved : cap;
		size_t got = want ? read_iovecs(t->tid, iov, k, scratch, want) : 0;
		emit(t, c->name, c->op, fd, e->kind, e->name, requested, (long)moved, scratch, got);
	}
}

static void on_entry(struct thread *t, const struct ptrace_syscall_info *info)
{
	t->in_call = 0;
	long nr = (long)info->entry.nr;
	t->nr = nr; /* every call's: its exit may change what a descriptor is */
	struct process *p = t->process;
	const struct call *c = find_call(nr);
	if (!c)
		return;
	for (int i = 0; i < 6; i++)
		t->args[i] = (unsigned long)info->entry.args[i];
	if (nr == SYS_accept || nr == SYS_accept4) {
		t->in_call = 1; /* the new descriptor is what counts */
		return;
	}
	if (nr == SYS_splice) {
		t->in_call = wanted(describe_fd(p, (long)t->args[0])) || wanted(describe_fd(p, (long)t->args[2]));
		return;
	}
	struct fd_entry *e = describe_fd(p, (long)t->args[c->fd_arg]);
	if (!wanted(e))
		return;
	t->in_call = 1;
	if (nr == SYS_close) {
		free(t->closing_name);
		t->closing_name = checked(strdup(e->name));
		t->closing_kind = e->kind;
	}
}

static void on_exit_(struct thread *t, const struct ptrace_syscall_info *info)
{
	struct process *p = t->process;
	long result = (long)info->exit.rval;
	long nr = t->nr;
	/* descriptors that change meaning, whether or not we record the call */
	switch (nr) {
	case SYS_dup:
	case SYS_dup2:
	case SYS_dup3:
	case SYS_fcntl:
		if (result >= 0)
			forget_fd(p, result);
		return;
	case SYS_close_range:
	case SYS_execve:
	case SYS_execveat:
		forget_all_fds(p);
		return;
	default:
		break;
	}
	if (!t->in_call)
		return;
	t->in_call = 0;
	const struct call *c = find_call(nr);
	unsigned long *a = t->args;
	switch (nr) {
	case SYS_close:
		forget_fd(p, (long)a[0]);
		if (t->closing_name)
			emit(t, c->name, c->op, (long)a[0], t->closing_kind, t->closing_name, 0, result, NULL, 0);
		free(t->closing_name);
		t->closing_name = NULL;
		return;
	case SYS_accept:
	case SYS_accept4:
		if (result >= 0) {
			forget_fd(p, result);
			struct fd_entry *e = describe_fd(p, result);
			if (wanted(e))
				emit(t, c->name, c->op, result, e->kind, e->name, 0, 0, NULL, 0);
		} else {
			struct fd_entry *e = describe_fd(p, (long)a[0]);
			if (wanted(e))
				emit(t, c->name, c->op, (long)a[0], e->kind, e->name, 0, result, NULL, 0);
		}
		return;
	case SYS_connect:
	case SYS_shutdown: {
		struct fd_entry *e = describe_fd(p, (long)a[0]);
		if (e && e->name) {
			char *name = checked(strdup(e->name));
			unsigned char kind = e->kind;
			emit(t, c->name, c->op, (long)a[0], kind, name, 0, result, NULL, 0);
			free(name);
		}
		return;
	}
	case SYS_splice: {
		struct fd_entry *in = describe_fd(p, (long)a[0]);
		if (wanted(in))
			emit(t, c->name, OP_READ, (long)a[0], in->kind, in->name, (long)a[4], result, NULL, 0);
		struct fd_entry *out = describe_fd(p, (long)a[2]);
		if (wanted(out))
			emit(t, c->name, OP_WRITE, (long)a[2], out->kind, out->name, (long)a[4], result, NULL, 0);
		return;
	}
	case SYS_sendfile: {
		struct fd_entry *e = describe_fd(p, (long)a[0]);
		if (wanted(e))
			emit(t, c->name, c->op, (long)a[0], e->kind, e->name, (long)a[3], result, NULL, 0);
		return;
	}
	default:
		break;
	}
	struct fd_entry *e = describe_fd(p, (long)a[c->fd_arg]);
	if (!wanted(e))
		return;
	if (c->shape == S_MMSG)
		record_messages(t, c, e, result);
	else
		record_transfer(t, c, e, result);
}

/* ---- attaching and releasing ---- */

static const long OPTIONS = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC;

static void handle_stop(pid_t tid, int status);

/* Waits for an attached thread's first stop (the interrupt's) and lets it go under syscall tracing:
 * a call under way when it was attached then either ended before that stop (before capture began)
 * or restarts where its entry is seen. Stops that come first (a signal) are handled as usual. */
static void await_first_stop(pid_t tid)
{
	for (;;) {
		int status;
		pid_t got = waitpid(tid, &status, __WALL);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		int first = WIFSTOPPED(status) && (status >> 16) == PTRACE_EVENT_STOP;
		handle_stop(tid, status);
		if (first || !WIFSTOPPED(status))
			return;
	}
}

static int attach_process(pid_t pid)
{
	struct process *p = checked(calloc(1, sizeof *p));
	p->pid = pid;
	int attached = 0, first_error = 0;
	/* threads may start while we attach: list again until no new one appears */
	for (int round = 0, added = 1; added && round < 100; round++) {
		added = 0;
		char path[64];
		snprintf(path, sizeof path, "/proc/%d/task", pid);
		DIR *dir = opendir(path);
		if (!dir) {
			first_error = first_error ? first_error : errno == ENOENT ? ESRCH : errno;
			break;
		}
		struct dirent *d;
		while ((d = readdir(dir))) {
			pid_t tid = (pid_t)atoi(d->d_name);
			if (tid <= 0 || find_thread(tid))
				continue;
			if (trace(PTRACE_SEIZE, tid, NULL, (void *)OPTIONS) == 0) {
				trace(PTRACE_INTERRUPT, tid, NULL, NULL);
				add_thread(tid, p);
				attached++;
				added = 1;
			} else if (!first_error && errno != ESRCH) {
				first_error = errno;
			}
		}
		closedir(dir);
		if (first_error && !attached)
			break;
	}
	if (!attached) {
		free(p);
		event('F', (uint32_t)pid, first_error ? first_error : ESRCH);
		return 0;
	}
	p->next = processes;
	processes = p;
	/* capture begins once every thread runs under syscall tracing: only then is 'A' said */
	pid_t *tids = checked(calloc((size_t)attached, sizeof *tids));
	int count = 0;
	for (int b = 0; b < THREAD_BUCKETS; b++)
		for (struct thread *t = threads[b]; t; t = t->next)
			if (t->process == p && count < attached)
				tids[count++] = t->tid;
	for (int i = 0; i < count; i++)
		await_first_stop(tids[i]);
	free(tids);
	p->announced = 1;
	event('A', (uint32_t)pid, 0);
	return 1;
}

/* Lets every thread go: each must be in a stop to be detached, so interrupt it first. */
static void release_all(void)
{
	for (int b = 0; b < THREAD_BUCKETS; b++)
		for (struct thread *t = threads[b]; t; t = t->next)
			trace(PTRACE_INTERRUPT, t->tid, NULL, NULL);
	struct timespec start, now;
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (live_threads > 0) {
		int status;
		pid_t tid = waitpid(-1, &status, __WALL | WNOHANG);
		if (tid < 0 && errno == ECHILD)
			break;
		if (tid <= 0) {
			clock_gettime(CLOCK_MONOTONIC, &now);
			if (now.tv_sec - start.tv_sec > 5)
				break; /* what is left is detached by the kernel as we exit */
			struct timespec pause = {0, 1000000};
			nanosleep(&pause, NULL);
			continue;
		}
		struct thread *t = find_thread(tid);
		if (!t)
			continue;
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			remove_thread(tid, 0);
			continue;
		}
		int sig = WSTOPSIG(status);
		int pass = 0;
		/* a signal on its way to the thread stays with it */
		if ((status >> 16) == 0 && sig != (SIGTRAP | 0x80))
			pass = sig;
		trace(PTRACE_DETACH, tid, NULL, (void *)(long)pass);
		remove_thread(tid, 1);
	}
}

static void resume(pid_t tid, int sig)
{
	trace(PTRACE_SYSCALL, tid, NULL, (void *)(long)sig);
}

static void handle_stop(pid_t tid, int status)
{
	struct thread *t = find_thread(tid);
	if (!t) {
		/* a new thread's first stop can come before its parent's clone event */
		return;
	}
	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		remove_thread(tid, 0);
		return;
	}
	if (!WIFSTOPPED(status))
		return;
	int sig = WSTOPSIG(status);
	int ev = status >> 16;
	if (sig == (SIGTRAP | 0x80)) {
		struct ptrace_syscall_info info;
		long n = trace(PTRACE_GET_SYSCALL_INFO, tid, (void *)sizeof info, &info);
		if (n > 0 && info.op == PTRACE_SYSCALL_INFO_ENTRY)
			on_entry(t, &info);
		else if (n > 0 && info.op == PTRACE_SYSCALL_INFO_EXIT)
			on_exit_(t, &info);
		resume(tid, 0);
		return;
	}
	switch (ev) {
	case PTRACE_EVENT_CLONE: {
		unsigned long child;
		if (trace(PTRACE_GETEVENTMSG, tid, NULL, &child) == 0 && !find_thread((pid_t)child)) {
			/* a thread (same process) or, rarely, a process cloned without SIGCHLD */
			char path[64], line[256];
			snprintf(path, sizeof path, "/proc/%lu/status", child);
			pid_t tgid = t->process->pid;
			FILE *f = fopen(path, "r");
			if (f) {
				while (fgets(line, sizeof line, f))
					if (strncmp(line, "Tgid:", 5) == 0)
						tgid = (pid_t)atoi(line + 5);
				fclose(f);
			}
			struct process *p = find_process(tgid);
			if (!p) {
				p = checked(calloc(1, sizeof *p));
				p->pid = tgid;
				p->next = processes;
				processes = p;
			}
			add_thread((pid_t)child, p);
		}
		resume(tid, 0);
		return;
	}
	case PTRACE_EVENT_EXEC:
		forget_all_fds(t->process);
		resume(tid, 0);
		return;
	case PTRACE_EVENT_STOP:
		if (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU)
			trace(PTRACE_LISTEN, tid, NULL, NULL); /* a group stop: stay stopped as without us */
		else
			resume(tid, 0);
		return;
	case 0:
		resume(tid, sig); /* a signal for the thread: deliver it */
		return;
	default:
		resume(tid, 0);
		return;
	}
}

int main(int argc, char **argv)
{
	if (argc < 5) {
		fputs("usage: ipcscope-trace CAP RING KINDS PID...\n", stderr);
		return 2;
	}
	cap = strtoul(argv[1], NULL, 10);
	ring_records = strtoul(argv[2], NULL, 10);
	kinds = (unsigned)strtoul(argv[3], NULL, 10);
	if (ring_records == 0)
		ring_records = 1;
	scratch = checked(malloc(cap ? cap : 1));
	main_thread = pthread_self();
	/* a terminal's Ctrl+C goes to the JVM, which stops us in order (and tells the user what it got) */
	setpgid(0, 0);

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal; /* no SA_RESTART: waitpid returns EINTR */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	pthread_t writer_thread, stdin_thread;
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old); /* the helper threads take no signals */
	pthread_create(&writer_thread, NULL, writer, NULL);
	pthread_create(&stdin_thread, NULL, stdin_watch, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);

	int any = 0;
	for (int i = 4; i < argc && !stopping; i++)
		any |= attach_process((pid_t)strtol(argv[i], NULL, 10));
	event('S', 0, 0);
	while (any && !stopping && live_threads > 0) {
		int status;
		pid_t tid = waitpid(-1, &status, __WALL);
		if (tid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		handle_stop(tid, status);
	}
	release_all();
	pthread_mutex_lock(&queue_lock);
	queue_closed = 1;
	pthread_cond_signal(&queue_ready);
	pthread_mutex_unlock(&queue_lock);
	pthread_join(writer_thread, NULL);
	/*
	 * Our end of the output first, then the JVM's end of our stdin: the JVM has read every frame
	 * before we exit (a JVM drains a child's pipe only partly once the child is gone).
	 */
	close(1);
	pthread_join(stdin_thread, NULL);
	return 0;
}
