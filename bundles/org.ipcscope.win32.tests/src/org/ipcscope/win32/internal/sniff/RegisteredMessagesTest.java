package org.ipcscope.win32.internal.sniff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.sniff.CaptureOptions;
import org.ipcscope.core.sniff.CaptureSession;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.MessageSelection;
import org.ipcscope.core.sniff.WindowInfo;
import org.ipcscope.core.sniff.WindowMessages;
import org.ipcscope.win32.internal.HelperChannel;
import org.ipcscope.win32.internal.memory.WindowsProcessMemoryProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The registered-message protocol of a classic Win32 recipe (native/regmsg_helper.c): a sender
 * registers "Mapped", "Handle" and "Shared", finds the receiver with FindWindow and sends them,
 * "Handle" with its pid and a GlobalAlloc'd buffer's address, then posts "Shared". Both strategies
 * show each message by name, in order, with wParam, lParam and the receiver's result; the default
 * selection leaves out the receiver's WM_TIMERs; the pid and address in a captured message lead
 * to the sender's buffer through the memory API the hex editor uses.
 */
@EnabledOnOs(OS.WINDOWS)
class RegisteredMessagesTest extends CaptureTestBase {

	private static final long ANSWER_SECONDS = 120;

	@ParameterizedTest
	@EnumSource(CaptureStrategy.class)
	void theSeedProtocolIsCapturedByNameInOrderAndLeadsToTheSendersBuffer(CaptureStrategy strategy) throws Exception {
		String className = "IpcScopeRegMsg" + strategy.id();
		String text = "shared text from the sender " + strategy.id() + " " + System.nanoTime();
		HelperChannel receiver = open(new HelperChannel("regmsg_helper.exe", List.of("receive", className, "Receive"),
				ANSWER_SECONDS));
		WindowInfo window = window(HelperChannel.values(receiver.line(), "READY"));

		RecordingListener listener = new RecordingListener();
		CaptureSession session = open(sniffer.start(window, strategy,
				CaptureOptions.DEFAULT.withMessages(MessageSelection.DEFAULT), listener));
		RecordingListener.await(() -> ticks(receiver) > 0, 30, "the receiver's timer to run");

		HelperChannel sender = open(new HelperChannel("regmsg_helper.exe", List.of("send", className, "Receive", text),
				ANSWER_SECONDS));
		List<Map<String, String>> sent = new ArrayList<>();
		for (String prefix : List.of("SENT Mapped", "SENT Handle", "SENT Shared", "POSTED Shared")) {
			sent.add(HelperChannel.values(sender.line(), prefix));
		}
		Map<String, String> done = HelperChannel.values(sender.line(), "DONE");
		long senderPid = Long.parseLong(done.get("pid"));
		long address = Long.decode(done.get("address"));
		assertEquals("101", sent.get(0).get("result"));
		assertEquals(String.valueOf(text.length()), sent.get(1).get("result"), "the receiver read the buffer");
		assertEquals("103", sent.get(2).get("result"));

		RecordingListener.await(() -> registered(listener).size() >= 4, 30, "4 registered messages: " + listener.messages);
		List<CapturedMessage> got = registered(listener);
		assertEquals(List.of("Mapped", "Handle", "Shared", "Shared"), got.stream().map(CapturedMessage::displayName).toList());
		assertEquals(List.of(CapturedMessage.Kind.SENT, CapturedMessage.Kind.SENT, CapturedMessage.Kind.SENT,
				CapturedMessage.Kind.POSTED), got.stream().map(CapturedMessage::kind).toList());
		long[] wParams = { 0, senderPid, 0, 0x5eed };
		long[] lParams = { 0, address, 0, address };
		long[] results = { 101, text.length(), 103, CapturedMessage.UNKNOWN_RESULT };
		for (int i = 0; i < 4; i++) {
			CapturedMessage message = got.get(i);
			assertEquals(Integer.decode(sent.get(i).get("id")), message.message(), "message number " + i);
			assertEquals(wParams[i], message.wParam(), "wParam " + i);
			assertEquals(lParams[i], message.lParam(), "lParam " + i);
			assertEquals(results[i], message.result(), "result " + i);
			assertEquals(window.hwnd(), message.target());
			assertEquals(0, message.payload().length);
		}
		assertTrue(got.get(0).sequence() < got.get(3).sequence(), "sequence in order");
		assertTrue(listener.messages.stream().noneMatch(m -> m.message() == 0x0113),
				"the default selection leaves out WM_TIMER: " + listener.messages);
		assertTrue(ticks(receiver) > 0);

		List<String> received = list(receiver);
		assertEquals(List.of("MSG Mapped sent 0 0x0 -", "MSG Handle sent " + senderPid + " 0x" + Long.toHexString(address)
				+ " " + text, "MSG Shared sent 0 0x0 -", "MSG Shared posted " + 0x5eed + " 0x" + Long.toHexString(address)
				+ " -"), received, "the receiver got each message as sent");

		// what "Open in Hex Editor" on the Handle message does: process wParam's memory at lParam
		CapturedMessage handle = got.get(1);
		try (MemorySource memory = new WindowsProcessMemoryProvider().open(handle.wParam(), false)) {
			MemoryRead read = memory.read(handle.lParam(), text.length() + 1);
			assertTrue(read.isComplete(), "the buffer is readable");
			byte[] expected = (text + "\0").getBytes(StandardCharsets.UTF_8);
			assertArrayEquals(expected, read.bytes(), new String(read.bytes(), StandardCharsets.UTF_8));
		}
		session.close();
	}

