package org.ipcscope.tests.probe.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;

/** Finds controls the way a user sees them (by type and label) and works them as a click would. Call in the UI thread. */
final class Widgets {

	private Widgets() {
	}

	/** @return the controls of {@code type} under {@code root} (itself included), in layout order, that pass {@code test} */
	static <T extends Control> List<T> all(Control root, Class<T> type, Predicate<? super T> test) {
		List<T> found = new ArrayList<>();
		collect(root, type, test, found);
		return found;
	}

	/** @return the first such control, or {@code null} */
	static <T extends Control> T first(Control root, Class<T> type, Predicate<? super T> test) {
		List<T> found = all(root, type, test);
		return found.isEmpty() ? null : found.get(0);
	}

	private static <T extends Control> void collect(Control control, Class<T> type, Predicate<? super T> test, List<T> found) {
		if (control.isDisposed()) {
			return;
		}
		if (type.isInstance(control) && test.test(type.cast(control))) {
			found.add(type.cast(control));
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collect(child, type, test, found);
			}
		}
	}

	/** @return a push button, check box or radio button labelled {@code text} (mnemonic included) */
	static Button button(Control root, String text) {
		return first(root, Button.class, b -> text.equals(b.getText()));
	}

	/** What a click does: a radio button becomes the one selected in its group, then the listeners hear of it. */
	static void click(Button button) {
		if (!button.isEnabled()) {
			throw new IllegalStateException("The button '" + button.getText() + "' is disabled");
		}
		if ((button.getStyle() & SWT.RADIO) != 0) {
			for (Control sibling : button.getParent().getChildren()) {
				if (sibling instanceof Button other && (other.getStyle() & SWT.RADIO) != 0) {
					other.setSelection(other == button);
				}
			}
		}
		button.notifyListeners(SWT.Selection, new Event());
	}

	/** What clicking rows does: selects them and tells the table's listeners. */
	static void select(Table table, int... rows) {
		table.setSelection(rows);
		Event event = new Event();
		event.item = rows.length == 0 ? null : table.getItem(rows[0]);
		table.notifyListeners(SWT.Selection, event);
	}
}
