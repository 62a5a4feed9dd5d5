package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.text.NameBytes;

/**
 * A socket's name as {@code list} shows it, from the {@code socket:[INODE]} its descriptor links
 * to: a Unix socket's path (or {@code socket:[INODE]} when it has none), a TCP or UDP endpoint's
 * "local -> remote". Read from the tables of the process's own network namespace, again only
 * when an inode is new (or was just connected or accepted, which changes its name).
 */
final class SocketNames {

	private final Map<Long, String> names = new HashMap<>();

	/** @return the name of the socket {@code link} of process {@code pid}; {@code link} itself when unknown */
	String name(long pid, IpcKind kind, String link) {
		long inode = inode(link);
		if (inode < 0) {
			return link;
		}
		String name = names.get(inode);
		if (name == null) {
			read(pid, kind);
			name = names.get(inode);
			if (name == null) {
				return link; // closed already, or not in the table yet: asked again next time
			}
		}
		return name;
	}

	/** Its name may have changed (connected, accepted): read it again next time. */
	void forget(String link) {
		names.remove(inode(link));
	}

	static long inode(String link) {
		if (!link.startsWith("socket:[") || !link.endsWith("]")) {
			return -1;
		}
		try {
			return Long.parseLong(link, 8, link.length() - 1, 10);
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	private void read(long pid, IpcKind kind) {
		Path net = Path.of("/proc", Long.toString(pid), "net");
		switch (kind) {
		case UNIX_SOCKET -> {
			for (String line : lines(net.resolve("unix"))) {
				UnixSocketCollector.UnixSocketLine socket = UnixSocketCollector.UnixSocketLine.parse(line);
				if (socket != null) {
					names.put(socket.inode(), socket.path().isEmpty() ? "socket:[" + socket.inode() + "]" : socket.path());
				}
			}
		}
		case TCP, UDP -> {
			String table = kind == IpcKind.TCP ? "tcp" : "udp";
			for (String file : List.of(table, table + "6")) {
				for (String line : lines(net.resolve(file))) {
					InetCollector.Endpoint endpoint = InetCollector.Endpoint.parse(line);
					if (endpoint != null && endpoint.inode() != 0) {
						names.put(endpoint.inode(), endpoint.name(kind));
					}
				}
			}
		}
		default -> {
			// pipes and FIFOs are named by their links
		}
		}
	}

	private static List<String> lines(Path table) {
		try {
			// Unix socket paths are bytes: none may be lost
			List<String> lines = NameBytes.decode(Files.readAllBytes(table)).lines().toList();
			return lines.subList(Math.min(1, lines.size()), lines.size());
		} catch (IOException | SecurityException e) {
			return List.of();
		}
	}
}
