package org.ipcscope.ui.sniff.internal;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;

/**
 * The life cycle of one capture view's session and loads, without a widget: which session runs,
 * which feed may still add to the {@link CaptureLog}, which load is current, and the
 * {@link CaptureState} the status line shows. Start and stop run in jobs; what they find comes
 * back through the {@code ui} executor (the display's asyncExec in a view), and every method but
 * the feed's is called there.
 *
 * @param <S> a running session
 * @param <T> what the session captures, a row of the log
 */
public final class CaptureController<S, T> {

	/** What the view does when the state moves. */
	public interface Observer {
		void stateChanged();

		/** A start the user asked for failed: the view must say why, not only in the status line. */
		void startFailed();
	}

	/** Starts a session in a job, off the UI thread; what it captures goes to {@code feed}. */
	public interface Starter<S, T> {
		S start(Feed<T> feed) throws Exception;
	}

	/**
	 * What a session tells, on its own thread: queues and counts, never waits for the UI. Once the
	 * view lets the session go (a clear, a load, a new capture), what it still sends is dropped.
	 */
	public static final class Feed<T> {
		private final CaptureController<?, T> owner;
		private volatile boolean starting = true;
		private volatile long dropped;
		private volatile String endedReason;

		private Feed(CaptureController<?, T> owner) {
			this.owner = owner;
		}

		public void captured(T entry) {
			if (owner.feed == this) {
				owner.log.offer(entry);
			}
		}

		/** @param totalDropped what the capture lost so far (its ring was full) */
		public void dropped(long totalDropped) {
			dropped = totalDropped;
		}

		public void ended(String reason) {
			endedReason = reason == null ? "?" : reason; //$NON-NLS-1$
		}
	}

	private final CaptureLog<T> log;
	private final Executor ui;
	private final Consumer<S> closer;
	private final String stopJobName;
	private final Observer observer;
	private S session;
	/** Read by the session's thread to drop entries of a session the view let go. */
	private volatile Feed<T> feed;
	private Job loadJob;
	private boolean loadEnded;
	private CaptureState state = CaptureState.IDLE;
	private String detail = ""; //$NON-NLS-1$
	private String note;
	private boolean disposed;

	/**
	 * @param closer      closes a session, restoring what it changed; runs in a job
	 * @param stopJobName the name of that job
	 */
	public CaptureController(CaptureLog<T> log, Executor ui, Consumer<S> closer, String stopJobName, Observer observer) {
		this.log = log;
		this.ui = ui;
		this.closer = closer;
		this.stopJobName = stopJobName;
		this.observer = observer;
	}

	public CaptureState state() {
		return state;
	}

	/** @return what the state is about: what is captured, why it ended or failed, which file loads */
	public String detail() {
		return detail;
	}

	/** @return what the view said last (a refusal, a hint), shown instead of the state until it moves */
	public String note() {
		return note;
	}

	/** Says something in place of the state until the state moves. */
	public void say(String text) {
		note = text;
		if (!disposed) {
			observer.stateChanged();
		}
	}

	private void set(CaptureState newState, String newDetail) {
		state = newState;
		detail = newDetail;
		note = null;
		if (!disposed) {
			observer.stateChanged();
		}
	}

	/** @return the running session, or null (also while it starts or stops) */
	public S session() {
		return session;
	}

	public boolean isCapturing() {
		return session != null;
	}

	/** @return whether a capture or a load may begin: no session runs or starts */
	public boolean isIdle() {
		Feed<T> current = feed;
		return session == null && (current == null || !current.starting);
	}

	/** @return what the current capture lost in its ring, 0 without one */
	public long dropped() {
		Feed<T> current = feed;
		return current == null ? 0 : current.dropped;
	}

	/** @return the feed of the current capture, null after a load */
	public Feed<T> feed() {
		return feed;
	}

