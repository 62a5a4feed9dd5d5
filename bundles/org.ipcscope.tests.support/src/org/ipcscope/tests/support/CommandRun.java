package org.ipcscope.tests.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to its end within a deadline, its standard input closed, both output streams read
 * on threads of their own (not a shared pool that one stuck reader starves: a command that never
 * stops printing must not block the deadline), each kept up to a bound and counted in full.
 *
 * @param exit     the exit code
 * @param out      what it printed on stdout, up to the bound
 * @param outBytes how many bytes it printed there in all
 * @param err      what it printed on stderr, up to the bound
 * @param errBytes how many bytes it printed there in all
 */
public record CommandRun(int exit, byte[] out, long outBytes, byte[] err, long errBytes) {

	/** As much of a stream as any test wants whole. */
	public static final int ALL = Integer.MAX_VALUE - 16;

	public String outText() {
		return new String(out, StandardCharsets.UTF_8);
	}

	public String errText() {
		return new String(err, StandardCharsets.UTF_8);
	}

	/**
	 * @param keep how many bytes of each stream to keep ({@link #ALL} for all)
	 * @throws AssertionError when it runs past {@code timeout}; it and what it started are killed
	 */
	public static CommandRun run(ProcessBuilder builder, Duration timeout, int keep) throws IOException, InterruptedException {
		Process process = builder.start();
		process.getOutputStream().close();
		CompletableFuture<Kept> err = reading(process.getErrorStream(), keep);
		CompletableFuture<Kept> out = reading(process.getInputStream(), keep);
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			// and what it started, which may hold the pipes
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			throw new AssertionError(builder.command() + " did not end within " + timeout.toSeconds() + " s");
		}
		try {
			Kept printed = out.get(10, TimeUnit.SECONDS);
			Kept errors = err.get(10, TimeUnit.SECONDS);
			return new CommandRun(process.exitValue(), printed.bytes, printed.total, errors.bytes, errors.total);
		} catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
			throw new AssertionError(builder.command() + " ended but its output did not: " + e, e);
		}
	}

	private record Kept(byte[] bytes, long total) {
	}

	private static CompletableFuture<Kept> reading(InputStream in, int keep) {
		CompletableFuture<Kept> kept = new CompletableFuture<>();
		Thread reader = new Thread(() -> kept.complete(keep(in, keep)), "command output");
		reader.setDaemon(true);
		reader.start();
		return kept;
	}

	private static Kept keep(InputStream in, int keep) {
		byte[] kept = new byte[Math.min(keep, 64 * 1024)];
		int length = 0;
		long total = 0;
		byte[] buffer = new byte[8192];
		try (in) {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				int room = Math.min(n, keep - length);
				if (length + room > kept.length) {
					kept = Arrays.copyOf(kept, (int) Math.min(keep, Math.max(2L * kept.length, length + room)));
				}
				System.arraycopy(buffer, 0, kept, length, room);
				length += room;
				total += n;
			}
		} catch (IOException e) {
			// the process went away: what was read is what it printed
		}
		return new Kept(Arrays.copyOf(kept, length), total);
	}
}
