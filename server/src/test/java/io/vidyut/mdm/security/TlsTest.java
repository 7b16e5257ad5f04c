package io.vidyut.mdm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vidyut.mdm.MdmApplication;
import io.vidyut.mdm.testing.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * With a certificate the server speaks HTTPS, TLS 1.3 only, and sends HSTS; with a client CA an HES may push with the
 * client certificate registered for its vendor instead of an API key. Certificates are made by openssl for the test;
 * the server runs on the machine's PostgreSQL (as ExternalPostgresTest), apart from the shared test server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String ADMIN_PASSWORD = "tls-platform-secret";
    final String database = "mdm_tls_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path certs;
    ConfigurableApplicationContext context;
    int port;
    SSLContext hesWithCertificate;
    SSLContext anonymous;

    @BeforeAll
    void serverWithTls() throws Exception {
        certs = Files.createTempDirectory("tls-test");
        makeCertificates();
        execute("postgres", "create database " + database);
        context = new SpringApplicationBuilder(MdmApplication.class).run(
                "--mdm.db.url=" + SERVER + database, "--mdm.db.user=postgres",
                "--mdm.db.data-dir=target/test-data/tls-" + database,
                "--mdm.security.admin-password=" + ADMIN_PASSWORD, "--server.port=0",
                "--mdm.tls.certificate=" + certs.resolve("server.pem"), "--mdm.tls.private-key=" + certs.resolve("server.key"),
                "--mdm.tls.client-ca=" + certs.resolve("ca.pem"));
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        hesWithCertificate = sslContext(true);
        anonymous = sslContext(false);
    }

    @AfterAll
    void stop() throws SQLException {
        if (context != null) context.close();
        execute("postgres", "drop database if exists " + database + " with (force)");
    }

    @Test
    void the_server_speaks_tls_1_3_only_and_sends_hsts() throws Exception {
        try (SSLSocket socket = (SSLSocket) anonymous.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
        try (SSLSocket old = (SSLSocket) anonymous.getSocketFactory().createSocket("127.0.0.1", port)) {
            old.setEnabledProtocols(new String[] {"TLSv1.2"});
            assertThatThrownBy(old::startHandshake).isInstanceOf(IOException.class);
        }
        ApiClient api = new ApiClient("https://127.0.0.1:" + port, HttpClient.newBuilder().sslContext(anonymous).build());
        ApiClient.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.header("Strict-Transport-Security")).contains("max-age=31536000").contains("includeSubDomains");
    }

    @Test
    void an_hes_pushes_with_its_registered_client_certificate_and_an_unregistered_one_gets_nothing() throws Exception {
        ApiClient admin = new ApiClient("https://127.0.0.1:" + port, HttpClient.newBuilder().sslContext(anonymous).build());
        String platform = admin.signIn("admin", ADMIN_PASSWORD);
        assertThat(admin.post("/api/v1/platform/tenants", platform, Map.of("code", "tls", "name", "TLS DISCOM")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/platform/tenants/tls/admins", platform, Map.of("username", "tls.admin",
                "password", "tls-tenant-secret", "roles", List.of("TENANT_ADMIN"))).status()).isEqualTo(201);
        String token = admin.signIn("tls.admin", "tls-tenant-secret");
        JsonNode vendor = admin.post("/api/v1/hes-vendors", token, Map.of("code", "MTLS", "name", "HES with a certificate",
                "protocol", "REST", "ip_allowlist", List.of("127.0.0.1/32", "::1/128"))).json();
        String vendorId = vendor.get("vendor").get("id").asString();
        assertThat(admin.put("/api/v1/hes-vendors/" + vendorId + "/mapping", token, Map.of("format", "JSON",
                "rows", "meters[*].intervals[*]", "fields", Map.of("meter", "^.serial", "timestamp", "end", "values", "values")))
                .status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/meters", token, Map.of("serial", "T1", "make", "HPL", "phase", "1P",
                "category", "CONSUMER", "lifecycle_stage", "IN_SERVICE", "hes_vendor_id", vendorId)).status()).isEqualTo(201);

        ApiClient hes = new ApiClient("https://127.0.0.1:" + port, HttpClient.newBuilder().sslContext(hesWithCertificate).build());
        assertThat(push(hes).status()).as("not registered yet").isEqualTo(401);

        var registered = admin.post("/api/v1/hes-vendors/" + vendorId + "/client-certificates", token,
                Map.of("certificate", Files.readString(certs.resolve("client.pem"))));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(registered.json().get("subject").asString()).contains("CN=hes-mtls");

        assertThat(push(hes).status()).isEqualTo(202);
        assertThat(hes.get("/api/v1/hes/self", null).json().get("vendor_code").asString()).isEqualTo("MTLS");
        assertThat(push(admin).status()).as("no certificate, no key").isEqualTo(401);
    }

    private static ApiClient.Response push(ApiClient client) {
        return client.send("POST", "/api/v1/meters/readings", null, "{\"meters\": [{\"serial\": \"T1\", \"intervals\": "
                + "[{\"end\": \"2026-11-25T10:15:00+05:30\", \"values\": {\"1.0.1.29.0.255\": 0.25}}]}]}",
                "application/json", Map.of());
    }

    /** A test CA, the server's certificate for 127.0.0.1 and an HES client certificate, all issued by that CA. */
    private void makeCertificates() throws Exception {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ca.key",
                "-out", "ca.pem", "-days", "2", "-subj", "/CN=vidyut-test-ca");
        for (String[] party : List.of(new String[] {"server", "/CN=127.0.0.1"}, new String[] {"client", "/CN=hes-mtls"})) {
            openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", party[0] + ".key",
                    "-out", party[0] + ".csr", "-subj", party[1], "-addext", "subjectAltName=IP:127.0.0.1");
            openssl("x509", "-req", "-in", party[0] + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", party[0] + ".pem", "-days", "2", "-copy_extensions", "copyall");
        }
        openssl("pkcs12", "-export", "-in", "client.pem", "-inkey", "client.key", "-out", "client.p12", "-passout", "pass:test");
    }

    private void openssl(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(certs.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private SSLContext sslContext(boolean withClientCertificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream ca = Files.newInputStream(certs.resolve("ca.pem"))) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        KeyManagerFactory keys = null;
        if (withClientCertificate) {
            KeyStore client = KeyStore.getInstance("PKCS12");
            try (InputStream p12 = Files.newInputStream(certs.resolve("client.p12"))) {
                client.load(p12, "test".toCharArray());
            }
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(client, "test".toCharArray());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static void execute(String db, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + db, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
