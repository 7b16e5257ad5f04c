package io.vidyut.mdm.ingest.pipeline;

import io.vidyut.mdm.ingest.quarantine.Quarantine;
import io.vidyut.mdm.ingest.PayloadLimit;
import io.vidyut.mdm.ingest.BatchReceipt;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.ChannelKind;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.events.MeterActivity;
import io.vidyut.mdm.hes.mapping.ParsedPayload;
import io.vidyut.mdm.hes.mapping.PayloadParser;
import io.vidyut.mdm.hes.mapping.RowRejection;
import io.vidyut.mdm.hes.mapping.SourceValue;
import io.vidyut.mdm.hes.VendorMappingService;
import io.vidyut.mdm.meters.MeterRef;
import io.vidyut.mdm.readings.Reading;
import io.vidyut.mdm.security.MachineClient;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a batch from an HES: parse by the vendor's mapping, resolve meters, reject what cannot be
 * stored (kept in the quarantine), record the batch durably, and only then hand the readings to the
 * pipeline. A batch id seen before returns the first receipt (idempotent).
 */
@Service
public class IngestService {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PIPELINE_FULL_RETRY = Duration.ofSeconds(2);

    private final VendorMappingService mappings;
    private final VendorMeters vendorMeters;
    private final TenantDirectory tenants;
    private final IngestTransport transport;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PayloadLimit limit;
    private final io.vidyut.mdm.readings.ReadingStore store;
    private final BatchLedger ledger;
    private final MeterActivity activity;
    private final StalledBatches stalled;
    private final Quarantine quarantine;
    private final Clock clock;

