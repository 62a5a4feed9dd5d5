package org.ipcscope.ui.internal.views;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.change.Change;
import org.ipcscope.core.export.InventoryCsv;
import org.ipcscope.core.export.InventoryJson;
import org.ipcscope.ui.internal.Messages;

/** Export...: the objects the view shows (after the filter) to a JSON or CSV file. */
public class ExportHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (!(HandlerUtil.getActivePart(event) instanceof IpcObjectsView view) || view.shownSnapshot() == null) {
			return null;
		}
		FileDialog dialog = new FileDialog(HandlerUtil.getActiveShell(event), SWT.SAVE);
		dialog.setFilterExtensions(new String[] { "*.json", "*.csv" }); //$NON-NLS-1$ //$NON-NLS-2$
		dialog.setFilterNames(new String[] { Messages.Export_FilterJson, Messages.Export_FilterCsv });
		dialog.setFileName("ipc-objects.json"); //$NON-NLS-1$
		dialog.setOverwrite(true);
		String file = dialog.open();
		if (file == null) {
			return null;
		}
		List<IpcObject> objects = view.visibleRows().stream().filter(r -> r.change() != Change.REMOVED)
				.map(r -> r.object()).toList();
		InventorySnapshot shown = view.shownSnapshot();
		export(Path.of(file), new InventorySnapshot(shown.taken(), objects, shown.problems()));
		return null;
	}

	/** Writes in a job: the file may be on a slow disk or share. */
	static Job export(Path file, InventorySnapshot snapshot) {
		Job job = Job.create(NLS.bind(Messages.ExportHandler_Job, file), monitor -> {
			String text = file.toString().toLowerCase().endsWith(".csv") ? InventoryCsv.write(snapshot.objects()) //$NON-NLS-1$
					: InventoryJson.write(snapshot);
			try {
				Files.writeString(file, text, StandardCharsets.UTF_8);
				return Status.OK_STATUS;
			} catch (IOException e) {
				return Status.error(NLS.bind(Messages.ExportHandler_Failed, file, e.getMessage()), e);
			}
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

}
