package org.ipcscope.linux.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.zip.CRC32;

import org.ipcscope.core.internal.ProgramCopies;
import org.ipcscope.core.internal.TrustedPaths;

/**
 * A helper program compiled with this bundle for the machine's architecture, at
 * {@code native/ARCH/NAME} inside it. A bundle packed as a jar cannot run it from there: it is
 * copied once into the user's cache directory, named by its checksum so that versions never mix
 * (or, from a jar file, by that jar's path, size and time: see {@link #copyOfJar}). A program runs
 * only if no one but this user or root could have changed it ({@link ProgramCopies#check}): a
 * cache directory of another user's (root with {@code HOME} or {@code XDG_CACHE_HOME} of a user's)
 * gets no copy, and the Java code does the work.
 * Setting the system property {@code ipcscope.native=false} turns the helpers off (the Java
 * code then does the same work, slower).
 */
final class NativeHelper {

	static final NativeHelper PROC_SCANNER = new NativeHelper("ipcscope-proc");
	/** The traffic tracer (LinuxTrafficCapturer). */
	static final NativeHelper TRACER = new NativeHelper("ipcscope-trace");

	private final String name;
	/** The cache directory; {@code null} for the user's ({@code $XDG_CACHE_HOME} or {@code ~/.cache}). */
	private final Path cache;
	private volatile Optional<Path> located;

	private NativeHelper(String name) {
		this(name, null);
	}

	NativeHelper(String name, Path cache) {
		this.name = name;
		this.cache = cache;
	}

	/** @return the program to run, or {@code null} when there is none for this machine */
	Path path() {
		Optional<Path> path = located;
		if (path == null) {
			path = Optional.ofNullable(locate());
			located = path;
		}
		return path.orElse(null);
	}

	private Path locate() {
		if ("false".equals(System.getProperty("ipcscope.native"))) {
			return null;
		}
		URL url = NativeHelper.class.getResource("/native/" + System.getProperty("os.arch") + "/" + name);
		return url == null ? null : locate(url);
	}

	/** @return the program at {@code url} where it can run, or {@code null} */
	Path locate(URL url) {
		try {
			if ("file".equals(url.getProtocol())) {
				// a bundle unpacked (the IDE, tests): runs where it is if no one else could have changed it
				Path file = Path.of(url.toURI());
				if (Files.isExecutable(file) && trusted(file)) {
					return file;
				}
			}
			Path copy = copyOfJar(url);
			if (copy != null && ProgramCopies.isIntact(copy)) {
				return copy;
			}
			byte[] program;
			URLConnection connection = url.openConnection();
			connection.setUseCaches(false); // a jar file kept open would not show a rebuilt jar
			try (InputStream in = connection.getInputStream()) {
				program = in.readAllBytes();
			}
			Path file = cached(program, copy);
			if (copy != null) {
				// each build of the jar is a new name: the earlier ones would only pile up
				String name = copy.getFileName().toString();
				ProgramCopies.removeOthers(copy, name.substring(0, name.lastIndexOf('-', name.lastIndexOf('-') - 1) + 1));
			}
			return file;
		} catch (IOException | URISyntaxException | RuntimeException e) {
			return null;
		}
	}

	/**
	 * Where the copy of a helper packed in a jar on the class path (the command line's case) is
	 * kept, named after that jar's path, size and time: a script's run then finds it with one stat
	 * instead of inflating and comparing it (tens of milliseconds of a cold JVM's start).
	 *
	 * @return that path, or {@code null} when the helper does not come from a jar file
	 */
	private Path copyOfJar(URL url) throws IOException, URISyntaxException {
		String spec = url.toString();
		int separator = spec.indexOf("!/");
		if (!"jar".equals(url.getProtocol()) || separator < 0 || !spec.startsWith("jar:file:")) {
			return null;
		}
		Path jar = Path.of(new URI(spec.substring("jar:".length(), separator)));
		BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
		CRC32 crc = new CRC32();
		crc.update(jar.toString().getBytes(StandardCharsets.UTF_8));
		return cacheDirectory().resolve(name + "-jar-" + Long.toHexString(crc.getValue()) + "-" + attributes.size() + "-"
				+ attributes.lastModifiedTime().toMillis());
	}

	private Path cacheDirectory() throws IOException {
		if (cache != null) {
			return cache;
		}
		String home = System.getProperty("user.home");
		String xdg = System.getenv("XDG_CACHE_HOME");
		Path directory = (xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(home, ".cache")).resolve("ipcscope");
		if (!directory.isAbsolute()) {
			// no home (user.home is "?" without a passwd entry): nowhere safe to put it
			throw new IOException("no cache directory for " + name);
		}
		return directory;
	}

	/** @param file where to put it, or {@code null} for a name made of its checksum */
	private Path cached(byte[] program, Path file) throws IOException {
		if (file == null) {
			CRC32 crc = new CRC32();
			crc.update(program);
			file = cacheDirectory().resolve(name + "-" + Long.toHexString(crc.getValue()) + "-" + program.length);
		}
		if (!ProgramCopies.isIntact(file)) {
			ProgramCopies.write(file, program);
		}
		return file;
	}

	private static boolean trusted(Path file) {
		try {
			TrustedPaths.checkProgram(file);
			return true;
		} catch (IOException e) {
			return false;
		}
	}
}