    IngestService(VendorMappingService mappings, VendorMeters vendorMeters, TenantDirectory tenants, IngestTransport transport,
                  JdbcClient jdbc, TransactionTemplate transactions, PayloadLimit limit,
                  io.vidyut.mdm.readings.ReadingStore store, BatchLedger ledger, MeterActivity activity,
                  StalledBatches stalled, Quarantine quarantine, Clock clock) {
        this.limit = limit;
        this.quarantine = quarantine;
        this.store = store;
        this.ledger = ledger;
        this.activity = activity;
        this.stalled = stalled;
        this.mappings = mappings;
        this.vendorMeters = vendorMeters;
        this.tenants = tenants;
        this.transport = transport;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What normalization made of a payload, before anything is stored (also the test-parse answer). */
    record Normalized(int mappingVersion, ParsedPayload parsed, List<Reading> readings, List<Integer> readingRows,
                      List<RowRejection> rejections, List<IntervalDerivation.Pending> pending) {}

    /** The readings and pending derivations of one pipeline partition. */
    private record Part(List<Reading> readings, List<IntervalDerivation.Pending> pending) {
        Part() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    BatchReceipt accept(MachineClient vendor, String protocol, byte[] payload, String batchKeyHint) {
        limit.check(payload.length);
        var mapping = mappingOf(vendor);
        Normalized normalized = normalize(vendor.vendorId(), mapping.version(), new PayloadParser(mapping.mapping()), payload);
        EmptyPush.refuseIfEmpty(normalized.parsed().rows(), mapping.mapping(), false);
        String batchKey = BatchLedger.batchKey(batchKeyHint, normalized.parsed().batchId(), payload);
        ZoneId zone = tenants.zoneOf(vendor.tenantId());
        Map<Integer, Part> parts = byPartition(normalized.readings(), normalized.pending());
        if (!transport.hasRoom(parts.keySet())) {
            // refused before it is acknowledged: the HES keeps it and sends it again, instead of the MDM holding it
            throw PushRefused.busy("The pipeline to the store is full; send the batch again after Retry-After.",
                    PIPELINE_FULL_RETRY);
        }

        BatchLedger.NewBatch batch = new BatchLedger.NewBatch(UUID.randomUUID(), vendor, batchKey, protocol,
                mapping.version(), payload, normalized.parsed().rows(), normalized.readings().size(),
                normalized.rejections().size(), parts.size());
        Optional<BatchReceipt> earlier = transactions.execute(status -> {
            Optional<BatchReceipt> seen = ledger.receiptOf(vendor.vendorId(), batchKey);
            if (seen.isEmpty()) ledger.record(batch, normalized.rejections());
            return seen;
        });
        if (earlier.isPresent()) return earlier.get();
        publish(batch.id(), vendor.tenantId(), vendor.tenantCode(), zone, parts);
        noteHeardFrom(vendor, normalized.readings());
        return BatchLedger.firstReceipt(batch, normalized.rejections());
    }

    /** Last-seen times feed a report, not the data: a failure to note them must not fail an accepted batch. */
    private void noteHeardFrom(MachineClient vendor, List<Reading> readings) {
        try {
            activity.heardFrom(vendor.tenantId(), readings.stream().map(Reading::meterId).distinct().toList());
        } catch (RuntimeException e) {
            log.warn("Could not note when meters of vendor {} were last heard from", vendor.vendorCode(), e);
        }
    }

    /** The vendor's mapping in force; a vendor without one cannot deliver yet. */
    public VendorMappingService.VersionedMapping mappingOf(MachineClient vendor) {
        return mappings.current(vendor.vendorId()).orElseThrow(() -> new ConflictException(
                "HES vendor " + vendor.vendorCode() + " has no payload mapping yet; save one at /api/v1/hes-vendors/"
                        + vendor.vendorId() + "/mapping"));
    }

    /** Keeps a message that could not be read at all (no batch), with the reason (and its first 64 KiB). */
    void quarantineUnreadable(MachineClient vendor, byte[] payload, String reason) {
        transactions.executeWithoutResult(status -> ledger.quarantineUnreadable(vendor, payload, reason));
    }

    /** Parses and resolves meters; nothing is stored. */
    Normalized normalize(UUID vendorId, int mappingVersion, PayloadParser parser, byte[] payload) {
        ParsedPayload parsed = parser.parse(payload, clock.instant());
        List<RowRejection> rejections = new ArrayList<>(parsed.rejections());
        List<Reading> readings = new ArrayList<>(parsed.values().size());
        List<Integer> readingRows = new ArrayList<>(parsed.values().size());
        for (SourceValue value : parsed.values()) {
            VendorMeters.Resolution meter = vendorMeters.resolve(value.meterSerial(), vendorId);
            if (meter.refusal() != null) {
                rejections.add(new RowRejection(value.row(), parsed.rawRow().apply(value.row()), "meter", meter.refusal()));
            } else {
                Optional<Reading> reading = toReading(meter.meter(), value);
                if (reading.isPresent()) {
                    readings.add(reading.get());
                    readingRows.add(value.row());
                } else {
                    rejections.add(new RowRejection(value.row(), parsed.rawRow().apply(value.row()), "value",
                            "value out of range: " + value.value()));
                }
            }
        }
        rejections.sort(java.util.Comparator.comparingInt(RowRejection::row));
        IntervalDerivation.Derived derived = IntervalDerivation.derive(readings, parser.derivedIntervals(), parser.intervalMinutes());
        for (Reading reading : derived.readings()) {
            readings.add(reading);
            readingRows.add(0);
        }
        return new Normalized(mappingVersion, parsed, readings, readingRows, rejections, derived.pending());
    }

    /** Pending intervals the registers already stored can derive: what storing would add (test-parse shows them). */
    List<Reading> derivableNow(Normalized normalized) {
        return IntervalDerivation.resolve(normalized.pending(), store);
    }

    /** Puts a stored batch through the pipeline again (after a restart); idempotent. */
    void redrive(UUID batchId) {
        record Stored(UUID vendorId, int mappingVersion, byte[] payload) {}
        Stored stored = transactions.execute(status -> jdbc.sql(
                        "select vendor_id, mapping_version, payload from ingest_batch where id = ?")
                .param(batchId)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getInt(2), rs.getBytes(3)))
                .single());
        var mapping = mappings.version(stored.vendorId(), stored.mappingVersion());
        Normalized normalized = normalize(stored.vendorId(), mapping.version(), new PayloadParser(mapping.mapping()),
                stored.payload());
        UUID tenantId = TenantContext.requireTenantId();
        publish(batchId, tenantId, TenantContext.current().orElseThrow().tenantCode(), tenants.zoneOf(tenantId),
                byPartition(normalized.readings(), normalized.pending()));
        log.info("Re-drove batch {} ({} readings)", batchId, normalized.readings().size());
    }

    /** Outcome of re-driving quarantined rows after a mapping or registry fix. */
    public record RedriveResult(int batches, int rowsRedriven, int rowsStillRejected) {}

