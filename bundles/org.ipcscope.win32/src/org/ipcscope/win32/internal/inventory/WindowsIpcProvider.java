package org.ipcscope.win32.internal.inventory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.CollectingProvider;
import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.IpcProvider;
import org.ipcscope.core.ProviderResult;
import org.ipcscope.win32.internal.nt.KillableCalls;
import org.ipcscope.win32.internal.nt.ObjectTypeNames;
import org.ipcscope.win32.internal.nt.SystemHandleTable;
import org.osgi.service.component.annotations.Component;

import com.sun.jna.Platform;

/**
 * Every Windows IPC mechanism, with owners: the object namespace (sections, events, mutexes,
 * semaphores, symbolic links and the rest), named pipes, mailslots, anonymous pipes and loopback
 * sockets. One provider so that the system handle table is read once per refresh and shared by
 * all kinds; nothing it does connects to a pipe or reads a message.
 */
@Component(service = IpcProvider.class)
public class WindowsIpcProvider extends CollectingProvider<HandleSnapshot> {

	// Kept across refreshes: the table's buffer, type names, and File handles known not to answer.
	private final SystemHandleTable handleTable = new SystemHandleTable();
	private final ObjectTypeNames typeNames = new ObjectTypeNames();
	private final FileHandleInspector fileInspector;

	public WindowsIpcProvider() {
		this(FileHandleInspector.DEFAULT_TIMEOUT);
	}

	/** @param fileTimeout how long one question to a File handle may take (see {@link KillableCalls}) */
	WindowsIpcProvider(Duration fileTimeout) {
		this(new FileHandleInspector(fileTimeout));
	}

	WindowsIpcProvider(FileHandleInspector fileInspector) {
		super(List.of(new NamespaceCollector(), new NamedPipeCollector(), new MailslotCollector(),
				new AnonymousPipeCollector(), new SocketCollector()));
		this.fileInspector = fileInspector;
	}

	@Override
	public ProviderResult list(InventoryRequest request) {
		if (!Platform.isWindows()) {
			return new ProviderResult(List.of(), List.of("Windows objects: only on Windows"));
		}
		List<IpcObject> objects = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		try (HandleSnapshot handles = new HandleSnapshot(handleTable, typeNames, fileInspector)) {
			collect(request, handles, objects, problems);
			problems.addAll(handles.problems());
		}
		return new ProviderResult(objects, problems);
	}
}
