package io.vidyut.mdm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Builds registry data of a tenant through the API: a vendor, a network branch, consumers and meters. */
public final class Registry {
    private final ApiClient api;
    private final String token;

    public Registry(ApiClient api, String adminToken) {
        this.api = api;
        this.token = adminToken;
    }

    /** A vendor allowed from loopback; returns the create response (vendor and its one-time key). */
    public JsonNode vendor(String code) {
        return created(api.post("/api/v1/hes-vendors", token, Map.of("code", code, "name", "Vendor " + code,
                "protocol", "REST", "ip_allowlist", java.util.List.of("127.0.0.1/32", "::1/128"))));
    }

    /** A vendor with {@link EventFeed#MAPPING} saved, and its HES pushing with the vendor's key. */
    public record EventVendor(String id, EventFeed hes) {}

    public EventVendor eventVendor(String code) {
        JsonNode vendor = vendor(code);
        String id = vendor.get("vendor").get("id").asString();
        var saved = api.put("/api/v1/hes-vendors/" + id + "/mapping", token, EventFeed.MAPPING);
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        return new EventVendor(id, new EventFeed(api, vendor.get("api_key").asString()));
    }

    /** Circle down to one DT; returns the DT. */
    public JsonNode branch(String prefix) {
        JsonNode parent = null;
        for (String level : new String[] {"CIRCLE", "DIVISION", "SUBDIVISION", "SUBSTATION", "FEEDER", "DT"}) {
            Map<String, Object> body = new HashMap<>(Map.of("level", level, "code", prefix + "-" + level,
                    "name", prefix + " " + level));
            if (parent != null) body.put("parent_id", parent.get("id").asString());
            parent = created(api.post("/api/v1/network/nodes", token, body));
        }
        return parent;
    }

    public JsonNode consumer(String accountNo, String dtId) {
        Map<String, Object> body = new HashMap<>(Map.of("account_no", accountNo, "name", "Consumer " + accountNo,
                "tariff_category", "LT-1 Domestic", "sanctioned_load_kw", 2, "supply_mode", "POSTPAID"));
        if (dtId != null) body.put("dt_id", dtId);
        return created(api.post("/api/v1/consumers", token, body));
    }

    public JsonNode meter(String serial, String vendorId, String consumerId) {
        Map<String, Object> body = new HashMap<>(Map.of("serial", serial, "make", "HPL", "phase", "1P",
                "category", "CONSUMER", "lifecycle_stage", "IN_SERVICE"));
        if (vendorId != null) body.put("hes_vendor_id", vendorId);
        if (consumerId != null) body.put("consumer_id", consumerId);
        return created(api.post("/api/v1/meters", token, body));
    }

    private static JsonNode created(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.json();
    }
}
