package org.ipcscope.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.junit.jupiter.api.Test;

class InventoryCsvTest {

	@Test
	void quotesWhatNeedsIt() {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("Owner", "root (0)");
		details.put("Note", "say \"hi\", twice");
		IpcObject object = new IpcObject(IpcKind.POSIX_SHM, "/a,b", "/dev/shm", 10, details,
				List.of(new Owner(1, "init", "fd 3", "read")), null);
		IpcObject unknown = new IpcObject(IpcKind.SECTION, "Local\\x", "Local", IpcObject.UNKNOWN_SIZE, Map.of(),
				"size unknown: access denied");
		assertEquals(InventoryCsv.HEADER + "\r\n"
				+ "posix-shm,\"/a,b\",/dev/shm,10,init (1) fd 3 read,\"Owner=root (0); Note=say \"\"hi\"\", twice\",\r\n"
				+ "section,Local\\x,Local,,,,size unknown: access denied\r\n", InventoryCsv.write(List.of(object, unknown)));
	}
}
