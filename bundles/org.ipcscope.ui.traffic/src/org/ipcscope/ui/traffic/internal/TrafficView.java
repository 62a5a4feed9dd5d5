package org.ipcscope.ui.traffic.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.IBaseLabelProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.ipcscope.core.traffic.FollowedStream;
import org.ipcscope.core.traffic.TrafficCapturer;
import org.ipcscope.core.traffic.TrafficHeader;
import org.ipcscope.core.traffic.TrafficListener;
import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.core.traffic.TrafficRequest;
import org.ipcscope.core.traffic.TrafficSession;
import org.ipcscope.ui.sniff.internal.CaptureColumn;
import org.ipcscope.ui.sniff.internal.CaptureController;
import org.ipcscope.ui.sniff.internal.CaptureFileJob;
import org.ipcscope.ui.sniff.internal.CaptureFormat;
import org.ipcscope.ui.sniff.internal.CaptureLog;
import org.ipcscope.ui.sniff.internal.CaptureState;
import org.ipcscope.ui.sniff.internal.CaptureView;
import org.ipcscope.ui.sniff.internal.FilterBar;
import org.ipcscope.ui.sniff.internal.MessageDetailPane;

/**
 * The conversation on IPC channels: what captured processes read and wrote, in both directions,
 * with each transfer's bytes; or a capture file saved earlier, from either OS.
 *
 * The log is bounded; past the bound the oldest records go and the status line says how many.
 */
public class TrafficView extends CaptureView<TrafficSession, TrafficRecord, TrafficHeader> {

	static final String PAUSE_COMMAND = "org.ipcscope.ui.traffic.commands.pause"; //$NON-NLS-1$
	/** Records the view keeps at most. */
	static final int MAX_RECORDS = 200_000;
	/** Payload bytes the view keeps at most. */
	static final long MAX_BYTES = 256L * 1024 * 1024;
	/** What a record costs beyond its payload, roughly. */
	private static final int RECORD_OVERHEAD = 160;
	/** The filter fields, in {@link FilterBar} order. */
	static final int PROCESS = 0;
	static final int OP = 1;
	static final int OBJECT = 2;
	static final int CONTENT = 3;

	/** Process names by pid, where the capture's dialog knew them. */
	private final Map<Long, String> names = new ConcurrentHashMap<>();
	/** What the records shown were taken with, for saving. */
	private TrafficHeader header;
	/** What the current capture's listener says of each process, by pid. */
	private volatile Listener listener;

	public TrafficView() {
		this(MAX_RECORDS, MAX_BYTES);
	}

	/** For tests of the bound. */
	TrafficView(int maxRecords, long maxBytes) {
		super(new CaptureLog<>(maxRecords, maxBytes, r -> r.payload().length + RECORD_OVERHEAD));
	}

	@Override
	protected void partCreated() {
		table().table().addListener(SWT.DefaultSelection, e -> followSelected());
		showBanner(TrafficPlugin.capturers().isEmpty() ? Messages.View_NoCapturer : null);
	}

	// ---- the parts the Traffic view has its own way

	@Override
	protected CaptureColumn[] columns() {
		return TrafficColumn.values();
	}

	@Override
	protected IBaseLabelProvider labels() {
		return new TrafficLabels(names);
	}

	@Override
	protected FilterBar.Field[] filterFields() {
		return new FilterBar.Field[] { new FilterBar.Field(Messages.View_ProcessFilter, Messages.View_ProcessHint, 12),
				new FilterBar.Field(Messages.View_OpFilter, Messages.View_OpHint, 10),
				new FilterBar.Field(Messages.View_ObjectFilter, Messages.View_ObjectHint, 16),
				new FilterBar.Field(Messages.View_ContentFilter, Messages.View_ContentHint, 20) };
	}

	@Override
	protected Predicate<TrafficRecord> filter(String[] texts) {
		return TrafficFilter.parse(texts[PROCESS], texts[OP], texts[OBJECT], texts[CONTENT], names);
	}

	@Override
	protected void showInDetail(MessageDetailPane pane, TrafficRecord r) {
		pane.showPayload(r == null ? null : r.payload(), r == null ? -1 : r.transferred());
	}

	@Override
	protected CaptureFormat<TrafficHeader, TrafficRecord> format() {
		return TrafficFormat.INSTANCE;
	}

	@Override
	protected TrafficHeader saveHeader() {
		return header != null ? header : new TrafficHeader(os(), null, null, 0);
	}

	@Override
	protected void close(TrafficSession session) {
		TrafficPlugin.stop(session);
	}

