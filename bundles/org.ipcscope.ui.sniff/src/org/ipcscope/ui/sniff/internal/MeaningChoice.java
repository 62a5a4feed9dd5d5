package org.ipcscope.ui.sniff.internal;

import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The two things a message's wParam and lParam may stand for, each a button that opens it: a
 * handle of the sender whose number is also a live pid, with an address of that process in lParam.
 * Windows numbers pids and handles alike (multiples of 4), so neither reading can be preferred.
 * Hidden until {@link #offer}; the buttons stay until another message is shown, so both can be opened.
 */
final class MeaningChoice extends Composite {

	private final Button first;
	private final Button second;
	private Runnable firstAction;
	private Runnable secondAction;

	MeaningChoice(Composite parent) {
		super(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(this);
		new Label(this, SWT.NONE).setText(Messages.Detail_TwoMeanings);
		first = new Button(this, SWT.PUSH);
		first.addListener(SWT.Selection, e -> run(firstAction));
		second = new Button(this, SWT.PUSH);
		second.addListener(SWT.Selection, e -> run(secondAction));
		hide();
	}

	/** @param firstLabel, secondLabel what each button opens, as printable text (mnemonics are escaped here) */
	void offer(String firstLabel, Runnable firstOpens, String secondLabel, Runnable secondOpens) {
		first.setText(firstLabel.replace("&", "&&")); //$NON-NLS-1$ //$NON-NLS-2$
		second.setText(secondLabel.replace("&", "&&")); //$NON-NLS-1$ //$NON-NLS-2$
		firstAction = firstOpens;
		secondAction = secondOpens;
		setShown(true);
	}

	void hide() {
		firstAction = null;
		secondAction = null;
		setShown(false);
	}

	private void setShown(boolean shown) {
		if (getLayoutData() instanceof GridData data) {
			data.exclude = !shown;
		}
		setVisible(shown);
		getParent().layout(true, true);
	}

	private static void run(Runnable action) {
		if (action != null) {
			action.run();
		}
	}

	Button firstButton() {
		return first;
	}

	Button secondButton() {
		return second;
	}
}
