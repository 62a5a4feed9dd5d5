package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.core.runtime.FileLocator;
import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The resident server of {@code list} as the script runs it: the real {@link DaemonServer} in a
 * plain JVM of its own on the bundles' jars, asked by the real native client it copies out of
 * this bundle, against real objects of a helper process, compared byte for byte with the same
 * command run directly in a JVM of its own ({@link Main}). Every server started here is gone at
 * the end.
 */
class DaemonTest extends DaemonTestBase {

	@Test
	void servedListFindsTheHelpersObjectsWithOwnersAsTheDirectRunDoes() throws Exception {
		Path socket = runDirectory.resolve("served.sock");
		startServer(socket);
		String name = "/ipcscope-daemon-" + ProcessHandle.current().pid();
		Path fifo = work.resolve("held-fifo");
		try (HelperProcess helper = HelperProcess.start(3, HelperProcess.helper("ipc_helper").toString(), "posix", name,
				"4096", "fifo", fifo.toString(), "unix", "@" + name.substring(1))) {
			Run served = served(socket, "list", "--json");
			Run direct = direct(work, Map.of(), "list", "--json");
			assertEquals(0, served.exit(), served.errText());
			assertEquals(0, direct.exit(), direct.errText());
			String owner = "{\"pid\": " + helper.pid() + ", \"process\": \"ipc_helper\"";
			List<String> segment = linesWith("\"name\": \"" + name + "\"", served.outText());
			assertEquals(1, segment.size(), served.outText());
			assertTrue(segment.get(0).contains(owner), segment.get(0));
			// the helper's objects, as both see them (their owners' pids, access, names)
			List<String> helpers = linesWith("\"pid\": " + helper.pid() + ",", served.outText());
			assertTrue(helpers.size() >= 3, helpers.toString());
			assertEquals(helpers, linesWith("\"pid\": " + helper.pid() + ",", direct.outText()));
			assertTrue(served.outText().startsWith("{\n  \"format\": "), served.outText());
			assertArrayEquals(new byte[0], served.err());

			// the table too, and the kind filter
			Run table = served(socket, "list", "--kind=posix-shm");
			assertEquals(0, table.exit());
			String row = linesWith(name, table.outText()).get(0);
			assertTrue(row.matches("posix-shm\\s+/dev/shm\\s+4096\\s+" + name + "\\s+ipc_helper \\(" + helper.pid() + "\\)"), row);
			assertEquals(List.of(), linesWith("fifo", table.outText()));
		}
	}

