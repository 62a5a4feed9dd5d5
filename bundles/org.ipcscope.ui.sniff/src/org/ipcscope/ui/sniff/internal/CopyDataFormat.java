package org.ipcscope.ui.sniff.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.List;

import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.WindowInfo;

/** The WM_COPYDATA capture format ({@link CaptureJsonLines}) as the Sniffer view reads and writes it. */
final class CopyDataFormat extends CaptureFormat<CopyDataFormat.Header, CapturedMessage> {

	/** What a capture was taken of and how; either may be null. */
	record Header(WindowInfo target, CaptureStrategy strategy) {
	}

	static final CopyDataFormat INSTANCE = new CopyDataFormat();

	private CopyDataFormat() {
		super(new Texts(Messages.Job_Load, Messages.Load_NotUtf8, Messages.Job_Save, Messages.Save_Failed));
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
}
