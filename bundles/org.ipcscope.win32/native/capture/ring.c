/* The ring in the shared section: one record per call, never waiting for the reader. */
#include "capture.h"

HMODULE self;
unsigned char *view;
HANDLE mapping;
HANDLE capturer;
LARGE_INTEGER frequency;
volatile LONG active;
volatile LONG inflight;
volatile LONG routines;
volatile LONG handed_out;
volatile LONG watching;
SRWLOCK ring_lock = SRWLOCK_INIT;
SRWLOCK cache_lock = SRWLOCK_INIT;
SRWLOCK pending_lock = SRWLOCK_INIT;
SRWLOCK patch_lock = SRWLOCK_INIT;
uint32_t kinds_wanted;
wchar_t filter[MAX_FILTER_CHARS + 1];
uint32_t filter_chars;

uint64_t now_micros(void)
{
	LARGE_INTEGER counter;
	QueryPerformanceCounter(&counter);
	uint64_t ticks = (uint64_t)counter.QuadPart;
	uint64_t f = (uint64_t)frequency.QuadPart;
	return ticks / f * 1000000u + ticks % f * 1000000u / f;
}

/* Copies one record into the ring and publishes it; 0 (and a drop) when there is no room. */
int record(uint64_t handle, int op, int call, uint64_t requested, uint64_t transferred, DWORD status,
        const struct segment *segments, int count)
{
	unsigned char *v = view;
	if (v == NULL) {
		return 0;
	}
	uint64_t cap = op == OP_INFO ? 4096u : *u32(v, H_CAP); /* a handle's name is never cut */
	uint64_t stored = 0;
	for (int i = 0; i < count; i++) {
		stored += segments[i].size;
	}
	if (stored > cap) {
		stored = cap;
	}
	AcquireSRWLockExclusive(&ring_lock);
	uint32_t slots = *u32(v, H_SLOTS);
	uint64_t size = *u64(v, H_DATA_SIZE);
	uint64_t write = *u64(v, H_WRITE);
	uint64_t read = __atomic_load_n(u64(v, H_READ), __ATOMIC_ACQUIRE);
	uint64_t head = *u64(v, H_HEAD);
	uint64_t tail = __atomic_load_n(u64(v, H_TAIL), __ATOMIC_ACQUIRE);
	uint64_t need = (stored + 7u) & ~(uint64_t)7u;
	uint64_t position = head % size;
	uint64_t skip = position + need > size ? size - position : 0;
	/*
	 * While the reader keeps up, go back to the start of the data area once REUSE bytes are used:
	 * capture_start faulted those pages in, where going on through a data area of up to 64 MiB
	 * touches a fresh page every 4 KiB (a page fault: most of a 4 KiB record's cost, measured under
	 * Wine, docs/performance.md). Only when the room left after the jump is at least half the
	 * jump's position, so that a burst right after it still has REUSE / 2 or more.
	 */
	if (skip == 0 && position >= REUSE && (head - tail) + need <= position / 2) {
		skip = size - position;
	}
	if (write - read >= slots || head + skip + need - tail > size) {
		ReleaseSRWLockExclusive(&ring_lock);
		if (op != OP_INFO) { /* an announcement is not a transfer: the next call on the handle retries it */
			__atomic_add_fetch(u64(v, H_DROPPED), 1, __ATOMIC_RELEASE);
		}
		return 0;
	}
	uint64_t start = head + skip;
	unsigned char *slot = v + HEADER_SIZE + (size_t)(write % slots) * SLOT_SIZE;
	unsigned char *payload = v + HEADER_SIZE + (size_t)slots * SLOT_SIZE + start % size;
	uint64_t left = stored;
	for (int i = 0; i < count && left > 0; i++) {
		uint64_t n = segments[i].size < left ? segments[i].size : left;
		memcpy(payload, segments[i].data, (size_t)n);
		payload += n;
		left -= n;
	}
	*u64(slot, S_TIME) = now_micros();
	*u64(slot, S_HANDLE) = handle;
	*u32(slot, S_TID) = GetCurrentThreadId();
	*(uint16_t *)(slot + S_OP) = (uint16_t)op;
	*(uint16_t *)(slot + S_CALL) = (uint16_t)call;
	*u64(slot, S_REQUESTED) = requested;
	*u64(slot, S_TRANSFERRED) = transferred;
	*u32(slot, S_STATUS) = status;
	*u32(slot, S_STORED) = (uint32_t)stored;
	*u64(slot, S_DATA_START) = start;
	*u64(v, H_HEAD) = start + need;
	__atomic_store_n(u64(v, H_WRITE), write + 1, __ATOMIC_RELEASE);
	__atomic_store_n(u64(slot, S_SEQ), write + 1, __ATOMIC_RELEASE);
	ReleaseSRWLockExclusive(&ring_lock);
	return 1;
}
