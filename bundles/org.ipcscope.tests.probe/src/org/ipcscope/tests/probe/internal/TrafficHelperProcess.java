package org.ipcscope.tests.probe.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Wine tests' native traffic_helper.exe (bundles/org.ipcscope.win32.tests/native): a named
 * pipe or mailslot server or client in its own process, commands on its stdin, one answer line
 * each on its stdout. Every wait has a time limit, so a helper that hangs fails the probe
 * instead of holding the workbench.
 */
final class TrafficHelperProcess implements AutoCloseable {

	private static final long ANSWER_SECONDS = 60;
	private static final String END = "\u0000end";

	private final Process process;
	private final Writer stdin;
	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
	/** The first line: "READY pid=N ...". */
	final String ready;
	final long pid;

	TrafficHelperProcess(Path exe, String... arguments) throws IOException, InterruptedException, TimeoutException {
		List<String> command = new ArrayList<>();
		command.add(exe.toString());
		command.addAll(List.of(arguments));
		process = new ProcessBuilder(command).redirectErrorStream(true).start();
		stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		Thread reader = new Thread(() -> {
			try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = out.readLine(); line != null; line = out.readLine()) {
					lines.add(line.strip());
				}
			} catch (IOException e) {
				lines.add("ERROR " + e);
			}
			lines.add(END);
		}, "traffic_helper output");
		reader.setDaemon(true);
		reader.start();
		ready = line();
		if (!ready.startsWith("READY pid=")) {
			close();
			throw new IllegalStateException("traffic_helper " + List.of(arguments) + " did not start: " + ready);
		}
		pid = Long.parseLong(ready.substring("READY pid=".length()).split(" ")[0]);
	}

	/** Sends a command. @return its answer line */
	String command(String command) throws IOException, InterruptedException, TimeoutException {
		stdin.write(command + "\n");
		stdin.flush();
		return line();
	}

	/** @return the next line the helper prints (a server's MSG lines) */
	String line() throws InterruptedException, TimeoutException {
		String line = lines.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
		if (line == null) {
			throw new TimeoutException("traffic_helper did not answer in " + ANSWER_SECONDS + " s");
		}
		if (line == END) {
			throw new IllegalStateException("traffic_helper ended (exit " + process.exitValue() + ")");
		}
		return line;
	}

	/** Closes its stdin, which ends a server; kills what does not end. */
	@Override
	public void close() {
		try {
			stdin.close();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		} catch (IOException e) {
			process.destroyForcibly();
		} catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}
}
