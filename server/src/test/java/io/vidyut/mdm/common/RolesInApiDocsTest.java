package io.vidyut.mdm.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;

/** An endpoint's roles are said once, by its role annotation; the API documentation words them from it. */
class RolesInApiDocsTest {
    @Test
    void the_roles_of_an_expression_in_words() {
        assertThat(RolesInApiDocs.describe("hasRole('TENANT_ADMIN')")).isEqualTo("TENANT_ADMIN");
        assertThat(RolesInApiDocs.describe("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'ANALYST')"))
                .isEqualTo("TENANT_ADMIN, OPERATOR, ANALYST");
        assertThat(RolesInApiDocs.describe("hasRole('HES')")).isEqualTo("HES (X-API-Key)");
        assertThat(RolesInApiDocs.describe("permitAll()")).isEqualTo("anonymous");
        assertThat(RolesInApiDocs.describe("isAuthenticated() and !hasRole('HES')")).isEqualTo("any signed-in user");
        assertThat(RolesInApiDocs.describe("hasAuthority('X') or isAnonymous()")).as("anything else, as written")
                .isEqualTo("`hasAuthority('X') or isAnonymous()`");
    }

    @Test
    void every_role_set_is_enforced_by_a_pre_authorize_expression() {
        assertThat(Roles.class.getDeclaredClasses()).hasSizeGreaterThan(5).allSatisfy(roleSet -> assertThat(
                roleSet.getAnnotation(PreAuthorize.class)).as(roleSet.getSimpleName()).isNotNull());
    }

    @Test
    void no_endpoint_states_its_roles_by_hand() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> handWritten = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.endsWith("Roles.java") && !file.endsWith("RolesInApiDocs.java"))
                    .filter(file -> read(file).contains("\"Roles: ") || read(file).contains("@PreAuthorize(\""))
                    .toList();
            assertThat(handWritten).as("use a Roles annotation; the roles line is generated from it").isEmpty();
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
