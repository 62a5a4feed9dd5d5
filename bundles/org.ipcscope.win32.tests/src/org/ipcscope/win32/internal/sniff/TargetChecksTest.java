package org.ipcscope.win32.internal.sniff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.ipcscope.core.sniff.CaptureStrategy;
import org.junit.jupiter.api.Test;

/**
 * The refusals that Wine cannot produce (every Wine process runs at one level, 64-bit only here):
 * the decision on given levels and bitness.
 */
class TargetChecksTest {

	private static final int MEDIUM = 0x2000;
	private static final int HIGH = 0x3000;

	@Test
	void anElevatedTargetIsRefusedForBothStrategiesWithWhatToDo() {
		for (CaptureStrategy strategy : CaptureStrategy.values()) {
			String message = TargetChecks.problem(MEDIUM, HIGH, false, strategy).orElseThrow();
			assertEquals("The target runs at high integrity, IPC Scope at medium integrity: Windows (UIPI) blocks"
					+ " messages and hooks from a lower level. Run IPC Scope as administrator (elevated) to capture it.",
					message);
		}
	}

	@Test
	void theSameOrALowerLevelIsFine() {
		assertEquals(Optional.empty(), TargetChecks.problem(HIGH, HIGH, false, CaptureStrategy.IN_PROCESS));
		assertEquals(Optional.empty(), TargetChecks.problem(HIGH, MEDIUM, false, CaptureStrategy.PROXY));
		assertEquals(Optional.empty(), TargetChecks.problem(MEDIUM, TargetChecks.UNKNOWN, false, CaptureStrategy.PROXY));
	}

	@Test
	void aThirtyTwoBitTargetIsRefusedInProcessOnly() {
		assertTrue(TargetChecks.problem(MEDIUM, MEDIUM, true, CaptureStrategy.IN_PROCESS).orElseThrow()
				.startsWith("The target is a 32-bit process: in-process capture needs a 32-bit DLL"));
		assertEquals(Optional.empty(), TargetChecks.problem(MEDIUM, MEDIUM, true, CaptureStrategy.PROXY));
	}

	@Test
	void levelNames() {
		assertEquals("low", TargetChecks.levelName(0x1000));
		assertEquals("medium", TargetChecks.levelName(0x2100));
		assertEquals("system", TargetChecks.levelName(0x4000));
		assertEquals("unknown", TargetChecks.levelName(TargetChecks.UNKNOWN));
	}
}
