package org.ipcscope.win32.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The process and thread structures decoded on buffers laid out as documented for x64. */
class ProcessStructuresTest {

	private static ByteBuffer buffer(int size) {
		return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
	}

	@Test
	void memoryBasicInformation() {
		ByteBuffer info = buffer(MemoryBasicInformation.SIZE).putLong(0, 0x7FF6_0001_2000L).putLong(8, 0x7FF6_0001_0000L)
				.putInt(16, PageProtection.PAGE_EXECUTE_WRITECOPY).putShort(20, (short) 0).putLong(24, 0x3000)
				.putInt(32, MemoryBasicInformation.MEM_COMMIT).putInt(36, PageProtection.PAGE_READONLY)
				.putInt(40, MemoryBasicInformation.MEM_IMAGE);

		MemoryBasicInformation run = MemoryBasicInformation.decode(info);

		assertEquals(new MemoryBasicInformation(0x7FF6_0001_2000L, 0x7FF6_0001_0000L,
				PageProtection.PAGE_EXECUTE_WRITECOPY, 0x3000, MemoryBasicInformation.MEM_COMMIT,
				PageProtection.PAGE_READONLY, MemoryBasicInformation.MEM_IMAGE), run);
		assertEquals(0x7FF6_0001_5000L, run.end());
		assertTrue(run.isReadable());
		assertThrows(IllegalArgumentException.class, () -> MemoryBasicInformation.decode(buffer(40)));
	}

	@Test
	void processAndThreadBasicInformation() {
		ByteBuffer process = buffer(ProcessBasicInformation.SIZE).putInt(0, 0x103).putLong(8, 0x3A_F000L)
				.putLong(16, 3).putLong(24, 8).putLong(32, 4242).putLong(40, 4);
		assertEquals(new ProcessBasicInformation(0x3A_F000L, 4242), ProcessBasicInformation.decode(process));

		ByteBuffer thread = buffer(ThreadBasicInformation.SIZE).putInt(0, 0x103).putLong(8, 0x3B_0000L).putLong(16, 4242)
				.putLong(24, 17).putLong(32, 3).putInt(40, 8).putInt(44, 8);
		assertEquals(new ThreadBasicInformation(0x3B_0000L, 4242, 17), ThreadBasicInformation.decode(thread));
		assertThrows(IllegalArgumentException.class, () -> ThreadBasicInformation.decode(buffer(47)));
	}

	@Test
	void pebHeaps() {
		ByteBuffer peb = buffer(PebHeaps.SIZE).putLong(0x30, 0x50_0000L).putInt(0xE8, 3).putInt(0xEC, 16)
				.putLong(0xF0, 0x7FFE_1234_5000L);
		PebHeaps heaps = PebHeaps.decode(peb);
		assertEquals(new PebHeaps(0x50_0000L, 3, 0x7FFE_1234_5000L), heaps);
		assertTrue(heaps.hasHeapArray());
		assertFalse(new PebHeaps(0x50_0000L, 0, 0).hasHeapArray(), "Wine leaves the array empty");
		assertFalse(new PebHeaps(0x50_0000L, 1_000_000, 0x1000).hasHeapArray(), "a misread count");
	}

	@Test
	void tebStack() {
		ByteBuffer teb = buffer(TebStack.SIZE).putLong(8, 0x20_0000L).putLong(16, 0x1F_C000L)
				.putLong(TebStack.DEALLOCATION_STACK, 0x10_0000L);
		TebStack stack = TebStack.decode(teb);
		assertEquals(new TebStack(0x20_0000L, 0x1F_C000L, 0x10_0000L), stack);
		assertTrue(stack.isValid());
		assertEquals(0x10_0000L, stack.bottom());
		assertEquals(0x1F_C000L, new TebStack(0x20_0000L, 0x1F_C000L, 0).bottom(), "without DeallocationStack");
		assertFalse(new TebStack(0, 0, 0).isValid());
	}

	@Test
	void namesEndAtTheirNulOrTheirLength() {
		assertEquals("C:\\a.nls", ProcessLayout.upToNul("C:\\a.nls\0".toCharArray(), 9));
		assertEquals("C:\\a", ProcessLayout.upToNul("C:\\a.nls".toCharArray(), 4));
		assertEquals("", ProcessLayout.upToNul(new char[8], 0));
	}

	@Test
	void heapSignatures() {
		assertTrue(HeapSignature.isHeap(buffer(0x20).putInt(0x10, 0xFFEEFFEE)), "NT heap segment");
		assertTrue(HeapSignature.isHeap(buffer(0x20).putInt(0x10, 0xDDEEDDEE)), "segment heap");
		assertFalse(HeapSignature.isHeap(buffer(0x20).putInt(0x0, 0xFFEEFFEE)));
		assertFalse(HeapSignature.isHeap(buffer(0x10)), "too short");
	}

