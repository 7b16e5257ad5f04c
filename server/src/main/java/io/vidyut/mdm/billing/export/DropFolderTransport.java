package io.vidyut.mdm.billing.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.springframework.stereotype.Component;

/**
 * Writes an export file into a folder the billing system reads (a share), only under {@code mdm.billing.export.drop-root}:
 * a folder that leads outside it, by {@code ..}, an absolute path or a symbolic link, is refused. The file is written
 * as {@code .<name>.part} in the same folder, forced to disk, then moved to its name in one atomic rename, so a reader
 * sees the whole file or none of it (and one that skips dot files never sees the part). The same name again (the same
 * run exported again) replaces the earlier file.
 */
@Component
class DropFolderTransport {
    private final ExportSettings settings;

    DropFolderTransport(ExportSettings settings) {
        this.settings = settings;
    }

    /** Delivers the file; returns where it is. */
    Path deliver(ExportFile file, String folder) {
        Path target = folder(folder);
        Path part = target.resolve("." + file.name() + ".part");
        try {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer content = ByteBuffer.wrap(file.content());
                while (content.hasRemaining()) channel.write(content);
                channel.force(true);
            }
            return Files.move(part, target.resolve(file.name()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            deleteQuietly(part);
            throw ExportFailure.permanent("the drop folder " + target + " cannot rename atomically", e);
        } catch (IOException e) {
            deleteQuietly(part);
            throw ExportFailure.retryable("could not write " + file.name() + " to " + target + ": " + e, e);
        }
    }

    /** The folder, made if missing, when it lies under the drop root. */
    Path folder(String folder) {
        if (settings.dropRoot() == null) {
            throw ExportFailure.permanent("drop-folder exports need mdm.billing.export.drop-root to be set");
        }
        if (folder == null || folder.isBlank()) throw ExportFailure.permanent("a drop-folder export needs a folder");
        try {
            Path root = settings.dropRoot().toRealPath();
            Path target = root.resolve(folder).normalize();
            if (!target.startsWith(root)) throw outside(folder);
            // a symbolic link inside the root may still point out of it: look before making anything, and after
            Path existing = target;
            while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
            if (!existing.toRealPath().startsWith(root)) throw outside(folder);
            Files.createDirectories(target);
            Path real = target.toRealPath();
            if (!real.startsWith(root)) throw outside(folder);
            return real;
        } catch (InvalidPathException e) {
            throw ExportFailure.permanent("'" + folder + "' is not a folder name", e);
        } catch (IOException e) {
            throw ExportFailure.retryable("the drop folder '" + folder + "' is not usable: " + e, e);
        }
    }

    private static ExportFailure outside(String folder) {
        return ExportFailure.permanent("the folder '" + folder + "' is outside mdm.billing.export.drop-root");
    }

    private static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // the next export of the same name truncates it
        }
    }
}
