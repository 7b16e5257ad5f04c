package io.vidyut.mdm.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * While the ingest runs, asks for one random meter's month of 15-minute consumption again and
 * again, like a billing clerk or the dashboard would, and keeps every latency.
 */
final class QueryProbe implements Runnable {
    private final BenchApi api;
    private final String token;
    private final List<String> meterIds;
    private final LocalDate lastDay;
    private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;

    QueryProbe(BenchApi api, String token, List<String> meterIds, LocalDate lastDay) {
        this.api = api;
        this.token = token;
        this.meterIds = meterIds;
        this.lastDay = lastDay;
    }

    @Override
    public void run() {
        String from = lastDay.minusDays(30) + "T00:00:00%2B05:30";
        String to = lastDay.plusDays(1) + "T00:00:00%2B05:30";
        while (running) {
            String meter = meterIds.get(ThreadLocalRandom.current().nextInt(meterIds.size()));
            latencies.add(api.timedGet("/api/v1/meters/" + meter + "/consumption?resolution=15m&from=" + from + "&to=" + to, token));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void stop() {
        running = false;
    }

    double percentile(double p) {
        List<Double> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        if (sorted.isEmpty()) return Double.NaN;
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }

    int count() {
        return latencies.size();
    }
}