	@Test
	void bitness() {
		assertEquals(64, Bitness.of(Bitness.MACHINE_UNKNOWN, Bitness.MACHINE_AMD64), "native on x64");
		assertEquals(32, Bitness.of(Bitness.MACHINE_I386, Bitness.MACHINE_AMD64), "WOW64 on x64");
		assertEquals(64, Bitness.of(Bitness.MACHINE_UNKNOWN, Bitness.MACHINE_ARM64));
		assertEquals(32, Bitness.of(Bitness.MACHINE_ARMNT, Bitness.MACHINE_ARM64));
		assertEquals(32, Bitness.of(Bitness.MACHINE_UNKNOWN, Bitness.MACHINE_I386), "32-bit Windows");
		assertEquals(0, Bitness.of(Bitness.MACHINE_UNKNOWN, 0x1234));
		assertEquals(32, Bitness.ofWow64(true, 64));
		assertEquals(64, Bitness.ofWow64(false, 64));
	}

	@Test
	void fileTimes() {
		assertEquals(Instant.EPOCH, WindowsProcessList.fromFileTime(116_444_736_000_000_000L));
		assertEquals(Instant.parse("2026-11-22T12:00:00.1234567Z"),
				WindowsProcessList.fromFileTime(116_444_736_000_000_000L + 1_795_348_800L * 10_000_000L + 1_234_567L));
	}

	@Test
	void protectionsSpeltAsLinuxMapsDo() {
		int commit = MemoryBasicInformation.MEM_COMMIT;
		int image = MemoryBasicInformation.MEM_IMAGE;
		int mapped = MemoryBasicInformation.MEM_MAPPED;
		int privat = MemoryBasicInformation.MEM_PRIVATE;
		assertEquals("rw-p", permissions(commit, PageProtection.PAGE_READWRITE, privat));
		assertEquals("r-xp", permissions(commit, PageProtection.PAGE_EXECUTE_READ, image));
		assertEquals("rw-p", permissions(commit, PageProtection.PAGE_WRITECOPY, image), "copy-on-write image data");
		assertEquals("rw-s", permissions(commit, PageProtection.PAGE_READWRITE, image), "a shared section");
		assertEquals("r--p", permissions(commit, PageProtection.PAGE_READONLY, image));
		assertEquals("rw-s", permissions(commit, PageProtection.PAGE_READWRITE, mapped));
		assertEquals("r--s", permissions(commit, PageProtection.PAGE_READONLY, mapped));
		assertEquals("rw-p", permissions(commit, PageProtection.PAGE_WRITECOPY, mapped), "a copy-on-write view");
		assertEquals("rwxp", permissions(commit, PageProtection.PAGE_EXECUTE_READWRITE, privat));
		assertEquals("--xp", permissions(commit, PageProtection.PAGE_EXECUTE, privat));
		assertEquals("---p", permissions(commit, PageProtection.PAGE_NOACCESS, privat));
		assertEquals("---p", permissions(commit, PageProtection.PAGE_READWRITE | PageProtection.PAGE_GUARD, privat));
		assertEquals("---p", permissions(MemoryBasicInformation.MEM_RESERVE, 0, privat));
		assertEquals("---s", permissions(MemoryBasicInformation.MEM_RESERVE, 0, mapped));

		assertEquals("guard", PageProtection.stateWord(run(commit, PageProtection.PAGE_READWRITE | PageProtection.PAGE_GUARD, privat)));
		assertEquals("reserved", PageProtection.stateWord(run(MemoryBasicInformation.MEM_RESERVE, 0, privat)));
		assertEquals("", PageProtection.stateWord(run(commit, PageProtection.PAGE_NOACCESS, privat)));
		assertFalse(run(commit, PageProtection.PAGE_READWRITE | PageProtection.PAGE_GUARD, privat).isReadable(),
				"reading a guard page would take its guard away");
		assertEquals("image", PageProtection.type(image));
		assertEquals("mapped", PageProtection.type(mapped));
		assertEquals("private", PageProtection.type(privat));
	}

	private static String permissions(int state, int protect, int type) {
		return PageProtection.permissions(run(state, protect, type));
	}

	private static MemoryBasicInformation run(int state, int protect, int type) {
		return new MemoryBasicInformation(0x10000, 0x10000, protect, 0x1000, state, protect, type);
	}
}
