/*
 * ipcscope_capture.dll: traffic capture inside a target process (issue 13).
 *
 * IPC Scope creates the section Local\ipcscope-capture-<target pid>-<nonce, hex>, loads this DLL
 * into the target with CreateRemoteThread(LoadLibraryW) and runs capture_start(nonce) there in a
 * second remote thread. capture_start patches the import address tables of the process's modules
 * (not the system DLLs that implement the calls, not this DLL) so that ReadFile, WriteFile, ... go
 * through the hooks below, and starts a watchdog thread. Each call on a pipe, mailslot or socket
 * handle that the section's filter wants is copied into the ring (layout in TrafficRing.java);
 * the target never waits for the reader: a full ring counts a drop.
 *
 * The watchdog undoes everything when IPC Scope asks (stop flag in the header) or when IPC
 * Scope's process ends (it holds a SYNCHRONIZE handle on it): it restores the tables, waits for
 * the calls still inside a hook to leave, and unloads the DLL with FreeLibraryAndExitThread. A
 * hook address handed out by GetProcAddress may be called at any later time, so then the DLL
 * stays loaded, passing calls on and recording nothing. Built without a C runtime.
 */
#include "capture.h"

void section_name(wchar_t *out, DWORD pid, DWORD nonce)
{
	static const wchar_t prefix[] = L"Local\\ipcscope-capture-";
	static const char digits[] = "0123456789abcdef";
	uint64_t values[2] = {pid, nonce};
	int at = 0;
	for (const wchar_t *p = prefix; *p; p++) {
		out[at++] = *p;
	}
	for (int v = 0; v < 2; v++) {
		wchar_t reversed[17];
		int n = 0;
		uint64_t value = values[v];
		unsigned radix = v == 0 ? 10 : 16;
		do {
			reversed[n++] = (wchar_t)digits[value % radix];
			value /= radix;
		} while (value != 0);
		while (n > 0) {
			out[at++] = reversed[--n];
		}
		if (v == 0) {
			out[at++] = L'-';
		}
	}
	out[at] = 0;
}

void finish(uint32_t state)
{
	__atomic_store_n(u32(view, H_STATE), state, __ATOMIC_RELEASE);
	AcquireSRWLockExclusive(&ring_lock);
	unsigned char *v = view;
	view = NULL;
	ReleaseSRWLockExclusive(&ring_lock);
	UnmapViewOfFile(v);
	CloseHandle(mapping);
	mapping = NULL;
	if (capturer != NULL) {
		CloseHandle(capturer);
		capturer = NULL;
	}
}

/* Waits for the stop flag or the end of IPC Scope's process, then undoes everything. */
DWORD WINAPI watchdog(LPVOID unused)
{
	(void)unused;
	while (!__atomic_load_n(u32(view, H_STOP), __ATOMIC_ACQUIRE)) {
		if (capturer != NULL) {
			if (WaitForSingleObject(capturer, 10) != WAIT_TIMEOUT) {
				break; /* IPC Scope is gone: nobody reads the ring any more */
			}
		} else {
			Sleep(10);
		}
	}
	__atomic_store_n(&active, 0, __ATOMIC_RELEASE);
	unpatch_all();
	retarget(0);
	inflight_release();
	if (__atomic_load_n(&handed_out, __ATOMIC_ACQUIRE)) {
		finish(STATE_PINNED);
		__atomic_store_n(&watching, 0, __ATOMIC_RELEASE);
		return 0;
	}
	/* a call blocked in a hook (a ReadFile waiting for data, on any handle) may stay there for long */
	__atomic_store_n(u32(view, H_STATE), STATE_DRAINING, __ATOMIC_RELEASE);
	while (__atomic_load_n(&inflight, __ATOMIC_ACQUIRE) > 0 || __atomic_load_n(&routines, __ATOMIC_ACQUIRE) > 0 ||
	        __atomic_load_n(&inflight_waiting, __ATOMIC_ACQUIRE) > 0) {
		inflight_release();
		Sleep(10);
	}
	finish(STATE_UNLOADED);
	/* the last hook to leave may still be on its way out of the DLL */
	Sleep(100);
	__atomic_store_n(&watching, 0, __ATOMIC_RELEASE);
	FreeLibraryAndExitThread(self, 0);
	return 0;
}

