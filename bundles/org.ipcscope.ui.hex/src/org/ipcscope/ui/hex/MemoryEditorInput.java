package org.ipcscope.ui.hex;

import java.io.IOException;
import java.util.OptionalLong;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;
import org.ipcscope.core.memory.MemorySource;

/**
 * What a hex editor shows: some live memory, opened when the editor needs it. A shared-memory
 * object is one kind, a region of another process's memory another; the editor is the same.
 * Equal inputs share one editor.
 */
public abstract class MemoryEditorInput implements IEditorInput {

	/**
	 * Opens the bytes, offset 0 first; called in a job, never on the UI thread.
	 *
	 * @throws IOException with a message fit to show
	 */
	public abstract MemorySource open(boolean writable) throws IOException;

	/**
	 * @return the address offset 0 is at, for inputs whose addresses mean something (a process's
	 *         memory): the editor then shows addresses; empty where offsets are what the user knows
	 */
	public OptionalLong baseAddress() {
		return OptionalLong.empty();
	}

	/**
	 * Called in a job, never on the UI thread: the provider may touch the OS.
	 *
	 * @return an input for the memory that holds {@code address} (another region of the same
	 *         process), or {@code null} where there is none or addresses mean nothing
	 * @throws IOException with a message fit to show
	 */
	public MemoryEditorInput inputAt(long address) throws IOException {
		return null;
	}

	/** @return what writing reaches, asked before the user allows writing */
	public abstract String writeWarning();

	@Override
	public boolean exists() {
		return false;
	}

	@Override
	public ImageDescriptor getImageDescriptor() {
		return null;
	}

	@Override
	public IPersistableElement getPersistable() {
		// live memory may be gone by the next start: editors are not restored
		return null;
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		return null;
	}
}
