package io.vidyut.mdm.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.vidyut.mdm.common.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Unauthenticated signed requests as 401 problems. They are not stored (anyone can send them), but counted by
 * endpoint and reason ({@code mdm.signed_requests.refused{kind, reason}}) and logged with the system they named and
 * their address, so that a system signing wrongly, or someone probing, shows up.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before the catch-all of the common problem responses
class SignatureRefusals {
    private static final Logger log = LoggerFactory.getLogger(SignatureRefusals.class);
    private final MeterRegistry metrics;

    SignatureRefusals(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(SignatureRefused.class)
    ResponseEntity<ProblemDetail> refused(SignatureRefused refused, HttpServletRequest request) {
        metrics.counter("mdm.signed_requests.refused", "kind", refused.kind(), "reason", refused.reason()).increment();
        log.warn("Signed request to {} refused ({}) from {} naming '{}'", refused.kind(), refused.reason(), request.getRemoteAddr(),
                printable(refused.caller()));
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(Problems.of(HttpStatus.UNAUTHORIZED, refused.reason(), "Not authenticated", refused.getMessage()));
    }

    /** A header as far as it is safe to log: bounded, without control characters that could forge log lines. */
    private static String printable(String value) {
        if (value == null) return "";
        String cut = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
