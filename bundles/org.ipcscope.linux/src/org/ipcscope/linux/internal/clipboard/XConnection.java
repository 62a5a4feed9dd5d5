package org.ipcscope.linux.internal.clipboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * One connection to the X server with an input-only window of its own that receives selection
 * conversions. Replies that fail come back as {@code null}: a window that vanished is an answer,
 * not an error that ends the process.
 */
final class XConnection implements AutoCloseable {

	/** A property's type, format (8, 16 or 32), the bytes read and how many more there were. */
	record Property(int type, int format, byte[] bytes, long bytesAfter) {
		long size() {
			return bytes.length + bytesAfter;
		}
	}

	private static final Xcb XCB = Xcb.INSTANCE;

	final Pointer c;
	final int root;
	final int window;
	private final Map<String, Integer> atoms = new HashMap<>();
	private final Map<Integer, String> names = new HashMap<>();

	private XConnection(Pointer c) {
		this.c = c;
		Xcb.ScreenIterator.ByValue screens = XCB.xcb_setup_roots_iterator(XCB.xcb_get_setup(c));
		this.root = screens.data.getInt(0);
		this.window = XCB.xcb_generate_id(c);
		XCB.xcb_create_window(c, (byte) 0, window, root, (short) 0, (short) 0, (short) 1, (short) 1, (short) 0,
				(short) Xcb.WINDOW_CLASS_INPUT_ONLY, 0, 0, null);
		XCB.xcb_flush(c);
	}

	/** @throws IOException saying why there is no X server to talk to */
	static XConnection open(String display) throws IOException {
		if (display == null || display.isEmpty()) {
			throw new IOException("DISPLAY is not set: there is no X server to ask.");
		}
		Pointer c = XCB.xcb_connect(display, new IntByReference());
		if (c == null || XCB.xcb_connection_has_error(c) != 0) {
			if (c != null) {
				XCB.xcb_disconnect(c);
			}
			throw new IOException("Could not connect to the X server of DISPLAY " + display + ".");
		}
		return new XConnection(c);
	}

	int atom(String name) {
		return atoms.computeIfAbsent(name, n -> {
			byte[] bytes = n.getBytes(StandardCharsets.ISO_8859_1);
			Pointer reply = XCB.xcb_intern_atom_reply(c, XCB.xcb_intern_atom(c, (byte) 0, (short) bytes.length, n), null);
			return reply == null ? 0 : take(reply, r -> r.getInt(8));
		});
	}

	String name(int atom) {
		return names.computeIfAbsent(atom, a -> {
			Pointer reply = XCB.xcb_get_atom_name_reply(c, XCB.xcb_get_atom_name(c, a), null);
			if (reply == null) {
				return "atom " + Integer.toUnsignedString(a);
			}
			return take(reply, r -> new String(r.getByteArray(32, Short.toUnsignedInt(r.getShort(8))), StandardCharsets.ISO_8859_1));
		});
	}

	/** @return the selection's owner window, 0 when nobody owns it */
	int owner(int selection) {
		Pointer reply = XCB.xcb_get_selection_owner_reply(c, XCB.xcb_get_selection_owner(c, selection), null);
		return reply == null ? 0 : take(reply, r -> r.getInt(8));
	}

	/** @return up to {@code maxBytes} of the property (whole 32-bit units), or {@code null} when there is none */
	Property property(int on, int property, int maxBytes, boolean delete) {
		int units = (int) Math.min(Integer.MAX_VALUE, (maxBytes + 3L) / 4);
		Pointer reply = XCB.xcb_get_property_reply(c,
				XCB.xcb_get_property(c, (byte) (delete ? 1 : 0), on, property, Xcb.GET_PROPERTY_TYPE_ANY, 0, units), null);
		if (reply == null) {
			return null;
		}
		return take(reply, r -> {
			int type = r.getInt(8);
			if (type == 0) {
				return null;
			}
			int length = XCB.xcb_get_property_value_length(r);
			byte[] bytes = XCB.xcb_get_property_value(r).getByteArray(0, length);
			return new Property(type, Byte.toUnsignedInt(r.getByte(1)), bytes, Integer.toUnsignedLong(r.getInt(12)));
		});
	}

