package org.ipcscope.ui.internal.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.core.change.TrackedObject;
import org.ipcscope.ui.internal.Messages;

/** Every fact of one object for the Properties view, in three categories. Read-only. */
final class ObjectPropertySource implements IPropertySource {

	private final Map<String, PropertyDescriptor> descriptors = new LinkedHashMap<>();
	private final Map<String, String> values = new LinkedHashMap<>();

	ObjectPropertySource(TrackedObject row) {
		IpcObject object = row.object();
		String general = Messages.Properties_Object;
		add(general, "kind", Messages.IpcObjectsView_ColumnKind, object.kind().label()); //$NON-NLS-1$
		add(general, "name", Messages.IpcObjectsView_ColumnName, object.name()); //$NON-NLS-1$
		add(general, "namespace", Messages.IpcObjectsView_ColumnNamespace, object.namespace()); //$NON-NLS-1$
		add(general, "size", Messages.IpcObjectsView_ColumnSize, //$NON-NLS-1$
				object.hasSize() ? SizeFormat.format(object.size()) : Messages.IpcObjectsView_UnknownSize);
		add(general, "change", Messages.Properties_Change, row.change().name().toLowerCase()); //$NON-NLS-1$
		if (object.problem() != null) {
			add(general, "problem", Messages.Properties_Problem, object.problem()); //$NON-NLS-1$
		}
		object.details().forEach((key, value) -> add(Messages.Properties_Details, "detail." + key, key, value)); //$NON-NLS-1$
		List<Owner> owners = new ArrayList<>(object.owners());
		for (int i = 0; i < owners.size(); i++) {
			Owner owner = owners.get(i);
			add(Messages.Properties_Owners, "owner." + i, owner.describeProcess(), //$NON-NLS-1$
					owner.handle() + (owner.access() == null ? "" : ", " + owner.access())); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private void add(String category, String id, String label, String value) {
		PropertyDescriptor descriptor = new PropertyDescriptor(id, label);
		descriptor.setCategory(category);
		descriptors.put(id, descriptor);
		values.put(id, value);
	}

	@Override
	public Object getEditableValue() {
		return null;
	}

	@Override
	public IPropertyDescriptor[] getPropertyDescriptors() {
		return descriptors.values().toArray(new IPropertyDescriptor[0]);
	}

	@Override
	public Object getPropertyValue(Object id) {
		return values.get(id);
	}

	@Override
	public boolean isPropertySet(Object id) {
		return false;
	}

	@Override
	public void resetPropertyValue(Object id) {
		// read-only
	}

	@Override
	public void setPropertyValue(Object id, Object value) {
		// read-only: inspection never changes an object
	}
}
