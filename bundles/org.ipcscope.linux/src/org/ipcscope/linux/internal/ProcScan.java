package org.ipcscope.linux.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.text.NameBytes;

/**
 * Runs the native /proc scanner ({@code native/ipcscope-proc.c}, built with this bundle) and
 * decodes what it prints. The scanner does the system calls; which descriptor or mapping means
 * what is still decided by the collectors. Without a scanner that runs here, {@link #run}
 * answers {@code null} and the table is read in Java instead ({@link JavaProcScan}).
 */
final class ProcScan {

	/** The processes in /proc's order, and the Unix socket peers (null when not asked). */
	record Result(List<ProcessTable.ProcessRecord> processes, Map<Long, Long> peers, String peersProblem) {
	}

	private ProcScan() {
	}

	/** A scan under way; its output waits in the pipe until {@link #finish()} reads it. */
	record Running(Process process, boolean withPeers) {

		/** @return what the scanner found, or {@code null} when it failed */
		Result finish() {
			try {
				byte[] output;
				try (InputStream in = process.getInputStream()) {
					output = in.readAllBytes();
				}
				return process.waitFor() == 0 ? decode(output, withPeers) : null;
			} catch (IOException | RuntimeException e) {
				return null;
			} catch (InterruptedException e) {
				process.destroy();
				Thread.currentThread().interrupt();
				return null;
			}
		}
	}

	/** @return the scan started, or {@code null} when there is no scanner that runs here */
	static Running start(Path proc, boolean withMappings, boolean withPeers) {
		Path executable = NativeHelper.PROC_SCANNER.path();
		if (executable == null) {
			return null;
		}
		List<String> command = new ArrayList<>(List.of(executable.toString(), proc.toString()));
		if (withMappings) {
			command.add("maps");
		}
		if (withPeers) {
			command.add("peers");
		}
		try {
			return new Running(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
					.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start(), withPeers);
		} catch (IOException | RuntimeException e) {
			// cannot run here (other architecture, noexec mount...): the Java scan does the same
			return null;
		}
	}

	/** @return what the scanner found, or {@code null} when it is missing or failed */
	static Result run(Path proc, boolean withMappings, boolean withPeers) {
		Running running = start(proc, withMappings, withPeers);
		return running == null ? null : running.finish();
	}

	/** Decodes the NUL-ended fields the scanner prints (see its source for the records). */
	static Result decode(byte[] output, boolean withPeers) {
		Fields fields = new Fields(output);
		List<ProcessTable.ProcessRecord> processes = new ArrayList<>();
		Map<Long, Long> peers = withPeers ? new HashMap<>() : null;
		String peersProblem = null;
		long pid = -1;
		String name = null;
		boolean hidden = false;
		List<ProcessTable.Descriptor> descriptors = null;
		List<ProcessTable.Mapping> mappings = null;
		while (fields.hasMore()) {
			byte tag = fields.tag();
			switch (tag) {
			case 'p' -> {
				if (descriptors != null) {
					processes.add(new ProcessTable.ProcessRecord(pid, name, descriptors, mappings, hidden));
				}
				pid = fields.number();
				hidden = fields.number() != 0;
				name = fields.name().strip();
				descriptors = new ArrayList<>();
				mappings = new ArrayList<>(0);
			}
			case 'f' -> {
				int fd = (int) fields.number();
				int linkMode = (int) fields.number();
				int mode = (int) fields.number();
				long device = fields.number();
				String target = fields.name();
				if (descriptors != null) {
					descriptors.add(new ProcessTable.Descriptor(pid, fd, target, linkMode, mode, device));
				}
			}
			case 'm' -> {
				String permissions = fields.text(StandardCharsets.US_ASCII);
				long length = fields.number();
				long inode = fields.number();
				String path = fields.name();
				if (mappings != null) {
					mappings.add(new ProcessTable.Mapping(pid, path, inode, length, permissions));
				}
			}
			case 'u' -> {
				long inode = fields.number();
				long peer = fields.number();
				if (peers != null) {
					peers.put(inode, peer);
				}
			}
			case 'e' -> peersProblem = fields.text(StandardCharsets.UTF_8);
			default -> throw new IllegalStateException("unknown record '" + (char) tag + "' from the /proc scanner");
			}
		}
		if (descriptors != null) {
			processes.add(new ProcessTable.ProcessRecord(pid, name, descriptors, mappings, hidden));
		}
		return new Result(processes, peers, peersProblem);
	}

	/** A cursor over NUL-ended fields, decoding numbers without making Strings of them. */
	private static final class Fields {

		private final byte[] bytes;
		private int at;

		Fields(byte[] bytes) {
			this.bytes = bytes;
		}

		boolean hasMore() {
			return at < bytes.length;
		}

		private int end() {
			for (int i = at; i < bytes.length; i++) {
				if (bytes[i] == 0) {
					return i;
				}
			}
			throw new IllegalStateException("the /proc scanner's output ends in the middle of a field");
		}

		byte tag() {
			int end = end();
			byte tag = end - at == 1 ? bytes[at] : 0;
			at = end + 1;
			return tag;
		}

		long number() {
			int end = end();
			boolean negative = end > at && bytes[at] == '-';
			long value = 0;
			for (int i = negative ? at + 1 : at; i < end; i++) {
				int digit = bytes[i] - '0';
				if (digit < 0 || digit > 9) {
					throw new IllegalStateException("not a number from the /proc scanner");
				}
				value = value * 10 + digit;
			}
			at = end + 1;
			return negative ? -value : value;
		}

		/** A name the system gave: every byte kept ({@link NameBytes}), so that it opens again. */
		String name() {
			int end = end();
			String text = NameBytes.decode(bytes, at, end - at);
			at = end + 1;
			return text;
		}

		String text(Charset charset) {
			int end = end();
			String text = new String(bytes, at, end - at, charset);
			at = end + 1;
			return text;
		}
	}
}
