package org.ipcscope.ui.hex.internal.find;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.ipcscope.tests.support.Screenshots;
import org.ipcscope.ui.hex.PatternField;
import org.ipcscope.ui.hex.internal.HexUi;
import org.ipcscope.ui.hex.internal.Messages;
import org.junit.jupiter.api.Test;

/**
 * The Find dialog as a user meets it: a kind selector (Text first) beside a plain field, so typing a
 * word finds that word; a wrong entry says why in full; the kind chosen last comes back.
 */
class FindDialogTest {

	@Test
	void typingAWordFindsThatWordAndTheKindIsRemembered() throws Exception {
		FindDialog dialog = open();
		try {
			type(dialog, "");
			assertNull(dialog.pattern(), "nothing to find yet");
			select(dialog, "hex");
			type(dialog, "IPCSCOPE");
			assertNull(dialog.pattern(), "IPCSCOPE is no hex");
			Label error = dialog.field().errorLabel();
			assertFalse(error.getText().isEmpty(), "the dialog says why");
			Point needed = error.computeSize(error.getSize().x, SWT.DEFAULT);
			assertTrue(error.getSize().y >= needed.y, "the message is not cut off: " + error.getSize() + " < " + needed);
			HexUi.spin(300);
			Screenshots.save(dialog.getShell(), "FindDialogTest-error");
			select(dialog, "text");
			type(dialog, "IPCSCOPE");
			assertArrayEquals("IPCSCOPE".getBytes(StandardCharsets.UTF_8), dialog.pattern().bytes());
			assertEquals("", error.getText());
			select(dialog, "int32be");
			type(dialog, "1234");
			assertArrayEquals(new byte[] { 0, 0, 0x04, (byte) 0xd2 }, dialog.pattern().bytes());
			dialog.buttonPressed(FindDialog.FIND_NEXT);
		} finally {
			dialog.close();
		}
		FindDialog again = open();
		try {
			assertEquals(Messages.Pattern_Int32Be, find(again, Combo.class).getText(), "the last kind comes back");
			assertEquals("1234", find(again, Text.class).getText(), "and the last entry");
		} finally {
			again.close();
		}
	}

	@Test
	void textIsTheDefaultKind() {
		assertEquals("text", PatternField.KINDS.get(0).prefix());
	}

	private static FindDialog open() {
		FindDialog dialog = new FindDialog(Display.getDefault().getActiveShell());
		dialog.setBlockOnOpen(false);
		dialog.open();
		return dialog;
	}

	private static void type(FindDialog dialog, String text) {
		find(dialog, Text.class).setText(text);
	}

	/** What choosing a kind in the selector does. */
	private static void select(FindDialog dialog, String prefix) {
		Combo kind = find(dialog, Combo.class);
		kind.select(PatternField.KINDS.stream().map(PatternField.Kind::prefix).toList().indexOf(prefix));
		kind.notifyListeners(SWT.Selection, new Event());
	}

	private static <T extends Control> T find(FindDialog dialog, Class<T> type) {
		ArrayDeque<Control> todo = new ArrayDeque<>();
		todo.add(dialog.getShell());
		while (!todo.isEmpty()) {
			Control control = todo.poll();
			if (type.isInstance(control)) {
				return type.cast(control);
			}
			if (control instanceof Composite composite) {
				todo.addAll(List.of(composite.getChildren()));
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " in the dialog");
	}
}
