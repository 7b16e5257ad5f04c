package io.vidyut.mdm.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * What a benchmark sets up through the API: tenant "bench" with its administrator and HES vendor HPL,
 * a chain of network nodes, consumers with meters.
 */
final class BenchNetwork {
    private BenchNetwork() {}

    /** The platform administrator's and bench.admin's tokens, and vendor HPL's id and API key. */
    record BenchTenant(String platform, String token, String vendorId, String apiKey) {}

    /** Tenant "bench", its administrator (also operator) and vendor HPL (REST from loopback) with {@code mapping} saved. */
    static BenchTenant tenantWithVendor(BenchApi api, Map<String, Object> mapping) {
        String platform = api.signIn("admin", IngestBench.ADMIN_PASSWORD);
        api.post("/api/v1/platform/tenants", platform, Map.of("code", "bench", "name", "Benchmark DISCOM"), 201);
        api.post("/api/v1/platform/tenants/bench/admins", platform, Map.of("username", "bench.admin",
                "password", IngestBench.TENANT_PASSWORD, "roles", java.util.List.of("TENANT_ADMIN", "OPERATOR")), 201);
        String token = api.signIn("bench.admin", IngestBench.TENANT_PASSWORD);
        var vendor = api.post("/api/v1/hes-vendors", token, Map.of("code", "HPL", "name", "HPL HES (REST)",
                "protocol", "REST", "ip_allowlist", java.util.List.of("127.0.0.1/32", "::1/128")), 201);
        String vendorId = vendor.get("vendor").get("id").asString();
        api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", token, mapping, 200);
        return new BenchTenant(platform, token, vendorId, vendor.get("api_key").asString());
    }

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
