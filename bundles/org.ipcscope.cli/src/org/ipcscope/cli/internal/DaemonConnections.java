package org.ipcscope.cli.internal;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.attribute.UserPrincipal;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The resident server's accept loop: each connection of this user gets a virtual thread that
 * reads its request, has {@link ServedCommands} answer it and writes the reply, all at once with
 * the others. Under abuse it stays up: at most {@link #MAX_CONNECTIONS} are served at once (more
 * are closed at once: their clients run the command themselves), a client has
 * {@link ServedCommands#TRANSFER_SECONDS} to send its request and again to take the reply, and when no
 * descriptor is left to accept with it waits and serves on.
 */
final class DaemonConnections {

	/** How often the loop gives its caller a look at its idle time, its jars and its socket. */
	private static final long CHECK_MILLIS = 1000;
	/** How long a connected client has to send its request, and to take the reply. */
	/** Connections served at once; more are closed at once. Each holds at most a request (1 MiB). */
	static final int MAX_CONNECTIONS = 16;
	private static final long ACCEPT_BACKOFF_MILLIS = 200;

	private final ServerSocketChannel server;
	private final UserPrincipal user;
	private final ServedCommands commands;
	private final ServedCommands.Host host;
	private final AtomicInteger active = new AtomicInteger();
	private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "transfer timeouts");
		thread.setDaemon(true);
		return thread;
	});
	private final Selector selector;
	private volatile long lastRequest = System.nanoTime();
	private long lastAcceptFailureLog;
	private long lastRefusalLog;

	/** @param user the only user whose clients are answered */
	DaemonConnections(ServerSocketChannel server, UserPrincipal user, ServedCommands commands, ServedCommands.Host host)
			throws IOException {
		this.server = server;
		this.user = user;
		this.commands = commands;
		this.host = host;
		this.selector = Selector.open();
	}

	/**
	 * Accepts until {@code stopped} says so; {@code check} runs about every {@link #CHECK_MILLIS}
	 * and after each batch of connections.
	 */
	void serve(BooleanSupplier stopped, Runnable check) throws IOException {
		try (selector) {
			server.configureBlocking(false);
			server.register(selector, SelectionKey.OP_ACCEPT);
			while (!stopped.getAsBoolean()) {
				selector.select(CHECK_MILLIS);
				selector.selectedKeys().clear();
				acceptAll();
				check.run();
			}
		}
	}

	/** Ends a {@link #serve} waiting for connections, to look at {@code stopped} now. */
	void wakeUp() {
		selector.wakeup();
	}

	/** @return whether it has been idle, no connection open, for longer than {@code nanos} */
	boolean idleFor(long nanos) {
		return active.get() == 0 && System.nanoTime() - lastRequest > nanos;
	}

	/** Lets the replies under way finish, for {@link ServedCommands#TRANSFER_SECONDS} at most. */
	void finish() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ServedCommands.TRANSFER_SECONDS);
		while (active.get() > 0 && System.nanoTime() < deadline) {
			sleep(20);
		}
	}

	private void acceptAll() {
		for (;;) {
			SocketChannel client;
			try {
				client = server.accept();
			} catch (IOException e) {
				long now = System.nanoTime();
				if (now - lastAcceptFailureLog > TimeUnit.MINUTES.toNanos(1)) {
					lastAcceptFailureLog = now;
					DaemonServer.log("cannot accept a connection (" + e.getMessage() + "): waiting, then serving on");
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
					DaemonServer.log("closed a connection: " + MAX_CONNECTIONS + " are open already");
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

	private void handle(SocketChannel channel) {
		try (channel) {
			UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
			if (!peer.user().equals(user)) {
				DaemonServer.log("refused a client of user " + peer.user().getName());
				return;
			}
			commands.serve(channel, host, watchdog, () -> close(channel));
		} catch (IOException | RuntimeException | OutOfMemoryError e) {
			DaemonServer.log("request failed: " + e);
		} finally {
			lastRequest = System.nanoTime();
			active.decrementAndGet();
		}
	}

	private static void close(SocketChannel channel) {
		try {
			channel.close();
		} catch (IOException e) {
			// it was going anyway
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
