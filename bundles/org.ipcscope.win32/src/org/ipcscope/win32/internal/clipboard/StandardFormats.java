package org.ipcscope.win32.internal.clipboard;

import java.util.Map;

/**
 * The predefined clipboard formats (winuser.h), and which of them are not global memory that can
 * be read as bytes.
 */
final class StandardFormats {

	static final int CF_BITMAP = 2;
	static final int CF_PALETTE = 9;
	static final int CF_ENHMETAFILE = 14;
	static final int CF_OWNERDISPLAY = 0x80;
	static final int CF_DSPBITMAP = 0x82;
	static final int CF_DSPENHMETAFILE = 0x8E;
	static final int CF_PRIVATEFIRST = 0x200;
	static final int CF_PRIVATELAST = 0x2FF;
	static final int CF_GDIOBJFIRST = 0x300;
	static final int CF_GDIOBJLAST = 0x3FF;
	/** Registered formats (RegisterClipboardFormat) take ids from here up. */
	static final int REGISTERED_FIRST = 0xC000;

	private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(1, "CF_TEXT"), Map.entry(2, "CF_BITMAP"),
			Map.entry(3, "CF_METAFILEPICT"), Map.entry(4, "CF_SYLK"), Map.entry(5, "CF_DIF"), Map.entry(6, "CF_TIFF"),
			Map.entry(7, "CF_OEMTEXT"), Map.entry(8, "CF_DIB"), Map.entry(9, "CF_PALETTE"), Map.entry(10, "CF_PENDATA"),
			Map.entry(11, "CF_RIFF"), Map.entry(12, "CF_WAVE"), Map.entry(13, "CF_UNICODETEXT"),
			Map.entry(14, "CF_ENHMETAFILE"), Map.entry(15, "CF_HDROP"), Map.entry(16, "CF_LOCALE"),
			Map.entry(17, "CF_DIBV5"), Map.entry(0x80, "CF_OWNERDISPLAY"), Map.entry(0x81, "CF_DSPTEXT"),
			Map.entry(0x82, "CF_DSPBITMAP"), Map.entry(0x83, "CF_DSPMETAFILEPICT"), Map.entry(0x8E, "CF_DSPENHMETAFILE"));

	private StandardFormats() {
	}

	/** @return the predefined name, a range's name for private and GDI object formats, or {@code null} */
	static String name(int format) {
		String name = NAMES.get(format);
		if (name != null) {
			return name;
		}
		if (format >= CF_PRIVATEFIRST && format <= CF_PRIVATELAST) {
			return "CF_PRIVATEFIRST+" + (format - CF_PRIVATEFIRST);
		}
		if (format >= CF_GDIOBJFIRST && format <= CF_GDIOBJLAST) {
			return "CF_GDIOBJFIRST+" + (format - CF_GDIOBJFIRST);
		}
		return null;
	}

	/** @return why the format's handle is not memory this reader copies, or {@code null} when it is */
	static String notMemory(int format) {
		return switch (format) {
		case CF_BITMAP, CF_DSPBITMAP -> "a GDI bitmap handle (CF_DIB holds the same picture as bytes)";
		case CF_PALETTE -> "a GDI palette handle";
		case CF_ENHMETAFILE, CF_DSPENHMETAFILE -> "an enhanced metafile handle";
		case CF_OWNERDISPLAY -> "drawn by the owner on request; there is no data";
		default -> format >= CF_PRIVATEFIRST && format <= CF_PRIVATELAST ? "a private handle only its owner understands"
				: format >= CF_GDIOBJFIRST && format <= CF_GDIOBJLAST ? "a GDI object handle" : null;
		};
	}
}
