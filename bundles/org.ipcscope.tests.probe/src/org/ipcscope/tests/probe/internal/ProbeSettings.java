package org.ipcscope.tests.probe.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the test script asks of the probe, as system properties of the workbench JVM.
 *
 * @param report     {@code ipcscope.probe.report}: the report file to write
 * @param screenshot {@code ipcscope.probe.screenshot}: the PNG of the workbench window to write
 * @param showView   {@code ipcscope.probe.open=showView}: open the view with the Show View command;
 *                   otherwise ({@code perspective}) expect the perspective to have opened it
 * @param timeout    {@code ipcscope.probe.timeoutSeconds}: how long all waiting may take together
 * @param copyDataHelper   {@code ipcscope.probe.copyDataHelper}: copydata_helper.exe of the Wine tests;
 *                   when set, the probe also captures live in the Message Sniffer view
 *                   ({@link SnifferProbe}); {@code null} otherwise
 * @param copyDataMessages {@code ipcscope.probe.copyDataMessages}: what the sender sends, ';' between
 *                   messages, each {@code DWDATA:SIZE} (a byte pattern) or {@code DWDATA=TEXT} (TEXT URL-encoded, sent as UTF-8)
 * @param menus      {@code ipcscope.probe.menus=true}: also work the product's main menu ({@link MenuProbe})
 * @param launchHelper {@code ipcscope.probe.launchHelper}: ipc_helper, launched and inspected from the
 *                   Debug view ({@link DebugLaunchProbe}; the IDE only); {@code null} otherwise
 * @param update     {@code ipcscope.probe.update=true}: only run Help > Check for Updates, install what
 *                   it offers and report the bundles ({@link UpdateProbe}; the product only), no view steps
 * @param trafficHelper {@code ipcscope.probe.trafficHelper}: traffic_helper.exe of the Wine tests; when
 *                   set, the probe also captures a named pipe and a mailslot conversation in the Traffic
 *                   view ({@link TrafficProbe}); {@code null} otherwise
 * @param trafficSizes {@code ipcscope.probe.trafficSizes}: the sizes of the messages the client sends,
 *                   separated by commas
 * @param regMsgHelper {@code ipcscope.probe.regMsgHelper}: regmsg_helper.exe of the Wine tests; when set,
 *                   the probe also captures its registered messages in the sniffer view ({@link RegMsgProbe})
 * @param regMsgText {@code ipcscope.probe.regMsgText}: the text the sender puts in its buffer (ASCII)
 * @param regMsgSelection {@code ipcscope.probe.regMsgSelection}: what the view's Messages field gets
 * @param clipboardHelper {@code ipcscope.probe.clipboardHelper}: clipboard_helper.exe of the Wine tests;
 *                   when set, the probe also works the Clipboard view ({@link ClipboardProbe})
 * @param clipboardTexts {@code ipcscope.probe.clipboardTexts}: the texts the helper puts on the
 *                   clipboard one after the other, ';' between them (ASCII)
 */
record ProbeSettings(Path report, Path screenshot, boolean showView, Duration timeout, Path copyDataHelper,
		List<String> copyDataMessages, boolean menus, Path launchHelper, boolean update, Path trafficHelper,
		List<Integer> trafficSizes, Path regMsgHelper, String regMsgText, String regMsgSelection, Path clipboardHelper,
		List<String> clipboardTexts) {

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
		if (Boolean.getBoolean("ipcscope.probe.update") && Files.exists(reportFile)) {
			// Restart Now: the launcher started the workbench again with the same properties; the
			// first start's report and screenshots stay, this start's go beside them
			reportFile = restarted(reportFile);
			screenshotFile = restarted(screenshotFile);
		}
		boolean showView = "showView".equals(System.getProperty("ipcscope.probe.open", "showView"));
		Duration timeout = Duration.ofSeconds(Long.getLong("ipcscope.probe.timeoutSeconds", 90));
		String helper = System.getProperty("ipcscope.probe.copyDataHelper", "");
		String launch = System.getProperty("ipcscope.probe.launchHelper", "");
		String traffic = System.getProperty("ipcscope.probe.trafficHelper", "");
		List<Integer> sizes = Arrays.stream(System.getProperty("ipcscope.probe.trafficSizes", "0,1,65536").split(","))
				.filter(m -> !m.isBlank()).map(m -> Integer.valueOf(m.strip())).toList();
		List<String> messages = Arrays.stream(System.getProperty("ipcscope.probe.copyDataMessages", "0x1:1").split(";"))
				.filter(m -> !m.isBlank()).toList();
		return Optional.of(new ProbeSettings(reportFile, screenshotFile, showView, timeout,
				helper.isBlank() ? null : Path.of(helper), messages, Boolean.getBoolean("ipcscope.probe.menus"),
				launch.isBlank() ? null : Path.of(launch), Boolean.getBoolean("ipcscope.probe.update"),
				traffic.isBlank() ? null : Path.of(traffic), sizes, path("ipcscope.probe.regMsgHelper"),
				System.getProperty("ipcscope.probe.regMsgText", "shared text from the sender"),
				System.getProperty("ipcscope.probe.regMsgSelection", "registered"), path("ipcscope.probe.clipboardHelper"),
				Arrays.stream(System.getProperty("ipcscope.probe.clipboardTexts", "first;second;third").split(";"))
						.filter(t -> !t.isBlank()).toList()));
	}

	/** @return the path a property names, {@code null} when it is not set */
	private static Path path(String property) {
		String value = System.getProperty(property, "");
		return value.isBlank() ? null : Path.of(value);
	}

	/** report.txt: report-restart.txt */
	private static Path restarted(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return file.resolveSibling(dot < 0 ? name + "-restart" : name.substring(0, dot) + "-restart" + name.substring(dot));
	}
}
