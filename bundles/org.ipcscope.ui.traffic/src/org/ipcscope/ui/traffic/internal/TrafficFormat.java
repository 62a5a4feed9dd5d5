package org.ipcscope.ui.traffic.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.List;

import org.ipcscope.core.internal.FileProblems;
import org.ipcscope.core.traffic.TrafficHeader;
import org.ipcscope.core.traffic.TrafficJsonLines;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.ui.sniff.internal.CaptureFormat;

/** The traffic capture format ({@link TrafficJsonLines}) as the Traffic view reads and writes it. */
final class TrafficFormat extends CaptureFormat<TrafficHeader, TrafficRecord> {

	static final TrafficFormat INSTANCE = new TrafficFormat();

	private TrafficFormat() {
		super(new Texts(Messages.Job_Load, Messages.Load_NotUtf8, Messages.Job_Save, Messages.Save_Failed));
	}

	@Override
	public TrafficHeader header(String line) throws IOException {
		// the format's own reader, so the file's rules are the format's
		return TrafficJsonLines.read(new BufferedReader(new StringReader(line))).header();
	}

	@Override
	public TrafficRecord entry(String line) {
		return TrafficJsonLines.parseLine(line);
	}

	@Override
	public void write(Writer out, TrafficHeader header, List<TrafficRecord> entries) throws IOException {
		TrafficJsonLines.write(out, header, entries);
	}

	@Override
	public String describe(IOException e) {
		return FileProblems.describe(e);
	}
}
