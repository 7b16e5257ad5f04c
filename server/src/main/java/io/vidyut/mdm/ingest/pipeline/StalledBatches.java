package io.vidyut.mdm.ingest.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.stereotype.Component;

/**
 * Accepted batches a part of which found the pipeline full: {@link BatchRecovery} puts them through again within
 * seconds, instead of leaving them to the sweep for open batches minutes later. Only ids are held (each with its
 * tenant); the batch itself is durable in the inbox, so losing this list on a restart loses nothing.
 */
@Component
class StalledBatches {
    record Stalled(UUID batchId, UUID tenantId, String tenantCode) {}

    private final ConcurrentLinkedQueue<Stalled> waiting = new ConcurrentLinkedQueue<>();

    void add(UUID batchId, UUID tenantId, String tenantCode) {
        Stalled stalled = new Stalled(batchId, tenantId, tenantCode);
        if (!waiting.contains(stalled)) waiting.add(stalled);
    }

    List<Stalled> takeAll() {
        List<Stalled> taken = new ArrayList<>();
        for (Stalled next; (next = waiting.poll()) != null; ) taken.add(next);
        return taken;
    }
}
