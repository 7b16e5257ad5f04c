package io.vidyut.mdm.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down: an address may fail only so many sign-ins a minute (successes are not counted: a
 * whole office signs in from one address at nine), and an account whose password was given wrong several times in a
 * row is locked for a while. Unknown usernames are counted and locked exactly like
 * real ones, so the answers reveal nothing about which accounts exist. Kept per instance, in memory.
 */
@Component
class SignInGuard {
    private final Clock clock;
    private final int failuresPerMinute;
    private final int failuresBeforeLock;
    private final Duration lockFor;
    /** By address (not tenant data: the address is all that is known before the password is checked). */
    private final Cache<String, RateLimiter> addresses = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();
    /** By username as typed (lower case); usernames are unique across tenants. */
    private final Cache<String, Failures> accounts;

    /** Wrong passwords in a row, and until when the account is locked (null: not locked). */
    private record Failures(int count, Instant lockedUntil) {}

    /** Sign-in is refused for now; try again after {@code retryAfter}. */
    static final class Throttled extends RuntimeException {
        private final Duration retryAfter;

        Throttled(String message, Duration retryAfter) {
            super(message, null, false, false);
            this.retryAfter = retryAfter;
        }

        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    SignInGuard(Clock clock, SignInProperties properties) {
        this.clock = clock;
        this.failuresPerMinute = properties.failuresPerAddressPerMinute();
        this.failuresBeforeLock = properties.failuresBeforeLock();
        this.lockFor = properties.lockFor();
        this.accounts = Caffeine.newBuilder().expireAfterWrite(lockFor.plus(lockFor)).maximumSize(1_000_000).build();
    }

    /** Throws {@link Throttled} when this address has failed too often, or the account is locked. */
    void check(String username, String address) {
        if (address(address).getMetrics().getAvailablePermissions() <= 0) {
            throw new Throttled("Too many failed sign-ins from this address; wait a minute.", Duration.ofMinutes(1));
        }
        Failures failures = accounts.getIfPresent(key(username));
        Instant now = clock.instant();
        if (failures != null && failures.lockedUntil() != null && now.isBefore(failures.lockedUntil())) {
            throw new Throttled("The account is locked for a while after " + failuresBeforeLock
                    + " wrong passwords in a row.", Duration.between(now, failures.lockedUntil()));
        }
    }

    /** A wrong password (or unknown username); true when this failure locked the account. */
    boolean failed(String username, String address) {
        address(address).acquirePermission();
        Failures before = accounts.getIfPresent(key(username));
        int count = (before == null || before.lockedUntil() != null ? 0 : before.count()) + 1;
        boolean lock = count >= failuresBeforeLock;
        accounts.put(key(username), new Failures(count, lock ? clock.instant().plus(lockFor) : null));
        return lock;
    }

    /** A failure that names no account (e.g. a single sign-on answer that was refused): counted for the address only. */
    void failedFrom(String address) {
        address(address).acquirePermission();
    }

    void succeeded(String username) {
        accounts.invalidate(key(username));
    }

    private RateLimiter address(String address) {
        return addresses.get(address, key -> perMinute(failuresPerMinute));
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    private static RateLimiter perMinute(int rate) {
        return RateLimiter.of("sign-in", RateLimiterConfig.custom().limitRefreshPeriod(Duration.ofMinutes(1))
                .limitForPeriod(rate).timeoutDuration(Duration.ZERO).build());
    }
}
