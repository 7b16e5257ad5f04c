package io.vidyut.mdm.ingest.pipeline;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
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
    KafkaTransport kafkaTransport(StoreWriter writer, DeadLetters deadLetters, Clock clock,
                                  @Value("${mdm.kafka.bootstrap}") String bootstrap,
                                  @Value("${mdm.kafka.topic:mdm.ingest.readings}") String topic,
                                  @Value("${mdm.kafka.partitions:12}") int partitions,
                                  @Value("${mdm.kafka.replication:1}") short replication,
                                  @Value("${mdm.kafka.consumers:1}") int consumers,
                                  @Value("${mdm.kafka.max-store-attempts:5}") int maxStoreAttempts,
                                  @Value("${mdm.kafka.store-retry-backoff:PT0.2S}") Duration storeRetryBackoff) {
        return new KafkaTransport(new KafkaTransport.Settings(bootstrap, topic, partitions, replication,
                "vidyut-mdm-ingest", consumers, new StoreRetries(maxStoreAttempts, storeRetryBackoff)), writer::store,
                deadLetters, clock);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${mdm.kafka.bootstrap:}' == ''")
    InMemoryTransport inMemoryTransport(StoreWriter writer,
                                        @Value("${mdm.ingest.partitions:0}") int partitions,
                                        @Value("${mdm.ingest.queue-capacity:64}") int capacity) {
        int count = partitions > 0 ? partitions : Math.max(2, Runtime.getRuntime().availableProcessors());
        return new InMemoryTransport(count, capacity, writer::store);
    }
}
