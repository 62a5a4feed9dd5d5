/* IPC Scope.exe: the workbench of the Windows product, started with a double-click. A GUI program
 * (no console window) that runs the Equinox launcher in the product's own Java, inside this process
 * (so the taskbar shows this program and its icon, and arguments such as -data keep their UTF-16).
 * The workspace defaults to %LOCALAPPDATA%\IPC Scope\workspace (org.ipcscope.app, WorkspaceDirectory). */
#include "launcher.h"

#include <shellapi.h>

static void report(const wchar_t *message)
{
	MessageBoxW(NULL, message, L"IPC Scope", MB_OK | MB_ICONERROR);
}

int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR command_line, int show)
{
	(void)instance, (void)previous, (void)command_line, (void)show;
	launcher self;
	int count;
	wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &count);
	if (argv == NULL || launcher_init(&self, report) != 0)
		return LAUNCHER_BROKEN;
	self.restarts = 1;
	char *options[8];
	int n = 0;
	char *jar = launcher_plugin(&self, L"org.eclipse.equinox.launcher");
	if (jar == NULL || launcher_windows_options(&self, options, &n) != 0)
		return LAUNCHER_BROKEN;
	options[n] = malloc(strlen(jar) + sizeof "-Djava.class.path=");
	strcpy(options[n], "-Djava.class.path=");
	strcat(options[n++], jar);
	return launcher_run_java(&self, options, n, "org/eclipse/equinox/launcher/Main", argv + 1, count - 1);
}
