package org.ipcscope.win32.internal.sniff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.win32.internal.HelperChannel;
import org.ipcscope.core.sniff.CopyDataSniffer;
import org.ipcscope.win32.internal.CommandLineJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code ipcscope sniff} and {@code ipcscope windows} as a script runs them: the command line's
 * plain-JVM entry point (org.ipcscope.cli's Main, providers through META-INF/services) in a
 * Windows JVM of its own, against a receiver and a sender process.
 */
@EnabledOnOs(OS.WINDOWS)
class SniffCommandLineTest {

	private record Run(int exit, List<String> out, List<String> err) {
	}

	@ParameterizedTest
	@EnumSource(CaptureStrategy.class)
	void sniffPrintsJsonLinesUntilTheCountAndRestoresTheTarget(CaptureStrategy strategy) throws Exception {
		String className = "IpcScopeCli" + strategy.id();
		try (CopyDataHelper receiver = CopyDataHelper.receiver(className, "Cli", CopyDataHelper.MESSAGE_ONLY)) {
			Process cli = cli("sniff", "--class", className, "--strategy", strategy.id(), "--json", "--count", "4");
			List<String> err = new CopyOnWriteArrayList<>();
			Streams streams = read(cli, err);
			CompletableFuture<List<String>> out = streams.out();
			RecordingListener.await(() -> err.stream().anyMatch(l -> l.startsWith("Capturing messages (default) sent or posted to")), 60,
					"the capture to start: " + err);
			CopyDataCaptureTest.send(className, "-", CopyDataHelper.MESSAGE_ONLY);
			assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "sniff ended after --count 4");
			assertEquals(0, cli.exitValue(), "exit code; stderr: " + err);

			CaptureJsonLines.Capture capture = CaptureJsonLines
					.read(new BufferedReader(new StringReader(String.join("\n", out.get(10, TimeUnit.SECONDS)))));
			assertEquals(receiver.hwnd, capture.target().hwnd());
			assertEquals(className, capture.target().className());
			assertEquals(strategy, capture.strategy());
			assertEquals(4, capture.messages().size());
			long[][] sent = { { 0x10, 0 }, { 0x11, 1 }, { 0x12, 65536 }, { 0x13, 1 << 20 } };
			for (int i = 0; i < 4; i++) {
				CapturedMessage message = capture.messages().get(i);
				assertEquals(sent[i][0], message.dwData());
				assertArrayEquals(CopyDataHelper.pattern(sent[i][0], (int) sent[i][1]), message.payload());
				assertEquals(sent[i][0] + sent[i][1], message.result());
			}
			streams.errRead().get(10, TimeUnit.SECONDS);
			assertTrue(err.contains("captured 4, dropped 0"), String.valueOf(err));
			assertEquals("Cli", receiver.title().get("title"), "the target's title is restored");
			CopyDataHelper.run("send", className, "Cli", CopyDataHelper.MESSAGE_ONLY, "1:1");
			assertEquals(5, receiver.count(), "the target gets messages directly again");
		}
	}

	@Test
	void sniffPrintsATextLinePerMessage() throws Exception {
		try (CopyDataHelper receiver = CopyDataHelper.receiver("IpcScopeCliText", "Cli text", CopyDataHelper.MESSAGE_ONLY)) {
			Process cli = cli("sniff", "--window", "Cli text", "--count", "1");
			List<String> err = new CopyOnWriteArrayList<>();
			CompletableFuture<List<String>> out = read(cli, err).out();
			RecordingListener.await(() -> err.stream().anyMatch(l -> l.startsWith("Capturing")), 60, "start: " + err);
			CopyDataHelper.run("send", "IpcScopeCliText", "Cli text", CopyDataHelper.MESSAGE_ONLY, "0x41:70");
			assertTrue(cli.waitFor(60, TimeUnit.SECONDS));
			assertEquals(0, cli.exitValue(), String.valueOf(err));
			String line = out.get(10, TimeUnit.SECONDS).get(0);
			assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6}  sent  WM_COPYDATA \\(0x004a\\)  from 0x[0-9a-f]+ pid \\d+"
					+ "  dwData 0x41 \\(65\\)  cbData 70"
					+ "  result 135  \".{48}\"\\.\\.\\."), line);
		}
	}

	@ParameterizedTest
	@EnumSource(CaptureStrategy.class)
	void sniffPrintsRegisteredMessagesByNameSentAndPosted(CaptureStrategy strategy) throws Exception {
		String className = "IpcScopeCliRegMsg" + strategy.id();
		try (HelperChannel receiver = new HelperChannel("regmsg_helper.exe", List.of("receive", className, "Receive"), 120)) {
			HelperChannel.values(receiver.line(), "READY");
			Process cli = cli("sniff", "--class", className, "--strategy", strategy.id(), "--messages",
					"Mapped,Handle,Shared", "--count", "4");
			List<String> err = new CopyOnWriteArrayList<>();
			Streams streams = read(cli, err);
			RecordingListener.await(() -> err.stream().anyMatch(l -> l.startsWith("Capturing messages (Mapped,Handle,Shared)")),
					60, "the capture to start: " + err);
			try (HelperChannel sender = new HelperChannel("regmsg_helper.exe", List.of("send", className, "Receive",
					"cli text"), 120)) {
				for (String line = sender.line(); !line.startsWith("DONE"); line = sender.line()) {
					assertTrue(!line.startsWith("ERROR"), line);
				}
				assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "sniff ended after --count 4");
				assertEquals(0, cli.exitValue(), "exit code; stderr: " + err);
				List<String> out = streams.out().get(10, TimeUnit.SECONDS);
				assertEquals(4, out.size(), String.valueOf(out));
				String[] expected = { "  sent  Mapped \\(0x[0-9a-f]{4}\\)  wParam 0x0 \\(0\\)  lParam 0x0 \\(0\\)  result 101.*",
						"  sent  Handle \\(0x[0-9a-f]{4}\\)  wParam 0x[0-9a-f]+ \\((\\d+)\\)  lParam (0x[0-9a-f]+) \\(\\d+\\)  result 8.*",
						"  sent  Shared \\(0x[0-9a-f]{4}\\)  wParam 0x0 \\(0\\)  lParam 0x0 \\(0\\)  result 103.*",
						"  posted  Shared \\(0x[0-9a-f]{4}\\)  wParam 0x5eed \\(24301\\)  lParam 0x[0-9a-f]+ \\(\\d+\\)  result \\?" };
				for (int i = 0; i < 4; i++) {
					assertTrue(out.get(i).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6}" + expected[i]), out.get(i));
				}
				// "Handle" carries the sender's pid and its buffer's address: dump shows the buffer's text
				Matcher handle = Pattern.compile(".*" + expected[1]).matcher(out.get(1));
				assertTrue(handle.matches());
				Run dump = run(cli("dump", handle.group(1), handle.group(2), "9"));
				assertEquals(0, dump.exit(), String.valueOf(dump.err()));
				assertTrue(String.join("\n", dump.out()).contains("|cli text.|"), String.valueOf(dump.out()));
			}
		}
	}

	@Test
	void windowsListsTheReceiverAndSniffExplainsWhatItCannotFind() throws Exception {
		try (CopyDataHelper receiver = CopyDataHelper.receiver("IpcScopeCliList", "Listed", CopyDataHelper.MESSAGE_ONLY)) {
			Run windows = run(cli("windows", "--json", "ipcscopeclilist"));
			assertEquals(0, windows.exit(), String.valueOf(windows.err()));
			assertTrue(windows.out().contains("  {\"hwnd\": \"0x" + Long.toHexString(receiver.hwnd)
					+ "\", \"class\": \"IpcScopeCliList\", \"title\": \"Listed\", \"pid\": " + receiver.pid + ", \"thread\": "
					+ receiver.thread + ", \"process\": \"copydata_helper.exe\", \"messageOnly\": true}"),
					String.valueOf(windows.out()));

			Run missing = run(cli("sniff", "--class", "NoSuchClassHere"));
			assertEquals(4, missing.exit());
			assertEquals(List.of("No window of class 'NoSuchClassHere' (ipcscope windows lists them)."), missing.err());
		}
	}

	private static Process cli(String... args) throws Exception {
		return CommandLineJvm.start(CopyDataSniffer.class, args);
	}

	/** The process's stdout lines, and stderr's reader, which ends after the process does. */
	private record Streams(CompletableFuture<List<String>> out, CompletableFuture<Void> errRead) {
	}

	private static Streams read(Process process, List<String> err) throws Exception {
		CompletableFuture<Void> errRead = CompletableFuture.runAsync(() -> {
			try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
				r.lines().forEach(err::add);
			} catch (Exception e) {
				err.add(e.toString());
			}
		});
		process.getOutputStream().close();
		return new Streams(CompletableFuture.supplyAsync(() -> {
			try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				return r.lines().toList();
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}), errRead);
	}

	private static Run run(Process process) throws Exception {
		List<String> err = new CopyOnWriteArrayList<>();
		Streams streams = read(process, err);
		assertTrue(process.waitFor(60, TimeUnit.SECONDS));
		List<String> lines = streams.out().get(10, TimeUnit.SECONDS);
		streams.errRead().get(10, TimeUnit.SECONDS);
		return new Run(process.exitValue(), lines, err);
	}
}
