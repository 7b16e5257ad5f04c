package io.vidyut.mdm.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How password guessing is slowed ({@code mdm.security.sign-in.*}): failed sign-ins allowed per address a minute,
 * failures in a row before an account is locked, and for how long.
 */
@Validated
@ConfigurationProperties("mdm.security.sign-in")
record SignInProperties(@Positive Integer failuresPerAddressPerMinute, @Positive Integer failuresBeforeLock,
                        @NotNull Duration lockFor) {
    SignInProperties {
        if (failuresPerAddressPerMinute == null) failuresPerAddressPerMinute = 20;
        if (failuresBeforeLock == null) failuresBeforeLock = 5;
        if (lockFor == null) lockFor = Duration.ofMinutes(15);
    }
}
