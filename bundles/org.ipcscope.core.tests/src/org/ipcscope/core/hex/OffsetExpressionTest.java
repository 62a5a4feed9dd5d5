package org.ipcscope.core.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OffsetExpressionTest {

	@Test
	void hexDecimalAndArithmetic() {
		assertEquals(0x100 + 20, OffsetExpression.evaluate("0x100+20"));
		assertEquals(256, OffsetExpression.evaluate("100h"));
		assertEquals(1000, OffsetExpression.evaluate(" 1_000 "));
		assertEquals(14, OffsetExpression.evaluate("2+3*4"));
		assertEquals(20, OffsetExpression.evaluate("(2+3)*4"));
		assertEquals(3, OffsetExpression.evaluate("0x10 / 5"));
		assertEquals(-6, OffsetExpression.evaluate("-(2*3)"));
		assertEquals(0x2000 + 16, OffsetExpression.evaluate("$+0x10", 0x2000));
		assertEquals(0xFFFF_FFFF_FFFFL, OffsetExpression.evaluate("0xFFFFFFFFFFFF"));
	}

	@Test
	void errorsSayWhere() {
		assertMessage("0x100+", "missing");
		assertMessage("(1+2", "missing ')'");
		assertMessage("1/0", "division by zero");
		assertMessage("abc", "not decimal");
		assertMessage("1 2", "unexpected '2'");
		assertMessage("0x7FFFFFFFFFFFFFFF+1", "too large");
		assertMessage("0x1FFFFFFFFFFFFFFFF", "too large");
		assertMessage("", "Enter an offset");
	}

	@Test
	void deepNestingIsRefusedNotAStackOverflow() {
		// a command-line argument may hold 128 KiB: as many parentheses overflowed the parser's stack
		assertMessage("(".repeat(100_000) + "1" + ")".repeat(100_000), "nest deeper than");
		assertMessage("-".repeat(100_000) + "1", "nest deeper than");
		String deepButAllowed = "(".repeat(OffsetExpression.MAX_DEPTH - 1) + "7" + ")".repeat(OffsetExpression.MAX_DEPTH - 1);
		assertEquals(7, OffsetExpression.evaluate(deepButAllowed));
	}

	@Test
	void onlyAsciiDigitsAreNumbers() {
		// Character.digit took Arabic-Indic and fullwidth digits for 0-9
		assertMessage("\u0661\u0662", "expected a number");
		assertMessage("0x\uff11", "expected a number");
	}

	private static void assertMessage(String text, String expected) {
		String message = assertThrows(IllegalArgumentException.class, () -> OffsetExpression.evaluate(text))
				.getMessage();
		assertTrue(message.contains(expected), text + " -> " + message);
	}
}
