package org.ipcscope.win32.internal.traffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.core.traffic.TrafficRequest;
import org.ipcscope.core.traffic.TrafficSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ipcscope_capture.dll in real helper processes: a named pipe, a mailslot and TCP on 127.0.0.1,
 * each transfer byte-exact and in order in the process that made it, while the programs' own
 * exchange goes on unchanged.
 */
class TrafficCaptureTest {

	private static final int[] SIZES = { 0, 1, 64 * 1024, 1024 * 1024 };
	/**
	 * Wine 8, capture or not, fails the read of a 0-byte mailslot message (ERROR_BROKEN_PIPE) and
	 * the write of a 1 MiB one (ERROR_GEN_FAILURE); 200 000 bytes go through.
	 */
	private static final int[] MAILSLOT_SIZES = { 1, 64 * 1024, 200_000 };
	private static final int CAP = 2 * 1024 * 1024;

	private final Win32TrafficCapturer capturer = new Win32TrafficCapturer();
	private final List<AutoCloseable> toClose = new ArrayList<>();
	private final RecordingTrafficListener listener = new RecordingTrafficListener();

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable closeable : toClose.reversed()) {
			closeable.close();
		}
		capturer.deactivate();
	}

	private <T extends AutoCloseable> T open(T closeable) {
		toClose.add(closeable);
		return closeable;
	}

	static String uniqueName(String what) {
		return "ipcscope-tap-" + what + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
	}

	private TrafficSession capture(String object, Set<IpcKind> kinds, int ringRecords, long... pids)
			throws IOException {
		Set<Long> set = new java.util.HashSet<>();
		for (long pid : pids) {
			set.add(pid);
		}
		return open(capturer.start(new TrafficRequest(set, object, kinds, CAP, ringRecords), listener));
	}

	/**
	 * The servers wait in their first read when the capture starts: a first message of 2 bytes
	 * completes that read. A ReadFile already waiting is recorded when it returns
	 * ({@link InFlightCaptureTest}); a wait in GetOverlappedResult or recv is not (documented).
	 */
	static void warmUp(TrafficHelper client, TrafficHelper server) throws Exception {
		assertEquals("SENT 2 " + TrafficHelper.fnv(TrafficHelper.pattern(2)), client.command("send 2"));
		assertEquals("MSG 1 2 " + TrafficHelper.fnv(TrafficHelper.pattern(2)), server.line());
	}

	@Test
	void namedPipeTransfersAreByteExactInOrderInTheProcessThatMadeThem() throws Exception {
		pipeExchange(false);
	}

	@Test
	void overlappedReadsAreRecordedWhenTheyComplete() throws Exception {
		pipeExchange(true);
	}

	private void pipeExchange(boolean overlapped) throws Exception {
		String name = uniqueName("pipe");
		String object = "\\\\.\\pipe\\" + name;
		TrafficHelper server = open(overlapped ? new TrafficHelper("pipe-server", name, "ack", "overlapped")
				: new TrafficHelper("pipe-server", name, "ack"));
		TrafficHelper client = open(new TrafficHelper("pipe-client", name));
		capture(object, Set.of(), 1024, server.pid, client.pid);
		assertEquals(Set.of(server.pid, client.pid), listener.attached.keySet(), listener.refused.toString());
		warmUp(client, server);
		for (int i = 0; i < SIZES.length; i++) {
			byte[] sent = TrafficHelper.pattern(SIZES[i]);
			assertEquals("SENT " + SIZES[i] + " " + TrafficHelper.fnv(sent), client.command("send " + SIZES[i]));
			// the server still gets what the client sent
			assertEquals("MSG " + (i + 2) + " " + SIZES[i] + " " + TrafficHelper.fnv(sent), server.line());
		}
		List<TrafficRecord> writes = listener.await(r -> r.pid() == client.pid && r.op() == TrafficOp.WRITE,
				SIZES.length + 1, "client writes");
		// the plain server's first read waited in ReadFile at the start; the overlapped one's in GetOverlappedResult
		int warmUpRead = overlapped ? 0 : 1;
		List<TrafficRecord> reads = listener.await(r -> r.pid() == server.pid && r.op() == TrafficOp.READ,
				SIZES.length + warmUpRead, "server reads");
		List<TrafficRecord> acks = listener.await(r -> r.pid() == server.pid && r.op() == TrafficOp.WRITE,
				SIZES.length + 1, "server acks");
		List<TrafficRecord> ackReads = listener.await(r -> r.pid() == client.pid && r.op() == TrafficOp.READ,
				SIZES.length + 1, "client reads of the acks");
		assertEquals(SIZES.length + warmUpRead, reads.size(), "the read already waiting at the start: " + reads);
		assertTransfer(writes.get(0), object, "WriteFile", TrafficHelper.pattern(2));
		if (warmUpRead == 1) {
			assertTransfer(reads.get(0), object, "ReadFile", TrafficHelper.pattern(2));
		}
		for (int i = 0; i < SIZES.length; i++) {
			byte[] sent = TrafficHelper.pattern(SIZES[i]);
			assertTransfer(writes.get(i + 1), object, "WriteFile", sent);
			assertTransfer(reads.get(i + warmUpRead), object, "ReadFile", sent);
			byte[] ack = ("ack " + (i + 2)).getBytes();
			assertTransfer(acks.get(i + 1), object, "WriteFile", ack);
			assertTransfer(ackReads.get(i + 1), object, "ReadFile", ack);
			assertEquals(2 * 1024 * 1024, reads.get(i + warmUpRead).requested(), "the server asks for its whole buffer");
		}
		assertSequenced();
		assertEquals(0, listener.dropped);
	}

	static void assertTransfer(TrafficRecord record, String object, String call, byte[] payload) {
		assertEquals(object, record.object(), record.toString());
		assertEquals(call, record.call(), record.toString());
		assertEquals(0, record.status(), record.toString());
		assertEquals(payload.length, record.transferred(), record.toString());
		assertArrayEquals(payload, record.payload(), record.call() + " of " + payload.length + " bytes");
		assertEquals(TrafficRecord.HandleKind.HANDLE, record.handleKind());
		assertTrue(record.handle() != 0 && record.tid() != 0, record.toString());
	}

	/** Sequence numbers 1, 2, 3... and each process's records in the order of its calls' times. */
	private void assertSequenced() {
		List<TrafficRecord> all = listener.records();
		for (int i = 0; i < all.size(); i++) {
			assertEquals(i + 1, all.get(i).sequence());
		}
		for (long pid : listener.attached.keySet()) {
			long last = 0;
			for (TrafficRecord record : all) {
				if (record.pid() == pid) {
					assertTrue(record.timeMicros() >= last, "times of " + pid + " in order");
					last = record.timeMicros();
				}
			}
		}
	}

	@Test
	void mailslotMessagesAreCapturedInWriterAndReader() throws Exception {
		String name = uniqueName("slot");
		String object = "\\\\.\\mailslot\\" + name;
		TrafficHelper server = open(new TrafficHelper("mailslot-server", name));
		TrafficHelper client = open(new TrafficHelper("mailslot-client", name));
		capture(object, Set.of(), 1024, server.pid, client.pid);
		warmUp(client, server);
		for (int i = 0; i < MAILSLOT_SIZES.length; i++) {
			byte[] sent = TrafficHelper.pattern(MAILSLOT_SIZES[i]);
			assertEquals("SENT " + MAILSLOT_SIZES[i] + " " + TrafficHelper.fnv(sent), client.command("send " + MAILSLOT_SIZES[i]));
			assertEquals("MSG " + (i + 2) + " " + MAILSLOT_SIZES[i] + " " + TrafficHelper.fnv(sent), server.line());
		}
		List<TrafficRecord> writes = listener.await(r -> r.pid() == client.pid && r.op() == TrafficOp.WRITE,
				MAILSLOT_SIZES.length + 1, "client writes");
		// the warm-up's read was already waiting in ReadFile at the start: recorded when it returned
		List<TrafficRecord> reads = listener.await(r -> r.pid() == server.pid && r.op() == TrafficOp.READ,
				MAILSLOT_SIZES.length + 1, "server reads");
		assertTransfer(reads.get(0), object, "ReadFile", TrafficHelper.pattern(2));
		for (int i = 0; i < MAILSLOT_SIZES.length; i++) {
			byte[] sent = TrafficHelper.pattern(MAILSLOT_SIZES[i]);
			assertTransfer(writes.get(i + 1), object, "WriteFile", sent);
			assertTransfer(reads.get(i + 1), object, "ReadFile", sent);
		}
		assertSequenced();
	}

	@Test
	void tcpStreamsAreCapturedByteExactOnBothEnds() throws Exception {
		TrafficHelper server = open(new TrafficHelper("tcp-server"));
		String port = server.ready.get("port");
		TrafficHelper client = open(new TrafficHelper("tcp-client", port));
		capture(null, Set.of(IpcKind.TCP), 1024, server.pid, client.pid);
		warmUp(client, server);
		ByteArrayOutputStream stream = new ByteArrayOutputStream();
		for (int i = 0; i < SIZES.length; i++) {
			byte[] sent = TrafficHelper.pattern(SIZES[i]);
			assertEquals("SENT " + SIZES[i] + " " + TrafficHelper.fnv(sent), client.command("send " + SIZES[i]));
			assertEquals("MSG " + (i + 2) + " " + SIZES[i] + " " + TrafficHelper.fnv(sent), server.line());
			int size = SIZES[i];
			stream.write(new byte[] { (byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24) });
			stream.write(sent);
		}
		byte[] expected = stream.toByteArray();
		// the warm-up's 4-byte header went to the recv already waiting at the start; its 2-byte body is recorded
		ByteArrayOutputStream clientStream = new ByteArrayOutputStream();
		clientStream.writeBytes(new byte[] { 2, 0, 0, 0 });
		clientStream.writeBytes(TrafficHelper.pattern(2));
		ByteArrayOutputStream serverStream = new ByteArrayOutputStream();
		serverStream.writeBytes(TrafficHelper.pattern(2));
		clientStream.writeBytes(expected);
		serverStream.writeBytes(expected);
		listener.await(r -> r.pid() == client.pid && r.op() == TrafficOp.READ, SIZES.length + 1, "client's acks");
		assertArrayEquals(clientStream.toByteArray(), joined(client.pid, TrafficOp.WRITE, "send"),
				"the client's sends joined");
		RecordingTrafficListener.waitFor(
				() -> joined(server.pid, TrafficOp.READ, "recv").length == serverStream.size(), "the server's recvs");
		assertArrayEquals(serverStream.toByteArray(), joined(server.pid, TrafficOp.READ, "recv"),
				"the server's recvs joined");
		String serverEnd = "127.0.0.1:" + port;
		for (TrafficRecord record : listener.records()) {
			String object = record.object();
			assertTrue(record.pid() == server.pid ? object.startsWith(serverEnd + " -> 127.0.0.1:")
					: object.endsWith(" -> " + serverEnd), "named as list names TCP: " + object);
		}
		assertSequenced();
	}

	private byte[] joined(long pid, TrafficOp op, String call) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (TrafficRecord record : listener.records(r -> r.pid() == pid && r.op() == op)) {
			assertEquals(call, record.call());
			assertEquals(record.transferred(), record.payload().length, "nothing cut under the cap");
			out.writeBytes(record.payload());
		}
		return out.toByteArray();
	}

	@Test
	void aFloodIsCapturedOrCountedAsDroppedMessageForMessage() throws Exception {
		String name = uniqueName("flood");
		TrafficHelper server = open(new TrafficHelper("pipe-server", name, "noack"));
		TrafficHelper client = open(new TrafficHelper("pipe-client", name));
		// a small ring, so that the flood fills it
		TrafficSession session = capture("\\\\.\\pipe\\" + name, Set.of(), 64, server.pid);
		// completes the read waiting at the start, which is recorded when it returns
		assertEquals("FLOODED n=1", client.command("flood 1 100"));
		assertEquals("COUNT 1", server.line());
		RecordingTrafficListener.waitFor(() -> reads(server.pid) + session.dropped() == 1, "the first message's read");
		int messages = 10_000 + 1;
		assertEquals("FLOODED n=" + (messages - 1), client.command("flood " + (messages - 1) + " 100"));
		for (int count = 1001; count <= messages; count += 1000) {
			assertEquals("COUNT " + count, server.line());
		}
		RecordingTrafficListener.waitFor(() -> reads(server.pid) + session.dropped() >= messages,
				"captured " + reads(server.pid) + " + dropped " + session.dropped() + " reach " + messages);
		assertEquals(messages, reads(server.pid) + session.dropped(), "captured + dropped == sent");
		assertEquals(session.dropped(), listener.dropped, "the listener was told the drops");
		System.out.println("flood of " + messages + ": captured " + reads(server.pid) + ", dropped " + session.dropped());
	}

	private long reads(long pid) {
		return listener.records(r -> r.pid() == pid && r.op() == TrafficOp.READ && r.status() == 0).size();
	}

	@Test
	void afterStopNothingIsCapturedTheTargetsWorkOnAndTheDllLeaves() throws Exception {
		String name = uniqueName("stop");
		TrafficHelper server = open(new TrafficHelper("pipe-server", name, "ack"));
		TrafficHelper client = open(new TrafficHelper("pipe-client", name));
		TrafficSession session = capture(null, Set.of(), 256, server.pid, client.pid);
		assertTrue(LoadedCheck.loaded(server.pid) && LoadedCheck.loaded(client.pid), "the DLL is in both targets");
		client.command("send 16");
		server.line();
		listener.await(r -> r.pid() == client.pid && r.op() == TrafficOp.READ, 1, "the ack's read");
		session.close();
		assertFalse(session.isRunning());
		assertEquals(Set.of(server.pid, client.pid), listener.detached.keySet());
		int before = listener.records().size();
		byte[] sent = TrafficHelper.pattern(32);
		assertEquals("SENT 32 " + TrafficHelper.fnv(sent), client.command("send 32"));
		assertEquals("MSG 2 32 " + TrafficHelper.fnv(sent), server.line());
		// the server's read that was waiting inside a hook has returned: the DLL can leave both
		RecordingTrafficListener.waitFor(() -> !LoadedCheck.loaded(server.pid) && !LoadedCheck.loaded(client.pid),
				"ipcscope_capture.dll unloaded from both targets");
		assertEquals(before, listener.records().size(), "nothing captured after stop");
		assertEquals("SENT 48 " + TrafficHelper.fnv(TrafficHelper.pattern(48)), client.command("send 48"));
		assertEquals("MSG 3 48 " + TrafficHelper.fnv(TrafficHelper.pattern(48)), server.line());
		assertEquals(null, listener.ended, "a stopped capture did not end by itself");
	}

	@Test
	void aTargetThatExitsWhileCapturedIsLetGoAndTheOthersGoOn() throws Exception {
		String name = uniqueName("exit");
		TrafficHelper server = open(new TrafficHelper("pipe-server", name, "ack"));
		TrafficHelper client = open(new TrafficHelper("pipe-client", name));
		TrafficSession session = capture(null, Set.of(), 256, server.pid, client.pid);
		client.command("send 8");
		server.line();
		listener.await(r -> r.pid() == client.pid && r.op() == TrafficOp.READ, 1, "the ack's read");
		client.send("exit");
		RecordingTrafficListener.waitFor(() -> listener.detached.containsKey(client.pid), "the client let go");
		assertTrue(listener.detached.get(client.pid).contains("the process ended"), listener.detached.toString());
		// the server's read fails when the client's end goes: still captured, with its error
		TrafficRecord broken = listener.await(r -> r.pid() == server.pid && r.op() == TrafficOp.READ && r.failed(), 1,
				"the server's failed read").get(0);
		assertEquals("ERROR_BROKEN_PIPE", broken.error());
		assertEquals("END 1 error=109", server.line());
		assertTrue(session.isRunning(), "the server is still captured");
		session.close();
		assertTrue(server.isAlive());
	}

	@Test
	void whenIpcScopeEndsTheDllLetsGoByItselfAndTheTargetsRunOn() throws Exception {
		String name = uniqueName("kill");
		TrafficHelper server = open(new TrafficHelper("pipe-server", name, "ack"));
		TrafficHelper client = open(new TrafficHelper("pipe-client", name));
		TrafficHelper playsIpcScope = new TrafficHelper("sleep");
		Win32TrafficCapturer doomed = new Win32TrafficCapturer(playsIpcScope.pid);
		TrafficSession session = open(doomed.start(new TrafficRequest(Set.of(server.pid, client.pid), null, Set.of(),
				CAP, 256), listener));
		client.command("send 8");
		server.line();
		listener.await(r -> r.pid() == client.pid && r.op() == TrafficOp.READ, 1, "the ack's read");
		playsIpcScope.close(); // its end is what the DLLs watch
		List<ProcessTap> taps = ((Win32TrafficSession) session).taps();
		RecordingTrafficListener.waitFor(() -> taps.stream().allMatch(t -> t.state() != TrafficRing.ATTACHED),
				"both DLLs unhooked by themselves");
		int before = listener.records().size();
		// the client's stdin read and the server's pipe read were waiting inside hooks: these commands free them
		assertEquals("SENT 24 " + TrafficHelper.fnv(TrafficHelper.pattern(24)), client.command("send 24"));
		assertEquals("MSG 2 24 " + TrafficHelper.fnv(TrafficHelper.pattern(24)), server.line());
		RecordingTrafficListener.waitFor(() -> !LoadedCheck.loaded(server.pid) && !LoadedCheck.loaded(client.pid),
				"the DLLs left both targets by themselves");
		assertEquals(before, listener.records().size(), "nothing captured once the watched process ended");
		assertTrue(session.isRunning());
	}

	@Test
	void processesThatCannotBeCapturedAreRefusedWithAReason() throws Exception {
		long self = ProcessHandle.current().pid();
		IOException own = assertThrows(IOException.class, () -> capturer.start(TrafficRequest.of(Set.of(self)), listener));
		assertTrue(own.getMessage().contains("IPC Scope itself"), own.getMessage());
		IOException gone = assertThrows(IOException.class,
				() -> capturer.start(TrafficRequest.of(Set.of(0x7ffffff0L)), listener));
		assertTrue(gone.getMessage().startsWith("No process"), gone.getMessage());
		IOException kind = assertThrows(IOException.class, () -> capturer.start(
				new TrafficRequest(Set.of(self), null, Set.of(IpcKind.FIFO), 16, 16), listener));
		assertTrue(kind.getMessage().contains("named pipes, mailslots, TCP and UDP"), kind.getMessage());
	}
}
