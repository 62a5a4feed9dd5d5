package org.ipcscope.ui.sniff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ipcscope.core.sniff.CapturedMessage;
import org.junit.jupiter.api.Test;

/** The columns' text for messages other than WM_COPYDATA. */
class MessageColumnTest {

	@Test
	void aRegisteredMessageShowsKindNameAndParameters() {
		CapturedMessage handle = new CapturedMessage(2, 0, CapturedMessage.Kind.SENT, 0xC0A1, "Handle", 4242, 0x2a0000, -1,
				-1, 0x1a2b, 0, 0, new byte[0], 8);
		assertEquals("sent Handle", MessageColumn.MESSAGE.text(handle));
		assertEquals("0x1092 (4242)", MessageColumn.W_PARAM.text(handle));
		assertEquals("0x2a0000 (2752512)", MessageColumn.L_PARAM.text(handle));
		assertEquals("8", MessageColumn.RESULT.text(handle));

		CapturedMessage posted = new CapturedMessage(3, 0, CapturedMessage.Kind.POSTED, 0xC0A2, null, 0, -1L, -1, -1,
				0x1a2b, 0, 0, new byte[0], CapturedMessage.UNKNOWN_RESULT);
		assertEquals("posted 0xc0a2", MessageColumn.MESSAGE.text(posted), "an unresolved registered number");
		assertEquals("0xffffffffffffffff (18446744073709551615)", MessageColumn.L_PARAM.text(posted));
		assertEquals("", MessageColumn.RESULT.text(posted));

		CapturedMessage odd = new CapturedMessage(4, 0, CapturedMessage.Kind.SENT, 0xC0A3, "a\nb", 0, 0, -1, -1, 0x1a2b,
				0, 0, new byte[0], 0);
		assertEquals("sent a\\nb", MessageColumn.MESSAGE.text(odd), "a name is shown on one line, escaped");
	}
}
