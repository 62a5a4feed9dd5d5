package org.ipcscope.ui.process.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.eclipse.osgi.util.NLS;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.process.MemoryRegion;
import org.ipcscope.ui.hex.MemoryEditorInput;

/**
 * One region of a running process's memory as the hex editor's input: offsets are region-relative,
 * shown as addresses. One editor per process and region.
 */
public final class ProcessRegionInput extends MemoryEditorInput {

	private final long pid;
	private final String processName;
	private final MemoryRegion region;

	public ProcessRegionInput(long pid, String processName, MemoryRegion region) {
		this.pid = pid;
		this.processName = processName;
		this.region = region;
	}

	public long pid() {
		return pid;
	}

	public MemoryRegion region() {
		return region;
	}

	@Override
	public MemorySource open(boolean writable) throws IOException {
		return ProcessRegionSource.open(pid, region, getName(), writable);
	}

	@Override
	public OptionalLong baseAddress() {
		return OptionalLong.of(region.start());
	}

	@Override
	public MemoryEditorInput inputAt(long address) throws IOException {
		for (MemoryRegion other : ProcessProvider.call(provider -> provider.regions(pid))) {
			if (other.contains(address) && other.isReadable()) {
				return new ProcessRegionInput(pid, processName, other);
			}
		}
		return null;
	}

	@Override
	public String writeWarning() {
		return NLS.bind(Messages.ProcessInput_WriteWarning, getName());
	}

	@Override
	public String getName() {
		String what = !region.tag().isEmpty() ? region.tag()
				: !region.path().isEmpty() ? String.valueOf(Path.of(region.path()).getFileName())
						: "0x" + Long.toHexString(region.start()); //$NON-NLS-1$
		return NLS.bind(Messages.ProcessInput_Name, new Object[] { processName, Long.toString(pid), what });
	}

	@Override
	public String getToolTipText() {
		return NLS.bind(Messages.ProcessInput_ToolTip, new Object[] { processName, Long.toString(pid),
				Long.toHexString(region.start()), Long.toHexString(region.end()), Long.toString(region.size()),
				region.permissions(), region.type(), region.path() });
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ProcessRegionInput input && input.pid == pid && input.region.start() == region.start()
				&& input.region.end() == region.end();
	}

	@Override
	public int hashCode() {
		return Long.hashCode(pid) * 31 + Long.hashCode(region.start());
	}
}
