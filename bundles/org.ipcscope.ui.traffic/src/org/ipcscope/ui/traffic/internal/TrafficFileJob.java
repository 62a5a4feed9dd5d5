package org.ipcscope.ui.traffic.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.ipcscope.core.internal.FileProblems;
import org.ipcscope.core.traffic.TrafficHeader;
import org.ipcscope.core.traffic.TrafficJsonLines;
import org.ipcscope.core.traffic.TrafficRecord;

/**
 * Reads a traffic capture file line by line, handing each record on as it is read: the table
 * fills while the file loads, and a file of any length never sits in memory as text.
 */
final class TrafficFileJob extends Job {

	/** Family of load jobs, for tests and for cancelling on close. */
	static final Object FAMILY = TrafficFileJob.class;

	/** What the load found: the file's header (or null), how many records, or why it failed. */
	record Outcome(Path file, TrafficHeader header, long records, String failure) {
	}

	private final Path file;
	private final Consumer<TrafficRecord> sink;
	private final Consumer<Outcome> done;

	TrafficFileJob(Path file, Consumer<TrafficRecord> sink, Consumer<Outcome> done) {
		super(NLS.bind(Messages.Job_Load, file));
		this.file = file;
		this.sink = sink;
		this.done = done;
		setUser(true);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		TrafficHeader header = null;
		long records = 0;
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			long size = Math.max(1, Files.size(file));
			SubMonitor progress = SubMonitor.convert(monitor, 1000);
			long read = 0;
			int worked = 0;
			int number = 0;
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				number++;
				read += line.length() + 1;
				if (line.isBlank()) {
					continue;
				}
				if (monitor.isCanceled()) {
					return Status.CANCEL_STATUS;
				}
				try {
					if (records == 0 && header == null && line.contains("\"format\"")) {
						// the format's own reader, so the file's rules are the format's
						header = TrafficJsonLines.read(new BufferedReader(new StringReader(line))).header();
					} else {
						sink.accept(TrafficJsonLines.parseLine(line));
						records++;
					}
				} catch (IllegalArgumentException | IOException e) {
					throw new IOException("line " + number + ": "
							+ String.valueOf(e.getMessage()).replaceFirst("^line 1: ", ""), e);
				}
				int now = (int) Math.min(1000, read * 1000 / size);
				if (now > worked) {
					progress.worked(now - worked);
					worked = now;
				}
			}
			done.accept(new Outcome(file, header, records, null));
		} catch (CharacterCodingException e) {
			done.accept(new Outcome(file, header, records, NLS.bind(Messages.Load_NotUtf8, records)));
		} catch (IOException e) {
			done.accept(new Outcome(file, header, records, FileProblems.describe(e)));
		} catch (RuntimeException e) {
			done.accept(new Outcome(file, header, records, String.valueOf(e.getMessage())));
		}
		return Status.OK_STATUS;
	}

	Path file() {
		return file;
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}
}
