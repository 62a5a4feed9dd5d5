package org.ipcscope.ui;

import org.eclipse.jface.util.IPropertyChangeListener;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.ipcscope.ui.internal.preferences.InventoryPreferences;

/**
 * Refreshes a view every so often while a user can see it: paused while the view is hidden (another
 * tab in front, minimized), and refreshed at once when it shows again. How often is one preference of
 * every live view (Window > Preferences > IPC Scope), followed as it changes. The refresh itself
 * must only start background work: this runs in the UI thread, on a display timer, and never waits.
 */
public final class LiveRefresh {

	/** The preference: milliseconds between two refreshes of a live view. */
	public static final String INTERVAL_PREFERENCE = InventoryPreferences.REFRESH_MILLIS;

	private final IWorkbenchPart part;
	private final IWorkbenchPage page;
	private final Display display;
	private final Runnable refresh;
	private final Runnable tick = this::tick;
	private final IPartListener2 visibility = new IPartListener2() {
		@Override
		public void partVisible(IWorkbenchPartReference reference) {
			if (reference.getPart(false) == part && !visible) {
				visible = true;
				if (on) {
					refresh.run();
				}
				reschedule();
			}
		}

		@Override
		public void partHidden(IWorkbenchPartReference reference) {
			if (reference.getPart(false) == part) {
				visible = false;
				reschedule();
			}
		}
	};
	private final IPropertyChangeListener preference = event -> {
		if (INTERVAL_PREFERENCE.equals(event.getProperty())) {
			Display.getDefault().asyncExec(this::followPreference);
		}
	};
	private boolean on;
	private long millis;
	private boolean visible;
	private boolean disposed;

	/** @param refresh starts a refresh in the background; called in the UI thread */
	public LiveRefresh(IWorkbenchPart part, Runnable refresh) {
		this.part = part;
		this.page = part.getSite().getPage();
		this.display = part.getSite().getShell().getDisplay();
		this.refresh = refresh;
		this.visible = page.isPartVisible(part);
		this.millis = InventoryPreferences.refreshMillis();
		page.addPartListener(visibility);
		InventoryPreferences.store().addPropertyChangeListener(preference);
	}

	/** Turns it on or off. */
	public void setOn(boolean enabled) {
		on = enabled;
		reschedule();
	}

	/** Sets how often every live view refreshes (the preference). */
	public static void setIntervalMillis(long intervalMillis) {
		InventoryPreferences.store().setValue(INTERVAL_PREFERENCE, InventoryPreferences.clampRefresh(intervalMillis));
		InventoryPreferences.save();
	}

	private void followPreference() {
		long now = InventoryPreferences.refreshMillis();
		if (now != millis) {
			millis = now;
			reschedule();
		}
	}

	public boolean isOn() {
		return on;
	}

	/** @return whether refreshes are held back because nobody can see the view */
	public boolean isPaused() {
		return on && !visible;
	}

	public long intervalMillis() {
		return millis;
	}

	private void reschedule() {
		if (disposed || display.isDisposed()) {
			return;
		}
		display.timerExec(-1, tick);
		if (on && visible) {
			display.timerExec((int) Math.min(Integer.MAX_VALUE, millis), tick);
		}
	}

	private void tick() {
		if (!disposed && on && visible) {
			refresh.run();
			display.timerExec((int) Math.min(Integer.MAX_VALUE, millis), tick);
		}
	}

	/** Stops for good; call from the view's dispose. */
	public void dispose() {
		disposed = true;
		page.removePartListener(visibility);
		InventoryPreferences.store().removePropertyChangeListener(preference);
		if (!display.isDisposed()) {
			display.timerExec(-1, tick);
		}
	}
}
