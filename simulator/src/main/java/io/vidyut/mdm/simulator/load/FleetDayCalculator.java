package io.vidyut.mdm.simulator.load;

import io.vidyut.mdm.simulator.anomaly.AnomalyPlan;
import io.vidyut.mdm.simulator.fleet.DtNode;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.MeterRole;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Computes a {@link FleetDay}: consumer meters from the load model, DT meters as the net of their consumers plus
 * DT losses, feeder meters as the sum of their DTs plus feeder losses, each divided by the meter's CT × PT ratio.
 *
 * <p>DTs add up what consumers truly drew, not what their meters recorded: a reversed consumer meter (an
 * injected tamper) still takes energy from the DT. A net-metered consumer's export feeds back into the DT, so it
 * counts negative. Losses grow with the power flowing either way: flow = net + loss × |net|.
 */
public final class FleetDayCalculator {
    private static final double[] NO_EXPORT = new double[IntervalClock.PER_DAY];

    private final Fleet fleet;
    private final ConsumerLoadModel loads;
    private final LossModel losses;
    private final AnomalyPlan anomalies;

    public FleetDayCalculator(Fleet fleet, long seed, AnomalyPlan anomalies) {
        this.fleet = fleet;
        this.loads = new ConsumerLoadModel(seed);
        this.losses = new LossModel(seed);
        this.anomalies = anomalies;
    }

    public FleetDay compute(LocalDate day) {
        int n = IntervalClock.PER_DAY;
        long firstSlot = IntervalClock.firstSlot(day);
        Map<String, MeterFlow> flows = new HashMap<>();
        Map<String, double[]> dtNet = new HashMap<>();
        double[] load = new double[n];
        double[] solar = new double[n];
        for (SimMeter meter : fleet.meters()) {
            if (meter.role() != MeterRole.CONSUMER) {
                continue;
            }
            loads.dayLoad(meter, day, load);
            loads.daySolar(meter, day, solar);
            boolean[] reversed = reversedIntervals(meter, firstSlot, n);
            double[] imported = new double[n];
            double[] exported = meter.netMetered() || reversed != null ? new double[n] : NO_EXPORT;
            String dtId = meter.consumer().dtId();
            double[] net = dtId == null ? null : dtNet.computeIfAbsent(dtId, k -> new double[n]);
            double multiplier = meter.multiplier();
            for (int i = 0; i < n; i++) {
                double trueImport = Math.max(load[i] - solar[i], 0);
                double trueExport = Math.max(solar[i] - load[i], 0);
                boolean swap = reversed != null && reversed[i];
                imported[i] = (swap ? trueExport : trueImport) / multiplier;
                if (exported != NO_EXPORT) {
                    exported[i] = (swap ? trueImport : trueExport) / multiplier;
                }
                if (net != null) {
                    net[i] += trueImport - trueExport;
                }
            }
            flows.put(meter.id(), new MeterFlow(imported, exported));
        }
        Map<String, double[]> dtFlows = new HashMap<>();
        for (DtNode dt : fleet.dts().values()) {
            double[] net = dtNet.getOrDefault(dt.id(), new double[n]);
            long key = Noise.keyOf(dt.id());
            double[] flow = new double[n];
            for (int i = 0; i < n; i++) {
                flow[i] = net[i] + losses.dtLoss(key, firstSlot + i) * Math.abs(net[i]);
            }
            dtFlows.put(dt.id(), flow);
        }
        Map<String, double[]> feederFlows = new HashMap<>();
        for (String feederId : fleet.feederIds()) {
            long key = Noise.keyOf(feederId);
            double[] flow = new double[n];
            for (String dtId : fleet.dtIdsOf(feederId)) {
                double[] dtFlow = dtFlows.get(dtId);
                for (int i = 0; i < n; i++) {
                    flow[i] += dtFlow[i];
                }
            }
            for (int i = 0; i < n; i++) {
                flow[i] += losses.feederLoss(key, firstSlot + i) * Math.abs(flow[i]);
            }
            feederFlows.put(feederId, flow);
        }
        for (SimMeter meter : fleet.meters()) {
            double[] primary = switch (meter.role()) {
                case DT -> dtFlows.get(meter.nodeId());
                case FEEDER -> feederFlows.get(meter.nodeId());
                default -> null;
            };
            if (meter.role() == MeterRole.DT || meter.role() == MeterRole.FEEDER) {
                flows.put(meter.id(), split(primary == null ? new double[n] : primary, meter.multiplier()));
            }
        }
        return new FleetDay(day, flows, dtFlows, feederFlows);
    }

    /** Reverse-energy anomaly (a reversed connection) only makes sense where export is not expected. */
    private boolean[] reversedIntervals(SimMeter meter, long firstSlot, int n) {
        if (!anomalies.enabled() || meter.netMetered()) {
            return null;
        }
        var runs = anomalies.reverseRuns(meter.key(), firstSlot, firstSlot + n - 1);
        if (runs.isEmpty()) {
            return null;
        }
        boolean[] reversed = new boolean[n];
        for (var run : runs) {
            for (int i = 0; i < n; i++) {
                reversed[i] |= run.covers(firstSlot + i);
            }
        }
        return reversed;
    }

    private static MeterFlow split(double[] primary, double multiplier) {
        double[] imported = new double[primary.length];
        double[] exported = new double[primary.length];
        boolean anyExport = false;
        for (int i = 0; i < primary.length; i++) {
            imported[i] = Math.max(primary[i], 0) / multiplier;
            exported[i] = Math.max(-primary[i], 0) / multiplier;
            anyExport |= exported[i] > 0;
        }
        return new MeterFlow(imported, anyExport ? exported : NO_EXPORT);
    }
}
