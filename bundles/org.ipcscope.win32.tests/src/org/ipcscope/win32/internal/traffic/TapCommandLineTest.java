package org.ipcscope.win32.internal.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.ipcscope.core.traffic.TrafficJsonLines;
import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.core.traffic.TrafficCapturer;
import org.ipcscope.win32.internal.CommandLineJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@code ipcscope tap} as a script runs it: the command line's plain-JVM entry point (providers
 * through META-INF/services) in a Windows JVM of its own, on a named pipe server and client.
 */
@EnabledOnOs(OS.WINDOWS)
class TapCommandLineTest {

	@Test
	void tapWritesTheCaptureAsJsonLinesUntilTheCountAndLetsTheTargetsGo() throws Exception {
		String name = TrafficCaptureTest.uniqueName("cli");
		String object = "\\\\.\\pipe\\" + name;
		try (TrafficHelper server = new TrafficHelper("pipe-server", name, "ack");
				TrafficHelper client = new TrafficHelper("pipe-client", name)) {
			Process cli = cli("tap", "--pid", server.pid + "," + client.pid, "--object", object, "--json", "--count", "4");
			List<String> err = new CopyOnWriteArrayList<>();
			CompletableFuture<List<String>> out = read(cli, err);
			RecordingTrafficListener.waitFor(() -> err.stream().anyMatch(l -> l.startsWith("Capturing")),
					"tap to start: " + err);
			// the first message completes the read the server was already waiting in (recorded when it
			// returns, docs/user/traffic.md): with the client's write and the two ack transfers that
			// is 4 records, and the second message brings more than --count takes
			assertEquals("SENT 2 " + TrafficHelper.fnv(TrafficHelper.pattern(2)), client.command("send 2"));
			assertEquals("SENT 5 " + TrafficHelper.fnv(TrafficHelper.pattern(5)), client.command("send 5"));
			assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "tap ended after --count 4: " + err);
			assertEquals(0, cli.exitValue(), "exit code; stderr: " + err);

			TrafficJsonLines.Capture capture = TrafficJsonLines
					.read(new BufferedReader(new StringReader(String.join("\n", out.get(10, TimeUnit.SECONDS)))));
			assertEquals("dll", capture.header().method());
			List<TrafficRecord> records = capture.records();
			assertEquals(4, records.size(), records.toString());
			// the rings of the two processes are read in turn: 4 of these, each once
			List<String> expected = new ArrayList<>(List.of(key(client.pid, TrafficOp.WRITE, TrafficHelper.pattern(2)),
					key(server.pid, TrafficOp.READ, TrafficHelper.pattern(2)),
					key(server.pid, TrafficOp.WRITE, "ack 1".getBytes()), key(client.pid, TrafficOp.READ, "ack 1".getBytes()),
					key(client.pid, TrafficOp.WRITE, TrafficHelper.pattern(5)),
					key(server.pid, TrafficOp.READ, TrafficHelper.pattern(5)),
					key(server.pid, TrafficOp.WRITE, "ack 2".getBytes()), key(client.pid, TrafficOp.READ, "ack 2".getBytes())));
			for (TrafficRecord record : records) {
				assertTrue(expected.remove(key(record.pid(), record.op(), record.payload())),
						"unexpected or repeated: " + record + " " + HexFormat.of().formatHex(record.payload()));
			}
			for (TrafficRecord record : records) {
				assertEquals(object, record.object());
			}
			// the session may have captured more than the 4 written before it was closed
			assertTrue(err.stream().anyMatch(l -> l.startsWith("captured ") && l.endsWith(", dropped 0")), String.valueOf(err));
			// the targets work on, without the DLL
			assertEquals("MSG 1 2 " + TrafficHelper.fnv(TrafficHelper.pattern(2)), server.line());
			assertEquals("MSG 2 5 " + TrafficHelper.fnv(TrafficHelper.pattern(5)), server.line());
			assertEquals("SENT 7 " + TrafficHelper.fnv(TrafficHelper.pattern(7)), client.command("send 7"));
			assertEquals("MSG 3 7 " + TrafficHelper.fnv(TrafficHelper.pattern(7)), server.line());
			RecordingTrafficListener.waitFor(() -> !LoadedCheck.loaded(server.pid) && !LoadedCheck.loaded(client.pid),
					"ipcscope_capture.dll unloaded from both targets");
		}
	}

	private static String key(long pid, TrafficOp op, byte[] payload) {
		return pid + " " + op.id() + " " + HexFormat.of().formatHex(payload);
	}

	private static Process cli(String... args) throws Exception {
		return CommandLineJvm.start(TrafficCapturer.class, args);
	}

	private static CompletableFuture<List<String>> read(Process process, List<String> err) throws Exception {
		CompletableFuture.runAsync(() -> {
			try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
				r.lines().forEach(err::add);
			} catch (Exception e) {
				err.add(e.toString());
			}
		});
		process.getOutputStream().close();
		return CompletableFuture.supplyAsync(() -> {
			try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				return r.lines().toList();
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
	}
}
