package io.vidyut.mdm.ingest;

import io.vidyut.mdm.ingest.pull.HesPullClient;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.hes.HesVendor;
import io.vidyut.mdm.hes.HesVendorService;
import io.vidyut.mdm.hes.mapping.PayloadMapping;
import io.vidyut.mdm.hes.VendorMappingService;
import io.vidyut.mdm.meters.Meter;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.security.MachineClient;
import io.vidyut.mdm.tenancy.TenantContext;
import org.springframework.stereotype.Component;

/**
 * An on-demand read of one meter of the current tenant: its HES's {@code read_path} is fetched (timeout,
 * retries and circuit breaker of {@link HesPullClient}) and the answer goes through the ingestion pipeline
 * as a batch of protocol {@code PULL}, like any push. Used by {@code POST /meters/{id}/pull} and by executed
 * {@code ON_DEMAND_READ} commands.
 */
@Component
public class OnDemandReads {
    private final MeterService meters;
    private final HesVendorService vendors;
    private final VendorMappingService mappings;
    private final HesPullClient client;
    private final HesInbox inbox;

    OnDemandReads(MeterService meters, HesVendorService vendors, VendorMappingService mappings, HesPullClient client,
                  HesInbox inbox) {
        this.meters = meters;
        this.vendors = vendors;
        this.mappings = mappings;
        this.client = client;
        this.inbox = inbox;
    }

    /**
     * Reads the meter now and ingests the answer.
     *
     * @throws ConflictException when the meter has no vendor or the vendor's mapping no read_path
     * @throws RuntimeException  when the HES fails after retries, refuses, or its circuit is open
     */
    public BatchReceipt readAndIngest(Meter meter) {
        if (meter.hesVendorId() == null) throw new ConflictException("Meter " + meter.serial() + " has no HES vendor");
        HesVendor vendor = vendors.get(meter.hesVendorId());
        PayloadMapping.PullEndpoint endpoint = mappings.current(vendor.id()).map(m -> m.mapping().pull())
                .orElseThrow(() -> new ConflictException("HES vendor " + vendor.code() + " has no pull endpoint in its mapping"));
        byte[] answer = client.read(vendor.id(), endpoint, meter.serial());
        return inbox.readings(asVendor(vendor), "PULL", answer, null);
    }

    public static MachineClient asVendor(HesVendor vendor) {
        return new MachineClient(vendor.id(), vendor.code(), TenantContext.requireTenantId(),
                TenantContext.current().orElseThrow().tenantCode());
    }
}
