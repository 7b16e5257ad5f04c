package io.vidyut.mdm.alarms;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How alarm e-mail goes out (the SMTP server itself is Spring Boot's {@code spring.mail.*}; without
 * {@code spring.mail.host} no mail is written at all): the sender address, and the outbox's {@code mail} kind's
 * defaults: attempts per mail, the first retry's delay (doubling, at most an hour) and how long sent mail is kept.
 */
@ConfigurationProperties("mdm.mail")
record MailSettings(String from, Integer maxAttempts, Duration backoff, Duration retention) {
    MailSettings {
        if (from == null || from.isBlank()) from = "Vidyut MDM <mdm@localhost>";
        if (maxAttempts == null) maxAttempts = 5;
        if (backoff == null) backoff = Duration.ofSeconds(30);
        if (retention == null) retention = Duration.ofDays(30);
    }
}
