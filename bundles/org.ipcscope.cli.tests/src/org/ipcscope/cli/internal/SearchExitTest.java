package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.Test;

/**
 * {@code search} on a process that exits while it runs: the helper is killed for real when the
 * search first reads past 40 MiB of its 64 MiB haystack (the provider Declarative Services registers,
 * with its source watched to pick that moment), and the command prints what it found before.
 */
class SearchExitTest {

	@Test
	void theMatchesBeforeTheExitArePrintedAndTheMessageSaysWhereItStopped() throws Exception {
		String needle = "CLI-EXIT-" + ProcessHandle.current().pid() + "!";
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "haystack",
				"64", needle, "7");
				TrackedService<ProcessMemoryProvider> tracked = new TrackedService<>(ProcessMemoryProvider.class)) {
			long start = Long.parseUnsignedLong(helper.readyLines().get(0).split(" ")[1].substring(2), 16);
			ProcessMemoryProvider killing = killingAt(tracked.await(20), helper.pid(), start + (40 << 20));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			// the haystack's decoys, every 16 MiB from 1 MiB + 100, are the needle with its last byte changed
			int exit = ProcessCommands.run("search",
					List.of(Long.toString(helper.pid()), "text:" + needle.substring(0, needle.length() - 1)), killing,
					new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
			assertEquals(CommandLine.EXIT_NOT_FOUND, exit);
			List<String> decoys = new ArrayList<>();
			for (long decoy = start + (1 << 20) + 100; decoy < start + (40 << 20); decoy += 16 << 20) {
				decoys.add(String.format("0x%x", decoy));
			}
			// each line is "ADDRESS REGION+OFFSET"; the haystack may share its region with a neighbour
			assertEquals(decoys, out.toString(StandardCharsets.UTF_8).lines().map(l -> l.split(" ")[0]).toList());
			String message = err.toString(StandardCharsets.UTF_8);
			assertTrue(message.matches("process " + helper.pid()
					+ " has exited during the search at 0x[0-9a-f]+; the results so far are kept\\s*"), message);
		}
	}

	/** The provider as it is, but the process is killed (and gone) before any read at or past {@code at}. */
	private static ProcessMemoryProvider killingAt(ProcessMemoryProvider provider, long pid, long at) {
		return new ForwardingProvider(provider) {
			@Override
			MemorySource wrap(MemorySource source) {
				return new Source(source) {
					@Override
					void beforeRead(long end) {
						if (end > at && Long.compareUnsigned(end, at + (64 << 20)) < 0) {
							ProcessHandle.of(pid).ifPresent(p -> {
								p.destroyForcibly();
								p.onExit().join();
							});
						}
					}

					@Override
					public boolean readsConcurrently() {
						return false; // as it was: one reader, so the kill comes at one place in the search
					}
				};
			}
		};
	}
}
