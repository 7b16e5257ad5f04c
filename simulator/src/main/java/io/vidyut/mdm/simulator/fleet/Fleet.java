package io.vidyut.mdm.simulator.fleet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The meters to play and the network they sit in: which consumer meters feed which DT, which DTs hang on which
 * feeder. Meters of every vendor are kept, including vendors not being simulated, because a DT meter's energy is
 * the sum of all its consumers whoever their HES is.
 */
public final class Fleet {
    private final List<SimMeter> meters;
    private final Map<String, DtNode> dts;
    private final Map<String, List<SimMeter>> consumerMetersByDt = new LinkedHashMap<>();
    private final Map<String, List<String>> dtIdsByFeeder = new LinkedHashMap<>();

    public Fleet(List<SimMeter> meters, Collection<DtNode> dtNodes) {
        this.meters = List.copyOf(meters);
        Map<String, DtNode> nodes = new LinkedHashMap<>();
        for (DtNode dt : dtNodes) {
            nodes.put(dt.id(), dt);
        }
        for (SimMeter meter : this.meters) {
            String dtId = meter.dtId();
            if (dtId != null) {
                nodes.putIfAbsent(dtId, new DtNode(dtId, null));
            }
            if (meter.role() == MeterRole.CONSUMER && dtId != null) {
                consumerMetersByDt.computeIfAbsent(dtId, k -> new ArrayList<>()).add(meter);
            }
        }
        this.dts = Collections.unmodifiableMap(nodes);
        for (DtNode dt : dts.values()) {
            if (dt.feederId() != null) {
                dtIdsByFeeder.computeIfAbsent(dt.feederId(), k -> new ArrayList<>()).add(dt.id());
            }
        }
    }

    public List<SimMeter> meters() {
        return meters;
    }

    public Map<String, DtNode> dts() {
        return dts;
    }

    public List<SimMeter> consumerMetersOf(String dtId) {
        return consumerMetersByDt.getOrDefault(dtId, List.of());
    }

    public List<String> dtIdsOf(String feederId) {
        return dtIdsByFeeder.getOrDefault(feederId, List.of());
    }

    public Set<String> feederIds() {
        Set<String> ids = new LinkedHashSet<>(dtIdsByFeeder.keySet());
        for (SimMeter meter : meters) {
            if (meter.role() == MeterRole.FEEDER && meter.nodeId() != null) {
                ids.add(meter.nodeId());
            }
        }
        return ids;
    }

    /** Meters of the given vendors, in fleet order; boundary meters are left out (no model for them yet). */
    public List<SimMeter> metersOf(Collection<String> vendorCodes) {
        List<SimMeter> selected = new ArrayList<>();
        for (SimMeter meter : meters) {
            if (vendorCodes.contains(meter.vendorCode()) && meter.role() != MeterRole.BOUNDARY) {
                selected.add(meter);
            }
        }
        return selected;
    }
}
