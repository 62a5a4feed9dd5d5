package org.ipcscope.ui.internal.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ipcscope.core.change.TrackedObject;

/** Edit > Copy in the IPC Objects view: the selected rows (a group: all its rows) as tab-separated text. */
public class CopyRowsHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (!(HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection) || selection.isEmpty()) {
			return null;
		}
		String text = RowText.tabSeparated(selectedRows(selection));
		Clipboard clipboard = new Clipboard(HandlerUtil.getActiveShell(event).getDisplay());
		try {
			clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
		} finally {
			clipboard.dispose();
		}
		return null;
	}

	static List<TrackedObject> selectedRows(IStructuredSelection selection) {
		Map<String, TrackedObject> rows = new LinkedHashMap<>();
		for (Object element : selection.toList()) {
			List<TrackedObject> members = element instanceof RowGroup group ? group.rows()
					: element instanceof TrackedObject row ? List.of(row) : List.of();
			members.forEach(r -> rows.putIfAbsent(r.object().identity(), r));
		}
		return new ArrayList<>(rows.values());
	}
}
