package io.vidyut.mdm.ingest.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded queues, one worker thread per partition: per-meter order, and a full queue makes the
 * HES request wait (back-pressure) instead of growing memory. Nothing here is durable: the batch
 * inbox in PostgreSQL is, and a restart re-drives what had not reached the store.
 */
final class InMemoryTransport implements IngestTransport, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InMemoryTransport.class);
    private final List<BlockingQueue<IngestWork>> queues = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    InMemoryTransport(int partitions, int capacity, Consumer<IngestWork> handler) {
        for (int p = 0; p < partitions; p++) {
            BlockingQueue<IngestWork> queue = new ArrayBlockingQueue<>(capacity);
            queues.add(queue);
            Thread worker = new Thread(() -> drain(queue, handler), "ingest-partition-" + p);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    @Override
    public int partitions() {
        return queues.size();
    }

    @Override
    public boolean publish(IngestWork work, Duration timeout) {
        int partition = partitionOf(work.readings().get(0).meterId());
        try {
            return queues.get(partition).offer(work, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean hasRoom(Collection<Integer> partitions) {
        for (int partition : partitions) {
            if (queues.get(partition).remainingCapacity() == 0) return false;
        }
        return true;
    }

    private void drain(BlockingQueue<IngestWork> queue, Consumer<IngestWork> handler) {
        while (running) {
            IngestWork work;
            try {
                work = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (work == null) continue;
            try {
                handler.accept(work);
            } catch (RuntimeException e) {
                log.error("Could not store part {} of batch {}; it stays open for re-drive", work.part(), work.batchId(), e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        workers.forEach(Thread::interrupt);
    }
}
