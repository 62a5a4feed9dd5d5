/*
 * The served mode of ipcscope-cli.exe: a verb answered by the user's resident server (the Java
 * class org.ipcscope.cli.internal.PipeServer) over a named pipe, instead of a JVM of its own.
 * Protocol: org.ipcscope.cli.internal.DaemonProtocol; design: docs/dev/resident-server.md.
 */
#ifndef SERVED_CLIENT_H
#define SERVED_CLIENT_H

#include <windows.h>

/* served_call's answer when no server of this user answered: nothing was printed, run the JVM. */
#define SERVED_FALLBACK (-1)
/* The pipe name's longest form: \\.\pipe\ipcscope-SID-KEY */
#define SERVED_PIPE_MAX 256

/*
 * Whether the verb of ARGV may be served at all (the others keep a JVM of their own), and whether
 * the served mode is wanted (IPCSCOPE_DAEMON=0 turns it off).
 */
int served_wanted(int argc, wchar_t **argv);

/*
 * Writes into PIPE (SERVED_PIPE_MAX wide characters) the pipe of this user's server for the
 * build described by KEY (the java.exe and class path the server runs with: another build gets
 * another server) and this process's output encoding. Returns 0, or -1 if this user's SID
 * cannot be had.
 */
int served_pipe_name(wchar_t *pipe, const wchar_t *key);

/*
 * Asks the server on PIPE to run ARGV (argv[0], the program, is not sent). The server must be
 * this user's: the pipe's owner and the server process's user are checked before a byte is
 * sent. Prints its stdout and stderr byte for byte once the whole reply is in, and returns its
 * exit code; returns SERVED_FALLBACK, having printed nothing, when there is no server, it is
 * not this user's, it declined, or it did not answer within IPCSCOPE_DAEMON_TIMEOUT seconds
 * (default 30).
 */
int served_call(const wchar_t *pipe, int argc, wchar_t **argv);

/*
 * Starts a server for PIPE, detached (no console, no inherited handles): JAVA -cp CLASSPATH
 * org.ipcscope.cli.internal.PipeServer PIPE IDLE LOG, where IDLE is IPCSCOPE_DAEMON_IDLE
 * (default 180) and LOG is %LOCALAPPDATA%\IPC Scope\daemon.log. VM_OPTIONS (may be NULL) go
 * before -cp. Returns 0 when the process was created.
 */
int served_start(const wchar_t *java, const wchar_t *vm_options, const wchar_t *classpath, const wchar_t *pipe);

#endif
