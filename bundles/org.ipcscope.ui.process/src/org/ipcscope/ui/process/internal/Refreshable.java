package org.ipcscope.ui.process.internal;

import org.eclipse.core.runtime.jobs.Job;

/** A view that reads again what it shows when asked (F5, the toolbar's Refresh). */
interface Refreshable {

	/** @return the job that reads, already scheduled; {@code null} if nothing is read any more */
	Job refresh();
}
