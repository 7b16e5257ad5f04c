package io.vidyut.mdm.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 master keys, by id, the first being the one new secrets are sealed under. Given as
 * {@code MDM_MASTER_KEYS="k2:<base64 32 bytes>,k1:<base64 32 bytes>"} (rotation: put the new key first and keep the
 * old ones until everything is re-sealed), else kept in {@code <data dir>/master-keys} (created once, mode 600).
 */
record MasterKeys(String primaryId, Map<String, SecretKey> byId) {
    private static final String FILE = "master-keys";

    static MasterKeys parse(String configured) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : configured.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) continue;
            int colon = trimmed.indexOf(':');
            if (colon < 1) throw new IllegalStateException("A master key is id:base64, e.g. k1:" + "A".repeat(43) + "=");
            String id = trimmed.substring(0, colon);
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) throw new IllegalStateException("Master key id '" + id + "' is not [A-Za-z0-9_-]{1,32}");
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Master key " + id + " is not base64");
            }
            if (key.length != 32) throw new IllegalStateException("Master key " + id + " must be 32 bytes (AES-256), not " + key.length);
            if (keys.put(id, new SecretKeySpec(key, "AES")) != null) throw new IllegalStateException("Master key id " + id + " twice");
        }
        if (keys.isEmpty()) throw new IllegalStateException("No master key given");
        return new MasterKeys(keys.keySet().iterator().next(), Map.copyOf(keys));
    }

    /** The configured keys, or the data directory's own (made on first start). */
    static MasterKeys load(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) return parse(configured);
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) return parse(Files.readString(file));
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String generated = "k1:" + Base64.getEncoder().encodeToString(key);
            Files.writeString(file, generated);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system: the file keeps default permissions
            }
            return parse(generated);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        }
    }

    SecretKey primary() {
        return byId.get(primaryId);
    }
}
