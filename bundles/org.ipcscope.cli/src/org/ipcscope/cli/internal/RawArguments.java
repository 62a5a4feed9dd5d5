package org.ipcscope.cli.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ipcscope.core.text.NameBytes;

/**
 * The arguments byte for byte. The JVM decodes argv in the locale's charset and turns a byte
 * that is not UTF-8 into U+FFFD, so {@code hex $'/a\xff'} would ask for another name. Linux keeps
 * the bytes in /proc/self/cmdline, the arguments last: they are taken from there
 * ({@link NameBytes}: such a byte becomes U+DC00+byte), once checked to decode to what the JVM
 * gave, else the JVM's own are used.
 */
final class RawArguments {

	private static final Charset JVM_ARGUMENTS = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"),
			StandardCharsets.UTF_8);

	private RawArguments() {
	}

	static List<String> of(String[] args) {
		// what UTF-8 decoded without a replacement is exact already: most calls need not read /proc
		if (JVM_ARGUMENTS.equals(StandardCharsets.UTF_8) && Arrays.stream(args).noneMatch(a -> a.indexOf('\uFFFD') >= 0)) {
			return List.of(args);
		}
		try {
			return of(Files.readAllBytes(Path.of("/proc/self/cmdline")), args);
		} catch (IOException | RuntimeException e) {
			// no /proc (another system): the JVM's decoding is all there is
			return List.of(args);
		}
	}

	/** @param cmdline NUL-ended arguments of this process, {@code args} among them last */
	static List<String> of(byte[] cmdline, String[] args) {
		List<byte[]> all = new ArrayList<>();
		for (int start = 0, end; start < cmdline.length; start = end + 1) {
			for (end = start; end < cmdline.length && cmdline[end] != 0; end++) {
			}
			all.add(Arrays.copyOfRange(cmdline, start, end));
		}
		if (all.size() < args.length) {
			return List.of(args);
		}
		List<byte[]> last = all.subList(all.size() - args.length, all.size());
		List<String> raw = new ArrayList<>(args.length);
		for (int i = 0; i < args.length; i++) {
			if (!new String(last.get(i), JVM_ARGUMENTS).equals(args[i])) {
				return List.of(args);
			}
			raw.add(NameBytes.decode(last.get(i)));
		}
		return List.copyOf(raw);
	}
}
