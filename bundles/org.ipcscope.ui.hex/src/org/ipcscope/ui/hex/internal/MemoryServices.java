package org.ipcscope.ui.hex.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.ServiceCaller;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.MemorySourceService;

/** The memory source service, asked once per use; the OS work it does runs in the caller's job. */
public final class MemoryServices {

	private MemoryServices() {
	}

	/** Work with a service that may fail. */
	interface Call<S, T> {
		T call(S service) throws IOException;
	}

	private static <T> T call(Call<MemorySourceService, T> call) throws IOException {
		return call(MemorySourceService.class, call, Messages.MemoryServices_None);
	}

	/** Calls the highest-ranked service of a type once; {@code none} is the message when there is none. */
	static <S, T> T call(Class<S> type, Call<S, T> call, String none) throws IOException {
		Object[] result = new Object[1];
		IOException[] failure = new IOException[1];
		boolean called = ServiceCaller.callOnce(MemoryServices.class, type, service -> {
			try {
				result[0] = call.call(service);
			} catch (IOException e) {
				failure[0] = e;
			}
		});
		if (!called) {
			throw new IOException(none);
		}
		if (failure[0] != null) {
			throw failure[0];
		}
		@SuppressWarnings("unchecked")
		T value = (T) result[0];
		return value;
	}

	static MemorySource open(IpcObject object, boolean writable) throws IOException {
		return call(service -> service.open(object, writable));
	}

	static Optional<IpcObject> lookup(String name, String namespace) throws IOException {
		return call(service -> service.lookup(name, namespace));
	}

	static boolean canOpen(IpcObject object) {
		try {
			Boolean can = call(service -> service.canOpen(object));
			return can != null && can;
		} catch (IOException e) {
			return false;
		}
	}

	public static List<String> namespaces() {
		try {
			List<String> namespaces = call(MemorySourceService::namespaces);
			return namespaces == null ? List.of() : namespaces;
		} catch (IOException e) {
			return List.of();
		}
	}
}
