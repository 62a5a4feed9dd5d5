package org.ipcscope.ui.sniff.internal;

import java.io.BufferedReader;
import java.io.IOException;
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

/**
 * Reads a capture file line by line, handing each entry on as it is read: the table fills
 * while the file loads, and a file of any length never sits in memory as text.
 *
 * @param <H> the format's header
 * @param <T> an entry
 */
public final class CaptureFileJob<H, T> extends Job {

	/** What the load found: the file's header (or null), how many entries, or why it failed. */
	public record Outcome<H>(Path file, H header, long entries, String failure) {
	}

	private final Path file;
	private final CaptureFormat<H, T> format;
	private final Consumer<T> sink;
	private final Consumer<Outcome<H>> done;

	public CaptureFileJob(Path file, CaptureFormat<H, T> format, Consumer<T> sink, Consumer<Outcome<H>> done) {
		super(format.loadJobName(file));
		this.file = file;
		this.format = format;
		this.sink = sink;
		this.done = done;
		setUser(true);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		H header = null;
		long entries = 0;
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
					if (entries == 0 && header == null && line.contains("\"format\"")) { //$NON-NLS-1$
						// the format's own reader, so the file's rules are the format's
						header = format.header(line);
					} else {
						sink.accept(format.entry(line));
						entries++;
					}
				} catch (IllegalArgumentException | IOException e) {
					throw new IOException(NLS.bind(Messages.Load_LineProblem, number,
							String.valueOf(e.getMessage()).replaceFirst("^line 1: ", "")), e); //$NON-NLS-1$ //$NON-NLS-2$
				}
				int now = (int) Math.min(1000, read * 1000 / size);
				if (now > worked) {
					progress.worked(now - worked);
					worked = now;
				}
			}
			done.accept(new Outcome<>(file, header, entries, null));
		} catch (CharacterCodingException e) {
			done.accept(new Outcome<>(file, header, entries, format.notUtf8(entries)));
		} catch (IOException e) {
			done.accept(new Outcome<>(file, header, entries, format.describe(e)));
		} catch (RuntimeException e) {
			done.accept(new Outcome<>(file, header, entries, String.valueOf(e.getMessage())));
		}
		return Status.OK_STATUS;
	}

	public Path file() {
		return file;
	}
}
