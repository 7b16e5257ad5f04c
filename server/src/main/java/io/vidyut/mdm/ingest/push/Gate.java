package io.vidyut.mdm.ingest.push;

import io.vidyut.mdm.ingest.pipeline.PushRefused;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * So many at a time, a few more waiting their turn, the rest turned away at once: a queue that cannot grow is
 * what makes overload cheap (a refused push costs a 503, not a thread and a buffered body held for half a minute).
 */
final class Gate {
    private final String what;
    private final Semaphore permits;
    private final int mostWaiting;
    private final Duration longestWait;
    private final AtomicInteger waiting = new AtomicInteger();

    Gate(String what, int permits, int mostWaiting, Duration longestWait) {
        if (permits < 1 || mostWaiting < 0) throw new IllegalArgumentException("permits >= 1, waiting >= 0");
        this.what = what;
        this.permits = new Semaphore(permits, true);
        this.mostWaiting = mostWaiting;
        this.longestWait = longestWait;
    }

    <T> T through(Supplier<T> work) {
        if (!permits.tryAcquire()) await();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** How many wait for a turn now. */
    int waiting() {
        return waiting.get();
    }

    private void await() {
        if (waiting.incrementAndGet() > mostWaiting) {
            waiting.decrementAndGet();
            throw PushRefused.busy("The MDM is taking in as many " + what + " as it can and " + mostWaiting
                    + " more are waiting; send this one again after Retry-After.", longestWait);
        }
        boolean admitted;
        try {
            admitted = permits.tryAcquire(longestWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        } finally {
            waiting.decrementAndGet();
        }
        if (!admitted) {
            throw PushRefused.busy("The MDM is taking in as many " + what + " as it can; this one waited "
                    + longestWait.toMillis() + " ms for its turn. Send it again after Retry-After.", longestWait);
        }
    }
}
