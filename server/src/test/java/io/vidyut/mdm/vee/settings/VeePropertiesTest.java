package io.vidyut.mdm.vee.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code mdm.vee.*} binds to a typed record under the names it always had, with defaults, and refuses nonsense at start. */
class VeePropertiesTest {
    @Configuration
    @EnableConfigurationProperties(VeeProperties.class)
    static class Bound {}

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void absent_properties_take_the_defaults() {
        context.run(started -> assertThat(started.getBean(VeeProperties.class))
                .isEqualTo(new VeeProperties(true, Duration.ofMinutes(1), Duration.ofMinutes(5), 5_000L)));
    }

    @Test
    void the_property_names_are_the_ones_deployments_already_set() {
        context.withPropertyValues("mdm.vee.enabled=false", "mdm.vee.estimation-delay=PT24H", "mdm.vee.estimation-interval=10m",
                        "mdm.vee.count-flush-ms=250")
                .run(started -> assertThat(started.getBean(VeeProperties.class))
                        .isEqualTo(new VeeProperties(false, Duration.ofHours(24), Duration.ofMinutes(10), 250L)));
    }

    @Test
    void a_zero_interval_a_negative_delay_or_no_flush_period_stops_the_start() {
        for (String wrong : new String[] {"mdm.vee.estimation-interval=0s", "mdm.vee.estimation-delay=-1s", "mdm.vee.count-flush-ms=0",
                "mdm.vee.enabled=sometimes"}) {
            context.withPropertyValues(wrong).run(started -> assertThat(started).as(wrong).hasFailed());
        }
    }
}
