package org.ipcscope.win32.internal.inventory;

import java.net.InetAddress;

/**
 * One row of the TCP or UDP table.
 *
 * @param state MIB_TCP_STATE for TCP (2 listening, 5 established...); 0 for UDP
 * @param pid   the owning process, 0 when the system names none
 */
record SocketEndpoint(boolean tcp, InetAddress localAddress, int localPort, InetAddress remoteAddress,
		int remotePort, int state, long pid) {

	static final int LISTEN = 2;
	static final int TIME_WAIT = 11;

	private static final String[] TCP_STATES = { "?", "closed", "listening", "syn-sent", "syn-received",
			"established", "fin-wait-1", "fin-wait-2", "close-wait", "closing", "last-ack", "time-wait", "delete-tcb" };

	/** Listening TCP sockets and UDP sockets wait for anybody; they have no remote end. */
	boolean isWaiting() {
		return !tcp || state == LISTEN;
	}

	/** Loopback at either end, or waiting on every address (which includes loopback). */
	boolean isLocalTraffic() {
		return isLoopback(localAddress) || (!isWaiting() && isLoopback(remoteAddress))
				|| (isWaiting() && localAddress.isAnyLocalAddress());
	}

	boolean isIpv6() {
		return localAddress.getAddress().length == 16;
	}

	String describeState() {
		if (!tcp) {
			return "unconnected";
		}
		return state > 0 && state < TCP_STATES.length ? TCP_STATES[state] : "state " + state;
	}

	String local() {
		return format(localAddress, localPort);
	}

	String remote() {
		return format(remoteAddress, remotePort);
	}

	private static boolean isLoopback(InetAddress address) {
		if (address.isLoopbackAddress()) {
			return true;
		}
		// ::ffff:127.x.y.z: an IPv4 loopback peer seen by a dual-stack socket
		byte[] b = address.getAddress();
		if (b.length != 16 || b[10] != (byte) 0xff || b[11] != (byte) 0xff || b[12] != 127) {
			return false;
		}
		for (int i = 0; i < 10; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static String format(InetAddress address, int port) {
		String host = address.getHostAddress();
		return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
	}
}
