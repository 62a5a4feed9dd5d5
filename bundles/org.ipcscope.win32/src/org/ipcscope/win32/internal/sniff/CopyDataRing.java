package org.ipcscope.win32.internal.sniff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.BitSet;
import java.util.function.Consumer;

/**
 * The reading side of the ring buffer that ipcscope_copydata.dll (native/copydata/copydata_hook.c)
 * fills inside the target; the one place its layout is decoded. All fields little-endian.
 *
 * <pre>
 * header, 128 bytes                          slot, 96 bytes, at 8320 + (index % slots) * 96
 *   0 u32 magic "IPCD"   4 u32 version 2       0 u64 sequence = index + 1, written last (publishes it)
 *   8 u32 slots         12 u32 payload cap     8 u64 time: performance counter in microseconds
 *  16 u64 data size (payload ring bytes)      16 u64 wParam        24 u64 dwData (WM_COPYDATA, else 0)
 *  24 u32 state         28 u32 Win32 error    32 u64 cbData        40 i64 result of the window procedure
 *  32 u64 write index (the DLL)               48 i64 sender pid or -1
 *  40 u64 read index (this reader)            56 u64 payload start, 64 u64 payload end: positions in the
 *  48 u64 dropped (the DLL)                           data ring counted from its creation (offset = start % size)
 *  56 u64 data head (the DLL)                 72 u32 bytes stored (cbData cut to the cap)
 *  64 u64 data tail (this reader)             76 u32 flags: 1 result known, 2 posted, 4 sent by the window's
 *  72 u64 hwnd          80 u64 target pid             own thread, 8 SendNotifyMessage, 16 SendMessageCallback
 *  88 u32 options: 1 = also record messages   80 u32 message       84 u32 sender thread (0: not known)
 *         above 0xFFFF                        88 u64 lParam
 *  92 u32 our control message (never recorded)
 *  96 u32 error of the WH_GETMESSAGE hook (0: posted messages are recorded)
 * bitmap at 128, 8192 bytes: bit m (byte m / 8, bit m % 8) set = record message m
 * slots at 8320; data ring at 8320 + slots * 96, "data size" bytes; a payload never wraps: the DLL skips the end.
 * </pre>
 *
 * Version 2 added the bitmap, the message, its lParam, the sender thread and the flags beyond 1.
 *
 * The DLL never waits: a message that finds no free slot or payload space only counts a drop.
 */
final class CopyDataRing {

	static final int MAGIC = 0x44435049;
	static final int VERSION = 2;
	static final int HEADER_SIZE = 128;
	static final int BITMAP_SIZE = 8192;
	static final int SLOTS_OFFSET = HEADER_SIZE + BITMAP_SIZE;
	static final int SLOT_SIZE = 96;
	/** The payload ring stays below this however many slots and however big a cap were asked for. */
	static final long MAX_DATA = 64L << 20;

	/** Values of the state field. */
	static final int WAITING = 0;
	static final int ATTACHED = 1;
	static final int DETACHED = 2;
	static final int DESTROYED = 3;
	static final int FAILED = 4;
	static final int LEFT_SUBCLASSED = 5;

	static final int H_MAGIC = 0;
	static final int H_VERSION = 4;
	static final int H_SLOTS = 8;
	static final int H_CAP = 12;
	static final int H_DATA_SIZE = 16;
	static final int H_STATE = 24;
	static final int H_ERROR = 28;
	static final int H_WRITE = 32;
	static final int H_READ = 40;
	static final int H_DROPPED = 48;
	static final int H_HEAD = 56;
	static final int H_TAIL = 64;
	static final int H_OPTIONS = 88;
	static final int H_CONTROL = 92;
	static final int H_HOOK_ERROR = 96;
	static final int OPTION_ABOVE = 1;

	static final int S_SEQUENCE = 0;
	static final int S_TIME = 8;
	static final int S_WPARAM = 16;
	static final int S_DWDATA = 24;
	static final int S_CBDATA = 32;
	static final int S_RESULT = 40;
	static final int S_SENDER_PID = 48;
	static final int S_DATA_START = 56;
	static final int S_DATA_END = 64;
	static final int S_STORED = 72;
	static final int S_FLAGS = 76;
	static final int S_MESSAGE = 80;
	static final int S_SENDER_THREAD = 84;
	static final int S_LPARAM = 88;
	static final int FLAG_RESULT = 1;
	static final int FLAG_POSTED = 2;
	static final int FLAG_SAME_THREAD = 4;

	private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
	private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

	/** One message as the DLL recorded it; time in performance-counter microseconds; sender thread 0 if unknown. */
	record Entry(long index, long counterMicros, int message, long wParam, long lParam, long dwData, long cbData,
			long result, int flags, long senderPid, long senderThread, byte[] payload) {

		boolean resultKnown() {
			return (flags & FLAG_RESULT) != 0;
		}

		boolean posted() {
			return (flags & FLAG_POSTED) != 0;
		}
	}

	private final ByteBuffer ring;
	private final int slots;
	private final long dataSize;

