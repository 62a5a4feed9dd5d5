package org.ipcscope.ui.traffic.internal;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchListener;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.part.ViewPart;
import org.ipcscope.core.internal.FileProblems;
import org.ipcscope.core.traffic.FollowedStream;
import org.ipcscope.core.traffic.TrafficCapturer;
import org.ipcscope.core.traffic.TrafficHeader;
import org.ipcscope.core.traffic.TrafficJsonLines;
import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.core.traffic.TrafficRequest;
import org.ipcscope.core.traffic.TrafficSession;
import org.ipcscope.ui.sniff.internal.CaptureLog;
import org.ipcscope.ui.sniff.internal.MessageDetailPane;

/**
 * The conversation on IPC channels: what captured processes read and wrote, in both directions,
 * with each transfer's bytes; or a capture file saved earlier, from either OS.
 *
 * Records reach the view through the shared {@link CaptureLog}: the capture thread only queues,
 * the UI thread drains every {@value #DRAIN_MILLIS} ms, and the virtual table formats only the
 * rows it shows. The log is bounded; past the bound the oldest records go and the status line
 * says how many. Start, stop, load and save run in jobs.
 */
public class TrafficView extends ViewPart {

	static final String PAUSE_COMMAND = "org.ipcscope.ui.traffic.commands.pause";
	static final int DRAIN_MILLIS = 100;
	/** Records the view keeps at most. */
	static final int MAX_RECORDS = 200_000;
	/** Payload bytes the view keeps at most. */
	static final long MAX_BYTES = 256L * 1024 * 1024;
	/** What a record costs beyond its payload, roughly. */
	private static final int RECORD_OVERHEAD = 160;
	/** How long closing the workbench waits for the captured processes to be restored. */
	private static final long SHUTDOWN_WAIT_MILLIS = 5000;

	private final CaptureLog<TrafficRecord> log;
	/** Process names by pid, where the capture's dialog knew them. */
	private final Map<Long, String> names = new ConcurrentHashMap<>();
	private Label banner;
	private Text processFilter;
	private Text opFilter;
	private Text objectFilter;
	private Text contentFilter;
	private TableViewer viewer;
	private MessageDetailPane detail;
	private Label status;
	/** Set on the UI thread only; a stop job takes it over. */
	private TrafficSession session;
	/** Read by the session's thread to drop records of a session the view let go. */
	private volatile SessionListener listener;
	/** What the records shown were taken with, for saving. */
	private TrafficHeader header;
	private TrafficFileJob loadJob;
	private TrafficFileJob.Outcome lastLoad;
	private String state = Messages.State_Idle;
	private String filterError;
	private IWorkbenchListener shutdown;

	public TrafficView() {
		this(MAX_RECORDS, MAX_BYTES);
	}

