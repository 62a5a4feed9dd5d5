package org.ipcscope.ui.sniff.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * A capture view's files: opening one fills the log as it is read, saving or exporting writes
 * entries with the header they were captured with. Everything runs in jobs; what a load finds
 * comes back through {@code ui}.
 *
 * @param <H> the format's header
 * @param <T> an entry
 */
public final class CaptureFiles<H, T> {

	private final CaptureFormat<H, T> format;
	private final CaptureLog<T> log;
	private final CaptureController<?, T> controller;
	private final Executor ui;
	/** How the last load ended; null while one runs. */
	private CaptureFileJob.Outcome<H> lastLoad;

	public CaptureFiles(CaptureFormat<H, T> format, CaptureLog<T> log, CaptureController<?, T> controller, Executor ui) {
		this.format = format;
		this.log = log;
		this.controller = controller;
		this.ui = ui;
	}

	/**
	 * Opens a capture file in a job, replacing what the log holds; the caller made sure no capture
	 * runs ({@link CaptureController#isIdle()}).
	 *
	 * @param loaded told on the UI thread how the load ended, before the state moves, unless a
	 *               clear, a capture or another load came since
	 */
	public Job load(Path file, Consumer<CaptureFileJob.Outcome<H>> loaded) {
		lastLoad = null;
		int since = controller.beginLoad(String.valueOf(file.getFileName()));
		Job[] self = new Job[1];
		CaptureFileJob<H, T> job = new CaptureFileJob<>(file, format, entry -> log.offer(since, entry),
				outcome -> ui.execute(() -> {
					if (controller.isCurrentLoad(self[0])) {
						lastLoad = outcome;
						loaded.accept(outcome);
						controller.loadEnded(outcome.failure() != null);
					}
				}));
		self[0] = job;
		controller.loading(job);
		job.schedule();
		return job;
	}

	/** @return how the last load ended, null while one runs */
	public CaptureFileJob.Outcome<H> lastLoad() {
		return lastLoad;
	}

	/** Writes entries and their header in a job, as a capture file of this format. */
	public Job save(Path file, H header, List<T> entries) {
		Job job = Job.create(format.saveJobName(file), monitor -> {
			try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				format.write(out, header, entries);
				return Status.OK_STATUS;
			} catch (IOException e) {
				return Status.error(format.saveFailed(file, format.describe(e)), e);
			}
		});
		job.setUser(true);
		job.schedule();
		return job;
	}
}