	private CopyDataRing(ByteBuffer ring) {
		this.ring = ring.order(ByteOrder.LITTLE_ENDIAN);
		this.slots = ring.getInt(H_SLOTS);
		this.dataSize = ring.getLong(H_DATA_SIZE);
	}

	/** @return the payload ring's size for these options: room for every slot's cap, within {@link #MAX_DATA} */
	static long dataSize(int slots, int cap) {
		long oneCap = align(cap);
		return Math.max(Math.max(8, oneCap), Math.min((long) slots * oneCap, MAX_DATA));
	}

	/** @return the bytes the section needs */
	static long sectionSize(int slots, int cap) {
		return SLOTS_OFFSET + (long) slots * SLOT_SIZE + dataSize(slots, cap);
	}

	/** Lays out an empty ring in {@code buffer} (a fresh section, all zero) that records WM_COPYDATA only. */
	static CopyDataRing create(ByteBuffer buffer, int slots, int cap) {
		BitSet copyData = new BitSet();
		copyData.set(0x004A);
		return create(buffer, slots, cap, copyData, false, 0);
	}

	/**
	 * Lays out an empty ring in {@code buffer} (a fresh section, all zero) for the DLL to find.
	 *
	 * @param record  the messages (0-0xFFFF) the DLL records
	 * @param above   whether it records messages above 0xFFFF too
	 * @param control our control message, never recorded
	 */
	static CopyDataRing create(ByteBuffer buffer, int slots, int cap, BitSet record, boolean above, int control) {
		buffer.order(ByteOrder.LITTLE_ENDIAN);
		byte[] bitmap = record.toByteArray(); // little-endian bit order within bytes, as the DLL reads it
		buffer.put(HEADER_SIZE, bitmap, 0, Math.min(bitmap.length, BITMAP_SIZE));
		buffer.putInt(H_OPTIONS, above ? OPTION_ABOVE : 0);
		buffer.putInt(H_CONTROL, control);
		buffer.putInt(H_VERSION, VERSION);
		buffer.putInt(H_SLOTS, slots);
		buffer.putInt(H_CAP, cap);
		buffer.putLong(H_DATA_SIZE, dataSize(slots, cap));
		INT.setRelease(buffer, H_MAGIC, MAGIC);
		return new CopyDataRing(buffer);
	}

	/** Reads a ring as the DLL left it. */
	static CopyDataRing open(ByteBuffer buffer) {
		buffer.order(ByteOrder.LITTLE_ENDIAN);
		if (buffer.getInt(H_MAGIC) != MAGIC || buffer.getInt(H_VERSION) != VERSION) {
			throw new IllegalArgumentException("not a WM_COPYDATA ring: magic 0x" + Integer.toHexString(buffer.getInt(H_MAGIC))
					+ ", version " + buffer.getInt(H_VERSION));
		}
		return new CopyDataRing(buffer);
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

	/** @return why the DLL could not hook the target thread's message queue (0: posted messages are recorded) */
	int hookError() {
		return (int) INT.getAcquire(ring, H_HOOK_ERROR);
	}

	long dropped() {
		return (long) LONG.getAcquire(ring, H_DROPPED);
	}

	/** @return messages reserved by the DLL, published or not */
	long written() {
		return (long) LONG.getAcquire(ring, H_WRITE);
	}

	long read() {
		return (long) LONG.getAcquire(ring, H_READ);
	}

	/**
	 * Hands every published message, in order, to {@code sink} and frees its slot and payload
	 * space; stops at the first message still being handled by the target.
	 *
	 * @return how many were read
	 */
	int poll(Consumer<Entry> sink) {
		long read = read();
		long written = written();
		int count = 0;
		while (read < written) {
			int slot = SLOTS_OFFSET + (int) (read % slots) * SLOT_SIZE;
			if ((long) LONG.getAcquire(ring, slot + S_SEQUENCE) != read + 1) {
				break;
			}
			int stored = ring.getInt(slot + S_STORED);
			long start = ring.getLong(slot + S_DATA_START);
			byte[] payload = new byte[stored];
			ring.get(SLOTS_OFFSET + slots * SLOT_SIZE + (int) (start % dataSize), payload);
			Entry entry = new Entry(read, ring.getLong(slot + S_TIME), ring.getInt(slot + S_MESSAGE),
					ring.getLong(slot + S_WPARAM), ring.getLong(slot + S_LPARAM), ring.getLong(slot + S_DWDATA),
					ring.getLong(slot + S_CBDATA), ring.getLong(slot + S_RESULT), ring.getInt(slot + S_FLAGS),
					ring.getLong(slot + S_SENDER_PID), Integer.toUnsignedLong(ring.getInt(slot + S_SENDER_THREAD)), payload);
			LONG.setRelease(ring, H_TAIL, ring.getLong(slot + S_DATA_END));
			read++;
			LONG.setRelease(ring, H_READ, read);
			sink.accept(entry);
			count++;
		}
		return count;
	}
}
