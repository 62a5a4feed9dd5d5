package org.ipcscope.ui.process.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.ServiceCaller;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.ui.process.LaunchedProcesses;

/** The services the views read through, asked once per use from a job: the views never call the OS. */
final class ProcessProvider {

	interface Call<T> {
		T call(ProcessMemoryProvider provider) throws IOException;
	}

	private ProcessProvider() {
	}

	static <T> T call(Call<T> call) throws IOException {
		Object[] result = new Object[1];
		IOException[] failure = new IOException[1];
		boolean called = ServiceCaller.callOnce(ProcessProvider.class, ProcessMemoryProvider.class, provider -> {
			try {
				result[0] = call.call(provider);
			} catch (IOException e) {
				failure[0] = e;
			}
		});
		if (!called) {
			throw new IOException(Messages.Provider_None);
		}
		if (failure[0] != null) {
			throw failure[0];
		}
		@SuppressWarnings("unchecked")
		T value = (T) result[0];
		return value;
	}

	/** @return whether a debugger integration says which processes it launched */
	static boolean hasLaunches() {
		boolean[] found = { false };
		ServiceCaller.callOnce(ProcessProvider.class, LaunchedProcesses.class, service -> found[0] = true);
		return found[0];
	}

	/** @return the launch label per pid from the debugger integration, empty without it */
	static Map<Long, String> launched() {
		Map<Long, String> pids = new HashMap<>();
		ServiceCaller.callOnce(ProcessProvider.class, LaunchedProcesses.class, service -> pids.putAll(service.running()));
		return pids;
	}
}
