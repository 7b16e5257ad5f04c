package io.vidyut.mdm.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Secrets sealed by envelope encryption open only with their master key, and survive a rotation of it. */
class SecretBoxTest {
    static final String K1 = "k1:" + key();
    static final String K2 = "k2:" + key();

    @Test
    void a_sealed_secret_opens_to_itself_and_shows_nothing_of_it() {
        SecretBox box = new SecretBox(MasterKeys.parse(K1));
        String sealed = box.seal("hes-pull-key-0042");
        assertThat(sealed).startsWith("sealed:v1:k1:").doesNotContain("hes-pull-key");
        assertThat(box.seal("hes-pull-key-0042")).as("a fresh data key and nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo("hes-pull-key-0042");
        assertThat(box.seal(null)).isNull();
    }

    @Test
    void a_changed_byte_or_another_master_key_does_not_open() {
        String sealed = new SecretBox(MasterKeys.parse(K1)).seal("webhook-secret");
        char last = sealed.charAt(sealed.length() - 2);
        String damaged = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> new SecretBox(MasterKeys.parse(K1)).open(damaged)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(MasterKeys.parse("k1:" + key())).open(sealed)).hasMessageContaining("does not open");
        assertThatThrownBy(() -> new SecretBox(MasterKeys.parse(K2)).open(sealed)).hasMessageContaining("'k1'");
    }

    @Test
    void after_a_rotation_old_secrets_open_and_are_resealed_under_the_new_key_without_their_ciphertext_changing() {
        String underK1 = new SecretBox(MasterKeys.parse(K1)).seal("broker-password");
        SecretBox rotated = new SecretBox(MasterKeys.parse(K2 + "," + K1));

        assertThat(rotated.open(underK1)).isEqualTo("broker-password");
        assertThat(rotated.isStale(underK1)).isTrue();
        String resealed = rotated.reseal(underK1);

        assertThat(resealed).startsWith("sealed:v1:k2:");
        assertThat(resealed.substring(resealed.lastIndexOf(':'))).isEqualTo(underK1.substring(underK1.lastIndexOf(':')));
        assertThat(new SecretBox(MasterKeys.parse(K2)).open(resealed)).as("the old key can go").isEqualTo("broker-password");
        assertThat(rotated.isStale(resealed)).isFalse();
    }

    @Test
    void a_secret_stored_before_sealing_opens_as_it_is_and_is_sealed_when_resealed() {
        SecretBox box = new SecretBox(MasterKeys.parse(K1));
        assertThat(box.open("plain-old-secret")).isEqualTo("plain-old-secret");
        assertThat(box.isStale("plain-old-secret")).isTrue();
        assertThat(box.open(box.reseal("plain-old-secret"))).isEqualTo("plain-old-secret");
    }

    @Test
    void master_keys_must_be_aes_256_with_simple_ids() {
        assertThatThrownBy(() -> MasterKeys.parse("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> MasterKeys.parse("bad id:" + key())).hasMessageContaining("is not");
        assertThat(MasterKeys.parse(K2 + ", " + K1).primaryId()).isEqualTo("k2");
    }

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
