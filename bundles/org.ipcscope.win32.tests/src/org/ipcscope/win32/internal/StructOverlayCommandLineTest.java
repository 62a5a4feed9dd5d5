package org.ipcscope.win32.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.ipcscope.core.IpcProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The struct overlay on a live Windows section and process: native/win_struct_helper.exe (built by
 * mingw, which lays structs out as MSVC x64 does) writes a struct live_state into a named section
 * step by step and says what it wrote; {@code hex NAME --struct} (MSVC x64 by default for a
 * section) and {@code dump PID ADDR --struct} through the Windows process provider must decode
 * exactly those values. The command line runs as a script runs it: its own Windows JVM.
 */
@EnabledOnOs(OS.WINDOWS)
class StructOverlayCommandLineTest {

	private record Run(int exit, List<String> out, String err) {
	}

	@Test
	void hexAndDumpStructDecodeWhatTheProgramWroteIntoItsSection() throws Exception {
		String name = "Local\\ipcscope-struct-" + ProcessHandle.current().pid();
		String live = header() + ":struct live_state";
		try (HelperChannel helper = new HelperChannel("win_struct_helper.exe", List.of(name, "600"), 60)) {
			Map<String, String> ready = HelperChannel.values(helper.line(), "READY");
			Map<String, String> wrote = null;
			for (int i = 0; i < 4; i++) {
				helper.send("step");
				wrote = HelperChannel.values(helper.line(), "OK");
			}
			assertEquals("4", wrote.get("counter"));

			Run hex = run("hex", name, "--struct", live);
			assertEquals(0, hex.exit(), hex.err());
			// printed names escape a backslash as \\
			String printed = name.replace("\\", "\\\\");
			assertTrue(hex.out().get(0).startsWith("struct live_state at 0x00000000 of " + printed + ": 48 bytes, msvc64, "),
					hex.out().get(0));
			assertWritten(wrote, hex.out());

			helper.send("step");
			Map<String, String> fifth = HelperChannel.values(helper.line(), "OK");
			Run dump = run("dump", ready.get("pid"), ready.get("address"), "--struct", live);
			assertEquals(0, dump.exit(), dump.err());
			assertTrue(dump.out().get(0).contains(" of process " + ready.get("pid") + ": 48 bytes, msvc64, "),
					dump.out().get(0));
			assertWritten(fifth, dump.out());
		}
	}

	/** The rows show what the helper said it wrote, as the command line prints each kind. */
	private static void assertWritten(Map<String, String> wrote, List<String> rows) {
		int n = Integer.parseInt(wrote.get("counter"));
		assertEquals(wrote.get("counter"), value(rows, "counter"));
		assertEquals("\"" + wrote.get("text") + "\"", value(rows, "text"));
		assertEquals(Double.parseDouble(wrote.get("value")), Double.parseDouble(value(rows, "value")));
		assertEquals(wrote.get("phase") + " (" + (n / 3 % 3) + ")", value(rows, "phase"));
		String bits = String.format("%5s", Integer.toBinaryString(n)).replace(' ', '0');
		assertEquals("0b" + bits + " (" + wrote.get("level") + ")", value(rows, "level:3-7"));
		assertEquals("0b000 (0)", value(rows, "flags:0-2"));
	}

	/** @return the value column of the row of {@code path} */
	private static String value(List<String> rows, String path) {
		for (String line : rows) {
			String[] columns = line.split("\\s{2,}", 4);
			if (columns.length == 4 && columns[1].equals(path)) {
				return columns[3];
			}
		}
		throw new AssertionError("no row " + path + " in:\n" + String.join("\n", rows));
	}

	/** The header the Linux helper writes the same struct with: tests.support/native/live_state.h. */
	private static Path header() throws Exception {
		Path classes = Path.of(StructOverlayCommandLineTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path header = classes.getParent().getParent().resolveSibling("org.ipcscope.tests.support").resolve("native")
				.resolve("live_state.h");
		assertTrue(Files.isRegularFile(header), header.toString());
		return header;
	}

	/** Runs org.ipcscope.cli's Main in a Windows JVM of its own, the providers found through META-INF/services. */
	private static Run run(String... args) throws Exception {
		Process process = CommandLineJvm.start(IpcProvider.class, args);
		process.getOutputStream().close();
		CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process, false));
		CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process, true));
		assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command line ended: " + List.of(args));
		return new Run(process.exitValue(), out.get(10, TimeUnit.SECONDS).lines().toList(), err.get(10, TimeUnit.SECONDS));
	}

	private static String read(Process process, boolean stdout) {
		try (BufferedReader r = new BufferedReader(new InputStreamReader(
				stdout ? process.getInputStream() : process.getErrorStream(), StandardCharsets.UTF_8))) {
			return String.join("\n", r.lines().toList());
		} catch (Exception e) {
			return e.toString();
		}
	}
}
