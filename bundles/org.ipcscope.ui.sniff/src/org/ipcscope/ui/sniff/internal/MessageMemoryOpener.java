package org.ipcscope.ui.sniff.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.ServiceCaller;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.InventoryService;
import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.MessageHandles;
import org.ipcscope.core.text.Printable;
import org.ipcscope.ui.hex.HexEditors;
import org.ipcscope.ui.process.ProcessViews;

/**
 * Open in Hex Editor for a message: the memory object a handle in wParam or lParam stands for,
 * found in a fresh inventory (the providers read the handle tables), else the
 * pid and address it may carry. The inventory is read in a job; the view never calls the OS.
 */
final class MessageMemoryOpener {

	private MessageMemoryOpener() {
	}

	/** @param say told what happened or why nothing opened, on the UI thread */
	static Job open(IWorkbenchPage page, CapturedMessage m, Consumer<String> say) {
		List<MessageHandles.Candidate> candidates = MessageHandles.candidates(m);
		Display display = page.getWorkbenchWindow().getShell().getDisplay();
		Job job = Job.create(Messages.Job_FindHandle, monitor -> {
			Optional<IpcObject> found = Optional.empty();
			if (!candidates.isEmpty()) {
				InventorySnapshot[] snapshot = new InventorySnapshot[1];
				ServiceCaller.callOnce(MessageMemoryOpener.class, InventoryService.class,
						service -> snapshot[0] = service.refresh(InventoryRequest.all()));
				if (snapshot[0] != null) {
					found = MessageHandles.find(snapshot[0].objects(), candidates);
				}
			}
			Optional<IpcObject> object = found;
			display.asyncExec(() -> opened(page, m, object, say));
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
		return job;
	}

	private static void opened(IWorkbenchPage page, CapturedMessage m, Optional<IpcObject> object, Consumer<String> say) {
		if (object.isPresent() && object.get().kind().isMemory()) {
			try {
				HexEditors.open(page, object.get());
				say.accept(NLS.bind(Messages.Detail_OpenedHandle, object.get().kind().label(),
						Printable.escape(object.get().name())));
			} catch (PartInitException e) {
				ILog.of(MessageMemoryOpener.class).error(Messages.Editor_OpenFailed, e);
				say.accept(e.getMessage());
			}
		} else if (MessageDetailPane.mayPointIntoMemory(m)) {
			ProcessViews.openMemoryAt(page, m.wParam(), m.lParam(), say);
		} else if (object.isPresent()) {
			say.accept(NLS.bind(Messages.Detail_HandleNotMemory, object.get().kind().label(),
					Printable.escape(object.get().name())));
		} else {
			say.accept(Messages.Detail_NoHandleObject);
		}
	}
}
