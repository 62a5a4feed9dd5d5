package org.ipcscope.ui.hex;

import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.ipcscope.core.IpcObject;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.SharedMemoryInput;

/** Opens memory in the hex editor, for views and other plug-ins. */
public final class HexEditors {

	/** The hex editor's id. */
	public static final String EDITOR_ID = HexEditor.ID;

	/** The command that opens shared memory by name and namespace. */
	public static final String OPEN_SHARED_MEMORY_COMMAND = "org.ipcscope.ui.hex.commands.openSharedMemory"; //$NON-NLS-1$

	private HexEditors() {
	}

	/**
	 * Opens (or activates, if already open) a hex editor on a memory object. The object's memory
	 * is opened in the background; the editor shows a problem instead of failing.
	 */
	public static IEditorPart open(IWorkbenchPage page, IpcObject object) throws PartInitException {
		return open(page, new SharedMemoryInput(object));
	}

	/** Opens (or activates) a hex editor on any memory; opened in the background like an object's. */
	public static IEditorPart open(IWorkbenchPage page, MemoryEditorInput input) throws PartInitException {
		if (!page.isEditorAreaVisible()) {
			// the IPC Scope perspective starts with the editor area hidden
			page.setEditorAreaVisible(true);
		}
		return page.openEditor(input, EDITOR_ID);
	}

	/**
	 * Opens (or activates) a hex editor and selects {@code length} bytes at {@code offset} (relative to
	 * the input's start), shown as soon as they are read.
	 */
	public static IEditorPart openAt(IWorkbenchPage page, MemoryEditorInput input, long offset, long length)
			throws PartInitException {
		IEditorPart part = open(page, input);
		if (part instanceof HexEditor editor) {
			editor.select(offset, length);
		}
		return part;
	}
}
