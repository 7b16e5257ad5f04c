package io.vidyut.mdm.simulator.run;

import io.vidyut.mdm.simulator.RunStats;
import io.vidyut.mdm.simulator.payload.Payload;
import io.vidyut.mdm.simulator.transport.Delivery;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters behind {@link RunStats}; reports the first errors in full, later ones sparsely. */
public final class StatsCounter {
    private static final int ERRORS_IN_FULL = 10;

    private final LongAdder batches = new LongAdder();
    private final LongAdder valuesSent = new LongAdder();
    private final LongAdder valuesAccepted = new LongAdder();
    private final LongAdder valuesRejected = new LongAdder();
    private final LongAdder eventsSent = new LongAdder();
    private final AtomicLong errors = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final PrintStream diagnostics;

    /** @param diagnostics where error messages go (stderr), or null for none */
    public StatsCounter(PrintStream diagnostics) {
        this.diagnostics = diagnostics;
    }

    public void record(Payload payload, Delivery delivery) {
        boolean events = payload.kind() == Payload.Kind.EVENTS;
        (events ? eventsSent : valuesSent).add(payload.valueCount());
        if (delivery.delivered()) {
            batches.increment();
            if (!delivery.duplicate() && !events) {
                valuesAccepted.add(delivery.valuesAccepted());
                valuesRejected.add(delivery.valuesRejected());
            }
        } else {
            error(payload.vendorCode() + " batch " + payload.identity() + ": " + delivery.error());
        }
    }

    public void error(String message) {
        long n = errors.incrementAndGet();
        if (diagnostics != null && (n <= ERRORS_IN_FULL || n % 1000 == 0)) {
            diagnostics.println("error #" + n + ": " + message);
        }
    }

    public long valuesSent() {
        return valuesSent.sum();
    }

    public RunStats snapshot() {
        return new RunStats(batches.sum(), valuesSent.sum(), valuesAccepted.sum(), valuesRejected.sum(), eventsSent.sum(),
                errors.get(), (System.nanoTime() - startNanos) / 1e9);
    }
}
