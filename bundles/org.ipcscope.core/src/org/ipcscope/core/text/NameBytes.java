package org.ipcscope.core.text;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Names of the operating system (file names, link texts, argument bytes) as Strings without
 * losing a byte. Linux names are bytes, mostly UTF-8; the JDK decodes them lossily (an invalid
 * byte becomes U+FFFD, and such a name no longer opens). Here valid UTF-8 decodes as usual and
 * each byte that is not part of valid UTF-8 becomes the lone surrogate U+DC00+byte (PEP 383
 * "surrogateescape", as Python's os module does), which encodes back to the same byte. JSON
 * writes such a character as <code>&#92;udcXX</code>; {@link Printable} shows it as {@code \xXX}.
 */
public final class NameBytes {

	private static final boolean UNIX = FileSystems.getDefault().getSeparator().equals("/");
	/** Whether the JDK decodes file names as UTF-8: then a name without U+FFFD is exact as it is. */
	private static final boolean PATHS_UTF8 = UNIX && Charset
			.forName(System.getProperty("sun.jnu.encoding", "UTF-8"), StandardCharsets.UTF_8)
			.equals(StandardCharsets.UTF_8);
	private static final int ESCAPE_BASE = 0xDC00;
	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private NameBytes() {
	}

	public static String decode(byte[] bytes) {
		return decode(bytes, 0, bytes.length);
	}

	/** @return the bytes as UTF-8, each byte outside valid UTF-8 as U+DC00+byte */
	public static String decode(byte[] bytes, int offset, int length) {
		int end = offset + length;
		int ascii = offset;
		while (ascii < end && bytes[ascii] >= 0) {
			ascii++;
		}
		if (ascii == end) {
			return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
		}
		StringBuilder text = new StringBuilder(length);
		int valid = offset;
		for (int i = ascii; i < end;) {
			int sequence = sequenceLength(bytes, i, end);
			if (sequence > 0) {
				i += sequence;
				continue;
			}
			text.append(new String(bytes, valid, i - valid, StandardCharsets.UTF_8));
			text.append((char) (ESCAPE_BASE + (bytes[i] & 0xff)));
			valid = ++i;
		}
		return text.append(new String(bytes, valid, end - valid, StandardCharsets.UTF_8)).toString();
	}

	/** @return the length of the valid UTF-8 sequence at {@code i}, or 0 if there is none */
	private static int sequenceLength(byte[] bytes, int i, int end) {
		int b = bytes[i] & 0xff;
		if (b < 0x80) {
			return 1;
		}
		int length;
		int min;
		int max = 0xBF;
		if (b >= 0xC2 && b <= 0xDF) {
			return i + 1 < end && continuation(bytes[i + 1], 0x80, 0xBF) ? 2 : 0;
		} else if (b >= 0xE0 && b <= 0xEF) {
			length = 3;
			// no overlong forms, no encoded surrogates (those are what this class uses for bad bytes)
			min = b == 0xE0 ? 0xA0 : 0x80;
			max = b == 0xED ? 0x9F : 0xBF;
		} else if (b >= 0xF0 && b <= 0xF4) {
			length = 4;
			min = b == 0xF0 ? 0x90 : 0x80;
			max = b == 0xF4 ? 0x8F : 0xBF;
		} else {
			return 0;
		}
		if (i + length > end || !continuation(bytes[i + 1], min, max)) {
			return 0;
		}
		for (int k = 2; k < length; k++) {
			if (!continuation(bytes[i + k], 0x80, 0xBF)) {
				return 0;
			}
		}
		return length;
	}

	private static boolean continuation(byte b, int min, int max) {
		int value = b & 0xff;
		return value >= min && value <= max;
	}

	/**
	 * @return the bytes {@link #decode} made this text of
	 * @throws IllegalArgumentException if it holds a lone surrogate outside U+DC80..U+DCFF,
	 *                                  which no bytes decode to
	 */
	public static byte[] encode(String text) {
		if (isAscii(text)) {
			return text.getBytes(StandardCharsets.ISO_8859_1);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() + 8);
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			if (codePoint >= ESCAPE_BASE + 0x80 && codePoint <= ESCAPE_BASE + 0xFF) {
				bytes.write(codePoint - ESCAPE_BASE);
			} else if (Character.getType(codePoint) == Character.SURROGATE) {
				throw new IllegalArgumentException(String.format("U+%04X is not a character of a name", codePoint));
			} else {
				bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
			}
		}
		return bytes.toByteArray();
	}

	/** @return whether the text has a character that stands for a byte outside valid UTF-8 */
	public static boolean hasRawBytes(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xFF
					&& (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The path whose bytes are {@link #encode}{@code (name)}, exactly: {@code Path.of} would encode
	 * it in the locale's charset and turn a raw byte into something else. A relative name is taken
	 * against the working directory.
	 *
	 * @throws InvalidPathException if it holds NUL or a character no bytes decode to
	 */
	public static Path path(String name) {
		if (isAscii(name) || !UNIX) {
			return Path.of(name);
		}
		byte[] bytes;
		try {
			bytes = encode(name);
		} catch (IllegalArgumentException e) {
			throw new InvalidPathException(name, e.getMessage());
		}
		ByteArrayOutputStream absolute = new ByteArrayOutputStream(bytes.length + 64);
		if (bytes.length == 0 || bytes[0] != '/') {
			absolute.writeBytes(encode(name(Path.of("").toAbsolutePath())));
			absolute.write('/');
		}
		absolute.writeBytes(bytes);
		// the JDK takes a file URI's escaped octets as the path's bytes, whatever the locale
		StringBuilder uri = new StringBuilder("file://");
		int previous = 0;
		for (byte b : absolute.toByteArray()) {
			int value = b & 0xff;
			if (value == 0) {
				throw new InvalidPathException(name, "a name holds no NUL byte");
			}
			if (value == '/' && previous == '/') {
				continue;
			}
			if (isUnreserved(value)) {
				uri.append((char) value);
			} else {
				uri.append('%').append(HEX[value >> 4]).append(HEX[value & 0xF]);
			}
			previous = value;
		}
		return Path.of(URI.create(uri.toString()));
	}

	/** @return the path's name with every byte kept: what {@link #path} turns back into this path */
	public static String name(Path path) {
		String text = path.toString();
		if (!UNIX || isAscii(text) || PATHS_UTF8 && text.indexOf('\uFFFD') < 0
				|| path.getFileSystem() != FileSystems.getDefault()) {
			return text;
		}
		// the file URI holds the path's bytes, escaped: the JDK's own lossless view of them
		String raw = path.toAbsolutePath().toUri().getRawPath();
		if (raw.length() > 1 && raw.endsWith("/") && !text.endsWith("/")) {
			raw = raw.substring(0, raw.length() - 1);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%' && i + 2 < raw.length()) {
				bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
				i += 2;
			} else {
				bytes.write(c);
			}
		}
		return decode(bytes.toByteArray());
	}

	private static boolean isUnreserved(int value) {
		return value >= 'a' && value <= 'z' || value >= 'A' && value <= 'Z' || value >= '0' && value <= '9'
				|| value == '/' || value == '-' || value == '.' || value == '_' || value == '~';
	}

	static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}
}
