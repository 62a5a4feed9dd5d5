package org.ipcscope.ui.hex.internal;

import static org.ipcscope.ui.hex.internal.HexEditor.formatOffset;

import java.nio.file.Path;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.ipcscope.core.hex.CopyFormat;
import org.ipcscope.core.memory.MemorySnapshot;
import org.ipcscope.core.search.BytePattern;
import org.ipcscope.ui.hex.internal.find.DifferencesDialog;

/**
 * The hex editor's commands on its whole region: find, baseline, changes since, comparison, copy
 * and save. Each runs the {@link RegionOperations} in a job ({@link UiJobs}) and shows the result:
 * the selection moved, a message on the status line, a dialog, the clipboard.
 */
public final class RegionCommands {

	private final HexEditor editor;
	private final HexCanvas canvas;
	private final LiveRegion region;
	private final RegionOperations operations;
	private final UiJobs jobs;
	private final StatusLine status;
	private BytePattern lastPattern;

	RegionCommands(HexEditor editor, LiveRegion region, UiJobs jobs) {
		this.editor = editor;
		this.canvas = editor.canvas();
		this.region = region;
		this.operations = new RegionOperations(region);
		this.jobs = jobs;
		this.status = editor.status();
	}

	/** Finds the pattern after the caret (or before it), wrapping around once; selects the match. */
	public Job find(BytePattern pattern, boolean forward) {
		lastPattern = pattern;
		// from the start of the selection (the last match), so that matches may overlap
		long at = canvas.selectionStart();
		return jobs.run(NLS.bind(Messages.HexEditor_FindJob, pattern), monitor -> operations.find(pattern, at, forward, monitor),
				found -> {
					if (found.isPresent()) {
						canvas.select(found.getAsLong(), pattern.length());
						status.setMessage(NLS.bind(Messages.HexEditor_Found, formatOffset(found.getAsLong())));
					} else {
						status.setMessage(NLS.bind(Messages.HexEditor_NotFound, pattern));
					}
				});
	}

	/** Finds the last pattern again; {@code null} if there was none. */
	public Job findAgain(boolean forward) {
		if (lastPattern == null) {
			status.setMessage(Messages.HexEditor_NoPattern);
			return null;
		}
		return find(lastPattern, forward);
	}

	// ---- baseline, changes since, comparison

	/** Takes a snapshot of the whole region as the baseline of "changes since", in a job. */
	public Job setBaseline() {
		return jobs.run(Messages.HexEditor_BaselineJob, operations::takeBaseline, snapshot -> {
			status.setMessage(Messages.HexEditor_BaselineSet);
			editor.requestRead(false);
		});
	}

	/** Selects the next (or previous) run of bytes that differ from the baseline. */
	public Job goToChange(boolean forward) {
		MemorySnapshot baseline = region.baseline();
		if (baseline == null) {
			status.setMessage(Messages.HexEditor_NoBaseline);
			return null;
		}
		long selectionStart = canvas.selectionStart();
		long from = canvas.selectionLength() > 1 ? selectionStart + canvas.selectionLength() : canvas.caret() + 1;
		return jobs.run(Messages.HexEditor_ChangeJob,
				monitor -> operations.change(baseline, from, selectionStart, forward, monitor), range -> {
					if (range == null) {
						status.setMessage(forward ? Messages.HexEditor_NoNextChange : Messages.HexEditor_NoPreviousChange);
					} else {
						canvas.select(range.offset(), range.length());
						status.setMessage(NLS.bind(Messages.HexEditor_ChangeAt, formatOffset(range.offset()), range.length()));
					}
				});
	}

	/** Snapshots the region now and lists how it differs from the baseline, in a dialog. */
	public Job compareWithBaseline() {
		MemorySnapshot baseline = region.baseline();
		if (baseline == null) {
			status.setMessage(Messages.HexEditor_NoBaseline);
			return null;
		}
		return jobs.run(Messages.HexEditor_CompareJob, monitor -> operations.compare(baseline, monitor),
				differences -> new DifferencesDialog(editor.getSite().getShell(), differences, editor).open());
	}

	// ---- copy and save

	/** Copies the selection to the clipboard in a format. */
	public Job copy(CopyFormat format) {
		long start = canvas.selectionStart();
		long length = canvas.selectionLength();
		return jobs.run(Messages.HexEditor_CopyJob, monitor -> operations.readForCopy(start, length), read -> {
			String text = format.format(read.bytes());
			Clipboard clipboard = new Clipboard(canvas.getDisplay());
			try {
				clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
			} finally {
				clipboard.dispose();
			}
			status.setMessage(NLS.bind(Messages.HexEditor_Copied, new Object[] { read.bytes().length, format.label(),
					read.isComplete() ? "" : Messages.HexEditor_CopiedUnreadable })); //$NON-NLS-1$
		});
	}

	/** Writes the selection, or the whole region, to a file, in chunks; unreadable bytes as 0. */
	public Job save(Path file, boolean selectionOnly) {
		long start = selectionOnly ? canvas.selectionStart() : 0;
		long length = selectionOnly ? canvas.selectionLength() : canvas.regionSize();
		return jobs.run(NLS.bind(Messages.HexEditor_SaveJob, file), monitor -> operations.save(file, start, length, monitor),
				written -> status.setMessage(NLS.bind(Messages.HexEditor_Saved, written, file)));
	}
}
