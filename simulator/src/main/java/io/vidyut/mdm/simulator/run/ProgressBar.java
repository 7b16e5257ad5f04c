package io.vidyut.mdm.simulator.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr, redrawn at most four times a second. When stderr is not a terminal (a log
 * file, CI) it prints a plain line every 10 % instead of carriage-return redraws.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final LongSupplier valuesSent;
    private final boolean terminal;
    private final AtomicLong done = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private long lastDecile = -1;

    /** @param out where to draw, or null for no progress output */
    ProgressBar(PrintStream out, String label, long total, LongSupplier valuesSent) {
        this.out = out;
        this.label = label;
        this.total = Math.max(total, 1);
        this.valuesSent = valuesSent;
        this.terminal = System.console() != null;
    }

    void step() {
        long n = done.incrementAndGet();
        if (out == null) {
            return;
        }
        synchronized (this) {
            long now = System.nanoTime();
            if (terminal) {
                if (now - lastDraw >= REDRAW_NANOS || n == total) {
                    lastDraw = now;
                    out.print("\r" + line(n, now));
                    out.flush();
                }
            } else {
                long decile = n * 10 / total;
                if (decile != lastDecile) {
                    lastDecile = decile;
                    out.println(line(n, now));
                }
            }
        }
    }

    long done() {
        return done.get();
    }

    long total() {
        return total;
    }

    java.time.Duration elapsed() {
        return java.time.Duration.ofNanos(System.nanoTime() - startNanos);
    }

    void finish() {
        if (out != null && terminal) {
            synchronized (this) {
                out.println("\r" + line(done.get(), System.nanoTime()));
            }
        }
    }

    private String line(long n, long now) {
        double fraction = Math.min(1.0, (double) n / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? valuesSent.getAsLong() / seconds : 0;
        long eta = fraction > 0 ? Math.round(seconds / fraction - seconds) : 0;
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %,d/%,d blocks %,.0f values/s ETA %d:%02d", label,
                "#".repeat(filled), "-".repeat(WIDTH - filled), Math.round(fraction * 100), n, total, rate,
                eta / 60, eta % 60);
    }
}
