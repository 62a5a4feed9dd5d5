package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.core.text.NameBytes;

/**
 * Unix domain sockets from /proc/net/unix, with peers from sock_diag and owners from the
 * processes' descriptors ({@code socket:[inode]}). Abstract names are shown with a leading @.
 */
final class UnixSocketCollector implements Collector {

	private static final int SO_ACCEPTCON = 0x10000;

	private final Path table;

	UnixSocketCollector(Path table) {
		this.table = table;
	}

	@Override
	public Set<IpcKind> kinds() {
		return Set.of(IpcKind.UNIX_SOCKET);
	}

	@Override
	public void collect(InventoryRequest request, ProcessTable processes, List<IpcObject> out, List<String> problems) {
		List<String> lines;
		try {
			// socket paths are bytes: a name that is not UTF-8 must neither fail the table nor lose a byte
			lines = NameBytes.decode(Files.readAllBytes(table)).lines().toList();
		} catch (IOException | SecurityException e) {
			problems.add(table + ": " + e.getMessage());
			return;
		}
		Map<Long, String> names = new HashMap<>();
		List<UnixSocketLine> sockets = lines.stream().skip(1).map(UnixSocketLine::parse).filter(s -> s != null).toList();
		sockets.forEach(s -> names.put(s.inode(), s.path()));
		Map<Long, Long> peers;
		try {
			peers = processes.unixSocketPeers();
		} catch (RuntimeException | LinkageError e) {
			problems.add("Unix socket peers unknown: " + e.getMessage());
			peers = Map.of();
		}
		for (UnixSocketLine socket : sockets) {
			out.add(describe(socket, peers.get(socket.inode()), names, processes));
		}
	}

	private static IpcObject describe(UnixSocketLine socket, Long peer, Map<Long, String> names, ProcessTable processes) {
		List<Owner> owners = processes.socketOwners(socket.inode());
		Map<String, String> details = new LinkedHashMap<>();
		Map<String, Object> values = new LinkedHashMap<>();
		details.put(IpcObject.INODE, Long.toString(socket.inode()));
		details.put("Type", socket.typeName());
		details.put("State", (socket.flags() & SO_ACCEPTCON) != 0 ? "listening" : socket.stateName());
		values.put("inode", socket.inode());
		values.put("type", details.get("Type"));
		values.put("state", details.get("State"));
		if (peer != null && peer != 0) {
			String peerName = names.get(peer);
			List<Owner> peerOwners = processes.socketOwners(peer);
			details.put("Peer", (peerName == null || peerName.isEmpty() ? "socket:[" + peer + "]" : peerName)
					+ (peerOwners.isEmpty() ? "" : " held by " + peerOwners.stream().map(Owner::describeProcess)
							.distinct().collect(Collectors.joining(", "))));
			values.put("peerInode", peer);
			if (peerName != null && !peerName.isEmpty()) {
				values.put("peerName", peerName);
			}
			List<Long> peerPids = peerOwners.stream().map(Owner::pid).distinct().toList();
			if (!peerPids.isEmpty()) {
				values.put("peerPid", peerPids.get(0));
				values.put("peerPids", peerPids);
			}
		}
		String name = socket.path().isEmpty() ? "socket:[" + socket.inode() + "]" : socket.path();
		String namespace = socket.path().startsWith("@") ? "abstract" : socket.path().isEmpty() ? "unnamed" : "file system";
		return new IpcObject(IpcKind.UNIX_SOCKET, name, namespace, IpcObject.UNKNOWN_SIZE, details, owners, null, values);
	}

	/** One line of /proc/net/unix: "Num RefCount Protocol Flags Type St Inode [Path]". */
	record UnixSocketLine(int flags, int type, int state, long inode, String path) {

		static UnixSocketLine parse(String line) {
			Columns columns = new Columns(line);
			try {
				if (!columns.skip(3)) {
					return null;
				}
				int flags = columns.intValue(16);
				if (!columns.next()) {
					return null;
				}
				int type = columns.intValue(16);
				if (!columns.next()) {
					return null;
				}
				int state = columns.intValue(16);
				if (!columns.next()) {
					return null;
				}
				return new UnixSocketLine(flags, type, state, columns.longValue(), columns.rest());
			} catch (NumberFormatException e) {
				return null;
			}
		}

		String typeName() {
			return switch (type) {
			case 1 -> "stream";
			case 2 -> "datagram";
			case 5 -> "seqpacket";
			default -> "type " + type;
			};
		}

		String stateName() {
			return switch (state) {
			case 1 -> "unconnected";
			case 2 -> "connecting";
			case 3 -> "connected";
			case 4 -> "disconnecting";
			default -> "state " + state;
			};
		}
	}
}
