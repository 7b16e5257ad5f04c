package io.vidyut.mdm;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.ingest.IngestProperties;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The server's settings are typed records per module ({@code @ConfigurationProperties}), checked when the server
 * starts, and every one of them is in the settings table of the operations guide.
 */
class SettingsTest {
    private static final Path OPERATIONS_GUIDE = Path.of("../docs/operations.md");

    @Test
    void no_module_reads_a_setting_by_hand() throws IOException {
        List<Path> withValue = new ArrayList<>();
        try (var files = Files.walk(Path.of("src/main/java"))) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                if (read(file).contains("@Value(\"${mdm.")) withValue.add(file);
            });
        }
        assertThat(withValue).as("read mdm.* settings through the module's @ConfigurationProperties record").isEmpty();
    }

    @Test
    void every_setting_is_in_the_operations_guide() throws IOException {
        String guide = Files.readString(OPERATIONS_GUIDE);
        TreeSet<String> missing = new TreeSet<>();
        List<String> settings = settings();
        assertThat(settings).hasSizeGreaterThan(30);
        for (String setting : settings) {
            if (!guide.contains("`" + setting + "`")) missing.add(setting);
        }
        assertThat(missing).as("settings missing from the table in docs/operations.md").isEmpty();
    }

    @Test
    void a_setting_out_of_range_stops_the_server_naming_it() {
        new ApplicationContextRunner().withUserConfiguration(Ingest.class)
                .withPropertyValues("mdm.ingest.max-payload-bytes=0")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("mdm.ingest").hasStackTraceContaining("maxPayloadBytes"));
        new ApplicationContextRunner().withUserConfiguration(Ingest.class)
                .withPropertyValues("mdm.ingest.push-wait=soon")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("mdm.ingest.push-wait"));
        new ApplicationContextRunner().withUserConfiguration(Ingest.class)
                .run(context -> assertThat(context.getBean(IngestProperties.class).maxPayloadBytes()).isEqualTo(32 << 20));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IngestProperties.class)
    static class Ingest {}

    /** Every property of every settings record, as {@code prefix.kebab-name}. */
    private static List<String> settings() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<String> settings = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.vidyut.mdm")) {
            Class<?> type = load(candidate.getBeanClassName());
            if (!type.isRecord()) continue;
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            for (RecordComponent component : type.getRecordComponents()) {
                settings.add(prefix + "." + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return settings;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
