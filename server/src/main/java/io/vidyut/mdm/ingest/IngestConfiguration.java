package io.vidyut.mdm.ingest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The pipeline transport: in memory, partitioned by meter (Kafka arrives as a second implementation). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IngestConfiguration {

    @Bean(destroyMethod = "close")
    InMemoryTransport inMemoryTransport(StoreWriter writer,
                                        @Value("${mdm.ingest.partitions:0}") int partitions,
                                        @Value("${mdm.ingest.queue-capacity:64}") int capacity) {
        int count = partitions > 0 ? partitions : Math.max(2, Runtime.getRuntime().availableProcessors());
        return new InMemoryTransport(count, capacity, writer::store);
    }
}
