package org.ipcscope.win32.internal.nt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * FILE_FS_DEVICE_INFORMATION {DEVICE_TYPE DeviceType@0, ULONG Characteristics@4}, what
 * NtQueryVolumeInformationFile(FileFsDeviceInformation) says about the device behind a handle:
 * how File handles of pipes and mailslots are told from those of disk files before any name is
 * asked.
 */
public record DeviceInformation(int deviceType, int characteristics) {

	public static final int SIZE = 8;
	static final int FILE_DEVICE_MAILSLOT = 0x0C;
	static final int FILE_DEVICE_NAMED_PIPE = 0x11;

	public static DeviceInformation decode(ByteBuffer buffer) {
		ByteBuffer in = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (in.limit() < SIZE) {
			throw new IllegalArgumentException("FILE_FS_DEVICE_INFORMATION needs " + SIZE + " bytes, got " + in.limit());
		}
		return new DeviceInformation(in.getInt(0), in.getInt(4));
	}

	/** Wine reports its mailslots as named-pipe devices; the name tells them apart later. */
	public boolean isPipeOrMailslot() {
		return deviceType == FILE_DEVICE_NAMED_PIPE || deviceType == FILE_DEVICE_MAILSLOT;
	}
}
