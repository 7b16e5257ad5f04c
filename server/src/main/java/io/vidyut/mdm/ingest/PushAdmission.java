package io.vidyut.mdm.ingest;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many HES pushes are parsed at once. Parsing is CPU-bound and takes about half of what ingest
 * costs the machine (the store workers and the database the other half): by default one push per two
 * cores; more pushes in flight only take CPU time from the dashboard's and billing's queries without
 * storing more. Pushes over the limit wait their turn in arrival order, and are turned away with 503 and
 * Retry-After when the wait grows too long (the HES sends again; nothing was acknowledged).
 */
@Component
class PushAdmission {
    private final Semaphore permits;
    private final Duration longestWait;

    PushAdmission(@Value("${mdm.ingest.concurrent-pushes:0}") int concurrentPushes,
                  @Value("${mdm.ingest.push-wait:PT30S}") Duration longestWait) {
        int permitted = concurrentPushes > 0 ? concurrentPushes : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        this.permits = new Semaphore(permitted, true);
        this.longestWait = longestWait;
    }

    <T> T admit(Supplier<T> push) {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(longestWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TooBusyException(longestWait);
        }
        if (!admitted) throw new TooBusyException(longestWait);
        try {
            return push.get();
        } finally {
            permits.release();
        }
    }

    /** The push waited longer than the configured limit for its turn. */
    static final class TooBusyException extends RuntimeException {
        TooBusyException(Duration waited) {
            super("The MDM is taking in as many pushes as it can; this one waited " + waited.toSeconds() + " s. Send it again.");
        }
    }
}
