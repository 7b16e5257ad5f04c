package io.vidyut.mdm.billing.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drop folder: the file whole under its name and nothing else left, and no folder outside the drop root. */
class DropFolderTransportTest {
    @TempDir Path temp;

    static final ExportFile FILE = new ExportFile("t_S_20261130_r1.csv", "a,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8),
            List.of());

    DropFolderTransport transport(Path root) {
        return new DropFolderTransport(ExportFixtures.settings(root));
    }

    @Test
    void the_file_lands_whole_under_its_name_and_no_part_is_left() throws IOException {
        Path root = Files.createDirectory(temp.resolve("drop"));

        Path written = transport(root).deliver(FILE, "sap/inbox");

        assertThat(written).isEqualTo(root.toRealPath().resolve("sap/inbox/t_S_20261130_r1.csv"));
        assertThat(Files.readAllBytes(written)).isEqualTo(FILE.content());
        try (var files = Files.list(written.getParent())) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("t_S_20261130_r1.csv");
        }
    }

    @Test
    void the_same_run_again_replaces_the_file() throws IOException {
        Path root = Files.createDirectory(temp.resolve("drop"));
        transport(root).deliver(new ExportFile(FILE.name(), new byte[] {1, 2, 3}, List.of()), "in");

        Path written = transport(root).deliver(FILE, "in");

        assertThat(Files.readAllBytes(written)).isEqualTo(FILE.content());
    }

    @Test
    void a_folder_outside_the_drop_root_is_refused_and_nothing_is_written_there() throws IOException {
        Path root = Files.createDirectory(temp.resolve("drop"));
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("escape"), outside);

        for (String folder : List.of("../outside", outside.toString(), "in/../../outside", "escape", "escape/deeper")) {
            assertThatThrownBy(() -> transport(root).deliver(FILE, folder)).as(folder)
                    .isInstanceOfSatisfying(ExportFailure.class, failure -> assertThat(failure.retryable()).isFalse())
                    .hasMessageContaining("outside mdm.billing.export.drop-root");
        }
        try (var files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void without_a_drop_root_drop_folder_exports_are_refused() {
        assertThatThrownBy(() -> transport(null).deliver(FILE, "in"))
                .isInstanceOfSatisfying(ExportFailure.class, failure -> assertThat(failure.retryable()).isFalse())
                .hasMessageContaining("mdm.billing.export.drop-root");
    }
}
