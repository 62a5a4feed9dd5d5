/*
 * The thread routine of KillableCalls (src/org/ipcscope/win32/internal/nt/KillableCalls.java),
 * built into ipcscope_win32.dll by this bundle's build (mingw) and loaded through JNA.
 *
 * arg points at a block:
 *   +0  count of calls            +8  index of the next call (the progress the JVM watches)
 *   +16 set to 1 once running     +24 the calls, 56 bytes each:
 *       +0 function, +8..+40 five arguments, +48 the function's return value
 * It makes the calls in order and returns 0. It touches nothing but the block and the called
 * functions (no C runtime: the DLL is linked without one), so that terminating it while a call
 * blocks leaves no lock of this process held.
 */
#include <stdint.h>

typedef uint64_t (*call5)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);

struct call {
	call5 function;
	uint64_t arguments[5];
	uint64_t result;
};

struct block {
	volatile uint64_t count;
	volatile uint64_t next;
	volatile uint64_t running;
	struct call calls[];
};

__declspec(dllexport) unsigned long __stdcall killable_calls(void *arg)
{
	struct block *block = arg;
	block->running = 1;
	while (block->next < block->count) {
		struct call *call = &block->calls[block->next];
		call->result = call->function(
		        call->arguments[0], call->arguments[1], call->arguments[2], call->arguments[3], call->arguments[4]);
		block->next = block->next + 1;
	}
	return 0;
}

/* The DLL's entry point: there is no C runtime to start. */
int __stdcall DllMainCRTStartup(void *instance, unsigned long reason, void *reserved)
{
	(void)instance;
	(void)reason;
	(void)reserved;
	return 1;
}
