package io.vidyut.mdm.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notices are delivered ({@code mdm.notifications.*}), checked at start: the attempts per SMS or e-mail before
 * its delivery is FAILED and the first retry's delay (doubling, at most an hour) — the defaults of the outbox kinds
 * {@code notice-sms} and {@code notice-email}, which {@code mdm.outbox.kinds.<kind>.*} overrides — how long connecting
 * to an SMS gateway and then its whole answer may take, whether gateway URLs may be private addresses (refused
 * otherwise, as webhooks' are: SSRF guard), and the sender of notice e-mail (the SMTP server is Spring Boot's
 * {@code spring.mail.*}).
 */
@ConfigurationProperties("mdm.notifications")
record NotificationSettings(Integer maxAttempts, Duration backoff, Duration smsConnectTimeout, Duration smsTimeout,
                            Boolean allowPrivateTargets, String mailFrom) {
    NotificationSettings {
        if (maxAttempts == null) maxAttempts = 6;
        if (backoff == null) backoff = Duration.ofSeconds(30);
        if (smsConnectTimeout == null) smsConnectTimeout = Duration.ofSeconds(5);
        if (smsTimeout == null) smsTimeout = Duration.ofSeconds(15);
        if (allowPrivateTargets == null) allowPrivateTargets = false;
        if (mailFrom == null || mailFrom.isBlank()) mailFrom = "Vidyut MDM <mdm@localhost>";
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("mdm.notifications.max-attempts must be 1 to 100, not " + maxAttempts);
        }
        positive("mdm.notifications.backoff", backoff, Duration.ofHours(1));
        positive("mdm.notifications.sms-connect-timeout", smsConnectTimeout, Duration.ofMinutes(5));
        positive("mdm.notifications.sms-timeout", smsTimeout, Duration.ofMinutes(5));
    }

    private static void positive(String name, Duration value, Duration max) {
        if (value.isZero() || value.isNegative() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be a positive duration of at most " + max + ", not " + value);
        }
    }
}
