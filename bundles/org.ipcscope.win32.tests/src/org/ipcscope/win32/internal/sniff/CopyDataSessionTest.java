package org.ipcscope.win32.internal.sniff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.ipcscope.core.sniff.CaptureOptions;
import org.ipcscope.core.sniff.CaptureSession;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.WindowInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Floods, targets that go away, captures started again, and targets that cannot be captured. */
@EnabledOnOs(OS.WINDOWS)
class CopyDataSessionTest extends CaptureTestBase {

	private static final int FLOOD = 10_000;

	@Test
	void proxyFloodLosesNothing() throws Exception {
		RecordingListener listener = new RecordingListener();
		Flood flood = flood(CaptureStrategy.PROXY, CaptureOptions.DEFAULT, listener);
		assertEquals(FLOOD, flood.session.captured());
		assertEquals(0, flood.session.dropped());
		assertEquals(FLOOD, listener.messages.size());
		for (int i = 0; i < FLOOD; i++) {
			assertEquals(i + 1, listener.messages.get(i).dwData(), "in order");
		}
	}

	@Test
	void inProcessFloodIntoASmallRingCountsEveryDrop() throws Exception {
		RecordingListener listener = new RecordingListener();
		// 4 slots of 64 bytes: the target outruns a reader that sleeps 1 ms when the ring is empty
		Flood flood = flood(CaptureStrategy.IN_PROCESS, new CaptureOptions(64, 4), listener);
		long captured = flood.session.captured();
		long dropped = flood.session.dropped();
		System.out.println("FLOOD in-process, 4 slots: captured " + captured + ", dropped " + dropped);
		assertEquals(FLOOD, captured + dropped, "captured + dropped == sent");
		assertTrue(dropped > 0, "the small ring overflowed");
		assertEquals(dropped, listener.dropped, "the listener was told the total");
		assertEquals(captured, listener.messages.size());
		long previous = 0;
		for (CapturedMessage message : listener.messages) {
			assertTrue(message.dwData() > previous, "in order, none twice");
			previous = message.dwData();
			assertEquals(message.dwData() + 64, message.result());
		}
	}

	@Test
	void inProcessFloodIntoTheDefaultRingKeepsEverything() throws Exception {
		RecordingListener listener = new RecordingListener();
		Flood flood = flood(CaptureStrategy.IN_PROCESS, CaptureOptions.DEFAULT, listener);
		assertEquals(FLOOD, flood.session.captured() + flood.session.dropped());
		System.out.println("FLOOD in-process, default ring: captured " + flood.session.captured() + ", dropped "
				+ flood.session.dropped());
	}

	private record Flood(CaptureSession session) {
	}

	private Flood flood(CaptureStrategy strategy, CaptureOptions options, RecordingListener listener) throws Exception {
		String className = "IpcScopeFlood" + strategy.id();
		CopyDataHelper receiver = open(CopyDataHelper.receiver(className, "Flood", CopyDataHelper.MESSAGE_ONLY));
		CaptureSession session = open(sniffer.start(window(receiver), strategy, options, listener));
		List<String> output = CopyDataHelper.run("flood", className, "Flood", CopyDataHelper.MESSAGE_ONLY,
				Integer.toString(FLOOD), "64");
		// every result is dwData + 64: the sum proves each message was answered by the receiver
		long sum = (long) FLOOD * (FLOOD + 1) / 2 + 64L * FLOOD;
		assertEquals("DONE n=" + FLOOD + " failed=0 sum=" + sum, output.get(0));
		assertEquals(FLOOD, receiver.count(), "the receiver got every message");
		RecordingListener.await(() -> listener.messages.size() + listener.dropped >= FLOOD, 60, "all messages accounted");
		session.close();
		return new Flood(session);
	}

	@ParameterizedTest
	@EnumSource(CaptureStrategy.class)
	void aTargetThatGoesAwayEndsTheCaptureWithAReason(CaptureStrategy strategy) throws Exception {
		String className = "IpcScopeGone" + strategy.id();
		CopyDataHelper receiver = CopyDataHelper.receiver(className, "Gone", CopyDataHelper.TOP_LEVEL);
		open(receiver);
		RecordingListener listener = new RecordingListener();
		CaptureSession session = open(sniffer.start(window(receiver), strategy, CaptureOptions.DEFAULT, listener));
		CopyDataHelper.run("send", className, "Gone", CopyDataHelper.TOP_LEVEL, "1:10");
		receiver.close();
		assertTrue(listener.awaitEnded(20), "ended() within 20 s");
		assertTrue(listener.endReason.contains(WindowHandles.hex(receiver.hwnd)), listener.endReason);
		assertTrue(listener.endReason.contains("gone") || listener.endReason.contains("destroyed"), listener.endReason);
		assertEquals(1, listener.messages.size(), "what was captured before still arrived");
		RecordingListener.await(() -> !session.isRunning(), 10, "the session to stop");
		// the session leaves the sniffer's list once it gave the target back
		RecordingListener.await(() -> sniffer.sessions().isEmpty(), 10, "the sniffer to forget the session");
	}

	@ParameterizedTest
	@EnumSource(CaptureStrategy.class)
	void aTargetCanBeCapturedAgainAfterStop(CaptureStrategy strategy) throws Exception {
		String className = "IpcScopeAgain" + strategy.id();
		CopyDataHelper receiver = open(CopyDataHelper.receiver(className, "Again", CopyDataHelper.MESSAGE_ONLY));
		for (int round = 1; round <= 3; round++) {
			RecordingListener listener = new RecordingListener();
			try (CaptureSession session = sniffer.start(window(receiver), strategy, CaptureOptions.DEFAULT, listener)) {
				CopyDataHelper.run("send", className, "Again", CopyDataHelper.MESSAGE_ONLY, round + ":5");
				RecordingListener.await(() -> listener.messages.size() == 1, 20, "the message of round " + round);
				assertEquals(round, listener.messages.get(0).dwData());
			}
		}
		assertEquals(3, receiver.count());
	}

