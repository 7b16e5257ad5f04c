package io.vidyut.mdm.simulator.run;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N sender threads with back-pressure: {@link #submit} blocks while 2 × N tasks are outstanding, so a fast
 * producer never builds a day of payloads in memory ahead of a slow server.
 */
final class SendPool implements AutoCloseable {
    private final ThreadPoolExecutor executor;
    private final Semaphore slots;
    private final StatsCounter stats;
    private final Object idle = new Object();
    private int outstanding;

    SendPool(int threads, StatsCounter stats) {
        AtomicInteger number = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "hes-sender-" + number.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.slots = new Semaphore(threads * 2);
        this.stats = stats;
    }

    void submit(Runnable task) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a sender", e);
        }
        synchronized (idle) {
            outstanding++;
        }
        executor.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                stats.error("sender failed: " + e);
            } finally {
                slots.release();
                synchronized (idle) {
                    if (--outstanding == 0) {
                        idle.notifyAll();
                    }
                }
            }
        });
    }

    void awaitIdle() {
        synchronized (idle) {
            while (outstanding > 0) {
                try {
                    idle.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
