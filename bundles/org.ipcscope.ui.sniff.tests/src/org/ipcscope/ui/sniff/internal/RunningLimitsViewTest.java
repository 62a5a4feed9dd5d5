package org.ipcscope.ui.sniff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.ipcscope.core.sniff.CaptureListener;
import org.ipcscope.core.sniff.CaptureOptions;
import org.ipcscope.core.sniff.CaptureSession;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CopyDataSniffer;
import org.ipcscope.core.sniff.WindowInfo;
import org.ipcscope.ui.sniff.SniffViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The status line of a running capture names the target, the strategy chosen in the view and what
 * that capture says it cannot see. Linux has no sniffer: the test registers a stand-in
 * {@link CopyDataSniffer} service whose sessions describe their limits from the strategy and
 * selection the view handed them, so the line can only be right if the view passed the user's
 * choice on and shows the session's own words. The real sessions' limits are the Windows
 * provider's (ProxyCapture, InProcessCapture), run under Wine only.
 * Screenshots: target/screenshots/RunningLimitsViewTest-*.png
 */
class RunningLimitsViewTest extends CopyDataViewFixture {

	private final StandIn sniffer = new StandIn();
	private ServiceRegistration<CopyDataSniffer> registration;

	/** Reopens the view with a sniffer registered: the view looks for one as it opens. */
	private void openWithSniffer() throws Exception {
		page.hideView(view);
		registration = FrameworkUtil.getBundle(CopyDataView.class).getBundleContext()
				.registerService(CopyDataSniffer.class, sniffer, null);
		view = (CopyDataView) page.showView(SniffViews.COPY_DATA);
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		waitUntil(() -> !view.banner().isVisible() && button(Messages.View_PickWindow).isEnabled(),
				"the view finding the sniffer and its strategies");
	}

	@AfterEach
	void unregister() throws InterruptedException {
		if (view.controller().session() != null) {
			view.stop();
			waitUntil(() -> view.controller().isIdle(), "the capture to stop");
		}
		if (registration != null) {
			registration.unregister();
		}
	}

	@Test
	void theStatusLineSaysWhatTheChosenStrategyCannotSee() throws Exception {
		openWithSniffer();
		pickReceiver();
		click(radio(CaptureSettingsPane.strategyName(CaptureStrategy.IN_PROCESS)));
		view.settings().messagesField().setText("copydata,Mapped");
		click(button(Messages.View_Start));
		String running = "Capturing " + WindowFilter.describe(RECEIVER) + " ("
				+ CaptureSettingsPane.strategyName(CaptureStrategy.IN_PROCESS) + "); this capture cannot see: "
				+ "what IN_PROCESS cannot see; what copydata,Mapped leaves out";
		waitUntil(() -> view.status().getText().endsWith(" | " + running), "the running line, not "
				+ view.status().getText());
		assertEquals(List.of("IN_PROCESS copydata,Mapped"), sniffer.started);
		// the part opened again as the page had it: maximized, the status line is in the picture
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		screenshot("in-process-limits");

		click(button(Messages.View_Stop));
		waitUntil(() -> view.status().getText().endsWith(" | " + Messages.State_Stopped), "Stopped");
		assertTrue(sniffer.sessions.get(0).closed, "Stop closed the session");
		assertFalse(view.status().getText().contains("cannot see"), view.status().getText());

		// a session that names no limit: the line says only what runs
		click(radio(CaptureSettingsPane.strategyName(CaptureStrategy.PROXY)));
		view.settings().messagesField().setText("all");
		click(button(Messages.View_Start));
		String proxy = "Capturing " + WindowFilter.describe(RECEIVER) + " ("
				+ CaptureSettingsPane.strategyName(CaptureStrategy.PROXY) + ")";
		waitUntil(() -> view.status().getText().endsWith(" | " + proxy), "the proxy's running line, not "
				+ view.status().getText());
		assertEquals("PROXY all", sniffer.started.get(1));
	}

