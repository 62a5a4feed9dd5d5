package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.FileLocator;
import org.ipcscope.tests.support.ByteArguments;
import org.ipcscope.tests.support.CommandRun;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The command line as the script starts it: {@link Main} in a JVM of its own on the bundles' jars,
 * here as root or, with copies of the jars anyone may read, as another user.
 */
final class CliJvm {

	/** What a command printed, each stream kept up to a bound, and how long each really was. */
	record Run(int exit, String out, long outBytes, String err, long errBytes) {
	}

	private static List<Path> jars;

	private CliJvm() {
	}

	/** The jars of the command line's plain class path, as the product holds them. */
	static synchronized List<Path> jars() throws IOException {
		if (jars == null) {
			Map<String, Path> bySymbolicName = new HashMap<>();
			for (Bundle bundle : FrameworkUtil.getBundle(CliJvm.class).getBundleContext().getBundles()) {
				try {
					bySymbolicName.put(bundle.getSymbolicName(), FileLocator.getBundleFile(bundle).toPath());
				} catch (IOException e) {
					// a bundle not in a file: none of those we need
				}
			}
			List<Path> found = new ArrayList<>();
			for (String name : List.of("org.ipcscope.cli", "org.ipcscope.core", "org.ipcscope.linux", "com.sun.jna")) {
				Path jar = bySymbolicName.get(name);
				assertTrue(jar != null && Files.isRegularFile(jar), name + " is a jar in the test runtime: " + jar);
				found.add(jar);
			}
			jars = found;
		}
		return jars;
	}

	static Path java() {
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}

	/** The command as the script runs it, on {@code classPath}. */
	static List<String> command(List<Path> classPath, String... args) {
		List<String> command = new ArrayList<>(List.of(java().toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"--enable-native-access=ALL-UNNAMED", "-cp",
				String.join(":", classPath.stream().map(Path::toString).toList()), Main.class.getName()));
		command.addAll(List.of(args));
		return command;
	}

	static Run run(String... args) throws Exception {
		return run(command(jars(), args), null);
	}

	/** Runs it with arguments that are any bytes (byte arrays as they are, Strings as UTF-8), as a shell passes them. */
	static Run runWithBytes(Object... args) throws Exception {
		List<String> command = command(jars());
		List<Object> arguments = new ArrayList<>(command.subList(1, command.size()));
		arguments.addAll(List.of(args));
		return run(List.of(ByteArguments.command(command.get(0), arguments.toArray())), null);
	}

	/** Runs {@code args} as user {@code user} (root runs this test), with copies of the jars in {@code scratch}. */
	static Run runAs(String user, Path scratch, String... args) throws Exception {
		Path directory = scratch.resolve("jars-for-" + user);
		List<Path> copies = new ArrayList<>();
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory);
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
			Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		for (Path jar : jars()) {
			Path copy = directory.resolve(copies.size() + "-" + jar.getFileName());
			if (!Files.exists(copy)) {
				Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
				Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
			}
			copies.add(copy);
		}
		List<String> command = new ArrayList<>(List.of("runuser", "-u", user, "--"));
		command.addAll(command(copies, args));
		return run(command, Path.of("/"));
	}

	/** Runs it to its end (60 s at most), keeping up to 64 KiB of each stream and counting the rest. */
	static Run run(List<String> command, Path directory) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command);
		if (directory != null) {
			builder.directory(directory.toFile());
		}
		builder.environment().put("LC_ALL", "C.UTF-8");
		CommandRun run = CommandRun.run(builder, Duration.ofSeconds(60), 64 * 1024);
		return new Run(run.exit(), run.outText(), run.outBytes(), run.errText(), run.errBytes());
	}
}
