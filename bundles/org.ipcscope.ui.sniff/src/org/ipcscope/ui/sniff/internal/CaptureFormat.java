package org.ipcscope.ui.sniff.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * One capture file format (JSON Lines: an optional header line, then one entry a line) as the
 * capture views read and write it, with the words its jobs and errors use.
 *
 * @param <H> the header: what the entries were captured from and how
 * @param <T> an entry
 */
public interface CaptureFormat<H, T> {

	/** @return the header a file's first line holds (a line naming a "format") */
	H header(String line) throws IOException;

	/** @throws IllegalArgumentException or IOException with a message fit to show */
	T entry(String line) throws IOException;

	/** @param header null for none */
	void write(Writer out, H header, List<T> entries) throws IOException;

	/** @return why reading or writing a file failed, in one line */
	String describe(IOException e);

	String loadJobName(Path file);

	/** @param entries how many were read before the bytes stopped being UTF-8 */
	String notUtf8(long entries);

	String saveJobName(Path file);

	String saveFailed(Path file, String why);
}
