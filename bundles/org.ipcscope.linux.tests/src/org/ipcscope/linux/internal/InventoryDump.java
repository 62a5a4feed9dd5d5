package org.ipcscope.linux.internal;

import java.util.List;
import java.util.Set;

import org.ipcscope.core.Inventory;
import org.ipcscope.core.export.InventoryJson;

/** Prints the Linux inventory as JSON: run in a process of another user by the tests. */
public final class InventoryDump {

	private InventoryDump() {
	}

	public static void main(String[] args) {
		System.out.print(InventoryJson.write(Inventory.collect(List.of(new LinuxIpcProvider()), Set.of())));
	}
}
