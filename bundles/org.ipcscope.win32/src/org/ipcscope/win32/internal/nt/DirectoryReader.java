package org.ipcscope.win32.internal.nt;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;

/**
 * Reads all entries of an object directory. Asks for many entries per call the way Windows
 * supports, and falls back to one entry per call where bulk mode is not implemented (Wine 8
 * answers STATUS_NOT_IMPLEMENTED). Never truncates: the buffer grows until an entry fits.
 */
final class DirectoryReader {

	static final int INITIAL_BUFFER = 4 * 1024;
	/** Far above any real directory entry; only a broken kernel answer gets here. */
	static final int MAX_BUFFER = 16 * 1024 * 1024;

	private final DirectoryQuery query;
	private final String path;
	private int bufferSize = INITIAL_BUFFER;

	DirectoryReader(DirectoryQuery query, String path) {
		this.query = query;
		this.path = path;
	}

	List<DirectoryEntry> readAll() throws NtStatusException {
		List<DirectoryEntry> entries = new ArrayList<>();
		if (readBulk(entries)) {
			return entries;
		}
		entries.clear();
		readOneByOne(entries);
		return entries;
	}

	/** @return false if bulk mode is not implemented, so the caller must read one by one */
	private boolean readBulk(List<DirectoryEntry> entries) throws NtStatusException {
		IntByReference context = new IntByReference(0);
		IntByReference returnLength = new IntByReference(0);
		boolean restart = true;
		while (true) {
			Memory buffer = new Memory(bufferSize);
			buffer.clear();
			int status = query.query(buffer, false, restart, context, returnLength);
			if (status == NtStatus.NOT_IMPLEMENTED) {
				return false;
			}
			if (status == NtStatus.NO_MORE_ENTRIES) {
				return true;
			}
			if (status == NtStatus.BUFFER_TOO_SMALL) {
				grow(returnLength.getValue());
				continue;
			}
			if (!NtStatus.isSuccess(status)) {
				throw new NtStatusException(path, status);
			}
			List<DirectoryEntry> batch = DirectoryInformationDecoder.decode(buffer, bufferSize, Integer.MAX_VALUE);
			if (batch.isEmpty()) {
				if (status == NtStatus.MORE_ENTRIES) {
					// Not even one entry fitted; the context has not moved.
					grow(returnLength.getValue());
					continue;
				}
				return true;
			}
			entries.addAll(batch);
			restart = false;
		}
	}

	private void readOneByOne(List<DirectoryEntry> entries) throws NtStatusException {
		IntByReference context = new IntByReference(0);
		IntByReference returnLength = new IntByReference(0);
		boolean restart = true;
		while (true) {
			Memory buffer = new Memory(bufferSize);
			buffer.clear();
			int status = query.query(buffer, true, restart, context, returnLength);
			if (status == NtStatus.NO_MORE_ENTRIES) {
				return;
			}
			if (status == NtStatus.BUFFER_TOO_SMALL || status == NtStatus.BUFFER_OVERFLOW) {
				grow(returnLength.getValue());
				continue;
			}
			if (!NtStatus.isSuccess(status)) {
				throw new NtStatusException(path, status);
			}
			List<DirectoryEntry> one = DirectoryInformationDecoder.decode(buffer, bufferSize, 1);
			if (one.isEmpty()) {
				return;
			}
			entries.addAll(one);
			restart = false;
		}
	}

	private void grow(int needed) throws NtStatusException {
		int next = Math.max(bufferSize * 2, needed);
		if (next > MAX_BUFFER || next <= bufferSize) {
			throw new NtStatusException(path + " (entry larger than " + MAX_BUFFER + " bytes)", NtStatus.BUFFER_TOO_SMALL);
		}
		bufferSize = next;
	}
}
