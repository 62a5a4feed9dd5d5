package org.ipcscope.ui.hex.internal;

import java.io.IOException;

import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.ipcscope.core.hex.WriteHistory;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.SourceGoneException;

/**
 * Opening the hex editor's memory (read-only, or writable once the user allows it) and the
 * undoable writes to it, each in a job, all under one scheduling rule.
 */
final class RegionEdits {

	/**
	 * Opening, writes, undo and redo run one after the other in the order asked for: the two
	 * digits of one typed byte are two writes, and the second must land last.
	 */
	private final ISchedulingRule edits = new ISchedulingRule() {
		@Override
		public boolean contains(ISchedulingRule rule) {
			return rule == this;
		}

		@Override
		public boolean isConflicting(ISchedulingRule rule) {
			return rule == this;
		}
	};
	private final HexEditor editor;
	private final LiveRegion region;
	private final UiJobs jobs;

	RegionEdits(HexEditor editor, LiveRegion region, UiJobs jobs) {
		this.editor = editor;
		this.region = region;
		this.jobs = jobs;
	}

	/** Opens the object's memory, read-only or writable, in a job; keeps the change history when reopened. */
	Job open(boolean writable) {
		Job job = Job.create(NLS.bind(Messages.HexEditor_OpenJob, editor.name()), monitor -> {
			try {
				MemorySource source = editor.memoryInput().open(writable);
				region.setSource(source, editor.settings().historyDepth);
				editor.asyncExec(() -> opened(source.canWrite()));
			} catch (SourceGoneException e) {
				region.markGone(e.getMessage());
				editor.asyncExec(editor::showProblem);
			} catch (IOException e) {
				String text = e.getMessage();
				editor.asyncExec(() -> {
					String message = NLS.bind(Messages.HexEditor_CannotOpen, text);
					editor.banner().show(message);
					editor.status().setMessage(message);
				});
			}
		});
		job.setRule(edits);
		job.schedule();
		return job;
	}

	private void opened(boolean writable) {
		if (editor.canvas().isDisposed()) {
			return;
		}
		editor.canvas().setWritable(writable);
		editor.status().clearMessage();
		editor.banner().hide();
		editor.refreshCommands();
		editor.requestRead(true);
	}

	/** Writes over bytes of the live object, undoably, in a job. */
	Job write(long offset, byte[] bytes) {
		return jobs.run(Messages.HexEditor_WriteJob, monitor -> {
			region.read(source -> region.writes().write(source, offset, bytes));
			return null;
		}, ignored -> editor.requestRead(false), edits);
	}

	Job undo() {
		return jobs.run(Messages.HexEditor_UndoJob, monitor -> region.read(source -> region.writes().undo(source)),
				done -> afterUndoRedo(done, Messages.HexEditor_NothingToUndo), edits);
	}

	Job redo() {
		return jobs.run(Messages.HexEditor_RedoJob, monitor -> region.read(source -> region.writes().redo(source)),
				done -> afterUndoRedo(done, Messages.HexEditor_NothingToRedo), edits);
	}

	private void afterUndoRedo(WriteHistory.Write done, String nothing) {
		if (done == null) {
			editor.status().setMessage(nothing);
		} else {
			editor.canvas().select(done.offset(), done.before().length);
			editor.requestRead(false);
		}
	}
}
