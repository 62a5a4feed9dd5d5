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
		assertEquals(CommandLine.EXIT_USAGE, run("sniff", "--class", "C", "--messages", "copydata,,user"));
		assertTrue(err().startsWith("sniff --messages: empty item in the message list: copydata,,user\n"), err());
		err.reset();
		assertEquals(CommandLine.EXIT_USAGE, run("sniff", "--class", "C", "--messages", "0x1\u001b[2J"));
		assertTrue(err().startsWith("sniff --messages: not a message number: 0x1\\x1b[2J\n"), err());
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

	@Test
	void textLinesOfOtherMessagesShowKindNameNumberParametersAndResult() {
		CapturedMessage handle = new CapturedMessage(1, 0, CapturedMessage.Kind.SENT, 0xC0A1, "Handle", 4242,
				0x2a0000, -1, -1, 0x1a2b, 0, 0, new byte[0], 1);
		assertTrue(SniffCommand.text(handle).endsWith("  sent  Handle (0xc0a1)  wParam 0x1092 (4242)  lParam 0x2a0000"
				+ " (2752512)  result 1"), SniffCommand.text(handle));
		CapturedMessage posted = new CapturedMessage(2, 0, CapturedMessage.Kind.POSTED, 0xC0A2, null, 0, 0, 7, 8,
				0x1a2b, 0, 0, new byte[0], CapturedMessage.UNKNOWN_RESULT);
		assertTrue(SniffCommand.text(posted).endsWith("  posted  0xc0a2  wParam 0x0 (0)  lParam 0x0 (0)  result ?"
				+ "  from pid 7 thread 8"), SniffCommand.text(posted));
		CapturedMessage odd = new CapturedMessage(3, 0, CapturedMessage.Kind.SENT, 0xC0A3, "a\u001bb", 0, 0, -1, -1,
				0x1a2b, 0, 0, new byte[0], 0);
		assertTrue(SniffCommand.text(odd).contains("  sent  a\\x1bb (0xc0a3)  "), SniffCommand.text(odd));
		assertTrue(SniffCommand.text(new CapturedMessage(4, 0, 0x3c4d, 43, 0x1a2b, 1, 0, new byte[0], 0))
				.contains("  sent  WM_COPYDATA (0x004a)  from 0x3c4d pid 43  "));
	}
}