	/**
	 * Through the view's own picker, which lists the sniffer's windows in a job. The picker is
	 * modal: it is answered from timers that run in its own event loop.
	 */
	private void pickReceiver() throws Exception {
		Display display = table().getDisplay();
		boolean[] answered = new boolean[1];
		Runnable answer = new Runnable() {
			@Override
			public void run() {
				Shell dialog = Arrays.stream(display.getShells())
						.filter(s -> !s.isDisposed() && s.isVisible() && Messages.Picker_Title.equals(s.getText()))
						.findFirst().orElse(null);
				Table windows = dialog == null ? null : find(dialog, Table.class, t -> true);
				if (windows == null || windows.getItemCount() != 1) {
					display.timerExec(50, this);
					return;
				}
				windows.setSelection(0);
				windows.notifyListeners(SWT.Selection, new Event());
				click(find(dialog, Button.class, b -> IDialogConstants.OK_LABEL.equals(b.getText())));
				answered[0] = true;
			}
		};
		display.timerExec(50, answer);
		display.asyncExec(() -> click(button(Messages.View_PickWindow)));
		waitUntil(() -> answered[0] && !Messages.View_NoTarget.equals(targetLabel()), "the receiver picked");
		assertEquals(WindowFilter.describe(RECEIVER), targetLabel());
	}

	/** @return the text right of "Target:" */
	private String targetLabel() {
		Control[] children = view.settings().getChildren();
		return ((org.eclipse.swt.widgets.Label) children[1]).getText();
	}

	private static void click(Button button) {
		if ((button.getStyle() & SWT.RADIO) != 0) {
			for (Control sibling : button.getParent().getChildren()) {
				if (sibling instanceof Button other && (other.getStyle() & SWT.RADIO) != 0) {
					other.setSelection(other == button);
				}
			}
		}
		button.notifyListeners(SWT.Selection, new Event());
	}

	private Button radio(String name) {
		return find(view.settings(), Button.class, b -> (b.getStyle() & SWT.RADIO) != 0 && b.getText().equals(name));
	}

	private Button button(String text) {
		return find(view.settings(), Button.class, b -> text.equals(b.getText()));
	}

	private static <C extends Control> C find(Composite parent, Class<C> type, java.util.function.Predicate<C> test) {
		for (Control child : parent.getChildren()) {
			if (type.isInstance(child) && test.test(type.cast(child))) {
				return type.cast(child);
			}
			if (child instanceof Composite c) {
				C inner = find(c, type, test);
				if (inner != null) {
					return inner;
				}
			}
		}
		return null;
	}

	/** Lists the receiver and starts sessions that tell their limits from what they were asked. */
	private static final class StandIn implements CopyDataSniffer {
		final List<String> started = new CopyOnWriteArrayList<>();
		final List<Session> sessions = new CopyOnWriteArrayList<>();

		@Override
		public List<WindowInfo> windows() {
			return List.of(RECEIVER);
		}

		@Override
		public Optional<WindowInfo> windowUnderCursor() {
			return Optional.empty();
		}

		@Override
		public Set<CaptureStrategy> strategies() {
			return EnumSet.allOf(CaptureStrategy.class);
		}

		@Override
		public CaptureSession start(WindowInfo target, CaptureStrategy strategy, CaptureOptions options,
				CaptureListener listener) {
			String spec = options.messages().spec();
			started.add(strategy + " " + spec);
			List<String> limits = new ArrayList<>();
			if (strategy == CaptureStrategy.IN_PROCESS) {
				limits.add("what " + strategy + " cannot see");
				limits.add("what " + spec + " leaves out");
			}
			Session session = new Session(target, strategy, List.copyOf(limits));
			sessions.add(session);
			return session;
		}
	}

	private static final class Session implements CaptureSession {
		private final WindowInfo target;
		private final CaptureStrategy strategy;
		private final List<String> limits;
		volatile boolean closed;

		Session(WindowInfo target, CaptureStrategy strategy, List<String> limits) {
			this.target = target;
			this.strategy = strategy;
			this.limits = limits;
		}

		@Override
		public WindowInfo target() {
			return target;
		}

		@Override
		public CaptureStrategy strategy() {
			return strategy;
		}

		@Override
		public long captured() {
			return 0;
		}

		@Override
		public long dropped() {
			return 0;
		}

		@Override
		public boolean isRunning() {
			return !closed;
		}

		@Override
		public List<String> limits() {
			return limits;
		}

		@Override
		public void close() {
			closed = true;
		}
	}
}
