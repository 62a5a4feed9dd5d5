package org.ipcscope.cli.internal;

/** The start of a captured payload on one text line, as `sniff` and `tap` print it. */
final class PayloadPreview {

	private static final int SHOWN = 48;

	private PayloadPreview() {
	}

	/**
	 * @param moved how many bytes the call or message carried: "..." follows when more than shown
	 * @return printable ASCII as is, other bytes as '.', quoted
	 */
	static String of(byte[] payload, long moved) {
		int shown = Math.min(payload.length, SHOWN);
		StringBuilder text = new StringBuilder(shown + 5).append('"');
		for (int i = 0; i < shown; i++) {
			int b = payload[i] & 0xff;
			text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
		}
		text.append('"');
		if (shown < moved) {
			text.append("...");
		}
		return text.toString();
	}
}
