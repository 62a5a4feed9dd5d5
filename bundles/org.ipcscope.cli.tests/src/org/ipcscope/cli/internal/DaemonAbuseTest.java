package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.ipcscope.tests.support.TestUser;
import org.junit.jupiter.api.Test;
import org.ipcscope.tests.support.Waits;

/**
 * The resident server and its client against what a hostile user or a careless setting gives
 * them: a socket directory another user made with links in it, request floods, no descriptors
 * left, times that are not numbers.
 */
class DaemonAbuseTest extends DaemonTestBase {

	@Test
	void anotherUsersSocketDirectoryGetsNoServerAndNothingWrittenThroughItsLinks() throws Exception {
		assumeTrue(TestUser.canCreate(), "needs root to create the attacking user (useradd)");
		// a /tmp of its own: sticky and open to all, as /tmp is
		Path tmp = Files.createTempDirectory("ipcscope-attack");
		try (TestUser attacker = TestUser.create("ipcsatk")) {
			Files.setAttribute(tmp, "unix:mode", 01777);
			Path victim = Files.writeString(work.resolve("victim-file"), "precious\n");
			Path notYet = work.resolve("created-through-a-link");
			// what the script's fallback socket directory would be, made first by the attacker
			Path taken = tmp.resolve("ipcscope-0");
			attacker.run("mkdir", "-m", "777", taken.toString());
			Path socket = taken.resolve("cli-1-2.sock");
			attacker.run("ln", "-s", victim.toString(), socket + ".failed");
			attacker.run("ln", "-s", notYet.toString(), socket + ".lock");

			Run refused = refusedServer(socket.toString(), "60", client.toString());
			assertEquals("precious\n", Files.readString(victim), "the marker was written through the attacker's link");
			assertFalse(Files.exists(notYet, LinkOption.NOFOLLOW_LINKS), "a file was created through the attacker's link");
			assertEquals(1, refused.exit(), refused.outText());
			assertTrue(refused.outText().contains(taken + " must be a directory of this user's that no one else may enter, but it is"
					+ " a directory of uid " + attacker.uid() + ", mode 777"), refused.outText());
			assertTrue(Files.isSymbolicLink(Path.of(socket + ".failed")));

			// and `daemon status` says why no server runs there
			Run status = direct(socket, work, Map.of(), "daemon", "status");
			assertEquals(CommandLine.EXIT_NO_SERVICE, status.exit());
			assertTrue(status.outText().contains("no server can start there: " + taken), status.outText());
		} finally {
			try (Stream<Path> files = Files.walk(tmp)) {
				files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
		}
	}

	@Test
	void aTimeoutThatIsNotANumberIsSaidAndTheServerNotAsked() throws Exception {
		Path socket = runDirectory.resolve("timeout.sock");
		startServer(socket);
		for (String bad : List.of("inf", "1e309", "9e18", "-1", "ten", "0", "1234567")) {
			Run run = served(socket, work, Map.of("IPCSCOPE_DAEMON_TIMEOUT", bad), "list", "--kind", "udp");
			assertEquals(DaemonProtocol.FALLBACK, run.exit(), bad + " was taken: " + run.outText());
			assertEquals("ipcscope: IPCSCOPE_DAEMON_TIMEOUT='" + bad + "' is not " + DaemonSettings.SECONDS_FORMAT
					+ ": the server is not asked\n", run.errText());
			assertEquals(0, run.out().length);
		}
		assertEquals(0, served(socket, work, Map.of("IPCSCOPE_DAEMON_TIMEOUT", "2.5"), "list", "--kind", "udp").exit());
	}

	@Test
	void anIdleTimeThatIsNotANumberStartsNoServerAndLeavesNoMarker() throws Exception {
		for (String bad : List.of("inf", "1e309", "9e18", "-5", "soon", "")) {
			Path socket = runDirectory.resolve("idle-" + Math.abs(bad.hashCode()) + ".sock");
			Run refused = refusedServer(socket.toString(), bad, client.toString());
			assertEquals(CommandLine.EXIT_USAGE, refused.exit(), bad + ": " + refused.outText());
			assertTrue(refused.outText().contains("the idle time '" + bad + "' is not " + DaemonSettings.SECONDS_FORMAT
					+ ": no server starts"), refused.outText());
			assertFalse(Files.exists(new DaemonPlace(socket).marker()), "a marker for a bad setting");
		}
	}

	@Test
	void stalledRequestsDeclaringAMegabyteEachNeitherExhaustTheHeapNorStopTheServer() throws Exception {
		Path socket = runDirectory.resolve("flood.sock");
		// 200 requests of 1 MiB, were each allocated as declared, need three times this heap
		Process server = startServer(socket, "60", jars, "-Xmx64m");
		List<SocketChannel> flood = new ArrayList<>();
		try {
			for (int i = 0; i < 200; i++) {
				SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
				flood.add(channel);
				try {
					channel.connect(UnixDomainSocketAddress.of(socket));
					channel.write(ByteBuffer.allocate(8).put("IPCS".getBytes(StandardCharsets.US_ASCII)).putInt(1 << 20).flip());
				} catch (IOException e) {
					// closed by the server already: what it does beyond its limit
				}
			}
			Path log = work.resolve("server.log");
			await(() -> read(log).contains("closed a connection: " + DaemonServer.MAX_CONNECTIONS + " are open already"),
					"the server did not close the connections beyond its limit: " + read(log));
		} finally {
			for (SocketChannel channel : flood) {
				channel.close();
			}
		}
		// the flood's connections end as their threads see them closed: then a client is served again
		await(() -> servedExit(socket) == 0, "the server serves no more after the flood: " + read(work.resolve("server.log")));
		assertTrue(server.isAlive());
		String log = read(work.resolve("server.log"));
		assertFalse(log.contains("OutOfMemoryError"), log);
	}

	@Test
	void runningOutOfDescriptorsNeitherStopsTheServerNorMarksItFailed() throws Exception {
		Path socket = runDirectory.resolve("emfile.sock");
		Process server = startServer(socket);
		Path log = work.resolve("server.log");
		long open;
		try (Stream<Path> descriptors = Files.list(Path.of("/proc/" + server.pid() + "/fd"))) {
			open = descriptors.count();
		}
		String limit = Files.readAllLines(Path.of("/proc/" + server.pid() + "/limits")).stream()
				.filter(l -> l.startsWith("Max open files")).findFirst().orElseThrow().split("\\s+")[3];
		// a few descriptors more than the server holds: the connections below take them all
		limitDescriptors(server, Long.toString(open + 3));
		List<SocketChannel> held = new ArrayList<>();
		try {
			for (int i = 0; i < 12; i++) {
				SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
				held.add(channel);
				channel.connect(UnixDomainSocketAddress.of(socket));
			}
			await(() -> read(log).contains("cannot accept a connection"), "accepting never failed: " + read(log));
			assertTrue(server.isAlive(), "the server exited when no descriptor was left: " + read(log));
		} finally {
			for (SocketChannel channel : held) {
				channel.close();
			}
			limitDescriptors(server, limit);
		}
		await(() -> servedExit(socket) == 0, "the server serves no more with descriptors back: " + read(log));
		assertTrue(server.isAlive());
		assertFalse(Files.exists(new DaemonPlace(socket).marker()), "a failure marker was left");
	}

	private static void limitDescriptors(Process server, String soft) throws Exception {
		Process prlimit = new ProcessBuilder("prlimit", "--pid", Long.toString(server.pid()), "--nofile=" + soft + ":")
				.redirectErrorStream(true).start();
		String output = new String(prlimit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, prlimit.waitFor(), "prlimit: " + output);
	}

	private static int servedExit(Path socket) {
		try {
			return served(socket, "list", "--kind", "udp").exit();
		} catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			return e.toString();
		}
	}

	private static void await(BooleanSupplier condition, String failure) throws InterruptedException {
		Waits.until(condition::getAsBoolean, failure);
	}
}