	@Test
	void fifoDirectoriesOfOneRequestDoNotLeakIntoTheNext() throws Exception {
		Path socket = runDirectory.resolve("fifo.sock");
		startServer(socket);
		Path caller = Files.createDirectories(work.resolve("caller"));
		Path lying = Files.createDirectories(caller.resolve("fifos"));
		Path fromEnvironment = Files.createDirectories(caller.resolve("env-fifos"));
		Process mkfifo = new ProcessBuilder("mkfifo", lying.resolve("lying fifo").toString(),
				fromEnvironment.resolve("env fifo").toString()).start();
		assertEquals(0, mkfifo.waitFor());
		String lyingRow = "\"name\": \"" + lying.resolve("lying fifo") + "\"";
		String envRow = "\"name\": \"" + fromEnvironment.resolve("env fifo") + "\"";

		// a relative directory is the caller's, not the server's
		Run served = served(socket, caller, Map.of(), "list", "--kind", "fifo", "--json", "--fifo-dir", "fifos");
		assertEquals(1, linesWith(lyingRow, served.outText()).size(), served.outText());
		Run direct = direct(caller, Map.of(), "list", "--kind", "fifo", "--json", "--fifo-dir", "fifos");
		assertEquals(linesWith(lyingRow, direct.outText()), linesWith(lyingRow, served.outText()));

		Run next = served(socket, caller, Map.of(), "list", "--kind", "fifo", "--json");
		assertEquals(0, next.exit());
		assertEquals(List.of(), linesWith(lyingRow, next.outText()), "--fifo-dir of the request before leaked");

		// IPCSCOPE_FIFO_DIRS is the caller's too, for its request only
		Run withVariable = served(socket, caller, Map.of("IPCSCOPE_FIFO_DIRS", "env-fifos"), "list", "--kind", "fifo", "--json");
		assertEquals(1, linesWith(envRow, withVariable.outText()).size(), withVariable.outText());
		assertEquals(List.of(), linesWith(lyingRow, withVariable.outText()));
		Run directVariable = direct(caller, Map.of("IPCSCOPE_FIFO_DIRS", "env-fifos"), "list", "--kind", "fifo", "--json");
		assertEquals(linesWith(envRow, directVariable.outText()), linesWith(envRow, withVariable.outText()));
		Run after = served(socket, caller, Map.of(), "list", "--kind", "fifo", "--json");
		assertEquals(List.of(), linesWith(envRow, after.outText()), "IPCSCOPE_FIFO_DIRS of the request before leaked");

		// a missing directory is a problem in the output, the same in both
		Run missing = served(socket, caller, Map.of(), "list", "--kind", "fifo", "--json", "--fifo-dir", "nowhere");
		Run missingDirect = direct(caller, Map.of(), "list", "--kind", "fifo", "--json", "--fifo-dir", "nowhere");
		assertEquals(linesWith("nowhere", missingDirect.outText()), linesWith("nowhere", missing.outText()));
		assertTrue(missing.outText().contains("FIFO directory " + caller.resolve("nowhere")), missing.outText());
	}

	@Test
	void requestsAtOnceEachGetTheirOwnFifoDirectories() throws Exception {
		Path socket = runDirectory.resolve("together.sock");
		startServer(socket);
		Path caller = Files.createDirectories(work.resolve("together"));
		Path optionDirectory = Files.createDirectories(caller.resolve("option-fifos"));
		Path variableDirectory = Files.createDirectories(caller.resolve("variable-fifos"));
		Process mkfifo = new ProcessBuilder("mkfifo", optionDirectory.resolve("option fifo").toString(),
				variableDirectory.resolve("variable fifo").toString()).start();
		assertEquals(0, mkfifo.waitFor());
		String optionRow = "\"name\": \"" + optionDirectory.resolve("option fifo") + "\"";
		String variableRow = "\"name\": \"" + variableDirectory.resolve("variable fifo") + "\"";
		int served = servedCount(socket);

		// 8 clients at once, half naming one directory by --fifo-dir, half the other by IPCSCOPE_FIFO_DIRS
		int clients = 8;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
		try {
			List<java.util.concurrent.Future<Run>> runs = new java.util.ArrayList<>();
			for (int i = 0; i < clients; i++) {
				boolean option = i % 2 == 0;
				runs.add(pool.submit(() -> option
						? served(socket, caller, Map.of(), "list", "--kind", "fifo", "--json", "--fifo-dir", "option-fifos")
						: served(socket, caller, Map.of("IPCSCOPE_FIFO_DIRS", "variable-fifos"), "list", "--kind", "fifo",
								"--json")));
			}
			for (int i = 0; i < clients; i++) {
				Run run = runs.get(i).get(120, java.util.concurrent.TimeUnit.SECONDS);
				assertEquals(0, run.exit(), run.errText());
				String own = i % 2 == 0 ? optionRow : variableRow;
				String other = i % 2 == 0 ? variableRow : optionRow;
				assertEquals(1, linesWith(own, run.outText()).size(), "client " + i + ": " + run.outText());
				assertEquals(List.of(), linesWith(other, run.outText()), "client " + i + " got another request's directory");
			}
		} finally {
			pool.shutdownNow();
		}
		// each was answered by the server, none declined to run in a JVM of its own
		assertEquals(served + clients, servedCount(socket));
	}

