package org.ipcscope.tests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** An Xvfb of the test's own, for X11 clients: it picks a free display number and says which (-displayfd). */
public final class PrivateXServer implements AutoCloseable {

	private final Process process;
	public final String display;

	public PrivateXServer() throws Exception {
		process = new ProcessBuilder("Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "320x200x24")
				.redirectError(ProcessBuilder.Redirect.DISCARD).start();
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
		String number = CompletableFuture.supplyAsync(() -> {
			try {
				return out.readLine();
			} catch (IOException e) {
				return null;
			}
		}).get(30, TimeUnit.SECONDS);
		if (number == null) {
			process.destroyForcibly();
			throw new IOException("Xvfb did not start (Debian package xvfb)");
		}
		display = ":" + number.strip();
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}
}
