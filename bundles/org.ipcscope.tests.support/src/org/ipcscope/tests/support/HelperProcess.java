package org.ipcscope.tests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A native helper program that creates real IPC objects in its own process. It prints one
 * {@code READY ...} line per object and keeps them until its stdin is closed.
 */
public final class HelperProcess implements AutoCloseable {

	/** System property naming the directory the native helpers were compiled into. */
	public static final String HELPERS_PROPERTY = "ipcscope.test.helpers";

	private final Process process;
	private final BufferedReader stdout;
	private final List<String> readyLines = new ArrayList<>();

	private HelperProcess(Process process) {
		this.process = process;
		this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
	}

	/** @return the path of a compiled helper, checked to exist */
	public static Path helper(String name) {
		String dir = System.getProperty(HELPERS_PROPERTY);
		if (dir == null) {
			throw new IllegalStateException("System property " + HELPERS_PROPERTY + " is not set");
		}
		Path path = Path.of(dir, name);
		if (!Files.isExecutable(path)) {
			throw new IllegalStateException("Helper " + path + " was not built");
		}
		return path;
	}

	/**
	 * Starts a helper and waits until it reported {@code objects} READY lines.
	 *
	 * @throws IOException if it failed or did not get ready within 20 s; its stderr is in the message
	 */
	public static HelperProcess start(int objects, String... command) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.redirectError(ProcessBuilder.Redirect.PIPE);
		HelperProcess helper = new HelperProcess(builder.start());
		try {
			helper.awaitReady(objects);
		} catch (IOException e) {
			helper.process.destroyForcibly();
			throw e;
		}
		return helper;
	}

	private void awaitReady(int objects) throws IOException {
		var reader = Executors.newSingleThreadExecutor();
		try {
			Future<?> reading = reader.submit(() -> {
				while (readyLines.size() < objects) {
					String line = stdout.readLine();
					if (line == null) {
						throw new IOException("helper ended before it was ready: " + stderr());
					}
					if (line.startsWith("READY ")) {
						readyLines.add(line.substring("READY ".length()));
					}
				}
				return null;
			});
			reading.get(20, TimeUnit.SECONDS);
		} catch (ExecutionException e) {
			throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
		} catch (TimeoutException e) {
			throw new IOException("helper not ready within 20 s");
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		} finally {
			reader.shutdownNow();
		}
	}

	private String stderr() {
		try {
			return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		} catch (IOException e) {
			return "(stderr unreadable: " + e.getMessage() + ")";
		}
	}

	/** @return what followed READY on each line, in order ("posix /name", "sysv 42") */
	public List<String> readyLines() {
		return List.copyOf(readyLines);
	}

	public long pid() {
		return process.pid();
	}

	/**
	 * Closes the helper's stdin, which makes it remove its objects and exit.
	 *
	 * @return its exit code
	 */
	public int finish() throws IOException, InterruptedException {
		process.getOutputStream().close();
		if (!process.waitFor(20, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException("helper did not exit within 20 s of its stdin closing");
		}
		return process.exitValue();
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			try {
				finish();
			} catch (IOException e) {
				process.destroyForcibly();
			} catch (InterruptedException e) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
	}
}
