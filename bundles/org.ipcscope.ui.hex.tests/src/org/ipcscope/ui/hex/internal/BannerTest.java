package org.ipcscope.ui.hex.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.JFacePreferences;
import org.eclipse.jface.resource.ColorRegistry;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.ipcscope.tests.support.Screenshots;
import org.ipcscope.ui.hex.Banner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The banner of a gone object or an exited process reads well in the light theme, in a dark theme
 * (whose information colours are dark), and where a theme pairs its colours badly.
 */
class BannerTest {

	private final ColorRegistry colors = JFaceResources.getColorRegistry();
	private RGB savedBackground;
	private RGB savedForeground;
	private Shell shell;

	@BeforeEach
	void remember() {
		savedBackground = colors.getRGB(JFacePreferences.INFORMATION_BACKGROUND_COLOR);
		savedForeground = colors.getRGB(JFacePreferences.INFORMATION_FOREGROUND_COLOR);
	}

	@AfterEach
	void restore() {
		if (savedBackground != null) {
			colors.put(JFacePreferences.INFORMATION_BACKGROUND_COLOR, savedBackground);
		}
		if (savedForeground != null) {
			colors.put(JFacePreferences.INFORMATION_FOREGROUND_COLOR, savedForeground);
		}
		if (shell != null) {
			shell.dispose();
		}
	}

	@Test
	void theCurrentThemeReads() throws Exception {
		Label label = banner("light");
		assertReadable(label);
	}

	@Test
	void aDarkThemeKeepsItsDarkBackgroundAndReads() throws Exception {
		colors.put(JFacePreferences.INFORMATION_BACKGROUND_COLOR, new RGB(0x2f, 0x2f, 0x2f));
		colors.put(JFacePreferences.INFORMATION_FOREGROUND_COLOR, new RGB(0xee, 0xee, 0xee));
		Label label = banner("dark");
		assertEquals(new RGB(0x2f, 0x2f, 0x2f), label.getBackground().getRGB());
		assertReadable(label);
	}

	@Test
	void whiteOnNearWhiteIsMendedToBlack() throws Exception {
		colors.put(JFacePreferences.INFORMATION_BACKGROUND_COLOR, new RGB(0xf5, 0xf5, 0xf5));
		colors.put(JFacePreferences.INFORMATION_FOREGROUND_COLOR, new RGB(0xff, 0xff, 0xff));
		Label label = banner("mended");
		assertEquals(new RGB(0, 0, 0), label.getForeground().getRGB());
		assertReadable(label);
	}

	private Label banner(String name) throws Exception {
		shell = new Shell(Display.getDefault());
		GridLayoutFactory.fillDefaults().applyTo(shell);
		Banner banner = new Banner(shell);
		banner.show("Process 4242 has exited: the regions and bytes shown are the last ones read.");
		shell.setSize(640, 80);
		shell.open();
		HexUi.spin(200);
		Screenshots.save(shell, "BannerTest-" + name);
		return banner.label();
	}

	private static void assertReadable(Label label) {
		double contrast = Banner.contrast(label.getForeground().getRGB(), label.getBackground().getRGB());
		assertTrue(contrast >= 4.5, "contrast " + contrast + " of " + label.getForeground().getRGB() + " on "
				+ label.getBackground().getRGB());
		assertTrue((label.getStyle() & SWT.WRAP) != 0, "a long message wraps");
	}
}
