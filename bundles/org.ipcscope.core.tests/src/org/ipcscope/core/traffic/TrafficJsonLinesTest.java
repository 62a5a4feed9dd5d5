package org.ipcscope.core.traffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.ipcscope.core.traffic.FollowedStream.Key;
import org.ipcscope.core.traffic.TrafficOp.Direction;
import org.ipcscope.core.traffic.TrafficRecord.HandleKind;
import org.junit.jupiter.api.Test;

class TrafficJsonLinesTest {

	private static final TrafficHeader HEADER = new TrafficHeader("linux", "ptrace", "/tmp/fi\nfo \udcff", 17);

	private static TrafficRecord record(long seq, long pid, long fd, TrafficOp op, byte[] payload, long transferred) {
		return new TrafficRecord(seq, 1_763_820_000_000_000L + seq, pid, pid + 1, fd, HandleKind.FD, "pipe:[77]", op,
				op == TrafficOp.READ ? "readv" : "write", transferred + 3, transferred, 0, null, payload);
	}

	@Test
	void aCaptureReadsBackByteExact() throws IOException {
		byte[] big = new byte[1 << 20];
		new Random(1).nextBytes(big);
		List<TrafficRecord> records = List.of(record(1, 10, 5, TrafficOp.WRITE, new byte[0], 0),
				record(2, 11, 3, TrafficOp.READ, new byte[] { (byte) 0xff }, 1),
				record(3, 10, 5, TrafficOp.WRITE, big, 2 << 20),
				new TrafficRecord(4, 5, 12, 13, 0x1a4, HandleKind.HANDLE, null, TrafficOp.DISCONNECT,
						"DisconnectNamedPipe", 0, 0, 109, "ERROR_BROKEN_PIPE", new byte[0]));
		StringWriter out = new StringWriter();
		TrafficJsonLines.write(out, HEADER, records);
		assertEquals(5, out.toString().lines().count());

		TrafficJsonLines.Capture back = TrafficJsonLines.read(new BufferedReader(new StringReader(out.toString())));
		assertEquals(HEADER, back.header());
		assertEquals(records.size(), back.records().size());
		for (int i = 0; i < records.size(); i++) {
			TrafficRecord want = records.get(i);
			TrafficRecord got = back.records().get(i);
			assertArrayEquals(want.payload(), got.payload());
			assertEquals(want.withSequence(0).toString().replaceAll("payload=\\[B@\\w+", ""),
					got.withSequence(0).toString().replaceAll("payload=\\[B@\\w+", ""));
			assertEquals(want.sequence(), got.sequence());
		}
		assertTrue(back.records().get(2).isTruncated());
		assertTrue(back.records().get(3).failed());
		assertTrue(out.toString().contains("\"handle\":420,"), out.toString());
		assertTrue(out.toString().contains("\"fd\":5,"));
	}

	@Test
	void foreignAndBrokenLinesAreRefusedWithTheirLineNumber() {
		assertEquals("line 1: not a traffic capture: format ipcscope-copydata",
				assertThrows(IOException.class, () -> read("{\"format\":\"ipcscope-copydata\",\"version\":1}"))
						.getMessage());
		assertEquals("line 2: traffic capture version 2 is not known: this reads 1",
				assertThrows(IOException.class, () -> read("\n{\"format\":\"ipcscope-traffic\",\"version\":2}"))
						.getMessage());
		String good = TrafficJsonLines.line(record(1, 1, 1, TrafficOp.READ, new byte[] { 1 }, 1));
		assertEquals("line 1: unknown op 'peek': use read, write, connect, accept, disconnect or close",
				assertThrows(IOException.class, () -> read(good.replace("\"read\"", "\"peek\""))).getMessage());
		assertEquals("line 1: transferred 0 is less than the payload's 1 bytes", assertThrows(IOException.class,
				() -> read(good.replace("\"transferred\":1", "\"transferred\":0"))).getMessage());
		assertEquals("line 1: \"payload\" is missing",
				assertThrows(IOException.class, () -> read(good.replaceAll(",\"payload\":\"[^\"]*\"", ""))).getMessage());
	}

	@Test
	void aHeaderlessCaptureReads() throws IOException {
		TrafficRecord one = record(1, 1, 1, TrafficOp.READ, "x".getBytes(StandardCharsets.UTF_8), 1);
		TrafficJsonLines.Capture back = read(TrafficJsonLines.line(one));
		assertNull(back.header());
		assertEquals(1, back.records().size());
	}

	@Test
	void followingAStreamJoinsOneEndpointsDirectionInOrder() {
		List<TrafficRecord> records = List.of(record(1, 10, 5, TrafficOp.WRITE, bytes("he"), 2),
				record(2, 11, 3, TrafficOp.READ, bytes("he"), 2), record(3, 10, 5, TrafficOp.READ, bytes("no"), 2),
				record(4, 10, 5, TrafficOp.WRITE, bytes("ll"), 5),
				new TrafficRecord(5, 1, 10, 11, 5, HandleKind.FD, null, TrafficOp.WRITE, "write", 3, 0, 32, "EPIPE",
						new byte[0]),
				record(6, 10, 5, TrafficOp.WRITE, bytes("o"), 1));
		FollowedStream out = FollowedStream.follow(records, new Key(10, 5, Direction.OUT));
		assertArrayEquals(bytes("hello"), out.bytes());
		assertEquals(3, out.records());
		assertEquals(3, out.missing());
		assertArrayEquals(bytes("he"), FollowedStream.follow(records, Key.of(records.get(1))).bytes());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static TrafficJsonLines.Capture read(String text) throws IOException {
		return TrafficJsonLines.read(new BufferedReader(new StringReader(text)));
	}
}
