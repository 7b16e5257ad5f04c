package io.vidyut.mdm.feed;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** With MDM_KAFKA_BOOTSTRAP set, the feed is also published on Kafka (topic {@code mdm.kafka.feed-topic}). */
@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${mdm.kafka.bootstrap:}' != ''")
    KafkaFeedPublisher kafkaFeedPublisher(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json,
                                          @Value("${mdm.kafka.bootstrap}") String bootstrap,
                                          @Value("${mdm.kafka.feed-topic:mdm.events}") String topic,
                                          @Value("${mdm.kafka.partitions:12}") int partitions,
                                          @Value("${mdm.kafka.replication:1}") short replication) {
        return new KafkaFeedPublisher(new KafkaFeedPublisher.Settings(bootstrap, topic, partitions, replication,
                Duration.ofSeconds(30)), jdbc, transactions, json);
    }
}
