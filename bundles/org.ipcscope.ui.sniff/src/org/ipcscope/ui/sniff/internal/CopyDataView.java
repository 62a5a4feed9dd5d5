package org.ipcscope.ui.sniff.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.IBaseLabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.swt.IFocusService;
import org.ipcscope.core.hex.CopyFormat;
import org.ipcscope.core.sniff.CaptureListener;
import org.ipcscope.core.sniff.CaptureOptions;
import org.ipcscope.core.sniff.CaptureSession;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.WindowInfo;

/**
 * The Message Sniffer: pick a window, capture the messages sent and posted to it, inspect each
 * message's fields and WM_COPYDATA's bytes; or open a capture file saved earlier (also where no sniffer exists, as on Linux).
 */
public class CopyDataView extends CaptureView<CaptureSession, CapturedMessage, CopyDataFormat.Header> {

	static final String PAUSE_COMMAND = "org.ipcscope.ui.sniff.commands.pause"; //$NON-NLS-1$
	/** The focus id plugin.xml uses to let Copy copy payloads when the table has the focus. */
	static final String TABLE_FOCUS_ID = "org.ipcscope.ui.sniff.captureTable"; //$NON-NLS-1$
	/** The filter fields, in {@link FilterBar} order. */
	static final int MESSAGE = 0;
	static final int PARAMS = 1;
	static final int DW_DATA = 2;
	static final int SENDER = 3;
	static final int CONTENT = 4;

	private CaptureSettingsPane settings;
	private boolean available;
	private WindowInfo target;
	private CaptureStrategy strategy;

	public CopyDataView() {
		super(new CaptureLog<>());
	}

	@Override
	protected void createSettings(Composite parent) {
		banner().setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		settings = new CaptureSettingsPane(parent, this::pickWindow, this::start, this::stop);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(settings);
	}

	@Override
	protected void partCreated() {
		// Copy copies payloads only from the table: in a filter field it stays the field's own
		table().table().setColumnOrder(MessageColumn.displayOrder());
		detail().setMemoryOpener(m -> MessageMemoryOpener.open(getSite().getPage(), detail(), m, controller()::say));
		IFocusService focus = getSite().getService(IFocusService.class);
		if (focus != null) {
			focus.addFocusTracker(table().table(), TABLE_FOCUS_ID);
		}
		available = SnifferAccess.available();
		showAvailability(Set.of());
		if (available) {
			askStrategies();
		}
	}

	private void showAvailability(Set<CaptureStrategy> strategies) {
		showBanner(available ? null : SnifferAccess.unavailableMessage());
		settings.setAvailable(available, strategies);
		banner().getParent().layout(true, true);
	}

