package io.vidyut.mdm.ingest.filedrop;

import io.vidyut.mdm.database.DataDirectory;
import io.vidyut.mdm.ingest.BatchReceipt;
import io.vidyut.mdm.ingest.HesInbox;
import io.vidyut.mdm.ingest.IngestProperties;
import io.vidyut.mdm.ingest.PayloadLimit;
import io.vidyut.mdm.ingest.Refusals;
import io.vidyut.mdm.security.MachineClient;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Files an HES drops (or an operator copies) into {@code <drop-dir>/<tenant>/<vendor>/} are read by
 * the vendor's mapping like a REST push; files in its {@code events/} sub-folder are meter events, read
 * by the mapping's events section like a push to {@code /meters/events}. A file is taken once it has not changed for a few seconds;
 * after durable acceptance it moves to {@code done/}, an unreadable one to {@code failed/} with a
 * {@code .reason} file beside it. A file is identified by its content: dropping the same file again is a repeat.
 */
@Component
class FileDropAdapter {
    private static final Logger log = LoggerFactory.getLogger(FileDropAdapter.class);
    static final Duration SETTLE = Duration.ofSeconds(2);

    private final Path dropDir;
    private final JdbcClient jdbc;
    private final HesInbox inbox;
    private final PayloadLimit limit;

    FileDropAdapter(IngestProperties ingest, DataDirectory data, JdbcClient jdbc, HesInbox inbox, PayloadLimit limit) {
        this.dropDir = (ingest.dropDir() != null ? ingest.dropDir() : data.path().resolve("drop")).toAbsolutePath();
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.limit = limit;
    }

    Path dropDir() {
        return dropDir;
    }

    private record Vendor(MachineClient client) {}

    @Scheduled(fixedDelayString = "${mdm.ingest.drop-poll:PT5S}")
    void poll() {
        if (!Files.isDirectory(dropDir)) return;
        for (Vendor vendor : vendors()) {
            Path folder = dropDir.resolve(vendor.client().tenantCode()).resolve(vendor.client().vendorCode());
            if (!Files.isDirectory(folder)) continue;
            for (Path file : settledFiles(folder)) take(vendor.client(), folder, file, false);
            Path events = folder.resolve("events");
            if (Files.isDirectory(events)) for (Path file : settledFiles(events)) take(vendor.client(), events, file, true);
        }
    }

    /** Vendors that may drop files: every vendor with a mapping, across tenants. */
    private List<Vendor> vendors() {
        return jdbc.sql("select * from mdm_file_drop_vendors()")
                .query((rs, n) -> new Vendor(new MachineClient(rs.getObject("vendor_id", UUID.class),
                        rs.getString("vendor_code"), rs.getObject("tenant_id", UUID.class), rs.getString("tenant_code"))))
                .list();
    }

    private List<Path> settledFiles(Path folder) {
        // file times come from the operating system's clock, so they are compared with it, not with the application's
        Instant settled = Instant.now().minus(SETTLE);
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> {
                        try {
                            return Files.getLastModifiedTime(f).toInstant().isBefore(settled);
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .sorted().toList();
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", folder, e.getMessage());
            return List.of();
        }
    }

    /** {@code events}: the file holds meter events, read by the mapping's events section. */
    private void take(MachineClient vendor, Path folder, Path file, boolean events) {
        String name = file.getFileName().toString();
        try {
            limit.check(Files.size(file)); // before reading: an oversize file must not be held in memory first
            byte[] payload = Files.readAllBytes(file);
            BatchReceipt receipt = TenantContext.callAs(TenantScope.of(vendor.tenantId(), vendor.tenantCode()),
                    () -> events ? inbox.events(vendor, "FILE", payload, null) : inbox.readings(vendor, "FILE", payload, null));
            if (receipt.status() == BatchReceipt.Status.REJECTED) {
                // nothing of it was stored (its rows wait in the quarantine): the vendor's folder says so too
                refuse(vendor, folder, file, "Every row was rejected: " + receipt.rejections().stream().limit(5)
                        .map(r -> "row " + r.row() + " " + r.field() + ": " + r.reason()).toList());
                return;
            }
            move(file, folder.resolve("done"));
            log.info("File {} of vendor {}: {} values accepted, {} rejected ({})", name, vendor.vendorCode(),
                    receipt.valuesAccepted(), receipt.valuesRejected(), receipt.status());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            var refusal = Refusals.permanent(e);
            if (refusal.isEmpty()) {
                // left in place: taken again at the next poll
                log.error("File {} of vendor {} could not be accepted; will retry", name, vendor.vendorCode(), e);
                return;
            }
            refuse(vendor, folder, file, refusal.get());
        }
    }

    private static void refuse(MachineClient vendor, Path folder, Path file, String reason) {
        String name = file.getFileName().toString();
        move(file, folder.resolve("failed"));
        writeReason(folder.resolve("failed").resolve(name + ".reason"), reason);
        log.warn("File {} of vendor {} refused: {}", name, vendor.vendorCode(), reason);
    }

    private static void move(Path file, Path to) {
        try {
            Files.createDirectories(to);
            Files.move(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeReason(Path file, String reason) {
        try {
            Files.writeString(file, reason + System.lineSeparator());
        } catch (IOException e) {
            log.warn("Cannot write {}: {}", file, e.getMessage());
        }
    }
}