	@Override
	protected Texts texts() {
		return new Texts(PAUSE_COMMAND, Messages.Job_Stop, Messages.Load_Refused, Messages.Start_Title,
				Messages.Status_Counts, Messages.Status_DroppedFromView, Messages.Status_Paused, Messages.Status_FilterError);
	}

	@Override
	protected String extraStatus() {
		Listener current = listener;
		return current == null || current.feed != controller().feed() || current.processes.isEmpty() ? null
				: String.join(", ", current.processes.values()); //$NON-NLS-1$
	}

	@Override
	protected String stateText(CaptureState state, String detail) {
		CaptureFileJob.Outcome<TrafficHeader> load = files().lastLoad();
		TrafficHeader loaded = load == null ? null : load.header();
		return switch (state) {
		case IDLE -> Messages.State_Idle;
		case STARTING -> NLS.bind(Messages.State_Starting, detail);
		case RUNNING -> NLS.bind(Messages.State_Running, detail);
		case STOPPING -> Messages.State_Stopping;
		case STOPPED -> Messages.State_Stopped;
		case STOP_FAILED -> detail;
		case ENDED -> NLS.bind(Messages.State_Ended, detail);
		case FAILED -> NLS.bind(Messages.State_Failed, detail);
		case LOADING -> NLS.bind(Messages.State_Loading, detail);
		case LOADED -> loaded == null ? NLS.bind(Messages.State_Loaded, detail)
				: NLS.bind(Messages.State_LoadedHeader,
						new Object[] { detail, loaded.os(), loaded.method() == null ? "?" : loaded.method() }); //$NON-NLS-1$
		case LOAD_FAILED -> NLS.bind(Messages.State_LoadFailed, detail, load == null ? "?" : load.failure()); //$NON-NLS-1$
		case LOAD_CANCELLED -> Messages.State_LoadCancelled;
		};
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
		if (!controller().isIdle()) {
			return null;
		}
		names.clear();
		names.putAll(processNames);
		header = new TrafficHeader(os(), null, request.object(), System.currentTimeMillis() * 1000);
		Job job = controller().start(what, NLS.bind(Messages.Job_Start, what), feed -> {
			Listener started = new Listener(feed);
			listener = started;
			TrafficSession session = capturer.start(request, started);
			TrafficPlugin.started(session);
			return session;
		});
		reshow();
		return job;
	}

	private static String os() {
		return System.getProperty("os.name", "").startsWith("Windows") ? "windows" : "linux"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
	}

	/** Stops the capture in a job; the processes are restored. @return the job, or null if none ran */
	public Job stop() {
		return controller().stop();
	}

	/** Hands what the session tells to the controller's feed, on the session's thread; keeps each process's state. */
	private static final class Listener implements TrafficListener {
		final CaptureController.Feed<TrafficRecord> feed;
		/** Each process's state in words, by pid. */
		final Map<Long, String> processes = new ConcurrentSkipListMap<>();

		Listener(CaptureController.Feed<TrafficRecord> feed) {
			this.feed = feed;
		}

		@Override
		public void captured(TrafficRecord record) {
			feed.captured(record);
		}

		@Override
		public void dropped(long totalDropped) {
			feed.dropped(totalDropped);
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
			feed.ended(reason == null ? null : TrafficColumn.shown(reason));
		}
	}

	// ---- follow

	/** @return the endpoint direction of the selected record joined, or null if it moves no bytes */
	FollowedStream.Key followKey() {
		TrafficRecord r = table().selected();
		return r == null || r.op().direction() == TrafficOp.Direction.NONE ? null : FollowedStream.Key.of(r);
	}

	/** Opens Follow Stream on the selected record's endpoint and direction. @return the dialog, or null */
	FollowStreamDialog followSelected() {
		FollowedStream.Key key = followKey();
		if (key == null) {
			controller().say(Messages.Follow_NoSelection);
			return null;
		}
		log().drain();
		TrafficRecord r = table().selected();
		FollowedStream stream = FollowedStream.follow(log().all(), key);
		FollowStreamDialog dialog = new FollowStreamDialog(getSite().getShell(), key,
				TrafficColumn.process(key.pid(), names), r.object(), TrafficColumn.handle(r), stream);
		dialog.setBlockOnOpen(false);
		dialog.open();
		return dialog;
	}

	// ---- files

	@Override
	protected void beforeLoad() {
		names.clear();
		header = null;
	}

	@Override
	protected void loaded(CaptureFileJob.Outcome<TrafficHeader> outcome) {
		header = outcome.header();
	}
}
