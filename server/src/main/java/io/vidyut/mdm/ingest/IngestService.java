package io.vidyut.mdm.ingest;

import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.hes.ParsedPayload;
import io.vidyut.mdm.hes.PayloadParser;
import io.vidyut.mdm.hes.RowRejection;
import io.vidyut.mdm.hes.SourceValue;
import io.vidyut.mdm.hes.VendorMappingService;
import io.vidyut.mdm.meters.MeterDirectory;
import io.vidyut.mdm.meters.MeterRef;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.ChannelKind;
import io.vidyut.mdm.readings.Reading;
import io.vidyut.mdm.security.MachineClient;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a batch from an HES: parse by the vendor's mapping, resolve meters, reject what cannot be
 * stored (kept in the quarantine), record the batch durably, and only then hand the readings to the
 * pipeline. A batch id seen before returns the first receipt (idempotent).
 */
@Service
class IngestService {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    static final int LISTED_REJECTIONS = 1000;
    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final VendorMappingService mappings;
    private final MeterDirectory meters;
    private final TenantDirectory tenants;
    private final IngestTransport transport;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final PayloadLimit limit;
    private final io.vidyut.mdm.readings.ReadingStore store;

    IngestService(VendorMappingService mappings, MeterDirectory meters, TenantDirectory tenants, IngestTransport transport,
                  JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, PayloadLimit limit,
                  io.vidyut.mdm.readings.ReadingStore store) {
        this.limit = limit;
        this.store = store;
        this.mappings = mappings;
        this.meters = meters;
        this.tenants = tenants;
        this.transport = transport;
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
    }

    /** What normalization made of a payload, before anything is stored (also the test-parse answer). */
    record Normalized(int mappingVersion, ParsedPayload parsed, List<Reading> readings, List<Integer> readingRows,
                      List<RowRejection> rejections) {}

    BatchReceipt accept(MachineClient vendor, String protocol, byte[] payload, String batchKeyHint) {
        limit.check(payload.length);
        var mapping = mappings.current(vendor.vendorId()).orElseThrow(() -> new ConflictException(
                "HES vendor " + vendor.vendorCode() + " has no payload mapping yet; save one at /api/v1/hes-vendors/"
                        + vendor.vendorId() + "/mapping"));
        Normalized normalized = normalize(vendor.vendorId(), mapping.version(), new PayloadParser(mapping.mapping()), payload);
        String batchKey = batchKeyHint != null && !batchKeyHint.isBlank() ? batchKeyHint
                : normalized.parsed().batchId() != null ? normalized.parsed().batchId() : "sha256:" + sha256(payload);
        ZoneId zone = tenants.zoneOf(vendor.tenantId());
        Map<Integer, List<Reading>> parts = byPartition(normalized.readings());

        UUID batchId = UUID.randomUUID();
        Optional<BatchReceipt> earlier = transactions.execute(status -> {
            Optional<BatchReceipt> seen = receiptOf(vendor.vendorId(), batchKey);
            if (seen.isPresent()) return seen;
            jdbc.sql("""
                    insert into ingest_batch (id, tenant_id, vendor_id, batch_key, protocol, mapping_version, payload,
                                              rows_total, rows_accepted, rows_rejected, parts, completed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? = 0 then now() end)""")
                    .params(batchId, vendor.tenantId(), vendor.vendorId(), batchKey, protocol, mapping.version(), payload,
                            normalized.parsed().rows(), normalized.readings().size(), normalized.rejections().size(),
                            parts.size(), parts.size())
                    .update();
            quarantine(vendor, batchId, normalized);
            return Optional.empty();
        });
        if (earlier.isPresent()) return earlier.get();
        publish(batchId, vendor.tenantId(), vendor.tenantCode(), zone, parts);
        return new BatchReceipt(batchId, batchKey, BatchReceipt.Status.ACCEPTED, mapping.version(),
                normalized.parsed().rows(), normalized.readings().size(), normalized.rejections().size(),
                listed(normalized.rejections()));
    }

    /** How much of an unreadable message the quarantine keeps. */
    static final int QUARANTINED_PAYLOAD_BYTES = 65_536;

