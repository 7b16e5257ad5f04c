package io.vidyut.mdm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The demo tenant looks like a small real DISCOM and is seeded only once. */
class DemoDataSeederTest extends DemoSeedingTest {

    @Test
    void seeds_a_believable_network_once() {
        DemoDataSeeder seeder = seeder();
        seeder.seedIfAbsent(); // by this test or the other
        assertThat(seeder.seedIfAbsent()).isFalse();

        String operator = api.signIn("demo.operator", DemoCredentials.PASSWORD);
        assertThat(total("/api/v1/network/nodes?level=FEEDER", operator)).isEqualTo(3);
        assertThat(total("/api/v1/network/nodes?level=DT", operator)).isEqualTo(30);
        assertThat(total("/api/v1/network/nodes?level=SUBSTATION", operator)).isEqualTo(1);
        assertThat(total("/api/v1/consumers", operator)).isEqualTo(1000);
        assertThat(total("/api/v1/consumers?supply_mode=PREPAID", operator)).isBetween(200L, 400L);
        assertThat(total("/api/v1/consumers?net_metered=true", operator)).isBetween(20L, 100L);
        assertThat(total("/api/v1/meters?category=CONSUMER&stage=IN_SERVICE", operator)).isEqualTo(1000);
        assertThat(total("/api/v1/meters?category=CONSUMER&phase=3P&stage=IN_SERVICE", operator)).isBetween(100L, 200L);
        assertThat(total("/api/v1/meters?category=DT", operator)).isEqualTo(30);
        assertThat(total("/api/v1/meters?category=FEEDER", operator)).isEqualTo(3);
        assertThat(total("/api/v1/meters?stage=IN_INVENTORY", operator)).isEqualTo(DemoDataSeeder.SPARE_METERS);

        JsonNode vendorsPage = api.get("/api/v1/hes-vendors", operator).json();
        Set<String> protocols = new HashSet<>(vendorsPage.get("items").findValuesAsString("protocol"));
        assertThat(protocols).containsExactlyInAnyOrder("REST", "MQTT", "DLMS");
        for (JsonNode vendor : vendorsPage.get("items")) {
            assertThat(total("/api/v1/meters?category=CONSUMER&hes_vendor_id=" + vendor.get("id").asString(), operator))
                    .as(vendor.get("code").asString()).isGreaterThan(250);
        }
        for (DemoCredentials.DemoVendor vendor : DemoCredentials.VENDORS) {
            assertThat(api.withApiKey("GET", "/api/v1/hes/self", vendor.apiKey()).status()).isEqualTo(200);
        }
        for (DemoCredentials.DemoUser user : DemoCredentials.USERS) {
            assertThat(api.signIn(user.username(), DemoCredentials.PASSWORD)).isNotBlank();
        }
    }

    @Test
    void a_command_to_a_demo_meter_of_each_vendor_reaches_the_simulated_hes_and_is_executed() {
        seeder().seedIfAbsent();
        String operator = api.signIn("demo.operator", DemoCredentials.PASSWORD);
        try (DemoTraffic traffic = new DemoTraffic(0, HES_PORT, clock)) {
            traffic.startHes("http://127.0.0.1:" + port);
            for (JsonNode vendor : api.get("/api/v1/hes-vendors", operator).json().get("items")) {
                String meterId = api.get("/api/v1/meters?category=CONSUMER&size=1&hes_vendor_id=" + vendor.get("id").asString(),
                        operator).json().get("items").get(0).get("id").asString();
                var issued = api.post("/api/v1/commands", operator, Map.of("type", "DISCONNECT", "meter_ids", List.of(meterId)));
                assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
                String id = issued.json().get("commands").get(0).get("id").asString();
                JsonNode command = await("/api/v1/commands/" + id, operator, Duration.ofSeconds(60),
                        c -> List.of("EXECUTED", "FAILED", "TIMED_OUT").contains(c.get("status").asString()));
                assertThat(command.get("status").asString()).as(vendor.get("code").asString() + " " + command).isEqualTo("EXECUTED");
                assertThat(command.get("hes_reference").asString()).startsWith("SIM-" + vendor.get("code").asString());
            }
        }
    }

    private long total(String path, String token) {
        var response = api.get(path + (path.contains("?") ? "&" : "?") + "size=1", token);
        assertThat(response.status()).as(path + " " + response.raw()).isEqualTo(200);
        return response.json().get("total").asLong();
    }
}
