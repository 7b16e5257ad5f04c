package io.vidyut.mdm.billing.cycles;

import io.vidyut.mdm.billing.cycles.CycleDeterminants.Coverage;
import io.vidyut.mdm.billing.cycles.CycleDeterminants.Demand;
import io.vidyut.mdm.billing.cycles.CycleDeterminants.Energy;
import io.vidyut.mdm.billing.cycles.CycleDeterminants.MeterRead;
import io.vidyut.mdm.billing.cycles.CycleDeterminants.NetMetering;
import io.vidyut.mdm.billing.cycles.CycleDeterminants.Reason;
import io.vidyut.mdm.billing.cycles.CycleDeterminants.TodZoneEnergy;
import io.vidyut.mdm.billing.cycles.CycleInput.MeterInput;
import io.vidyut.mdm.billing.cycles.CycleInput.Period;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.IntervalDay;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One consumer's determinants for one period, a pure function of what was loaded (docs/billing.md, "Determinants").
 * The period is laid out as a grid of intervals ({@code gridMinutes}, the meters' interval length); every meter's
 * values are added onto it, so a replaced and a new meter make one series (each stored already scaled by its own CT/PT
 * multiplier) and the maximum demand is taken over both. Sums are exact in the store's fixed point.
 */
final class DeterminantCalculator {
    static final int ENERGY_SCALE = 4;
    static final int DEMAND_SCALE = 3;
    private static final Channel[] CHANNELS = {Channel.KWH_IMPORT, Channel.KWH_EXPORT, Channel.KVAH_IMPORT, Channel.KVAH_EXPORT};
    private static final int IMPORT = 0, EXPORT = 1, KVAH_IMPORT = 2, KVAH_EXPORT = 3;

    private DeterminantCalculator() {}

    /** The grid an input is laid on: the shortest interval among its day rows, 15 minutes when it has none. */
    static int gridMinutes(CycleInput input) {
        int grid = Integer.MAX_VALUE;
        for (MeterInput meter : input.meters()) for (IntervalDay day : meter.days()) grid = Math.min(grid, day.intervalMinutes());
        return grid == Integer.MAX_VALUE ? 15 : grid;
    }

    /** {@code zones} must be laid on {@link #gridMinutes} of this input. */
    static CycleDeterminants calculate(CycleInput input, Period period, BillingSettings settings, SlotZones zones) {
        int grid = gridMinutes(input);
        int slots = zones.zoneOfSlot().length;
        long startSecond = period.start().getEpochSecond();
        long[][] energy = new long[CHANNELS.length][slots];
        byte[] importQuality = new byte[slots];
        boolean[] importPresent = new boolean[slots];
        boolean[] importWithheld = new boolean[slots];
        boolean[] recorded = new boolean[CHANNELS.length]; // a channel the meters kept in the period: absent is not zero
        long dataVersion = 0;
        List<MeterRead> reads = new ArrayList<>();
        List<Reason> reasons = new ArrayList<>();

        for (MeterInput meter : input.meters()) {
            long openingSecond = meter.opening() == null ? Long.MAX_VALUE : meter.opening().at().getEpochSecond();
            long closingSecond = meter.closing() == null ? Long.MIN_VALUE : meter.closing().at().getEpochSecond();
            long betweenReads = 0;
            for (IntervalDay day : meter.days()) {
                int channel = channelIndex(day.channel());
                if (channel < 0) continue;
                dataVersion += day.version();
                long dayStart = day.day().atStartOfDay(period.zone()).toEpochSecond();
                long step = day.intervalMinutes() * 60L;
                Integer[] values = day.values();
                for (int s = 0; s < values.length; s++) {
                    Integer value = values[s];
                    if (value == null) continue;
                    long end = dayStart + (s + 1) * step;
                    if (!meter.withheld().isEmpty() && withheld(meter, day.channel(), end)) {
                        if (channel == IMPORT && end > startSecond) markWithheld(importWithheld, startSecond, end, grid);
                        continue;
                    }
                    if (channel == IMPORT && end > openingSecond && end <= closingSecond) betweenReads += value;
                    if (end <= startSecond) continue;
                    int slot = (int) ((end - startSecond) / (grid * 60L)) - 1;
                    if (slot >= slots) continue;
                    energy[channel][slot] += value;
                    recorded[channel] = true;
                    if (channel == IMPORT) {
                        importPresent[slot] = true;
                        importQuality[slot] |= day.quality()[s];
                    }
                }
            }
            reads.add(meterRead(meter, betweenReads, period, settings, reasons));
        }

        BigDecimal kwhImport = kwh(sum(energy[IMPORT]));
        Coverage coverage = coverage(grid, importPresent, importQuality, importWithheld);
        Demand demand = demand(input, period, settings, grid, energy, recorded[KVAH_IMPORT]);
        if (input.meters().isEmpty()) reasons.add(new Reason("NO_METER", "The consumer had no meter in the period"));
        if (!zones.tariffed()) reasons.add(new Reason("NO_TARIFF", "No tariff version in force in the period has category "
                + input.consumer().category()));
        if (zones.billsKvah() && !recorded[KVAH_IMPORT]) {
            reasons.add(new Reason("NO_KVAH", "Category " + input.consumer().category()
                    + " is billed in kVAh and the meters kept no kVAh in the period"));
        }
        if (coverage.withheld() > 0) reasons.add(new Reason("VEE_WITHHELD", coverage.withheld()
                + " intervals are held back by an open blocking VEE exception"));
        if (coverage.estimatedShare().compareTo(settings.maxEstimatedShare()) > 0) {
            reasons.add(new Reason("ESTIMATED_SHARE", "Estimated share " + coverage.estimatedShare().toPlainString()
                    + " is above " + settings.maxEstimatedShare().toPlainString()));
        }
        if (coverage.missingShare().compareTo(settings.maxMissingShare()) > 0) {
            reasons.add(new Reason("MISSING_INTERVALS", coverage.missing() + " of " + coverage.expected()
                    + " intervals are missing (share " + coverage.missingShare().toPlainString() + ")"));
        }
        return new CycleDeterminants(input.consumer().id(), input.consumer().accountNo(), input.consumer().category(),
                period.firstDay(), period.lastDay(), period.days(),
                new Energy(kwhImport, kwh(sum(energy[EXPORT])), recorded[KVAH_IMPORT] ? kwh(sum(energy[KVAH_IMPORT])) : null,
                        recorded[KVAH_EXPORT] ? kwh(sum(energy[KVAH_EXPORT])) : null),
                zoneEnergy(zones, energy, recorded[KVAH_IMPORT]), demand, powerFactor(energy),
                input.consumer().netMetered() ? netMetering(input, kwhImport, kwh(sum(energy[EXPORT]))) : null,
                List.copyOf(reads), coverage, dataVersion, List.copyOf(reasons));
    }

    private static int channelIndex(Channel channel) {
        for (int i = 0; i < CHANNELS.length; i++) if (CHANNELS[i] == channel) return i;
        return -1;
    }

    private static boolean withheld(MeterInput meter, Channel channel, long endSecond) {
        Instant end = Instant.ofEpochSecond(endSecond);
        for (CycleInput.HeldBack held : meter.withheld()) if (held.channel() == channel && held.holds(end)) return true;
        return false;
    }

    private static void markWithheld(boolean[] withheld, long startSecond, long end, int grid) {
        int slot = (int) ((end - startSecond) / (grid * 60L)) - 1;
        if (slot < withheld.length) withheld[slot] = true;
    }

    private static MeterRead meterRead(MeterInput meter, long betweenReads, Period period, BillingSettings settings,
                                       List<Reason> reasons) {
        var opening = meter.opening();
        var closing = meter.closing();
        Instant closingDue = period.end().minusSeconds(settings.closingReadHours() * 3600L);
        if (meter.inService() && (closing == null || closing.at().isBefore(closingDue))) {
            reasons.add(new Reason("MISSING_CLOSING_READ", "Meter " + meter.serial() + " has no import register read from "
                    + at(closingDue, period) + " to the period's end"));
        }
        BigDecimal registerKwh = null, intervalKwh = null, difference = null;
        if (opening != null && closing != null && !closing.at().isBefore(opening.at())) {
            long register = closing.units() - opening.units();
            registerKwh = kwh(register);
            intervalKwh = kwh(betweenReads);
            difference = kwh(register - betweenReads);
            if (register < 0) {
                reasons.add(new Reason("NEGATIVE_CONSUMPTION", "Meter " + meter.serial() + "'s import register fell by "
                        + registerKwh.negate().toPlainString() + " kWh"));
            } else {
                BigDecimal tolerance = settings.sumCheckToleranceKwh()
                        .max(registerKwh.multiply(settings.sumCheckTolerancePercent()).movePointLeft(2));
                if (difference.abs().compareTo(tolerance) > 0) {
                    reasons.add(new Reason("SUM_CHECK", "Meter " + meter.serial() + ": the register advanced "
                            + registerKwh.toPlainString() + " kWh, its intervals add up to " + intervalKwh.toPlainString()
                            + " kWh (tolerance " + tolerance.stripTrailingZeros().toPlainString() + " kWh)"));
                }
            }
        }
        return new MeterRead(meter.meterId(), meter.serial(), meter.inService(),
                opening == null ? null : kwh(opening.units()), opening == null ? null : at(opening.at(), period),
                closing == null ? null : kwh(closing.units()), closing == null ? null : at(closing.at(), period),
                registerKwh, intervalKwh, difference);
    }

    private static Coverage coverage(int grid, boolean[] present, byte[] quality, boolean[] withheld) {
        long actual = 0, estimated = 0, edited = 0, held = 0;
        for (int i = 0; i < present.length; i++) {
            if (present[i]) {
                if ((quality[i] & Quality.EDITED.bit()) != 0) edited++;
                else if ((quality[i] & Quality.ESTIMATED.bit()) != 0) estimated++;
                else actual++;
            } else if (withheld[i]) {
                held++;
            }
        }
        long expected = present.length;
        long missing = expected - actual - estimated - edited - held;
        return new Coverage(grid, expected, actual, estimated, edited, held, missing, share(estimated, expected), share(missing, expected));
    }

    /** Without kVAh recorded, no kVA demand (rather than 0 kVA). */
    private static Demand demand(CycleInput input, Period period, BillingSettings settings, int grid, long[][] energy,
                                 boolean kvahRecorded) {
        int window = Math.max(1, settings.demandIntegrationMinutes() / grid);
        Peak kw = peak(energy[IMPORT], window, settings.slidingDemand());
        Peak kva = peak(energy[KVAH_IMPORT], window, settings.slidingDemand());
        int minutes = window * grid;
        BigDecimal mdKw = demand(kw.units, minutes);
        BigDecimal load = input.consumer().sanctionedLoadKw();
        boolean exceeds = load != null && mdKw.compareTo(load) > 0;
        int inYear = input.earlierExceedances() + (exceeds ? 1 : 0);
        IntFunction<OffsetDateTime> endOf = end -> at(period.start().plusSeconds((long) end * grid * 60), period);
        return new Demand(minutes, settings.slidingDemand(), mdKw, kw.units == 0 ? null : endOf.apply(kw.end),
                kvahRecorded ? demand(kva.units, minutes) : null, kva.units == 0 ? null : endOf.apply(kva.end), load, exceeds, inYear,
                exceeds && inYear >= 3);
    }

    /** The largest energy in a window of {@code window} slots (blocks from the start, or sliding) and its end slot. */
    private record Peak(long units, int end) {}

    private static Peak peak(long[] energy, int window, boolean sliding) {
        long best = 0, running = 0;
        int bestEnd = 0;
        for (int i = 0; i < energy.length; i++) {
            running += energy[i];
            if (i >= window && sliding) running -= energy[i - window];
            boolean windowEnds = sliding ? i >= window - 1 : (i + 1) % window == 0;
            if (!windowEnds) continue;
            if (running > best) {
                best = running;
                bestEnd = i + 1;
            }
            if (!sliding) running = 0;
        }
        return new Peak(best, bestEnd);
    }

    /** kW (kVA) from fixed-point kWh (kVAh) over {@code minutes}: units × 10⁻⁴ × 60 / minutes. */
    private static BigDecimal demand(long units, int minutes) {
        return BigDecimal.valueOf(units * 60, ENERGY_SCALE).divide(BigDecimal.valueOf(minutes), DEMAND_SCALE, RoundingMode.HALF_UP);
    }

    private static List<TodZoneEnergy> zoneEnergy(SlotZones zones, long[][] energy, boolean kvahRecorded) {
        long[][] byZone = new long[zones.names().size()][3];
        for (int i = 0; i < zones.zoneOfSlot().length; i++) {
            long[] zone = byZone[zones.zoneOfSlot()[i]];
            zone[0] += energy[IMPORT][i];
            zone[1] += energy[KVAH_IMPORT][i];
            zone[2] += energy[EXPORT][i];
        }
        List<TodZoneEnergy> result = new ArrayList<>();
        for (int z = 0; z < byZone.length; z++) {
            result.add(new TodZoneEnergy(zones.names().get(z), kwh(byZone[z][0]), kvahRecorded ? kwh(byZone[z][1]) : null,
                    kwh(byZone[z][2])));
        }
        return List.copyOf(result);
    }

    /** kWh / kVAh of import, at most 1 (estimates of the two channels need not agree); null without kVAh. */
    private static BigDecimal powerFactor(long[][] energy) {
        long kvah = sum(energy[KVAH_IMPORT]);
        if (kvah <= 0) return null;
        return BigDecimal.valueOf(sum(energy[IMPORT])).divide(BigDecimal.valueOf(kvah), 3, RoundingMode.HALF_UP).min(BigDecimal.ONE.setScale(3));
    }

    private static NetMetering netMetering(CycleInput input, BigDecimal imported, BigDecimal exported) {
        BigDecimal net = imported.subtract(exported);
        BigDecimal opening = input.bankedOpeningKwh() == null ? kwh(0) : input.bankedOpeningKwh().setScale(ENERGY_SCALE);
        BigDecimal used = net.signum() > 0 ? net.min(opening) : kwh(0);
        BigDecimal closing = net.signum() > 0 ? opening.subtract(used) : opening.add(net.negate());
        BigDecimal billed = net.signum() > 0 ? net.subtract(used) : kwh(0);
        return new NetMetering(imported, exported, net, opening, used, closing, billed);
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) total += v;
        return total;
    }

    static BigDecimal kwh(long units) {
        return BigDecimal.valueOf(units, ENERGY_SCALE);
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4) : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static OffsetDateTime at(Instant instant, Period period) {
        return instant.atZone(period.zone()).toOffsetDateTime();
    }
}
