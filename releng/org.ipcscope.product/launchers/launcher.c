#include "launcher.h"

#include <jni.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

/* Wine 8.0 lacks iphlpapi's GetAnycastIpAddressTable: the JVM dies on its first SecureRandom (which
 * JNA's extraction of its DLL makes) unless the Windows provider comes first. Harmless on Windows. */
#define SECURITY_FILE L"jre\\conf\\security\\ipcscope.security"

static void report_last_error(launcher *self, const wchar_t *what, const wchar_t *path)
{
	wchar_t message[MAX_PATH * 3];
	_snwprintf(
	        message, sizeof message / sizeof *message - 1, L"%ls %ls (Windows error %lu)", what, path, GetLastError());
	message[sizeof message / sizeof *message - 1] = 0;
	self->report(message);
}

int launcher_init(launcher *self, report_fn report)
{
	self->report = report;
	self->restarts = 0;
	DWORD length = GetModuleFileNameW(NULL, self->root, sizeof self->root / sizeof *self->root);
	if (length == 0 || length >= sizeof self->root / sizeof *self->root) {
		report_last_error(self, L"cannot find where this program is:", L"");
		return LAUNCHER_BROKEN;
	}
	wchar_t *slash = wcsrchr(self->root, L'\\');
	if (slash != NULL)
		*slash = 0;
	return 0;
}

/* The JVM takes its options in the ANSI code page, so a path goes as its 8.3 short name (ASCII),
 * else as ANSI when every character has one; NULL when neither exists. */
static char *ansi_path(const wchar_t *path)
{
	wchar_t short_path[MAX_PATH * 2];
	DWORD length = GetShortPathNameW(path, short_path, sizeof short_path / sizeof *short_path);
	const wchar_t *chosen = path;
	if (length > 0 && length < sizeof short_path / sizeof *short_path) {
		int ascii = 1;
		for (const wchar_t *c = short_path; *c; c++)
			ascii &= *c < 128;
		if (ascii)
			chosen = short_path;
	}
	BOOL lossy = FALSE;
	int bytes = WideCharToMultiByte(CP_ACP, WC_NO_BEST_FIT_CHARS, chosen, -1, NULL, 0, NULL, &lossy);
	if (bytes <= 0 || lossy)
		return NULL;
	char *ansi = malloc(bytes);
	if (ansi != NULL)
		WideCharToMultiByte(CP_ACP, WC_NO_BEST_FIT_CHARS, chosen, -1, ansi, bytes, NULL, NULL);
	return ansi;
}

static char *ansi_path_reported(launcher *self, const wchar_t *path)
{
	char *ansi = ansi_path(path);
	if (ansi == NULL) {
		SetLastError(ERROR_NO_UNICODE_TRANSLATION);
		report_last_error(
		        self, L"Java cannot be given this path; move the product to a folder with another name:", path);
	}
	return ansi;
}

char *launcher_plugin(launcher *self, const wchar_t *name)
{
	wchar_t pattern[MAX_PATH * 2];
	_snwprintf(pattern, sizeof pattern / sizeof *pattern, L"%ls\\plugins\\%ls_*.jar", self->root, name);
	pattern[sizeof pattern / sizeof *pattern - 1] = 0;
	WIN32_FIND_DATAW found;
	HANDLE search = FindFirstFileW(pattern, &found);
	if (search == INVALID_HANDLE_VALUE) {
		report_last_error(self, L"the product is incomplete: no", pattern);
		return NULL;
	}
	wchar_t newest[MAX_PATH] = L"";
	do {
		if (wcscmp(found.cFileName, newest) > 0)
			wcscpy(newest, found.cFileName);
	} while (FindNextFileW(search, &found));
	FindClose(search);
	wchar_t path[MAX_PATH * 2];
	_snwprintf(path, sizeof path / sizeof *path, L"%ls\\plugins\\%ls", self->root, newest);
	path[sizeof path / sizeof *path - 1] = 0;
	return ansi_path_reported(self, path);
}

char *launcher_path_option(launcher *self, const char *name, const wchar_t *relative)
{
	wchar_t path[MAX_PATH * 2];
	_snwprintf(path, sizeof path / sizeof *path, L"%ls\\%ls", self->root, relative);
	path[sizeof path / sizeof *path - 1] = 0;
	char *ansi = ansi_path_reported(self, path);
	if (ansi == NULL)
		return NULL;
	size_t size = strlen(name) + strlen(ansi) + 4;
	char *option = malloc(size);
	if (option != NULL)
		snprintf(option, size, "-D%s=%s", name, ansi);
	free(ansi);
	return option;
}

int launcher_windows_options(launcher *self, char **options, int *count)
{
	char *security = launcher_path_option(self, "java.security.properties", SECURITY_FILE);
	if (security == NULL)
		return LAUNCHER_BROKEN;
	options[(*count)++] = security;
	/* The JVM counts processors with GetProcessGroupAffinity, which Wine 8.0 lacks (a warning on
	 * stderr at every start, then one processor): the count Windows gives for all groups instead. */
	static char processors[48];
	snprintf(processors, sizeof processors, "-XX:ActiveProcessorCount=%lu",
	        (unsigned long)GetActiveProcessorCount(ALL_PROCESSOR_GROUPS));
	options[(*count)++] = processors;
	/* the command line's messages name the command users type here */
	options[(*count)++] = "-Dipcscope.command=ipcscope-cli";
	return 0;
}

typedef jint(JNICALL *create_java_vm_fn)(JavaVM **, void **, void *);

