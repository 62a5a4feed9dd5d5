package org.ipcscope.tests.probe.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.activities.WorkbenchActivityHelper;
import org.eclipse.ui.views.IViewCategory;
import org.eclipse.ui.views.IViewDescriptor;
import org.eclipse.ui.views.IViewRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** What the running workbench knows about IPC Scope's bundles and views. Call in the UI thread. */
final class WorkbenchFacts {

	private static final String OUR_BUNDLES = "org.ipcscope.";

	private final IWorkbench workbench;
	private final ProbeReport report;

	WorkbenchFacts(IWorkbench workbench, ProbeReport report) {
		this.workbench = workbench;
		this.report = report;
	}

	/** {@code bundle <name> <version> <state>} for every org.ipcscope.* bundle installed. */
	void bundles(BundleContext context) {
		Arrays.stream(context.getBundles())
				.filter(bundle -> bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith(OUR_BUNDLES))
				.forEach(bundle -> report.add("bundle", bundle.getSymbolicName(), bundle.getVersion(),
						stateName(bundle.getState())));
	}

	/**
	 * What the Show View menu and dialog offer: the 3.x view registry's categories, and the e4 part
	 * descriptor the dialog of the 4.x workbench lists, with whether activities hide it.
	 */
	void viewOffers(String viewId) {
		IViewRegistry registry = workbench.getViewRegistry();
		for (IViewCategory category : registry.getCategories()) {
			String views = Arrays.stream(category.getViews()).map(IViewDescriptor::getId)
					.collect(Collectors.joining(","));
			if (views.contains(viewId) || category.getId().startsWith(OUR_BUNDLES)) {
				report.add("category", category.getId(), category.getLabel(), views);
			}
		}
		IViewDescriptor view = registry.find(viewId);
		if (view != null) {
			report.add("viewdescriptor", view.getId(), view.getLabel(), String.join("/", view.getCategoryPath()),
					"filtered=" + WorkbenchActivityHelper.filterItem(view));
		}
		MApplication application = workbench.getService(MApplication.class);
		if (application != null) {
			for (MPartDescriptor descriptor : application.getDescriptors()) {
				if (viewId.equals(descriptor.getElementId())) {
					report.add("partdescriptor", descriptor.getElementId(), descriptor.getLabel(),
							descriptor.getCategory(), "tags=" + String.join(",", descriptor.getTags()));
				}
			}
		}
	}

	private static String stateName(int state) {
		return switch (state) {
		case Bundle.UNINSTALLED -> "UNINSTALLED";
		case Bundle.INSTALLED -> "INSTALLED";
		case Bundle.RESOLVED -> "RESOLVED";
		case Bundle.STARTING -> "STARTING";
		case Bundle.STOPPING -> "STOPPING";
		case Bundle.ACTIVE -> "ACTIVE";
		default -> "UNKNOWN(" + state + ")";
		};
	}
}
