package org.ipcscope.core.sniff;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Captures the WM_COPYDATA messages sent to a window. Windows bundles register one as a
 * Declarative Services component and in META-INF/services; where none is registered the
 * mechanism does not exist on this OS.
 */
public interface CopyDataSniffer {

	/** @return top-level and message-only windows of every process this user can see */
	List<WindowInfo> windows() throws IOException;

	/** @return the window under the mouse cursor, where the OS lets us ask */
	Optional<WindowInfo> windowUnderCursor() throws IOException;

	/** @return the strategies that can run here */
	Set<CaptureStrategy> strategies();

	/**
	 * @throws IOException with a message fit to show when the target cannot be captured (gone,
	 *                     UIPI: it runs at a higher integrity level, other bitness...)
	 */
	CaptureSession start(WindowInfo target, CaptureStrategy strategy, CaptureOptions options,
			CaptureListener listener) throws IOException;
}
