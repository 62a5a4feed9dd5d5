package org.ipcscope.ui.sniff.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.osgi.util.NLS;

/**
 * One capture file format (JSON Lines: an optional header line, then one entry a line) as the
 * capture views read and write it, with the words its jobs and errors use.
 *
 * @param <H> the header: what the entries were captured from and how
 * @param <T> an entry
 */
public abstract class CaptureFormat<H, T> {

	/** The patterns, from the view's NLS messages. */
	public record Texts(String loadJob, String notUtf8, String saveJob, String saveFailed) {
	}

	private final Texts texts;

	protected CaptureFormat(Texts texts) {
		this.texts = texts;
	}

	/** @return the header a file's first line holds (a line naming a "format") */
	public abstract H header(String line) throws IOException;

	/** @throws IllegalArgumentException or IOException with a message fit to show */
	public abstract T entry(String line) throws IOException;

	/** @param header null for none */
	public abstract void write(Writer out, H header, List<T> entries) throws IOException;

	/** @return why reading or writing a file failed, in one line */
	public abstract String describe(IOException e);

	final String loadJobName(Path file) {
		return NLS.bind(texts.loadJob(), file);
	}

	/** @param entries how many were read before the bytes stopped being UTF-8 */
	final String notUtf8(long entries) {
		return NLS.bind(texts.notUtf8(), entries);
	}

	final String saveJobName(Path file) {
		return NLS.bind(texts.saveJob(), file);
	}

	final String saveFailed(Path file, String why) {
		return NLS.bind(texts.saveFailed(), file, why);
	}
}
