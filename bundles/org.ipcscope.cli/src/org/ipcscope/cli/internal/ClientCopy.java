package org.ipcscope.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;

import org.ipcscope.core.internal.ProgramCopies;

/**
 * The native client where the script looks for it (named by the build), kept by the server that
 * runs: written at its start when missing or different from this bundle's, and looked at again
 * whenever the file changes while it serves. The script runs the client only while a server's
 * socket exists, after checking no one else could have changed it: so what it runs is what this
 * bundle packs.
 */
final class ClientCopy {

	private final Path target;
	private final byte[] program;
	private Object stamp;

	private ClientCopy(Path target, byte[] program) {
		this.target = target.toAbsolutePath();
		this.program = program;
	}

	/** @return the client of this build for this machine, or {@code null} if it has none */
	static ClientCopy of(Path target) throws IOException {
		try (InputStream in = ClientCopy.class
				.getResourceAsStream("/native/" + System.getProperty("os.arch") + "/ipcscope-client")) {
			return in == null ? null : new ClientCopy(target, in.readAllBytes());
		}
	}

	/** Writes the copy if it is missing, changed or unsafe; removes the copies of this product's earlier builds. */
	void keep() throws IOException {
		Object now = stamp(target);
		if (stamp != null && stamp.equals(now)) {
			return;
		}
		if (!ProgramCopies.isIntact(target) || !Arrays.equals(Files.readAllBytes(target), program)) {
			ProgramCopies.write(target, program);
			String name = target.getFileName().toString();
			ProgramCopies.removeOthers(target, name.substring(0, name.lastIndexOf('-') + 1));
		}
		stamp = stamp(target);
	}

	/** The file's identity, size, times, owner and mode: any write, replacement or chmod changes it. */
	private static Object stamp(Path file) {
		try {
			return Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime,uid,mode", LinkOption.NOFOLLOW_LINKS);
		} catch (IOException e) {
			return "gone";
		}
	}
}
