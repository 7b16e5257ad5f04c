package io.vidyut.mdm;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every table belongs to one module, said by the migration that made it ({@code comment on table x is 'module: y'}),
 * and a module's SQL reads and writes its own tables only, other modules' data coming through their published
 * APIs. The crossings there are today are listed in {@code table-crossings.txt}: the list may only shrink. The one
 * exception is the reporting read model ({@code reports}), whose SQL may read any table and writes none.
 */
class TableOwnershipTest extends IntegrationTest {
    private static final Path MAIN_SOURCES = Path.of("src/main/java/io/vidyut/mdm");
    private static final Pattern OWNER = Pattern.compile("module: ([a-z]+)");
    /** A table named where SQL names tables: after from, join, into, update, table. */
    private static final Pattern TABLE_USE = Pattern.compile("\\b(?:from|join|into|update|table)\\s+([a-z_][a-z0-9_]*)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A table named where SQL changes a table: after into, update, delete from, truncate, alter/drop table. */
    private static final Pattern TABLE_WRITE = Pattern.compile(
            "\\b(?:into|update|delete\\s+from|truncate|table)\\s+([a-z_][a-z0-9_]*)\\b", Pattern.CASE_INSENSITIVE);
    /** The module meant for reporting reads across modules. */
    private static final String READ_MODEL = "reports";
    /** The string literals of a Java source: text blocks and one-line strings. */
    private static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

    @Autowired JdbcClient jdbc;

    @Test
    void every_table_has_one_owning_module_that_exists() {
        Map<String, String> owners = owners();
        assertThat(owners).isNotEmpty();
        Set<String> modules = modules();
        owners.forEach((table, owner) -> assertThat(modules).as("owner of table %s", table).contains(owner));
        assertThat(tablesWithoutOwner()).as("tables whose migration names no owning module").isEmpty();
    }

    @Test
    void a_module_uses_only_its_own_tables_apart_from_the_known_crossings_which_may_only_shrink() throws IOException {
        Map<String, String> owners = owners();
        Set<String> crossings = new TreeSet<>();
        for (String module : modules()) {
            try (Stream<Path> files = Files.walk(MAIN_SOURCES.resolve(module))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                    for (String table : tablesNamedIn(read(file), module.equals(READ_MODEL) ? TABLE_WRITE : TABLE_USE)) {
                        String owner = owners.get(table);
                        if (owner != null && !owner.equals(module)) crossings.add(module + " " + table);
                    }
                });
            }
        }
        Set<String> known = knownCrossings();
        assertThat(crossings).as("a module's SQL uses another module's table: use its published API instead")
                .isSubsetOf(known);
        assertThat(known).as("crossings gone from the code: take them off table-crossings.txt").isSubsetOf(crossings);
    }

    private Map<String, String> owners() {
        Map<String, String> owners = new TreeMap<>();
        jdbc.sql("""
                        select c.relname, obj_description(c.oid, 'pg_class') from pg_class c
                         where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
                           and c.relname <> 'flyway_schema_history'""")
                .query((rs, n) -> {
                    Matcher owner = OWNER.matcher(rs.getString(2) == null ? "" : rs.getString(2));
                    if (owner.find()) owners.put(rs.getString(1), owner.group(1));
                    return null;
                }).list();
        return owners;
    }

    private Set<String> tablesWithoutOwner() {
        return jdbc.sql("""
                        select c.relname from pg_class c
                         where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
                           and c.relname <> 'flyway_schema_history'
                           and coalesce(obj_description(c.oid, 'pg_class'), '') not like '%module: %'""")
                .query(String.class).set();
    }

    private static Set<String> modules() {
        try (Stream<Path> entries = Files.list(MAIN_SOURCES)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_reporting_read_model_reads_across_modules_and_writes_no_table() throws IOException {
        Set<String> read = new TreeSet<>(), written = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES.resolve(READ_MODEL))) {
            files.filter(f -> f.toString().endsWith(".java")).map(TableOwnershipTest::read).forEach(source -> {
                read.addAll(tablesNamedIn(source, TABLE_USE));
                written.addAll(tablesNamedIn(source, TABLE_WRITE));
            });
        }
        assertThat(read).as("what the read model reads").contains("meter", "interval_day", "vee_exception");
        assertThat(written).as("tables the read model writes").isEmpty();
        assertThat(owners().values()).as("tables the read model owns").doesNotContain(READ_MODEL);
    }

    private static Set<String> tablesNamedIn(String source, Pattern tableUse) {
        Set<String> tables = new TreeSet<>();
        Matcher literal = STRING_LITERAL.matcher(source);
        while (literal.find()) {
            String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
            Matcher use = tableUse.matcher(text);
            while (use.find()) tables.add(use.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return tables;
    }

    private static Set<String> knownCrossings() throws IOException {
        try (var in = TableOwnershipTest.class.getResourceAsStream("/table-crossings.txt")) {
            return new String(in.readAllBytes()).lines().map(line -> line.replaceAll("#.*", "").trim())
                    .filter(line -> !line.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