	@Test
	void inProcessASendFromTheWindowsOwnThreadNamesThatThreadAndProcess() throws Exception {
		HelperChannel receiver = open(new HelperChannel("regmsg_helper.exe", List.of("receive", "IpcScopeRegMsgSelf",
				"Receive self"), ANSWER_SECONDS));
		Map<String, String> ready = HelperChannel.values(receiver.line(), "READY");
		WindowInfo window = window(ready);
		RecordingListener listener = new RecordingListener();
		open(sniffer.start(window, CaptureStrategy.IN_PROCESS,
				CaptureOptions.DEFAULT.withMessages(MessageSelection.parse("WM_APP+1,Mapped")), listener));

		receiver.send("self");
		assertEquals("OK", receiver.line());
		RecordingListener.await(() -> listener.messages.size() >= 2, 30, "2 messages: " + listener.messages);

		CapturedMessage posted = listener.messages.get(0);
		assertEquals("WM_APP+0x1", posted.displayName());
		assertEquals(CapturedMessage.Kind.POSTED, posted.kind());
		assertTrue(posted.lParam() != 0, "the event handle the helper posted");
		assertEquals(CapturedMessage.UNKNOWN_RESULT, posted.result());
		CapturedMessage mapped = listener.messages.get(1);
		assertEquals("Mapped", mapped.displayName());
		assertEquals(CapturedMessage.Kind.SENT, mapped.kind());
		assertEquals(7, mapped.wParam());
		assertEquals(8, mapped.lParam());
		assertEquals(101, mapped.result());
		assertEquals(Long.parseLong(ready.get("pid")), mapped.senderPid(), "sent by the window's own process");
		assertEquals(Long.parseLong(ready.get("thread")), mapped.senderThread(), "and its own thread");
		assertEquals(2, listener.messages.size(), "nothing outside the selection: " + listener.messages);
	}

	/** @return the receiver's window (its READY line's hwnd) as the sniffer lists it */
	private WindowInfo window(Map<String, String> ready) throws Exception {
		long hwnd = Long.decode(ready.get("hwnd"));
		return sniffer.windows().stream().filter(w -> w.hwnd() == hwnd).findFirst()
				.orElseThrow(() -> new AssertionError("receiver window 0x" + Long.toHexString(hwnd) + " not listed"));
	}

	private static List<CapturedMessage> registered(RecordingListener listener) {
		return listener.messages.stream().filter(m -> WindowMessages.isRegistered(m.message())).toList();
	}

	private static long ticks(HelperChannel receiver) {
		try {
			Map<String, String> values = new HashMap<>();
			command(receiver, values);
			return Long.parseLong(values.get("ticks"));
		} catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	private static List<String> list(HelperChannel receiver) throws Exception {
		return command(receiver, new HashMap<>());
	}

	private static List<String> command(HelperChannel receiver, Map<String, String> values) throws Exception {
		receiver.send("list");
		List<String> lines = new ArrayList<>();
		for (String line = receiver.line(); ; line = receiver.line()) {
			if (line.startsWith("OK")) {
				values.putAll(HelperChannel.values(line, "OK"));
				return lines;
			}
			assertTrue(!line.startsWith("ERROR"), line);
			lines.add(line);
		}
	}
}
