package org.ipcscope.win32.internal.memory;

import java.io.IOException;
import java.util.BitSet;

import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.BaseTSD.SIZE_T;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinNT.MEMORY_BASIC_INFORMATION;

/**
 * A named file mapping, mapped once as a view of its whole size: that reserves address space, not
 * memory, so the size does not matter. Pages of a SEC_RESERVE section that nobody committed are
 * not touched (they would fault): they read as unreadable.
 */
final class SectionMemorySource implements MemorySource {

	private final String name;
	private final HANDLE mapping;
	private final Pointer view;
	private final long size;
	private final boolean writable;
	private boolean closed;

	private SectionMemorySource(String name, HANDLE mapping, Pointer view, long size, boolean writable) {
		this.name = name;
		this.mapping = mapping;
		this.view = view;
		this.size = size;
		this.writable = writable;
	}

	/** @param name as users write it: {@code Local\x}, {@code Global\x} */
	static SectionMemorySource open(String name, boolean writable) throws IOException {
		int access = WinNT.SECTION_MAP_READ | (writable ? WinNT.SECTION_MAP_WRITE : 0);
		HANDLE mapping = Kernel32.INSTANCE.OpenFileMapping(access, false, name);
		if (mapping == null) {
			throw new IOException(name + " cannot be opened: error " + Kernel32.INSTANCE.GetLastError());
		}
		Pointer view = Kernel32.INSTANCE.MapViewOfFile(mapping, writable ? WinNT.FILE_MAP_WRITE : WinNT.FILE_MAP_READ,
				0, 0, 0);
		if (view == null) {
			int error = Kernel32.INSTANCE.GetLastError();
			Kernel32.INSTANCE.CloseHandle(mapping);
			throw new IOException(name + " cannot be mapped: error " + error);
		}
		MEMORY_BASIC_INFORMATION info = query(view);
		return new SectionMemorySource(name, mapping, view, info.regionSize.longValue(), writable);
	}

	private static MEMORY_BASIC_INFORMATION query(Pointer address) throws IOException {
		MEMORY_BASIC_INFORMATION info = new MEMORY_BASIC_INFORMATION();
		if (Kernel32.INSTANCE.VirtualQueryEx(Kernel32.INSTANCE.GetCurrentProcess(), address, info, new SIZE_T(info.size())).longValue() == 0) {
			throw new IOException("VirtualQuery failed: error " + Kernel32.INSTANCE.GetLastError());
		}
		return info;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public long size() {
		return size;
	}

	@Override
	public synchronized MemoryRead read(long offset, int length) throws IOException {
		checkOpen();
		byte[] bytes = new byte[length];
		BitSet unreadable = new BitSet(length);
		unreadable.set(0, length);
		long at = Math.max(0, offset);
		long end = Math.min(size, offset + length);
		while (at < end) {
			// a region of pages with one state: read it whole, or leave it unreadable
			MEMORY_BASIC_INFORMATION info = query(view.share(at));
			long regionEnd = Math.min(end, Pointer.nativeValue(info.baseAddress) + info.regionSize.longValue()
					- Pointer.nativeValue(view));
			if (regionEnd <= at) {
				break;
			}
			if (isReadable(info)) {
				int index = (int) (at - offset);
				int count = (int) (regionEnd - at);
				view.read(at, bytes, index, count);
				unreadable.clear(index, index + count);
			}
			at = regionEnd;
		}
		return new MemoryRead(offset, bytes, unreadable);
	}

	private static boolean isReadable(MEMORY_BASIC_INFORMATION info) {
		int protect = info.protect.intValue();
		return info.state.intValue() == WinNT.MEM_COMMIT && (protect & (WinNT.PAGE_NOACCESS | WinNT.PAGE_GUARD)) == 0;
	}

	@Override
	public boolean canWrite() {
		return writable;
	}

	@Override
	public synchronized void write(long offset, byte[] data) throws IOException {
		checkOpen();
		MemorySource.checkWrite(this, writable, offset, data.length, size);
		MemoryRead current = read(offset, data.length);
		if (!current.isComplete()) {
			throw new IOException("Write at " + offset + " touches pages of " + name + " that are not committed");
		}
		view.write(offset, data, 0, data.length);
	}

	private void checkOpen() throws IOException {
		if (closed) {
			throw new IOException(name + " is closed");
		}
	}

	@Override
	public synchronized void close() {
		if (!closed) {
			closed = true;
			Kernel32.INSTANCE.UnmapViewOfFile(view);
			Kernel32.INSTANCE.CloseHandle(mapping);
		}
	}
}