	/** For tests of the bound. */
	TrafficView(int maxRecords, long maxBytes) {
		log = new CaptureLog<>(maxRecords, maxBytes, r -> r.payload().length + RECORD_OVERHEAD);
	}

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		banner = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(banner);
		createFilters(parent);
		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		createTable(sash);
		detail = new MessageDetailPane(sash);
		sash.setWeights(60, 40);
		status = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
		showBanner(TrafficPlugin.capturers().isEmpty() ? Messages.View_NoCapturer : null);
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
		refreshPauseCommand();
		updateStatus();
		parent.getDisplay().timerExec(DRAIN_MILLIS, this::tick);
	}

	private void showBanner(String text) {
		banner.setText(text == null ? "" : text);
		((GridData) banner.getLayoutData()).exclude = text == null;
		banner.setVisible(text != null);
		banner.getParent().layout(true, true);
	}

	private void createFilters(Composite parent) {
		Composite filters = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filters);
		GridLayoutFactory.fillDefaults().numColumns(8).applyTo(filters);
		processFilter = filterField(filters, Messages.View_ProcessFilter, Messages.View_ProcessHint, 12);
		opFilter = filterField(filters, Messages.View_OpFilter, Messages.View_OpHint, 10);
		objectFilter = filterField(filters, Messages.View_ObjectFilter, Messages.View_ObjectHint, 16);
		contentFilter = filterField(filters, Messages.View_ContentFilter, Messages.View_ContentHint, 20);
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
		viewer = new TableViewer(parent,
				SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
		Table table = viewer.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GC gc = new GC(table);
		int charWidth;
		try {
			charWidth = gc.textExtent("0").x;
		} finally {
			gc.dispose();
		}
		for (TrafficColumn column : TrafficColumn.values()) {
			TableColumn tableColumn = new TableColumn(table, column.alignment);
			tableColumn.setText(column.title);
			tableColumn.setWidth(column.chars * charWidth + 12);
		}
		viewer.setContentProvider(new ILazyContentProvider() {
			@Override
			public void updateElement(int index) {
				if (index < log.shownCount()) {
					viewer.replace(log.shown(index), index);
				}
			}

			@Override
			public void inputChanged(Viewer v, Object oldInput, Object newInput) {
				// the log is the one input, for the view's life
			}
		});
		viewer.setLabelProvider(new TrafficLabels(names));
		viewer.setInput(log);
		viewer.setItemCount(0);
		table.addListener(SWT.Selection, e -> showSelected());
		table.addListener(SWT.DefaultSelection, e -> followSelected());
		MenuManager menu = new MenuManager();
		table.setMenu(menu.createContextMenu(table));
		getSite().registerContextMenu(menu, viewer);
		getSite().setSelectionProvider(viewer);
	}

	// ---- the table, fed in batches

	private void tick() {
		Table table = viewer.getTable();
		if (table.isDisposed()) {
			return;
		}
		try {
			feed();
		} finally {
			// one bad batch must not stop the feed
			table.getDisplay().timerExec(DRAIN_MILLIS, this::tick);
		}
	}

	private void feed() {
		boolean changed = log.drain();
		SessionListener current = listener;
		if (current != null && current.endedReason != null && session != null) {
			TrafficSession ended = session;
			session = null;
			state = NLS.bind(Messages.State_Ended, current.endedReason);
			// it ended on its own; closing it still restores what it changed
			stopJob(ended).schedule();
		}
		if (changed) {
			showNewRows();
		}
		updateStatus();
	}

	/** Grows the table to the shown count, following the end if the user was looking at it. */
	private void showNewRows() {
		Table table = viewer.getTable();
		int before = table.getItemCount();
		int now = log.shownCount();
		if (now < before) {
			// the bound let the oldest rows go: every row moved up
			reshowRows();
			return;
		}
		int visible = Math.max(1, table.getClientArea().height / Math.max(1, table.getItemHeight()));
		boolean follow = before == 0 || table.getTopIndex() + visible >= before;
		viewer.setItemCount(now);
		if (follow && now > before && table.getSelectionCount() == 0) {
			table.setTopIndex(Math.max(0, now - visible));
		}
	}

	/** Rebuilds the table after a filter change or clear, keeping the selected record selected if it is still shown. */
	private void reshowRows() {
		Table table = viewer.getTable();
		TrafficRecord kept = selectedRecord();
		table.deselectAll();
		table.clearAll();
		viewer.setItemCount(log.shownCount());
		int row = kept == null ? -1 : log.rowOf(kept);
		if (row >= 0) {
			table.setSelection(row);
		} else {
			table.deselectAll();
		}
		showSelected();
	}

	private void showSelected() {
		TrafficRecord r = selectedRecord();
		detail.showPayload(r == null ? null : r.payload(), r == null ? -1 : r.transferred());
	}

	private void applyFilter() {
		try {
			log.setFilter(TrafficFilter.parse(processFilter.getText(), opFilter.getText(), objectFilter.getText(),
					contentFilter.getText(), names));
			filterError = null;
		} catch (IllegalArgumentException e) {
			filterError = e.getMessage();
		}
		reshowRows();
		updateStatus();
	}

	private void updateStatus() {
		if (status.isDisposed()) {
			return;
		}
		SessionListener current = listener;
		long dropped = current == null ? 0 : current.dropped;
		// the short, changing facts first: the state can be a long sentence
		String text = NLS.bind(Messages.Status_Counts, new Object[] { log.size() + log.droppedFromView(), dropped,
				log.shownCount() });
		if (log.droppedFromView() > 0) {
			text += NLS.bind(Messages.Status_DroppedFromView, log.droppedFromView());
		}
		if (log.isPaused()) {
			text += NLS.bind(Messages.Status_Paused, log.heldBack());
		}
		if (filterError != null) {
			text += NLS.bind(Messages.Status_FilterError, filterError);
		}
		if (current != null && !current.processes.isEmpty()) {
			text += " | " + String.join(", ", current.processes.values());
		}
		text += " | " + state;
		if (!text.equals(status.getText())) {
			status.setText(text);
			status.setToolTipText(text);
		}
	}

	// ---- capture

	/**
	 * Starts a capture in a job, replacing what the view shows.
	 *
	 * @param processNames names of the processes by pid, for the table
	 * @param what         what is captured, in words, for the status line
	 * @return the job, or null when a capture already runs
	 */
	public Job capture(TrafficCapturer capturer, TrafficRequest request, Map<Long, String> processNames, String what) {
		if (session != null || listener != null && listener.starting) {
			return null;
		}
		cancelLoad();
		log.clear();
		names.clear();
		names.putAll(processNames);
		reshowRows();
		SessionListener newListener = new SessionListener();
		newListener.starting = true;
		listener = newListener;
		header = new TrafficHeader(os(), null, request.object(), System.currentTimeMillis() * 1000);
		state = NLS.bind(Messages.State_Starting, what);
		updateStatus();
		Display display = viewer.getTable().getDisplay();
		Job job = Job.create(NLS.bind(Messages.Job_Start, what), monitor -> {
			try {
				TrafficSession started = capturer.start(request, newListener);
				TrafficPlugin.started(started);
				display.asyncExec(() -> started(newListener, started, what));
			} catch (Exception e) {
				display.asyncExec(() -> failedToStart(newListener, String.valueOf(e.getMessage())));
			}
			return Status.OK_STATUS;
		});
		job.schedule();
		return job;
	}

	private static String os() {
		return System.getProperty("os.name", "").startsWith("Windows") ? "windows" : "linux";
	}

	private void started(SessionListener owner, TrafficSession started, String what) {
		owner.starting = false;
		if (viewer.getTable().isDisposed() || listener != owner) {
			stopJob(started).schedule();
			return;
		}
		session = started;
		state = NLS.bind(Messages.State_Running, what);
		updateStatus();
	}

	private void failedToStart(SessionListener owner, String reason) {
		owner.starting = false;
		if (viewer.getTable().isDisposed() || listener != owner) {
			return;
		}
		state = NLS.bind(Messages.State_Failed, reason);
		updateStatus();
		// Yama, another user's process, a process gone: the user asked and must read why
		MessageDialog.openError(getSite().getShell(), Messages.Start_Title, state);
	}

	/** Stops the capture in a job; the processes are restored. @return the job, or null if none ran */
	public Job stop() {
		TrafficSession running = session;
		if (running == null) {
			return null;
		}
		session = null;
		state = Messages.State_Stopping;
		updateStatus();
		Job job = stopJob(running);
		Display display = viewer.getTable().getDisplay();
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				display.asyncExec(() -> {
					if (!viewer.getTable().isDisposed() && session == null) {
						state = event.getResult().isOK() ? Messages.State_Stopped : event.getResult().getMessage();
						updateStatus();
					}
				});
			}
		});
		job.schedule();
		return job;
	}

	private static Job stopJob(TrafficSession running) {
		Job job = Job.create(Messages.Job_Stop, monitor -> {
			try {
				TrafficPlugin.stop(running);
				return Status.OK_STATUS;
			} catch (RuntimeException e) {
				return Status.error(String.valueOf(e.getMessage()), e);
			}
		});
		job.setSystem(true);
		return job;
	}

	private void stopBeforeExit() {
		TrafficSession running = session;
		if (running == null) {
			return;
		}
		session = null;
		Job job = stopJob(running);
		job.schedule();
		try {
			// the one place the UI waits: the workbench is closing and the targets must be let go
			job.join(SHUTDOWN_WAIT_MILLIS, null);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Told by the session, on its thread: queues and counts, never waits for the UI. */
	private final class SessionListener implements org.ipcscope.core.traffic.TrafficListener {
		volatile boolean starting;
		volatile long dropped;
		volatile String endedReason;
		/** Each process's state in words, by pid. */
		final Map<Long, String> processes = new java.util.concurrent.ConcurrentSkipListMap<>();

		@Override
		public void captured(TrafficRecord record) {
			if (listener == this) {
				log.offer(record);
			}
		}

		@Override
		public void dropped(long totalDropped) {
			dropped = totalDropped;
		}

		@Override
		public void attached(long pid, String change) {
			processes.put(pid, NLS.bind(Messages.Status_Attached, pid));
		}

		@Override
		public void detached(long pid, String reason) {
			processes.put(pid, NLS.bind(Messages.Status_Detached, pid, TrafficColumn.shown(String.valueOf(reason))));
		}

		@Override
		public void refused(long pid, String reason) {
			processes.put(pid, NLS.bind(Messages.Status_Refused, pid, TrafficColumn.shown(String.valueOf(reason))));
		}

		@Override
		public void ended(String reason) {
			endedReason = reason == null ? "?" : TrafficColumn.shown(reason);
		}
	}

	// ---- pause, clear, follow

	void setPaused(boolean paused) {
		log.setPaused(paused);
		if (!paused) {
			log.drain();
			showNewRows();
		}
		updateStatus();
		refreshPauseCommand();
	}

	boolean isPaused() {
		return log.isPaused();
	}

	private void refreshPauseCommand() {
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

	/** @return the endpoint direction of the selected record joined, or null if it moves no bytes */
	FollowedStream.Key followKey() {
		TrafficRecord r = selectedRecord();
		return r == null || r.op().direction() == TrafficOp.Direction.NONE ? null : FollowedStream.Key.of(r);
	}

	/** Opens Follow Stream on the selected record's endpoint and direction. @return the dialog, or null */
	FollowStreamDialog followSelected() {
		FollowedStream.Key key = followKey();
		if (key == null) {
			state = Messages.Follow_NoSelection;
			updateStatus();
			return null;
		}
		log.drain();
		TrafficRecord r = selectedRecord();
		FollowedStream stream = FollowedStream.follow(log.all(), key);
		FollowStreamDialog dialog = new FollowStreamDialog(getSite().getShell(), key,
				TrafficColumn.process(key.pid(), names), r.object(), TrafficColumn.handle(r), stream);
		dialog.setBlockOnOpen(false);
		dialog.open();
		return dialog;
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
		names.clear();
		listener = null;
		header = null;
		reshowRows();
		state = NLS.bind(Messages.State_Loading, file.getFileName());
		updateStatus();
		Display display = viewer.getTable().getDisplay();
		lastLoad = null;
		int since = log.epoch();
		TrafficFileJob job = new TrafficFileJob(file, r -> log.offer(since, r),
				outcome -> display.asyncExec(() -> loaded(outcome)));
		loadJob = job;
		job.schedule();
		return job;
	}

	private void loaded(TrafficFileJob.Outcome outcome) {
		if (viewer.getTable().isDisposed() || loadJob == null || !outcome.file().equals(loadJob.file())) {
			// a load cancelled or replaced since
			return;
		}
		lastLoad = outcome;
		header = outcome.header();
		String name = String.valueOf(outcome.file().getFileName());
		if (outcome.failure() != null) {
			state = NLS.bind(Messages.State_LoadFailed, name, outcome.failure());
		} else if (header != null) {
			state = NLS.bind(Messages.State_LoadedHeader, new Object[] { name, header.os(),
					header.method() == null ? "?" : header.method() });
		} else {
			state = NLS.bind(Messages.State_Loaded, name);
		}
		updateStatus();
	}

	private void cancelLoad() {
		if (loadJob != null) {
			loadJob.cancel();
			loadJob = null;
		}
	}

	/** Saves every kept record in a job, as a traffic capture file. */
	public Job save(Path file) {
		log.drain();
		List<TrafficRecord> records = log.all();
		TrafficHeader saved = header != null ? header : new TrafficHeader(os(), null, null, 0);
		Job job = Job.create(NLS.bind(Messages.Job_Save, file), monitor -> {
			try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				TrafficJsonLines.write(out, saved, records);
				return Status.OK_STATUS;
			} catch (java.io.IOException e) {
				return Status.error(NLS.bind(Messages.Save_Failed, file, FileProblems.describe(e)), e);
			}
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	// ---- for tests and handlers

	/** @return the first selected record, or null */
	TrafficRecord selectedRecord() {
		List<TrafficRecord> selected = selectedRecords();
		return selected.isEmpty() ? null : selected.get(0);
	}

	/** @return the selected records in table order */
	List<TrafficRecord> selectedRecords() {
		int[] rows = viewer.getTable().getSelectionIndices();
		Arrays.sort(rows);
		List<TrafficRecord> selected = new ArrayList<>(rows.length);
		for (int row : rows) {
			if (row < log.shownCount()) {
				selected.add(log.shown(row));
			}
		}
		return selected;
	}

	TableViewer viewer() {
		return viewer;
	}

	MessageDetailPane detail() {
		return detail;
	}

	Label status() {
		return status;
	}

	Label banner() {
		return banner;
	}

	Text processFilter() {
		return processFilter;
	}

	Text opFilter() {
		return opFilter;
	}

	Text objectFilter() {
		return objectFilter;
	}

	Text contentFilter() {
		return contentFilter;
	}

	TrafficFileJob.Outcome lastLoad() {
		return lastLoad;
	}

	int shownCount() {
		return log.shownCount();
	}

	int keptCount() {
		return log.size();
	}

	/** @return every kept record, shown or not, in capture order */
	List<TrafficRecord> keptRecords() {
		return log.all();
	}

	long droppedFromView() {
		return log.droppedFromView();
	}

	boolean isCapturing() {
		return session != null;
	}

	TrafficSession session() {
		return session;
	}

	@Override
	public void setFocus() {
		viewer.getTable().setFocus();
	}

	@Override
	public void dispose() {
		if (shutdown != null) {
			PlatformUI.getWorkbench().removeWorkbenchListener(shutdown);
		}
		cancelLoad();
		listener = null;
		TrafficSession running = session;
		session = null;
		if (running != null) {
			stopJob(running).schedule();
		}
		super.dispose();
	}
}
