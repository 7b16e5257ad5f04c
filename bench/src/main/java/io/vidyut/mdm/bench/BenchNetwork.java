package io.vidyut.mdm.bench;

import java.util.HashMap;
import java.util.Map;

/** The bit of network a benchmark needs, made through the API: a chain of nodes, consumers with meters. */
final class BenchNetwork {
    private BenchNetwork() {}

    /** Circle → … down to {@code lowest} ("FEEDER" or "DT"), codes {@code prefix-LEVEL}; the lowest node's id. */
    static String chain(BenchApi api, String token, String prefix, String lowest) {
        String parent = null;
        for (String level : new String[] {"CIRCLE", "DIVISION", "SUBDIVISION", "SUBSTATION", "FEEDER", "DT"}) {
            Map<String, Object> body = new HashMap<>(Map.of("level", level, "code", prefix + "-" + level, "name", "Bench " + level));
            if (parent != null) body.put("parent_id", parent);
            parent = api.post("/api/v1/network/nodes", token, body, 201).get("id").asString();
            if (level.equals(lowest)) break;
        }
        return parent;
    }

    /** A consumer under a DT with its single-phase meter of the vendor, in service. */
    static void consumerWithMeter(BenchApi api, String token, Map<String, Object> consumer, String dtId, String serial,
                                  String vendorId) {
        Map<String, Object> body = new HashMap<>(consumer);
        body.put("dt_id", dtId);
        String consumerId = api.post("/api/v1/consumers", token, body, 201).get("id").asString();
        api.post("/api/v1/meters", token, Map.of("serial", serial, "make", "HPL", "phase", "1P", "category", "CONSUMER",
                "consumer_id", consumerId, "hes_vendor_id", vendorId, "lifecycle_stage", "IN_SERVICE"), 201);
    }
}
