package io.vidyut.mdm.simulator.anomaly;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON lines, one per injected anomaly, e.g.
 * <pre>{"kind":"SPIKE","vendor":"HPL","meter_id":"…","serial":"HPL23000001","from":"2026-11-26T04:45:00Z",
 * "to":"2026-11-26T04:45:00Z","intervals":1,"detail":{"factor":10,"original_kwh":0.123,"sent_kwh":1.23}}</pre>
 * Each line is flushed as written, so a killed run still leaves every anomaly it sent on record. Counts are kept
 * even without a file.
 */
public final class AnomalyLog implements AutoCloseable {
    private final BufferedWriter writer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<AnomalyKind, LongAdder> counts = new EnumMap<>(AnomalyKind.class);

    private AnomalyLog(BufferedWriter writer) {
        this.writer = writer;
        for (AnomalyKind kind : AnomalyKind.values()) {
            counts.put(kind, new LongAdder());
        }
    }

    /** Counts only. */
    public static AnomalyLog discard() {
        return new AnomalyLog(null);
    }

    /** Writes to {@code file}, replacing it. */
    public static AnomalyLog open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new AnomalyLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    public void record(InjectedAnomaly anomaly) {
        counts.get(anomaly.kind()).increment();
        if (writer == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", anomaly.kind().name());
        line.put("vendor", anomaly.vendor());
        line.put("meter_id", anomaly.meterId());
        line.put("serial", anomaly.serial());
        line.put("from", anomaly.from() == null ? null : anomaly.from().toString());
        line.put("to", anomaly.to() == null ? null : anomaly.to().toString());
        line.put("intervals", anomaly.intervals());
        line.put("detail", new TreeMap<>(anomaly.detail()));
        String text = json.writeValueAsString(line);
        synchronized (this) {
            try {
                writer.write(text);
                writer.newLine();
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the anomaly log", e);
            }
        }
    }

    public long count(AnomalyKind kind) {
        return counts.get(kind).sum();
    }

    public Map<AnomalyKind, Long> counts() {
        Map<AnomalyKind, Long> snapshot = new EnumMap<>(AnomalyKind.class);
        counts.forEach((kind, adder) -> snapshot.put(kind, adder.sum()));
        return snapshot;
    }

    @Override
    public synchronized void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
