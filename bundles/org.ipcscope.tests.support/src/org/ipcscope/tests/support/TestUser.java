package org.ipcscope.tests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A user of its own for a test that needs another user than root (an attacker, a victim): made
 * with {@code useradd} and a home directory, removed with it on {@link #close}. Only root can;
 * {@link #canCreate} says whether this test run is root, for an assumption with a reason.
 */
public final class TestUser implements AutoCloseable {

	private final String name;
	private final int uid;
	private final Path home;

	private TestUser(String name, int uid, Path home) {
		this.name = name;
		this.uid = uid;
		this.home = home;
	}

	/** Whether this process may create users (it runs as root). */
	public static boolean canCreate() throws IOException {
		return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
	}

	/** Creates a user named {@code prefix} and a number, with a home directory of its own. */
	public static TestUser create(String prefix) throws IOException, InterruptedException {
		String name = prefix + (ProcessHandle.current().pid() % 100000);
		run(List.of("userdel", "-r", name), true); // left by a run that was killed
		run(List.of("useradd", "--create-home", "--shell", "/bin/sh", name), false);
		String id = run(List.of("id", "-u", name), false).strip();
		return new TestUser(name, Integer.parseInt(id), Path.of("/home", name));
	}

	public String name() {
		return name;
	}

	public int uid() {
		return uid;
	}

	public Path home() {
		return home;
	}

	/** Runs {@code command} as this user and returns its stdout; fails if it exits other than 0. */
	public String run(String... command) throws IOException, InterruptedException {
		List<String> asUser = new ArrayList<>(List.of("runuser", "-u", name, "--"));
		asUser.addAll(List.of(command));
		return run(asUser, false);
	}

	private static String run(List<String> command, boolean mayFail) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException(command + " did not end");
		}
		if (!mayFail && process.exitValue() != 0) {
			throw new IOException(command + " exited " + process.exitValue() + ": " + output);
		}
		return output;
	}

	@Override
	public void close() throws IOException, InterruptedException {
		run(List.of("userdel", "-r", name), true);
	}
}
