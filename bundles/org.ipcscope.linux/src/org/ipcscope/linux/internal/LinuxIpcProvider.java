package org.ipcscope.linux.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.CollectingProvider;
import org.ipcscope.core.InventoryRequest;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.IpcProvider;
import org.ipcscope.core.ProviderResult;
import org.osgi.service.component.annotations.Component;

/**
 * Every Linux IPC mechanism, with owners. One provider so that /proc is walked once per refresh
 * and shared by all kinds.
 */
@Component(service = IpcProvider.class)
public class LinuxIpcProvider extends CollectingProvider<ProcessTable> {

	private final Path proc;
	private final List<Collector> collectors;

	public LinuxIpcProvider() {
		this(Path.of("/proc"), Path.of("/dev/shm"), Path.of("/dev/mqueue"));
	}

	LinuxIpcProvider(Path proc, Path shm, Path mqueue) {
		this(proc, List.of(new PosixShmCollector(shm), new SysvCollector(proc.resolve("sysvipc")),
				new PosixMqCollector(mqueue), new FifoCollector(), new PipeCollector(),
				new UnixSocketCollector(proc.resolve("net/unix")), new InetCollector(proc.resolve("net"))));
	}

	private LinuxIpcProvider(Path proc, List<Collector> collectors) {
		super(collectors);
		this.proc = proc;
		this.collectors = collectors;
	}

	/** SysV semaphores and queues are not held through descriptors: no owners to miss. */
	private static boolean hasOwners(IpcKind kind) {
		return kind != IpcKind.SYSV_SEM && kind != IpcKind.SYSV_MSG;
	}

	@Override
	public ProviderResult list(InventoryRequest request) {
		boolean shared = request.wants(IpcKind.POSIX_SHM) || request.wants(IpcKind.SYSV_SHM);
		ProcessTable processes = ProcessTable.scan(proc, shared, request.wants(IpcKind.UNIX_SOCKET));
		// The collectors read their kernel tables while the /proc scan runs, then wait for it; each
		// fills its own lists, joined in the collectors' order, so the result does not depend on timing.
		List<ProviderResult> parts;
		try {
			parts = collectors.parallelStream().map(collector -> {
				InventoryRequest asked = share(request, collector);
				List<IpcObject> found = new ArrayList<>();
				List<String> failed = new ArrayList<>();
				if (asked != null) {
					collector.collect(asked, processes, found, failed);
				}
				return new ProviderResult(found, failed);
			}).toList();
		} catch (RuntimeException | Error e) {
			processes.abandon();
			throw e;
		}
		List<IpcObject> objects = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (ProviderResult part : parts) {
			objects.addAll(part.objects());
			problems.addAll(part.problems());
		}
		String visibility = processes.visibilityProblem();
		if (visibility != null) {
			problems.add(visibility);
			String reason = processes.unknownOwnersReason();
			// an object with no owner found may well have one among the hidden processes: say so on its row
			objects.replaceAll(o -> o.owners().isEmpty() && o.problem() == null && hasOwners(o.kind()) ? o.withProblem(reason) : o);
		}
		return new ProviderResult(objects, problems);
	}
}
