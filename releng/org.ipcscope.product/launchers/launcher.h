/* What both Windows launchers share: where the product is, its plug-ins, and the JVM they start
 * inside their own process (jre\bin\server\jvm.dll), with the options Windows needs in one place. */
#ifndef IPCSCOPE_LAUNCHER_H
#define IPCSCOPE_LAUNCHER_H

#include <windows.h>

/* An exit code as the command line uses them: 70 internal (here: the product or its Java is broken). */
#define LAUNCHER_BROKEN 70

/* How a launcher reports a problem before Java runs: stderr for the console, a message box for the GUI. */
typedef void (*report_fn)(const wchar_t *message);

typedef struct {
	wchar_t root[MAX_PATH * 2]; /* the folder of the .exe: the product's root */
	report_fn report;
	/* start this program again when Java exits with 23 or 24 (the workbench's restart and relaunch) */
	int restarts;
} launcher;

/* Fills in the product's root (restarts off); 0, or reports and returns LAUNCHER_BROKEN. */
int launcher_init(launcher *self, report_fn report);

/* The jar of plug-in `name` in root\plugins (the newest by name when several are there), as an ANSI
 * path the JVM's options accept (see ansi_path in launcher.c); NULL after a report. */
char *launcher_plugin(launcher *self, const wchar_t *name);

/* `-Dname=` followed by path root\relative, as ANSI (see ansi_path); NULL after a report. */
char *launcher_path_option(launcher *self, const char *name, const wchar_t *relative);

/* Starts the JVM of root\jre in this process with `options` (ANSI) and runs main_class.main with
 * args as Java strings made from their UTF-16 as given. Returns the exit code: System.exit's, 0 when
 * main returns, LAUNCHER_BROKEN (after a report) when the JVM cannot start or main throws. */
int launcher_run_java(
        launcher *self, char **options, int option_count, const char *main_class, wchar_t **args, int arg_count);

/* The options every JVM of the product gets on Windows, appended at options[*count]. */
int launcher_windows_options(launcher *self, char **options, int *count);

#endif
