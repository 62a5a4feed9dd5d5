package org.ipcscope.linux.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.core.traffic.TrafficRequest;
import org.ipcscope.core.traffic.TrafficSession;
import org.ipcscope.tests.support.TrafficConversation;
import org.junit.jupiter.api.Test;

/**
 * The Linux capturer on real conversations (traffic_helper: a writer and its child reading): every
 * byte of each direction in order with the right op, call, pid and object, the programs' own
 * exchange unchanged, and the targets running untraced after stop.
 */
class TrafficCaptureTest {

	private static final int KIB = 1024;
	private static final List<Integer> SIZES = List.of(0, 1, 64 * KIB, 1024 * KIB);
	private final LinuxTrafficCapturer capturer = new LinuxTrafficCapturer();

	@Test
	void anonymousPipeBetweenParentAndChild() throws Exception {
		exchange("pipe", IpcKind.PIPE, "write", "read", SIZES);
	}

	@Test
	void fifoWriterAndReader() throws Exception {
		exchange("fifo", IpcKind.FIFO, "write", "readv", SIZES);
	}

	@Test
	void unixStreamSocketPair() throws Exception {
		exchange("unix-stream", IpcKind.UNIX_SOCKET, "sendmsg", "recvmsg", SIZES);
	}

	@Test
	void unixDatagramSocketPairKeepsEachDatagram() throws Exception {
		Capture capture = exchange("unix-dgram", IpcKind.UNIX_SOCKET, "sendto", "recvfrom", List.of(0, 1, 64 * KIB));
		// one read per datagram, the empty one included
		List<TrafficRecord> reads = capture.listener.select(capture.talk.reader, TrafficOp.READ, capture.talk.readerName);
		assertEquals(List.of(0L, 1L, 64L * KIB), reads.stream().map(TrafficRecord::transferred).toList(),
				() -> "the reader's records: " + capture.listener.records.stream().filter(r -> r.pid() == capture.talk.reader)
						.map(r -> r.op() + " " + r.call() + " fd " + r.handle() + " " + r.object() + " " + r.transferred()
								+ (r.failed() ? " " + r.error() : ""))
						.toList());
	}

	@Test
	void tcpOnLoopback() throws Exception {
		exchange("tcp", IpcKind.TCP, "sendto", "recvfrom", SIZES);
	}

	@Test
	void aFailedCallIsRecordedWithItsError() throws Exception {
		try (TrafficConversation talk = TrafficConversation.start("unix-dgram")) {
			RecordingListener listener = new RecordingListener();
			try (TrafficSession session = capturer.start(request(Set.of(talk.writer), null, IpcKind.UNIX_SOCKET, 64), listener)) {
				assertFalse(talk.send(1024 * KIB), "a datagram of 1 MiB is more than a socket's buffer");
				awaitTrue(() -> !listener.select(talk.writer, TrafficOp.WRITE, talk.writerName).isEmpty(), "the failed sendto");
			}
			TrafficRecord failed = listener.select(talk.writer, TrafficOp.WRITE, talk.writerName).get(0);
			assertEquals(90, failed.status(), failed.toString());
			assertEquals("EMSGSIZE", failed.error());
			assertEquals(1024 * KIB, failed.requested());
			assertEquals(0, failed.transferred());
		}
	}

	record Capture(TrafficConversation talk, RecordingListener listener) {
	}

	/**
	 * Captures both ends while {@code sizes} go through, stops, and checks each direction, the
	 * reader's view, and that after stop the targets run on untraced and nothing more is captured.
	 */
	private Capture exchange(String channel, IpcKind kind, String writeCall, String readCall, List<Integer> sizes)
			throws Exception {
		TrafficConversation talk = TrafficConversation.start(channel);
		try {
			RecordingListener listener = new RecordingListener();
			// a pipe by its name (both ends share it); the others by kind, as their ends have names of their own
			String object = kind == IpcKind.PIPE ? talk.writerName : null;
			TrafficSession session = capturer.start(request(Set.of(talk.writer, talk.reader), object, kind, 2 * 1024 * KIB),
					listener);
			try {
				assertEquals(2, listener.events("attached").size(), listener.events.toString());
				for (int size : sizes) {
					assertTrue(talk.send(size), "send " + size);
				}
				talk.awaitDelivered();
				long total = talk.sent().length;
				awaitTrue(() -> RecordingListener.moved(listener.select(talk.reader, TrafficOp.READ, talk.readerName)) >= total,
						() -> "the reader's reads of " + total + " bytes: " + listener.records.size() + " records");
			} finally {
				session.close();
			}
			List<TrafficRecord> writes = listener.select(talk.writer, TrafficOp.WRITE, talk.writerName);
			List<TrafficRecord> reads = listener.select(talk.reader, TrafficOp.READ, talk.readerName);
			assertEquals(talk.sizes().stream().map(Long::valueOf).toList(),
					writes.stream().map(TrafficRecord::transferred).toList(), "one write per message");
			assertArrayEquals(talk.sent(), RecordingListener.joined(writes), "the bytes written, in order");
			assertArrayEquals(talk.sent(), RecordingListener.joined(reads), "the bytes read, in order");
			for (TrafficRecord record : writes) {
				assertEquals(writeCall, record.call());
				assertEquals(talk.writer, record.tid());
				assertEquals(record.transferred(), record.requested());
				assertEquals(0, record.status());
				assertFalse(record.isTruncated());
			}
			reads.forEach(r -> assertEquals(readCall, r.call()));
			for (int i = 1; i < listener.records.size(); i++) {
				assertTrue(listener.records.get(i).sequence() > listener.records.get(i - 1).sequence());
			}
			if (object != null) {
				listener.records.forEach(r -> assertEquals(object, r.object(), "only the object asked for"));
			}
			assertRunsOnUntraced(talk, listener);
			return new Capture(talk, listener);
		} finally {
			talk.close();
		}
	}

