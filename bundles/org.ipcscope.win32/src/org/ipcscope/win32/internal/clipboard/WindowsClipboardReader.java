package org.ipcscope.win32.internal.clipboard;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import org.ipcscope.core.clipboard.ClipboardReader;
import org.ipcscope.core.clipboard.ClipboardSnapshot;
import org.ipcscope.core.clipboard.ContentRequest;
import org.osgi.service.component.annotations.Component;

import com.sun.jna.Platform;

/** The Windows clipboard, read-only. */
@Component(service = ClipboardReader.class)
public class WindowsClipboardReader implements ClipboardReader {

	@Override
	public List<String> selections() {
		return Platform.isWindows() ? List.of(ClipboardSnapshots.SELECTION) : List.of();
	}

	@Override
	public List<String> notes() {
		return List.of("Formats are listed without asking the owner anything.",
				"Reading a format's content asks for its data: if the owner delayed rendering it, the owner renders it now"
						+ " (WM_RENDERFORMAT). Nothing is read unless asked for.",
				"The clipboard is opened only for one read and never changed.");
	}

	@Override
	public ClipboardSnapshot read(String selection, ContentRequest request) throws IOException {
		check(selection);
		return ClipboardSnapshots.read(request);
	}

	@Override
	public ClipboardWatch watch(String selection, ContentRequest request, Consumer<ClipboardSnapshot> listener)
			throws IOException {
		check(selection);
		return ClipboardListenerWindow.start(request, listener);
	}

	private static void check(String selection) throws IOException {
		if (!Platform.isWindows()) {
			throw new IOException("This reader reads the Windows clipboard only.");
		}
		if (!ClipboardSnapshots.SELECTION.equals(selection)) {
			throw new IOException("Windows has one clipboard, " + ClipboardSnapshots.SELECTION + "; there is no " + selection + ".");
		}
	}
}
