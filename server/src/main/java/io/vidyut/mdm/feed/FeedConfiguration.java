package io.vidyut.mdm.feed;

import io.vidyut.mdm.common.KafkaProperties;
import java.time.Duration;
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
    KafkaFeedPublisher kafkaFeedPublisher(KafkaProperties kafka, FeedSettings feed, JdbcClient jdbc,
                                          TransactionTemplate transactions, JsonMapper json) {
        return new KafkaFeedPublisher(new KafkaFeedPublisher.Settings(kafka.bootstrap(), kafka.feedTopic(), kafka.partitions(),
                kafka.replication(), Duration.ofSeconds(30), feed.retention()), jdbc, transactions, json);
    }
}
