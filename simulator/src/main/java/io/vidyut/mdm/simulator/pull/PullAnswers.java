package io.vidyut.mdm.simulator.pull;

import io.vidyut.mdm.simulator.payload.HplPayloadFactory;
import io.vidyut.mdm.simulator.payload.IntervalReading;
import io.vidyut.mdm.simulator.payload.KiranPayloadFactory;
import io.vidyut.mdm.simulator.payload.MeterDay;
import io.vidyut.mdm.simulator.payload.Payload;
import io.vidyut.mdm.simulator.payload.VoltaPayloadFactory;
import io.vidyut.mdm.simulator.payload.WireFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * A pull's answer in the vendor's own wire format, written by the push factories themselves: the MDM reads it with
 * the vendor's mapping exactly like a push, and the values come out the same.
 *
 * <ul>
 *   <li>HPL: one batch, one element of {@code meters} per local day (as a backfill groups them);</li>
 *   <li>VOLTA: its message holds one meter-interval, so a profile can only answer a range holding exactly one
 *       interval (history for VOLTA meters is not offered: its mapping gets a read_path only);</li>
 *   <li>KIRAN: one DATA-NOTIFICATION whose block load profile holds every requested row.</li>
 * </ul>
 */
final class PullAnswers {
    private final WireFormat format;
    private final HplPayloadFactory hpl;
    private final VoltaPayloadFactory volta;
    private final KiranPayloadFactory kiran;

    PullAnswers(String vendorCode, WireFormat format) {
        this.format = format;
        this.hpl = new HplPayloadFactory(vendorCode);
        this.volta = new VoltaPayloadFactory(vendorCode);
        this.kiran = new KiranPayloadFactory(vendorCode);
    }

    /** An on-demand read: one interval (and, for HPL, the register with it). */
    Payload read(MeterDay latest) {
        if (latest.intervals().isEmpty()) {
            throw PullRefusal.notFound("the meter has no interval data");
        }
        return switch (format) {
            case HPL_JSON -> hpl.build(List.of(latest));
            case VOLTA_JSON -> volta.build(latest).get(0);
            case KIRAN_DLMS -> kiran.build(latest);
        };
    }

    /** A history answer: the given meter-days, oldest first. */
    Payload profile(List<MeterDay> days) {
        List<IntervalReading> rows = new ArrayList<>();
        days.forEach(day -> rows.addAll(day.intervals()));
        if (rows.isEmpty()) {
            throw PullRefusal.badRequest("no completed interval ends within (from, to]");
        }
        return switch (format) {
            case HPL_JSON -> hpl.build(days);
            case VOLTA_JSON -> {
                if (rows.size() != 1) {
                    throw PullRefusal.badRequest("VOLTA answers one meter-interval per message: ask for a range "
                            + "holding a single 15-minute interval, or use /read");
                }
                yield volta.build(days.stream().filter(d -> !d.intervals().isEmpty()).findFirst().orElseThrow())
                        .get(0);
            }
            case KIRAN_DLMS -> kiran.build(new MeterDay(days.get(0).meter(), days.get(0).day(), rows, null));
        };
    }
}