	/** @return how many requests the server has answered, as {@code daemon status} says */
	private static int servedCount(Path socket) throws Exception {
		Run status = served(socket, "daemon", "status");
		java.util.regex.Matcher count = java.util.regex.Pattern.compile(", (\\d+) requests served").matcher(status.outText());
		assertTrue(count.find(), status.outText());
		return Integer.parseInt(count.group(1));
	}

	@Test
	void usageErrorsComeBackAsTheDirectRunGivesThem() throws Exception {
		Path socket = runDirectory.resolve("usage.sock");
		startServer(socket);
		for (List<String> args : List.of(List.of("list", "--kind", "nonsense"), List.of("list", "--kind"),
				List.of("list", "--frobnicate"), List.of("list", "--help"))) {
			Run served = served(socket, args.toArray(String[]::new));
			Run direct = direct(work, Map.of(), args.toArray(String[]::new));
			assertNotEquals(DaemonProtocol.FALLBACK, served.exit(), args + " was not served");
			assertEquals(direct.exit(), served.exit(), args.toString());
			assertArrayEquals(direct.out(), served.out(), args.toString());
			assertArrayEquals(direct.err(), served.err(), args + ": " + served.errText());
		}
		assertEquals(CommandLine.EXIT_USAGE, served(socket, "list", "--kind", "nonsense").exit());
		assertTrue(served(socket, "list", "--kind", "nonsense").errText().startsWith("Unknown kind 'nonsense'; known kinds: "));
		// the read-only verbs with a bounded answer are served as a JVM of its own answers them
		Process sleeper = new ProcessBuilder("sleep", "60").start();
		String other = Long.toString(sleeper.pid());
		try {
			// a pattern that is in no memory of the sleeper (this JVM holds it: another process is searched)
			for (List<String> args : List.of(List.of("modules", other), 
					List.of("search", other, "int64:0x1122334455667788"), List.of("regions", "4294967295"))) {
				Run served = served(socket, args.toArray(String[]::new));
				Run direct = direct(work, Map.of(), args.toArray(String[]::new));
				assertNotEquals(DaemonProtocol.FALLBACK, served.exit(), args + " was not served");
				assertEquals(direct.exit(), served.exit(), args + ": " + served.errText());
				assertArrayEquals(direct.out(), served.out(), args.toString());
				assertArrayEquals(direct.err(), served.err(), args + ": " + served.errText());
			}
			// (the caller's own command line matches a filter too: the served and the direct run differ there)
			Run processes = served(socket, "processes", "--json", "sleep 60");
			assertEquals(0, processes.exit(), processes.errText());
			assertTrue(processes.outText().contains("{\"pid\": " + other + ", \"name\": \"sleep\", \"commandLine\": \"sleep 60\""),
					processes.outText());
		} finally {
			sleeper.destroyForcibly();
		}
		// the others are not: the script runs them in a JVM of their own
		Run hex = served(socket, "hex", "/nothing");
		assertEquals(DaemonProtocol.FALLBACK, hex.exit());
		assertEquals(0, hex.out().length + hex.err().length);
	}

