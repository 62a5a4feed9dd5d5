/* ipcscope-cli.exe: the command line of the Windows product, the verbs of ./ipcscope. It runs
 * org.ipcscope.cli.internal.Main (plain class path, no OSGi) in the product's own Java, inside this
 * process: the arguments reach Java as the UTF-16 GetCommandLineW holds (java.exe would pass them
 * through the ANSI code page), and stdout, stderr and the exit code are the JVM's own. */
#include "launcher.h"

#include <shellapi.h>
#include <stdio.h>

static void report(const wchar_t *message) {
	HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
	DWORD ignored;
	if (!WriteConsoleW(err, L"ipcscope: ", 10, &ignored, NULL)) {
		fwprintf(stderr, L"ipcscope: %ls\n", message);
		fflush(stderr);
		return;
	}
	WriteConsoleW(err, message, (DWORD)wcslen(message), &ignored, NULL);
	WriteConsoleW(err, L"\r\n", 2, &ignored, NULL);
}

static const wchar_t *const CLASS_PATH[] = {L"org.ipcscope.cli", L"org.ipcscope.core", L"org.ipcscope.win32",
		L"com.sun.jna", L"com.sun.jna.platform"};
#define CLASS_PATH_SIZE (sizeof CLASS_PATH / sizeof *CLASS_PATH)

/* -Djava.class.path= with the jars of CLASS_PATH; NULL after a report. */
static char *class_path(launcher *self) {
	char *jars[CLASS_PATH_SIZE];
	size_t size = sizeof "-Djava.class.path=";
	for (size_t i = 0; i < CLASS_PATH_SIZE; i++) {
		jars[i] = launcher_plugin(self, CLASS_PATH[i]);
		if (jars[i] == NULL)
			return NULL;
		size += strlen(jars[i]) + 1;
	}
	char *option = malloc(size);
	if (option == NULL)
		return NULL;
	strcpy(option, "-Djava.class.path=");
	for (size_t i = 0; i < CLASS_PATH_SIZE; i++) {
		strcat(option, jars[i]);
		if (i + 1 < CLASS_PATH_SIZE)
			strcat(option, ";");
		free(jars[i]);
	}
	return option;
}

static int is_console(DWORD which) {
	DWORD mode;
	return GetConsoleMode(GetStdHandle(which), &mode);
}

/* Runs the verb in a JVM of its own, as the Linux ./ipcscope does without its resident server. */
static int run_direct(launcher *self, wchar_t **args, int count) {
	char *options[16];
	int n = 0;
	if (launcher_windows_options(self, options, &n) != 0 || (options[n++] = class_path(self)) == NULL)
		return LAUNCHER_BROKEN;
	/* short-lived: one compiler tier, compiling early; a search scans gigabytes and needs them all */
	options[n++] = "-XX:+UseSerialGC";
	options[n++] = "-XX:-UsePerfData";
	options[n++] = "--enable-native-access=ALL-UNNAMED";
	if (count == 0 || wcscmp(args[0], L"search") != 0)
		options[n++] = "-XX:TieredStopAtLevel=1";
	/* into a pipe or a file: UTF-8, what scripts and JSON readers expect (Java would write the ANSI
	 * code page there, which loses names); a console keeps Java's choice, its code page */
	if (!is_console(STD_OUTPUT_HANDLE))
		options[n++] = "-Dstdout.encoding=UTF-8";
	if (!is_console(STD_ERROR_HANDLE))
		options[n++] = "-Dstderr.encoding=UTF-8";
	return launcher_run_java(self, options, n, "org/ipcscope/cli/internal/Main", args, count);
}

int main(void) {
	launcher self;
	int count;
	wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &count);
	if (argv == NULL || launcher_init(&self, report) != 0)
		return LAUNCHER_BROKEN;
	return run_direct(&self, argv + 1, count - 1);
}
