package org.ipcscope.ui.process.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.ScanMonitor;
import org.ipcscope.core.memory.SourceGoneException;
import org.ipcscope.core.process.MemoryRegion;
import org.ipcscope.core.search.BytePattern;
import org.ipcscope.core.search.MemorySearch;

/**
 * Searches every readable region of a process with the one search engine, region by region, with
 * progress in bytes and cancel. A process that exits meanwhile ends the search with what was found
 * so far and says so; a region that fails to read is skipped and counted.
 */
final class ProcessSearchJob extends Job {

	/** Matches listed at most: a pattern found everywhere must not fill the memory. */
	static final int LIMIT = 10_000;
	private static final int MIB = 1 << 20;

	/**
	 * What a search found.
	 *
	 * @param hits     the matches in address order, at most {@link #LIMIT}
	 * @param scanned  bytes searched
	 * @param skipped  regions that could not be read
	 * @param problem  why the search ended early, or empty
	 * @param exited   whether it ended because the process exited
	 * @param complete whether every readable region was searched
	 */
	record Result(List<SearchHit> hits, long scanned, int skipped, String problem, boolean exited, boolean complete,
			long millis) {

		String describe(BytePattern pattern) {
			String found = NLS.bind(hits.size() >= LIMIT ? Messages.Search_Limit : Messages.Search_Found,
					new Object[] { hits.size(), pattern, Formats.amount(scanned), millis });
			if (skipped > 0) {
				found += NLS.bind(Messages.Search_Skipped, skipped);
			}
			return problem.isEmpty() ? found : found + Formats.SEPARATOR + problem;
		}
	}

	private final long pid;
	private final BytePattern pattern;
	private final Object family;
	private final Consumer<Result> done;
	/** Bytes searched so far; written by the job only. */
	private volatile long scanned;

	ProcessSearchJob(long pid, BytePattern pattern, Object family, Consumer<Result> done) {
		super(NLS.bind(Messages.Search_Job, pattern, pid));
		this.pid = pid;
		this.pattern = pattern;
		this.family = family;
		this.done = done;
		setUser(true);
	}

	/** @return the bytes searched so far, while the job runs */
	long scanned() {
		return scanned;
	}

	@Override
	public boolean belongsTo(Object other) {
		return other == family;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		long start = System.nanoTime();
		List<SearchHit> hits = new ArrayList<>();
		int skipped = 0;
		String problem = ""; //$NON-NLS-1$
		boolean exited = false;
		boolean complete = false;
		try {
			List<MemoryRegion> readable = ProcessProvider.call(provider -> provider.regions(pid)).stream()
					.filter(MemoryRegion::isReadable).toList();
			long total = readable.stream().mapToLong(MemoryRegion::size).sum();
			SubMonitor progress = SubMonitor.convert(monitor, getName(), (int) Math.max(1, total / MIB));
			ScanMonitor scan = new ScanMonitor() {
				private long pending;

				@Override
				public boolean isCanceled() {
					return progress.isCanceled();
				}

				@Override
				public void scanned(long bytes) {
					scanned += bytes;
					pending += bytes;
					if (pending >= MIB) {
						progress.worked((int) (pending / MIB));
						pending %= MIB;
					}
				}
			};
			try (MemorySource memory = ProcessProvider.call(provider -> provider.open(pid, false))) {
				MemorySearch search = new MemorySearch(memory, pattern);
				complete = true;
				for (MemoryRegion region : readable) {
					try {
						boolean whole = search.all(region.start(), region.end(), scan, address -> {
							hits.add(new SearchHit(region, address, pattern.length()));
							return hits.size() < LIMIT;
						});
						if (!whole) {
							complete = false;
							break;
						}
					} catch (SourceGoneException e) {
						throw e;
					} catch (IOException e) {
						skipped++;
					}
				}
			}
		} catch (CancellationException e) {
			problem = Messages.Search_Cancelled;
			complete = false;
		} catch (SourceGoneException e) {
			problem = NLS.bind(Messages.Search_Exited, e.getMessage());
			exited = true;
			complete = false;
		} catch (IOException | RuntimeException e) {
			// whatever went wrong is said where the matches are, never lost in a log
			problem = String.valueOf(e.getMessage());
			complete = false;
		}
		done.accept(new Result(List.copyOf(hits), scanned, skipped, problem, exited, complete,
				(System.nanoTime() - start) / 1_000_000));
		return Status.OK_STATUS;
	}
}
