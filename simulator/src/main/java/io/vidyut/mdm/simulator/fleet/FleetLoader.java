package io.vidyut.mdm.simulator.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fleet from a running MDM: HES vendors, consumers (for sanctioned load, tariff, net metering and DT),
 * DT nodes (for their feeder) and every in-service meter. All vendors' meters are read, not just the simulated
 * ones, because a DT's energy is the sum of all its consumers. One paged list per kind instead of a request per
 * consumer keeps start-up to a handful of calls.
 */
public final class FleetLoader {
    /** The fleet, and each vendor code's protocol as the MDM has it (REST, MQTT, DLMS). */
    public record Loaded(Fleet fleet, Map<String, String> protocolsByVendor) {
    }

    private FleetLoader() {
    }

    public static Loaded load(MdmApiClient api) {
        Map<String, String> vendorCodeById = new HashMap<>();
        Map<String, String> protocols = new HashMap<>();
        for (JsonNode vendor : api.listAll("/api/v1/hes-vendors", Map.of())) {
            vendorCodeById.put(vendor.path("id").asString(), vendor.path("code").asString());
            protocols.put(vendor.path("code").asString(), vendor.path("protocol").asString(null));
        }
        Map<String, ConsumerProfile> consumers = new HashMap<>();
        for (JsonNode c : api.listAll("/api/v1/consumers", Map.of())) {
            double sanctioned = c.path("sanctioned_load_kw").asDouble(0);
            consumers.put(c.path("id").asString(), new ConsumerProfile(c.path("id").asString(),
                    sanctioned > 0 ? sanctioned : 2.0, c.path("tariff_category").asString(null),
                    c.path("net_metered").asBoolean(false), text(c.path("dt_id"))));
        }
        List<DtNode> dts = new ArrayList<>();
        for (JsonNode summary : api.listAll("/api/v1/network/nodes", Map.of("level", "DT"))) {
            JsonNode node = summary.has("node") ? summary.path("node") : summary;
            dts.add(new DtNode(node.path("id").asString(), text(node.path("parent_id"))));
        }
        List<SimMeter> meters = new ArrayList<>();
        for (JsonNode m : api.listAll("/api/v1/meters", Map.of("stage", "IN_SERVICE"))) {
            meters.add(meter(m, vendorCodeById, consumers));
        }
        return new Loaded(new Fleet(meters, dts), protocols);
    }

    private static SimMeter meter(JsonNode m, Map<String, String> vendorCodeById,
                                  Map<String, ConsumerProfile> consumers) {
        MeterRole role = MeterRole.valueOf(m.path("category").asString("CONSUMER"));
        String consumerId = text(m.path("consumer_id"));
        ConsumerProfile consumer = null;
        if (role == MeterRole.CONSUMER) {
            consumer = consumerId == null ? null : consumers.get(consumerId);
            if (consumer == null) {
                consumer = ConsumerProfile.unknown(null);
            }
        }
        String vendor = vendorCodeById.getOrDefault(text(m.path("hes_vendor_id")), "");
        return SimMeter.of(m.path("id").asString(), m.path("serial").asString(), vendor, role,
                "3P".equalsIgnoreCase(m.path("phase").asString("1P")), ratio(m.path("ct_ratio")),
                ratio(m.path("pt_ratio")), consumer, text(m.path("network_node_id")));
    }

    private static double ratio(JsonNode node) {
        double value = node.asDouble(1.0);
        return value > 0 ? value : 1.0;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
