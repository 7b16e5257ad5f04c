package io.vidyut.mdm.ingest.pipeline;

import io.vidyut.mdm.readings.Reading;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * One part of an accepted batch: the readings of the meters that fall in one pipeline partition,
 * and the intervals to derive from their registers once the part is stored.
 */
record IngestWork(UUID batchId, int part, UUID tenantId, String tenantCode, ZoneId zone, List<Reading> readings,
                  List<IntervalDerivation.Pending> pending) {
    IngestWork(UUID batchId, int part, UUID tenantId, String tenantCode, ZoneId zone, List<Reading> readings) {
        this(batchId, part, tenantId, tenantCode, zone, readings, List.of());
    }
}
