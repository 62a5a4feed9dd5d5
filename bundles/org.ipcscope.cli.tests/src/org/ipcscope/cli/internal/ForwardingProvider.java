package org.ipcscope.cli.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.List;

import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.process.MemoryRegion;
import org.ipcscope.core.process.ProcessInfo;
import org.ipcscope.core.process.ProcessMemoryProvider;

/**
 * The real provider and its sources as they are, for tests that watch or disturb what a verb
 * does: {@link #wrap} sees each source opened, {@link Source#beforeRead} each read, {@link Source#close}
 * each close.
 */
class ForwardingProvider implements ProcessMemoryProvider {

	private final ProcessMemoryProvider provider;

	ForwardingProvider(ProcessMemoryProvider provider) {
		this.provider = provider;
	}

	@Override
	public List<ProcessInfo> processes() throws IOException {
		return provider.processes();
	}

	@Override
	public List<MemoryRegion> regions(long pid) throws IOException {
		return provider.regions(pid);
	}

	@Override
	public MemorySource open(long pid, boolean writable) throws IOException {
		return wrap(provider.open(pid, writable));
	}

	/** @return what the verb reads through; the source as it is by default */
	MemorySource wrap(MemorySource source) {
		return new Source(source);
	}

	/** A source as it is. */
	static class Source implements MemorySource {

		private final MemorySource source;

		Source(MemorySource source) {
			this.source = source;
		}

		/** Called before a read that ends at {@code end}. */
		void beforeRead(long end) {
		}

		@Override
		public String name() {
			return source.name();
		}

		@Override
		public long size() throws IOException {
			return source.size();
		}

		@Override
		public MemoryRead read(long offset, int length) throws IOException {
			beforeRead(offset + length);
			return source.read(offset, length);
		}

		@Override
		public BitSet read(long offset, ByteBuffer into) throws IOException {
			beforeRead(offset + into.remaining());
			return source.read(offset, into);
		}

		@Override
		public boolean readsConcurrently() {
			return source.readsConcurrently();
		}

		@Override
		public void close() throws IOException {
			source.close();
		}
	}
}
