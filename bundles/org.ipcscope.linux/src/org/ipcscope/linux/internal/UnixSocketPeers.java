package org.ipcscope.linux.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Peer inodes of Unix sockets, from the kernel's sock_diag netlink interface (what ss -x uses):
 * /proc/net/unix does not tell which socket is connected to which.
 */
final class UnixSocketPeers {

	private static final int AF_NETLINK = 16;
	private static final int AF_UNIX = 1;
	private static final int SOCK_DGRAM = 2;
	private static final int NETLINK_SOCK_DIAG = 4;
	private static final short SOCK_DIAG_BY_FAMILY = 20;
	private static final short NLM_F_REQUEST = 0x1;
	private static final short NLM_F_DUMP = 0x300;
	private static final int NLMSG_ERROR = 2;
	private static final int NLMSG_DONE = 3;
	private static final int UDIAG_SHOW_PEER = 0x4;
	private static final int UNIX_DIAG_PEER = 2;
	private static final int NLMSG_HEADER = 16;
	private static final int UNIX_DIAG_MSG = 16;

	interface LibC extends Library {
		int socket(int domain, int type, int protocol);

		long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength);

		long recv(int fd, byte[] buffer, long length, int flags);

		int close(int fd);
	}

	private static volatile LibC libc;

	private UnixSocketPeers() {
	}

	/**
	 * @return socket inode to peer inode
	 * @throws IllegalStateException with a message fit for the user when the kernel refuses
	 */
	static Map<Long, Long> read() {
		LibC c = libc();
		int fd = c.socket(AF_NETLINK, SOCK_DGRAM, NETLINK_SOCK_DIAG);
		if (fd < 0) {
			throw new IllegalStateException("netlink sock_diag unavailable (errno " + Native.getLastError() + ")");
		}
		try {
			byte[] request = request();
			byte[] kernel = new byte[12];
			ByteBuffer.wrap(kernel).order(ByteOrder.nativeOrder()).putShort((short) AF_NETLINK);
			if (c.sendto(fd, request, request.length, 0, kernel, kernel.length) < 0) {
				throw new IllegalStateException("netlink request refused (errno " + Native.getLastError() + ")");
			}
			return receive(c, fd);
		} finally {
			c.close(fd);
		}
	}

	private static LibC libc() {
		LibC loaded = libc;
		if (loaded == null) {
			loaded = Native.load("c", LibC.class);
			libc = loaded;
		}
		return loaded;
	}

	private static byte[] request() {
		ByteBuffer buffer = ByteBuffer.allocate(NLMSG_HEADER + 24).order(ByteOrder.nativeOrder());
		buffer.putInt(NLMSG_HEADER + 24).putShort(SOCK_DIAG_BY_FAMILY).putShort((short) (NLM_F_REQUEST | NLM_F_DUMP))
				.putInt(1).putInt(0);
		buffer.put((byte) AF_UNIX).put((byte) 0).putShort((short) 0).putInt(-1).putInt(0).putInt(UDIAG_SHOW_PEER)
				.putInt(-1).putInt(-1);
		return buffer.array();
	}

	private static Map<Long, Long> receive(LibC c, int fd) {
		Map<Long, Long> peers = new HashMap<>();
		byte[] buffer = new byte[64 * 1024];
		while (true) {
			long read = c.recv(fd, buffer, buffer.length, 0);
			if (read <= 0) {
				throw new IllegalStateException("netlink reply ended early (errno " + Native.getLastError() + ")");
			}
			if (decode(ByteBuffer.wrap(buffer, 0, (int) read).order(ByteOrder.nativeOrder()), peers)) {
				return peers;
			}
		}
	}

	/** Decodes one datagram of replies; @return true when the dump is complete. */
	static boolean decode(ByteBuffer data, Map<Long, Long> peers) {
		while (data.remaining() >= NLMSG_HEADER) {
			int start = data.position();
			int length = data.getInt(start);
			int type = Short.toUnsignedInt(data.getShort(start + 4));
			if (length < NLMSG_HEADER || start + length > data.limit()) {
				throw new IllegalStateException("malformed netlink reply");
			}
			if (type == NLMSG_DONE) {
				return true;
			}
			if (type == NLMSG_ERROR) {
				throw new IllegalStateException("netlink error " + -data.getInt(start + NLMSG_HEADER));
			}
			if (type == SOCK_DIAG_BY_FAMILY) {
				long inode = Integer.toUnsignedLong(data.getInt(start + NLMSG_HEADER + 4));
				int attribute = start + NLMSG_HEADER + UNIX_DIAG_MSG;
				int end = start + length;
				while (attribute + 4 <= end) {
					int attributeLength = Short.toUnsignedInt(data.getShort(attribute));
					int attributeType = Short.toUnsignedInt(data.getShort(attribute + 2));
					if (attributeLength < 4) {
						break;
					}
					if (attributeType == UNIX_DIAG_PEER && attributeLength >= 8) {
						peers.put(inode, Integer.toUnsignedLong(data.getInt(attribute + 4)));
					}
					attribute += (attributeLength + 3) & ~3;
				}
			}
			data.position(start + ((length + 3) & ~3));
		}
		return false;
	}
}
