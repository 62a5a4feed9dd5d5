package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.core.runtime.FileLocator;
import org.ipcscope.tests.support.CommandRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * What the tests of the resident server share: the real {@link DaemonServer} in a plain JVM of
 * its own on the bundles' jars, asked by the real native client it copies out of this bundle, and
 * the same command run directly in a JVM of its own ({@link Main}) to compare with. Every server
 * started here is gone at the end.
 */
abstract class DaemonTestBase {


	static Path work;
	static Path runDirectory;
	static Path client;
	static List<Path> jars;
	final List<Process> servers = new ArrayList<>();

	/** A finished command: its exit code and its bytes. */
	record Run(int exit, byte[] out, byte[] err) {
		String outText() {
			return new String(out, StandardCharsets.UTF_8);
		}

		String errText() {
			return new String(err, StandardCharsets.UTF_8);
		}
	}

	@BeforeAll
	static void findJars() throws Exception {
		work = Files.createTempDirectory("ipcscope-daemon-test");
		runDirectory = Files.createDirectory(work.resolve("run"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		client = work.resolve("cache/ipcscope-client-1-2");
		Map<String, Path> bySymbolicName = new HashMap<>();
		for (Bundle bundle : FrameworkUtil.getBundle(DaemonTestBase.class).getBundleContext().getBundles()) {
			try {
				bySymbolicName.put(bundle.getSymbolicName(), FileLocator.getBundleFile(bundle).toPath());
			} catch (IOException e) {
				// a bundle not in a file: none of those we need
			}
		}
		jars = new ArrayList<>();
		for (String name : List.of("org.ipcscope.cli", "org.ipcscope.core", "org.ipcscope.linux", "com.sun.jna")) {
			Path jar = bySymbolicName.get(name);
			assertTrue(jar != null && Files.isRegularFile(jar), name + " is a jar in the test runtime: " + jar);
			jars.add(jar);
		}
	}

	@AfterEach
	void stopServers() throws Exception {
		for (Process server : servers) {
			server.destroyForcibly();
			assertTrue(server.waitFor(20, TimeUnit.SECONDS), "server " + server.pid() + " did not end");
		}
	}

	@AfterAll
	static void nothingLeftBehind() throws Exception {
		List<String> left = ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(work.toString()))
				.map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
		try (Stream<Path> files = Files.walk(work)) {
			files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
		}
		assertEquals(List.of(), left, "processes of this test still running");
	}

	static String classPath(List<Path> entries) {
		return String.join(":", entries.stream().map(Path::toString).toList());
	}

	static Path java() {
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}

	/** Starts the server as the script does, on {@code classPath}, and waits until it serves. */
	Process startServer(Path socket, String idleSeconds, List<Path> classPath, String... jvmOptions) throws Exception {
		List<String> command = new ArrayList<>(List.of(java().toString(), "-XX:+UseSerialGC", "-Dipcscope.daemon.warmup=0",
				"--enable-native-access=ALL-UNNAMED"));
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-cp", classPath(classPath), DaemonServer.class.getName(), socket.toString(), idleSeconds,
				client.toString()));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("LC_ALL", "C.UTF-8");
		builder.redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile());
		Process server = builder.start();
		servers.add(server);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!accepts(socket) || !Files.isExecutable(client)) {
			assertTrue(server.isAlive(), "server ended at start: " + Files.readString(work.resolve("server.log")));
			assertTrue(System.nanoTime() < deadline, "server did not serve within 30 s");
			Thread.sleep(20);
		}
		return server;
	}

	/** Whether a server listens (a dead one's socket file refuses). */
	static boolean accepts(Path socket) {
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			return channel.connect(UnixDomainSocketAddress.of(socket));
		} catch (IOException e) {
			return false;
		}
	}

	Process startServer(Path socket) throws Exception {
		return startServer(socket, "60", jars);
	}

	/** Runs a server that is expected to refuse to start: its exit code and log. */
	Run refusedServer(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(java().toString(), "-cp", classPath(jars), DaemonServer.class.getName()));
		command.addAll(List.of(args));
		Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
		servers.add(server);
		byte[] log = server.getInputStream().readAllBytes();
		assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server did not end");
		return new Run(server.exitValue(), log, new byte[0]);
	}

	static Run run(List<String> command, Path directory, Map<String, String> environment) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
		builder.environment().put("LC_ALL", "C.UTF-8");
		builder.environment().remove("IPCSCOPE_FIFO_DIRS");
		builder.environment().putAll(environment);
		CommandRun run = CommandRun.run(builder, Duration.ofSeconds(60), CommandRun.ALL);
		return new Run(run.exit(), run.out(), run.err());
	}

	static Run served(Path socket, Path directory, Map<String, String> environment, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(client.toString(), socket.toString()));
		command.addAll(List.of(args));
		return run(command, directory, environment);
	}

	static Run served(Path socket, String... args) throws Exception {
		return served(socket, work, Map.of(), args);
	}

	static Run direct(Path directory, Map<String, String> environment, String... args) throws Exception {
		return direct(null, directory, environment, args);
	}

	/** @param socket where the script would tell {@link DaemonCommand} the server is, or {@code null} */
	static Run direct(Path socket, Path directory, Map<String, String> environment, String... args)
			throws Exception {
		List<String> command = new ArrayList<>(List.of(java().toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
				classPath(jars), Main.class.getName()));
		if (socket != null) {
			command.add(1, "-D" + DaemonCommand.SOCKET_PROPERTY + "=" + socket);
		}
		command.addAll(List.of(args));
		return run(command, directory, environment);
	}

	static List<String> linesWith(String text, String json) {
		return json.lines().filter(l -> l.contains(text)).toList();
	}
}
