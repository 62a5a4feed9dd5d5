package org.ipcscope.win32.internal.nt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SectionAttributesTest {

	@Test
	void namesEachFlag() {
		assertEquals("SEC_COMMIT", SectionAttributes.describe(0x08000000));
		assertEquals("SEC_RESERVE", SectionAttributes.describe(0x04000000));
		assertEquals("SEC_IMAGE", SectionAttributes.describe(0x01000000));
		assertEquals("SEC_FILE", SectionAttributes.describe(0x00800000));
		assertEquals("SEC_BASED", SectionAttributes.describe(0x00200000));
		assertEquals("SEC_NOCACHE", SectionAttributes.describe(0x10000000));
		assertEquals("SEC_LARGE_PAGES", SectionAttributes.describe(0x80000000));
		assertEquals("SEC_WRITECOMBINE", SectionAttributes.describe(0x40000000));
	}

	@Test
	void imageNoExecuteIsOneNameForTwoBits() {
		assertEquals("SEC_IMAGE_NO_EXECUTE", SectionAttributes.describe(0x11000000));
		assertEquals("SEC_IMAGE_NO_EXECUTE | SEC_FILE", SectionAttributes.describe(0x11800000));
	}

	@Test
	void combinesInAFixedOrder() {
		assertEquals("SEC_COMMIT | SEC_FILE", SectionAttributes.describe(0x08800000));
		assertEquals("SEC_COMMIT | SEC_LARGE_PAGES", SectionAttributes.describe(0x88000000));
		assertEquals("SEC_IMAGE | SEC_FILE", SectionAttributes.describe(0x01800000));
	}

	@Test
	void showsUnknownBitsAndNothing() {
		assertEquals("SEC_COMMIT | 0x3", SectionAttributes.describe(0x08000003));
		assertEquals("none", SectionAttributes.describe(0));
	}

	@Test
	void backingFollowsTheFileBits() {
		assertEquals("page file", SectionAttributes.backing(0x08000000));
		assertEquals("file", SectionAttributes.backing(0x08800000));
		assertTrue(SectionAttributes.isFileBacked(0x01000000));
		assertFalse(SectionAttributes.isFileBacked(0x04000000));
	}
}
