package io.vidyut.mdm.billing.export;

import io.vidyut.mdm.common.OutboundTargets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.springframework.stereotype.Component;

/**
 * Uploads an export file to the billing system's SFTP server (Apache MINA SSHD). The server must present the host key
 * whose SHA-256 fingerprint is pinned in the target (no trust on first use: a billing file must not go to whoever
 * answers at that address). The user signs in with a password, or with a private key when the secret is one (PEM,
 * unencrypted). The file is written as {@code .<name>.part} in the remote folder, its size checked, then renamed to
 * its name (OpenSSH's atomic {@code posix-rename} where the server has it, else remove-and-rename), so the billing
 * system's poller never picks up half a file. Connecting is bounded by {@code mdm.billing.export.connect-timeout},
 * signing in and every quiet spell of the upload by {@code mdm.billing.export.timeout}.
 *
 * <p>Each upload has its own client, started and stopped around it: exports are a few a day, and a client of its own
 * keeps one export's pinned key from ever deciding another's connection.
 */
@Component
class SftpTransport {
    private final ExportSettings settings;

    SftpTransport(ExportSettings settings) {
        this.settings = settings;
    }

    /** Delivers the file; returns its remote path. */
    String deliver(ExportFile file, ExportTarget target) {
        check(target);
        String dir = target.remoteDir() == null || target.remoteDir().isBlank() ? "" : target.remoteDir().replaceAll("/+$", "") + "/";
        String part = dir + "." + file.name() + ".part";
        String path = dir + file.name();
        AtomicReference<String> presented = new AtomicReference<>();
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, address, key) -> {
            String fingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
            presented.set(fingerprint);
            return fingerprint.equals(target.hostKeyFingerprint().strip());
        });
        CoreModuleProperties.AUTH_TIMEOUT.set(client, settings.timeout());
        CoreModuleProperties.IDLE_TIMEOUT.set(client, settings.timeout());
        CoreModuleProperties.NIO2_READ_TIMEOUT.set(client, settings.timeout());
        CoreModuleProperties.CHANNEL_OPEN_TIMEOUT.set(client, settings.timeout());
        client.start();
        try (ClientSession session = connect(client, target)) {
            signIn(session, target, presented);
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                upload(sftp, file.content(), part);
                rename(sftp, part, path);
            }
            return path;
        } catch (SftpException e) {
            boolean permanent = e.getStatus() == SftpConstants.SSH_FX_PERMISSION_DENIED
                    || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH;
            String message = "SFTP " + where(target) + " refused " + path + ": " + e.getMessage();
            throw permanent ? ExportFailure.permanent(message, e) : ExportFailure.retryable(message, e);
        } catch (IOException e) {
            throw ExportFailure.retryable("SFTP upload to " + where(target) + " failed: " + e.getMessage(), e);
        } finally {
            client.stop();
        }
    }

    private void check(ExportTarget target) {
        if (target.host() == null || target.host().isBlank()) throw ExportFailure.permanent("an SFTP export needs a host");
        if (target.port() < 1 || target.port() > 65535) throw ExportFailure.permanent("SFTP port " + target.port() + " is not a port");
        if (target.user() == null || target.user().isBlank()) throw ExportFailure.permanent("an SFTP export needs a user");
        if (target.secret() == null || target.secret().isEmpty()) {
            throw ExportFailure.permanent("an SFTP export needs a password or private key");
        }
        if (target.hostKeyFingerprint() == null || !target.hostKeyFingerprint().strip().startsWith("SHA256:")) {
            throw ExportFailure.permanent("an SFTP export needs the server's host key fingerprint, SHA256:<base64> "
                    + "(ssh-keygen -lf <host key>.pub)");
        }
        String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
        OutboundTargets.refusal("sftp://" + host + ":" + target.port(), address -> settings.allowPrivateTargets(),
                        "mdm.billing.export.allow-private-targets", OutboundTargets.Unresolved.LEFT_TO_THE_CALL)
                .ifPresent(refusal -> {
                    throw ExportFailure.permanent("SFTP host refused: " + refusal);
                });
    }

    private ClientSession connect(SshClient client, ExportTarget target) {
        ConnectFuture connecting = null;
        try {
            connecting = client.connect(target.user(), target.host(), target.port());
            return connecting.verify(settings.connectTimeout()).getSession();
        } catch (IOException e) {
            if (connecting != null) connecting.cancel();
            throw ExportFailure.retryable("SFTP " + where(target) + " is unreachable: " + e.getMessage(), e);
        }
    }

    private void signIn(ClientSession session, ExportTarget target, AtomicReference<String> presented) throws IOException {
        if (target.secret().strip().startsWith("-----BEGIN")) {
            for (KeyPair key : privateKeys(target.secret())) session.addPublicKeyIdentity(key);
        } else {
            session.addPasswordIdentity(target.secret());
        }
        AuthFuture auth = session.auth();
        try {
            auth.verify(settings.timeout());
        } catch (IOException e) {
            String fingerprint = presented.get();
            if (fingerprint != null && !fingerprint.equals(target.hostKeyFingerprint().strip())) {
                throw ExportFailure.permanent("SFTP " + where(target) + " presented host key " + fingerprint
                        + ", not the pinned " + target.hostKeyFingerprint().strip(), e);
            }
            if (auth.isDone() && auth.isFailure()) {
                throw ExportFailure.permanent("SFTP " + where(target) + " refused user " + target.user() + ": " + e.getMessage(), e);
            }
            throw ExportFailure.retryable("SFTP sign-in at " + where(target) + " did not complete: " + e.getMessage(), e);
        }
    }

    private static Iterable<KeyPair> privateKeys(String pem) {
        try {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("sftp-key"),
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)), FilePasswordProvider.EMPTY);
            if (keys == null || !keys.iterator().hasNext()) throw ExportFailure.permanent("the SFTP private key holds no key");
            return keys;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof ExportFailure failure) throw failure;
            throw ExportFailure.permanent("the SFTP private key cannot be read (PEM, without a passphrase): " + e.getMessage(), e);
        }
    }

    private static void upload(SftpClient sftp, byte[] content, String part) throws IOException {
        try (OutputStream out = sftp.write(part, SftpClient.OpenMode.Write, SftpClient.OpenMode.Create,
                SftpClient.OpenMode.Truncate)) {
            out.write(content);
        }
        long size = sftp.stat(part).getSize();
        if (size != content.length) {
            throw new IOException(part + " holds " + size + " bytes after the upload, not " + content.length);
        }
    }

    /** Renames the part to the file's name, replacing a file of that name (the same run exported again). */
    private static void rename(SftpClient sftp, String part, String path) throws IOException {
        OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
        if (posix != null && posix.isSupported()) {
            posix.posixRename(part, path);
            return;
        }
        try {
            sftp.rename(part, path);
        } catch (SftpException e) {
            // SFTP v3 rename does not overwrite: a reader may see no file for a moment, never half of one
            sftp.remove(path);
            sftp.rename(part, path);
        }
    }

    private static String where(ExportTarget target) {
        return target.host() + ":" + target.port();
    }
}
