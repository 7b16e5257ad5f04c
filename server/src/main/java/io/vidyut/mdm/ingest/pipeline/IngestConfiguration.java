package io.vidyut.mdm.ingest.pipeline;

import io.vidyut.mdm.common.KafkaProperties;
import io.vidyut.mdm.ingest.IngestProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The pipeline transport: in memory by default, Kafka when MDM_KAFKA_BOOTSTRAP is set; both partitioned by meter. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IngestConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${mdm.kafka.bootstrap:}' != ''")
    KafkaTransport kafkaTransport(StoreWriter writer, DeadLetters deadLetters, Clock clock, KafkaProperties kafka) {
        return new KafkaTransport(new KafkaTransport.Settings(kafka.bootstrap(), kafka.topic(), kafka.partitions(),
                kafka.replication(), "vidyut-mdm-ingest", kafka.consumers(),
                new StoreRetries(kafka.maxStoreAttempts(), kafka.storeRetryBackoff())), writer::store, deadLetters, clock);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${mdm.kafka.bootstrap:}' == ''")
    InMemoryTransport inMemoryTransport(StoreWriter writer, IngestProperties ingest) {
        int count = ingest.partitions() > 0 ? ingest.partitions() : Math.max(2, Runtime.getRuntime().availableProcessors());
        return new InMemoryTransport(count, ingest.queueCapacity(), writer::store);
    }
}