	@Test
	void theProxyPassesApplicationMessagesOnToTheTarget() throws Exception {
		CopyDataHelper receiver = open(CopyDataHelper.receiver("IpcScopeUser", "User", CopyDataHelper.MESSAGE_ONLY));
		RecordingListener listener = new RecordingListener();
		open(sniffer.start(window(receiver), CaptureStrategy.PROXY, CaptureOptions.DEFAULT, listener));
		assertEquals(List.of("USER 42"), CopyDataHelper.run("user", "IpcScopeUser", "User", CopyDataHelper.MESSAGE_ONLY, "21"),
				"WM_USER + 1 reached the receiver through the proxy, and its answer came back");
		assertEquals(0, listener.messages.size(), "only WM_COPYDATA is captured");
	}

	@Test
	void aWindowThatIsGoneIsRefusedWithAClearMessage() throws Exception {
		CopyDataHelper receiver = CopyDataHelper.receiver("IpcScopeShortLived", "Short", CopyDataHelper.MESSAGE_ONLY);
		WindowInfo window = window(receiver);
		receiver.close();
		for (CaptureStrategy strategy : CaptureStrategy.values()) {
			IOException e = assertThrows(IOException.class,
					() -> sniffer.start(window, strategy, CaptureOptions.DEFAULT, new RecordingListener()));
			assertEquals("Window " + WindowHandles.hex(window.hwnd()) + " no longer exists.", e.getMessage());
		}
	}

	@Test
	void ourOwnWindowIsRefused() throws Exception {
		WindowInfo own = new WindowInfo(0, "", "", ProcessHandle.current().pid(), 0, "java.exe", false);
		// a window of ours: the proxy's own, which lives only while a capture runs
		CopyDataHelper receiver = open(CopyDataHelper.receiver("IpcScopeOwn", "Own", CopyDataHelper.MESSAGE_ONLY));
		try (CaptureSession session = sniffer.start(window(receiver), CaptureStrategy.PROXY, CaptureOptions.DEFAULT,
				new RecordingListener())) {
			WindowInfo proxy = sniffer.windows().stream()
					.filter(w -> w.className().equals("IpcScopeOwn") && w.pid() == own.pid()).findFirst().orElseThrow();
			IOException e = assertThrows(IOException.class, () -> sniffer.start(proxy, CaptureStrategy.IN_PROCESS,
					CaptureOptions.DEFAULT, new RecordingListener()));
			assertTrue(e.getMessage().contains("belongs to IPC Scope itself"), e.getMessage());
		}
	}

	@Test
	void aSecondProxyForTheSameClassIsRefusedAndLeavesTheFirstRunning() throws Exception {
		CopyDataHelper first = open(CopyDataHelper.receiver("IpcScopeTwice", "One", CopyDataHelper.MESSAGE_ONLY));
		CopyDataHelper second = open(CopyDataHelper.receiver("IpcScopeTwice", "Two", CopyDataHelper.MESSAGE_ONLY));
		RecordingListener listener = new RecordingListener();
		CaptureSession session = open(sniffer.start(window(first), CaptureStrategy.PROXY, CaptureOptions.DEFAULT, listener));
		IOException e = assertThrows(IOException.class,
				() -> sniffer.start(window(second), CaptureStrategy.PROXY, CaptureOptions.DEFAULT, new RecordingListener()));
		assertEquals("A proxy for window class 'IpcScopeTwice' is already running in IPC Scope.", e.getMessage());
		assertEquals("Two", second.title().get("title"), "the refused target was left as it was");
		assertTrue(session.isRunning());
		CopyDataHelper.run("send", "IpcScopeTwice", "One", CopyDataHelper.MESSAGE_ONLY, "9:9");
		RecordingListener.await(() -> listener.messages.size() == 1, 20, "the first proxy still captures");
	}

	@Test
	void theWindowUnderTheCursorIsTheTopLevelWindowThere() throws Exception {
		CopyDataHelper receiver = open(CopyDataHelper.receiver("IpcScopeCursor", "Cursor", CopyDataHelper.VISIBLE));
		// the receiver's window is at (0, 0), 200 x 100
		assertTrue(com.sun.jna.platform.win32.User32.INSTANCE.SetCursorPos(50, 40));
		WindowInfo under = sniffer.windowUnderCursor().orElseThrow();
		assertEquals(receiver.hwnd, under.hwnd());
		assertEquals("IpcScopeCursor", under.className());
		assertFalse(under.messageOnly());
	}

	@Test
	void integrityLevelsAreReadFromTheTokens() throws Exception {
		CopyDataHelper receiver = open(CopyDataHelper.receiver("IpcScopeLevel", "Level", CopyDataHelper.MESSAGE_ONLY));
		int ours = TargetChecks.integrityLevel(com.sun.jna.platform.win32.Kernel32.INSTANCE.GetCurrentProcess());
		System.out.println("integrity level of the test JVM: 0x" + Integer.toHexString(ours) + " ("
				+ TargetChecks.levelName(ours) + ")");
		assertTrue(ours >= 0x1000, "a mandatory label was read: " + ours);
		var process = com.sun.jna.platform.win32.Kernel32.INSTANCE.OpenProcess(0x1000, false, (int) receiver.pid);
		try {
			assertEquals(ours, TargetChecks.integrityLevel(process), "a child runs at its parent's level");
		} finally {
			com.sun.jna.platform.win32.Kernel32.INSTANCE.CloseHandle(process);
		}
	}
}
