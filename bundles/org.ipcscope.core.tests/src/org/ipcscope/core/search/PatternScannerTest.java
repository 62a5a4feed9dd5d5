package org.ipcscope.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The word-at-a-time scan finds exactly what a byte-by-byte comparison finds. */
class PatternScannerTest {

	@Test
	void findsWhatAByteByByteComparisonFinds() {
		Random random = new Random(42);
		for (int round = 0; round < 2000; round++) {
			// short, of few byte values: patterns match often, overlapping and at both ends; long, of any
			// bytes: whole stretches without a match are skipped
			byte[] data = new byte[1 + random.nextInt(round % 2 == 0 ? 100 : 1500)];
			for (int i = 0; i < data.length; i++) {
				data[i] = (byte) (round % 2 != 0 ? random.nextInt() : random.nextInt(3) == 0 ? 0 : random.nextInt(4) * 0x41);
			}
			BytePattern pattern = randomPattern(random, data);
			ByteBuffer buffer = ByteBuffer.allocateDirect(data.length).order(ByteOrder.LITTLE_ENDIAN).put(0, data);
			int from = random.nextInt(data.length);
			int last = data.length - pattern.length() - random.nextInt(3);
			assertEquals(naive(pattern, data, from, last), scanned(new PatternScanner(pattern), buffer, from, last),
					() -> pattern + " in " + java.util.HexFormat.of().formatHex(data));
		}
	}

	@Test
	void halfBytesOnlyAndASingleByte() {
		byte[] data = { 0x10, 0x4A, 0x25, 0x4B, 0x35, 0, 0, 0, 0, 0, 0x4C, 0x45 };
		ByteBuffer buffer = ByteBuffer.allocateDirect(data.length).order(ByteOrder.LITTLE_ENDIAN).put(0, data);
		assertEquals(List.of(1, 3, 10), scanned(new PatternScanner(BytePattern.hex("4? ?5")), buffer, 0, 10));
		assertEquals(List.of(1), scanned(new PatternScanner(BytePattern.hex("4A")), buffer, 0, 11));
	}

	private static BytePattern randomPattern(Random random, byte[] data) {
		int length = 1 + random.nextInt(Math.min(data.length, 12));
		int from = random.nextInt(data.length - length + 1);
		byte[] bytes = java.util.Arrays.copyOfRange(data, from, from + length);
		byte[] mask = new byte[length];
		for (int i = 0; i < length; i++) {
			mask[i] = switch (random.nextInt(6)) {
			case 0 -> 0;
			case 1 -> (byte) 0xF0;
			default -> (byte) 0xFF;
			};
		}
		mask[random.nextInt(length)] = (byte) 0xFF;
		return new BytePattern(bytes, mask, "random");
	}

	private static List<Integer> scanned(PatternScanner scanner, ByteBuffer data, int from, int last) {
		List<Integer> found = new ArrayList<>();
		for (int i = scanner.next(data, from, last); i >= 0; i = scanner.next(data, i + 1, last)) {
			found.add(i);
		}
		return found;
	}

	private static List<Integer> naive(BytePattern pattern, byte[] data, int from, int last) {
		List<Integer> found = new ArrayList<>();
		for (int i = from; i <= last; i++) {
			if (pattern.matchesAt(data, i)) {
				found.add(i);
			}
		}
		return found;
	}
}
