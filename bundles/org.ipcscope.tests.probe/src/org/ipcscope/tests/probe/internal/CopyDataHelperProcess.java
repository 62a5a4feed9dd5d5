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
 * The Wine tests' native copydata_helper.exe (bundles/org.ipcscope.win32.tests/native): a receiver
 * window in its own process, driven through its stdin and stdout, or a sender run to its end; the
 * same for the other helpers there that answer on stdout and end when stdin closes. Every
 * wait has a time limit, so a helper that hangs fails the probe instead of holding the workbench.
 */
final class CopyDataHelperProcess implements AutoCloseable {

	private static final long ANSWER_SECONDS = 60;
	private static final String END = "\u0000end";

	private final Process process;
	private final Writer stdin;
	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
	/** The first line: "READY hwnd=0x... pid=N thread=N". */
	final String ready;

	private CopyDataHelperProcess(Path exe, List<String> arguments) throws IOException, InterruptedException, TimeoutException {
		this(exe, arguments, "READY ");
	}

	/** @param first how the helper's first line begins when it started well */
	private CopyDataHelperProcess(Path exe, List<String> arguments, String first)
			throws IOException, InterruptedException, TimeoutException {
		List<String> command = new ArrayList<>();
		command.add(exe.toString());
		command.addAll(arguments);
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
		}, "copydata_helper output");
		reader.setDaemon(true);
		reader.start();
		ready = line();
		if (!ready.startsWith(first)) {
			close();
			throw new IllegalStateException(exe.getFileName() + " " + arguments + " did not start: " + ready);
		}
	}

	/** A receiver window of {@code className} titled {@code title}; kind: message-only, top-level or visible. */
	static CopyDataHelperProcess receiver(Path exe, String className, String title, String kind)
			throws IOException, InterruptedException, TimeoutException {
		return new CopyDataHelperProcess(exe, List.of("receive", className, title, kind));
	}

	/**
	 * Another helper of the same native/ directory, kept running until {@link #close()}.
	 *
	 * @param first how its first line begins when it started well; the line is {@link #ready}
	 */
	static CopyDataHelperProcess start(Path exe, List<String> arguments, String first)
			throws IOException, InterruptedException, TimeoutException {
		return new CopyDataHelperProcess(exe, arguments, first);
	}

	/** @return the lines the helper printed after its first, up to and with the one that begins with {@code last} */
	List<String> until(String last) throws InterruptedException, TimeoutException {
		List<String> read = new ArrayList<>();
		for (String line = line(); ; line = line()) {
			read.add(line);
			if (line.startsWith(last)) {
				return read;
			}
			if (line.startsWith("ERROR")) {
				throw new IllegalStateException(line);
			}
		}
	}

	long pid() {
		return process.pid();
	}

	/**
	 * Runs a sender to its end.
	 *
	 * @return its pid and then its output lines ("RESULT dwData cbData result fnv" each, "DONE n=N")
	 */
	static List<String> send(Path exe, List<String> arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(exe.toString());
		command.add("send");
		command.addAll(arguments);
		Process sender = new ProcessBuilder(command).redirectErrorStream(true).start();
		sender.getOutputStream().close();
		List<String> output = new ArrayList<>();
		output.add(Long.toString(sender.pid()));
		// the output is a few lines: reading it to its end cannot fill a pipe
		try (BufferedReader out = new BufferedReader(new InputStreamReader(sender.getInputStream(), StandardCharsets.UTF_8))) {
			Thread watchdog = Thread.ofVirtual().start(() -> {
				try {
					if (!sender.waitFor(ANSWER_SECONDS, TimeUnit.SECONDS)) {
						sender.destroyForcibly();
					}
				} catch (InterruptedException e) {
					sender.destroyForcibly();
				}
			});
			out.lines().map(String::strip).forEach(output::add);
			watchdog.join();
		}
		if (sender.exitValue() != 0) {
			throw new IllegalStateException("copydata_helper send " + arguments + " exited with " + sender.exitValue()
					+ ": " + output);
		}
		return output;
	}

	/**
	 * Sends a command to the receiver.
	 *
	 * @return the lines it answered, the final "OK ..." line last
	 */
	List<String> command(String command) throws IOException, InterruptedException, TimeoutException {
		stdin.write(command + "\n");
		stdin.flush();
		List<String> answer = new ArrayList<>();
		for (String line = line(); ; line = line()) {
			answer.add(line);
			if (line.startsWith("OK")) {
				return answer;
			}
			if (line.startsWith("ERROR")) {
				throw new IllegalStateException(command + " -> " + line);
			}
		}
	}

	private String line() throws InterruptedException, TimeoutException {
		String line = lines.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
		if (line == null) {
			throw new TimeoutException("copydata_helper did not answer in " + ANSWER_SECONDS + " s");
		}
		if (line == END) {
			throw new IllegalStateException("copydata_helper ended (exit " + process.exitValue() + ")");
		}
		return line;
	}

	/** Closes the receiver's stdin, which ends it; kills it if it does not end. */
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
