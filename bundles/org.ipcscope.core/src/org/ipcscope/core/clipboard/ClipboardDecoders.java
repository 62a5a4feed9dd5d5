package org.ipcscope.core.clipboard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Turns a clipboard format's bytes into what a person reads, chosen by the format's name, so the
 * same decoders serve Windows formats and X11 targets: text in its encoding, "HTML Format"'s
 * fragment, RTF as plain text, CF_HDROP's file list, a DIB's dimensions, and a hex dump of
 * anything else. Content cut by the read's cap decodes as far as it goes.
 */
public final class ClipboardDecoders {

	/** How many bytes a hex dump shows. */
	public static final int HEX_BYTES = 512;

	private ClipboardDecoders() {
	}

	/** @return the decoded content, or {@code null} when the format was not read */
	public static ClipboardContent decode(ClipboardFormat format) {
		byte[] bytes = format.content();
		if (bytes == null) {
			return null;
		}
		String cut = format.truncated() ? " (first " + bytes.length + " of " + format.size() + " bytes)" : "";
		String name = format.name();
		try {
			ClipboardContent content = byName(name, name.toLowerCase(Locale.ROOT), bytes);
			return new ClipboardContent(content.kind(), content.summary() + cut, content.text());
		} catch (RuntimeException e) {
			// malformed content from another program: show its bytes and why they did not decode
			return hex(bytes, "not valid " + name + " (" + e.getMessage() + ")" + cut);
		}
	}

	private static ClipboardContent byName(String name, String lower, byte[] bytes) {
		return switch (name) {
		case "CF_TEXT" -> text(bytes, Charset.forName("windows-1252"), "ANSI text (shown as windows-1252)");
		case "CF_OEMTEXT" -> text(bytes, Charset.forName("IBM437"), "OEM text (shown as code page 437)");
		case "CF_UNICODETEXT" -> text(bytes, StandardCharsets.UTF_16LE, "UTF-16LE text");
		case "STRING" -> text(bytes, StandardCharsets.ISO_8859_1, "Latin-1 text");
		case "UTF8_STRING", "TEXT", "text/plain", "text/plain;charset=utf-8" -> text(bytes, StandardCharsets.UTF_8, "UTF-8 text");
		case "HTML Format" -> HtmlFormat.decode(bytes);
		case "text/html" -> new ClipboardContent("html", "HTML", unicode(bytes));
		case "Rich Text Format", "text/rtf", "text/richtext" -> RtfText.decode(bytes);
		case "CF_HDROP" -> fileDrop(bytes);
		case "text/uri-list" -> uriList(bytes);
		case "CF_DIB", "CF_DIBV5" -> DibInfo.decode(bytes, 0);
		case "image/bmp" -> DibInfo.decode(bytes, DibInfo.FILE_HEADER);
		case "image/png" -> png(bytes);
		default -> lower.startsWith("text/plain;charset=") ? charsetText(bytes, lower) : hex(bytes, bytes.length + " bytes");
		};
	}

	static ClipboardContent text(byte[] bytes, Charset charset, String summary) {
		int unit = charset.equals(StandardCharsets.UTF_16LE) ? 2 : 1;
		int end = terminator(bytes, unit);
		return new ClipboardContent("text", summary + (end < bytes.length ? ", NUL-terminated" : ""),
				new String(bytes, 0, end, charset));
	}

	/** @return the offset of the first NUL unit, or the length cut to whole units */
	static int terminator(byte[] bytes, int unit) {
		int whole = bytes.length - bytes.length % unit;
		for (int i = 0; i < whole; i += unit) {
			if (bytes[i] == 0 && (unit == 1 || bytes[i + 1] == 0)) {
				return i;
			}
		}
		return whole;
	}

	private static ClipboardContent charsetText(byte[] bytes, String lower) {
		String name = lower.substring("text/plain;charset=".length());
		Charset charset;
		try {
			charset = Charset.forName(name);
		} catch (IllegalArgumentException e) {
			return hex(bytes, "unknown charset " + name);
		}
		return text(bytes, charset, name + " text");
	}

	/** Text that says its encoding with a byte order mark (browsers put UTF-16 there), else UTF-8. */
	static String unicode(byte[] bytes) {
		if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
		}
		if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/** DROPFILES: pFiles, pt (x, y), fNC, fWide; then the paths, each NUL-terminated, and a final NUL. */
	static ClipboardContent fileDrop(byte[] bytes) {
		ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		long offset = Integer.toUnsignedLong(b.getInt(0));
		boolean wide = b.getInt(16) != 0;
		if (offset < 20 || offset > bytes.length) {
			throw new IllegalArgumentException("pFiles " + offset + " is outside the " + bytes.length + " bytes");
		}
		List<String> files = new ArrayList<>();
		int unit = wide ? 2 : 1;
		Charset charset = wide ? StandardCharsets.UTF_16LE : Charset.forName("windows-1252");
		int start = (int) offset;
		while (start + unit <= bytes.length) {
			byte[] rest = java.util.Arrays.copyOfRange(bytes, start, bytes.length);
			int end = terminator(rest, unit);
			if (end == 0) {
				break;
			}
			files.add(new String(rest, 0, end, charset));
			start += end + unit;
		}
		return new ClipboardContent("files", files.size() + (files.size() == 1 ? " file" : " files")
				+ (wide ? "" : " (ANSI names)"), String.join("\n", files));
	}

	private static ClipboardContent uriList(byte[] bytes) {
		List<String> uris = new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#") && !l.isBlank())
				.toList();
		return new ClipboardContent("files", uris.size() + (uris.size() == 1 ? " URI" : " URIs"), String.join("\n", uris));
	}

	private static ClipboardContent png(byte[] bytes) {
		ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
		if (bytes.length < 24 || b.getLong(0) != 0x89504e470d0a1a0aL) {
			throw new IllegalArgumentException("no PNG signature");
		}
		return new ClipboardContent("image", "PNG " + Integer.toUnsignedString(b.getInt(16)) + " x "
				+ Integer.toUnsignedString(b.getInt(20)), dump(bytes));
	}

	static ClipboardContent hex(byte[] bytes, String summary) {
		return new ClipboardContent("hex", summary, dump(bytes));
	}

	/** Rows of 16 bytes: offset, hex, and the printable ASCII of each byte. */
	public static String dump(byte[] bytes) {
		int shown = Math.min(bytes.length, HEX_BYTES);
		StringBuilder out = new StringBuilder();
		HexFormat hex = HexFormat.of();
		for (int row = 0; row < shown; row += 16) {
			int end = Math.min(shown, row + 16);
			out.append(String.format("%08x  ", row));
			for (int i = row; i < row + 16; i++) {
				out.append(i < end ? hex.toHexDigits(bytes[i]) + " " : "   ");
			}
			out.append(' ');
			for (int i = row; i < end; i++) {
				int c = bytes[i] & 0xff;
				out.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
			}
			out.append('\n');
		}
		if (shown < bytes.length) {
			out.append("... ").append(bytes.length - shown).append(" more bytes\n");
		}
		return out.toString();
	}
}
