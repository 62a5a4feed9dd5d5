package org.ipcscope.win32.internal.inventory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the tables GetExtendedTcpTable and GetExtendedUdpTable fill: a DWORD dwNumEntries, then
 * the rows from offset 4. Addresses are in network byte order as stored; ports are DWORDs whose
 * first two bytes hold the port in network byte order.
 * <ul>
 * <li>MIB_TCPROW_OWNER_PID, 24 bytes: dwState@0, dwLocalAddr@4, dwLocalPort@8, dwRemoteAddr@12,
 * dwRemotePort@16, dwOwningPid@20 (TCP_TABLE_OWNER_PID_ALL, AF_INET)</li>
 * <li>MIB_TCP6ROW_OWNER_PID, 56 bytes: ucLocalAddr[16]@0, dwLocalScopeId@16, dwLocalPort@20,
 * ucRemoteAddr[16]@24, dwRemoteScopeId@40, dwRemotePort@44, dwState@48, dwOwningPid@52</li>
 * <li>MIB_UDPROW_OWNER_PID, 12 bytes: dwLocalAddr@0, dwLocalPort@4, dwOwningPid@8
 * (UDP_TABLE_OWNER_PID, AF_INET)</li>
 * <li>MIB_UDP6ROW_OWNER_PID, 28 bytes: ucLocalAddr[16]@0, dwLocalScopeId@16, dwLocalPort@20,
 * dwOwningPid@24</li>
 * </ul>
 */
final class SocketTableDecoder {

	static final int TCP4_ROW = 24;
	static final int TCP6_ROW = 56;
	static final int UDP4_ROW = 12;
	static final int UDP6_ROW = 28;

	private SocketTableDecoder() {
	}

	static List<SocketEndpoint> tcp4(ByteBuffer buffer) {
		ByteBuffer in = rows(buffer, TCP4_ROW);
		List<SocketEndpoint> rows = new ArrayList<>();
		for (int at = 4, n = count(in); n > 0; n--, at += TCP4_ROW) {
			rows.add(new SocketEndpoint(true, address(in, at + 4, 4), port(in, at + 8), address(in, at + 12, 4),
					port(in, at + 16), in.getInt(at), pid(in, at + 20)));
		}
		return rows;
	}

	static List<SocketEndpoint> tcp6(ByteBuffer buffer) {
		ByteBuffer in = rows(buffer, TCP6_ROW);
		List<SocketEndpoint> rows = new ArrayList<>();
		for (int at = 4, n = count(in); n > 0; n--, at += TCP6_ROW) {
			rows.add(new SocketEndpoint(true, address(in, at, 16), port(in, at + 20), address(in, at + 24, 16),
					port(in, at + 44), in.getInt(at + 48), pid(in, at + 52)));
		}
		return rows;
	}

	static List<SocketEndpoint> udp4(ByteBuffer buffer) {
		ByteBuffer in = rows(buffer, UDP4_ROW);
		List<SocketEndpoint> rows = new ArrayList<>();
		for (int at = 4, n = count(in); n > 0; n--, at += UDP4_ROW) {
			rows.add(new SocketEndpoint(false, address(in, at, 4), port(in, at + 4), null, 0, 0, pid(in, at + 8)));
		}
		return rows;
	}

	static List<SocketEndpoint> udp6(ByteBuffer buffer) {
		ByteBuffer in = rows(buffer, UDP6_ROW);
		List<SocketEndpoint> rows = new ArrayList<>();
		for (int at = 4, n = count(in); n > 0; n--, at += UDP6_ROW) {
			rows.add(new SocketEndpoint(false, address(in, at, 16), port(in, at + 20), null, 0, 0, pid(in, at + 24)));
		}
		return rows;
	}

	/** @throws IllegalArgumentException if the count claims more rows than the buffer holds */
	private static ByteBuffer rows(ByteBuffer buffer, int rowSize) {
		ByteBuffer in = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (in.limit() < 4) {
			throw new IllegalArgumentException("socket table needs 4 bytes");
		}
		long count = Integer.toUnsignedLong(in.getInt(0));
		if (count > (in.limit() - 4) / rowSize) {
			throw new IllegalArgumentException(count + " rows of " + rowSize + " bytes do not fit in " + in.limit());
		}
		return in;
	}

	private static int count(ByteBuffer in) {
		return in.getInt(0);
	}

	private static InetAddress address(ByteBuffer in, int at, int length) {
		byte[] bytes = new byte[length];
		in.get(at, bytes);
		try {
			return InetAddress.getByAddress(bytes);
		} catch (UnknownHostException e) {
			throw new IllegalArgumentException(e);
		}
	}

	private static int port(ByteBuffer in, int at) {
		return (Byte.toUnsignedInt(in.get(at)) << 8) | Byte.toUnsignedInt(in.get(at + 1));
	}

	private static long pid(ByteBuffer in, int at) {
		return Integer.toUnsignedLong(in.getInt(at));
	}
}
