package org.ipcscope.tests.probe.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What the test script asks of the probe, as system properties of the workbench JVM.
 *
 * @param report     {@code ipcscope.probe.report}: the report file to write
 * @param screenshot {@code ipcscope.probe.screenshot}: the PNG of the workbench window to write
 * @param showView   {@code ipcscope.probe.open=showView}: open the view with the Show View command;
 *                   otherwise ({@code perspective}) expect the perspective to have opened it
 * @param timeout    {@code ipcscope.probe.timeoutSeconds}: how long all waiting may take together
 */
record ProbeSettings(Path report, Path screenshot, boolean showView, Duration timeout) {

	static Optional<ProbeSettings> fromSystemProperties() {
		String report = System.getProperty("ipcscope.probe.report");
		if (report == null || report.isBlank()) {
			return Optional.empty();
		}
		Path reportFile = Path.of(report);
		String screenshot = System.getProperty("ipcscope.probe.screenshot");
		Path screenshotFile = screenshot == null || screenshot.isBlank()
				? reportFile.resolveSibling(reportFile.getFileName() + ".png")
				: Path.of(screenshot);
		boolean showView = "showView".equals(System.getProperty("ipcscope.probe.open", "showView"));
		Duration timeout = Duration.ofSeconds(Long.getLong("ipcscope.probe.timeoutSeconds", 90));
		return Optional.of(new ProbeSettings(reportFile, screenshotFile, showView, timeout));
	}
}
