package org.ipcscope.cli.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.ipcscope.core.process.ProcessMemoryProvider;

/**
 * The resident server of {@code ./ipcscope list} and the other read-only verbs ({@link ServedCommands};
 * Linux): a JVM that keeps the providers loaded and compiled, so that a script's poll costs a warm
 * inventory or search instead of a cold JVM. The script starts it after such a verb it ran directly, detached, once per product build and JDK (the
 * socket's name says which); it serves this user only, over a Unix domain socket in a directory
 * no one else may enter ({@link DaemonSocket}), several requests at once ({@link DaemonConnections});
 * a warm-up runs between them first ({@link DaemonWarmUp}). It exits after {@code IDLE_SECONDS} without requests, when a jar it runs from changes or goes, on
 * {@code daemon stop}, or when its socket is gone.
 *
 * <pre>DaemonServer SOCKET IDLE_SECONDS [CLIENT]</pre>
 *
 * CLIENT is where the script looks for the native client: copied there from this bundle first,
 * and kept as this bundle packs it while the server runs ({@link ClientCopy}). Where it listens,
 * and what it leaves there when it cannot: {@link DaemonPlace}. Under abuse it stays up: a request
 * is read in parts as it comes (never allocated as declared), and {@link DaemonConnections} bounds
 * the connections served at once.
 */
public final class DaemonServer implements ServedCommands.Host {

	/** Connections served at once ({@link DaemonConnections#MAX_CONNECTIONS}). */
	static final int MAX_CONNECTIONS = DaemonConnections.MAX_CONNECTIONS;

	private final DaemonPlace place;
	private final Path socket;
	private final Duration idle;
	private final ClientCopy client;
	private long lastClientFailureLog;
	private final ServedCommands commandsServed;
	private final UserPrincipal user;
	private final Instant started = Instant.now();
	private volatile String stopReason;
	private volatile DaemonConnections connections;

	private DaemonServer(DaemonPlace place, Duration idle, ClientCopy client) throws IOException {
		this.place = place;
		this.socket = place.socket();
		this.idle = idle;
		this.client = client;
		this.commandsServed = new ServedCommands(Main.inventory(),
				ServiceLoader.load(ProcessMemoryProvider.class).findFirst().orElse(null));
		this.user = Files.getOwner(Path.of("/proc/self"));
	}

	public static void main(String[] args) {
		if (args.length < 2 || args.length > 3) {
			System.err.println("usage: DaemonServer SOCKET IDLE_SECONDS [CLIENT]");
			System.exit(CommandLine.EXIT_USAGE);
		}
		DaemonPlace place = new DaemonPlace(Path.of(args[0]));
		Duration idle = DaemonSettings.seconds(args[1]);
		if (idle == null) {
			log("the idle time '" + DaemonPlace.oneLine(args[1]) + "' is not " + DaemonSettings.SECONDS_FORMAT + ": no server starts");
			System.exit(CommandLine.EXIT_USAGE);
		}
		try {
			place.prepare();
		} catch (IOException | RuntimeException e) {
			// not a place of ours: nothing is written there, not even a marker (the script checks it too)
			log("cannot serve at " + place.socket() + ": " + e.getMessage());
			System.exit(1);
		}
		int code;
		try {
			ClientCopy client = null;
			if (args.length == 3) {
				client = ClientCopy.of(Path.of(args[2]));
				if (client == null) {
					log("no native client in this build for " + System.getProperty("os.arch") + ": scripts keep running a JVM each");
				}
			}
			code = new DaemonServer(place, idle, client).serve();
		} catch (IOException | RuntimeException e) {
			log("cannot serve at " + place.socket() + ": " + e);
			code = 1;
			// EMFILE, ENFILE pass when descriptors are back: the next list may try again at once
			if (!String.valueOf(e.getMessage()).contains("Too many open files")) {
				// the script starts no server again for this build for a while: look at the marker, remove it to retry now
				try {
					place.markFailed(e.toString());
				} catch (IOException marking) {
					log("cannot write the failure marker: " + marking);
				}
			}
		}
		System.exit(code);
	}

	private int serve() throws IOException {
		try (DaemonSocket guard = DaemonSocket.lock(place)) {
			if (guard == null) {
				log("another server serves " + socket);
				return 0;
			}
			// before the socket is there: a script that finds the socket finds the client too
			keepClient();
			connections = new DaemonConnections(guard.bind(), user, commandsServed, this);
			log("serving " + socket + " (pid " + ProcessHandle.current().pid() + ", idle timeout "
					+ idle.toMillis() / 1000.0 + " s)");
			DaemonWarmUp.start(commandsServed, () -> stopReason != null);
			connections.serve(() -> stopReason != null, () -> check(guard));
			log("stopping: " + stopReason);
			guard.unbind();
			// a reply under way is finished; a request that comes now finds no socket and runs directly
			connections.finish();
			return 0;
		}
	}

	private void check(DaemonSocket guard) {
		keepClient();
		if (commandsServed.product().changed()) {
			stop("the product it runs from has changed");
		} else if (guard.isGone()) {
			stop("its socket is gone");
		} else if (connections.idleFor(idle.toNanos())) {
			stop("idle for " + idle.toMillis() / 1000.0 + " s");
		}
	}

	@Override
	public void stop(String reason) {
		if (stopReason == null) {
			stopReason = reason;
		}
		DaemonConnections serving = connections;
		if (serving != null) {
			serving.wakeUp();
		}
	}

	@Override
	public String status(int served) {
		long up = Duration.between(started, Instant.now()).toSeconds();
		return "A server is running: pid " + ProcessHandle.current().pid() + ", up " + up + " s, " + served
				+ " requests served\nsocket: " + socket + "\nidle timeout: " + idle.toMillis() / 1000.0
				+ " s after the last request\nruns from: " + String.join(File.pathSeparator, commandsServed.product().classPath()) + "\nJava: "
				+ System.getProperty("java.home") + "\n";
	}

	/** The client copy, written again if anything changed it (not fatal: scripts then run a JVM each). */
	private void keepClient() {
		if (client == null) {
			return;
		}
		try {
			client.keep();
		} catch (IOException | RuntimeException e) {
			long now = System.nanoTime();
			if (now - lastClientFailureLog > TimeUnit.MINUTES.toNanos(1)) {
				lastClientFailureLog = now;
				log("cannot keep the client: " + e.getMessage());
			}
		}
	}

	static void log(String message) {
		// what a client sent may be in it: one line, no control characters
		System.err.println(Instant.now() + " " + DaemonPlace.oneLine(message));
	}
}
