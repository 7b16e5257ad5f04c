package io.vidyut.mdm.ingest;

import io.vidyut.mdm.readings.Reading;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** One part of an accepted batch: the readings of the meters that fall in one pipeline partition. */
record IngestWork(UUID batchId, int part, UUID tenantId, String tenantCode, ZoneId zone, List<Reading> readings) {}
