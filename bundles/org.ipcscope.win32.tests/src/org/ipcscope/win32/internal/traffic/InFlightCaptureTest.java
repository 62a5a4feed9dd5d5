package org.ipcscope.win32.internal.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.core.traffic.TrafficRequest;
import org.ipcscope.core.traffic.TrafficSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calls that were already waiting when the capture started, in real helpers: a pipe server and a
 * mailslot server blocked in ReadFile, a pipe server blocked in ConnectNamedPipe. Their completion
 * is recorded when they return; a capture stopped while they still wait gives them back to the
 * program, which goes on unchanged, and the DLL leaves.
 */
class InFlightCaptureTest {

	private static final String WAITING = "1 calls already waiting recorded when they return";

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

	private TrafficSession capture(String object, long... pids) throws Exception {
		Set<Long> set = new java.util.HashSet<>();
		for (long pid : pids) {
			set.add(pid);
		}
		return open(capturer.start(new TrafficRequest(set, object, Set.of(), 1 << 21, 1024), listener));
	}

	@Test
	void aReadFileWaitingWhenTheCaptureStartsIsRecordedWhenItReturns() throws Exception {
		String name = TrafficCaptureTest.uniqueName("inflight");
		String object = "\\\\.\\pipe\\" + name;
		TrafficHelper server = open(new TrafficHelper("pipe-server", name, "ack"));
		TrafficHelper client = open(new TrafficHelper("pipe-client", name));
		// the server answered: now it waits in its next ReadFile, unhooked
		TrafficCaptureTest.warmUp(client, server);
		TrafficSession session = capture(object, server.pid);
		assertTrue(listener.attached.get(server.pid).contains(WAITING), listener.attached.toString());
		byte[] first = TrafficHelper.pattern(300);
		assertEquals("SENT 300 " + TrafficHelper.fnv(first), client.command("send 300"));
		assertEquals("MSG 2 300 " + TrafficHelper.fnv(first), server.line());
		byte[] second = TrafficHelper.pattern(5);
		assertEquals("SENT 5 " + TrafficHelper.fnv(second), client.command("send 5"));
		assertEquals("MSG 3 5 " + TrafficHelper.fnv(second), server.line());
		List<TrafficRecord> reads = listener.await(r -> r.op() == TrafficOp.READ, 2, "the server's reads");
		TrafficCaptureTest.assertTransfer(reads.get(0), object, "ReadFile", first);
		assertEquals(2 * 1024 * 1024, reads.get(0).requested(), "the size the waiting call asked for");
		assertEquals(server.pid, reads.get(0).pid());
		TrafficCaptureTest.assertTransfer(reads.get(1), object, "ReadFile", second);
		assertEquals(reads.get(0).handle(), reads.get(1).handle(), "the same handle, found for the waiting call");
		// the ack written in between comes between the two reads
		List<TrafficRecord> all = listener.records(r -> r.op() != TrafficOp.CONNECT);
		assertEquals(TrafficOp.WRITE, all.get(all.indexOf(reads.get(0)) + 1).op(), all.toString());
		session.close();
		assertEquals("SENT 7 " + TrafficHelper.fnv(TrafficHelper.pattern(7)), client.command("send 7"));
		assertEquals("MSG 4 7 " + TrafficHelper.fnv(TrafficHelper.pattern(7)), server.line());
		RecordingTrafficListener.waitFor(() -> !LoadedCheck.loaded(server.pid), "ipcscope_capture.dll unloaded");
	}

	@Test
	void aCaptureStoppedWhileTheCallWaitsGivesItBackToTheProgram() throws Exception {
		String name = TrafficCaptureTest.uniqueName("inflightstop");
		TrafficHelper server = open(new TrafficHelper("pipe-server", name, "ack"));
		TrafficHelper client = open(new TrafficHelper("pipe-client", name));
		TrafficCaptureTest.warmUp(client, server);
		TrafficSession session = capture("\\\\.\\pipe\\" + name, server.pid);
		assertTrue(listener.attached.get(server.pid).contains(WAITING), listener.attached.toString());
		session.close();
		// the DLL leaves while the read still waits: its return address is the program's again
		RecordingTrafficListener.waitFor(() -> !LoadedCheck.loaded(server.pid), "ipcscope_capture.dll unloaded");
		byte[] sent = TrafficHelper.pattern(64);
		assertEquals("SENT 64 " + TrafficHelper.fnv(sent), client.command("send 64"));
		assertEquals("MSG 2 64 " + TrafficHelper.fnv(sent), server.line());
		assertEquals(List.of(), listener.records(r -> r.op() == TrafficOp.READ), "nothing recorded after stop");
		assertTrue(server.isAlive());
	}

	@Test
	void aConnectNamedPipeWaitingWhenTheCaptureStartsIsRecordedWhenAClientComes() throws Exception {
		String name = TrafficCaptureTest.uniqueName("inflightconnect");
		String object = "\\\\.\\pipe\\" + name;
		// no client yet: the server waits in ConnectNamedPipe
		TrafficHelper server = open(new TrafficHelper("pipe-server", name, "ack"));
		capture(object, server.pid);
		assertTrue(listener.attached.get(server.pid).contains(WAITING), listener.attached.toString());
		TrafficHelper client = open(new TrafficHelper("pipe-client", name));
		TrafficCaptureTest.warmUp(client, server);
		List<TrafficRecord> connects = listener.await(r -> r.op() == TrafficOp.CONNECT, 1, "the server's connect");
		assertEquals("ConnectNamedPipe", connects.get(0).call());
		assertEquals(0, connects.get(0).status(), connects.get(0).toString());
		assertEquals(object, connects.get(0).object());
		List<TrafficRecord> reads = listener.await(r -> r.op() == TrafficOp.READ, 1, "the server's read");
		TrafficCaptureTest.assertTransfer(reads.get(0), object, "ReadFile", TrafficHelper.pattern(2));
	}

	@Test
	void aMailslotReadWaitingWhenTheCaptureStartsIsRecordedWhenItReturns() throws Exception {
		String name = TrafficCaptureTest.uniqueName("inflightslot");
		String object = "\\\\.\\mailslot\\" + name;
		TrafficHelper server = open(new TrafficHelper("mailslot-server", name));
		TrafficHelper client = open(new TrafficHelper("mailslot-client", name));
		TrafficCaptureTest.warmUp(client, server);
		capture(object, server.pid);
		assertTrue(listener.attached.get(server.pid).contains(WAITING), listener.attached.toString());
		byte[] sent = TrafficHelper.pattern(64 * 1024);
		assertEquals("SENT 65536 " + TrafficHelper.fnv(sent), client.command("send 65536"));
		assertEquals("MSG 2 65536 " + TrafficHelper.fnv(sent), server.line());
		List<TrafficRecord> reads = listener.await(r -> r.op() == TrafficOp.READ, 1, "the server's read");
		TrafficCaptureTest.assertTransfer(reads.get(0), object, "ReadFile", sent);
	}
}
