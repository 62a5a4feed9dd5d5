package org.ipcscope.cli.internal;

import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

import org.ipcscope.core.InventoryService;
import org.ipcscope.core.process.ProcessMemoryProvider;

/**
 * The resident server of {@code ./ipcscope list} and the other read-only verbs ({@link ServedCommands};
 * Linux): a JVM that keeps the providers loaded and compiled, so that a script's poll costs a warm
 * inventory or search instead of a cold JVM. The script starts it after such a verb it ran directly, detached, once per product build and JDK (the
 * socket's name says which); it serves this user only, over a Unix domain socket in a directory
 * no one else may enter, one command at a time (the FIFO directories are global settings); it
 * exits after {@code IDLE_SECONDS} without requests, when a jar it runs from changes or goes, on
 * {@code daemon stop}, or when its socket is gone.
 *
 * <pre>DaemonServer SOCKET IDLE_SECONDS [CLIENT]</pre>
 *
 * CLIENT is where the script looks for the native client: copied there from this bundle first,
 * and kept as this bundle packs it while the server runs ({@link ClientCopy}). Where it listens,
 * and what it leaves there when it cannot: {@link DaemonPlace}. Under abuse it stays up: a request
 * is read in parts as it comes (never allocated as declared), at most {@link #MAX_CONNECTIONS} are
 * served at once (more are closed at once), and when no descriptor is left to accept with it
 * waits and serves on.
 */
public final class DaemonServer implements ServedCommands.Host {

	/** How often the server looks at its idle time, its jars and its socket. */
	private static final long CHECK_MILLIS = 1000;
	/** How long a connected client has to send its request, and to take the reply. */
	private static final long TRANSFER_SECONDS = 10;
	/** Connections served at once; more are closed at once. Each holds at most a request (1 MiB). */
	static final int MAX_CONNECTIONS = 16;
	private static final long ACCEPT_BACKOFF_MILLIS = 200;

	private final DaemonPlace place;
	private final Path socket;
	private final Duration idle;
	private final ClientCopy client;
	private long lastAcceptFailureLog;
	private long lastRefusalLog;
	private long lastClientFailureLog;
	private final InventoryService inventory;
	private final ServedCommands commandsServed;
	private final UserPrincipal user;
	private final Instant started = Instant.now();
	private final AtomicInteger active = new AtomicInteger();
	private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "transfer timeouts");
		thread.setDaemon(true);
		return thread;
	});
	private volatile long lastRequest = System.nanoTime();
	private volatile String stopReason;
	private Selector selector;

	private DaemonServer(DaemonPlace place, Duration idle, ClientCopy client) throws IOException {
		this.place = place;
		this.socket = place.socket();
		this.idle = idle;
		this.client = client;
		this.inventory = Main.inventory();
		this.commandsServed = new ServedCommands(inventory,
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
		try (FileChannel lockFile = place.openLock(); FileLock lock = lockFile.tryLock()) {
			if (lock == null) {
				log("another server serves " + socket);
				return 0;
			}
			// the lock is ours, so a socket file left here is a dead server's
			Files.deleteIfExists(socket);
			keepClient();
			try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
					Selector accepting = Selector.open()) {
				server.bind(UnixDomainSocketAddress.of(socket));
				Object inode = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
				place.clearMarker();
				selector = accepting;
				log("serving " + socket + " (pid " + ProcessHandle.current().pid() + ", idle timeout "
						+ idle.toMillis() / 1000.0 + " s)");
				commandsServed.commands().acquireUninterruptibly();
				Thread.ofPlatform().name("warm-up").daemon()
						.start(new DaemonWarmUp(inventory, commandsServed.commands(), () -> stopReason != null));
				server.configureBlocking(false);
				server.register(accepting, SelectionKey.OP_ACCEPT);
				while (stopReason == null) {
					accepting.select(CHECK_MILLIS);
					accepting.selectedKeys().clear();
					acceptAll(server);
					check(inode);
				}
				log("stopping: " + stopReason);
				server.close();
				Files.deleteIfExists(socket);
			}
			// a reply under way is finished; a request that comes now finds no socket and runs directly
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TRANSFER_SECONDS);
			while (active.get() > 0 && System.nanoTime() < deadline) {
				sleep(20);
			}
			return 0;
		}
	}

	/**
	 * Takes the connections waiting: each gets a thread, up to {@link #MAX_CONNECTIONS} at once;
	 * those beyond are closed at once (their clients run the command themselves). When accepting
	 * fails (no descriptor left: EMFILE), the server waits a moment and goes on serving.
	 */
	private void acceptAll(ServerSocketChannel server) {
		for (;;) {
			SocketChannel client;
			try {
				client = server.accept();
			} catch (IOException e) {
				long now = System.nanoTime();
				if (now - lastAcceptFailureLog > TimeUnit.MINUTES.toNanos(1)) {
					lastAcceptFailureLog = now;
					log("cannot accept a connection (" + e.getMessage() + "): waiting, then serving on");
				}
				sleep(ACCEPT_BACKOFF_MILLIS);
				return;
			}
			if (client == null) {
				return;
			}
			if (active.get() >= MAX_CONNECTIONS) {
				close(client);
				long now = System.nanoTime();
				if (now - lastRefusalLog > TimeUnit.MINUTES.toNanos(1)) {
					lastRefusalLog = now;
					log("closed a connection: " + MAX_CONNECTIONS + " are open already");
				}
				continue;
			}
			active.incrementAndGet();
			try {
				Thread.ofVirtual().start(() -> handle(client));
			} catch (OutOfMemoryError e) {
				active.decrementAndGet();
				close(client);
			}
		}
	}

	private void check(Object inode) {
		keepClient();
		if (commandsServed.product().changed()) {
			stop("the product it runs from has changed");
		} else if (!inode.equals(fileKey(socket))) {
			stop("its socket is gone");
		} else if (active.get() == 0 && System.nanoTime() - lastRequest > idle.toNanos()) {
			stop("idle for " + idle.toMillis() / 1000.0 + " s");
		}
	}

	@Override
	public void stop(String reason) {
		if (stopReason == null) {
			stopReason = reason;
		}
		selector.wakeup();
	}

	private static Object fileKey(Path path) {
		try {
			return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
		} catch (IOException e) {
			return "gone";
		}
	}

	private void handle(SocketChannel channel) {
		try (channel) {
			ScheduledFuture<?> timeout = watchdog.schedule(() -> close(channel), TRANSFER_SECONDS, TimeUnit.SECONDS);
			UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
			if (!peer.user().equals(user)) {
				log("refused a client of user " + peer.user().getName());
				return;
			}
			DaemonProtocol.Request request = DaemonProtocol.Request.read(channel);
			timeout.cancel(false);
			DaemonProtocol.Reply reply = commandsServed.answer(request, this);
			timeout = watchdog.schedule(() -> close(channel), TRANSFER_SECONDS, TimeUnit.SECONDS);
			reply.write(channel);
			timeout.cancel(false);
		} catch (IOException | RuntimeException | OutOfMemoryError e) {
			log("request failed: " + e);
		} finally {
			lastRequest = System.nanoTime();
			active.decrementAndGet();
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

	private static void close(SocketChannel channel) {
		try {
			channel.close();
		} catch (IOException e) {
			// it was going anyway
		}
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

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static void log(String message) {
		// what a client sent may be in it: one line, no control characters
		System.err.println(Instant.now() + " " + DaemonPlace.oneLine(message));
	}
}
