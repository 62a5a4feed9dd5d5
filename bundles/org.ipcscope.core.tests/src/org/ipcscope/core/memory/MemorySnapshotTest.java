package org.ipcscope.core.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemorySnapshotTest {

	@TempDir
	Path dir;

	@Test
	void readsWhatWasThereWhenTakenNotWhatIsThereNow() throws IOException {
		ByteArraySource source = new ByteArraySource(counting(3 * MemorySnapshot.CHUNK + 17));
		try (MemorySnapshot snapshot = MemorySnapshot.take(source, dir, ScanMonitor.NONE)) {
			source.data()[5] = 99;
			assertEquals(source.data().length, snapshot.size());
			MemoryRead read = snapshot.read(0, 10);
			assertEquals(5, read.bytes()[5]);
			assertTrue(read.isComplete());
			MemoryRead tail = snapshot.read(snapshot.size() - 4, 8);
			assertArrayEquals(Arrays.copyOfRange(source.data(), source.data().length - 4, source.data().length),
					Arrays.copyOf(tail.bytes(), 4));
			assertEquals(4, tail.unreadable().nextSetBit(0), "past the end is unreadable");
		}
	}

	@Test
	void keepsUnreadableBytesAcrossChunks() throws IOException {
		int size = 2 * MemorySnapshot.CHUNK + 100;
		ByteArraySource source = new ByteArraySource(counting(size)).unreadable(10, 20)
				.unreadable(MemorySnapshot.CHUNK - 5, MemorySnapshot.CHUNK + 5);
		try (MemorySnapshot snapshot = MemorySnapshot.take(source, dir, ScanMonitor.NONE)) {
			MemoryRead read = snapshot.read(0, 30);
			assertEquals(10, read.unreadable().nextSetBit(0));
			assertEquals(20, read.unreadable().nextClearBit(10));
			MemoryRead across = snapshot.read(MemorySnapshot.CHUNK - 10, 20);
			assertEquals(5, across.unreadable().nextSetBit(0));
			assertEquals(15, across.unreadable().nextClearBit(5), "one run across the chunk border");
		}
	}

	@Test
	void aRangeKeepsTheSourcesOffsets() throws IOException {
		ByteArraySource source = new ByteArraySource(counting(1000));
		try (MemorySnapshot snapshot = MemorySnapshot.take(source, 100, 50, dir, ScanMonitor.NONE)) {
			MemoryRead read = snapshot.read(95, 10);
			assertTrue(read.unreadable().get(4) && !read.unreadable().get(5));
			assertEquals((byte) 100, read.bytes()[5]);
			assertEquals(150, snapshot.size());
		}
	}

	@Test
	void zerosAreNotWrittenAndTheFileGoesOnClose() throws IOException {
		ByteArraySource source = new ByteArraySource(8 * MemorySnapshot.CHUNK);
		source.data()[source.data().length - 1] = 7;
		Path file;
		try (MemorySnapshot snapshot = MemorySnapshot.take(source, dir, ScanMonitor.NONE)) {
			try (var files = Files.list(dir)) {
				file = files.findFirst().orElseThrow();
			}
			assertEquals(source.data().length, Files.size(file));
			assertEquals(7, snapshot.read(source.data().length - 1, 1).bytes()[0]);
			assertEquals(0, snapshot.read(12345, 1).bytes()[0]);
		}
		assertFalse(Files.exists(file));
	}

	@Test
	void cancelledLeavesNoFile() throws IOException {
		ByteArraySource source = new ByteArraySource(4 * MemorySnapshot.CHUNK);
		assertThrows(CancellationException.class, () -> MemorySnapshot.take(source, dir, () -> true));
		try (var files = Files.list(dir)) {
			assertEquals(0, files.count());
		}
	}

	static byte[] counting(int size) {
		byte[] data = new byte[size];
		for (int i = 0; i < size; i++) {
			data[i] = (byte) i;
		}
		return data;
	}
}