	@Test
	void statusAndStop() throws Exception {
		Path socket = runDirectory.resolve("status.sock");
		Process server = startServer(socket);
		served(socket, "list", "--kind", "udp");
		Run status = served(socket, "daemon", "status");
		assertEquals(0, status.exit());
		assertTrue(status.outText().startsWith("A server is running: pid " + server.pid() + ", up "), status.outText());
		assertTrue(status.outText().contains(", 1 requests served\nsocket: " + socket + "\n"), status.outText());
		// what the script runs when its client is missing: the same question, asked in Java
		Run javaStatus = direct(socket, work, Map.of(), "daemon", "status");
		assertEquals(0, javaStatus.exit(), javaStatus.errText());
		assertTrue(javaStatus.outText().startsWith("A server is running: pid " + server.pid() + ", up "), javaStatus.outText());
		Run stop = served(socket, "daemon", "stop");
		assertEquals("Stopped the server (pid " + server.pid() + ").\n", stop.outText());
		assertTrue(server.waitFor(10, TimeUnit.SECONDS), "server still running after stop");
		assertEquals(0, server.exitValue());
		assertFalse(Files.exists(socket), "socket left behind");
		assertEquals(DaemonProtocol.FALLBACK, served(socket, "list").exit());
		Run none = direct(socket, work, Map.of(), "daemon", "status");
		assertEquals(CommandLine.EXIT_NO_SERVICE, none.exit());
		assertEquals("No server is running (" + socket + "); the next `list` starts one.\n", none.outText());
		assertEquals(CommandLine.EXIT_OK, direct(socket, work, Map.of(), "daemon", "stop").exit());
		assertEquals(CommandLine.EXIT_USAGE, direct(socket, work, Map.of(), "daemon", "restart").exit());
	}

	@Test
	void aDeadServersSocketMakesTheClientFallBackAndANewServerTakesOver() throws Exception {
		Path socket = runDirectory.resolve("dead.sock");
		Process server = startServer(socket);
		server.destroyForcibly();
		server.waitFor();
		assertTrue(Files.exists(socket), "a killed server leaves its socket file");
		Run dead = served(socket, "list", "--json");
		assertEquals(DaemonProtocol.FALLBACK, dead.exit());
		assertEquals(0, dead.out().length + dead.err().length, "a fallback prints nothing");

		startServer(socket);
		assertEquals(0, served(socket, "list", "--kind", "tcp").exit());
	}

	@Test
	void aSecondServerLeavesTheFirstServing() throws Exception {
		Path socket = runDirectory.resolve("twice.sock");
		Process first = startServer(socket);
		ProcessBuilder second = new ProcessBuilder(java().toString(), "-cp", classPath(jars), DaemonServer.class.getName(),
				socket.toString(), "60", client.toString()).redirectErrorStream(true);
		Process process = second.start();
		servers.add(process);
		String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(process.waitFor(30, TimeUnit.SECONDS));
		assertEquals(0, process.exitValue(), log);
		assertTrue(log.contains("another server serves " + socket), log);
		assertTrue(first.isAlive());
		assertEquals(0, served(socket, "list", "--kind", "udp").exit());
	}

	@Test
	void aRebuiltProductMakesTheServerDeclineAndExit() throws Exception {
		Path product = Files.createDirectories(work.resolve("product"));
		List<Path> copies = new ArrayList<>();
		for (Path jar : jars) {
			copies.add(Files.copy(jar, product.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING));
		}
		Path socket = runDirectory.resolve("rebuilt.sock");
		Process server = startServer(socket, "60", copies);
		assertEquals(0, served(socket, "list", "--kind", "udp").exit());
		// a build writes the jars anew
		Path core = copies.get(1);
		Files.setLastModifiedTime(core, FileTime.fromMillis(Files.getLastModifiedTime(core).toMillis() + 2000));
		Run stale = served(socket, "list", "--kind", "udp");
		assertEquals(DaemonProtocol.FALLBACK, stale.exit());
		assertEquals(0, stale.out().length + stale.err().length);
		assertTrue(server.waitFor(15, TimeUnit.SECONDS), "the server of a changed product did not exit");
		assertFalse(Files.exists(socket));
	}

	@Test
	void theServerEndsAfterItsIdleTime() throws Exception {
		Path socket = runDirectory.resolve("idle.sock");
		Process server = startServer(socket, "2", jars);
		assertEquals(0, served(socket, "list", "--kind", "udp").exit());
		long answered = System.nanoTime();
		assertTrue(server.waitFor(15, TimeUnit.SECONDS), "still running 15 s after its last request");
		long idle = System.nanoTime() - answered;
		assertTrue(idle >= TimeUnit.MILLISECONDS.toNanos(1900), "ended after " + idle / 1_000_000 + " ms");
		assertEquals(0, server.exitValue());
		assertFalse(Files.exists(socket));
		assertTrue(Files.readString(work.resolve("server.log")).contains("stopping: idle for 2.0 s"));
	}