	/** After stop: both processes neither stopped nor traced, talking on, and nothing more captured. */
	private static void assertRunsOnUntraced(TrafficConversation talk, RecordingListener listener) throws IOException {
		int before = listener.records.size();
		for (long pid : List.of(talk.writer, talk.reader)) {
			String status = TrafficConversation.stateAndTracer(pid);
			assertTrue(status.endsWith("|0"), "process " + pid + " is still traced: " + status);
			assertFalse(status.startsWith("t") || status.startsWith("T"), "process " + pid + " is stopped: " + status);
		}
		assertTrue(talk.send(5));
		talk.awaitDelivered();
		assertEquals(before, listener.records.size(), "records after stop");
	}

	@Test
	void aFloodIsCapturedOrCountedAndNeverStopsTheWriter() throws Exception {
		try (TrafficConversation talk = TrafficConversation.start("fifo")) {
			CountDownLatch flooded = new CountDownLatch(1);
			RecordingListener listener = new RecordingListener() {
				@Override
				public void captured(TrafficRecord record) {
					// a reader that falls behind: the tracer must drop, not hold the writer
					try {
						flooded.await(120, TimeUnit.SECONDS);
					} catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					super.captured(record);
				}
			};
			int count = 10_000;
			// a small buffer: what the pipe to the JVM does not hold must be dropped
			TrafficSession session = capturer.start(new TrafficRequest(Set.of(talk.writer), null, Set.of(IpcKind.FIFO), 4096, 16),
					listener);
			try {
				talk.flood(count, 64);
				talk.awaitDelivered();
			} finally {
				flooded.countDown();
				session.close();
			}
			List<TrafficRecord> writes = listener.select(talk.writer, TrafficOp.WRITE, talk.writerName);
			assertEquals(listener.records.size(), writes.size(), "only the FIFO's writes");
			assertTrue(session.dropped() > 0, () -> "a listener that waits makes the tracer drop: captured " + writes.size()
					+ ", " + listener.events);
			assertEquals(count, writes.size() + session.dropped(), () -> "captured + dropped == sent: captured "
					+ writes.size() + ", dropped " + session.dropped() + ", " + listener.events);
			assertEquals(session.dropped(), listener.dropped);
			assertEquals(writes.size(), session.captured());
		}
	}

	@Test
	void aTargetThatExitsEndsItsPartCleanly() throws Exception {
		try (TrafficConversation talk = TrafficConversation.start("pipe")) {
			RecordingListener listener = new RecordingListener();
			try (TrafficSession session = capturer.start(request(Set.of(talk.writer), null, IpcKind.PIPE, 64), listener)) {
				assertTrue(talk.send(3));
				talk.helper.send("exit");
				awaitTrue(() -> !session.isRunning(), "the capture's end");
				assertEquals(List.of("detached " + talk.writer + ": it exited"), listener.events("detached"));
				assertEquals(List.of("ended: every captured process has exited"), listener.events("ended"));
				assertEquals(1, listener.select(talk.writer, TrafficOp.WRITE, talk.writerName).size());
			}
			awaitTrue(() -> ProcessHandle.of(talk.writer).map(p -> !p.isAlive()).orElse(true), "the writer's own exit");
		}
	}

	@Test
	void refusalsSayWhy() throws Exception {
		assertTrue(assertThrows(IOException.class,
				() -> capturer.start(request(Set.of(ProcessHandle.current().pid()), null, IpcKind.PIPE, 64),
						new RecordingListener())).getMessage().contains("is IPC Scope itself"));
		long gone = ProcessHandle.current().pid() + 4_000_000L;
		assertEquals("process " + gone + " does not exist (or has exited)", assertThrows(IOException.class,
				() -> capturer.start(request(Set.of(gone), null, IpcKind.PIPE, 64), new RecordingListener())).getMessage());
		try (TrafficConversation talk = TrafficConversation.start("pipe");
				TrafficSession first = capturer.start(request(Set.of(talk.writer), null, IpcKind.PIPE, 64),
						new RecordingListener())) {
			RecordingListener second = new RecordingListener();
			// one refused, one attached: the capture runs and says which
			try (TrafficSession both = capturer.start(request(Set.of(talk.writer, talk.reader), null, IpcKind.PIPE, 64),
					second)) {
				List<String> refused = second.events("refused");
				assertEquals(1, refused.size(), second.events.toString());
				assertTrue(refused.get(0).matches("refused " + talk.writer + ": tracing process " + talk.writer
						+ " was refused: it is already traced by process \\d+ \\(a debugger or strace\\);.*"), refused.get(0));
				assertEquals(List.of("attached " + talk.reader + ": ptrace tracer attached"), second.events("attached"));
			}
		}
	}

	@Test
	void kernelThreadsAreExplained() {
		assertEquals("process 2 is a kernel thread: it makes no system calls to capture",
				LinuxTrafficCapturer.whyRefused(2, 1));
		assertNotEquals("", LinuxTrafficCapturer.whyRefused(1, 1));
	}

	static TrafficRequest request(Set<Long> pids, String object, IpcKind kind, int cap) {
		return new TrafficRequest(pids, object, Set.of(kind), cap, 8192);
	}

	static void awaitTrue(BooleanSupplier condition, String what) {
		awaitTrue(condition, () -> what);
	}

	static void awaitTrue(BooleanSupplier condition, Supplier<String> what) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within 60 s: " + what.get());
			}
			LockSupport.parkNanos(5_000_000);
		}
	}
}
