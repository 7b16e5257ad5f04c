package io.vidyut.mdm.billing.export;

import java.util.Objects;

/**
 * Where and how one export goes; only the parts of its mode are used (the factories set just those). The secret is the
 * SFTP password or private key (PEM, e.g. {@code -----BEGIN OPENSSH PRIVATE KEY-----}), or the REST push's signing
 * secret, given open: the billing-system profile keeps it sealed and opens it for the call. It never shows in
 * {@link #toString()}.
 *
 * @param folder             drop folder, relative to {@code mdm.billing.export.drop-root} (or absolute inside it)
 * @param hostKeyFingerprint the SFTP server's host key as {@code ssh-keygen -lf} shows it, {@code SHA256:<base64>}
 */
public record ExportTarget(ExportMode mode, ExportFormat format, String folder, String host, int port, String user,
                           String remoteDir, String hostKeyFingerprint, String url, String secret) {
    public ExportTarget {
        Objects.requireNonNull(mode, "mode");
        if (mode != ExportMode.REST_PUSH) Objects.requireNonNull(format, "format");
    }

    public static ExportTarget dropFolder(ExportFormat format, String folder) {
        return new ExportTarget(ExportMode.DROP_FOLDER, format, folder, null, 0, null, null, null, null, null);
    }

    public static ExportTarget sftp(ExportFormat format, String host, int port, String user, String secret, String remoteDir,
                                    String hostKeyFingerprint) {
        return new ExportTarget(ExportMode.SFTP, format, null, host, port, user, remoteDir, hostKeyFingerprint, null, secret);
    }

    public static ExportTarget restPush(String url, String secret) {
        return new ExportTarget(ExportMode.REST_PUSH, null, null, null, 0, null, null, null, url, secret);
    }

    @Override
    public String toString() {
        return "ExportTarget[mode=" + mode + ", format=" + format + ", folder=" + folder + ", host=" + host + ", port=" + port
                + ", user=" + user + ", remoteDir=" + remoteDir + ", hostKeyFingerprint=" + hostKeyFingerprint + ", url=" + url
                + ", secret=" + (secret == null ? null : "(hidden)") + "]";
    }
}
