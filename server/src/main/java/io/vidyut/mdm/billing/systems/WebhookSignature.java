package io.vidyut.mdm.billing.systems;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook's signature: HMAC-SHA256 of {@code "<timestamp>.<raw body>"} with the system's secret, as the MDM signs
 * its own webhooks. Made over the body's bytes as they arrived, never a re-encoding of them.
 */
final class WebhookSignature {
    private WebhookSignature() {}

    static byte[] of(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** Compared in constant time: how long the comparison takes says nothing about how much of it matched. */
    static boolean matches(byte[] presented, String secret, String timestamp, byte[] body) {
        return secret != null && MessageDigest.isEqual(presented, of(secret, timestamp, body));
    }
}
