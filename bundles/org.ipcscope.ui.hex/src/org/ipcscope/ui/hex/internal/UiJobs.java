package org.ipcscope.ui.hex.internal;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.ipcscope.core.memory.SourceGoneException;

/**
 * Work that may touch the OS, run in a job whose result comes back to the UI thread: the UI
 * thread never waits. A cancelled job ends quietly; a source that went away and other failures go
 * to the owner's handlers. The jobs belong to the owner's family, so that closing it cancels
 * them and tests can wait for them.
 */
final class UiJobs {

	/** Work in a job. */
	interface Work<T> {
		T run(IProgressMonitor monitor) throws IOException;
	}

	/** What the UI thread does with the work's result. */
	interface Done<T> {
		void accept(T result);
	}

	private final Object family;
	private final Consumer<Runnable> ui;
	private final Consumer<SourceGoneException> gone;
	private final BiConsumer<String, String> failed;

	/**
	 * @param family jobs' family
	 * @param ui     runs on the UI thread later (asyncExec), or drops the runnable when the UI is gone
	 * @param gone   told in the job that the source went away
	 * @param failed told on the UI thread the job's name and the failure's message
	 */
	UiJobs(Object family, Consumer<Runnable> ui, Consumer<SourceGoneException> gone, BiConsumer<String, String> failed) {
		this.family = family;
		this.ui = ui;
		this.gone = gone;
		this.failed = failed;
	}

	<T> Job run(String name, Work<T> work, Done<T> done) {
		return run(name, work, done, null);
	}

	/** @param rule orders the job with others of that rule, or null */
	<T> Job run(String name, Work<T> work, Done<T> done, ISchedulingRule rule) {
		Job job = new Job(name) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					T result = work.run(monitor);
					ui.accept(() -> done.accept(result));
				} catch (CancellationException | OperationCanceledException e) {
					return Status.CANCEL_STATUS;
				} catch (SourceGoneException e) {
					gone.accept(e);
				} catch (IOException e) {
					String text = e.getMessage();
					ui.accept(() -> failed.accept(name, text));
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object other) {
				return other == family;
			}
		};
		job.setUser(false);
		job.setRule(rule);
		job.schedule();
		return job;
	}
}
