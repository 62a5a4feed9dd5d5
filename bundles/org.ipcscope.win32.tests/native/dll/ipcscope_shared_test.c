/*
 * ipcscope_shared_test.dll: a DLL with a shared data section, as programs made with MSVC's
 * `#pragma data_seg(".shared")` and `/SECTION:.shared,RWS` have. GCC's `shared` attribute gives
 * the section IMAGE_SCN_MEM_SHARED, so every process that loads the DLL maps the same page.
 * Built by build-helpers.sh; loaded by win_mem_helper.exe ("load").
 */
#include <windows.h>

/* Must be initialised: an uninitialised variable would go to .bss, which cannot be shared. */
__declspec(dllexport) volatile unsigned long long shared_value __attribute__((section(".shared"), shared)) = 1;

/* The same kind of variable in an ordinary section: each process has its own copy. */
__declspec(dllexport) volatile unsigned long long private_value = 2;

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	(void)instance;
	(void)reason;
	(void)reserved;
	return TRUE;
}
