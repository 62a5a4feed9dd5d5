package org.ipcscope.core.clipboard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A device-independent bitmap's header (BITMAPINFOHEADER, or the V4/V5 headers that begin the
 * same way): size, bit depth and compression; and the bytes of a .bmp file for a view to show it.
 */
public final class DibInfo {

	/** BITMAPFILEHEADER: "BM", file size, two reserved words, offset of the pixels. */
	static final int FILE_HEADER = 14;

	private DibInfo() {
	}

	static ClipboardContent decode(byte[] bytes, int at) {
		ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		if (bytes.length < at + 40) {
			throw new IllegalArgumentException("shorter than a BITMAPINFOHEADER");
		}
		long headerSize = Integer.toUnsignedLong(b.getInt(at));
		int width = b.getInt(at + 4);
		int height = b.getInt(at + 8);
		int bits = Short.toUnsignedInt(b.getShort(at + 14));
		int compression = b.getInt(at + 16);
		String summary = "bitmap " + width + " x " + Math.abs(height) + ", " + bits + " bits per pixel, "
				+ compression(compression) + (height < 0 ? ", top-down" : "") + ", header " + headerSize + " bytes";
		return new ClipboardContent("image", summary, ClipboardDecoders.dump(bytes));
	}

	private static String compression(int value) {
		return switch (value) {
		case 0 -> "BI_RGB";
		case 1 -> "BI_RLE8";
		case 2 -> "BI_RLE4";
		case 3 -> "BI_BITFIELDS";
		case 4 -> "BI_JPEG";
		case 5 -> "BI_PNG";
		default -> "compression " + value;
		};
	}

	/**
	 * @return a .bmp file of the DIB (a BITMAPFILEHEADER in front), for an image loader; {@code null}
	 *         when the bytes are too short to be one
	 */
	public static byte[] bmpFile(byte[] dib) {
		if (dib == null || dib.length < 40) {
			return null;
		}
		ByteBuffer in = ByteBuffer.wrap(dib).order(ByteOrder.LITTLE_ENDIAN);
		int headerSize = in.getInt(0);
		int bits = Short.toUnsignedInt(in.getShort(14));
		int compression = in.getInt(16);
		long colours = Integer.toUnsignedLong(in.getInt(32));
		if (colours == 0 && bits <= 8) {
			colours = 1L << bits;
		}
		long masks = compression == 3 && headerSize == 40 ? 12 : 0;
		long pixels = FILE_HEADER + (long) headerSize + masks + colours * 4;
		if (headerSize < 40 || pixels > dib.length + FILE_HEADER) {
			return null;
		}
		ByteBuffer out = ByteBuffer.allocate(FILE_HEADER + dib.length).order(ByteOrder.LITTLE_ENDIAN);
		out.put((byte) 'B').put((byte) 'M').putInt(FILE_HEADER + dib.length).putInt(0).putInt((int) pixels).put(dib);
		return out.array();
	}
}
