package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ipcscope.core.sniff.CapturedMessage;
import org.junit.jupiter.api.Test;

/**
 * {@code sniff} and {@code windows} on Linux: the mechanism does not exist here, which the verbs
 * say at once (they do not wait for a sniffer service no bundle of this OS provides); bad
 * arguments are usage errors on every OS. The Windows side runs under Wine
 * (org.ipcscope.win32.tests, SniffCommandLineTest).
 */
class SniffCommandTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private int asked;

	private int run(String... args) throws Exception {
		return CommandLine.run(List.of(args), Providers.NONE.withSniffer(() -> {
			asked++;
			return null;
		}), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void onLinuxSniffSaysTheMechanismIsWindowsOnly() throws Exception {
		long start = System.nanoTime();
		assertEquals(CommandLine.EXIT_NO_SERVICE, run("sniff", "--class", "Anything", "--json"));
		assertEquals("WM_COPYDATA exists only on Windows: there are no windows to sniff on Linux.\n", err());
		assertEquals(0, asked, "no sniffer was waited for");
		assertTrue(System.nanoTime() - start < 2_000_000_000L, "answered at once");
	}

	@Test
	void onLinuxWindowsSaysTheSame() throws Exception {
		assertEquals(CommandLine.EXIT_NO_SERVICE, run("windows"));
		assertEquals("WM_COPYDATA exists only on Windows: there are no windows to list on Linux.\n", err());
	}

	@Test
	void aTargetIsRequired() throws Exception {
		assertEquals(CommandLine.EXIT_USAGE, run("sniff", "--json"));
		assertTrue(err().startsWith("sniff needs --window TITLE, --class CLASS or --hwnd H\nusage: ipcscope "), err());
	}

	@Test
	void badValuesAreUsageErrors() throws Exception {
		assertEquals(CommandLine.EXIT_USAGE, run("sniff", "--class", "C", "--strategy", "hook"));
		assertTrue(err().startsWith("sniff: unknown strategy 'hook': use proxy or inproc\n"), err());
		err.reset();
		assertEquals(CommandLine.EXIT_USAGE, run("sniff", "--hwnd", "0x1f", "--count", "0"));
		assertTrue(err().startsWith("--count must be between 1 and "), err());
		err.reset();
		assertEquals(CommandLine.EXIT_USAGE, run("sniff", "--hwnd", "zz"));
		assertTrue(err().startsWith("--hwnd needs a number: zz\n"), err());
		err.reset();
		assertEquals(CommandLine.EXIT_USAGE, run("sniff", "--hwnd", "0x10", "--class", "C"));
		assertTrue(err().startsWith("sniff: --hwnd names one window; leave out --window and --class\n"), err());
		err.reset();
		assertEquals(CommandLine.EXIT_USAGE, run("sniff", "--class"));
		assertTrue(err().startsWith("sniff: '--class' needs a value\n"), err());
		err.reset();
		assertEquals(CommandLine.EXIT_USAGE, run("windows", "--all"));
		assertTrue(err().startsWith("windows does not know '--all'\n"), err());
	}

	@Test
	void textLinesShowSenderDwDataInHexAndDecimalSizeResultAndAPreview() {
		byte[] payload = "hello\u0001world".getBytes(StandardCharsets.ISO_8859_1);
		CapturedMessage message = new CapturedMessage(1, 0, 0x3c4d, 43, 0x1a2b, 0xff, 11, payload, 11);
		assertTrue(SniffCommand.text(message).endsWith("  from 0x3c4d pid 43  dwData 0xff (255)  cbData 11  result 11"
				+ "  \"hello.world\""), SniffCommand.text(message));
		CapturedMessage cut = new CapturedMessage(2, 0, 0, -1, 0x1a2b, -1, 5000, new byte[60],
				CapturedMessage.UNKNOWN_RESULT);
		assertTrue(SniffCommand.text(cut).endsWith("  from 0x0 pid ?  dwData 0xffffffffffffffff (18446744073709551615)"
				+ "  cbData 5000  result ?  \"" + ".".repeat(48) + "\"..."), SniffCommand.text(cut));
	}
}
