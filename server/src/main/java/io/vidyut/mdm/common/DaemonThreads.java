package io.vidyut.mdm.common;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads for a module's own workers (a shutdown does not wait for them; their work resumes later). */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** Threads named {@code name-1}, {@code name-2}, …. */
    public static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
