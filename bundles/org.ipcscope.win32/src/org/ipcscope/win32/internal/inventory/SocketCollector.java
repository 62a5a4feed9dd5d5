package org.ipcscope.win32.internal.inventory;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.IPHlpAPI;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.ptr.IntByReference;

/**
 * TCP and UDP endpoints local processes can talk to each other over (loopback at either end, or
 * waiting on every address), with the owning process the system names. Wine 8 names none: its
 * rows carry pid 0, shown as an unknown owner.
 */
final class SocketCollector implements Collector {

	private static final int AF_INET = 2;
	private static final int AF_INET6 = 23;
	private static final int TCP_TABLE_OWNER_PID_ALL = 5;
	private static final int UDP_TABLE_OWNER_PID = 1;

	@Override
	public Set<IpcKind> kinds() {
		return EnumSet.of(IpcKind.TCP, IpcKind.UDP);
	}

	@Override
	public void collect(InventoryRequest request, HandleSnapshot handles, List<IpcObject> out, List<String> problems) {
		if (request.wants(IpcKind.TCP)) {
			read("TCP", (b, size) -> IPHlpAPI.INSTANCE.GetExtendedTcpTable(b, size, false, AF_INET, TCP_TABLE_OWNER_PID_ALL, 0),
					SocketTableDecoder::tcp4, handles, out, problems);
			read("TCP over IPv6", (b, size) -> IPHlpAPI.INSTANCE.GetExtendedTcpTable(b, size, false, AF_INET6,
					TCP_TABLE_OWNER_PID_ALL, 0), SocketTableDecoder::tcp6, handles, out, problems);
		}
		if (request.wants(IpcKind.UDP)) {
			read("UDP", (b, size) -> IPHlpAPI.INSTANCE.GetExtendedUdpTable(b, size, false, AF_INET, UDP_TABLE_OWNER_PID, 0),
					SocketTableDecoder::udp4, handles, out, problems);
			read("UDP over IPv6", (b, size) -> IPHlpAPI.INSTANCE.GetExtendedUdpTable(b, size, false, AF_INET6,
					UDP_TABLE_OWNER_PID, 0), SocketTableDecoder::udp6, handles, out, problems);
		}
	}

	/** One of the GetExtendedXxxTable calls with its family and table class bound. */
	@FunctionalInterface
	private interface TableCall {
		int call(Memory buffer, IntByReference size);
	}

	private static void read(String what, TableCall call, Function<ByteBuffer, List<SocketEndpoint>> decoder,
			HandleSnapshot handles, List<IpcObject> out, List<String> problems) {
		IntByReference size = new IntByReference(4096);
		for (int attempt = 0; attempt < 5; attempt++) {
			Memory buffer = new Memory(Math.max(4, size.getValue()));
			buffer.clear();
			int error = call.call(buffer, size);
			if (error == WinError.ERROR_INSUFFICIENT_BUFFER) {
				// Sockets come and go between the calls: ask again with the size now needed.
				continue;
			}
			if (error == WinError.ERROR_NOT_SUPPORTED && what.endsWith("IPv6")) {
				return;
			}
			if (error != WinError.NO_ERROR) {
				problems.add(what + " table: error " + error);
				return;
			}
			for (SocketEndpoint endpoint : decoder.apply(buffer.getByteBuffer(0, buffer.size()))) {
				if (endpoint.isLocalTraffic()) {
					out.add(describe(endpoint, handles));
				}
			}
			return;
		}
		problems.add(what + " table: kept growing while read");
	}

	static IpcObject describe(SocketEndpoint endpoint, HandleSnapshot handles) {
		String name = endpoint.local() + (endpoint.isWaiting() ? "" : " -> " + endpoint.remote());
		Map<String, String> details = new LinkedHashMap<>();
		details.put("Local", endpoint.local());
		details.put("Remote", endpoint.isWaiting() ? "-" : endpoint.remote());
		details.put("State", endpoint.describeState());
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("localAddress", endpoint.localAddress().getHostAddress());
		values.put("localPort", endpoint.localPort());
		if (!endpoint.isWaiting()) {
			values.put("remoteAddress", endpoint.remoteAddress().getHostAddress());
			values.put("remotePort", endpoint.remotePort());
		}
		values.put("state", endpoint.describeState());
		List<Owner> owners = List.of();
		String problem = null;
		if (endpoint.pid() != 0) {
			owners = List.of(new Owner(endpoint.pid(), handles.processName(endpoint.pid()), "socket", null));
		} else if (endpoint.state() == SocketEndpoint.TIME_WAIT) {
			problem = "no process holds it (closing)";
		} else {
			problem = "owner unknown: the system's " + (endpoint.tcp() ? "TCP" : "UDP") + " table names no process";
		}
		return new IpcObject(endpoint.tcp() ? IpcKind.TCP : IpcKind.UDP, name, endpoint.isIpv6() ? "IPv6" : "IPv4",
				IpcObject.UNKNOWN_SIZE, details, owners, problem, values);
	}
}
