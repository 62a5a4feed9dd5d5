package org.ipcscope.win32.internal.traffic;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The reading side of the ring that ipcscope_capture.dll (native/capture/ring.c, layout in capture.h) fills in
 * the target; the one place its layout is decoded. All fields little-endian.
 *
 * <pre>
 * header, 1024 bytes                           slot, 64 bytes, at 1024 + (index % slots) * 64
 *   0 u32 magic "IPCT"   4 u32 version 1         0 u64 sequence = index + 1, written last (publishes it)
 *   8 u32 slots         12 u32 payload cap       8 u64 time: performance counter in microseconds
 *  16 u64 data size (payload ring bytes)        16 u64 handle or socket
 *  24 u32 state         28 u32 Win32 error      24 u32 thread id   28 u16 op   30 u16 call
 *  32 u64 write index (the DLL)                 32 u64 bytes requested
 *  40 u64 read index (this reader)              40 u64 bytes transferred
 *  48 u64 dropped (the DLL)                     48 u32 status: 0 or a Win32/Winsock error
 *  56 u64 data head (the DLL)                   52 u32 payload bytes stored (transferred cut to the cap)
 *  64 u64 data tail (this reader)               56 u64 payload start: position in the data ring counted
 *  72 u32 stop: set by this reader                     from its creation (offset = start % size)
 *  76 u32 kinds wanted (1 pipe, 2 mailslot, 4 TCP, 8 UDP; 0 all)
 *  80 u64 pid of IPC Scope (the DLL's watchdog waits on it)    88 u64 target pid (the DLL)
 *  96 u32 import table entries patched (the DLL)   100 u32 filter length in UTF-16 units
 * 104 u32 copies of hooked functions' addresses in threads' registers and stacks switched to the hooks (the DLL)
 * 108 u32 calls already waiting at the start whose return is recorded (the DLL)
 * 128 UTF-16 filter: the only pipe or mailslot NT name wanted (\Device\NamedPipe\x), up to 440 units
 * data ring at 1024 + slots * 64, "data size" bytes; a payload never wraps: the DLL skips the end,
 *   or, past 4 MiB and while the reader keeps up, the rest of the ring (a record's data start says where it is).
 * </pre>
 *
 * Op 100 is not a transfer: it announces a handle (before its first record), its payload the
 * u32 kind (1 pipe, 2 mailslot, 4 TCP, 8 UDP) then the NT name in UTF-16 or, for sockets, the
 * local and the remote address as two 28-byte sockaddrs.
 */
final class TrafficRing {

	static final int MAGIC = 0x54435049;
	static final int VERSION = 1;
	static final int HEADER_SIZE = 1024;
	static final int SLOT_SIZE = 64;
	static final int MAX_FILTER_CHARS = 440;
	/** The payload ring stays below this however many slots and however big a cap were asked for. */
	static final long MAX_DATA = 64L << 20;

	/** Values of the state field. */
	static final int WAITING = 0;
	static final int ATTACHED = 1;
	static final int FAILED = 2;
	static final int UNLOADED = 3;
	static final int DRAINING = 4;
	static final int PINNED = 5;

	static final int KIND_PIPE = 1;
	static final int KIND_MAILSLOT = 2;
	static final int KIND_TCP = 4;
	static final int KIND_UDP = 8;
	static final int OP_INFO = 100;

	private static final int H_MAGIC = 0;
	private static final int H_VERSION = 4;
	private static final int H_SLOTS = 8;
	private static final int H_CAP = 12;
	private static final int H_DATA_SIZE = 16;
	private static final int H_STATE = 24;
	private static final int H_ERROR = 28;
	private static final int H_WRITE = 32;
	private static final int H_READ = 40;
	private static final int H_DROPPED = 48;
	private static final int H_TAIL = 64;
	private static final int H_STOP = 72;
	private static final int H_KINDS = 76;
	private static final int H_CAPTURER_PID = 80;
	private static final int H_PATCHED = 96;
	private static final int H_FILTER_CHARS = 100;
	private static final int H_RETARGETED = 104;
	private static final int H_INFLIGHT = 108;
	private static final int H_FILTER = 128;

	private static final int S_SEQUENCE = 0;
	private static final int S_TIME = 8;
	private static final int S_HANDLE = 16;
	private static final int S_TID = 24;
	private static final int S_OP = 28;
	private static final int S_CALL = 30;
	private static final int S_REQUESTED = 32;
	private static final int S_TRANSFERRED = 40;
	private static final int S_STATUS = 48;
	private static final int S_STORED = 52;
	private static final int S_DATA_START = 56;

	private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
	private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

	/** One record as the DLL wrote it; time in performance-counter microseconds. */
	record Entry(long counterMicros, long handle, long tid, int op, int call, long requested, long transferred,
			int status, byte[] payload) {
	}

	private final ByteBuffer ring;
	private final int slots;
	private final long dataSize;

	private TrafficRing(ByteBuffer ring) {
		this.ring = ring.order(ByteOrder.LITTLE_ENDIAN);
		this.slots = ring.getInt(H_SLOTS);
		this.dataSize = ring.getLong(H_DATA_SIZE);
	}

	/** @return the payload ring's size: room for every slot's cap, within {@link #MAX_DATA} */
	static long dataSize(int slots, int cap) {
		long oneCap = align(Math.max(cap, 4 + 2 * 512));
		return Math.max(oneCap, Math.min((long) slots * align(Math.max(cap, 64)), MAX_DATA));
	}

	static long sectionSize(int slots, int cap) {
		return HEADER_SIZE + (long) slots * SLOT_SIZE + dataSize(slots, cap);
	}

	/**
	 * Lays out an empty ring in {@code buffer} (a fresh section, all zero) for the DLL to find.
	 *
	 * @param filter the one pipe or mailslot NT name wanted, or {@code null}
	 */
	static TrafficRing create(ByteBuffer buffer, int slots, int cap, int kinds, String filter, long capturerPid) {
		buffer.order(ByteOrder.LITTLE_ENDIAN);
		buffer.putInt(H_VERSION, VERSION);
		buffer.putInt(H_SLOTS, slots);
		buffer.putInt(H_CAP, cap);
		buffer.putLong(H_DATA_SIZE, dataSize(slots, cap));
		buffer.putInt(H_KINDS, kinds);
		buffer.putLong(H_CAPTURER_PID, capturerPid);
		if (filter != null) {
			byte[] name = filter.getBytes(StandardCharsets.UTF_16LE);
			if (name.length / 2 > MAX_FILTER_CHARS) {
				throw new IllegalArgumentException("object name longer than " + MAX_FILTER_CHARS + " characters");
			}
			buffer.put(H_FILTER, name);
			buffer.putInt(H_FILTER_CHARS, name.length / 2);
		}
		INT.setRelease(buffer, H_MAGIC, MAGIC);
		return new TrafficRing(buffer);
	}

	static long align(long bytes) {
		return (bytes + 7) & ~7L;
	}

	int state() {
		return (int) INT.getAcquire(ring, H_STATE);
	}

	int error() {
		return (int) INT.getAcquire(ring, H_ERROR);
	}

	int patched() {
		return (int) INT.getAcquire(ring, H_PATCHED);
	}

	int retargeted() {
		return (int) INT.getAcquire(ring, H_RETARGETED);
	}

	int inflight() {
		return (int) INT.getAcquire(ring, H_INFLIGHT);
	}

	long dropped() {
		return (long) LONG.getAcquire(ring, H_DROPPED);
	}

	/** Asks the DLL's watchdog to unhook and unload. */
	void requestStop() {
		INT.setRelease(ring, H_STOP, 1);
	}

	/**
	 * Hands every published record, in order, to {@code sink} and frees its slot and payload
	 * space; stops at the first record still being written.
	 *
	 * @return how many were read
	 */
	int poll(Consumer<Entry> sink) {
		long read = (long) LONG.getAcquire(ring, H_READ);
		long written = (long) LONG.getAcquire(ring, H_WRITE);
		int count = 0;
		while (read < written) {
			int slot = HEADER_SIZE + (int) (read % slots) * SLOT_SIZE;
			if ((long) LONG.getAcquire(ring, slot + S_SEQUENCE) != read + 1) {
				break;
			}
			int stored = ring.getInt(slot + S_STORED);
			long start = ring.getLong(slot + S_DATA_START);
			byte[] payload = new byte[stored];
			ring.get(HEADER_SIZE + slots * SLOT_SIZE + (int) (start % dataSize), payload);
			Entry entry = new Entry(ring.getLong(slot + S_TIME), ring.getLong(slot + S_HANDLE),
					Integer.toUnsignedLong(ring.getInt(slot + S_TID)), ring.getShort(slot + S_OP) & 0xffff,
					ring.getShort(slot + S_CALL) & 0xffff, ring.getLong(slot + S_REQUESTED),
					ring.getLong(slot + S_TRANSFERRED), ring.getInt(slot + S_STATUS), payload);
			LONG.setRelease(ring, H_TAIL, start + align(stored));
			read++;
			LONG.setRelease(ring, H_READ, read);
			sink.accept(entry);
			count++;
		}
		return count;
	}
}