    /** Keeps a message that could not be read at all (no batch), with the reason (and its first 64 KiB). */
    void quarantineUnreadable(MachineClient vendor, byte[] payload, String reason) {
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        insert into quarantine_row (id, tenant_id, vendor_id, batch_id, row_no, raw, field, reason)
                        values (?, ?, ?, null, 0, ?, 'payload', ?)""")
                .params(UUID.randomUUID(), vendor.tenantId(), vendor.vendorId(),
                        new String(payload, 0, Math.min(payload.length, QUARANTINED_PAYLOAD_BYTES),
                                java.nio.charset.StandardCharsets.UTF_8), reason)
                .update());
    }

    /** Parses and resolves meters; nothing is stored. */
    Normalized normalize(UUID vendorId, int mappingVersion, PayloadParser parser, byte[] payload) {
        ParsedPayload parsed = parser.parse(payload, Instant.now());
        List<RowRejection> rejections = new ArrayList<>(parsed.rejections());
        List<Reading> readings = new ArrayList<>(parsed.values().size());
        List<Integer> readingRows = new ArrayList<>(parsed.values().size());
        for (SourceValue value : parsed.values()) {
            Optional<MeterRef> meter = meters.findBySerial(value.meterSerial());
            if (meter.isEmpty()) {
                rejections.add(new RowRejection(value.row(), parsed.rawRow().apply(value.row()), "meter",
                        "unknown meter " + value.meterSerial()));
            } else if (meter.get().hesVendorId() == null || !meter.get().hesVendorId().equals(vendorId)) {
                rejections.add(new RowRejection(value.row(), parsed.rawRow().apply(value.row()), "meter",
                        "meter " + value.meterSerial() + " is not served by this HES vendor"));
            } else {
                Optional<Reading> reading = toReading(meter.get(), value);
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
        List<Reading> derived = IntervalDerivation.derive(readings, parser.derivedIntervals(), parser.intervalMinutes(),
                store::registerAt);
        for (Reading reading : derived) {
            readings.add(reading);
            readingRows.add(0);
        }
        return new Normalized(mappingVersion, parsed, readings, readingRows, rejections);
    }

    /** Puts a stored batch through the pipeline again (after a restart); idempotent. */
    void redrive(UUID batchId) {
        record Stored(UUID vendorId, String vendorCode, int mappingVersion, byte[] payload) {}
        Stored stored = transactions.execute(status -> jdbc.sql("""
                        select b.vendor_id, v.code, b.mapping_version, b.payload from ingest_batch b
                          join hes_vendor v on v.id = b.vendor_id where b.id = ?""")
                .param(batchId)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getBytes(4)))
                .single());
        var mapping = mappings.version(stored.vendorId(), stored.mappingVersion());
        Normalized normalized = normalize(stored.vendorId(), mapping.version(), new PayloadParser(mapping.mapping()),
                stored.payload());
        UUID tenantId = TenantContext.requireTenantId();
        publish(batchId, tenantId, TenantContext.current().orElseThrow().tenantCode(), tenants.zoneOf(tenantId),
                byPartition(normalized.readings()));
        log.info("Re-drove batch {} ({} readings)", batchId, normalized.readings().size());
    }

    /** Outcome of re-driving quarantined rows after a mapping or registry fix. */
    record RedriveResult(int batches, int rowsRedriven, int rowsStillRejected) {}

    /**
     * Re-reads the batches holding open quarantined rows of a vendor with the mapping now in force,
     * and sends the values of those rows that now pass through the pipeline; rows still failing keep
     * their place in the quarantine with the new reason.
     */
    RedriveResult redriveQuarantine(UUID vendorId) {
        var mapping = mappings.current(vendorId).orElseThrow(() -> new ConflictException("The vendor has no mapping"));
        List<UUID> batches = transactions.execute(status -> jdbc.sql("""
                        select distinct batch_id from quarantine_row
                         where vendor_id = ? and status = 'OPEN' and batch_id is not null limit 200""")
                .param(vendorId).query(UUID.class).list());
        UUID tenantId = TenantContext.requireTenantId();
        String tenantCode = TenantContext.current().orElseThrow().tenantCode();
        ZoneId zone = tenants.zoneOf(tenantId);
        int redriven = 0, still = 0;
        for (UUID batchId : batches) {
            byte[] payload = transactions.execute(status -> jdbc.sql("select payload from ingest_batch where id = ?")
                    .param(batchId).query(byte[].class).single());
            if (payload.length == 0) {
                // the raw payload is past the tenant's retention: these rows can no longer be re-read
                transactions.executeWithoutResult(status -> jdbc.sql("""
                                update quarantine_row set reason = reason || ' (raw batch past retention: cannot be re-driven)'
                                 where batch_id = ? and status = 'OPEN' and reason not like '%past retention%'""")
                        .param(batchId).update());
                continue;
            }
            Normalized normalized = normalize(vendorId, mapping.version(), new PayloadParser(mapping.mapping()), payload);
            java.util.Set<Integer> open = new java.util.HashSet<>(transactions.execute(status -> jdbc.sql(
                    "select row_no from quarantine_row where batch_id = ? and status = 'OPEN'")
                    .param(batchId).query(Integer.class).list()));
            Map<Integer, String> failing = new java.util.HashMap<>();
            normalized.rejections().forEach(r -> failing.putIfAbsent(r.row(), r.reason()));
            List<Reading> recovered = new ArrayList<>();
            for (int i = 0; i < normalized.readings().size(); i++) {
                int row = normalized.readingRows().get(i);
                if (open.contains(row) && !failing.containsKey(row)) recovered.add(normalized.readings().get(i));
            }
            Map<Integer, List<Reading>> parts = byPartition(recovered);
            Map<Integer, List<Reading>> redriveParts = new TreeMap<>();
            parts.forEach((partition, readings) -> redriveParts.put(REDRIVE_PART_BASE + partition, readings));
            publish(batchId, tenantId, tenantCode, zone, redriveParts);
            for (int row : open) {
                if (failing.containsKey(row)) still++;
                else redriven++;
            }
            transactions.executeWithoutResult(status -> {
                for (int row : open) {
                    if (failing.containsKey(row)) {
                        jdbc.sql("update quarantine_row set reason = ? where batch_id = ? and row_no = ? and status = 'OPEN'")
                                .params(failing.get(row), batchId, row).update();
                    } else {
                        jdbc.sql("""
                                update quarantine_row set status = 'REDRIVEN', resolved_at = now(), resolved_by = ?
                                 where batch_id = ? and row_no = ? and status = 'OPEN'""")
                                .params("mapping v" + mapping.version(), batchId, row).update();
                    }
                }
            });
        }
        return new RedriveResult(batches.size(), redriven, still);
    }

    /** Re-driven quarantine rows travel as extra parts, numbered apart from the batch's own parts. */
    static final int REDRIVE_PART_BASE = 100_000;

    private void publish(UUID batchId, UUID tenantId, String tenantCode, ZoneId zone, Map<Integer, List<Reading>> parts) {
        for (Map.Entry<Integer, List<Reading>> part : parts.entrySet()) {
            IngestWork work = new IngestWork(batchId, part.getKey(), tenantId, tenantCode, zone, part.getValue());
            if (!transport.publish(work, PUBLISH_TIMEOUT)) {
                log.warn("Pipeline full: part {} of batch {} left for re-drive", part.getKey(), batchId);
            }
        }
    }

    private Map<Integer, List<Reading>> byPartition(List<Reading> readings) {
        Map<Integer, List<Reading>> parts = new TreeMap<>();
        for (Reading reading : readings) {
            parts.computeIfAbsent(transport.partitionOf(reading.meterId()), p -> new ArrayList<>()).add(reading);
        }
        return parts;
    }

    private static Optional<Reading> toReading(MeterRef meter, SourceValue value) {
        Channel channel = value.channel();
        BigDecimal scaled = channel.scaledByTransformers() ? value.value().multiply(meter.multiplier()) : value.value();
        BigDecimal units = scaled.divide(channel.resolution(), 0, RoundingMode.HALF_UP);
        long limit = channel.kind() == ChannelKind.INTERVAL ? Integer.MAX_VALUE : Long.MAX_VALUE / 2;
        if (units.abs().compareTo(BigDecimal.valueOf(limit)) > 0) return Optional.empty();
        return Optional.of(new Reading(meter.id(), channel, value.at(), value.intervalMinutes(), units.longValue(),
                value.quality()));
    }

    private Optional<BatchReceipt> receiptOf(UUID vendorId, String batchKey) {
        return jdbc.sql("""
                        select id, mapping_version, rows_total, rows_accepted, rows_rejected from ingest_batch
                         where vendor_id = ? and batch_key = ?""")
                .params(vendorId, batchKey)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    List<BatchReceipt.Rejection> rejections = jdbc.sql(
                                    "select row_no, field, reason from quarantine_row where batch_id = ? order by row_no limit "
                                            + LISTED_REJECTIONS)
                            .param(id)
                            .query((r, i) -> new BatchReceipt.Rejection(r.getInt(1), r.getString(2), r.getString(3))).list();
                    return new BatchReceipt(id, batchKey, BatchReceipt.Status.DUPLICATE, rs.getInt(2), rs.getInt(3),
                            rs.getInt(4), rs.getInt(5), rejections);
                })
                .optional();
    }

    private void quarantine(MachineClient vendor, UUID batchId, Normalized normalized) {
        template.batchUpdate("""
                insert into quarantine_row (id, tenant_id, vendor_id, batch_id, row_no, raw, field, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", normalized.rejections(), 1000, (ps, rejection) -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, vendor.tenantId());
            ps.setObject(3, vendor.vendorId());
            ps.setObject(4, batchId);
            ps.setInt(5, rejection.row());
            ps.setString(6, rejection.raw());
            ps.setString(7, rejection.field());
            ps.setString(8, rejection.reason());
        });
    }

    private static List<BatchReceipt.Rejection> listed(List<RowRejection> rejections) {
        return rejections.stream().limit(LISTED_REJECTIONS)
                .map(r -> new BatchReceipt.Rejection(r.row(), r.field(), r.reason())).toList();
    }

    private static String sha256(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
