package org.ipcscope.linux.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.text.NameBytes;
import org.ipcscope.core.traffic.TrafficOp;

/**
 * One frame of what {@code ipcscope-trace} writes (its source describes them): a call it
 * recorded, or an event of the capture. Decoded here and nowhere else.
 */
sealed interface TraceFrame {

	/** A call on a descriptor; {@code link} is the descriptor's link target ({@code pipe:[1]}, a path). */
	record Call(TrafficOp op, IpcKind kind, long pid, long tid, int fd, int errno, long timeMicros, long requested,
			long transferred, String call, String link, byte[] payload) implements TraceFrame {
	}

	record Attached(long pid) implements TraceFrame {
	}

	record Refused(long pid, int errno) implements TraceFrame {
	}

	/** @param exited whether it exited (else it was released and runs on untraced) */
	record Detached(long pid, boolean exited) implements TraceFrame {
	}

	record Dropped(long total) implements TraceFrame {
	}

	/** Every process has been tried: those attached are being captured. */
	record Started() implements TraceFrame {
	}

	/** The kinds' bits on the tracer's command line and in its records. */
	static int kindBit(IpcKind kind) {
		return switch (kind) {
		case PIPE -> 1;
		case FIFO -> 2;
		case UNIX_SOCKET -> 4;
		case TCP -> 8;
		case UDP -> 16;
		default -> 0;
		};
	}

	static IpcKind kindOf(int bit) {
		return switch (bit) {
		case 1 -> IpcKind.PIPE;
		case 2 -> IpcKind.FIFO;
		case 4 -> IpcKind.UNIX_SOCKET;
		case 8 -> IpcKind.TCP;
		case 16 -> IpcKind.UDP;
		default -> throw new IllegalArgumentException("unknown kind bit " + bit);
		};
	}

	/**
	 * @param limit the longest frame accepted (a bad length must not make us allocate gigabytes)
	 * @return the next frame, or {@code null} at the end of the stream
	 * @throws IOException when the stream is cut or malformed
	 */
	static TraceFrame read(InputStream in, int limit) throws IOException {
		DataInputStream data = in instanceof DataInputStream d ? d : new DataInputStream(in);
		byte[] head = new byte[4];
		int first = data.read(head);
		if (first < 0) {
			return null;
		}
		data.readFully(head, first, 4 - first);
		int length = ByteBuffer.wrap(head).order(ByteOrder.nativeOrder()).getInt();
		if (length < 1 || length > limit) {
			throw new IOException("the tracer sent a frame of " + Integer.toUnsignedString(length) + " bytes");
		}
		byte[] body = new byte[length];
		try {
			data.readFully(body);
		} catch (EOFException e) {
			throw new IOException("the tracer's output ends within a frame", e);
		}
		return decode(body);
	}

	/** @param body the type byte and what follows it */
	static TraceFrame decode(byte[] body) throws IOException {
		ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.nativeOrder());
		try {
			char type = (char) b.get();
			return switch (type) {
			case 'R' -> call(b);
			case 'A' -> new Attached(Integer.toUnsignedLong(b.getInt()));
			case 'F' -> new Refused(Integer.toUnsignedLong(b.getInt()), b.getInt());
			case 'D' -> new Detached(Integer.toUnsignedLong(b.getInt()), b.getInt() == 0);
			case 'X' -> new Dropped(b.getLong());
			case 'S' -> new Started();
			default -> throw new IOException("the tracer sent a frame of unknown type " + (int) type);
			};
		} catch (RuntimeException e) {
			throw new IOException("the tracer sent a malformed frame: " + e.getMessage(), e);
		}
	}

	private static Call call(ByteBuffer b) {
		TrafficOp op = TrafficOp.values()[b.get()];
		IpcKind kind = kindOf(b.get());
		b.getShort();
		long pid = Integer.toUnsignedLong(b.getInt());
		long tid = Integer.toUnsignedLong(b.getInt());
		int fd = b.getInt();
		int errno = b.getInt();
		long time = b.getLong();
		long requested = b.getLong();
		long transferred = b.getLong();
		int callLength = Short.toUnsignedInt(b.getShort());
		int nameLength = Short.toUnsignedInt(b.getShort());
		int payloadLength = b.getInt();
		b.position(b.position() + 8);
		int at = b.position();
		byte[] array = b.array();
		String call = new String(array, at, callLength, java.nio.charset.StandardCharsets.US_ASCII);
		String link = NameBytes.decode(Arrays.copyOfRange(array, at + callLength, at + callLength + nameLength));
		int payloadAt = at + callLength + nameLength;
		if (payloadLength < 0 || payloadAt + payloadLength > array.length) {
			throw new IllegalArgumentException("payload of " + payloadLength + " bytes past the frame's end");
		}
		byte[] payload = Arrays.copyOfRange(array, payloadAt, payloadAt + payloadLength);
		return new Call(op, kind, pid, tid, fd, errno, time, requested, transferred, call, link, payload);
	}
}
