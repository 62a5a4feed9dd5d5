package org.ipcscope.ui.sniff.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How the detail pane turns a payload into text. {@link #AUTO} picks one of the others from the
 * bytes: a byte order mark, then the NUL pattern of UTF-16LE text, then plain ASCII, then valid
 * UTF-8; what is none of them is binary and shown as ASCII with dots.
 */
public enum PayloadDecoding {
	AUTO, ASCII, UTF_8, UTF_16LE;

	/** What {@link #AUTO} found, and from what. */
	public enum Reason {
		EMPTY, BOM, NUL_PATTERN, ASCII_ONLY, VALID_UTF8, BINARY
	}

	/** @param decoding one of ASCII, UTF_8, UTF_16LE */
	public record Detection(PayloadDecoding decoding, Reason reason) {
	}

	/** A character that stands for one that cannot be shown (a control, a malformed byte). */
	public static final char NOT_PRINTABLE = '.';

	/** Bytes {@link #AUTO} looks at, enough to tell text from binary. */
	static final int DETECT_LIMIT = 64 * 1024;

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	/**
	 * Decodes at most {@code limit} bytes. Tabs and line breaks stay, other controls and
	 * undecodable bytes become {@value #NOT_PRINTABLE}; a byte order mark is dropped.
	 */
	public String decode(byte[] payload, int limit) {
		int length = Math.min(limit, payload.length);
		return switch (this) {
		case AUTO -> detect(payload, DETECT_LIMIT).decoding().decode(payload, limit);
		case ASCII -> ascii(payload, length);
		case UTF_8 -> {
			int skip = startsWith(payload, UTF8_BOM) ? 3 : 0;
			yield printable(decode(StandardCharsets.UTF_8, payload, skip, Math.max(0, length - skip)));
		}
		case UTF_16LE -> {
			int skip = length >= 2 && payload[0] == (byte) 0xFF && payload[1] == (byte) 0xFE ? 2 : 0;
			int even = (length - skip) & ~1;
			String text = printable(decode(StandardCharsets.UTF_16LE, payload, skip, even));
			yield skip + even < length ? text + NOT_PRINTABLE : text;
		}
		};
	}

	/** @return the decoding {@link #AUTO} uses for these bytes, and why */
	public static Detection detect(byte[] payload) {
		return detect(payload, DETECT_LIMIT);
	}

	/**
	 * @param limit how many bytes to look at: a capture can hold megabytes, the first are enough
	 *              to tell text from binary
	 */
	static Detection detect(byte[] payload, int limit) {
		if (payload.length == 0) {
			return new Detection(ASCII, Reason.EMPTY);
		}
		if (startsWith(payload, UTF8_BOM)) {
			return new Detection(UTF_8, Reason.BOM);
		}
		if (payload.length >= 2 && payload[0] == (byte) 0xFF && payload[1] == (byte) 0xFE) {
			return new Detection(UTF_16LE, Reason.BOM);
		}
		boolean cut = payload.length > limit;
		if (looksLikeUtf16le(payload, cut ? limit & ~1 : withoutUtf16Terminator(payload))) {
			return new Detection(UTF_16LE, Reason.NUL_PATTERN);
		}
		int length = cut ? completeUtf8(payload, limit) : withoutTerminator(payload);
		if (isText(payload, length, false)) {
			return new Detection(ASCII, Reason.ASCII_ONLY);
		}
		if (isText(payload, length, true) && decode(StandardCharsets.UTF_8, payload, 0, length).indexOf('\uFFFD') < 0) {
			return new Detection(UTF_8, Reason.VALID_UTF8);
		}
		return new Detection(ASCII, Reason.BINARY);
	}

	/** @return {@code limit}, less the bytes of a UTF-8 sequence it would cut in two */
	private static int completeUtf8(byte[] payload, int limit) {
		for (int back = 1; back <= 3 && limit - back >= 0; back++) {
			int b = payload[limit - back] & 0xFF;
			if (b < 0x80) {
				return limit;
			}
			if (b >= 0xC0) {
				int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
				return needed > back ? limit - back : limit;
			}
		}
		return limit;
	}

	/** The terminating NUL that C senders include in cbData is not content. */
	private static int withoutTerminator(byte[] payload) {
		int length = payload.length;
		return length > 0 && payload[length - 1] == 0 ? length - 1 : length;
	}

	/** The same for UTF-16: a terminator is two NULs at an even offset. */
	private static int withoutUtf16Terminator(byte[] payload) {
		int length = payload.length;
		return length >= 2 && length % 2 == 0 && payload[length - 1] == 0 && payload[length - 2] == 0 ? length - 2
				: length;
	}

	/**
	 * Text of Latin characters in UTF-16LE has a NUL at almost every odd offset and almost none at
	 * even ones; the even bytes are then readable.
	 */
	private static boolean looksLikeUtf16le(byte[] payload, int length) {
		int pairs = length / 2;
		if (pairs < 1 || length % 2 != 0) {
			return false;
		}
		int oddNuls = 0;
		int evenNuls = 0;
		for (int i = 0; i + 1 < length; i += 2) {
			if (payload[i] == 0) {
				evenNuls++;
			}
			if (payload[i + 1] == 0) {
				oddNuls++;
			}
		}
		if (oddNuls * 10 < pairs * 7 || evenNuls * 10 > pairs) {
			return false;
		}
		String text = decode(StandardCharsets.UTF_16LE, payload, 0, length);
		long readable = text.chars().filter(c -> !Character.isISOControl(c) || Character.isWhitespace(c)).count();
		return readable * 10 >= text.length() * 9L;
	}

	/**
	 * @param highBytes whether bytes from 0x80 count (checked as UTF-8 by the caller)
	 * @return whether every byte is printable ASCII or white space (and high bytes if allowed)
	 */
	private static boolean isText(byte[] payload, int length, boolean highBytes) {
		for (int i = 0; i < length; i++) {
			int b = payload[i] & 0xFF;
			boolean text = b >= 0x20 && b < 0x7F || b == '\t' || b == '\n' || b == '\r' || highBytes && b >= 0x80;
			if (!text) {
				return false;
			}
		}
		return true;
	}

	private static String ascii(byte[] payload, int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			int b = payload[i] & 0xFF;
			out.append(b >= 0x20 && b < 0x7F || b == '\t' || b == '\n' || b == '\r' ? (char) b : NOT_PRINTABLE);
		}
		return out.toString();
	}

	private static String decode(Charset charset, byte[] payload, int from, int length) {
		CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE);
		try {
			CharBuffer chars = decoder.decode(ByteBuffer.wrap(payload, from, length));
			return chars.toString();
		} catch (CharacterCodingException e) {
			// REPLACE never reports; keep the contract anyway
			return ascii(payload, length);
		}
	}

	private static String printable(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean keep = c == '\t' || c == '\n' || c == '\r'
					|| !Character.isISOControl(c) && c != '\uFFFD' && c != '\uFEFF';
			out.append(keep ? c : NOT_PRINTABLE);
		}
		return out.toString();
	}

	private static boolean startsWith(byte[] payload, byte[] prefix) {
		if (payload.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (payload[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** @return a one-line preview: up to {@code chars} characters of the auto-detected text, dots for the rest */
	public static String preview(byte[] payload, int chars) {
		int bytes = Math.min(payload.length, chars * 2);
		String text = detect(payload, 4096).decoding().decode(payload, bytes);
		StringBuilder out = new StringBuilder(Math.min(chars, text.length()));
		for (int i = 0; i < text.length() && out.length() < chars; i++) {
			char c = text.charAt(i);
			out.append(Character.isWhitespace(c) ? ' ' : c);
		}
		return out.toString();
	}
}
