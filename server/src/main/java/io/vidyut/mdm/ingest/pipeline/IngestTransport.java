package io.vidyut.mdm.ingest.pipeline;

import java.time.Duration;
import java.util.Collection;

/**
 * Carries accepted readings to the store, partitioned by meter so one meter's readings are always
 * handled in order by one consumer. In memory by default; Kafka when configured (several instances).
 */
interface IngestTransport {

    int partitions();

    /** Partition of a meter: stable for the meter's lifetime. */
    default int partitionOf(java.util.UUID meterId) {
        return Math.floorMod(meterId.hashCode(), partitions());
    }

    /**
     * Hands work to its partition, waiting up to {@code timeout} for room (back-pressure).
     * Returns false when the partition stayed full; the batch is durable and will be re-driven.
     */
    boolean publish(IngestWork work, Duration timeout);

    /** Whether each of these partitions can take a part now (a durable transport always can). */
    default boolean hasRoom(Collection<Integer> partitions) {
        return true;
    }
}
