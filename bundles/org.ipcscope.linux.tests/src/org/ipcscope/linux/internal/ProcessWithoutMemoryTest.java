package org.ipcscope.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.ipcscope.core.process.ProcessAccessException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Processes that have no user memory: a zombie (a real one, whose parent never reaps it) and a
 * kernel thread. Their maps are empty; before, {@code regions} printed nothing and {@code search}
 * found nothing, both as if the process were there and empty.
 */
class ProcessWithoutMemoryTest {

	private final LinuxProcessMemoryProvider provider = new LinuxProcessMemoryProvider();

	@Test
	void aZombieIsSaidToBeOne() throws Exception {
		// sh starts a child that exits a moment later, after sh has become sleep, which never waits
		// for it (a child that exits at once may be reaped by sh before its exec)
		Process parent = new ProcessBuilder("sh", "-c", "sleep 0.3 & echo $!; exec sleep 60").start();
		try {
			long zombie = Long.parseLong(new BufferedReader(new InputStreamReader(parent.getInputStream(),
					StandardCharsets.UTF_8)).readLine().strip());
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (!state(zombie).equals("Z")) {
				assertTrue(System.nanoTime() < deadline, "process " + zombie + " did not become a zombie: " + state(zombie));
				Thread.sleep(10);
			}
			String regions = assertThrows(ProcessAccessException.class, () -> provider.regions(zombie)).getMessage();
			assertEquals("process " + zombie + " is a zombie: it has exited and has no memory left"
					+ " (its parent has not collected its exit status yet)", regions);
			assertEquals(regions, assertThrows(ProcessAccessException.class, () -> provider.open(zombie, false)).getMessage());
		} finally {
			parent.destroyForcibly();
			parent.waitFor(20, TimeUnit.SECONDS);
		}
	}

	@Test
	void aKernelThreadIsSaidToBeOne() throws Exception {
		Optional<Long> kernelThread = kernelThread();
		Assumptions.assumeTrue(kernelThread.isPresent(), "no kernel thread is visible here (a PID namespace)");
		long pid = kernelThread.get();
		String expected = "process " + pid + " is a kernel thread: it has no user memory";
		assertEquals(expected, assertThrows(ProcessAccessException.class, () -> provider.regions(pid)).getMessage());
		assertEquals(expected, assertThrows(ProcessAccessException.class, () -> provider.open(pid, false)).getMessage());
		// a live process of user space is neither
		assertFalse(provider.regions(ProcessHandle.current().pid()).isEmpty());
	}

	@Test
	void rootIsNotToldToBecomeRoot() {
		long self = ProcessHandle.current().pid();
		String toRoot = LinuxProcessMemoryProvider.whyNotReadable(self, 0);
		assertTrue(toRoot.startsWith("reading process " + self + " was refused although you are root: "), toRoot);
		assertFalse(toRoot.contains("(or you as root)"), toRoot);
		String toOther = LinuxProcessMemoryProvider.whyNotReadable(1, 4242);
		assertTrue(toOther.startsWith("reading process 1 was refused: it runs as uid "), toOther);
		assertTrue(toOther.contains(" and you are uid 4242; only its user or root may read it"), toOther);
	}

	/** A process with PF_KTHREAD among its flags (kthreadd is 2 where the PID namespace is the host's). */
	private static Optional<Long> kernelThread() throws IOException {
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			return processes.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
				try {
					String stat = Files.readString(p.resolve("stat"));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 1).strip().split(" ");
					return (Long.parseLong(fields[6]) & 0x00200000) != 0;
				} catch (IOException | RuntimeException e) {
					return false;
				}
			}).map(p -> Long.parseLong(p.getFileName().toString())).sorted().findFirst();
		}
	}

	private static String state(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		return stat.substring(stat.lastIndexOf(')') + 1).strip().split(" ")[0];
	}
}
