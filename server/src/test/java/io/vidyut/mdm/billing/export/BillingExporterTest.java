package io.vidyut.mdm.billing.export;

import static io.vidyut.mdm.billing.export.ExportFixtures.CREATED_AT;
import static io.vidyut.mdm.billing.export.ExportFixtures.TO;
import static io.vidyut.mdm.billing.export.ExportFixtures.domestic;
import static io.vidyut.mdm.billing.export.ExportFixtures.withAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.vidyut.mdm.common.HmacSignature;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.outbox.MessageStatus;
import io.vidyut.mdm.outbox.Outbox;
import io.vidyut.mdm.outbox.StoredMessage;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link BillingExporter} in the running server: a REST push goes through the real outbox and dispatcher to a stand-in
 * billing system (the JDK's HTTP server on loopback), signed, with its secret sealed in the table; a drop-folder export
 * lands under the configured drop root; a batch beyond the line limit or of another tenant goes nowhere.
 */
class BillingExporterTest extends IntegrationTest {
    static final String SECRET = "billing-push-secret-0123";

    @Autowired BillingExporter exporter;
    @Autowired ExportSettings settings;
    @Autowired Outbox outbox;

    record Received(Map<String, String> headers, String body) {}

    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    HttpServer receiver;
    TestTenant tenant;

    @BeforeEach
    void receiverAndTenant() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/determinants", exchange -> {
            var headers = exchange.getRequestHeaders();
            received.add(new Received(Map.of("id", String.valueOf(headers.getFirst("X-Mdm-Id")),
                    "timestamp", String.valueOf(headers.getFirst("X-Mdm-Timestamp")),
                    "signature", String.valueOf(headers.getFirst("X-Mdm-Signature"))),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        tenant = newTenant();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    <T> T asTenant(Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), work);
    }

    ExportBatch batch(List<ExportLine> lines) {
        return new ExportBatch(tenant.code(), "SAPISU", "run-0042", TO, CREATED_AT, lines);
    }

    @Test
    void a_rest_push_reaches_the_billing_system_through_the_outbox_signed_with_its_secret_sealed() {
        ExportLine broken = withAccount(domestic(), "", null, null);
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/determinants";

        ExportReceipt receipt = asTenant(() -> exporter.export(batch(List.of(domestic(), broken, ExportFixtures.replaced())),
                ExportTarget.restPush(url, SECRET)));

        assertThat(receipt.outboxMessageId()).isNotNull();
        assertThat(receipt.fileName()).isNull();
        assertThat(receipt.refused()).containsExactly(new RefusedLine(1, "", "account_no: missing"));
        assertThat(poll(() -> List.copyOf(received), calls -> !calls.isEmpty(), Duration.ofSeconds(20))).singleElement()
                .satisfies(call -> {
                    assertThat(call.headers().get("id")).isEqualTo(receipt.outboxMessageId().toString());
                    assertThat(call.headers().get("signature")).isEqualTo(
                            HmacSignature.of(SECRET, call.headers().get("timestamp"), call.body()));
                    assertThat(call.body().getBytes(StandardCharsets.UTF_8)).hasSize((int) receipt.bytes());
                    assertThat(ExportFile.sha256(call.body().getBytes(StandardCharsets.UTF_8))).isEqualTo(receipt.sha256());
                    JsonNode body = JsonMapper.builder().build().readTree(call.body());
                    assertThat(body.get("tenant_code").asString()).isEqualTo(tenant.code());
                    assertThat(body.get("run_id").asString()).isEqualTo("run-0042");
                    assertThat(body.get("period_to").asString()).isEqualTo("2026-11-30");
                    assertThat(body.get("lines")).hasSize(2);
                    assertThat(call.body()).as("decimals as given, never with an exponent")
                            .contains("\"kwh_import\":350.000").contains("\"kwh_import\":1000");
                    JsonNode line = body.get("lines").get(0);
                    assertThat(line.get("account_no").asString()).isEqualTo("100200300");
                    assertThat(line.get("kwh_import").decimalValue()).isEqualByComparingTo("350.000");
                    assertThat(line.get("md_kw_at").asString()).isEqualTo("2026-11-14T19:15:00+05:30");
                    List<String> zones = new ArrayList<>(line.get("kwh_by_zone").propertyNames());
                    assertThat(zones).containsExactly("NORMAL", "PEAK", "SOLAR");
                });
        StoredMessage stored = poll(() -> asTenant(() -> outbox.messages(RestPushTransport.KIND, "run-0042", null,
                        new PageRequest(0, 10)).items().get(0)), message -> message.status() == MessageStatus.DELIVERED,
                Duration.ofSeconds(20));
        assertThat(stored.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(stored.payload().get("secret").asString()).startsWith("sealed:v1:");
        assertThat(stored.payload().toString()).doesNotContain(SECRET);
    }

    @Test
    void a_drop_folder_export_lands_under_the_drop_root_as_its_receipt_says() throws Exception {
        Files.createDirectories(settings.dropRoot());

        ExportReceipt receipt = exporter.export(batch(List.of(domestic())),
                ExportTarget.dropFolder(ExportFormat.FIXED_WIDTH, tenant.code() + "/sap"));

        Path file = settings.dropRoot().resolve(tenant.code()).resolve("sap").resolve(receipt.fileName());
        assertThat(receipt.fileName()).isEqualTo(tenant.code() + "_SAPISU_20261130_run-0042.dat");
        assertThat(Files.size(file)).isEqualTo(receipt.bytes()).isEqualTo(3L * (FixedWidthLayout.RECORD_LENGTH + 2));
        assertThat(ExportFile.sha256(Files.readAllBytes(file))).isEqualTo(receipt.sha256());
        assertThat(receipt.refused()).isEmpty();
        assertThat(receipt.outboxMessageId()).isNull();
    }

    @Test
    void a_batch_beyond_the_line_limit_or_of_another_tenant_goes_nowhere() {
        List<ExportLine> tooMany = java.util.Collections.nCopies(settings.maxLines() + 1, domestic());
        assertThatThrownBy(() -> exporter.export(batch(tooMany), ExportTarget.dropFolder(ExportFormat.CSV, "x")))
                .isInstanceOfSatisfying(ExportFailure.class, failure -> assertThat(failure.retryable()).isFalse())
                .hasMessageContaining("mdm.billing.export.max-lines");

        ExportBatch others = new ExportBatch("someoneelse", "SAPISU", "run-0042", TO, CREATED_AT, List.of(domestic()));
        assertThatThrownBy(() -> asTenant(() -> exporter.export(others,
                ExportTarget.restPush("http://127.0.0.1:" + receiver.getAddress().getPort() + "/determinants", SECRET))))
                .isInstanceOf(ExportFailure.class).hasMessageContaining("tenant someoneelse's");
        assertThat(asTenant(() -> outbox.messages(RestPushTransport.KIND, null, null, new PageRequest(0, 10)).items())).isEmpty();
    }
}
