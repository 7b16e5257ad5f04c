package io.vidyut.mdm.secrets;

import io.vidyut.mdm.database.DataDirectory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Seals secrets for storage by envelope encryption: each secret under its own random AES-256 data key (AES-GCM), the
 * data key wrapped by the primary master key (AES-GCM, the key id bound in as associated data). A sealed value reads
 * {@code sealed:v1:<key id>:<wrapped data key>:<nonce and ciphertext>}. Rotating the master key re-wraps only the
 * data keys ({@link #reseal}); the ciphertext stays. Values stored before sealing existed open as they are.
 */
@Component
public class SecretBox {
    static final String PREFIX = "sealed:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final MasterKeys keys;

    @Autowired
    SecretBox(SecretsProperties properties, DataDirectory dataDirectory) {
        this(MasterKeys.load(properties.masterKeys(), dataDirectory.path()));
    }

    SecretBox(MasterKeys keys) {
        this.keys = keys;
    }

    /** The secret sealed under the primary master key; null stays null. */
    public String seal(String secret) {
        if (secret == null) return null;
        byte[] dataKey = new byte[32];
        RANDOM.nextBytes(dataKey);
        byte[] ciphertext = encrypt(new SecretKeySpec(dataKey, "AES"), secret.getBytes(StandardCharsets.UTF_8), null);
        return PREFIX + keys.primaryId() + ":" + wrap(dataKey) + ":" + base64(ciphertext);
    }

    /** The secret a sealed value holds; a value that is not sealed (stored before) is returned as it is. */
    public String open(String stored) {
        if (!isSealed(stored)) return stored;
        Sealed sealed = Sealed.parse(stored);
        byte[] dataKey = decrypt(masterKey(sealed.keyId()), sealed.wrappedKey(), sealed.keyId().getBytes(StandardCharsets.UTF_8));
        return new String(decrypt(new SecretKeySpec(dataKey, "AES"), sealed.ciphertext(), null), StandardCharsets.UTF_8);
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Whether the value needs re-sealing: stored open, or sealed under a master key that is no longer primary. */
    public boolean isStale(String stored) {
        return stored != null && (!isSealed(stored) || !Sealed.parse(stored).keyId().equals(keys.primaryId()));
    }

    /** The value sealed under the primary master key: open ones sealed, others' data keys re-wrapped. */
    public String reseal(String stored) {
        if (stored == null || !isStale(stored)) return stored;
        if (!isSealed(stored)) return seal(stored);
        Sealed sealed = Sealed.parse(stored);
        byte[] dataKey = decrypt(masterKey(sealed.keyId()), sealed.wrappedKey(), sealed.keyId().getBytes(StandardCharsets.UTF_8));
        return PREFIX + keys.primaryId() + ":" + wrap(dataKey) + ":" + base64(sealed.ciphertext());
    }

    private String wrap(byte[] dataKey) {
        return base64(encrypt(keys.primary(), dataKey, keys.primaryId().getBytes(StandardCharsets.UTF_8)));
    }

    private SecretKey masterKey(String id) {
        SecretKey key = keys.byId().get(id);
        if (key == null) {
            throw new IllegalStateException("A secret is sealed under master key '" + id + "', which is not configured "
                    + "(keep old keys in MDM_MASTER_KEYS until everything is re-sealed)");
        }
        return key;
    }

    private record Sealed(String keyId, byte[] wrappedKey, byte[] ciphertext) {
        static Sealed parse(String stored) {
            String[] parts = stored.substring(PREFIX.length()).split(":");
            if (parts.length != 3) throw new IllegalStateException("A sealed secret is damaged");
            Base64.Decoder decoder = Base64.getUrlDecoder();
            return new Sealed(parts[0], decoder.decode(parts[1]), decoder.decode(parts[2]));
        }
    }

    /** nonce ‖ AES-GCM(ciphertext ‖ tag) */
    private static byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associated) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            if (associated != null) cipher.updateAAD(associated);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] sealed, byte[] associated) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            if (associated != null) cipher.updateAAD(associated);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed secret does not open with its master key (damaged, or the wrong key)", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
