package org.ipcscope.win32.internal.nt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DosDevicesTest {

	private final DosDevices devices = DosDevices.of(Map.of("\\Device\\HarddiskVolume3", "C:",
			"\\Device\\HarddiskVolume13", "D:"));

	@Test
	void windowsDevicePathsBecomeDrivePaths() {
		assertEquals("C:\\data\\x.bin", devices.toDosPath("\\Device\\HarddiskVolume3\\data\\x.bin"));
		assertEquals("D:\\y", devices.toDosPath("\\Device\\HarddiskVolume13\\y"));
		assertEquals("C:\\y", devices.toDosPath("\\device\\harddiskvolume3\\y"));
	}

	@Test
	void wineDosPathsLoseTheirPrefix() {
		assertEquals("C:\\users\\x.bin", devices.toDosPath("\\??\\C:\\users\\x.bin"));
	}

	@Test
	void unknownDevicesStayAsTheyAre() {
		assertEquals("\\Device\\Mup\\server\\share\\f", devices.toDosPath("\\Device\\Mup\\server\\share\\f"));
		assertEquals("\\Device\\HarddiskVolume33\\f", devices.toDosPath("\\Device\\HarddiskVolume33\\f"));
	}
}
