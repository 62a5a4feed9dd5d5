package org.ipcscope.ui.hex.internal.struct;

import java.io.IOException;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.PartInitException;
import org.ipcscope.core.struct.FieldKind;
import org.ipcscope.core.struct.FieldValue;
import org.ipcscope.ui.hex.HexEditors;
import org.ipcscope.ui.hex.MemoryEditorInput;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.Messages;
import org.ipcscope.ui.hex.internal.struct.AttachedStruct.Node;

/** Following a pointer field of the Structure pane to the memory it points at. */
public final class PointerFollow {

	private PointerFollow() {
	}

	/**
	 * Follows a pointer field in memory whose offsets are addresses (a process's): moves the caret
	 * where it points when that is in the region shown, else opens the region that holds it (found
	 * in a job) with the address selected.
	 *
	 * @return the job that looks for the region, or null when there was none to look for
	 */
	public static Job follow(StructurePane pane, Node node) {
		FieldValue value = node.overlay().value(node.field());
		if (node.field().kind() != FieldKind.POINTER || value == null || !value.readable()) {
			pane.message(Messages.Structure_NotAPointer);
			return null;
		}
		long address = 0;
		byte[] raw = value.raw();
		for (int i = raw.length - 1; i >= 0; i--) {
			address = address << 8 | (raw[i] & 0xff);
		}
		MemoryEditorInput input = pane.editor().memoryInput();
		if (input.baseAddress().isEmpty()) {
			pane.message(NLS.bind(Messages.Structure_PointerOutside, HexEditor.formatOffset(address), pane.editor().name()));
			return null;
		}
		long offset = address - input.baseAddress().getAsLong();
		if (offset >= 0 && offset < pane.editor().canvas().regionSize()) {
			pane.editor().goTo(offset);
			return null;
		}
		long target = address;
		Job job = Job.create(NLS.bind(Messages.Structure_FollowJob, HexEditor.formatOffset(address)), monitor -> {
			MemoryEditorInput holder;
			try {
				holder = input.inputAt(target);
			} catch (IOException e) {
				String text = e.getMessage();
				pane.asyncExec(() -> pane.message(text));
				return;
			}
			pane.asyncExec(() -> openAt(pane, holder, target));
		});
		job.schedule();
		return job;
	}

	private static void openAt(StructurePane pane, MemoryEditorInput holder, long address) {
		if (holder == null || holder.baseAddress().isEmpty()) {
			pane.message(NLS.bind(Messages.Structure_PointerNowhere, HexEditor.formatOffset(address)));
			return;
		}
		try {
			HexEditors.openAt(pane.editor().getSite().getPage(), holder, address - holder.baseAddress().getAsLong(), 1);
		} catch (PartInitException e) {
			pane.message(e.getMessage());
		}
	}
}
