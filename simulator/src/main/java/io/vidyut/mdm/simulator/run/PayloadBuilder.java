package io.vidyut.mdm.simulator.run;

import io.vidyut.mdm.simulator.payload.HplPayloadFactory;
import io.vidyut.mdm.simulator.payload.KiranPayloadFactory;
import io.vidyut.mdm.simulator.payload.MeterDay;
import io.vidyut.mdm.simulator.payload.Payload;
import io.vidyut.mdm.simulator.payload.VoltaPayloadFactory;
import io.vidyut.mdm.simulator.payload.WireFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Groups meter readings into each vendor's messages: vendor A one batch for all given meter-days, vendor B one
 * message per meter-interval, vendor C one notification per meter-day.
 */
final class PayloadBuilder {
    private final Map<String, HplPayloadFactory> hpl = new ConcurrentHashMap<>();
    private final Map<String, VoltaPayloadFactory> volta = new ConcurrentHashMap<>();
    private final Map<String, KiranPayloadFactory> kiran = new ConcurrentHashMap<>();

    List<Payload> build(String vendor, WireFormat format, List<MeterDay> meterDays) {
        List<MeterDay> present = new ArrayList<>(meterDays.size());
        for (MeterDay meterDay : meterDays) {
            if (!meterDay.isEmpty()) {
                present.add(meterDay);
            }
        }
        if (present.isEmpty()) {
            return List.of();
        }
        return switch (format) {
            case HPL_JSON -> List.of(hpl.computeIfAbsent(vendor, HplPayloadFactory::new).build(present));
            case VOLTA_JSON -> {
                VoltaPayloadFactory factory = volta.computeIfAbsent(vendor, VoltaPayloadFactory::new);
                List<Payload> messages = new ArrayList<>();
                for (MeterDay meterDay : present) {
                    messages.addAll(factory.build(meterDay));
                }
                yield messages;
            }
            case KIRAN_DLMS -> {
                KiranPayloadFactory factory = kiran.computeIfAbsent(vendor, KiranPayloadFactory::new);
                List<Payload> notifications = new ArrayList<>();
                for (MeterDay meterDay : present) {
                    if (!meterDay.intervals().isEmpty()) {
                        notifications.add(factory.build(meterDay));
                    }
                }
                yield notifications;
            }
        };
    }
}
