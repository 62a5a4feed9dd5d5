package org.ipcscope.ui.clipboard.internal;

import java.io.IOException;

import org.eclipse.core.runtime.ServiceCaller;
import org.ipcscope.core.clipboard.ClipboardReader;

/** The clipboard reader, asked once per use from a job: the view never calls the OS. */
final class ClipboardService {

	interface Call<T> {
		T call(ClipboardReader reader) throws IOException;
	}

	private ClipboardService() {
	}

	static <T> T call(Call<T> call) throws IOException {
		Object[] result = new Object[1];
		IOException[] failure = new IOException[1];
		boolean called = ServiceCaller.callOnce(ClipboardService.class, ClipboardReader.class, reader -> {
			try {
				result[0] = call.call(reader);
			} catch (IOException e) {
				failure[0] = e;
			}
		});
		if (!called) {
			throw new IOException(Messages.View_NoReader);
		}
		if (failure[0] != null) {
			throw failure[0];
		}
		@SuppressWarnings("unchecked")
		T value = (T) result[0];
		return value;
	}
}
