package io.vidyut.mdm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module documentation in {@code docs/modules} is generated from the code (Spring Modulith's {@link Documenter}
 * and the module model), so it cannot drift: this test regenerates it and fails when the committed copy differs.
 * After a change of modules, their dependencies or events, refresh it with
 * {@code ./mvnw -pl server test -Dtest=ModuleDocumentationTest -Dmdm.docs.write=true}.
 */
class ModuleDocumentationTest {
    private static final Path COMMITTED = Path.of("../docs/modules");
    private static final Path GENERATED = Path.of("target/module-docs");

    @Test
    void the_module_documentation_is_the_one_the_code_generates() throws IOException {
        ApplicationModules modules = ApplicationModules.of(MdmApplication.class);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeModuleCanvases();
        Files.writeString(GENERATED.resolve("README.md"), table(modules));
        if (Boolean.getBoolean("mdm.docs.write")) {
            Files.createDirectories(COMMITTED);
            try (Stream<Path> old = Files.list(COMMITTED)) {
                for (Path file : old.toList()) Files.delete(file);
            }
            for (String file : files(GENERATED)) {
                Files.copy(GENERATED.resolve(file), COMMITTED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertThat(files(COMMITTED)).as("docs/modules: refresh with -Dmdm.docs.write=true").isEqualTo(files(GENERATED));
        for (String file : files(GENERATED)) {
            // the Documenter lists beans and events in the order it scanned them: compare what is said, not the order
            assertThat(sortedLines(COMMITTED.resolve(file))).as("docs/modules/%s: refresh with -Dmdm.docs.write=true", file)
                    .isEqualTo(sortedLines(GENERATED.resolve(file)));
        }
    }

    /** Each module: what it depends on and the events it publishes and listens to, in Markdown. */
    private static String table(ApplicationModules modules) {
        StringBuilder out = new StringBuilder("""
                # Modules

                Generated from the code by `ModuleDocumentationTest` (do not edit): each module of `mdm-server`, the modules
                it depends on (any kind: types, beans, events), the events it publishes (its event types other modules listen
                to) and the events it listens to. `components.puml`
                is the same graph for PlantUML, and each `module-<name>.adoc` the module's canvas (its API, beans, events and
                settings). What each module owns is in [the architecture](../architecture.md#modules).

                | module | depends on | publishes | listens to |
                |---|---|---|---|
                """);
        for (ApplicationModule module : modules.stream().sorted().toList()) {
            out.append("| `").append(module.getName()).append("` | ")
                    .append(names(module.getDirectDependencies(modules).stream()
                            .map(ApplicationModuleDependency::getTargetModule).map(ApplicationModule::getName)))
                    .append(" | ")
                    .append(names(modules.stream().flatMap(other -> other.getEventsListenedTo(modules).stream())
                            .filter(module::contains).map(type -> type.getSimpleName())))
                    .append(" | ")
                    .append(names(module.getEventsListenedTo(modules).stream().map(type -> type.getSimpleName())))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String names(Stream<String> names) {
        Set<String> sorted = names.collect(Collectors.toCollection(TreeSet::new));
        return sorted.isEmpty() ? "–" : sorted.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
    }

    private static List<String> sortedLines(Path file) throws IOException {
        // a canvas cell's list starts with "|* first item": which item is first depends on the scan's order too
        return Files.readAllLines(file).stream().map(line -> line.replaceFirst("^\\|\\* ", "* ")).sorted().toList();
    }

    private static List<String> files(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