/* Equinox's exit codes for "start me again": EXIT_RESTART (after an update, for one) and EXIT_RELAUNCH */
#define EXIT_RESTART 23
#define EXIT_RELAUNCH 24

static launcher *exiting;

/* The JVM's exit hook: System.exit ends this process from inside Java, so a restart the workbench
 * asks for has to be started here, as a new process with this one's command line. */
static void JNICALL on_exit(jint code)
{
	if (exiting == NULL || !exiting->restarts || (code != EXIT_RESTART && code != EXIT_RELAUNCH))
		return;
	wchar_t *command_line = _wcsdup(GetCommandLineW());
	STARTUPINFOW startup = {.cb = sizeof startup};
	PROCESS_INFORMATION started;
	if (command_line != NULL &&
	        CreateProcessW(NULL, command_line, NULL, NULL, FALSE, 0, NULL, NULL, &startup, &started)) {
		CloseHandle(started.hThread);
		CloseHandle(started.hProcess);
	} else {
		report_last_error(exiting, L"cannot start IPC Scope again after its update; start it yourself:", exiting->root);
	}
	free(command_line);
}

/* One line for an exception main let through (no stack trace: the command line's rule). */
static void report_exception(launcher *self, JNIEnv *env)
{
	jthrowable thrown = (*env)->ExceptionOccurred(env);
	(*env)->ExceptionClear(env);
	wchar_t message[1024] = L"internal error in Java";
	jclass type = (*env)->FindClass(env, "java/lang/Object");
	jmethodID to_string = type == NULL ? NULL : (*env)->GetMethodID(env, type, "toString", "()Ljava/lang/String;");
	jstring text = to_string == NULL ? NULL : (*env)->CallObjectMethod(env, thrown, to_string);
	if (text != NULL && !(*env)->ExceptionCheck(env)) {
		jsize length = (*env)->GetStringLength(env, text);
		const jchar *chars = (*env)->GetStringChars(env, text, NULL);
		if (chars != NULL) {
			_snwprintf(message, sizeof message / sizeof *message - 1, L"internal error in Java: %.*ls",
			        (int)(length < 900 ? length : 900), (const wchar_t *)chars);
			(*env)->ReleaseStringChars(env, text, chars);
		}
	}
	(*env)->ExceptionClear(env);
	for (wchar_t *c = message; *c; c++)
		if (*c < 32)
			*c = L' ';
	self->report(message);
}

int launcher_run_java(
        launcher *self, char **options, int option_count, const char *main_class, wchar_t **args, int arg_count)
{
	wchar_t bin[MAX_PATH * 2], jvm[MAX_PATH * 2];
	_snwprintf(bin, sizeof bin / sizeof *bin, L"%ls\\jre\\bin", self->root);
	bin[sizeof bin / sizeof *bin - 1] = 0;
	_snwprintf(jvm, sizeof jvm / sizeof *jvm, L"%ls\\server\\jvm.dll", bin);
	jvm[sizeof jvm / sizeof *jvm - 1] = 0;
	/* jvm.dll needs the C runtime DLLs beside java.exe, in jre\bin */
	SetDllDirectoryW(bin);
	HMODULE library = LoadLibraryW(jvm);
	if (library == NULL) {
		report_last_error(self, L"cannot load the product's Java:", jvm);
		return LAUNCHER_BROKEN;
	}
	create_java_vm_fn create = (create_java_vm_fn)(void (*)(void))GetProcAddress(library, "JNI_CreateJavaVM");
	if (create == NULL) {
		report_last_error(self, L"not a Java virtual machine:", jvm);
		return LAUNCHER_BROKEN;
	}
	JavaVMOption *vm_options = calloc(option_count + 1, sizeof *vm_options);
	if (vm_options == NULL)
		return LAUNCHER_BROKEN;
	for (int i = 0; i < option_count; i++)
		vm_options[i].optionString = options[i];
	exiting = self;
	vm_options[option_count].optionString = "exit";
	vm_options[option_count].extraInfo = (void *)on_exit;
	JavaVMInitArgs init = {.version = JNI_VERSION_21,
	        .nOptions = option_count + 1,
	        .options = vm_options,
	        .ignoreUnrecognized = JNI_FALSE};
	JavaVM *vm;
	JNIEnv *env;
	if (create(&vm, (void **)&env, &init) != JNI_OK) {
		SetLastError(ERROR_BAD_ENVIRONMENT);
		report_last_error(self, L"the product's Java did not start:", jvm);
		return LAUNCHER_BROKEN;
	}
	int code = LAUNCHER_BROKEN;
	jclass main = (*env)->FindClass(env, main_class);
	jmethodID method = main == NULL ? NULL : (*env)->GetStaticMethodID(env, main, "main", "([Ljava/lang/String;)V");
	jclass string = (*env)->FindClass(env, "java/lang/String");
	jobjectArray array = method == NULL || string == NULL ? NULL : (*env)->NewObjectArray(env, arg_count, string, NULL);
	for (int i = 0; array != NULL && i < arg_count; i++) {
		jstring arg = (*env)->NewString(env, (const jchar *)args[i], (jsize)wcslen(args[i]));
		if (arg == NULL)
			array = NULL;
		else
			(*env)->SetObjectArrayElement(env, array, i, arg);
	}
	if (array != NULL) {
		(*env)->CallStaticVoidMethod(env, main, method, array);
		code = 0;
	}
	if ((*env)->ExceptionCheck(env)) {
		report_exception(self, env);
		code = LAUNCHER_BROKEN;
	}
	/* waits for the threads main left running, as the java command does */
	(*vm)->DestroyJavaVM(vm);
	return code;
}
