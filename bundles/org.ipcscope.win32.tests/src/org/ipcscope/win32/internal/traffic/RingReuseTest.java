package org.ipcscope.win32.internal.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.core.traffic.TrafficRequest;
import org.ipcscope.core.traffic.TrafficSession;
import org.junit.jupiter.api.Test;

/**
 * More payload than the DLL's writer uses before it goes back to the start of the ring's data
 * area (4 MiB, REUSE in native/capture/capture.h) passes a captured named pipe: every transfer
 * on both ends is still recorded byte-exact and in order, with nothing dropped.
 */
class RingReuseTest {

	private static final int MESSAGES = 40;
	private static final int CAP = 256 * 1024;

	@Test
	void payloadsPastTheReusedStartOfTheRingStayByteExact() throws Exception {
		String name = TrafficCaptureTest.uniqueName("reuse");
		String object = "\\\\.\\pipe\\" + name;
		RecordingTrafficListener listener = new RecordingTrafficListener();
		Win32TrafficCapturer capturer = new Win32TrafficCapturer();
		try (TrafficHelper server = new TrafficHelper("pipe-server", name, "ack");
				TrafficHelper client = new TrafficHelper("pipe-client", name)) {
			TrafficSession session = capturer.start(new TrafficRequest(Set.of(server.pid, client.pid), object,
					Set.of(), CAP, TrafficRequest.DEFAULT_RING_RECORDS), listener);
			try {
				TrafficCaptureTest.warmUp(client, server);
				// sizes differ, and the helpers' pattern depends on the size: a payload read from another record's place shows
				for (int i = 0; i < MESSAGES; i++) {
					byte[] sent = TrafficHelper.pattern(size(i));
					assertEquals("SENT " + size(i) + " " + TrafficHelper.fnv(sent), client.command("send " + size(i)));
					assertEquals("MSG " + (i + 2) + " " + size(i) + " " + TrafficHelper.fnv(sent), server.line());
				}
				List<TrafficRecord> writes = listener.await(r -> r.pid() == client.pid && r.op() == TrafficOp.WRITE,
						MESSAGES + 1, "client writes");
				List<TrafficRecord> reads = listener.await(r -> r.pid() == server.pid && r.op() == TrafficOp.READ,
						MESSAGES + 1, "server reads");
				List<TrafficRecord> acks = listener.await(r -> r.pid() == server.pid && r.op() == TrafficOp.WRITE,
						MESSAGES + 1, "server acks");
				List<TrafficRecord> ackReads = listener.await(r -> r.pid() == client.pid && r.op() == TrafficOp.READ,
						MESSAGES + 1, "client reads of the acks");
				for (int i = 0; i < MESSAGES; i++) {
					byte[] sent = TrafficHelper.pattern(size(i));
					TrafficCaptureTest.assertTransfer(writes.get(i + 1), object, "WriteFile", sent);
					TrafficCaptureTest.assertTransfer(reads.get(i + 1), object, "ReadFile", sent);
					// the record after a large one is the first past 4 MiB: here an ack
					byte[] ack = ("ack " + (i + 2)).getBytes(StandardCharsets.US_ASCII);
					TrafficCaptureTest.assertTransfer(acks.get(i + 1), object, "WriteFile", ack);
					TrafficCaptureTest.assertTransfer(ackReads.get(i + 1), object, "ReadFile", ack);
				}
				assertEquals(0, session.dropped());
			} finally {
				session.close();
			}
		} finally {
			capturer.deactivate();
		}
	}

	/** 40 messages from 256 KiB down: about 8 MiB in each process's ring. */
	private static int size(int i) {
		return CAP - 1000 * i;
	}
}
