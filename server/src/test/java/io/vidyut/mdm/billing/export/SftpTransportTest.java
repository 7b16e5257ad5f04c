package io.vidyut.mdm.billing.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SFTP uploads against a real SFTP server in the test JVM (Apache MINA SSHD on a random loopback port, its files in a
 * temporary folder): the file arrives byte for byte by password and by key, and a server with another host key, a
 * wrong password, an unreachable host and a private address without permission each end the way the billing run needs
 * to know.
 */
class SftpTransportTest {
    static final String USER = "billing";
    static final String PASSWORD = "upload-password-1";
    static final ExportFile FILE = new ExportFile("t_S_20261130_r1.dat",
            "H01\r\nD100200300 ₹\r\nT000000001\r\n".getBytes(StandardCharsets.UTF_8), List.of());

    @TempDir Path temp;
    Path served;
    SshServer server;
    String fingerprint;
    KeyPair clientKey;

    @BeforeEach
    void startServer() throws Exception {
        served = Files.createDirectories(temp.resolve("served"));
        Files.createDirectories(served.resolve("inbox"));
        clientKey = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(temp.resolve("host-key"));
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(hostKeys);
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user) && KeyUtils.compareKeys(key, clientKey.getPublic()));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(served));
        server.start();
        fingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256, hostKeys.loadKeys(null).iterator().next().getPublic());
    }

    @AfterEach
    void stopServer() throws IOException {
        server.stop(true);
    }

    SftpTransport transport(boolean allowPrivate) {
        return new SftpTransport(new ExportSettings(null, null, null, Duration.ofSeconds(5), Duration.ofSeconds(10), allowPrivate));
    }

    ExportTarget target(String secret, String pinned) {
        return ExportTarget.sftp(ExportFormat.FIXED_WIDTH, "127.0.0.1", server.getPort(), USER, secret, "inbox", pinned);
    }

    @Test
    void a_password_upload_arrives_byte_for_byte_under_its_name_with_no_part_left() throws IOException {
        String path = transport(true).deliver(FILE, target(PASSWORD, fingerprint));

        assertThat(path).isEqualTo("inbox/t_S_20261130_r1.dat");
        assertThat(Files.readAllBytes(served.resolve("inbox/t_S_20261130_r1.dat"))).isEqualTo(FILE.content());
        try (var files = Files.list(served.resolve("inbox"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("t_S_20261130_r1.dat");
        }
    }

    @Test
    void a_key_upload_arrives_and_the_same_run_again_replaces_it() throws Exception {
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "billing@mdm", null, pem);
        transport(true).deliver(new ExportFile(FILE.name(), new byte[] {9, 9}, List.of()),
                target(pem.toString(StandardCharsets.US_ASCII), fingerprint));

        transport(true).deliver(FILE, target(pem.toString(StandardCharsets.US_ASCII), fingerprint));

        assertThat(Files.readAllBytes(served.resolve("inbox/t_S_20261130_r1.dat"))).isEqualTo(FILE.content());
    }

    @Test
    void a_server_with_another_host_key_is_refused_before_anything_is_sent() throws IOException {
        String other = "SHA256:" + "A".repeat(43);

        assertThatThrownBy(() -> transport(true).deliver(FILE, target(PASSWORD, other)))
                .isInstanceOfSatisfying(ExportFailure.class, failure -> assertThat(failure.retryable()).isFalse())
                .hasMessageContaining("presented host key " + fingerprint).hasMessageContaining("not the pinned " + other);
        try (var files = Files.list(served.resolve("inbox"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void a_wrong_password_is_a_permanent_failure() {
        assertThatThrownBy(() -> transport(true).deliver(FILE, target("not-the-password", fingerprint)))
                .isInstanceOfSatisfying(ExportFailure.class, failure -> assertThat(failure.retryable()).isFalse())
                .hasMessageContaining("refused user billing");
    }

    @Test
    void a_remote_folder_that_does_not_exist_is_a_permanent_failure() {
        ExportTarget nowhere = ExportTarget.sftp(ExportFormat.CSV, "127.0.0.1", server.getPort(), USER, PASSWORD, "no/such",
                fingerprint);

        assertThatThrownBy(() -> transport(true).deliver(FILE, nowhere))
                .isInstanceOfSatisfying(ExportFailure.class, failure -> assertThat(failure.retryable()).isFalse())
                .hasMessageContaining("refused no/such/t_S_20261130_r1.dat");
    }

    @Test
    void an_unreachable_host_is_a_retryable_failure() throws IOException {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        ExportTarget unreachable = ExportTarget.sftp(ExportFormat.CSV, "127.0.0.1", nobody, USER, PASSWORD, "inbox", fingerprint);

        assertThatThrownBy(() -> transport(true).deliver(FILE, unreachable))
                .isInstanceOfSatisfying(ExportFailure.class, failure -> assertThat(failure.retryable()).isTrue())
                .hasMessageContaining("unreachable");
    }

    @Test
    void a_private_address_is_refused_unless_allowed_and_a_missing_fingerprint_always() {
        assertThatThrownBy(() -> transport(false).deliver(FILE, target(PASSWORD, fingerprint)))
                .isInstanceOfSatisfying(ExportFailure.class, failure -> assertThat(failure.retryable()).isFalse())
                .hasMessageContaining("mdm.billing.export.allow-private-targets");
        assertThatThrownBy(() -> transport(true).deliver(FILE, target(PASSWORD, null)))
                .isInstanceOfSatisfying(ExportFailure.class, failure -> assertThat(failure.retryable()).isFalse())
                .hasMessageContaining("host key fingerprint");
    }
}
