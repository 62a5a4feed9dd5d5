package org.ipcscope.core.hex;

import java.util.Base64;

/** How a selection is copied as text. */
public enum CopyFormat {
	/** {@code 4D 5A 90 00} */
	HEX("hex", "Hex") {
		@Override
		public String format(byte[] data) {
			StringBuilder out = new StringBuilder(data.length * 3);
			for (int i = 0; i < data.length; i++) {
				out.append(i == 0 ? "" : i % 16 == 0 ? LINE : " ").append(hex(data[i]));
			}
			return out.toString();
		}
	},
	/** {@code unsigned char data[4] = { 0x4D, 0x5A, 0x90, 0x00 };} */
	C_ARRAY("c", "C array") {
		@Override
		public String format(byte[] data) {
			StringBuilder out = new StringBuilder("unsigned char data[" + data.length + "] = {");
			for (int i = 0; i < data.length; i++) {
				out.append(i % 12 == 0 ? LINE + "\t" : " ").append("0x").append(hex(data[i]))
						.append(i < data.length - 1 ? "," : "");
			}
			return out.append(LINE).append("};").toString();
		}
	},
	/** {@code byte[] data = { 0x4D, 0x5A, (byte) 0x90, 0x00 };} */
	JAVA("java", "Java byte[]") {
		@Override
		public String format(byte[] data) {
			StringBuilder out = new StringBuilder("byte[] data = {");
			for (int i = 0; i < data.length; i++) {
				out.append(i % 8 == 0 ? LINE + "\t" : " ").append(data[i] < 0 ? "(byte) 0x" : "0x").append(hex(data[i]))
						.append(i < data.length - 1 ? "," : "");
			}
			return out.append(LINE).append("};").toString();
		}
	},
	/** Base64 as RFC 4648, without line breaks. */
	BASE64("base64", "Base64") {
		@Override
		public String format(byte[] data) {
			return Base64.getEncoder().encodeToString(data);
		}
	};

	private static final String LINE = System.lineSeparator();

	private final String id;
	private final String label;

	CopyFormat(String id, String label) {
		this.id = id;
		this.label = label;
	}

	public abstract String format(byte[] data);

	/** @return the stable id used in command parameters */
	public String id() {
		return id;
	}

	public String label() {
		return label;
	}

	public static CopyFormat fromId(String id) {
		for (CopyFormat format : values()) {
			if (format.id.equalsIgnoreCase(id)) {
				return format;
			}
		}
		throw new IllegalArgumentException("Unknown copy format '" + id + "'");
	}

	private static String hex(byte b) {
		return String.format("%02X", b & 0xFF);
	}
}