	private void askStrategies() {
		Display display = table().table().getDisplay();
		Job job = Job.create(Messages.Job_Strategies, monitor -> {
			try {
				Set<CaptureStrategy> here = SnifferAccess.call(s -> s.strategies());
				display.asyncExec(() -> {
					if (!settings.isDisposed()) {
						showAvailability(here);
					}
				});
			} catch (IOException | RuntimeException e) {
				ILog.of(getClass()).warn(NLS.bind(Messages.State_NoStrategies, e.getMessage()));
				display.asyncExec(() -> {
					if (!settings.isDisposed()) {
						controller().say(NLS.bind(Messages.State_NoStrategies, e.getMessage()));
					}
				});
			}
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	// ---- the parts the Sniffer has its own way

	@Override
	protected CaptureColumn[] columns() {
		return MessageColumn.values();
	}

	@Override
	protected IBaseLabelProvider labels() {
		return new MessageLabels();
	}

	@Override
	protected FilterBar.Field[] filterFields() {
		// in the order of the table's columns: what a message is first, WM_COPYDATA's own fields after
		return new FilterBar.Field[] { new FilterBar.Field(Messages.View_MessageFilter, Messages.View_MessageHint, 14),
				new FilterBar.Field(Messages.View_ParamsFilter, Messages.View_ParamsHint, 14),
				new FilterBar.Field(Messages.View_DwDataFilter, Messages.View_DwDataHint, 12),
				new FilterBar.Field(Messages.View_SenderFilter, Messages.View_SenderHint, 14),
				new FilterBar.Field(Messages.View_ContentFilter, Messages.View_ContentHint, 24) };
	}

	@Override
	protected Predicate<CapturedMessage> filter(String[] texts) {
		return MessageFilter.parse(texts[DW_DATA], texts[SENDER], texts[CONTENT]).withMessage(texts[MESSAGE],
				texts[PARAMS]);
	}

	@Override
	protected void filtersChanged() {
		String[] texts = filters().texts();
		filters().mark(DW_DATA, MessageFilter.problem(texts[DW_DATA], "", "")); //$NON-NLS-1$ //$NON-NLS-2$
		filters().mark(SENDER, MessageFilter.problem("", texts[SENDER], "")); //$NON-NLS-1$ //$NON-NLS-2$
		filters().mark(CONTENT, MessageFilter.problem("", "", texts[CONTENT])); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Override
	protected void showInDetail(MessageDetailPane pane, CapturedMessage message) {
		pane.show(message);
	}

	@Override
	protected CaptureFormat<CopyDataFormat.Header, CapturedMessage> format() {
		return CopyDataFormat.INSTANCE;
	}

	@Override
	protected CopyDataFormat.Header saveHeader() {
		return new CopyDataFormat.Header(target, strategy);
	}

	@Override
	protected void close(CaptureSession session) {
		SniffPlugin.stop(session);
	}

	@Override
	protected Texts texts() {
		// the log is unbounded: it never drops from view
		return new Texts(PAUSE_COMMAND, Messages.Job_Stop, Messages.Load_Refused, Messages.Start_Title,
				Messages.Status_Counts, "", Messages.Status_Paused, Messages.Status_FilterError); //$NON-NLS-1$
	}

	@Override
	protected String stateText(CaptureState state, String detail) {
		CaptureSession running = controller().session();
		CaptureFileJob.Outcome<CopyDataFormat.Header> load = files().lastLoad();
		return switch (state) {
		case IDLE -> Messages.State_Idle;
		case STARTING -> NLS.bind(Messages.State_Starting, detail);
		case RUNNING -> running == null ? detail : runningText(running);
		case STOPPING -> Messages.State_Stopping;
		case STOPPED -> Messages.State_Stopped;
		case STOP_FAILED -> detail;
		case ENDED -> NLS.bind(Messages.State_Ended, detail);
		case FAILED -> NLS.bind(Messages.State_Failed, detail);
		case LOADING -> NLS.bind(Messages.State_Loading, detail);
		case LOADED -> NLS.bind(Messages.State_Loaded, detail) + fromHeader(load == null ? null : load.header());
		case LOAD_FAILED -> NLS.bind(Messages.State_LoadFailed, detail, load == null ? "?" : load.failure()); //$NON-NLS-1$
		case LOAD_CANCELLED -> Messages.State_LoadCancelled;
		};
	}

	/** @return what runs, and what the session says it cannot see */
	static String runningText(CaptureSession running) {
		String window = WindowFilter.describe(running.target());
		String how = CaptureSettingsPane.strategyName(running.strategy());
		List<String> limits = running.limits();
		return limits.isEmpty() ? NLS.bind(Messages.State_Running, window, how)
				: NLS.bind(Messages.State_RunningLimits, new Object[] { window, how, String.join("; ", limits) }); //$NON-NLS-1$
	}

	private static String fromHeader(CopyDataFormat.Header header) {
		if (header == null || header.target() == null) {
			return ""; //$NON-NLS-1$
		}
		return ": " + WindowFilter.describe(header.target()) //$NON-NLS-1$
				+ (header.strategy() == null ? "" : ", " + CaptureSettingsPane.strategyName(header.strategy())) //$NON-NLS-1$ //$NON-NLS-2$
				+ Messages.Window_FromFile;
	}

	@Override
	public void stateChanged() {
		super.stateChanged();
		settings.setRunning(controller().state().busy());
	}

	// ---- capture

	void pickWindow() {
		if (!available || !controller().isIdle()) {
			return;
		}
		WindowPickerDialog dialog = new WindowPickerDialog(getSite().getShell());
		if (dialog.open() == Window.OK && dialog.picked() != null) {
			target = dialog.picked();
			settings.setTarget(target);
		}
	}

	void start() {
		if (!available) {
			controller().say(SnifferAccess.unavailableMessage());
			return;
		}
		if (!controller().isIdle()) {
			return;
		}
		if (target == null) {
			pickWindow();
			if (target == null) {
				controller().say(Messages.Start_NeedsTarget);
				return;
			}
		}
		WindowInfo window = target;
		CaptureStrategy chosen = settings.strategy();
		CaptureOptions options;
		try {
			options = settings.options();
		} catch (IllegalArgumentException e) {
			controller().say(NLS.bind(Messages.Start_BadMessages, e.getMessage()));
			return;
		}
		strategy = chosen;
		String what = WindowFilter.describe(window);
		controller().start(what, NLS.bind(Messages.Job_Start, what), feed -> {
			CaptureSession started = SnifferAccess.call(s -> s.start(window, chosen, options, new Listener(feed)));
			SniffPlugin.started(started);
			return started;
		});
		reshow();
	}

	void stop() {
		controller().stop();
	}

	/** Hands what the session tells to the controller's feed, on the session's thread. */
	private record Listener(CaptureController.Feed<CapturedMessage> feed) implements CaptureListener {
		@Override
		public void captured(CapturedMessage message) {
			feed.captured(message);
		}

		@Override
		public void dropped(long totalDropped) {
			feed.dropped(totalDropped);
		}

		@Override
		public void ended(String reason) {
			feed.ended(reason);
		}
	}

	// ---- files

	@Override
	protected void beforeLoad() {
		target = null;
		strategy = null;
		settings.setTarget(null);
	}

	@Override
	protected void loaded(CaptureFileJob.Outcome<CopyDataFormat.Header> outcome) {
		if (outcome.header() != null && outcome.header().target() != null) {
			target = outcome.header().target();
			strategy = outcome.header().strategy();
			settings.setTarget(target);
		}
	}

	/** Saves the selected rows in a job. */
	public Job exportSelection(Path file) {
		return files().save(file, saveHeader(), selectedEntries());
	}

	/** Copies the selected payloads as hex to the clipboard, one block per message. @return what was copied */
	String copySelectionAsHex() {
		String text = selectedEntries().stream().map(m -> CopyFormat.HEX.format(m.payload()))
				.collect(Collectors.joining(System.lineSeparator() + System.lineSeparator()));
		if (!text.isEmpty()) {
			Clipboard clipboard = new Clipboard(table().table().getDisplay());
			try {
				clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
			} finally {
				clipboard.dispose();
			}
		}
		return text;
	}

	CaptureSettingsPane settings() {
		return settings;
	}
}
