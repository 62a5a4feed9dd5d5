package org.ipcscope.cli.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.BooleanSupplier;

import org.ipcscope.core.InventoryService;

/**
 * A starting server's warm-up: runs what scripts ask for until it is compiled. Each round takes
 * the write side of the server's {@link ServedCommands#warmUpTurns()}, so it runs between
 * requests; the first round holds back the first requests (the classes are loaded then).
 */
final class DaemonWarmUp implements Runnable {

	/**
	 * How long it lasts (tests shorten it): the optimizing compiler needs some dozens of rounds
	 * before a refresh runs at full speed.
	 */
	private static final Duration WARM_UP = Duration.ofMillis(Long.getLong("ipcscope.daemon.warmup", 10_000));
	private static final int WARM_UP_ROUNDS = 30;

	private final InventoryService inventory;
	private final ReadWriteLock turns;
	private final BooleanSupplier stopping;
	private final CountDownLatch firstRoundHeld = new CountDownLatch(1);

	private DaemonWarmUp(InventoryService inventory, ReadWriteLock turns, BooleanSupplier stopping) {
		this.inventory = inventory;
		this.turns = turns;
		this.stopping = stopping;
	}

	/**
	 * Starts the warm-up of {@code commands} in a thread of its own; returns once its first round
	 * holds back requests.
	 */
	static void start(ServedCommands commands, BooleanSupplier stopping) {
		DaemonWarmUp warmUp = new DaemonWarmUp(commands.inventory(), commands.warmUpTurns(), stopping);
		Thread.ofPlatform().name("warm-up").daemon().start(warmUp);
		boolean interrupted = false;
		while (true) {
			try {
				warmUp.firstRoundHeld.await();
				break;
			} catch (InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void run() {
		long end = System.nanoTime() + WARM_UP.toNanos();
		PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
		// what a script in / asks, with no FIFO directories of its own
		Caller script = new Caller(Path.of("/"), Map.of());
		Providers providers = Providers.NONE.withInventory(() -> inventory);
		Lock turn = turns.writeLock();
		try {
			for (int round = 0; round < WARM_UP_ROUNDS && System.nanoTime() < end && !stopping.getAsBoolean(); round++) {
				turn.lockInterruptibly();
				try {
					firstRoundHeld.countDown();
					CommandLine.run(List.of("list", round % 4 == 3 ? "--kind=fifo" : "--json"), script, providers, nowhere,
							nowhere);
				} finally {
					turn.unlock();
				}
			}
		} catch (InterruptedException | RuntimeException e) {
			DaemonServer.log("warm-up: " + e);
		} finally {
			firstRoundHeld.countDown();
		}
	}
}
