package io.vidyut.mdm.ingest.push;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vidyut.mdm.ingest.IngestProperties;
import io.vidyut.mdm.ingest.PayloadLimit;
import io.vidyut.mdm.ingest.pipeline.PushRefused;
import io.vidyut.mdm.security.MachineClient;
import io.vidyut.mdm.tenancy.PushRates;
import io.vidyut.mdm.tenancy.TenantDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * What a push must pass before its body is read: its HES vendor's and its tenant's push rate (the tenant's
 * {@code push_rates} settings; 429 beyond them, so one HES, or one DISCOM's HES fleet, cannot take every other's
 * turn), and room for its body in the memory set aside for bodies being read (503 when it is full, so many large or
 * slow bodies at once cannot exhaust the heap). Both answer at once, with Retry-After.
 */
@Component
class PushLimits implements HandlerInterceptor {
    private static final String RESERVED_KIB = PushLimits.class.getName() + ".reservedKib";
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration BODY_RETRY = Duration.ofSeconds(1);

    /** A vendor's limiter, keyed by tenant too, and by the rate (a changed setting starts a new limiter). */
    record VendorKey(UUID tenantId, UUID vendorId, int perMinute) {}

    /** A tenant's limiter at a rate. */
    record TenantKey(UUID tenantId, int perMinute) {}

    private final TenantDirectory tenants;
    private final Cache<UUID, PushRates> rates = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(10_000).build();
    private final Cache<VendorKey, RateLimiter> vendorLimiters = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final Cache<TenantKey, RateLimiter> tenantLimiters = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(10_000).build();
    private final Semaphore bodyBudgetKib;
    private final int budgetKib;
    private final PayloadLimit payloadLimit;

    PushLimits(TenantDirectory tenants, IngestProperties ingest, PayloadLimit payloadLimit, MeterRegistry metrics) {
        long bodyBudgetBytes = ingest.bodyBudgetBytes();
        this.tenants = tenants;
        this.budgetKib = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bodyBudgetBytes / 1024));
        this.bodyBudgetKib = new Semaphore(budgetKib);
        this.payloadLimit = payloadLimit;
        // how much of the memory set aside for push bodies is free: near zero, pushes are being turned away
        Gauge.builder("mdm.ingest.body.budget.free", bodyBudgetKib, budget -> budget.availablePermits() * 1024.0)
                .baseUnit("bytes").register(metrics);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) return true;
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !(caller.getPrincipal() instanceof MachineClient vendor)) return true; // security refuses it
        PushRates tenantRates = rates.get(vendor.tenantId(),
                id -> tenants.findById(id).map(tenant -> PushRates.of(tenant.settings())).orElse(PushRates.DEFAULT));
        int vendorRate = tenantRates.perVendorPerMinute();
        RateLimiter vendorLimiter = vendorLimiters.get(new VendorKey(vendor.tenantId(), vendor.vendorId(), vendorRate),
                key -> perMinute(vendorRate));
        if (!vendorLimiter.acquirePermission()) {
            throw PushRefused.rateLimited("HES vendor " + vendor.vendorCode() + " may push at most " + vendorRate
                    + " batches a minute; send fewer, larger batches.", untilNextPermit(vendorLimiter));
        }
        int tenantRate = tenantRates.perTenantPerMinute();
        RateLimiter tenantLimiter = tenantLimiters.get(new TenantKey(vendor.tenantId(), tenantRate), key -> perMinute(tenantRate));
        if (!tenantLimiter.acquirePermission()) {
            throw PushRefused.rateLimited("The HES vendors of tenant " + vendor.tenantCode() + " may push at most "
                    + tenantRate + " batches a minute together.", untilNextPermit(tenantLimiter));
        }
        int kib = reservationKib(request.getContentLengthLong());
        if (!bodyBudgetKib.tryAcquire(kib)) {
            throw PushRefused.busy("The MDM is reading as many push bodies as it has memory set aside for; send this one "
                    + "again after Retry-After.", BODY_RETRY);
        }
        request.setAttribute(RESERVED_KIB, kib);
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getAttribute(RESERVED_KIB) instanceof Integer kib) {
            request.removeAttribute(RESERVED_KIB);
            bodyBudgetKib.release(kib);
        }
    }

    /** What a body may take while it is read: its declared length, or the largest batch when it declares none. */
    private int reservationKib(long contentLength) {
        long bytes = contentLength < 0 || contentLength > payloadLimit.maxBytes() ? payloadLimit.maxBytes() : contentLength;
        return (int) Math.min(budgetKib, Math.max(1, (bytes + 1023) / 1024));
    }

    private static Duration untilNextPermit(RateLimiter limiter) {
        return limiter instanceof AtomicRateLimiter atomic
                ? Duration.ofNanos(Math.max(0, atomic.getDetailedMetrics().getNanosToWait())) : MINUTE;
    }

    private static RateLimiter perMinute(int rate) {
        return RateLimiter.of("push", RateLimiterConfig.custom().limitRefreshPeriod(MINUTE).limitForPeriod(rate)
                .timeoutDuration(Duration.ZERO).build());
    }
}
