package org.ipcscope.linux.internal.clipboard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.ipcscope.core.clipboard.ClipboardFormat;
import org.ipcscope.core.clipboard.ClipboardSnapshot;
import org.ipcscope.core.clipboard.ClipboardWindow;
import org.ipcscope.core.clipboard.ContentRequest;

/**
 * One read of an X11 selection: its owner window and that window's process, the targets the owner
 * offers (asking for TARGETS is itself a request the owner answers), and the content of the
 * targets asked for. Targets that make an owner act rather than answer are never asked for.
 */
final class X11Selections {

	/** Targets that are requests to act (DELETE the selection, save it, insert...) or lists of other targets. */
	static final Set<String> NEVER_CONVERTED = Set.of("DELETE", "INSERT_SELECTION", "INSERT_PROPERTY", "MULTIPLE",
			"SAVE_TARGETS", "TARGETS", "TIMESTAMP");
	private static final long ANSWER_MS = 2000;
	private static final int MAX_TARGETS = 1024;

	private X11Selections() {
	}

	static ClipboardSnapshot read(String display, String selection, ContentRequest request) throws IOException {
		long time = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
		try (XConnection x = XConnection.open(display)) {
			int atom = x.atom(selection);
			int owner = x.owner(atom);
			if (owner == 0) {
				return new ClipboardSnapshot(selection, time, -1, null, null, List.of(), null);
			}
			ClipboardWindow ownerWindow = owner(x, owner);
			int targets;
			try {
				targets = x.convert(atom, x.atom("TARGETS"), ANSWER_MS);
			} catch (IOException e) {
				return new ClipboardSnapshot(selection, time, -1, ownerWindow, null, List.of(), e.getMessage());
			}
			XConnection.Property list = targets == 0 ? null : x.property(x.window, targets, MAX_TARGETS * 4, true);
			if (list == null || list.format() != 32) {
				return new ClipboardSnapshot(selection, time, -1, ownerWindow, null, List.of(),
						"The owner did not say which targets it offers (it refused TARGETS).");
			}
			List<ClipboardFormat> formats = new ArrayList<>();
			ByteBuffer atoms = ByteBuffer.wrap(list.bytes()).order(ByteOrder.nativeOrder());
			while (atoms.remaining() >= 4) {
				int target = atoms.getInt();
				String name = x.name(target);
				long id = Integer.toUnsignedLong(target);
				if (NEVER_CONVERTED.contains(name)) {
					formats.add(ClipboardFormat.listed(id, name, "not asked for: a request to the owner, not content"));
				} else if (request.wants(id, name)) {
					formats.add(content(x, atom, target, id, name, request.cap()));
				} else {
					formats.add(ClipboardFormat.listed(id, name, ""));
				}
			}
			return new ClipboardSnapshot(selection, time, -1, ownerWindow, null, formats, null);
		}
	}

	private static ClipboardFormat content(XConnection x, int selection, int target, long id, String name, int cap) {
		int property;
		try {
			property = x.convert(selection, target, ANSWER_MS);
		} catch (IOException e) {
			return ClipboardFormat.listed(id, name, "no data: " + e.getMessage());
		}
		if (property == 0) {
			return ClipboardFormat.listed(id, name, "no data: the owner refused to convert to " + name);
		}
		XConnection.Property value = x.property(x.window, property, cap, true);
		if (value == null) {
			return ClipboardFormat.listed(id, name, "no data: the owner set no property");
		}
		if (x.name(value.type()).equals("INCR")) {
			// the owner would now send pieces; this connection's window, and so the transfer, ends with the read
			return ClipboardFormat.listed(id, name, "not read: the owner sends it in pieces (INCR, over 256 KiB or so)");
		}
		byte[] bytes = value.bytes().length > cap ? Arrays.copyOf(value.bytes(), cap) : value.bytes();
		return new ClipboardFormat(id, name, value.size(), bytes, x.name(value.type()).equals(name) ? "" : "type " + x.name(value.type()));
	}

	/**
	 * The owner window's process: as the X server knows it (X-Resource, from the client's socket),
	 * else from the _NET_WM_PID its client set on the window (clients such as xclip set none).
	 */
	static ClipboardWindow owner(XConnection x, int window) {
		long handle = Integer.toUnsignedLong(window);
		long server = x.clientPid(window);
		if (server > 0) {
			return new ClipboardWindow(handle, server, processName(server), "XRes");
		}
		XConnection.Property pid = x.property(window, x.atom("_NET_WM_PID"), 4, false);
		if (pid == null || pid.format() != 32 || pid.bytes().length < 4) {
			return new ClipboardWindow(handle, -1, "", "");
		}
		long value = Integer.toUnsignedLong(ByteBuffer.wrap(pid.bytes()).order(ByteOrder.nativeOrder()).getInt());
		return new ClipboardWindow(handle, value, processName(value), "_NET_WM_PID");
	}

	private static String processName(long pid) {
		try {
			return Files.readString(Path.of("/proc", Long.toString(pid), "comm"), StandardCharsets.UTF_8).strip();
		} catch (IOException e) {
			// a client on another machine, or one that has exited: its pid is all we know
			return "";
		}
	}
}
