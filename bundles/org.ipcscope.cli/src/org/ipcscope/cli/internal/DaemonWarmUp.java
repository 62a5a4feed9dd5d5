package org.ipcscope.cli.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

import org.ipcscope.core.InventoryService;

/**
 * A starting server's warm-up: runs what scripts ask for until it is compiled. The first round
 * holds back the first request (the classes are loaded then), later rounds take turns with
 * requests; the caller holds {@code commands} for the first round.
 */
final class DaemonWarmUp implements Runnable {

	/**
	 * How long it lasts (tests shorten it): the optimizing compiler needs some dozens of rounds
	 * before a refresh runs at full speed.
	 */
	private static final Duration WARM_UP = Duration.ofMillis(Long.getLong("ipcscope.daemon.warmup", 10_000));
	private static final int WARM_UP_ROUNDS = 30;

	private final InventoryService inventory;
	private final Semaphore commands;
	private final BooleanSupplier stopping;

	DaemonWarmUp(InventoryService inventory, Semaphore commands, BooleanSupplier stopping) {
		this.inventory = inventory;
		this.commands = commands;
		this.stopping = stopping;
	}

	@Override
	public void run() {
		long end = System.nanoTime() + WARM_UP.toNanos();
		PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
		boolean held = true; // by the server, for the first round
		try {
			for (int round = 0; round < WARM_UP_ROUNDS && System.nanoTime() < end && !stopping.getAsBoolean(); round++) {
				if (!held) {
					commands.acquire();
					held = true;
				}
				CommandLine.run(List.of("list", round % 4 == 3 ? "--kind=fifo" : "--json"), Path.of("/"), () -> inventory,
						() -> null, () -> null, () -> null, nowhere, nowhere);
				commands.release();
				held = false;
			}
		} catch (InterruptedException | RuntimeException e) {
			DaemonServer.log("warm-up: " + e);
		} finally {
			if (held) {
				commands.release();
			}
		}
	}
}
