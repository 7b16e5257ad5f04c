package io.vidyut.mdm.demo;

import io.vidyut.mdm.simulator.BackfillProgress;
import java.time.Duration;
import java.util.Locale;

/**
 * The demo back-fill's progress as the overview shows it ({@code GET /api/v1/demo/backfill}).
 *
 * @param state            NONE (no back-fill: traffic off or 0 days), STARTING (the simulated HES reads the fleet
 *                         first), RUNNING or DONE
 * @param days             local days back-filled, today (so far) included
 * @param percent          0–100
 * @param elapsedSeconds   since the back-fill began (its whole length once DONE)
 * @param remainingSeconds at the rate so far; null until the first block is in
 */
record DemoBackfill(String state, int meters, long days, String firstDay, String lastDay, double percent,
                    long elapsedSeconds, Long remainingSeconds) {

    static final DemoBackfill NONE = new DemoBackfill("NONE", 0, 0, null, null, 0, 0, null);
    static final DemoBackfill STARTING = new DemoBackfill("STARTING", 0, 0, null, null, 0, 0, null);

    static DemoBackfill of(BackfillProgress progress) {
        return new DemoBackfill(progress.finished() ? "DONE" : "RUNNING", progress.meters(), progress.days(),
                progress.firstDay().toString(), progress.lastDay().toString(),
                Math.round(progress.share() * 1000) / 10.0, progress.elapsed().toSeconds(),
                progress.remaining().map(Duration::toSeconds).orElse(null));
    }

    /** One log line: "Demo back-fill: 40 % of 3 days × 1,058 meters, about 0:35 left". */
    static String describe(BackfillProgress progress) {
        String scope = String.format(Locale.ROOT, "%d days × %,d meters", progress.days(), progress.meters());
        if (progress.finished()) {
            return "Demo back-fill done: " + scope + " in " + minutes(progress.elapsed());
        }
        return String.format(Locale.ROOT, "Demo back-fill: %.0f %% of %s%s", progress.share() * 100, scope,
                progress.remaining().map(left -> ", about " + minutes(left) + " left").orElse(""));
    }

    private static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
