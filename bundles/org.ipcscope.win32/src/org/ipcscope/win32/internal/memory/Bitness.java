package org.ipcscope.win32.internal.memory;

/** A process's bitness from IsWow64Process2's two machine types (IMAGE_FILE_MACHINE_*). */
final class Bitness {

	static final int MACHINE_UNKNOWN = 0;
	static final int MACHINE_I386 = 0x014C;
	static final int MACHINE_ARMNT = 0x01C4;
	static final int MACHINE_AMD64 = 0x8664;
	static final int MACHINE_ARM64 = 0xAA64;

	private Bitness() {
	}

	/**
	 * @param processMachine the emulated machine of a WOW64 process, MACHINE_UNKNOWN for a native one
	 * @param nativeMachine  the system's machine
	 * @return 32, 64, or 0 for a machine type not known here
	 */
	static int of(int processMachine, int nativeMachine) {
		return bits(processMachine == MACHINE_UNKNOWN ? nativeMachine : processMachine);
	}

	private static int bits(int machine) {
		return switch (machine) {
		case MACHINE_I386, MACHINE_ARMNT -> 32;
		case MACHINE_AMD64, MACHINE_ARM64 -> 64;
		default -> 0;
		};
	}

	/** IsWow64Process's answer, where IsWow64Process2 is missing (before Windows 10 1511). */
	static int ofWow64(boolean wow64, int systemBits) {
		return wow64 ? 32 : systemBits;
	}
}
