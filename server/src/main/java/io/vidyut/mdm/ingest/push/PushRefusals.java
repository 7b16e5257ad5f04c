package io.vidyut.mdm.ingest.push;

import io.vidyut.mdm.ingest.pipeline.PushRefused;
import io.micrometer.core.instrument.MeterRegistry;
import io.vidyut.mdm.common.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused pushes as problems with Retry-After, counted by reason ({@code mdm.ingest.refused}). */
@RestControllerAdvice(assignableTypes = {ReadingsController.class, EventsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE) // before the catch-all of the common problem responses
class PushRefusals {
    private final MeterRegistry metrics;

    PushRefusals(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(PushRefused.class)
    ResponseEntity<ProblemDetail> refused(PushRefused refused) {
        metrics.counter("mdm.ingest.refused", "reason", refused.type()).increment();
        return ResponseEntity.status(refused.status()).header(HttpHeaders.RETRY_AFTER, String.valueOf(refused.retryAfterSeconds()))
                .body(Problems.of(refused.status(), refused.type(), refused.title(), refused.getMessage()));
    }
}
