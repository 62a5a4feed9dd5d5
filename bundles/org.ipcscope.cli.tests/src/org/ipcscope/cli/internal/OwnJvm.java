package org.ipcscope.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.FileLocator;
import org.ipcscope.tests.support.ByteArguments;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The command line's fast path ({@link Main}) in a JVM of its own on the bundles' jars, as the
 * script runs it, with arguments that are any bytes ({@link ByteArguments}): what a shell passes.
 */
final class OwnJvm {

	/** A finished command: its exit code and its bytes. */
	record Run(int exit, byte[] out, byte[] err) {
		String outText() {
			return new String(out, StandardCharsets.UTF_8);
		}

		String errText() {
			return new String(err, StandardCharsets.UTF_8);
		}
	}

	private OwnJvm() {
	}

	/** @return the jars of the command line's class path, from the test runtime's bundles */
	static List<Path> jars() throws IOException {
		Map<String, Path> bySymbolicName = new HashMap<>();
		for (Bundle bundle : FrameworkUtil.getBundle(OwnJvm.class).getBundleContext().getBundles()) {
			try {
				bySymbolicName.put(bundle.getSymbolicName(), FileLocator.getBundleFile(bundle).toPath());
			} catch (IOException e) {
				// a bundle not in a file: none of those we need
			}
		}
		List<Path> jars = new ArrayList<>();
		for (String name : List.of("org.ipcscope.cli", "org.ipcscope.core", "org.ipcscope.linux", "com.sun.jna")) {
			Path jar = bySymbolicName.get(name);
			if (jar == null || !Files.isRegularFile(jar)) {
				throw new IOException(name + " is not a jar in the test runtime: " + jar);
			}
			jars.add(jar);
		}
		return jars;
	}

	/** Runs {@code ipcscope ARGS} (Strings as UTF-8, byte arrays as they are) and waits for it. */
	static Run run(Object... args) throws Exception {
		List<Object> command = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "-cp",
				String.join(":", jars().stream().map(Path::toString).toList()), Main.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(ByteArguments
				.command(Path.of(System.getProperty("java.home"), "bin", "java").toString(), command.toArray()));
		// as ./ipcscope runs it
		builder.environment().put("LC_ALL", "C.UTF-8");
		builder.environment().remove("IPCSCOPE_FIFO_DIRS");
		Process process = builder.start();
		process.getOutputStream().close();
		CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
			try {
				return process.getErrorStream().readAllBytes();
			} catch (IOException e) {
				throw new IllegalStateException(e);
			}
		});
		byte[] out = process.getInputStream().readAllBytes();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException("ipcscope " + List.of(args) + " did not end within 60 s");
		}
		return new Run(process.exitValue(), out, err.get(10, TimeUnit.SECONDS));
	}
}
