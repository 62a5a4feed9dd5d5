package org.ipcscope.core.sniff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;

/**
 * The handle a window message may carry in wParam or lParam, and the IPC object it stands for in
 * an inventory: the object one of whose owners is that process holding it through that handle
 * (Windows: {@code handle 0x1A4}) or descriptor (Linux: {@code fd 5}). Only the inventory is
 * asked: the handle table of the process is what the provider already read.
 */
public final class MessageHandles {

	/** A process and a number that may be one of its handles. */
	public record Candidate(long pid, long handle) {
	}

	private MessageHandles() {
	}

	/**
	 * @return the pairs worth looking up, most likely first: the sender's own handle in wParam or
	 *         lParam (where the sender is known), then a pid in wParam with its handle in lParam
	 *         (the "Handle" recipe); none for WM_COPYDATA, whose wParam is a window
	 */
	public static List<Candidate> candidates(CapturedMessage m) {
		List<Candidate> candidates = new ArrayList<>();
		if (m.isCopyData()) {
			return candidates;
		}
		if (m.senderPid() > 0) {
			add(candidates, m.senderPid(), m.lParam());
			add(candidates, m.senderPid(), m.wParam());
		}
		if (m.wParam() > 0 && m.wParam() <= 0xffff_ffffL) {
			add(candidates, m.wParam(), m.lParam());
		}
		return candidates;
	}

	private static void add(List<Candidate> candidates, long pid, long handle) {
		// handles and descriptors are small positive numbers; a pointer-sized value is no handle
		if (handle > 0 && handle <= 0xffff_ffffL && !candidates.contains(new Candidate(pid, handle))) {
			candidates.add(new Candidate(pid, handle));
		}
	}

	/** @return the first object of {@code objects} that a candidate's process holds through its handle */
	public static Optional<IpcObject> find(Collection<IpcObject> objects, List<Candidate> candidates) {
		for (Candidate candidate : candidates) {
			for (IpcObject object : objects) {
				for (Owner owner : object.owners()) {
					if (owner.pid() == candidate.pid() && names(owner.handle(), candidate.handle())) {
						return Optional.of(object);
					}
				}
			}
		}
		return Optional.empty();
	}

	/** @return whether an owner's handle text ({@code handle 0x1A4}, {@code fd 5}) is this number */
	static boolean names(String handle, long value) {
		if (handle == null) {
			return false;
		}
		String text = handle.toLowerCase(Locale.ROOT);
		return text.equals("fd " + value) || text.equals("handle 0x" + Long.toHexString(value));
	}
}
