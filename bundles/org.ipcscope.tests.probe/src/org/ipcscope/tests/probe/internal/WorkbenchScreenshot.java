package org.ipcscope.tests.probe.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/**
 * A PNG of the screen where a shell is, menu bar included: a GC on the shell itself would start below
 * the menu bar, at the client area. Call in the UI thread.
 */
final class WorkbenchScreenshot {

	private WorkbenchScreenshot() {
	}

	/** @return the part of the screen saved */
	static Rectangle save(Shell shell, Path png) throws IOException {
		Files.createDirectories(png.toAbsolutePath().getParent());
		Rectangle area = onScreen(shell);
		Image image = new Image(shell.getDisplay(), area.width, area.height);
		try {
			GC gc = new GC(shell.getDisplay());
			try {
				gc.copyArea(image, area.x, area.y);
			} finally {
				gc.dispose();
			}
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(png.toString(), SWT.IMAGE_PNG);
		} finally {
			image.dispose();
		}
		return area;
	}

	/**
	 * From the top of the shell to the bottom of its client area. Not {@link Shell#getBounds()}: under
	 * Xvfb, with no window manager, they count a frame SWT expects but nobody draws, and reach past
	 * the window onto the black screen.
	 */
	private static Rectangle onScreen(Shell shell) {
		Rectangle bounds = shell.getBounds();
		Rectangle client = shell.getClientArea();
		Point clientOrigin = shell.toDisplay(client.x, client.y);
		Rectangle area = new Rectangle(clientOrigin.x, bounds.y, client.width, clientOrigin.y - bounds.y + client.height);
		return area.intersection(shell.getDisplay().getBounds());
	}
}