	/**
	 * Empties the log and starts a session in a job.
	 *
	 * @param what in words, for the status line
	 * @return the job, or null when a session runs or starts already
	 */
	public Job start(String what, String jobName, Starter<S, T> starter) {
		if (!isIdle()) {
			return null;
		}
		cancelLoad();
		log.clear();
		Feed<T> newFeed = new Feed<>(this);
		feed = newFeed;
		set(CaptureState.STARTING, what);
		Job job = Job.create(jobName, monitor -> {
			try {
				S started = starter.start(newFeed);
				ui.execute(() -> started(newFeed, started));
			} catch (Exception e) {
				ui.execute(() -> failedToStart(newFeed, String.valueOf(e.getMessage())));
			}
			return Status.OK_STATUS;
		});
		job.schedule();
		return job;
	}

	private void started(Feed<T> owner, S started) {
		owner.starting = false;
		if (disposed || feed != owner) {
			stopJob(started).schedule();
			return;
		}
		session = started;
		set(CaptureState.RUNNING, detail);
	}

	private void failedToStart(Feed<T> owner, String reason) {
		owner.starting = false;
		if (disposed || feed != owner) {
			return;
		}
		set(CaptureState.FAILED, reason);
		observer.startFailed();
	}

	/** Closes the session in a job; its targets are restored. @return the job, or null if none ran */
	public Job stop() {
		S running = session;
		if (running == null) {
			return null;
		}
		session = null;
		set(CaptureState.STOPPING, ""); //$NON-NLS-1$
		Job job = stopJob(running);
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				IStatus result = event.getResult();
				ui.execute(() -> {
					// a capture started meanwhile has a state of its own
					if (!disposed && session == null && state == CaptureState.STOPPING) {
						set(result.isOK() ? CaptureState.STOPPED : CaptureState.STOP_FAILED,
								result.isOK() ? "" : result.getMessage()); //$NON-NLS-1$
					}
				});
			}
		});
		job.schedule();
		return job;
	}

	/** Looks whether the session ended on its own (the view's timer asks); closing it still restores what it changed. */
	public void checkEnded() {
		Feed<T> current = feed;
		if (current != null && current.endedReason != null && session != null) {
			S ended = session;
			session = null;
			set(CaptureState.ENDED, current.endedReason);
			stopJob(ended).schedule();
		}
	}

	private Job stopJob(S running) {
		Job job = Job.create(stopJobName, monitor -> {
			try {
				closer.accept(running);
				return Status.OK_STATUS;
			} catch (RuntimeException e) {
				return Status.error(String.valueOf(e.getMessage()), e);
			}
		});
		job.setSystem(true);
		return job;
	}

	/** The workbench closes: the one place the UI waits, for the targets to get back what capture changed. */
	public void stopBeforeExit(long millis) {
		S running = session;
		if (running == null) {
			return;
		}
		session = null;
		Job job = stopJob(running);
		job.schedule();
		try {
			job.join(millis, null);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	// ---- loads

	/**
	 * Lets the current capture's feed and load go, empties the log and enters {@link CaptureState#LOADING}.
	 *
	 * @return the log's epoch, for the load's {@link CaptureLog#offer(int, Object)}
	 */
	public int beginLoad(String name) {
		cancelLoad();
		log.clear();
		feed = null;
		loadJob = null;
		loadEnded = false;
		set(CaptureState.LOADING, name);
		return log.epoch();
	}

	/** @param job the load {@link #beginLoad} began, before it is scheduled */
	public void loading(Job job) {
		loadJob = job;
	}

	/** @return whether {@code job} is the load the view waits for, not one cancelled or replaced since */
	public boolean isCurrentLoad(Job job) {
		return !disposed && loadJob == job && !loadEnded;
	}

	public void loadEnded(boolean failed) {
		loadEnded = true;
		set(failed ? CaptureState.LOAD_FAILED : CaptureState.LOADED, detail);
	}

	/** Empties the log; a load still running is cancelled, a capture goes on. */
	public void clear() {
		cancelLoad();
		log.clear();
	}

	private void cancelLoad() {
		if (loadJob != null) {
			loadJob.cancel();
			loadJob = null;
			if (!loadEnded) {
				set(CaptureState.LOAD_CANCELLED, ""); //$NON-NLS-1$
			}
		}
	}

	/** The view closes: a load is cancelled, a session closed in a job, and nothing more is taken. */
	public void dispose() {
		disposed = true;
		cancelLoad();
		feed = null;
		S running = session;
		session = null;
		if (running != null) {
			stopJob(running).schedule();
		}
	}
}
