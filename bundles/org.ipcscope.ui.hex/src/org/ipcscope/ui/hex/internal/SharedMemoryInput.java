package org.ipcscope.ui.hex.internal;

import java.io.IOException;

import org.eclipse.osgi.util.NLS;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.ui.hex.MemoryEditorInput;

/** A shared-memory object as an editor's input; one editor per object. */
public final class SharedMemoryInput extends MemoryEditorInput {

	private final IpcObject object;

	public SharedMemoryInput(IpcObject object) {
		this.object = object;
	}

	public IpcObject object() {
		return object;
	}

	@Override
	public MemorySource open(boolean writable) throws IOException {
		return MemoryServices.open(object, writable);
	}

	@Override
	public String writeWarning() {
		return NLS.bind(Messages.AllowWriting_Question, object.name());
	}

	@Override
	public String getName() {
		return object.name();
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
		return other instanceof SharedMemoryInput input && input.object.identity().equals(object.identity());
	}

	@Override
	public int hashCode() {
		return object.identity().hashCode();
	}
}
