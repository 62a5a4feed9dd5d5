package org.ipcscope.tests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A process blocked opening a FIFO for writing until some reader opens it. Whoever opens the
 * FIFO for reading, even with O_NONBLOCK and only for a moment, wakes it: {@link #isBlocked}
 * then stays false, so a check after a positive event proves nobody opened the FIFO before.
 */
public final class BlockedFifoWriter implements AutoCloseable {

	private final Process process;

	private BlockedFifoWriter(Process process) {
		this.process = process;
	}

	/** Makes a FIFO, with mkfifo(1). */
	public static void mkfifo(Path path) throws IOException, InterruptedException {
		Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
		String output = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!mkfifo.waitFor(20, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
			throw new IOException("mkfifo " + path + " failed: " + output);
		}
	}

	/** Starts the writer and waits until it is blocked on the FIFO. */
	public static BlockedFifoWriter start(Path fifo) throws IOException, InterruptedException {
		// once opened it would say so and sleep: it is then never again where it waited
		Process process = new ProcessBuilder("/bin/sh", "-c", "exec 3>\"$0\"; echo opened; exec sleep 600",
				fifo.toString()).redirectErrorStream(true).start();
		BlockedFifoWriter writer = new BlockedFifoWriter(process);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!writer.isBlocked()) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				writer.close();
				throw new IOException("the writer did not block opening " + fifo);
			}
			Thread.sleep(10);
		}
		return writer;
	}

	/**
	 * @return whether it sleeps in the kernel's wait for the FIFO's other end (needs the kernel's
	 *         symbol in /proc/PID/wchan, shown to root) and has not said it opened
	 */
	public boolean isBlocked() throws IOException {
		Path proc = Path.of("/proc", Long.toString(process.pid()));
		try {
			String stat = Files.readString(proc.resolve("stat"));
			int end = stat.lastIndexOf(')');
			return process.isAlive() && stat.charAt(end + 2) == 'S'
					&& Files.readString(proc.resolve("wchan")).equals("wait_for_partner")
					&& process.getInputStream().available() == 0;
		} catch (java.nio.file.NoSuchFileException e) {
			return false;
		}
	}

	@Override
	public void close() throws InterruptedException {
		process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
	}
}
