package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;

/**
 * TCP and UDP endpoints that local processes can talk to each other over: bound to or connected
 * to a loopback address, or listening on every address (which includes loopback). Read from
 * /proc/net/{tcp,tcp6,udp,udp6}; owners from the processes' {@code socket:[inode]} descriptors.
 */
final class InetCollector implements Collector {

	private static final String[] TCP_STATES = { "?", "established", "syn-sent", "syn-received", "fin-wait-1",
			"fin-wait-2", "time-wait", "closed", "close-wait", "last-ack", "listening", "closing" };
	private static final int TCP_LISTEN = 0x0A;
	private static final int UDP_UNCONNECTED = 0x07;

	private final Path net;

	InetCollector(Path net) {
		this.net = net;
	}

	@Override
	public Set<IpcKind> kinds() {
		return EnumSet.of(IpcKind.TCP, IpcKind.UDP);
	}

	@Override
	public void collect(InventoryRequest request, ProcessTable processes, List<IpcObject> out, List<String> problems) {
		// every table first: the owners' look-up waits for the /proc scan, which runs meanwhile
		List<Endpoint> tcp = new ArrayList<>();
		List<Endpoint> udp = new ArrayList<>();
		if (request.wants(IpcKind.TCP)) {
			read("tcp", IpcKind.TCP, tcp, problems);
			read("tcp6", IpcKind.TCP, tcp, problems);
		}
		if (request.wants(IpcKind.UDP)) {
			read("udp", IpcKind.UDP, udp, problems);
			read("udp6", IpcKind.UDP, udp, problems);
		}
		tcp.forEach(endpoint -> out.add(describe(IpcKind.TCP, endpoint, processes)));
		udp.forEach(endpoint -> out.add(describe(IpcKind.UDP, endpoint, processes)));
	}

