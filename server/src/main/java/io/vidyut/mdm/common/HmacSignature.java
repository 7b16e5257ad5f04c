package io.vidyut.mdm.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a body the MDM pushes to another system (webhooks, billing exports), one recipe for all so that a
 * receiver verifies every push the same way: {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}, the
 * timestamp (epoch seconds) sent beside it so that a replayed old body can be told from a fresh one.
 */
public final class HmacSignature {
    private HmacSignature() {}

    /** The signature header's value for this timestamp and body. */
    public static String of(String secret, String timestamp, String body) {
        return "sha256=" + hex(secret, timestamp + "." + body);
    }

    /** Hex HMAC-SHA256 of the text under the secret (both UTF-8). */
    public static String hex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