    /**
     * Re-reads the batches holding open quarantined rows of a vendor with the mapping now in force,
     * and sends the values of those rows that now pass through the pipeline; rows still failing keep
     * their place in the quarantine with the new reason.
     */
    public RedriveResult redriveQuarantine(UUID vendorId) {
        var mapping = mappings.current(vendorId).orElseThrow(() -> new ConflictException("The vendor has no mapping"));
        List<UUID> batches = transactions.execute(status -> quarantine.batchesWithOpenRows(vendorId, 200));
        UUID tenantId = TenantContext.requireTenantId();
        String tenantCode = TenantContext.current().orElseThrow().tenantCode();
        ZoneId zone = tenants.zoneOf(tenantId);
        int redriven = 0, still = 0;
        for (UUID batchId : batches) {
            byte[] payload = transactions.execute(status -> jdbc.sql("select payload from ingest_batch where id = ?")
                    .param(batchId).query(byte[].class).single());
            if (payload.length == 0) {
                // the raw payload is past the tenant's retention: these rows can no longer be re-read
                transactions.executeWithoutResult(status -> quarantine.notePastRetention(batchId));
                continue;
            }
            Normalized normalized = normalize(vendorId, mapping.version(), new PayloadParser(mapping.mapping()), payload);
            java.util.Set<Integer> open = transactions.execute(status -> quarantine.openRows(batchId));
            Map<Integer, String> failing = new java.util.HashMap<>();
            normalized.rejections().forEach(r -> failing.putIfAbsent(r.row(), r.reason()));
            List<Reading> recovered = new ArrayList<>();
            for (int i = 0; i < normalized.readings().size(); i++) {
                int row = normalized.readingRows().get(i);
                if (open.contains(row) && !failing.containsKey(row)) recovered.add(normalized.readings().get(i));
            }
            Map<Integer, Part> parts = byPartition(recovered, List.of());
            Map<Integer, Part> redriveParts = new TreeMap<>();
            parts.forEach((partition, readings) -> redriveParts.put(REDRIVE_PART_BASE + partition, readings));
            publish(batchId, tenantId, tenantCode, zone, redriveParts);
            for (int row : open) {
                if (failing.containsKey(row)) still++;
                else redriven++;
            }
            transactions.executeWithoutResult(status -> {
                for (int row : open) {
                    if (failing.containsKey(row)) {
                        quarantine.stillRejected(batchId, row, failing.get(row));
                    } else {
                        quarantine.redriven(batchId, row, clock.instant(), "mapping v" + mapping.version());
                    }
                }
            });
        }
        return new RedriveResult(batches.size(), redriven, still);
    }

    /** Re-driven quarantine rows travel as extra parts, numbered apart from the batch's own parts. */
    static final int REDRIVE_PART_BASE = 100_000;

    private void publish(UUID batchId, UUID tenantId, String tenantCode, ZoneId zone, Map<Integer, Part> parts) {
        for (Map.Entry<Integer, Part> part : parts.entrySet()) {
            IngestWork work = new IngestWork(batchId, part.getKey(), tenantId, tenantCode, zone, part.getValue().readings(),
                    part.getValue().pending());
            if (!transport.publish(work, PUBLISH_TIMEOUT)) {
                log.warn("Pipeline full: part {} of batch {} is re-driven shortly", part.getKey(), batchId);
                stalled.add(batchId, tenantId, tenantCode);
                return;
            }
        }
    }

    private Map<Integer, Part> byPartition(List<Reading> readings, List<IntervalDerivation.Pending> pending) {
        Map<Integer, Part> parts = new TreeMap<>();
        for (Reading reading : readings) {
            parts.computeIfAbsent(transport.partitionOf(reading.meterId()), p -> new Part()).readings().add(reading);
        }
        // a pending interval's register read is in the same part: it travels with it
        for (IntervalDerivation.Pending interval : pending) {
            parts.computeIfAbsent(transport.partitionOf(interval.meterId()), p -> new Part()).pending().add(interval);
        }
        return parts;
    }

    private static final BigDecimal INTERVAL_LIMIT = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal REGISTER_LIMIT = BigDecimal.valueOf(Long.MAX_VALUE / 2);

    private static Optional<Reading> toReading(MeterRef meter, SourceValue value) {
        Channel channel = value.channel();
        BigDecimal scaled = channel.scaledByTransformers() ? value.value().multiply(meter.multiplier()) : value.value();
        BigDecimal units = channel.toUnits(scaled);
        if (units.abs().compareTo(channel.kind() == ChannelKind.INTERVAL ? INTERVAL_LIMIT : REGISTER_LIMIT) > 0) return Optional.empty();
        return Optional.of(new Reading(meter.id(), channel, value.at(), value.intervalMinutes(), units.longValue(),
                value.quality()));
    }

}
