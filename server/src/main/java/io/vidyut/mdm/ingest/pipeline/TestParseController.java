package io.vidyut.mdm.ingest.pipeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.hes.HesVendorService;
import io.vidyut.mdm.hes.VendorMappingService;
import io.vidyut.mdm.hes.mapping.PayloadMapping;
import io.vidyut.mdm.hes.mapping.PayloadParser;
import io.vidyut.mdm.ingest.BatchReceipt;
import io.vidyut.mdm.readings.Reading;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/hes-vendors/{id}/test-parse")
@Tag(name = "HES vendors")
class TestParseController {
    private final IngestService ingest;
    private final VendorMappingService mappings;
    private final HesVendorService vendors;
    private final io.vidyut.mdm.tenancy.TenantDirectory tenants;

    TestParseController(IngestService ingest, VendorMappingService mappings, HesVendorService vendors,
                        io.vidyut.mdm.tenancy.TenantDirectory tenants) {
        this.ingest = ingest;
        this.mappings = mappings;
        this.vendors = vendors;
        this.tenants = tenants;
    }

    /** A sample payload as text, and optionally a draft mapping to try instead of the one in force. */
    record TestParseRequest(@NotNull String payload, PayloadMapping mapping) {}

    record ParsedValue(int row, UUID meterId, String channel, OffsetDateTime at, int intervalMinutes, BigDecimal value,
                       String unit, Set<io.vidyut.mdm.channels.Quality> quality) {}

    record TestParseResult(Integer mappingVersion, int rows, List<ParsedValue> values,
                           List<BatchReceipt.Rejection> rejections) {}

    @PostMapping
    @Roles.Operators
    @Operation(summary = "Show what the MDM would store from a sample payload (nothing is stored)",
            description = "Uses the draft mapping when given, else the vendor's mapping in force.")
    TestParseResult testParse(@PathVariable UUID id, @Valid @RequestBody TestParseRequest request) {
        vendors.get(id);
        Integer version = null;
        PayloadMapping mapping = request.mapping();
        if (mapping == null) {
            var current = mappings.current(id).orElseThrow(() -> new ConflictException(
                    "The vendor has no mapping yet: send a draft mapping with the sample"));
            mapping = current.mapping();
            version = current.version();
        }
        var normalized = ingest.normalize(id, version == null ? 0 : version, new PayloadParser(mapping),
                request.payload().getBytes(StandardCharsets.UTF_8));
        ZoneId zone = tenants.zoneOf(io.vidyut.mdm.tenancy.TenantContext.requireTenantId());
        List<ParsedValue> values = new java.util.ArrayList<>();
        for (int i = 0; i < normalized.readings().size() && i < 5000; i++) {
            values.add(value(normalized.readings().get(i), normalized.readingRows().get(i), zone));
        }
        ingest.derivableNow(normalized).stream().limit(Math.max(0, 5000 - values.size()))
                .forEach(derived -> values.add(value(derived, 0, zone)));
        return new TestParseResult(version, normalized.parsed().rows(), values, normalized.rejections().stream()
                .map(r -> new BatchReceipt.Rejection(r.row(), r.field(), r.reason())).toList());
    }

    private static ParsedValue value(Reading reading, int row, ZoneId zone) {
        return new ParsedValue(row, reading.meterId(), reading.channel().name(), reading.at().atZone(zone).toOffsetDateTime(),
                reading.intervalMinutes(), reading.channel().resolution().multiply(BigDecimal.valueOf(reading.value())),
                reading.channel().unit(), io.vidyut.mdm.channels.Quality.of(reading.quality()));
    }
}
