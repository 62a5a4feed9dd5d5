package org.ipcscope.win32.internal.sniff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ipcscope.core.sniff.CaptureOptions;
import org.ipcscope.core.sniff.CaptureSession;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.WindowInfo;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both strategies against a real receiver window in another process, fed by a real sender
 * process: every message captured byte-exact and in order, the receiver still gets each one and
 * the sender the receiver's answer; after stop the target gets messages directly again.
 */
@EnabledOnOs(OS.WINDOWS)
class CopyDataCaptureTest extends CaptureTestBase {

	/** dwData and size of each message: empty, one byte, 64 KiB, 1 MiB. */
	private static final long[][] MESSAGES = { { 0x10, 0 }, { 0x11, 1 }, { 0x12, 65536 }, { 0x13, 1 << 20 } };

	static Stream<Arguments> cases() {
		return Stream.of(CaptureStrategy.values()).flatMap(strategy -> Stream.of(CopyDataHelper.MESSAGE_ONLY,
				CopyDataHelper.VISIBLE).map(kind -> Arguments.of(strategy, kind)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("cases")
	void capturesEveryPayloadByteExactAndTheReceiverAndSenderSeeNoDifference(CaptureStrategy strategy, String kind)
			throws Exception {
		String className = "IpcScopeTest" + strategy.id() + kind.replace("-", "");
		String title = "Receiver " + strategy.id() + " " + kind;
		CopyDataHelper receiver = open(CopyDataHelper.receiver(className, title, kind));
		WindowInfo window = window(receiver);
		assertEquals(title, window.title());
		assertEquals(receiver.pid, window.pid());
		assertEquals(receiver.thread, window.threadId());
		assertEquals("copydata_helper.exe", window.processName());
		assertEquals(kind.equals(CopyDataHelper.MESSAGE_ONLY), window.messageOnly());

		RecordingListener listener = new RecordingListener();
		CaptureSession session = sniffer.start(window, strategy, CaptureOptions.DEFAULT, listener);
		open(session);
		assertTrue(session.isRunning());
		if (strategy == CaptureStrategy.PROXY) {
			Map<String, String> during = receiver.title();
			assertEquals(ProxyCapture.RENAMED_PREFIX + title, during.get("title"), "the target is renamed");
			assertEquals("0", during.get("visible"), "the target is hidden");
		}

		List<String> sent = send(className, title, kind);
		RecordingListener.await(() -> listener.messages.size() >= MESSAGES.length, 30, "4 captured messages");

		long senderPid = -1;
		for (int i = 0; i < MESSAGES.length; i++) {
			long dwData = MESSAGES[i][0];
			int size = (int) MESSAGES[i][1];
			byte[] expected = CopyDataHelper.pattern(dwData, size);
			assertEquals("RESULT " + dwData + " " + size + " " + (dwData + size) + " " + CopyDataHelper.fnv(expected),
					sent.get(i), "the sender got the receiver's answer");
			CapturedMessage message = listener.messages.get(i);
			assertEquals(i + 1, message.sequence());
			assertEquals(dwData, message.dwData());
			assertEquals(size, message.cbData());
			assertArrayEquals(expected, message.payload(), "payload of message " + (i + 1));
			assertEquals(dwData + size, message.result(), "the receiver's result is captured");
			assertEquals(window.hwnd(), message.target());
			assertTrue(message.sender() != 0, "wParam carries the sender's window");
			assertTrue(message.senderPid() > 0 && message.senderPid() != receiver.pid, "sender pid " + message.senderPid());
			senderPid = i == 0 ? message.senderPid() : senderPid;
			assertEquals(senderPid, message.senderPid(), "one sender process sent all");
			if (i > 0) {
				assertTrue(message.timeMicros() >= listener.messages.get(i - 1).timeMicros(), "times in order");
			}
		}
		assertReceived(receiver, 0, MESSAGES.length);
		assertEquals(MESSAGES.length, session.captured());
		assertEquals(0, session.dropped());

		session.close();
		assertFalse(session.isRunning());
		assertNull(listener.endReason, "a stopped capture does not report an end of its own");
		if (strategy == CaptureStrategy.PROXY) {
			RecordingListener.await(() -> visible(receiver).equals(kind.equals(CopyDataHelper.VISIBLE) ? "1" : "0"), 10,
					"the target shown again");
			assertEquals(title, receiver.title().get("title"), "the target's title is restored");
		}
		List<String> after = CopyDataHelper.run("send", className, title, lookupKind(kind), "0x20:3");
		assertEquals("RESULT 32 3 35 " + CopyDataHelper.fnv(CopyDataHelper.pattern(0x20, 3)), after.get(0));
		assertEquals(MESSAGES.length + 1, receiver.count(), "after stop the message reached the target directly");
		assertEquals(MESSAGES.length, listener.messages.size(), "and was not captured");
	}

	private static String visible(CopyDataHelper receiver) {
		try {
			return receiver.title().get("visible");
		} catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	private static void assertReceived(CopyDataHelper receiver, int from, int count) throws Exception {
		List<String> received = receiver.received();
		assertEquals(from + count, received.size(), "messages the receiver got: " + received);
		for (int i = 0; i < count; i++) {
			long dwData = MESSAGES[i][0];
			int size = (int) MESSAGES[i][1];
			assertEquals("MSG " + dwData + " " + size + " " + CopyDataHelper.fnv(CopyDataHelper.pattern(dwData, size)),
					received.get(from + i));
		}
	}

	static List<String> send(String className, String title, String kind) throws Exception {
		List<String> args = new ArrayList<>(List.of("send", className, title, lookupKind(kind)));
		for (long[] message : MESSAGES) {
			args.add("0x" + Long.toHexString(message[0]) + ":" + message[1]);
		}
		List<String> output = CopyDataHelper.run(args.toArray(String[]::new));
		assertEquals("DONE n=" + MESSAGES.length, output.get(output.size() - 1), String.valueOf(output));
		return output;
	}

	static String lookupKind(String kind) {
		return kind.equals(CopyDataHelper.MESSAGE_ONLY) ? kind : CopyDataHelper.TOP_LEVEL;
	}
}
