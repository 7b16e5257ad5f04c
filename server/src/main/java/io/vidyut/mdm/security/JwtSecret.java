package io.vidyut.mdm.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC key that signs access tokens, kept across restarts so tokens stay valid. */
final class JwtSecret {
    private JwtSecret() {}

    static SecretKey load(String configured, Path dataDir) {
        byte[] bytes = configured != null && !configured.isBlank()
                ? configured.getBytes(StandardCharsets.UTF_8)
                : fromFile(dataDir.resolve("jwt-secret"));
        if (bytes.length < 32) {
            throw new IllegalStateException("mdm.security.jwt-secret must be at least 32 bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] secret = new byte[48];
            new SecureRandom().nextBytes(secret);
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system: the file keeps default permissions
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token signing key " + file, e);
        }
    }
}
