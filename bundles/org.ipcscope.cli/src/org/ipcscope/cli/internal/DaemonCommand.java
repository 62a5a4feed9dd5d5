package org.ipcscope.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

import org.ipcscope.core.internal.TrustedPaths;
import org.ipcscope.core.text.NameBytes;
import org.ipcscope.core.text.Printable;

/**
 * {@code daemon status|stop} in a JVM of its own: the script runs it so when its native client
 * found no server to ask (or is missing). A running server answers these itself
 * ({@link DaemonServer}); this asks it in Java, else says that none runs.
 */
final class DaemonCommand {

	static final String USAGE = "daemon status|stop   (the resident server of `list` and the other read-only verbs)";
	private static final long TIMEOUT_SECONDS = 10;
	/** System property the script sets to the server's socket. */
	static final String SOCKET_PROPERTY = "ipcscope.daemon.socket";
	/**
	 * System property {@code ipcscope-cli.exe} sets to the server's pipe (Windows): it asked the
	 * pipe itself before it started this JVM, so no server answered there.
	 */
	static final String PIPE_PROPERTY = "ipcscope.daemon.pipe";

	private DaemonCommand() {
	}

	static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
		if (args.size() != 1 || !List.of("status", "stop").contains(args.get(0))) {
			throw new UsageException("daemon needs one of: status, stop");
		}
		String pipe = System.getProperty(PIPE_PROPERTY);
		if (pipe != null) {
			// a pipe name is all backslashes: only control characters are escaped
			String shown = DaemonPlace.oneLine(pipe);
			if (args.get(0).equals("stop")) {
				out.println("No server was running (" + shown + ").");
				return CommandLine.EXIT_OK;
			}
			out.println("No server is running (" + shown + "); the next `list` starts one.");
			return CommandLine.EXIT_NO_SERVICE;
		}
		String socket = System.getProperty(SOCKET_PROPERTY);
		if (socket == null) {
			err.println("The resident server is started only by ./ipcscope on Linux and ipcscope-cli.exe on Windows; this command line has none.");
			return CommandLine.EXIT_NO_SERVICE;
		}
		DaemonProtocol.Reply reply;
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			// a server that hangs must not hang this: closing the channel ends the wait
			CompletableFuture.delayedExecutor(TIMEOUT_SECONDS, TimeUnit.SECONDS).execute(() -> {
				try {
					channel.close();
				} catch (IOException e) {
					// closed already
				}
			});
			// a socket in a directory someone else could have put it in is not asked
			TrustedPaths.checkPrivate(Path.of(socket).toAbsolutePath().getParent());
			channel.connect(UnixDomainSocketAddress.of(socket));
			// the server must be this user's: root never takes a user's answer, nor the reverse
			UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
			if (!peer.user().equals(Files.getOwner(Path.of("/proc/self")))) {
				throw new IOException("the server is not this user's");
			}
			DaemonProtocol.Request.of(List.of("daemon", args.get(0))).write(channel);
			channel.shutdownOutput();
			reply = DaemonProtocol.Reply.read(channel);
		} catch (IOException e) {
			reply = DaemonProtocol.Reply.DECLINED;
		}
		if (!reply.answered()) {
			return noServer(args.get(0), Path.of(socket), out, err);
		}
		out.write(reply.out(), 0, reply.out().length);
		out.flush();
		err.write(reply.err(), 0, reply.err().length);
		err.flush();
		return reply.exitCode();
	}

	private static int noServer(String verb, Path socket, PrintStream out, PrintStream err) {
		if (verb.equals("stop")) {
			out.println("No server was running (" + Printable.escape(NameBytes.name(socket)) + ").");
			return CommandLine.EXIT_OK;
		}
		String shown = Printable.escape(NameBytes.name(socket));
		String problem = new DaemonPlace(socket).problem();
		if (problem != null) {
			out.println("No server is running (" + shown + "): " + DaemonPlace.oneLine(problem) + ".");
		} else {
			out.println("No server is running (" + shown + "); the next `list` starts one.");
		}
		return CommandLine.EXIT_NO_SERVICE;
	}
}
