package org.ipcscope.core.clipboard;

import java.util.List;

/**
 * What a clipboard held at one moment.
 *
 * @param selection  "CLIPBOARD" (the Windows clipboard, or the X11 selection of that name) or "PRIMARY"
 * @param timeMicros when it was read, microseconds since the epoch
 * @param sequence   the system's change counter (GetClipboardSequenceNumber; X11: the selection's
 *                   ownership timestamp), -1 when there is none
 * @param owner      the owner window, {@code null} when nobody owns it
 * @param openBy     the window holding the clipboard open (Windows), {@code null} when none
 * @param formats    the formats in the order the system lists them
 * @param problem    why something could not be read, {@code null} when all went well
 */
public record ClipboardSnapshot(String selection, long timeMicros, long sequence, ClipboardWindow owner,
		ClipboardWindow openBy, List<ClipboardFormat> formats, String problem) {

	public ClipboardSnapshot {
		formats = List.copyOf(formats);
	}

	/** @return the format of that name (case as the system gives it), or {@code null} */
	public ClipboardFormat format(String name) {
		return formats.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
	}
}
