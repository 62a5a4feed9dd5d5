package org.ipcscope.app.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;
import org.eclipse.ui.views.IViewCategory;
import org.eclipse.ui.views.IViewDescriptor;
import org.eclipse.ui.views.IViewRegistry;
import org.ipcscope.ui.IpcScopeViews;

/**
 * Window > Show View of the product: every view of the IPC Scope category, then Properties, each the
 * platform's showView command with the view's id (so key bindings and the Show View dialog agree).
 * Read from the view registry when the menu opens, so that a view a new bundle brings is offered.
 * Views that need a secondary id (a region map needs its process) are opened from their own command.
 */
public final class ShowViewItems extends CompoundContributionItem {

	@Override
	protected IContributionItem[] getContributionItems() {
		IViewRegistry registry = PlatformUI.getWorkbench().getViewRegistry();
		List<IViewDescriptor> views = new ArrayList<>();
		for (IViewCategory category : registry.getCategories()) {
			if (IpcScopeViews.CATEGORY.equals(category.getId())) {
				for (IViewDescriptor view : category.getViews()) {
					if (!view.getAllowMultiple()) {
						views.add(view);
					}
				}
			}
		}
		views.sort(Comparator.comparing(IViewDescriptor::getLabel, String.CASE_INSENSITIVE_ORDER));
		IViewDescriptor properties = registry.find(IPageLayout.ID_PROP_SHEET);
		if (properties != null) {
			views.add(properties);
		}
		List<IContributionItem> items = new ArrayList<>();
		for (IViewDescriptor view : views) {
			items.add(item(view));
		}
		return items.toArray(IContributionItem[]::new);
	}

	private static IContributionItem item(IViewDescriptor view) {
		CommandContributionItemParameter parameter = new CommandContributionItemParameter(
				PlatformUI.getWorkbench(), "org.ipcscope.app.showView." + view.getId(), //$NON-NLS-1$
				IWorkbenchCommandConstants.VIEWS_SHOW_VIEW, CommandContributionItem.STYLE_PUSH);
		parameter.label = view.getLabel();
		parameter.icon = view.getImageDescriptor();
		parameter.parameters = Map.of(IWorkbenchCommandConstants.VIEWS_SHOW_VIEW_PARM_ID, view.getId());
		return new CommandContributionItem(parameter);
	}
}
