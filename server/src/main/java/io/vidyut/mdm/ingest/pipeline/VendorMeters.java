package io.vidyut.mdm.ingest.pipeline;

import io.vidyut.mdm.meters.MeterDirectory;
import io.vidyut.mdm.meters.MeterRef;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The meter a row names, if it is the tenant's and served by the HES that sent the row. */
@Component
class VendorMeters {
    private final MeterDirectory meters;

    VendorMeters(MeterDirectory meters) {
        this.meters = meters;
    }

    /** Either the meter or the reason the row cannot be taken for it. */
    record Resolution(MeterRef meter, String refusal) {}

    Resolution resolve(String serial, UUID vendorId) {
        Optional<MeterRef> meter = meters.findBySerial(serial);
        if (meter.isEmpty()) return new Resolution(null, "unknown meter " + serial);
        if (meter.get().hesVendorId() == null || !meter.get().hesVendorId().equals(vendorId)) {
            return new Resolution(null, "meter " + serial + " is not served by this HES vendor");
        }
        return new Resolution(meter.get(), null);
    }
}
