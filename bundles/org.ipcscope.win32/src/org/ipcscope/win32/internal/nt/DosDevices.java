package org.ipcscope.win32.internal.nt;

import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Kernel32;

/**
 * Turns the device paths the kernel reports for mapped files ({@code \Device\HarddiskVolume3\x})
 * into the drive-letter paths users know ({@code C:\x}). Wine reports {@code \??\C:\x} instead,
 * which only needs its prefix taken off.
 */
public final class DosDevices {

	private static final String DOS_PREFIX = "\\??\\";

	private final Map<String, String> driveByDevice;

	private DosDevices(Map<String, String> driveByDevice) {
		this.driveByDevice = driveByDevice;
	}

	/** Asks QueryDosDevice for every drive letter. */
	public static DosDevices current() {
		Map<String, String> drives = new LinkedHashMap<>();
		char[] target = new char[1024];
		for (char letter = 'A'; letter <= 'Z'; letter++) {
			String drive = letter + ":";
			if (Kernel32.INSTANCE.QueryDosDevice(drive, target, target.length) > 0) {
				drives.putIfAbsent(Native.toString(target), drive);
			}
		}
		return new DosDevices(drives);
	}

	static DosDevices of(Map<String, String> driveByDevice) {
		return new DosDevices(driveByDevice);
	}

	/** @return the drive-letter path, or the path as given when no drive holds it */
	public String toDosPath(String path) {
		if (path.startsWith(DOS_PREFIX)) {
			return path.substring(DOS_PREFIX.length());
		}
		for (Map.Entry<String, String> drive : driveByDevice.entrySet()) {
			String device = drive.getKey();
			if (path.regionMatches(true, 0, device, 0, device.length())
					&& (path.length() == device.length() || path.charAt(device.length()) == '\\')) {
				return drive.getValue() + path.substring(device.length());
			}
		}
		return path;
	}
}
