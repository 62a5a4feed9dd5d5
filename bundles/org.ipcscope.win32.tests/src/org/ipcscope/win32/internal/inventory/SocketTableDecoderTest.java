package org.ipcscope.win32.internal.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The owner pids Windows puts in its TCP and UDP tables, which Wine 8 leaves 0: the decoder is
 * tested on tables laid out as documented.
 */
class SocketTableDecoderTest {

	private static ByteBuffer table(int rows, int rowSize) {
		ByteBuffer buffer = ByteBuffer.allocate(4 + rows * rowSize + 3).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putInt(0, rows);
		return buffer;
	}

	/** Addresses as stored: network byte order. */
	private static void address(ByteBuffer buffer, int at, String address) throws Exception {
		buffer.put(at, InetAddress.getByName(address).getAddress());
	}

	/** A port DWORD: the port in network byte order in its first two bytes, garbage after. */
	private static void port(ByteBuffer buffer, int at, int port) {
		buffer.put(at, (byte) (port >> 8));
		buffer.put(at + 1, (byte) port);
		buffer.put(at + 2, (byte) 0xAB);
		buffer.put(at + 3, (byte) 0xCD);
	}

	@Test
	void tcp4RowsWithStateAndOwner() throws Exception {
		ByteBuffer buffer = table(2, 24);
		buffer.putInt(4, 2);
		address(buffer, 8, "127.0.0.1");
		port(buffer, 12, 50051);
		address(buffer, 16, "0.0.0.0");
		port(buffer, 20, 0);
		buffer.putInt(24, 4321);
		buffer.putInt(28, 5);
		address(buffer, 32, "127.0.0.1");
		port(buffer, 36, 49152);
		address(buffer, 40, "127.0.0.1");
		port(buffer, 44, 50051);
		buffer.putInt(48, 99);

		List<SocketEndpoint> rows = SocketTableDecoder.tcp4(buffer);

		assertEquals(List.of(
				new SocketEndpoint(true, InetAddress.getByName("127.0.0.1"), 50051, InetAddress.getByName("0.0.0.0"), 0, 2,
						4321),
				new SocketEndpoint(true, InetAddress.getByName("127.0.0.1"), 49152, InetAddress.getByName("127.0.0.1"),
						50051, 5, 99)), rows);
		assertEquals("listening", rows.get(0).describeState());
		assertEquals("127.0.0.1:49152", rows.get(1).local());
		assertEquals("established", rows.get(1).describeState());
	}

	@Test
	void tcp6RowWithScopeIds() throws Exception {
		ByteBuffer buffer = table(1, 56);
		address(buffer, 4, "::1");
		buffer.putInt(20, 3);
		port(buffer, 24, 8080);
		address(buffer, 28, "::1");
		buffer.putInt(44, 3);
		port(buffer, 48, 61000);
		buffer.putInt(52, 5);
		buffer.putInt(56, 0xFFFFFFF0);

		SocketEndpoint row = SocketTableDecoder.tcp6(buffer).get(0);

		assertEquals(new SocketEndpoint(true, InetAddress.getByName("::1"), 8080, InetAddress.getByName("::1"), 61000, 5,
				0xFFFFFFF0L), row);
		assertEquals("[0:0:0:0:0:0:0:1]:8080", row.local());
	}

	@Test
	void udp4AndUdp6Rows() throws Exception {
		ByteBuffer v4 = table(1, 12);
		address(v4, 4, "127.0.0.53");
		port(v4, 8, 53);
		v4.putInt(12, 1200);
		ByteBuffer v6 = table(1, 28);
		address(v6, 4, "::");
		port(v6, 24, 5353);
		v6.putInt(28, 1300);

		assertEquals(List.of(new SocketEndpoint(false, InetAddress.getByName("127.0.0.53"), 53, null, 0, 0, 1200)),
				SocketTableDecoder.udp4(v4));
		assertEquals(List.of(new SocketEndpoint(false, InetAddress.getByName("::"), 5353, null, 0, 0, 1300)),
				SocketTableDecoder.udp6(v6));
	}

	@Test
	void rejectsACountTheBufferCannotHold() {
		ByteBuffer buffer = table(1, 24);
		buffer.putInt(0, 2);

		assertThrows(IllegalArgumentException.class, () -> SocketTableDecoder.tcp4(buffer));
		assertThrows(IllegalArgumentException.class, () -> SocketTableDecoder.udp6(ByteBuffer.allocate(2)));
	}

	@Test
	void whatCountsAsLocalTraffic() throws Exception {
		InetAddress any = InetAddress.getByName("0.0.0.0");
		InetAddress lan = InetAddress.getByName("192.168.1.2");
		InetAddress loop = InetAddress.getByName("127.3.4.5");
		InetAddress mapped = InetAddress.getByAddress(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 127, 0, 0, 1 });

		assertEquals(true, new SocketEndpoint(true, any, 80, any, 0, SocketEndpoint.LISTEN, 1).isLocalTraffic());
		assertEquals(false, new SocketEndpoint(true, lan, 80, lan, 0, SocketEndpoint.LISTEN, 1).isLocalTraffic());
		assertEquals(true, new SocketEndpoint(true, loop, 80, loop, 5000, 5, 1).isLocalTraffic());
		assertEquals(false, new SocketEndpoint(true, lan, 80, InetAddress.getByName("8.8.8.8"), 53, 5, 1).isLocalTraffic());
		assertEquals(true, new SocketEndpoint(false, any, 53, null, 0, 0, 1).isLocalTraffic());
		assertEquals(true, new SocketEndpoint(false, mapped, 53, null, 0, 0, 1).isLocalTraffic());
		assertEquals(true, new SocketEndpoint(true, InetAddress.getByName("::"), 80, InetAddress.getByName("::"), 0,
				SocketEndpoint.LISTEN, 1).isIpv6());
	}
}