	@Test
	void aDirectoryOthersMayEnterIsRefusedByServerAndClient() throws Exception {
		Path open = Files.createDirectory(work.resolve("open"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path socket = open.resolve("open.sock");
		Run refused = refusedServer(socket.toString(), "60");
		assertEquals(1, refused.exit(), refused.outText());
		assertTrue(refused.outText().contains(open + " must be a directory of this user's that no one else may enter, but it is"
				+ " a directory of this user, mode 755"), refused.outText());
		// nothing is written in a directory that is not ours: not even the marker of the failure
		assertFalse(Files.exists(new DaemonPlace(socket).marker(), LinkOption.NOFOLLOW_LINKS));
		assertFalse(Files.exists(open.resolve("open.sock.lock"), LinkOption.NOFOLLOW_LINKS));

		// a server someone else could have put there is not asked
		try (ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			listening.bind(UnixDomainSocketAddress.of(socket));
			assertEquals(DaemonProtocol.FALLBACK, served(socket, "list").exit());
			// nor by `daemon status` in Java, which says why none can serve there
			Run status = direct(socket, work, Map.of(), "daemon", "status");
			assertEquals(CommandLine.EXIT_NO_SERVICE, status.exit(), status.errText());
			assertTrue(status.outText().contains("no server can start there: " + open + " must be a directory of this user's"),
					status.outText());
		}
	}

	@Test
	void aServerThatDiesMidAnswerOrHangsGivesAFallbackNotHalfAnAnswer() throws Exception {
		Path socket = runDirectory.resolve("broken.sock");
		// a reply cut off after half its stdout, as when the server is killed while it writes
		try (ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			listening.bind(UnixDomainSocketAddress.of(socket));
			CompletableFuture<DaemonProtocol.Request> received = CompletableFuture.supplyAsync(() -> {
				try (SocketChannel channel = listening.accept()) {
					DaemonProtocol.Request request = DaemonProtocol.Request.read(channel);
					ByteBuffer reply = ByteBuffer.allocate(13 + 500);
					reply.put("IPCS".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).putInt(0).putInt(1000)
							.put("{\"objects\": [".repeat(40).getBytes(StandardCharsets.US_ASCII), 0, 500).flip();
					channel.write(reply);
					return request;
				} catch (IOException e) {
					throw new IllegalStateException(e);
				}
			});
			Run cut = served(socket, work.resolve("run"), Map.of("IPCSCOPE_FIFO_DIRS", "a:b"), "list", "--json", "odd ä");
			assertEquals(DaemonProtocol.FALLBACK, cut.exit());
			assertEquals(0, cut.out().length + cut.err().length, "part of a reply was printed");
			// what the client sent: its arguments, directory and environment
			DaemonProtocol.Request request = received.get(10, TimeUnit.SECONDS);
			assertEquals(List.of("list", "--json", "odd ä"), request.args());
			assertEquals(runDirectory, request.workingDirectory());
			assertEquals("a:b", request.environment().get("IPCSCOPE_FIFO_DIRS"));
			assertEquals("C.UTF-8", request.environment().get("LC_ALL"));
		}
		Files.delete(socket);
		// a server that accepts and never answers: the client gives up after IPCSCOPE_DAEMON_TIMEOUT
		try (ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			listening.bind(UnixDomainSocketAddress.of(socket));
			long start = System.nanoTime();
			Run hung = served(socket, work, Map.of("IPCSCOPE_DAEMON_TIMEOUT", "1"), "list");
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertEquals(DaemonProtocol.FALLBACK, hung.exit());
			assertTrue(took.toMillis() >= 900 && took.toMillis() < 10_000, "gave up after " + took);
		}
	}
}
