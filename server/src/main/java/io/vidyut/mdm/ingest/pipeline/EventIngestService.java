package io.vidyut.mdm.ingest.pipeline;

import io.vidyut.mdm.ingest.PayloadLimit;
import io.vidyut.mdm.ingest.BatchReceipt;
import io.vidyut.mdm.events.EventRecorder;
import io.vidyut.mdm.events.MeterActivity;
import io.vidyut.mdm.events.NewEvent;
import io.vidyut.mdm.hes.mapping.ParsedEvents;
import io.vidyut.mdm.hes.mapping.PayloadParser;
import io.vidyut.mdm.hes.mapping.RowRejection;
import io.vidyut.mdm.hes.mapping.SourceEvent;
import io.vidyut.mdm.security.MachineClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts an event push from an HES: read by the vendor mapping's {@code events} section, meters
 * resolved, bad rows quarantined, and the raw batch and its events stored in one transaction before
 * the HES gets its receipt. Idempotent by batch key, like readings (keys kept apart by an "events:" prefix).
 */
@Service
class EventIngestService {
    static final String KEY_PREFIX = "events:";

    private final IngestService ingest;
    private final VendorMeters vendorMeters;
    private final BatchLedger ledger;
    private final EventRecorder recorder;
    private final MeterActivity activity;
    private final TransactionTemplate transactions;
    private final PayloadLimit limit;
    private final Clock clock;

    EventIngestService(IngestService ingest, VendorMeters vendorMeters, BatchLedger ledger, EventRecorder recorder,
                       MeterActivity activity, TransactionTemplate transactions, PayloadLimit limit, Clock clock) {
        this.ingest = ingest;
        this.vendorMeters = vendorMeters;
        this.ledger = ledger;
        this.recorder = recorder;
        this.activity = activity;
        this.transactions = transactions;
        this.limit = limit;
        this.clock = clock;
    }

    BatchReceipt accept(MachineClient vendor, String protocol, byte[] payload, String batchKeyHint) {
        limit.check(payload.length);
        var mapping = ingest.mappingOf(vendor);
        ParsedEvents parsed = new PayloadParser(mapping.mapping()).parseEvents(payload, clock.instant());
        EmptyPush.refuseIfEmpty(parsed.rows(), mapping.mapping(), true);
        UUID batchId = UUID.randomUUID();
        List<NewEvent> events = new ArrayList<>(parsed.events().size());
        List<RowRejection> rejections = new ArrayList<>(parsed.rejections());
        for (SourceEvent event : parsed.events()) {
            VendorMeters.Resolution meter = vendorMeters.resolve(event.meterSerial(), vendor.vendorId());
            if (meter.refusal() != null) {
                rejections.add(new RowRejection(event.row(), parsed.rawRow().apply(event.row()), "meter", meter.refusal()));
            } else {
                events.add(new NewEvent(meter.meter().id(), event.at(), event.code(), event.rawCode(), vendor.vendorId(),
                        batchId));
            }
        }
        rejections.sort(Comparator.comparingInt(RowRejection::row));
        String batchKey = KEY_PREFIX + BatchLedger.batchKey(batchKeyHint, parsed.batchId(), payload);
        BatchLedger.NewBatch batch = new BatchLedger.NewBatch(batchId, vendor, batchKey, protocol, mapping.version(),
                payload, parsed.rows(), events.size(), rejections.size(), 0);
        recorder.preparePartitions(events);
        Optional<BatchReceipt> earlier = transactions.execute(status -> {
            Optional<BatchReceipt> seen = ledger.receiptOf(vendor.vendorId(), batchKey);
            if (seen.isPresent()) return seen;
            ledger.record(batch, rejections);
            recorder.record(events);
            activity.heardFrom(vendor.tenantId(), events.stream().map(NewEvent::meterId).toList());
            return Optional.<BatchReceipt>empty();
        });
        return earlier.orElseGet(() -> BatchLedger.firstReceipt(batch, rejections));
    }
}