	/**
	 * The pid of the local client that created {@code window}, from the X-Resource extension.
	 *
	 * @return the pid, or -1 when the server does not know it (a remote client), has no X-Resource
	 *         1.2, or libxcb-res is not installed
	 */
	long clientPid(int window) {
		Xcb.Res res;
		try {
			res = Xcb.Res.INSTANCE;
		} catch (LinkageError e) {
			return -1;
		}
		Memory spec = new Memory(8);
		spec.setInt(0, window);
		spec.setInt(4, Xcb.Res.CLIENT_ID_MASK_LOCAL_CLIENT_PID);
		Pointer reply = res.xcb_res_query_client_ids_reply(c, res.xcb_res_query_client_ids(c, 1, spec), null);
		if (reply == null) {
			return -1;
		}
		Long pid = take(reply, r -> {
			// the reply's 32 bytes, then each id: its spec (client, mask), its length in bytes, its values
			int ids = r.getInt(8);
			long offset = 32;
			for (int i = 0; i < ids; i++) {
				int mask = r.getInt(offset + 4);
				int length = r.getInt(offset + 8);
				if (mask == Xcb.Res.CLIENT_ID_MASK_LOCAL_CLIENT_PID && length == 4) {
					return Integer.toUnsignedLong(r.getInt(offset + 12));
				}
				offset += 12 + Integer.toUnsignedLong(length);
			}
			return null;
		});
		return pid == null ? -1 : pid;
	}

	/**
	 * Asks the owner to convert the selection to {@code target} into a property of this
	 * connection's window, and waits for its answer.
	 *
	 * @return the property holding the answer, 0 when the owner refused
	 * @throws IOException when the owner did not answer in time
	 */
	int convert(int selection, int target, long timeoutMs) throws IOException {
		int property = atom("IPCSCOPE_SELECTION");
		XCB.xcb_delete_property(c, window, property);
		XCB.xcb_convert_selection(c, window, selection, target, property, 0);
		XCB.xcb_flush(c);
		long end = System.nanoTime() + timeoutMs * 1_000_000;
		for (Pointer event = next(end); event != null; event = next(end)) {
			try {
				if ((event.getByte(0) & 0x7f) == Xcb.SELECTION_NOTIFY && event.getInt(8) == window
						&& event.getInt(12) == selection && event.getInt(16) == target) {
					return event.getInt(20);
				}
			} finally {
				Xcb.C.INSTANCE.free(event);
			}
		}
		throw new IOException("The owner did not answer the request for " + name(target) + " in " + timeoutMs + " ms.");
	}

	/** @return the next event, or {@code null} when none came before {@code deadline} (System.nanoTime) */
	Pointer next(long deadline) {
		Memory poll = new Memory(8);
		while (true) {
			Pointer event = XCB.xcb_poll_for_event(c);
			if (event != null) {
				return event;
			}
			long left = (deadline - System.nanoTime()) / 1_000_000;
			if (left <= 0 || XCB.xcb_connection_has_error(c) != 0) {
				return null;
			}
			poll.setInt(0, XCB.xcb_get_file_descriptor(c));
			poll.setShort(4, Xcb.C.POLLIN);
			poll.setShort(6, (short) 0);
			Xcb.C.INSTANCE.poll(poll, 1, (int) Math.min(left, 1000));
		}
	}

	private static <T> T take(Pointer reply, java.util.function.Function<Pointer, T> read) {
		try {
			return read.apply(reply);
		} finally {
			Xcb.C.INSTANCE.free(reply);
		}
	}

	@Override
	public void close() {
		XCB.xcb_destroy_window(c, window);
		XCB.xcb_flush(c);
		XCB.xcb_disconnect(c);
	}
}
