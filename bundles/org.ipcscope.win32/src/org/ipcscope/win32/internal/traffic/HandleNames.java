package org.ipcscope.win32.internal.traffic;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.ipcscope.core.IpcKind;

/**
 * What a handle in a target is, from the DLL's announcement of it (op 100): its kind and its name
 * as {@code list} shows it: {@code \\.\pipe\x}, {@code \\.\mailslot\x}, and for TCP
 * {@code 127.0.0.1:5000 -> 127.0.0.1:49152} (UDP: the local end only), as SocketCollector names them.
 */
record HandleNames(IpcKind kind, String name) {

	static final String PIPE_DEVICE = "\\Device\\NamedPipe\\";
	static final String MAILSLOT_DEVICE = "\\Device\\Mailslot\\";
	static final String PIPES = "\\\\.\\pipe\\";
	static final String MAILSLOTS = "\\\\.\\mailslot\\";

	private static final int AF_INET = 2;
	private static final int AF_INET6 = 23;
	private static final int SOCKADDR = 28;

	/** @return what the announcement's payload says; {@code null} name when it says too little */
	static HandleNames of(byte[] payload) {
		ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
		int kind = payload.length >= 4 ? b.getInt(0) : 0;
		return switch (kind) {
		case TrafficRing.KIND_PIPE -> new HandleNames(IpcKind.NAMED_PIPE,
				listName(new String(payload, 4, payload.length - 4 & ~1, StandardCharsets.UTF_16LE)));
		case TrafficRing.KIND_MAILSLOT -> new HandleNames(IpcKind.MAILSLOT,
				listName(new String(payload, 4, payload.length - 4 & ~1, StandardCharsets.UTF_16LE)));
		case TrafficRing.KIND_TCP, TrafficRing.KIND_UDP -> socket(kind == TrafficRing.KIND_TCP, payload);
		default -> new HandleNames(null, null);
		};
	}

	/** {@code \Device\NamedPipe\x} to {@code \\.\pipe\x}; Wine spells the mailslot device "MailSlot". */
	static String listName(String ntName) {
		if (ntName.regionMatches(true, 0, PIPE_DEVICE, 0, PIPE_DEVICE.length())) {
			return PIPES + ntName.substring(PIPE_DEVICE.length());
		}
		if (ntName.regionMatches(true, 0, MAILSLOT_DEVICE, 0, MAILSLOT_DEVICE.length())) {
			return MAILSLOTS + ntName.substring(MAILSLOT_DEVICE.length());
		}
		return ntName.isEmpty() ? null : ntName;
	}

	/** @return the NT name the DLL compares handles' names with, or {@code null} if not a pipe or mailslot */
	static String ntName(String listName) {
		if (listName.regionMatches(true, 0, PIPES, 0, PIPES.length())) {
			return PIPE_DEVICE + listName.substring(PIPES.length());
		}
		if (listName.regionMatches(true, 0, MAILSLOTS, 0, MAILSLOTS.length())) {
			return MAILSLOT_DEVICE + listName.substring(MAILSLOTS.length());
		}
		return null;
	}

	private static HandleNames socket(boolean tcp, byte[] payload) {
		if (payload.length < 4 + 2 * SOCKADDR) {
			return new HandleNames(tcp ? IpcKind.TCP : IpcKind.UDP, null);
		}
		String local = address(Arrays.copyOfRange(payload, 4, 4 + SOCKADDR));
		String remote = address(Arrays.copyOfRange(payload, 4 + SOCKADDR, 4 + 2 * SOCKADDR));
		String name = local == null ? null : tcp && remote != null ? local + " -> " + remote : local;
		return new HandleNames(tcp ? IpcKind.TCP : IpcKind.UDP, name);
	}

	/** @return "host:port" or "[v6 host]:port" from a sockaddr_in or sockaddr_in6; {@code null} if empty */
	static String address(byte[] sockaddr) {
		ByteBuffer b = ByteBuffer.wrap(sockaddr).order(ByteOrder.LITTLE_ENDIAN);
		int family = b.getShort(0) & 0xffff;
		int port = ((sockaddr[2] & 0xff) << 8) | (sockaddr[3] & 0xff);
		byte[] raw;
		if (family == AF_INET) {
			raw = Arrays.copyOfRange(sockaddr, 4, 8);
		} else if (family == AF_INET6) {
			raw = Arrays.copyOfRange(sockaddr, 8, 24);
		} else {
			return null;
		}
		try {
			String host = InetAddress.getByAddress(raw).getHostAddress();
			return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
		} catch (UnknownHostException e) {
			return null; // not for 4 or 16 bytes
		}
	}
}
