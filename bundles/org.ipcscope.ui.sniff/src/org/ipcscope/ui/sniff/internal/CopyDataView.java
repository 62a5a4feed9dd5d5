package org.ipcscope.ui.sniff.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchListener;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.swt.IFocusService;
import org.ipcscope.core.hex.CopyFormat;
import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.CaptureListener;
import org.ipcscope.core.sniff.CaptureOptions;
import org.ipcscope.core.sniff.CaptureSession;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.WindowInfo;

/**
 * The WM_COPYDATA sniffer: pick a window, capture what is sent to it, inspect each message's
 * bytes; or open a capture file saved earlier (also where no sniffer exists, as on Linux).
 *
 * Messages reach the view through a lock-free queue the UI thread drains every
 * {@value #DRAIN_MILLIS} ms, so a flood never blocks the capture thread and never floods the
 * display; the table is virtual and formats only the rows it shows. Start, stop, load and save
 * run in jobs.
 */
public class CopyDataView extends ViewPart {

	static final String PAUSE_COMMAND = "org.ipcscope.ui.sniff.commands.pause";
	/** The focus id plugin.xml uses to let Copy copy payloads when the table has the focus. */
	static final String TABLE_FOCUS_ID = "org.ipcscope.ui.sniff.captureTable";
	/** How often queued messages go to the table: often enough to look live, seldom enough to stay cheap. */
	static final int DRAIN_MILLIS = 100;
	/** How long closing the workbench waits for a capture to stop and the target to be restored. */
	private static final long SHUTDOWN_WAIT_MILLIS = 5000;

	private final CaptureLog<CapturedMessage> log = new CaptureLog<>();
	private final MessageSelection selection = new MessageSelection();
	private Label banner;
	private CaptureSettingsPane settings;
	private Text dwDataFilter;
	private Text senderFilter;
	private Text contentFilter;
	private Table table;
	private MessageDetailPane detail;
	private Label status;
	private boolean available;
	private WindowInfo target;
	private CaptureStrategy strategy;
	/** Set on the UI thread only; a stop job takes it over. */
	private CaptureSession session;
	/** Read by the session's thread to drop messages of a session the view let go. */
	private volatile SessionListener listener;
	private CaptureFileJob loadJob;
	/** How the last load ended; null while one runs. */
	private CaptureFileJob.Outcome lastLoad;
	private String state = Messages.State_Idle;
	private String filterError;
	private long drains;
	private IWorkbenchListener shutdown;

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		banner = new Label(parent, SWT.WRAP);
		banner.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(banner);
		settings = new CaptureSettingsPane(parent, this::pickWindow, this::start, this::stop);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(settings);
		createFilters(parent);

		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		createTable(sash);
		detail = new MessageDetailPane(sash);
		sash.setWeights(60, 40);
		status = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

