package io.vidyut.mdm.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.events.EventCategory;
import io.vidyut.mdm.events.EventSeverity;
import io.vidyut.mdm.events.MeterEvent;
import io.vidyut.mdm.events.MeterEventsRecorded;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.EventFeed;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The domain event feed: what happened, once, in order, per tenant, and only if it committed. */
class FeedTest extends IntegrationTest {
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEventPublisher publisher;
    @Autowired JdbcClient jdbc;

    TestTenant tenant;
    EventFeed hes;
    String meterId;

    @BeforeEach
    void tenantWithAMeterPushingEvents() {
        tenant = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        Registry.EventVendor vendor = registry.eventVendor("FEED");
        hes = vendor.hes();
        meterId = registry.meter("F1", vendor.id(), null).get("id").asString();
    }

    JsonNode feed(String query) {
        var response = api.get("/api/v1/feed" + query, tenant.analyst());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    @Test
    void meter_events_and_the_alarm_they_raise_are_on_the_feed_in_order_with_their_unified_codes() {
        assertThat(hes.push("""
                {"batch": "F-1", "events": [
                  {"meter": "F1", "at": "2026-11-20T10:00:00+05:30", "type": "PWR_FAIL"},
                  {"meter": "F1", "at": "2026-11-20T10:05:00+05:30", "type": "MAGNET"}]}""").status()).isEqualTo(202);

        JsonNode page = await("/api/v1/feed", tenant.analyst(), p -> p.get("items").findValuesAsString("type").contains("alarm.changed"));
        JsonNode items = page.get("items");
        assertThat(items.findValuesAsString("type")).containsExactly("meter.event", "meter.event", "alarm.changed");
        List<Long> positions = new ArrayList<>();
        items.forEach(item -> positions.add(item.get("position").asLong()));
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(page.get("next_after").asLong()).isEqualTo(positions.get(2));

        JsonNode magnet = items.get(1);
        assertThat(magnet.get("meter_id").asString()).isEqualTo(meterId);
        assertThat(magnet.get("tenant_code").asString()).isEqualTo(tenant.code());
        assertThat(magnet.get("occurred_at").asString()).isEqualTo("2026-11-20T04:35:00Z");
        assertThat(magnet.get("data").get("code").asInt()).isEqualTo(201);
        assertThat(magnet.get("data").get("name").asString()).isEqualTo("Magnet influence (occurrence)");
        JsonNode alarm = items.get(2).get("data");
        assertThat(alarm.get("change").asString()).isEqualTo("RAISED");
        assertThat(alarm.get("alarm").get("meter_serial").asString()).isEqualTo("F1");

        assertThat(feed("?after=" + positions.get(2)).get("items")).as("nothing after the last position yet").isEmpty();
        assertThat(feed("?after=" + positions.get(0) + "&limit=1").get("items").findValuesAsString("id"))
                .containsExactly(items.get(1).get("id").asString());
        assertThat(feed("?type=alarm.changed").get("items")).hasSize(1);
        assertThat(feed("?meter_id=" + UUID.randomUUID()).get("items")).isEmpty();

        // the same events again are no news
        hes.push("""
                {"batch": "F-2", "events": [{"meter": "F1", "at": "2026-11-20T10:00:00+05:30", "type": "PWR_FAIL"}]}""");
        sleep(1000);
        assertThat(feed("?type=meter.event").get("items")).hasSize(2);
    }

    @Test
    void another_tenant_reads_none_of_it_and_bad_queries_are_refused() {
        hes.push("F1", "2026-11-21T09:00:00+05:30", "MAGNET");
        await("/api/v1/feed", tenant.analyst(), p -> !p.get("items").isEmpty());

        TestTenant other = newTenant();
        assertThat(api.get("/api/v1/feed", other.analyst()).json().get("items")).isEmpty();
        long visibleToOther = TenantContext.callAs(TenantScope.of(other.id(), other.code()), () -> transactions.execute(
                status -> jdbc.sql("select count(*) from feed_event where tenant_id = ?").param(tenant.id()).query(Long.class).single()));
        assertThat(visibleToOther).as("row-level security, not only the query").isZero();

        var unknownType = api.get("/api/v1/feed?type=readings.everything", tenant.analyst());
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(unknownType.json().get("errors").get(0).get("message").asString()).contains("meter.event");
        assertThat(api.get("/api/v1/feed?limit=5000", tenant.analyst()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/feed", tenant.fieldTech()).status()).isEqualTo(403);
    }

    @Test
    void a_change_that_rolls_back_leaves_no_entry_and_one_that_commits_leaves_exactly_one() {
        UUID meter = UUID.fromString(meterId);
        MeterEvent event = new MeterEvent(meter, Instant.parse("2026-11-22T01:00:00Z"), 101, "101", "Power failure",
                EventCategory.POWER, EventSeverity.MAJOR, true, clock.instant());
        TenantScope scope = TenantScope.of(tenant.id(), tenant.code());
        TenantContext.runAs(scope, () -> transactions.executeWithoutResult(status -> {
            publisher.publishEvent(new MeterEventsRecorded(tenant.id(), List.of(event)));
            status.setRollbackOnly();
        }));
        TenantContext.runAs(scope, () -> transactions.executeWithoutResult(status ->
                publisher.publishEvent(new MeterEventsRecorded(tenant.id(), List.of(event)))));

        JsonNode page = await("/api/v1/feed", tenant.analyst(), p -> !p.get("items").isEmpty());
        sleep(500);
        assertThat(feed("").get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("occurred_at").asString()).isEqualTo("2026-11-22T01:00:00Z");
    }
}
