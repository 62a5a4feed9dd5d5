/* ipcscope-cli.exe: the command line of the Windows product, the verbs of ./ipcscope. It runs
 * org.ipcscope.cli.internal.Main (plain class path, no OSGi) in the product's own Java, inside this
 * process: the arguments reach Java as the UTF-16 GetCommandLineW holds (java.exe would pass them
 * through the ANSI code page), and stdout, stderr and the exit code are the JVM's own. */
#include "launcher.h"
#include "served_client.h"

#include <shellapi.h>
#include <stdio.h>

static void report(const wchar_t *message)
{
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

static const wchar_t *const CLASS_PATH[] = {
        L"org.ipcscope.cli", L"org.ipcscope.core", L"org.ipcscope.win32", L"com.sun.jna", L"com.sun.jna.platform"};
#define CLASS_PATH_SIZE (sizeof CLASS_PATH / sizeof *CLASS_PATH)

/* -Djava.class.path= with the jars of CLASS_PATH; NULL after a report. */
static char *class_path(launcher *self)
{
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

static int is_console(DWORD which)
{
	DWORD mode;
	return GetConsoleMode(GetStdHandle(which), &mode);
}

/* Runs the verb in a JVM of its own, as the Linux ./ipcscope does without its resident server.
 * PIPE_OPTION (may be NULL) tells `daemon status|stop` which pipe was asked. */
static int run_direct(launcher *self, wchar_t **args, int count, char *pipe_option)
{
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
	if (pipe_option != NULL)
		options[n++] = pipe_option;
	return launcher_run_java(self, options, n, "org/ipcscope/cli/internal/Main", args, count);
}

/* An ANSI string of the launcher's as UTF-16 (free it); NULL if it cannot be had. */
static wchar_t *wide(const char *ansi)
{
	int n = MultiByteToWideChar(CP_ACP, 0, ansi, -1, NULL, 0);
	wchar_t *text = n > 0 ? malloc(n * sizeof *text) : NULL;
	if (text != NULL)
		MultiByteToWideChar(CP_ACP, 0, ansi, -1, text, n);
	return text;
}

/* Starts the resident server for PIPE in the product's java.exe with the options every Windows JVM
 * of the product gets. It starts beside the JVM of its own: that JVM ends the process with
 * System.exit, so nothing runs after it. */
static void start_server(launcher *self, const wchar_t *java, const wchar_t *classpath, const wchar_t *pipe)
{
	char *options[4];
	int n = 0;
	if (launcher_windows_options(self, options, &n) != 0)
		return;
	wchar_t vm_options[MAX_PATH * 4] = L"";
	for (int i = 0; i < n; i++) {
		wchar_t *option = wide(options[i]);
		if (option == NULL || wcslen(vm_options) + wcslen(option) + 4 >= sizeof vm_options / sizeof *vm_options) {
			free(option);
			return;
		}
		wcscat(vm_options, i ? L" \"" : L"\"");
		wcscat(vm_options, option);
		wcscat(vm_options, L"\"");
		free(option);
	}
	served_start(java, vm_options, classpath, pipe);
}

/* The served mode (served_client.h): the verb answered by this user's resident server when one
 * runs; else the JVM of its own runs it, after a served verb has started a server for the next
 * call. Returns the served exit code, or SERVED_FALLBACK to run the JVM; sets *pipe_option. */
static int served(launcher *self, wchar_t **argv, int count, char **pipe_option)
{
	*pipe_option = NULL;
	if (!served_wanted(count, argv))
		return SERVED_FALLBACK;
	char *path_option = class_path(self);
	wchar_t *classpath = path_option == NULL ? NULL : wide(path_option + strlen("-Djava.class.path="));
	free(path_option);
	if (classpath == NULL)
		return SERVED_FALLBACK;
	wchar_t java[MAX_PATH * 2], pipe[SERVED_PIPE_MAX];
	_snwprintf(java, sizeof java / sizeof *java, L"%ls\\jre\\bin\\java.exe", self->root);
	java[sizeof java / sizeof *java - 1] = 0;
	/* the pipe says which build: its Java and its jars (their names carry the build qualifier) */
	size_t key_size = wcslen(java) + wcslen(classpath) + 2;
	wchar_t *key = malloc(key_size * sizeof *key);
	int code = SERVED_FALLBACK;
	if (key != NULL && _snwprintf(key, key_size, L"%ls;%ls", java, classpath) >= 0 &&
	        served_pipe_name(pipe, key) == 0) {
		code = served_call(pipe, count, argv);
		if (code == SERVED_FALLBACK) {
			int size = WideCharToMultiByte(CP_ACP, 0, pipe, -1, NULL, 0, NULL, NULL);
			*pipe_option = malloc(size + 32);
			if (*pipe_option != NULL) {
				strcpy(*pipe_option, "-Dipcscope.daemon.pipe=");
				WideCharToMultiByte(CP_ACP, 0, pipe, -1, *pipe_option + strlen(*pipe_option), size, NULL, NULL);
			}
			if (wcscmp(argv[1], L"daemon") != 0)
				start_server(self, java, classpath, pipe);
		}
	}
	free(key);
	free(classpath);
	return code;
}

int main(void)
{
	launcher self;
	int count;
	wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &count);
	if (argv == NULL || launcher_init(&self, report) != 0)
		return LAUNCHER_BROKEN;
	char *pipe_option;
	int code = served(&self, argv, count, &pipe_option);
	if (code != SERVED_FALLBACK)
		return code;
	return run_direct(&self, argv + 1, count - 1, pipe_option);
}
