package io.vidyut.mdm.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt over the password's SHA-256 (base64, 44 bytes): bcrypt reads at most 72 bytes, so a long password (or one
 * in Devanagari, three bytes a letter) would otherwise be cut or refused. Stored as {@code {bcrypt-sha256}…}; hashes
 * made before it ({@code {bcrypt}…}) still verify through {@link #plainBcrypt()}.
 */
final class PrehashedBcrypt implements PasswordEncoder {
    static final String ID = "bcrypt-sha256";
    private static final int BCRYPT_MAX_BYTES = 72;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    @Override
    public String encode(CharSequence raw) {
        return bcrypt.encode(prehash(raw));
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        return raw != null && encoded != null && bcrypt.matches(prehash(raw), encoded);
    }

    /** Plain bcrypt for the hashes made before: a password too long for it simply does not match (never a 500). */
    static PasswordEncoder plainBcrypt() {
        BCryptPasswordEncoder plain = new BCryptPasswordEncoder();
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return plain.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return raw != null && raw.toString().getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES
                        && plain.matches(raw, encoded);
            }
        };
    }

    private static String prehash(CharSequence raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
