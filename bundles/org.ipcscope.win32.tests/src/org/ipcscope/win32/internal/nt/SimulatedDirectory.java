package org.ipcscope.win32.internal.nt;

import java.nio.ByteBuffer;
import java.util.List;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * Answers NtQueryDirectoryObject the way a kernel does, so the reader's loop can be driven
 * through paths a live system does not choose on demand. Windows mode fills as many entries
 * as fit and says STATUS_MORE_ENTRIES while some are left; Wine mode refuses bulk queries and
 * serves one entry per call.
 */
final class SimulatedDirectory implements DirectoryQuery {

	private final List<DirectoryEntry> entries;
	private final boolean bulkImplemented;
	/** What Windows answers when not even one entry fits; both values are seen in the wild. */
	private final int nothingFits;
	int bulkCalls;
	int singleCalls;

	private SimulatedDirectory(List<DirectoryEntry> entries, boolean bulkImplemented, int nothingFits) {
		this.entries = entries;
		this.bulkImplemented = bulkImplemented;
		this.nothingFits = nothingFits;
	}

	static SimulatedDirectory windows(List<DirectoryEntry> entries, int nothingFits) {
		return new SimulatedDirectory(entries, true, nothingFits);
	}

	static SimulatedDirectory wine(List<DirectoryEntry> entries) {
		return new SimulatedDirectory(entries, false, NtStatus.BUFFER_OVERFLOW);
	}

	@Override
	public int query(Memory buffer, boolean returnSingleEntry, boolean restartScan, IntByReference context,
			IntByReference returnLength) {
		if (restartScan) {
			context.setValue(0);
		}
		return returnSingleEntry ? single(buffer, context, returnLength) : bulk(buffer, context, returnLength);
	}

	private int bulk(Memory buffer, IntByReference context, IntByReference returnLength) {
		bulkCalls++;
		if (!bulkImplemented) {
			return NtStatus.NOT_IMPLEMENTED;
		}
		int first = context.getValue();
		if (first >= entries.size()) {
			return NtStatus.NO_MORE_ENTRIES;
		}
		int end = first;
		while (end < entries.size()
				&& DirectoryInformationWriter.bytesNeeded(entries.subList(first, end + 1)) <= buffer.size()) {
			end++;
		}
		if (end == first) {
			returnLength.setValue(DirectoryInformationWriter.bytesNeeded(entries.subList(first, first + 1)));
			return nothingFits;
		}
		List<DirectoryEntry> batch = entries.subList(first, end);
		DirectoryInformationWriter.write(bytes(buffer), Pointer.nativeValue(buffer), batch);
		returnLength.setValue(DirectoryInformationWriter.bytesNeeded(batch));
		context.setValue(end);
		return end < entries.size() ? NtStatus.MORE_ENTRIES : NtStatus.SUCCESS;
	}

	private int single(Memory buffer, IntByReference context, IntByReference returnLength) {
		singleCalls++;
		int index = context.getValue();
		if (index >= entries.size()) {
			return NtStatus.NO_MORE_ENTRIES;
		}
		DirectoryEntry entry = entries.get(index);
		returnLength.setValue(DirectoryInformationWriter.singleBytesNeeded(entry));
		if (DirectoryInformationWriter.singleBytesNeeded(entry) > buffer.size()) {
			return NtStatus.BUFFER_OVERFLOW;
		}
		DirectoryInformationWriter.writeSingle(bytes(buffer), Pointer.nativeValue(buffer), entry);
		context.setValue(index + 1);
		return NtStatus.SUCCESS;
	}

	private static ByteBuffer bytes(Memory buffer) {
		return buffer.getByteBuffer(0, buffer.size());
	}
}
