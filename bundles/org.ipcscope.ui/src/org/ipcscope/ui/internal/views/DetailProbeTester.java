package org.ipcscope.ui.internal.views;

import org.eclipse.core.expressions.PropertyTester;
import org.ipcscope.core.change.TrackedObject;

/** {@code org.ipcscope.ui.hasDetailProbe}: whether Ask Details can learn anything about a row. */
public class DetailProbeTester extends PropertyTester {

	@Override
	public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
		return receiver instanceof TrackedObject row && AskDetailsHandler.probeFor(row.object()).isPresent();
	}
}
