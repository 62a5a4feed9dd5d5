package org.ipcscope.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.ByteChannel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.ipcscope.core.InventoryService;
import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.process.ProcessMemoryProvider;

/**
 * What the resident server runs for a client: the verbs that only read and print a bounded answer,
 * with the providers it keeps warm, their output kept whole for the reply (the client prints
 * nothing until it has all of it). Requests run at once, each with its caller's working directory
 * and environment ({@link Caller}); only a round of the warm-up runs alone ({@link #warmUpTurns}).
 */
final class ServedCommands {

	/**
	 * The verbs it answers. hex and dump stream (or write files), sniff and windows are interactive
	 * or Windows-only: they keep a JVM of their own.
	 */
	static final Set<String> SERVED = Set.of("list", "processes", "regions", "modules", "search");

	/** What a server tells its clients and does for them besides the verbs ({@code daemon status|stop}). */
	interface Host {
		void stop(String reason);

		/** @return {@code daemon status}'s answer */
		String status(int served);
	}

	private final InventoryService inventory;
	private final ProcessMemoryProvider processes;
	private final ProductStamp product = new ProductStamp();
	/**
	 * Requests take the read side, any number at once; a round of the warm-up takes the write side,
	 * so that it runs between requests rather than slowing them down.
	 */
	private final ReadWriteLock warmUpTurns = new ReentrantReadWriteLock();
	private final AtomicInteger served = new AtomicInteger();

	ServedCommands(InventoryService inventory, ProcessMemoryProvider processes) {
		this.inventory = inventory;
		this.processes = processes;
	}

	InventoryService inventory() {
		return inventory;
	}

	ReadWriteLock warmUpTurns() {
		return warmUpTurns;
	}

	ProductStamp product() {
		return product;
	}

	/** How long a client may take to send its request, and again to take the reply. */
	static final long TRANSFER_SECONDS = 10;

	/**
	 * One client's turn on either server: its request read, answered and the reply written, each
	 * transfer cut off by {@code cancel} when it takes longer than {@link #TRANSFER_SECONDS}, so a
	 * client that stalls cannot hold a request thread.
	 */
	void serve(ByteChannel channel, Host host, ScheduledExecutorService timer, Runnable cancel) throws IOException {
		ScheduledFuture<?> timeout = timer.schedule(cancel, TRANSFER_SECONDS, TimeUnit.SECONDS);
		DaemonProtocol.Request request = DaemonProtocol.Request.read(channel);
		timeout.cancel(false);
		DaemonProtocol.Reply reply = answer(request, host);
		timeout = timer.schedule(cancel, TRANSFER_SECONDS, TimeUnit.SECONDS);
		reply.write(channel);
		timeout.cancel(false);
	}

	/**
	 * The reply to a client: {@code daemon status|stop}, a served verb run here, or declined
	 * (the client runs it itself) for any other verb, a changed product or a command that failed.
	 */
	DaemonProtocol.Reply answer(DaemonProtocol.Request request, Host host) {
		List<String> args = request.args();
		if (product.changed()) {
			host.stop("the product it runs from has changed");
			return DaemonProtocol.Reply.DECLINED;
		}
		if (args.equals(List.of("daemon", "status"))) {
			return answered(host.status(served.get()));
		}
		if (args.equals(List.of("daemon", "stop"))) {
			host.stop("asked to stop");
			return answered("Stopped the server (pid " + ProcessHandle.current().pid() + ").\n");
		}
		if (!serves(request)) {
			return DaemonProtocol.Reply.DECLINED;
		}
		Lock turn = warmUpTurns.readLock();
		turn.lock();
		try {
			DaemonProtocol.Reply reply = run(request);
			served.incrementAndGet();
			return reply;
		} catch (InterruptedException | RuntimeException | Error e) {
			DaemonServer.log(args.get(0) + " failed, the client runs it itself: " + e);
			return DaemonProtocol.Reply.DECLINED;
		} finally {
			turn.unlock();
		}
	}

	private static DaemonProtocol.Reply answered(String out) {
		return new DaemonProtocol.Reply(true, CommandLine.EXIT_OK, out.getBytes(System.out.charset()), new byte[0]);
	}

	/** @return whether this server may answer the request in place of the caller's own JVM */
	static boolean serves(DaemonProtocol.Request request) {
		return !request.args().isEmpty() && SERVED.contains(request.args().get(0)) && sameLocale(request.environment());
	}

	/** The variables other than the FIFO directories change how this JVM writes: they must be its own. */
	private static boolean sameLocale(Map<String, String> environment) {
		for (String name : DaemonProtocol.VARIABLES) {
			if (!name.equals(InventoryRequest.FIFO_DIRS_VARIABLE) && !Objects.equals(environment.get(name), System.getenv(name))) {
				return false;
			}
		}
		return true;
	}

	/** Runs it as the caller's JVM would, with the caller's working directory and IPCSCOPE_FIFO_DIRS. */
	private DaemonProtocol.Reply run(DaemonProtocol.Request request) throws InterruptedException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		try (PrintStream outStream = new PrintStream(out, false, System.out.charset());
				PrintStream errStream = new PrintStream(err, false, System.err.charset())) {
			int code = CommandLine.run(request.args(), Caller.of(request),
					Providers.NONE.withInventory(() -> inventory).withProcesses(() -> processes), outStream, errStream);
			outStream.flush();
			errStream.flush();
			return new DaemonProtocol.Reply(true, code, out.toByteArray(), err.toByteArray());
		}
	}
}
