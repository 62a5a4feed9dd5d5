package org.ipcscope.ui.sniff.internal;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.commands.IElementUpdater;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.menus.UIElement;
import org.ipcscope.ui.sniff.SniffViews;

/**
 * The sniffer view's commands. plugin.xml names the action after the class
 * ({@code SnifferCommandHandler:start}); each runs on the active sniffer view, except Open
 * Capture, which opens the view first when it comes from the File menu.
 */
public class SnifferCommandHandler extends AbstractHandler implements IExecutableExtension, IElementUpdater {

	private String action = ""; //$NON-NLS-1$

	@Override
	public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
		action = data instanceof String text ? text : ""; //$NON-NLS-1$
	}

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		CopyDataView view = view(event);
		if (view == null) {
			return null;
		}
		Shell shell = HandlerUtil.getActiveShellChecked(event);
		switch (action) {
		case "pick" -> view.pickWindow(); //$NON-NLS-1$
		case "start" -> view.start(); //$NON-NLS-1$
		case "stop" -> view.stop(); //$NON-NLS-1$
		case "pause" -> view.setPaused(!view.isPaused()); //$NON-NLS-1$
		case "clear" -> view.clear(); //$NON-NLS-1$
		case "copyHex" -> view.copySelectionAsHex(); //$NON-NLS-1$
		case "open" -> { //$NON-NLS-1$
			String file = fileDialog(shell, SWT.OPEN, null);
			if (file != null) {
				view.load(Path.of(file));
			}
		}
		case "save" -> { //$NON-NLS-1$
			String file = fileDialog(shell, SWT.SAVE, "capture.jsonl"); //$NON-NLS-1$
			if (file != null) {
				view.save(Path.of(file));
			}
		}
		case "export" -> { //$NON-NLS-1$
			if (!view.selectedEntries().isEmpty()) {
				String file = fileDialog(shell, SWT.SAVE, "selection.jsonl"); //$NON-NLS-1$
				if (file != null) {
					view.exportSelection(Path.of(file));
				}
			}
		}
		default -> throw new ExecutionException(NLS.bind(Messages.Command_UnknownAction, action));
		}
		return null;
	}

	private CopyDataView view(ExecutionEvent event) throws ExecutionException {
		IWorkbenchPart part = HandlerUtil.getActivePart(event);
		if (part instanceof CopyDataView view) {
			return view;
		}
		if (!"open".equals(action)) { //$NON-NLS-1$
			return null;
		}
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		try {
			return (CopyDataView) window.getActivePage().showView(SniffViews.COPY_DATA);
		} catch (PartInitException e) {
			throw new ExecutionException(Messages.Command_ViewFailed, e);
		}
	}

	private static String fileDialog(Shell shell, int style, String name) {
		FileDialog dialog = new FileDialog(shell, style);
		dialog.setFilterExtensions(new String[] { "*.jsonl", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
		dialog.setFilterNames(new String[] { Messages.Files_CaptureFilter, Messages.Files_AllFilter });
		if (name != null) {
			dialog.setFileName(name);
			dialog.setOverwrite(true);
		}
		return dialog.open();
	}

	@Override
	public void updateElement(UIElement element, @SuppressWarnings("rawtypes") Map parameters) {
		if ("pause".equals(action)) { //$NON-NLS-1$
			IWorkbenchWindow window = element.getServiceLocator().getService(IWorkbenchWindow.class);
			IWorkbenchPart part = window == null || window.getActivePage() == null ? null
					: window.getActivePage().findView(SniffViews.COPY_DATA);
			element.setChecked(part instanceof CopyDataView view && view.isPaused());
		}
	}
}
