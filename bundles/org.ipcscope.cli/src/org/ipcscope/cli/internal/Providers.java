package org.ipcscope.cli.internal;

import org.ipcscope.core.InventoryService;
import org.ipcscope.core.clipboard.ClipboardReader;
import org.ipcscope.core.memory.MemorySourceService;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.core.sniff.CopyDataSniffer;
import org.ipcscope.core.traffic.TrafficCapturer;

/**
 * The providers a verb may need, each opened only when a verb needs it (a script's {@code list}
 * should not pay for loading the others). Each gives {@code null} when it could not be had; a
 * caller names only those it has, from {@link #NONE}.
 */
record Providers(InventoryAccess inventory, MemoryAccess memory, ProcessAccess processes, SnifferAccess sniffer,
		TrafficAccess traffic, ClipboardAccess clipboard) {

	/** Gives the inventory; {@code null} if it could not be had. */
	interface InventoryAccess {
		InventoryService open() throws InterruptedException;
	}

	/** Gives the memory sources; {@code null} if they could not be had. */
	interface MemoryAccess {
		MemorySourceService open() throws InterruptedException;
	}

	/** Gives another process's memory; {@code null} if it could not be had. */
	interface ProcessAccess {
		ProcessMemoryProvider open() throws InterruptedException;
	}

	/** Gives the WM_COPYDATA sniffer; {@code null} if it could not be had. */
	interface SnifferAccess {
		CopyDataSniffer open() throws InterruptedException;
	}

	/** Gives the traffic capturer; {@code null} if it could not be had. */
	interface TrafficAccess {
		TrafficCapturer open() throws InterruptedException;
	}

	/** Gives the clipboard reader; {@code null} if it could not be had. */
	interface ClipboardAccess {
		ClipboardReader open() throws InterruptedException;
	}

	/** No provider at all: every verb that needs one says it is not available. */
	static final Providers NONE = new Providers(() -> null, () -> null, () -> null, () -> null, () -> null,
			() -> null);

	Providers withInventory(InventoryAccess access) {
		return new Providers(access, memory, processes, sniffer, traffic, clipboard);
	}

	Providers withMemory(MemoryAccess access) {
		return new Providers(inventory, access, processes, sniffer, traffic, clipboard);
	}

	Providers withProcesses(ProcessAccess access) {
		return new Providers(inventory, memory, access, sniffer, traffic, clipboard);
	}

	Providers withSniffer(SnifferAccess access) {
		return new Providers(inventory, memory, processes, access, traffic, clipboard);
	}

	Providers withTraffic(TrafficAccess access) {
		return new Providers(inventory, memory, processes, sniffer, access, clipboard);
	}

	Providers withClipboard(ClipboardAccess access) {
		return new Providers(inventory, memory, processes, sniffer, traffic, access);
	}
}
