package org.ipcscope.cli.internal;

import java.io.IOException;
import java.io.PrintStream;

import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.process.ProcessInfo;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.core.struct.Abi;
import org.ipcscope.core.struct.StructOverlay;

/** {@code dump PID ADDR --struct ...}: a struct overlay on a process's memory. */
final class StructDump {

	private StructDump() {
	}

	static int run(ProcessMemoryProvider processes, long pid, long address, StructOptions struct, long watchMillis,
			boolean json, PrintStream out, PrintStream err) throws IOException, InterruptedException, UsageException {
		StructOverlay overlay;
		try {
			overlay = struct.overlay(targetAbi(processes, pid));
		} catch (StructOptions.BadHeader e) {
			err.println(e.getMessage());
			return e.exitCode;
		}
		long start = address + overlay.offset();
		if (Long.compareUnsigned(start, address) < 0) {
			throw new UsageException(String.format("ADDR 0x%x + OFFSET 0x%x passes 2^64", address, overlay.offset()));
		}
		ProcessCommands.checkMapped(processes.regions(pid), pid, start, overlay.size());
		StructOutput output = new StructOutput(overlay, address, "process " + pid, json);
		try (MemorySource memory = processes.open(pid, false)) {
			return watchMillis > 0 ? output.watch(memory, watchMillis, out, err) : output.once(memory, out, err);
		}
	}

	/** Windows: MSVC of the process's bitness (x64 when unknown); elsewhere System V. */
	private static Abi targetAbi(ProcessMemoryProvider processes, long pid) throws IOException {
		if (!System.getProperty("os.name", "").startsWith("Windows")) {
			return Abi.SYSV64;
		}
		for (ProcessInfo info : processes.processes()) {
			if (info.pid() == pid) {
				return info.bitness() == 32 ? Abi.MSVC32 : Abi.MSVC64;
			}
		}
		return Abi.MSVC64;
	}
}
