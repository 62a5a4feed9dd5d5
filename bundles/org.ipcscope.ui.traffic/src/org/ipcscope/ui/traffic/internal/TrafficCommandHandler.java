package org.ipcscope.ui.traffic.internal;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
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

	private String action = "";

	@Override
	public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
		action = data instanceof String text ? text : "";
	}

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		if (!(HandlerUtil.getActivePart(event) instanceof TrafficView view)) {
			return null;
		}
		switch (action) {
		case "stop" -> view.stop();
		case "pause" -> view.setPaused(!view.isPaused());
		case "clear" -> view.clear();
		case "follow" -> view.followSelected();
		case "save" -> {
			FileDialog dialog = OpenCaptureHandler.fileDialog(HandlerUtil.getActiveShellChecked(event), SWT.SAVE);
			dialog.setFileName("traffic.jsonl");
			dialog.setOverwrite(true);
			String file = dialog.open();
			if (file != null) {
				view.save(Path.of(file));
			}
		}
		default -> throw new ExecutionException("Unknown traffic action '" + action + "'");
		}
		return null;
	}

	@Override
	public void updateElement(UIElement element, @SuppressWarnings("rawtypes") Map parameters) {
		if ("pause".equals(action)) {
			IWorkbenchWindow window = element.getServiceLocator().getService(IWorkbenchWindow.class);
			IWorkbenchPart part = window == null || window.getActivePage() == null ? null
					: window.getActivePage().findView(TrafficViews.TRAFFIC);
			element.setChecked(part instanceof TrafficView view && view.isPaused());
		}
	}
}
