package org.ipcscope.ui.hex.internal;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;
import org.ipcscope.core.IpcObject;

/** A shared-memory object as an editor's input; one editor per object. */
public final class MemoryEditorInput implements IEditorInput {

	private final IpcObject object;

	public MemoryEditorInput(IpcObject object) {
		this.object = object;
	}

	public IpcObject object() {
		return object;
	}

	@Override
	public boolean exists() {
		return false;
	}

	@Override
	public ImageDescriptor getImageDescriptor() {
		return null;
	}

	@Override
	public String getName() {
		return object.name();
	}

	@Override
	public IPersistableElement getPersistable() {
		// a live object may be gone by the next start: editors are not restored
		return null;
	}

	@Override
	public String getToolTipText() {
		return NLS.bind(Messages.EditorInput_ToolTip,
				new Object[] { object.kind().label(), object.name(), object.namespace(), object.size() });
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		return adapter.isInstance(object) ? adapter.cast(object) : null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MemoryEditorInput input && input.object.identity().equals(object.identity());
	}

	@Override
	public int hashCode() {
		return object.identity().hashCode();
	}
}
