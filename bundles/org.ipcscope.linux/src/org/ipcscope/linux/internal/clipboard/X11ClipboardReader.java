package org.ipcscope.linux.internal.clipboard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.ipcscope.core.clipboard.ClipboardReader;
import org.ipcscope.core.clipboard.ClipboardSnapshot;
import org.ipcscope.core.clipboard.ContentRequest;
import org.osgi.service.component.annotations.Component;

/** The X11 selections CLIPBOARD and PRIMARY of the X server named by DISPLAY, read-only. */
@Component(service = ClipboardReader.class)
public class X11ClipboardReader implements ClipboardReader {

	static final List<String> SELECTIONS = List.of("CLIPBOARD", "PRIMARY");

	private final String display;

	public X11ClipboardReader() {
		this(System.getenv("DISPLAY"));
	}

	X11ClipboardReader(String display) {
		this.display = display;
	}

	@Override
	public List<String> selections() {
		return display == null || display.isEmpty() ? List.of() : SELECTIONS;
	}

	@Override
	public List<String> notes() {
		List<String> notes = new ArrayList<>();
		if (display == null || display.isEmpty()) {
			notes.add("DISPLAY is not set: there is no X server whose selections could be read.");
		}
		if (System.getenv("WAYLAND_DISPLAY") != null) {
			notes.add("This is a Wayland session: only the selections of X11 programs (through Xwayland) are seen."
					+ " A Wayland program's clipboard goes from the compositor to the focused program only;"
					+ " without a compositor protocol such as wlr-data-control no other program can see it or its owner.");
		}
		notes.add("Listing the targets asks the owner for TARGETS; reading a target asks the owner to convert its data:"
				+ " both are requests the owning program answers. Nothing else is asked unless asked for.");
		notes.add("The owner's process is the one the X server knows for the window's client (X-Resource extension,"
				+ " libxcb-res), else the _NET_WM_PID its program set on the window; a remote client's window without it shows no pid.");
		return notes;
	}

	@Override
	public ClipboardSnapshot read(String selection, ContentRequest request) throws IOException {
		check(selection);
		return X11Selections.read(display, selection, request);
	}

	@Override
	public ClipboardWatch watch(String selection, ContentRequest request, Consumer<ClipboardSnapshot> listener)
			throws IOException {
		check(selection);
		return X11SelectionWatch.start(display, selection, request, listener);
	}

	private void check(String selection) throws IOException {
		if (!SELECTIONS.contains(selection)) {
			throw new IOException("X11 selections here are " + String.join(" and ", SELECTIONS) + "; not " + selection + ".");
		}
		if (display == null || display.isEmpty()) {
			throw new IOException("DISPLAY is not set: there is no X server whose selections could be read.");
		}
	}
}
