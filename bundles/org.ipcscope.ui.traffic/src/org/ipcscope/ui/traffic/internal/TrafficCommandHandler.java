package org.ipcscope.ui.traffic.internal;

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
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.commands.IElementUpdater;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.menus.UIElement;
import org.ipcscope.ui.traffic.TrafficViews;

/**
 * The Traffic view's commands. plugin.xml names the action after the class
 * ({@code TrafficCommandHandler:stop}); each runs on the active Traffic view.
 */
public class TrafficCommandHandler extends AbstractHandler implements IExecutableExtension, IElementUpdater {

	private String action = ""; //$NON-NLS-1$

	@Override
	public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
		action = data instanceof String text ? text : ""; //$NON-NLS-1$
	}

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		if (!(HandlerUtil.getActivePart(event) instanceof TrafficView view)) {
			return null;
		}
		switch (action) {
		case "stop" -> view.stop(); //$NON-NLS-1$
		case "pause" -> view.setPaused(!view.isPaused()); //$NON-NLS-1$
		case "clear" -> view.clear(); //$NON-NLS-1$
		case "follow" -> view.followSelected(); //$NON-NLS-1$
		case "save" -> { //$NON-NLS-1$
			FileDialog dialog = OpenCaptureHandler.fileDialog(HandlerUtil.getActiveShellChecked(event), SWT.SAVE);
			dialog.setFileName("traffic.jsonl"); //$NON-NLS-1$
			dialog.setOverwrite(true);
			String file = dialog.open();
			if (file != null) {
				view.save(Path.of(file));
			}
		}
		default -> throw new ExecutionException(NLS.bind(Messages.Command_UnknownAction, action));
		}
		return null;
	}

	@Override
	public void updateElement(UIElement element, @SuppressWarnings("rawtypes") Map parameters) {
		if ("pause".equals(action)) { //$NON-NLS-1$
			IWorkbenchWindow window = element.getServiceLocator().getService(IWorkbenchWindow.class);
			IWorkbenchPart part = window == null || window.getActivePage() == null ? null
					: window.getActivePage().findView(TrafficViews.TRAFFIC);
			element.setChecked(part instanceof TrafficView view && view.isPaused());
		}
	}
}
