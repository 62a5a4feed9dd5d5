package org.ipcscope.ui.sniff.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.WindowInfo;

/** The WM_COPYDATA capture format ({@link CaptureJsonLines}) as the Sniffer view reads and writes it. */
final class CopyDataFormat implements CaptureFormat<CopyDataFormat.Header, CapturedMessage> {

	/** What a capture was taken of and how; either may be null. */
	record Header(WindowInfo target, CaptureStrategy strategy) {
	}

	static final CopyDataFormat INSTANCE = new CopyDataFormat();

	private CopyDataFormat() {
	}

	@Override
	public Header header(String line) throws IOException {
		// the header's own parser, so the file's rules are the format's
		CaptureJsonLines.Capture capture = CaptureJsonLines.read(new BufferedReader(new StringReader(line)));
		return new Header(capture.target(), capture.strategy());
	}

	@Override
	public CapturedMessage entry(String line) {
		return CaptureJsonLines.parseLine(line);
	}

	@Override
	public void write(Writer out, Header header, List<CapturedMessage> entries) throws IOException {
		// a header names its target only with the strategy that captured it
		CaptureStrategy how = header == null ? null : header.strategy();
		CaptureJsonLines.write(out, how == null ? null : header.target(), how, entries);
	}

	@Override
	public String describe(IOException e) {
		return e.getMessage();
	}

	@Override
	public String loadJobName(Path file) {
		return NLS.bind(Messages.Job_Load, file);
	}

	@Override
	public String notUtf8(long entries) {
		return NLS.bind(Messages.Load_NotUtf8, entries);
	}

	@Override
	public String saveJobName(Path file) {
		return NLS.bind(Messages.Job_Save, file);
	}

	@Override
	public String saveFailed(Path file, String why) {
		return NLS.bind(Messages.Save_Failed, file, why);
	}
}
