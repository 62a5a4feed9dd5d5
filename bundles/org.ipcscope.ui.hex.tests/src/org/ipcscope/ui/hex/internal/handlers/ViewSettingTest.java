package org.ipcscope.ui.hex.internal.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/** plugin.xml and the settings' enum cannot drift apart: each names only what the other has. */
class ViewSettingTest {

	@Test
	void everySettingPluginXmlNamesExistsAndEveryOneIsUsed() throws IOException {
		String pluginXml;
		try (InputStream in = FrameworkUtil.getBundle(ViewSetting.class).getEntry("plugin.xml").openStream()) {
			pluginXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Matcher named = Pattern.compile("ViewSettingHandler:(\\w+)").matcher(pluginXml);
		Set<ViewSetting> used = EnumSet.noneOf(ViewSetting.class);
		while (named.find()) {
			used.add(ViewSetting.ofId(named.group(1)));
		}
		assertEquals(EnumSet.allOf(ViewSetting.class), used, "settings with no handler in plugin.xml");
		assertThrows(IllegalArgumentException.class, () -> ViewSetting.ofId("bytesperrow"));
	}
}
