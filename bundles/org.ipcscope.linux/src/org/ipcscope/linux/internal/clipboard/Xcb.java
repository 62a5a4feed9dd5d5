package org.ipcscope.linux.internal.clipboard;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;

/**
 * The libxcb calls the X11 clipboard reader needs. XCB rather than Xlib: Xlib reports protocol
 * errors (a window that vanished) to one process-wide handler that exits by default, and the
 * workbench's GTK owns that handler; XCB hands each error to the caller. A cookie (a struct of
 * one unsigned int) is passed and returned as an int, as the x86-64 and aarch64 ABIs do.
 */
interface Xcb extends Library {

	Xcb INSTANCE = Native.load("xcb", Xcb.class);

	int SELECTION_NOTIFY = 31;
	int PROPERTY_NOTIFY = 28;
	int WINDOW_CLASS_INPUT_ONLY = 2;
	int ATOM_ATOM = 4;
	int ATOM_CARDINAL = 6;
	int ATOM_STRING = 31;
	int GET_PROPERTY_TYPE_ANY = 0;

	Pointer xcb_connect(String display, IntByReference screen);

	int xcb_connection_has_error(Pointer c);

	void xcb_disconnect(Pointer c);

	int xcb_get_file_descriptor(Pointer c);

	int xcb_flush(Pointer c);

	int xcb_generate_id(Pointer c);

	Pointer xcb_get_setup(Pointer c);

	ScreenIterator.ByValue xcb_setup_roots_iterator(Pointer setup);

	int xcb_intern_atom(Pointer c, byte onlyIfExists, short length, String name);

	Pointer xcb_intern_atom_reply(Pointer c, int cookie, Pointer error);

	int xcb_get_atom_name(Pointer c, int atom);

	Pointer xcb_get_atom_name_reply(Pointer c, int cookie, Pointer error);

	int xcb_get_selection_owner(Pointer c, int selection);

	Pointer xcb_get_selection_owner_reply(Pointer c, int cookie, Pointer error);

	int xcb_create_window(Pointer c, byte depth, int window, int parent, short x, short y, short width, short height,
			short border, short windowClass, int visual, int valueMask, Pointer values);

	int xcb_destroy_window(Pointer c, int window);

	int xcb_convert_selection(Pointer c, int requestor, int selection, int target, int property, int time);

	int xcb_get_property(Pointer c, byte delete, int window, int property, int type, int offset, int length);

	Pointer xcb_get_property_reply(Pointer c, int cookie, Pointer error);

	Pointer xcb_get_property_value(Pointer reply);

	int xcb_get_property_value_length(Pointer reply);

	int xcb_delete_property(Pointer c, int window, int property);

	Pointer xcb_poll_for_event(Pointer c);

	Pointer xcb_get_extension_data(Pointer c, Pointer extension);

	/** xcb_screen_iterator_t: the screen, how many remain, its index. */
	@Structure.FieldOrder({ "data", "rem", "index" })
	class ScreenIterator extends Structure {
		public Pointer data;
		public int rem;
		public int index;

		public static class ByValue extends ScreenIterator implements Structure.ByValue {
		}
	}

	/** libxcb-xfixes: selection ownership events. */
	interface XFixes extends Library {

		XFixes INSTANCE = Native.load("xcb-xfixes", XFixes.class);

		int SET_SELECTION_OWNER_NOTIFY_MASK = 1;
		int SELECTION_WINDOW_DESTROY_NOTIFY_MASK = 2;
		int SELECTION_CLIENT_CLOSE_NOTIFY_MASK = 4;

		int xcb_xfixes_query_version(Pointer c, int major, int minor);

		Pointer xcb_xfixes_query_version_reply(Pointer c, int cookie, Pointer error);

		int xcb_xfixes_select_selection_input(Pointer c, int window, int selection, int eventMask);
	}

	/**
	 * libxcb-res: the X-Resource extension (1.2), which tells the pid of a local client that owns
	 * a window, learnt by the server from the client's socket, whatever the client set on it.
	 */
	interface Res extends Library {

		Res INSTANCE = Native.load("xcb-res", Res.class);

		int CLIENT_ID_MASK_LOCAL_CLIENT_PID = 2;

		/** @param specs xcb_res_client_id_spec_t[]: u32 client (any XID of it), u32 mask */
		int xcb_res_query_client_ids(Pointer c, int numSpecs, Pointer specs);

		Pointer xcb_res_query_client_ids_reply(Pointer c, int cookie, Pointer error);
	}

	/** libc's poll and free, for waiting on the connection and freeing XCB's replies. */
	interface C extends Library {

		C INSTANCE = Native.load("c", C.class);

		short POLLIN = 1;

		int poll(Pointer fds, long count, int timeoutMs);

		void free(Pointer memory);
	}
}
