import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

import org.ipcscope.core.Inventory;
import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcProvider;

/**
 * One inventory refresh inside a running IPC Scope, as the view's auto-refresh does it: the same
 * providers, warmed up, asked again and again. Prints the median and the object count.
 */
public final class InventoryRefreshBench {

	public static void main(String[] args) {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
		List<IpcProvider> providers = ServiceLoader.load(IpcProvider.class).stream().map(ServiceLoader.Provider::get)
				.toList();
		InventorySnapshot snapshot = null;
		for (int i = 0; i < 5; i++) {
			snapshot = Inventory.collect(providers, Set.of());
		}
		List<Long> nanos = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			snapshot = Inventory.collect(providers, Set.of());
			nanos.add(System.nanoTime() - start);
		}
		Collections.sort(nanos);
		System.out.printf("%.1f %d%n", nanos.get(nanos.size() / 2) / 1e6, snapshot.objects().size());
	}
}
