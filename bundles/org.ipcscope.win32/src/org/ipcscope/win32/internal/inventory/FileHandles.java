package org.ipcscope.win32.internal.inventory;

import java.util.List;

/**
 * The pipe and mailslot handles of all processes in one refresh.
 *
 * @param handles  the handles whose name could be asked
 * @param problems handles left out because they did not answer (a File handle whose owner sits
 *                 in a synchronous call answers nobody), as messages for the user
 */
record FileHandles(List<FileHandle> handles, List<String> problems) {

	FileHandles {
		handles = List.copyOf(handles);
		problems = List.copyOf(problems);
	}
}
