package org.ipcscope.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.junit.jupiter.api.Test;

class InventoryJsonTest {

	@Test
	void writesTheDocumentedShape() {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("Attributes", "SEC_COMMIT");
		details.put("NT path", "\\Sessions\\1\\BaseNamedObjects\\a \"q\"");
		IpcObject plain = new IpcObject(IpcKind.SECTION, "Local\\a \"q\"", "Local", 102400, details,
				List.of(new Owner(42, "app.exe", "handle 0x1a4", "0xf001f"), new Owner(7, null, "mapped", null)), null);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("uid", 0);
		values.put("user", "r\"oot");
		values.put("peerInode", 4_294_967_296L);
		values.put("unlinked", false);
		values.put("peerPids", List.of(42L, 7L));
		IpcObject known = plain.withValues(values);
		IpcObject denied = new IpcObject(IpcKind.SECTION, "Global\\b\u0001", "Global", IpcObject.UNKNOWN_SIZE, Map.of(),
				"size unknown: access denied (0xC0000022)");
		String json = InventoryJson.write(new InventorySnapshot(Instant.parse("2026-01-02T03:04:05Z"),
				List.of(known, denied), List.of("x: y")));
		assertEquals("""
				{
				  "format": 1,
				  "taken": "2026-01-02T03:04:05Z",
				  "objects": [
				    {"kind": "section", "name": "Local\\\\a \\"q\\"", "namespace": "Local", "size": 102400, \
				"details": {"Attributes": "SEC_COMMIT", "NT path": "\\\\Sessions\\\\1\\\\BaseNamedObjects\\\\a \\"q\\""}, \
				"values": {"uid": 0, "user": "r\\"oot", "peerInode": 4294967296, "unlinked": false, "peerPids": [42, 7]}, \
				"owners": [{"pid": 42, "process": "app.exe", "handle": "handle 0x1a4", "access": "0xf001f"}, \
				{"pid": 7, "process": null, "handle": "mapped", "access": null}], "problem": null},
				    {"kind": "section", "name": "Global\\\\b\\u0001", "namespace": "Global", "size": null, "details": {}, \
				"values": {}, "owners": [], "problem": "size unknown: access denied (0xC0000022)"}
				  ],
				  "problems": ["x: y"]
				}
				""", json);
	}

	@Test
	void valuesAreOnlyWhatJsonWritesAsIs() {
		IpcObject object = new IpcObject(IpcKind.FIFO, "/tmp/f", "/tmp", IpcObject.UNKNOWN_SIZE, Map.of());
		assertThrows(IllegalArgumentException.class, () -> object.withValues(Map.of("size", 1.5)));
		assertThrows(IllegalArgumentException.class, () -> object.withValues(Map.of("pids", List.of("1"))));
		assertEquals(Map.of("pids", List.of(1L)), object.withValues(Map.of("pids", List.of(1L))).withProblem("p").values());
	}

	@Test
	void namesStayExactAndPrintable() {
		// a byte that is not UTF-8 (U+DCFF, see NameBytes), terminal escapes, a bidirectional override, an emoji
		IpcObject odd = new IpcObject(IpcKind.POSIX_SHM, "/a\udcff\n\u001b]0;x\u0007\u001b[31m\u202e\u0085\ud83d\ude00",
				"/dev/shm", 1, Map.of());
		String json = InventoryJson.write(new InventorySnapshot(Instant.EPOCH, List.of(odd), List.of()));
		assertTrue(json.contains("\"name\": \"/a\\udcff\\n\\u001b]0;x\\u0007\\u001b[31m\\u202e\\u0085\ud83d\ude00\""), json);
		String rest = json.replace("\ud83d\ude00", "");
		assertTrue(rest.chars().allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f), "printable ASCII besides the emoji: " + json);
	}

	@Test
	void emptySnapshotIsValid() {
		String json = InventoryJson.write(new InventorySnapshot(Instant.EPOCH, List.of(), List.of()));
		assertTrue(json.contains("\"objects\": [],"), json);
		assertTrue(json.contains("\"problems\": []"), json);
	}
}
