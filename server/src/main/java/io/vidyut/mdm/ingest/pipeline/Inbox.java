package io.vidyut.mdm.ingest.pipeline;

import io.vidyut.mdm.ingest.BatchReceipt;
import io.vidyut.mdm.ingest.HesInbox;
import io.vidyut.mdm.security.MachineClient;
import org.springframework.stereotype.Component;

/** The inbox adapters deliver to: readings to the ingestion pipeline, events to the event intake. */
@Component
class Inbox implements HesInbox {
    private final IngestService readings;
    private final EventIngestService events;

    Inbox(IngestService readings, EventIngestService events) {
        this.readings = readings;
        this.events = events;
    }

    @Override
    public BatchReceipt readings(MachineClient vendor, String protocol, byte[] payload, String batchKey) {
        return readings.accept(vendor, protocol, payload, batchKey);
    }

    @Override
    public BatchReceipt events(MachineClient vendor, String protocol, byte[] payload, String batchKey) {
        return events.accept(vendor, protocol, payload, batchKey);
    }

    @Override
    public void unreadable(MachineClient vendor, byte[] payload, String reason) {
        readings.quarantineUnreadable(vendor, payload, reason);
    }
}
