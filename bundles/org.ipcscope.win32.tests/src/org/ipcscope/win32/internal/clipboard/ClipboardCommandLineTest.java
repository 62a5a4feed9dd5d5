package org.ipcscope.win32.internal.clipboard;

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

import org.ipcscope.core.clipboard.ClipboardDecoders;
import org.ipcscope.core.clipboard.ClipboardJsonLines;
import org.ipcscope.core.clipboard.ClipboardSnapshot;
import org.ipcscope.core.clipboard.ClipboardReader;
import org.ipcscope.win32.internal.CommandLineJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@code ipcscope clipboard} as a script runs it: the command line's plain-JVM entry point in a
 * Windows JVM of its own, against clipboard_helper.exe owning the clipboard.
 */
@EnabledOnOs(OS.WINDOWS)
class ClipboardCommandLineTest {

	private record Run(int exit, List<String> out, List<String> err) {
	}

	@Test
	void printsOwnerFormatsAndTheContentAskedFor() throws Exception {
		try (ClipboardHelper owner = new ClipboardHelper("from the command line")) {
			Run text = run(cli("clipboard", "--read", "CF_UNICODETEXT,IpcScopeCustom"));
			assertEquals(0, text.exit(), String.valueOf(text.err()));
			assertTrue(text.out().get(0).matches("CLIPBOARD  sequence \\d+  owner 0x" + Long.toHexString(owner.hwnd) + " \\(pid "
					+ owner.pid + " clipboard_helper.exe\\)"), text.out().get(0));
			assertTrue(text.out().stream().anyMatch(l -> l.matches(
					"  13 +CF_UNICODETEXT +44  UTF-16LE text, NUL-terminated  \"from the command line\"")), String.valueOf(text.out()));
			assertTrue(text.out().stream().anyMatch(l -> l.matches("  " + owner.custom + " +IpcScopeCustom +8  8 bytes  \"IPC\\.{5}\"")),
					String.valueOf(text.out()));
			assertTrue(text.out().stream().anyMatch(l -> l.matches("  " + owner.delayed + " +IpcScopeDelayed +\\?  not read")),
					String.valueOf(text.out()));

			Run json = run(cli("clipboard", "--json", "--read", "13," + owner.custom));
			assertEquals(0, json.exit(), String.valueOf(json.err()));
			ClipboardSnapshot snapshot = ClipboardJsonLines.read(new BufferedReader(new StringReader(String.join("\n", json.out()))))
					.get(0);
			assertEquals(owner.pid, snapshot.owner().pid());
			assertEquals("from the command line", ClipboardDecoders.decode(snapshot.format("CF_UNICODETEXT")).text());
			assertArrayEquals(ClipboardHelper.CUSTOM, snapshot.format("IpcScopeCustom").content());
			assertEquals(0, owner.renders(), "the delayed format was not asked for");

			Run asked = run(cli("clipboard", "--read", "IpcScopeDelayed"));
			assertTrue(asked.out().stream().anyMatch(l -> l.matches("  " + owner.delayed + " +IpcScopeDelayed +10  10 bytes  \"rendered 1\"")),
					String.valueOf(asked.out()));
			assertEquals(1, owner.renders());
		}
	}

	@Test
	void watchPrintsEachChangeAsJsonLines() throws Exception {
		try (ClipboardHelper owner = new ClipboardHelper("before")) {
			Process cli = cli("clipboard", "--watch", "--json", "--count", "2", "--read", "CF_UNICODETEXT");
			List<String> err = new CopyOnWriteArrayList<>();
			List<String> out = new CopyOnWriteArrayList<>();
			Streams streams = read(cli, err, out);
			await(() -> err.stream().anyMatch(l -> l.startsWith("Watching CLIPBOARD")), "the watch to start: " + err);
			owner.command("set one");
			// the watch reads the clipboard when told of a change: the next change waits until it has
			await(() -> out.stream().anyMatch(l -> l.startsWith("{\"kind\":\"data\",\"n\":1,")), "the first change: " + out);
			owner.command("set two");
			assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "the watch ended after --count 2");
			assertEquals(0, cli.exitValue(), String.valueOf(err));
			streams.out().get(10, TimeUnit.SECONDS);
			List<ClipboardSnapshot> changes = ClipboardJsonLines
					.read(new BufferedReader(new StringReader(String.join("\n", out))));
			assertEquals(List.of("one", "two"),
					changes.stream().map(c -> ClipboardDecoders.decode(c.format("CF_UNICODETEXT")).text()).toList());
			assertEquals(0, owner.renders());
		}
	}

	@Test
	void badInputGetsOneLineAndAnExitCode() throws Exception {
		Run unknown = run(cli("clipboard", "--bogus", "x"));
		assertEquals(2, unknown.exit());
		assertEquals("clipboard does not know '--bogus'", unknown.err().get(0));
		Run primary = run(cli("clipboard", "--selection", "PRIMARY"));
		assertEquals(4, primary.exit());
		assertEquals(List.of("There is no selection PRIMARY here; there is CLIPBOARD."), primary.err());
		Run count = run(cli("clipboard", "--count", "2"));
		assertEquals(2, count.exit());
		assertEquals("clipboard: --count and --seconds go with --watch", count.err().get(0));
	}

	private static Process cli(String... args) throws Exception {
		return CommandLineJvm.start(ClipboardReader.class, args);
	}

	/** stdout's lines once the process ends, and stderr's reader, which ends after the process does. */
	private record Streams(CompletableFuture<List<String>> out, CompletableFuture<Void> errRead) {
	}

	private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!condition.getAsBoolean()) {
			assertTrue(System.nanoTime() < end, "waited 60 s for " + what);
			Thread.sleep(20); // polls a condition with a deadline
		}
	}

	private static Streams read(Process process, List<String> err) throws Exception {
		return read(process, err, new CopyOnWriteArrayList<>());
	}

	/** stderr's lines go to {@code err} and stdout's to {@code lines} as they come */
	private static Streams read(Process process, List<String> err, List<String> lines) throws Exception {
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
				r.lines().forEach(lines::add);
				return List.copyOf(lines);
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
