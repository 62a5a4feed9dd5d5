package org.ipcscope.ui.internal.views;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.views.properties.IPropertySource;
import org.ipcscope.core.change.TrackedObject;

/** Lets the Properties view show a selected object. Registered in plugin.xml. */
public class ObjectAdapterFactory implements IAdapterFactory {

	@Override
	public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
		if (adapterType == IPropertySource.class && adaptable instanceof TrackedObject row) {
			return adapterType.cast(new ObjectPropertySource(row));
		}
		return null;
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { IPropertySource.class };
	}
}
