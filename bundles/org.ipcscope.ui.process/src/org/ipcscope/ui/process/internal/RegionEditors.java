package org.ipcscope.ui.process.internal;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.ipcscope.core.process.MemoryRegion;
import org.ipcscope.ui.hex.HexEditors;

/** Opens process memory in the hex editor: a region, or a match selected in its region. */
final class RegionEditors {

	private RegionEditors() {
	}

	static void open(IWorkbenchPage page, long pid, String name, MemoryRegion region) throws PartInitException {
		HexEditors.open(page, new ProcessRegionInput(pid, name, region));
	}

	static void open(IWorkbenchPage page, long pid, String name, SearchHit hit) throws PartInitException {
		HexEditors.openAt(page, new ProcessRegionInput(pid, name, hit.region()), hit.offsetInRegion(), hit.length());
	}
}