		available = SnifferAccess.available();
		showAvailability(Set.of());
		if (available) {
			askStrategies();
		}
		resetPauseCommand();
		shutdown = new IWorkbenchListener() {
			@Override
			public boolean preShutdown(IWorkbench workbench, boolean forced) {
				stopBeforeExit();
				return true;
			}

			@Override
			public void postShutdown(IWorkbench workbench) {
				// stopped in preShutdown
			}
		};
		PlatformUI.getWorkbench().addWorkbenchListener(shutdown);
		updateStatus();
		parent.getDisplay().timerExec(DRAIN_MILLIS, this::tick);
	}

	private void createFilters(Composite parent) {
		Composite filters = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filters);
		GridLayoutFactory.fillDefaults().numColumns(6).applyTo(filters);
		dwDataFilter = filterField(filters, Messages.View_DwDataFilter, Messages.View_DwDataHint, 12);
		senderFilter = filterField(filters, Messages.View_SenderFilter, Messages.View_SenderHint, 14);
		contentFilter = filterField(filters, Messages.View_ContentFilter, Messages.View_ContentHint, 24);
	}

	private Text filterField(Composite parent, String label, String hint, int weight) {
		new Label(parent, SWT.NONE).setText(label);
		Text text = new Text(parent, SWT.SEARCH | SWT.ICON_CANCEL);
		text.setMessage(hint);
		text.setToolTipText(hint);
		GridDataFactory.fillDefaults().grab(true, false).hint(weight * 10, SWT.DEFAULT).applyTo(text);
		text.addModifyListener(e -> applyFilter());
		return text;
	}

	private void createTable(Composite parent) {
		table = new Table(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GC gc = new GC(table);
		int charWidth;
		try {
			charWidth = gc.textExtent("0").x;
		} finally {
			gc.dispose();
		}
		for (MessageColumn column : MessageColumn.values()) {
			TableColumn tableColumn = new TableColumn(table, column.alignment);
			tableColumn.setText(column.title);
			tableColumn.setWidth(column.chars * charWidth + 12);
		}
		table.addListener(SWT.SetData, e -> {
			TableItem item = (TableItem) e.item;
			int row = e.index;
			if (row >= 0 && row < log.shownCount()) {
				CapturedMessage message = log.shown(row);
				item.setText(MessageColumn.texts(message));
				if (message.isTruncated()) {
					item.setForeground(MessageColumn.CB_DATA.ordinal(),
							table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
				}
			}
		});
		table.addListener(SWT.Selection, e -> {
			showSelected();
			selection.changed();
		});
		MenuManager menu = new MenuManager();
		table.setMenu(menu.createContextMenu(table));
		getSite().registerContextMenu(menu, selection);
		getSite().setSelectionProvider(selection);
		// Copy copies payloads only from the table: in a filter field it stays the field's own
		IFocusService focus = getSite().getService(IFocusService.class);
		if (focus != null) {
			focus.addFocusTracker(table, TABLE_FOCUS_ID);
		}
	}

	private void showAvailability(Set<CaptureStrategy> strategies) {
		boolean show = !available;
		banner.setText(show ? SnifferAccess.unavailableMessage() : "");
		((org.eclipse.swt.layout.GridData) banner.getLayoutData()).exclude = !show;
		banner.setVisible(show);
		settings.setAvailable(available, strategies);
		banner.getParent().layout(true, true);
	}

	private void askStrategies() {
		Display display = table.getDisplay();
		Job job = Job.create(Messages.Job_Strategies, monitor -> {
			try {
				Set<CaptureStrategy> here = SnifferAccess.call(s -> s.strategies());
				display.asyncExec(() -> {
					if (!table.isDisposed()) {
						showAvailability(here);
					}
				});
			} catch (IOException | RuntimeException e) {
				ILog.of(getClass()).warn("The sniffer could not say which strategies run here: " + e.getMessage());
				display.asyncExec(() -> {
					if (!table.isDisposed()) {
						state = NLS.bind(Messages.State_NoStrategies, e.getMessage());
						updateStatus();
					}
				});
			}
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	// ---- the table, fed in batches

	private void tick() {
		if (table.isDisposed()) {
			return;
		}
		boolean changed = log.drain();
		SessionListener current = listener;
		if (current != null && current.endedReason != null && session != null) {
			CaptureSession ended = session;
			session = null;
			state = NLS.bind(Messages.State_Ended, current.endedReason);
			settings.setRunning(false);
			// the session ended on its own; closing it still restores what it changed
			stopJob(ended).schedule();
		}
		if (changed) {
			drains++;
			showNewRows();
		}
		updateStatus();
		table.getDisplay().timerExec(DRAIN_MILLIS, this::tick);
	}

	/** Grows the table to the shown count, following the end if the user was looking at it. */
	private void showNewRows() {
		int before = table.getItemCount();
		int now = log.shownCount();
		int visible = Math.max(1, table.getClientArea().height / Math.max(1, table.getItemHeight()));
		boolean follow = before == 0 || table.getTopIndex() + visible >= before;
		table.setItemCount(now);
		if (follow && now > before && table.getSelectionCount() == 0) {
			table.setTopIndex(Math.max(0, now - visible));
		}
	}

	/** Rebuilds the table after a filter change or clear, keeping the message in the detail pane selected if it is still shown. */
	private void reshowRows() {
		CapturedMessage kept = detail.message();
		table.deselectAll();
		table.clearAll();
		table.setItemCount(log.shownCount());
		int row = kept == null ? -1 : log.rowOf(kept);
		if (row >= 0) {
			table.setSelection(row);
		} else {
			// shrinking may have moved the selection to another row
			table.deselectAll();
		}
		showSelected();
		selection.changed();
	}

	private void showSelected() {
		int row = table.getSelectionIndex();
		detail.show(row >= 0 && row < log.shownCount() ? log.shown(row) : null);
	}

	private void applyFilter() {
		try {
			log.setFilter(MessageFilter.parse(dwDataFilter.getText(), senderFilter.getText(), contentFilter.getText()));
			filterError = null;
		} catch (IllegalArgumentException e) {
			filterError = e.getMessage();
		}
		markFilterField(dwDataFilter, MessageFilter.problem(dwDataFilter.getText(), "", ""));
		markFilterField(senderFilter, MessageFilter.problem("", senderFilter.getText(), ""));
		markFilterField(contentFilter, MessageFilter.problem("", "", contentFilter.getText()));
		reshowRows();
		updateStatus();
	}

	/** A field the filter cannot read turns red and says why in its tool tip; the last good filter stays. */
	private void markFilterField(Text field, String problem) {
		field.setBackground(problem == null ? null : field.getDisplay().getSystemColor(SWT.COLOR_RED));
		field.setForeground(problem == null ? null : field.getDisplay().getSystemColor(SWT.COLOR_WHITE));
		field.setToolTipText(problem == null ? field.getMessage() : problem);
	}

	private void updateStatus() {
		if (status.isDisposed()) {
			return;
		}
		long dropped = listener == null ? 0 : listener.dropped;
		// the short, changing facts first: the state can be a long sentence
		String text = NLS.bind(Messages.Status_Counts, new Object[] { log.size(), dropped, log.shownCount() });
		if (log.isPaused()) {
			text += NLS.bind(Messages.Status_Paused, log.heldBack());
		}
		if (filterError != null) {
			text += NLS.bind(Messages.Status_FilterError, filterError);
		}
		text += " | " + state;
		if (!text.equals(status.getText())) {
			status.setText(text);
			status.setToolTipText(text);
		}
	}

	// ---- capture

	void pickWindow() {
		if (!available || session != null) {
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
			state = SnifferAccess.unavailableMessage();
			updateStatus();
			return;
		}
		if (session != null || listener != null && listener.starting) {
			return;
		}
		if (target == null) {
			pickWindow();
			if (target == null) {
				state = Messages.Start_NeedsTarget;
				updateStatus();
				return;
			}
		}
		cancelLoad();
		log.clear();
		reshowRows();
		WindowInfo window = target;
		CaptureStrategy chosen = settings.strategy();
		CaptureOptions options = settings.options();
		SessionListener newListener = new SessionListener();
		newListener.starting = true;
		listener = newListener;
		strategy = chosen;
		state = NLS.bind(Messages.State_Starting, WindowFilter.describe(window));
		settings.setRunning(true);
		updateStatus();
		Display display = table.getDisplay();
		Job job = Job.create(NLS.bind(Messages.Job_Start, WindowFilter.describe(window)), monitor -> {
			try {
				CaptureSession started = SnifferAccess.call(s -> s.start(window, chosen, options, newListener));
				SniffPlugin.started(started);
				display.asyncExec(() -> started(newListener, started));
			} catch (IOException | RuntimeException e) {
				display.asyncExec(() -> failedToStart(newListener, e.getMessage()));
			}
			return Status.OK_STATUS;
		});
		job.schedule();
	}

	private void started(SessionListener owner, CaptureSession started) {
		owner.starting = false;
		if (table.isDisposed() || listener != owner) {
			stopJob(started).schedule();
			return;
		}
		session = started;
		state = NLS.bind(Messages.State_Running, WindowFilter.describe(started.target()),
				CaptureSettingsPane.strategyName(started.strategy()));
		updateStatus();
	}

	private void failedToStart(SessionListener owner, String reason) {
		owner.starting = false;
		if (table.isDisposed() || listener != owner) {
			return;
		}
		state = NLS.bind(Messages.State_Failed, reason);
		settings.setRunning(false);
		updateStatus();
		// UIPI, bitness, a target gone: the user asked for this capture and must read why it did not start
		MessageDialog.openError(getSite().getShell(), Messages.Start_Title, state);
	}

	void stop() {
		CaptureSession running = session;
		if (running == null) {
			return;
		}
		session = null;
		state = Messages.State_Stopping;
		updateStatus();
		Job job = stopJob(running);
		Display display = table.getDisplay();
		job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
			@Override
			public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
				display.asyncExec(() -> {
					if (!table.isDisposed() && session == null) {
						state = event.getResult().isOK() ? Messages.State_Stopped : event.getResult().getMessage();
						settings.setRunning(false);
						updateStatus();
					}
				});
			}
		});
		job.schedule();
	}

	private static Job stopJob(CaptureSession running) {
		Job job = Job.create(Messages.Job_Stop, monitor -> {
			try {
				SniffPlugin.stop(running);
				return Status.OK_STATUS;
			} catch (RuntimeException e) {
				return Status.error(e.getMessage(), e);
			}
		});
		job.setSystem(true);
		return job;
	}

	private void stopBeforeExit() {
		CaptureSession running = session;
		if (running == null) {
			return;
		}
		session = null;
		Job job = stopJob(running);
		job.schedule();
		try {
			// the one place the UI waits: the workbench is closing and the target must get its window back
			job.join(SHUTDOWN_WAIT_MILLIS, null);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The selected messages, for the context menu and other views. */
	private final class MessageSelection implements ISelectionProvider {
		private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();

		@Override
		public ISelection getSelection() {
			return table == null || table.isDisposed() ? StructuredSelection.EMPTY
					: new StructuredSelection(selectedMessages());
		}

		@Override
		public void setSelection(ISelection ignored) {
			// the user selects rows; nothing selects them from outside
		}

		@Override
		public void addSelectionChangedListener(ISelectionChangedListener l) {
			listeners.add(l);
		}

		@Override
		public void removeSelectionChangedListener(ISelectionChangedListener l) {
			listeners.remove(l);
		}

		void changed() {
			SelectionChangedEvent event = new SelectionChangedEvent(this, getSelection());
			for (ISelectionChangedListener l : listeners) {
				l.selectionChanged(event);
			}
		}
	}

	/** Told by the session, on its thread: queues and counts, never waits for the UI. */
	private final class SessionListener implements CaptureListener {
		volatile boolean starting;
		volatile long dropped;
		volatile String endedReason;

		@Override
		public void captured(CapturedMessage message) {
			if (listener == this) {
				log.offer(message);
			}
		}

		@Override
		public void dropped(long totalDropped) {
			dropped = totalDropped;
		}

		@Override
		public void ended(String reason) {
			endedReason = reason == null ? "?" : reason;
		}
	}

	// ---- pause and clear

	void setPaused(boolean paused) {
		log.setPaused(paused);
		if (!paused) {
			log.drain();
			showNewRows();
		}
		updateStatus();
		ICommandService commands = getSite().getService(ICommandService.class);
		if (commands != null) {
			commands.refreshElements(PAUSE_COMMAND, null);
		}
	}

	boolean isPaused() {
		return log.isPaused();
	}

	private void resetPauseCommand() {
		ICommandService commands = getSite().getService(ICommandService.class);
		if (commands != null) {
			commands.refreshElements(PAUSE_COMMAND, null);
		}
	}

	void clear() {
		cancelLoad();
		log.clear();
		reshowRows();
		updateStatus();
	}

	// ---- files

	/** Opens a capture file in a job; the table fills as it reads. @return the job, or null if refused */
	public Job load(Path file) {
		if (session != null || listener != null && listener.starting) {
			state = Messages.Load_Refused;
			updateStatus();
			return null;
		}
		cancelLoad();
		log.clear();
		listener = null;
		reshowRows();
		target = null;
		strategy = null;
		settings.setTarget(null);
		state = NLS.bind(Messages.State_Loading, file.getFileName());
		updateStatus();
		Display display = table.getDisplay();
		lastLoad = null;
		int since = log.epoch();
		CaptureFileJob job = new CaptureFileJob(file, m -> log.offer(since, m),
				outcome -> display.asyncExec(() -> loaded(outcome)));
		loadJob = job;
		job.schedule();
		return job;
	}

	private void loaded(CaptureFileJob.Outcome outcome) {
		if (table.isDisposed()) {
			return;
		}
		if (loadJob == null || !outcome.file().equals(loadJob.file())) {
			// a load cancelled or replaced since
			return;
		}
		lastLoad = outcome;
		String name = String.valueOf(outcome.file().getFileName());
		if (outcome.header() != null && outcome.header().target() != null) {
			target = outcome.header().target();
			strategy = outcome.header().strategy();
			settings.setTarget(target);
		}
		if (outcome.failure() != null) {
			state = NLS.bind(Messages.State_LoadFailed, name, outcome.failure());
		} else {
			String header = target == null ? ""
					: ": " + WindowFilter.describe(target) + (strategy == null ? ""
							: ", " + CaptureSettingsPane.strategyName(strategy)) + Messages.Window_FromFile;
			state = NLS.bind(Messages.State_Loaded, name) + header;
		}
		updateStatus();
	}

	private void cancelLoad() {
		if (loadJob != null) {
			loadJob.cancel();
			loadJob = null;
			if (lastLoad == null) {
				state = Messages.State_LoadCancelled;
			}
		}
	}

	/** Saves every kept message (shown or not) in a job. */
	public Job save(Path file) {
		log.drain();
		return write(file, log.all());
	}

	/** Saves the selected rows in a job. */
	public Job exportSelection(Path file) {
		return write(file, selectedMessages());
	}

	private Job write(Path file, List<CapturedMessage> messages) {
		WindowInfo header = target;
		CaptureStrategy how = strategy;
		Job job = Job.create(NLS.bind(Messages.Job_Save, file), monitor -> {
			try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				CaptureJsonLines.write(out, how == null ? null : header, how, messages);
				return Status.OK_STATUS;
			} catch (IOException e) {
				return Status.error(NLS.bind(Messages.Save_Failed, file, e.getMessage()), e);
			}
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	/** @return the selected messages in table order */
	List<CapturedMessage> selectedMessages() {
		int[] rows = table.getSelectionIndices();
		Arrays.sort(rows);
		List<CapturedMessage> selected = new ArrayList<>(rows.length);
		for (int row : rows) {
			if (row < log.shownCount()) {
				selected.add(log.shown(row));
			}
		}
		return selected;
	}

	/** Copies the selected payloads as hex to the clipboard, one block per message. @return what was copied */
	String copySelectionAsHex() {
		String text = selectedMessages().stream().map(m -> CopyFormat.HEX.format(m.payload()))
				.collect(Collectors.joining(System.lineSeparator() + System.lineSeparator()));
		if (!text.isEmpty()) {
			Clipboard clipboard = new Clipboard(table.getDisplay());
			try {
				clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
			} finally {
				clipboard.dispose();
			}
		}
		return text;
	}

	// ---- for tests and handlers

	Table table() {
		return table;
	}

	MessageDetailPane detail() {
		return detail;
	}

	CaptureSettingsPane settings() {
		return settings;
	}

	Label banner() {
		return banner;
	}

	Label status() {
		return status;
	}

	Text dwDataFilter() {
		return dwDataFilter;
	}

	Text senderFilter() {
		return senderFilter;
	}

	Text contentFilter() {
		return contentFilter;
	}

	/** @return how the last load ended, null while it runs */
	CaptureFileJob.Outcome lastLoad() {
		return lastLoad;
	}

	/** @return how many batches of new rows reached the table */
	long drains() {
		return drains;
	}

	int shownCount() {
		return log.shownCount();
	}

	int keptCount() {
		return log.size();
	}

	boolean isCapturing() {
		return session != null;
	}

	@Override
	public void setFocus() {
		table.setFocus();
	}

	@Override
	public void dispose() {
		if (shutdown != null) {
			PlatformUI.getWorkbench().removeWorkbenchListener(shutdown);
		}
		cancelLoad();
		listener = null;
		CaptureSession running = session;
		session = null;
		if (running != null) {
			stopJob(running).schedule();
		}
		super.dispose();
	}
}
