package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.tests.support.PrivateXServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code clipboard} on Linux as the script runs it (Main in a JVM of its own, the X11 reader
 * found through META-INF/services), against x_clipboard_owner on an Xvfb of the test's own.
 * The Windows side runs under Wine (org.ipcscope.win32.tests, ClipboardCommandLineTest).
 */
class ClipboardCommandTest {

	private static PrivateXServer server;

	@BeforeAll
	static void startServer() throws Exception {
		server = new PrivateXServer();
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.close();
	}

	private static CliJvm.Run clipboard(String display, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("env", display == null ? "-u" : "DISPLAY=" + display));
		if (display == null) {
			command.add("DISPLAY");
		}
		List<String> verb = new ArrayList<>(List.of("clipboard"));
		verb.addAll(List.of(args));
		command.addAll(CliJvm.command(CliJvm.jars(), verb.toArray(String[]::new)));
		return CliJvm.run(command, null);
	}

	@Test
	void printsTheOwnerTargetsAndEscapedContent() throws Exception {
		try (HelperProcess owner = HelperProcess.start(1, "env", "DISPLAY=" + server.display,
				HelperProcess.helper("x_clipboard_owner").toString(), "CLIPBOARD", "red \u001b[31m text")) {
			long pid = Long.parseLong(owner.readyLines().get(0).replaceAll(".*pid=(\\d+).*", "$1"));
			CliJvm.Run run = clipboard(server.display, "--read", "UTF8_STRING");
			assertEquals(0, run.exit(), run.err());
			List<String> lines = run.out().lines().toList();
			assertTrue(lines.get(0).matches("CLIPBOARD  sequence \\?  owner 0x[0-9a-f]+ \\(pid " + pid + " x_clipboard_own\\)"),
					lines.get(0));
			assertTrue(lines.stream().anyMatch(l -> l.matches("  \\d+ +UTF8_STRING +14  UTF-8 text  \"red \\\\x1b\\[31m text\"")),
					run.out());
			assertTrue(lines.stream().anyMatch(l -> l.matches("  \\d+ +DELETE +\\?  not asked for: a request to the owner, not content")),
					run.out());
			assertTrue(lines.stream().anyMatch(l -> l.matches("  \\d+ +text/html +\\?  not read")), run.out());
			assertTrue(run.out().chars().noneMatch(c -> c == 0x1b), "no raw escape reaches the terminal");
			owner.awaitLine("REQUEST UTF8_STRING"::equals, Duration.ofSeconds(10));

			CliJvm.Run primary = clipboard(server.display, "--json", "--selection", "PRIMARY");
			assertEquals(0, primary.exit(), primary.err());
			assertTrue(primary.out().startsWith("{\"format\":\"ipcscope-clipboard\",\"version\":1}\n{\"kind\":\"change\",\"n\":1,"
					+ "\"selection\":\"PRIMARY\","), primary.out());
			assertTrue(primary.out().contains("\"owner\":null,\"openBy\":null,\"formats\":0,\"problem\":null}"), primary.out());
		}
	}

	@Test
	void saysWhatItCannotRead() throws Exception {
		CliJvm.Run secondary = clipboard(server.display, "--selection", "SECONDARY");
		assertEquals(4, secondary.exit());
		assertEquals("There is no selection SECONDARY here; there is CLIPBOARD, PRIMARY.\n", secondary.err());
		CliJvm.Run noDisplay = clipboard(null);
		assertEquals(4, noDisplay.exit());
		assertTrue(noDisplay.err().startsWith("No clipboard can be read here: DISPLAY is not set"), noDisplay.err());
		assertEquals(1, noDisplay.err().lines().count(), noDisplay.err());
		CliJvm.Run usage = clipboard(server.display, "--read");
		assertEquals(2, usage.exit());
		assertTrue(usage.err().startsWith("clipboard: '--read' needs a value\nusage: ipcscope clipboard "), usage.err());
	}
}
