/* Overlapped I/O between its start and its completion. */
#include "capture.h"

struct pending pendings[PENDING_SIZE];

int pending_add(void *overlapped, uint64_t handle, void *buffer, uint64_t requested, int op, int call,
        LPOVERLAPPED_COMPLETION_ROUTINE routine)
{
	int added = 0;
	AcquireSRWLockExclusive(&pending_lock);
	struct pending *free_entry = NULL;
	for (int i = 0; i < PENDING_SIZE; i++) {
		if (pendings[i].overlapped == overlapped && pendings[i].routine == NULL) {
			free_entry = &pendings[i]; /* the same OVERLAPPED reused: the older I/O was seen elsewhere */
			break;
		}
		if (pendings[i].overlapped == NULL && free_entry == NULL) {
			free_entry = &pendings[i];
		}
	}
	if (free_entry != NULL) {
		struct pending p = {overlapped, handle, buffer, requested, op, call, routine};
		*free_entry = p;
		added = 1;
	}
	ReleaseSRWLockExclusive(&pending_lock);
	return added;
}

/* Takes the entry of this OVERLAPPED: those with a routine only for the routine's trampoline. */
int pending_take(void *overlapped, int with_routine, struct pending *out)
{
	int found = 0;
	if (overlapped == NULL) {
		return 0;
	}
	AcquireSRWLockExclusive(&pending_lock);
	for (int i = 0; i < PENDING_SIZE; i++) {
		if (pendings[i].overlapped == overlapped && (pendings[i].routine != NULL) == with_routine) {
			*out = pendings[i];
			pendings[i].overlapped = NULL;
			pendings[i].routine = NULL;
			found = 1;
			break;
		}
	}
	ReleaseSRWLockExclusive(&pending_lock);
	return found;
}

void complete(const struct pending *p, BOOL ok, DWORD error, DWORD transferred)
{
	struct segment segment = {p->buffer, p->op == OP_READ || p->op == OP_WRITE ? transferred : 0};
	record(p->handle, p->op, p->call, p->requested, ok ? transferred : 0, ok ? 0 : error, &segment, ok ? 1 : 0);
}