	private void read(String file, IpcKind kind, List<Endpoint> endpoints, List<String> problems) {
		List<String> lines;
		try {
			lines = Files.readAllLines(net.resolve(file));
		} catch (NoSuchFileException e) {
			// no IPv6 in this kernel: nothing to list there
			return;
		} catch (IOException | SecurityException e) {
			problems.add(net.resolve(file) + ": " + e.getMessage());
			return;
		}
		for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
			Endpoint endpoint = Endpoint.parse(line);
			if (endpoint != null && endpoint.isLocalTraffic(kind)) {
				endpoints.add(endpoint);
			}
		}
	}

	private static IpcObject describe(IpcKind kind, Endpoint endpoint, ProcessTable processes) {
		boolean waiting = endpoint.isWaiting(kind);
		String name = endpoint.name(kind);
		Map<String, String> details = new LinkedHashMap<>();
		details.put("Local", endpoint.local());
		details.put("Remote", waiting ? "-" : endpoint.remote());
		details.put("State", kind == IpcKind.TCP ? tcpState(endpoint.state()) : waiting ? "unconnected" : "connected");
		details.put("Queues (tx/rx)", endpoint.queues());
		details.put(IpcObject.INODE, Long.toString(endpoint.inode()));
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("localAddress", Endpoint.host(endpoint.localAddress()));
		values.put("localPort", endpoint.localPort());
		if (!waiting) {
			values.put("remoteAddress", Endpoint.host(endpoint.remoteAddress()));
			values.put("remotePort", endpoint.remotePort());
		}
		values.put("state", details.get("State"));
		int slash = endpoint.queues().indexOf('/');
		values.put("txQueue", Long.parseLong(endpoint.queues(), 0, slash, 16));
		values.put("rxQueue", Long.parseLong(endpoint.queues(), slash + 1, endpoint.queues().length(), 16));
		values.put("inode", endpoint.inode());
		String problem = endpoint.inode() == 0 ? "no process holds it (closing)" : null;
		return new IpcObject(kind, name, endpoint.ipv6() ? "IPv6" : "IPv4", IpcObject.UNKNOWN_SIZE, details,
				processes.socketOwners(endpoint.inode()), problem, values);
	}

	private static String tcpState(int state) {
		return state < TCP_STATES.length ? TCP_STATES[state] : "state " + state;
	}

	/**
	 * One line of /proc/net/tcp*: "sl local rem st tx:rx tr:when retrnsmt uid timeout inode".
	 * Addresses are 4 or 16 bytes; an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is kept as its
	 * IPv4 address, as {@code InetAddress.getByAddress} would (whose class initialisation costs
	 * the command line more than the whole parse).
	 */
	record Endpoint(byte[] localAddress, int localPort, byte[] remoteAddress, int remotePort, int state,
			String queues, long inode, boolean ipv6) {

		static Endpoint parse(String line) {
			Columns columns = new Columns(line);
			try {
				if (!columns.skip(1)) {
					return null;
				}
				String local = columns.text();
				String remote = columns.next() ? columns.text() : null;
				int state = columns.next() ? columns.intValue(16) : -1;
				String queues = columns.next() ? columns.text().replace(':', '/') : null;
				if (queues == null || !columns.skip(4)) {
					return null;
				}
				long inode = columns.longValue();
				int localColon = local.indexOf(':');
				int remoteColon = remote.indexOf(':');
				return new Endpoint(address(local, localColon), Integer.parseInt(local, localColon + 1, local.length(), 16),
						address(remote, remoteColon), Integer.parseInt(remote, remoteColon + 1, remote.length(), 16),
						state, queues, inode, localColon == 32);
			} catch (RuntimeException e) {
				return null;
			}
		}

		/**
		 * The address before {@code end} in "0100007F:1F90"; the kernel prints each 32-bit word of
		 * it in host (little-endian) order.
		 */
		static byte[] address(String hex, int end) {
			if (end != 8 && end != 32) {
				throw new IllegalArgumentException("not an address: " + hex);
			}
			byte[] bytes = new byte[end / 2];
			for (int word = 0; word < bytes.length / 4; word++) {
				for (int i = 0; i < 4; i++) {
					int at = (word * 4 + (3 - i)) * 2;
					int high = Character.digit(hex.charAt(at), 16);
					int low = Character.digit(hex.charAt(at + 1), 16);
					if (high < 0 || low < 0) {
						throw new IllegalArgumentException("not an address: " + hex);
					}
					bytes[word * 4 + i] = (byte) (high << 4 | low);
				}
			}
			boolean mapped = bytes.length == 16 && isZero(bytes, 10) && bytes[10] == (byte) 0xff
					&& bytes[11] == (byte) 0xff;
			return mapped ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
		}

		/** @return whether it listens (TCP) or is unconnected (UDP): it has no remote end */
		boolean isWaiting(IpcKind kind) {
			return kind == IpcKind.TCP ? state == TCP_LISTEN : state == UDP_UNCONNECTED;
		}

		/** @return its name as {@code list} shows it: "local" or "local -> remote" */
		String name(IpcKind kind) {
			return local() + (isWaiting(kind) ? "" : " -> " + remote());
		}

		boolean isLocalTraffic(IpcKind kind) {
			boolean waiting = isWaiting(kind);
			return isLoopback(localAddress) || isLoopback(remoteAddress)
					|| (waiting && isZero(localAddress, localAddress.length));
		}

		/** 127.0.0.0/8 or ::1 (an IPv4 loopback peer of a dual-stack socket is an IPv4 address here). */
		private static boolean isLoopback(byte[] address) {
			return address.length == 4 ? address[0] == 127 : isZero(address, 15) && address[15] == 1;
		}

		private static boolean isZero(byte[] bytes, int length) {
			for (int i = 0; i < length; i++) {
				if (bytes[i] != 0) {
					return false;
				}
			}
			return true;
		}

		String local() {
			return format(localAddress, localPort);
		}

		String remote() {
			return format(remoteAddress, remotePort);
		}

		/** "127.0.0.1:80" or "[0:0:0:0:0:0:0:1]:80", the address as {@code getHostAddress} writes it. */
		private static String format(byte[] address, int port) {
			String host = host(address);
			return (address.length == 4 ? host : '[' + host + ']') + ':' + port;
		}

		/** "127.0.0.1" or "0:0:0:0:0:0:0:1", as {@code getHostAddress} writes it. */
		static String host(byte[] address) {
			StringBuilder text = new StringBuilder(40);
			if (address.length == 4) {
				for (int i = 0; i < 4; i++) {
					text.append(i == 0 ? "" : ".").append(address[i] & 0xff);
				}
			} else {
				for (int group = 0; group < 8; group++) {
					text.append(group == 0 ? "" : ":")
							.append(Integer.toHexString((address[2 * group] & 0xff) << 8 | address[2 * group + 1] & 0xff));
				}
			}
			return text.toString();
		}
	}
}