/* Runs in the target, in a thread IPC Scope created; the thread's exit code is 0 or a Win32 error. */
__declspec(dllexport) DWORD WINAPI capture_start(LPVOID parameter)
{
	if (__atomic_load_n(&watching, __ATOMIC_ACQUIRE)) {
		return ERROR_BUSY; /* an earlier capture is still letting go of this process */
	}
	wchar_t name[64];
	section_name(name, GetCurrentProcessId(), (DWORD)(uintptr_t)parameter);
	mapping = OpenFileMappingW(FILE_MAP_READ | FILE_MAP_WRITE, FALSE, name);
	if (mapping == NULL) {
		return GetLastError();
	}
	view = MapViewOfFile(mapping, FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, 0);
	if (view == NULL || *u32(view, H_MAGIC) != MAGIC || *u32(view, H_VERSION) != VERSION) {
		if (view != NULL) {
			UnmapViewOfFile(view);
			view = NULL;
		}
		CloseHandle(mapping);
		return ERROR_INVALID_DATA;
	}
	QueryPerformanceFrequency(&frequency);
	kinds_wanted = *u32(view, H_KINDS);
	filter_chars = *u32(view, H_FILTER_CHARS);
	if (filter_chars > MAX_FILTER_CHARS) {
		filter_chars = MAX_FILTER_CHARS;
	}
	memcpy(filter, view + H_FILTER, filter_chars * 2u);
	/* the pages record() reuses (see REUSE), faulted in now rather than by the target's calls */
	volatile unsigned char *data = view + HEADER_SIZE + (size_t)*u32(view, H_SLOTS) * SLOT_SIZE;
	uint64_t warm = *u64(view, H_DATA_SIZE) < REUSE ? *u64(view, H_DATA_SIZE) : REUSE;
	for (uint64_t at = 0; at < warm; at += 4096) {
		data[at] = 0;
	}
	memset(cache, 0, sizeof cache);
	memset(pendings, 0, sizeof pendings);
	capturer = OpenProcess(SYNCHRONIZE, FALSE, (DWORD)*u64(view, H_CAPTURER_PID));
	if (capturer == NULL) {
		DWORD error = GetLastError();
		finish(STATE_FAILED);
		return error;
	}
	*u64(view, H_TARGET_PID) = GetCurrentProcessId();
	__atomic_store_n(&watching, 1, __ATOMIC_RELEASE);
	__atomic_store_n(&active, 1, __ATOMIC_RELEASE);
	patch_all();
	*u32(view, H_RETARGETED) = (uint32_t)retarget(1);
	*u32(view, H_INFLIGHT) = (uint32_t)inflight_catch();
	HANDLE thread = CreateThread(NULL, 0, watchdog, NULL, 0, NULL);
	if (thread == NULL) {
		DWORD error = GetLastError();
		__atomic_store_n(&active, 0, __ATOMIC_RELEASE);
		unpatch_all();
		finish(STATE_FAILED);
		__atomic_store_n(&watching, 0, __ATOMIC_RELEASE);
		return error;
	}
	/* from here the watchdog owns the reference LoadLibraryW took: its FreeLibraryAndExitThread drops it */
	CloseHandle(thread);
	__atomic_store_n(u32(view, H_STATE), STATE_ATTACHED, __ATOMIC_RELEASE);
	return 0;
}

int WINAPI DllMainCRTStartup(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	(void)reserved;
	if (reason == DLL_PROCESS_ATTACH) {
		self = instance;
		DisableThreadLibraryCalls(instance);
	}
	return TRUE;
}
