package org.ipcscope.core.clipboard;

/**
 * One format (Windows) or target (X11) on a clipboard, with its content when it was read.
 *
 * @param id      the format id (Windows) or the target's atom (X11)
 * @param name    the standard name (CF_TEXT), the registered name, or the atom's name
 * @param size    the content's size in bytes, -1 when it was not read
 * @param content the first bytes of the content up to the read's cap, {@code null} when not read
 * @param note    why the content was not read, or what else is known; empty when nothing
 */
public record ClipboardFormat(long id, String name, long size, byte[] content, String note) {

	public ClipboardFormat {
		name = name == null ? "" : name;
		note = note == null ? "" : note;
	}

	/** A format listed without reading it. */
	public static ClipboardFormat listed(long id, String name, String note) {
		return new ClipboardFormat(id, name, -1, null, note);
	}

	public boolean read() {
		return content != null;
	}

	/** @return whether the content holds less than the whole (the cap cut it) */
	public boolean truncated() {
		return content != null && size > content.length;
	}
}
