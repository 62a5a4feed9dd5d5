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
import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.MessageHandles;
import org.ipcscope.core.text.Printable;
import org.ipcscope.ui.hex.HexEditors;
import org.ipcscope.ui.process.ProcessAddress;
import org.ipcscope.ui.process.ProcessViews;

/**
 * Open in Hex Editor for a message: the memory object a handle in wParam or lParam stands for,
 * found in a fresh inventory (the providers read the handle tables), and the memory of the pid in
 * wParam at the address in lParam, found in that process's region map. One of them opens; when
 * both are there (a number that is one of the sender's handles and a live pid alike), the detail
 * pane offers both. The lookups run in a job; the view never calls the OS.
 */
final class MessageMemoryOpener {

	private MessageMemoryOpener() {
	}

	/** @param say told what happened or why nothing opened, on the UI thread */
	static Job open(IWorkbenchPage page, MessageDetailPane pane, CapturedMessage m, Consumer<String> say) {
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
			ProcessAddress place = MessageDetailPane.mayPointIntoMemory(m)
					? ProcessViews.findMemoryAt(m.wParam(), m.lParam())
					: null;
			Optional<IpcObject> object = found;
			display.asyncExec(() -> {
				if (!pane.isDisposed()) {
					opened(page, pane, m, object, place, say);
				}
			});
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
		return job;
	}

	private static void opened(IWorkbenchPage page, MessageDetailPane pane, CapturedMessage m,
			Optional<IpcObject> object, ProcessAddress place, Consumer<String> say) {
		boolean memoryObject = object.isPresent() && object.get().kind().isMemory();
		boolean address = place != null && place.found();
		if (memoryObject && address) {
			if (pane.offerChoice(m, NLS.bind(Messages.Detail_OpenObject, object.get().kind().label(),
					Printable.escape(object.get().name())), () -> openObject(page, object.get(), say),
					NLS.bind(Messages.Detail_OpenAddress, processText(place), CaptureJsonLines.hex(place.address())),
					() -> openAddress(page, place, say))) {
				say.accept(Messages.Detail_ChooseMeaning);
			}
		} else if (memoryObject) {
			openObject(page, object.get(), say);
		} else if (address) {
			openAddress(page, place, say);
		} else if (place != null) {
			say.accept(place.problem());
		} else if (object.isPresent()) {
			say.accept(NLS.bind(Messages.Detail_HandleNotMemory, object.get().kind().label(),
					Printable.escape(object.get().name())));
		} else {
			say.accept(Messages.Detail_NoHandleObject);
		}
	}

	private static String processText(ProcessAddress place) {
		return place.processName().isEmpty() ? Long.toString(place.pid())
				: NLS.bind(Messages.Detail_ProcessNamed, Long.toString(place.pid()),
						Printable.escape(place.processName()));
	}

	private static void openObject(IWorkbenchPage page, IpcObject object, Consumer<String> say) {
		try {
			HexEditors.open(page, object);
			say.accept(NLS.bind(Messages.Detail_OpenedHandle, object.kind().label(), Printable.escape(object.name())));
		} catch (PartInitException e) {
			ILog.of(MessageMemoryOpener.class).error(Messages.Editor_OpenFailed, e);
			say.accept(e.getMessage());
		}
	}

	private static void openAddress(IWorkbenchPage page, ProcessAddress place, Consumer<String> say) {
		try {
			ProcessViews.openMemory(page, place);
		} catch (PartInitException e) {
			say.accept(e.getMessage());
		}
	}
}
