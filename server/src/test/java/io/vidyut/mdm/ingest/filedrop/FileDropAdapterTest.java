package io.vidyut.mdm.ingest.filedrop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** CSV files dropped into a vendor's folder are ingested like a push, then moved aside. */
class FileDropAdapterTest extends IntegrationTest {
    @Autowired FileDropAdapter adapter;

    @Test
    void a_dropped_file_is_ingested_and_moved_to_done_and_a_broken_one_to_failed_with_its_reason() throws Exception {
        TestTenant tenant = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        String vendorId = api.post("/api/v1/hes-vendors", tenant.admin(), Map.of("code", "FILER", "name", "File HES",
                "protocol", "FILE", "ip_allowlist", List.of())).json().get("vendor").get("id").asString();
        api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), Map.of("format", "CSV",
                "fields", Map.of("meter", "meter", "timestamp", "end", "code", "obis", "value", "kwh")));
        String meterId = registry.meter("FILE-1", vendorId, null).get("id").asString();

        Path folder = adapter.dropDir().resolve(tenant.code()).resolve("FILER");
        Files.createDirectories(folder);
        Path good = settled(Files.writeString(folder.resolve("2026-11-20.csv"),
                "meter,end,obis,kwh\nFILE-1,2026-11-20T10:15:00+05:30,1.0.1.29.0.255,0.4\n"));
        Path broken = settled(Files.writeString(folder.resolve("broken.csv"), "meter,end\n\"unterminated"));

        adapter.poll();

        assertThat(good).doesNotExist();
        assertThat(folder.resolve("done/2026-11-20.csv")).exists();
        assertThat(broken).doesNotExist();
        assertThat(folder.resolve("failed/broken.csv")).exists();
        // an unterminated quote takes the rest of the file into one field: its row is rejected, and with it every row
        assertThat(Files.readString(folder.resolve("failed/broken.csv.reason"))).contains("Every row was rejected");
        long deadline = System.nanoTime() / 1_000_000 + 10_000;
        long stored = 0;
        while (stored == 0 && System.nanoTime() / 1_000_000 < deadline) {
            stored = api.get("/api/v1/meters/" + meterId + "/consumption?from=2026-11-20T04:30:00Z&to=2026-11-20T05:00:00Z",
                    tenant.analyst()).json().get("total").get("intervals").asLong();
            Thread.sleep(100);
        }
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void events_dropped_into_the_events_folder_are_read_by_the_mappings_events_section() throws Exception {
        TestTenant tenant = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        String vendorId = api.post("/api/v1/hes-vendors", tenant.admin(), Map.of("code", "EVFILER", "name", "Event files",
                "protocol", "FILE", "ip_allowlist", List.of())).json().get("vendor").get("id").asString();
        var saved = api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), Map.of("format", "CSV",
                "fields", Map.of("meter", "meter", "timestamp", "end", "code", "obis", "value", "kwh"),
                "events", Map.of("fields", Map.of("meter", "meter", "timestamp", "at", "code", "type"),
                        "codes", Map.of("MAGNET", 201))));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        String meterId = registry.meter("EVFILE-1", vendorId, null).get("id").asString();

        Path events = adapter.dropDir().resolve(tenant.code()).resolve("EVFILER").resolve("events");
        Files.createDirectories(events);
        settled(Files.writeString(events.resolve("tamper.csv"), "meter,at,type\nEVFILE-1,2026-11-21T10:00:00+05:30,MAGNET\n"));

        adapter.poll();

        assertThat(events.resolve("done/tamper.csv")).exists();
        var stored = api.get("/api/v1/meters/" + meterId + "/events?from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z",
                tenant.analyst());
        assertThat(stored.status()).as(stored.raw()).isEqualTo(200);
        assertThat(stored.json().get("items").findValuesAsString("code").toString()).contains("201");
    }

    @Test
    void a_file_over_the_payload_limit_is_refused_by_its_size_without_being_read() throws Exception {
        TestTenant tenant = newTenant();
        String vendorId = api.post("/api/v1/hes-vendors", tenant.admin(), Map.of("code", "HUGE", "name", "Huge files",
                "protocol", "FILE", "ip_allowlist", List.of())).json().get("vendor").get("id").asString();
        api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), Map.of("format", "CSV",
                "fields", Map.of("meter", "meter", "timestamp", "end", "code", "obis", "value", "kwh")));
        Path folder = adapter.dropDir().resolve(tenant.code()).resolve("HUGE");
        Files.createDirectories(folder);
        // sparse: 64 GiB on paper, nothing on disk; read whole, it could not even be put in an array
        Path huge = folder.resolve("huge.csv");
        try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(64L << 30);
        }
        settled(huge);

        adapter.poll();

        assertThat(folder.resolve("failed/huge.csv")).exists();
        assertThat(Files.readString(folder.resolve("failed/huge.csv.reason"))).contains("at most 33554432 bytes");
    }

    private static Path settled(Path file) throws Exception {
        // the file system's own time, which is what the adapter compares with
        Files.setLastModifiedTime(file, FileTime.from(Files.getLastModifiedTime(file).toInstant().minusSeconds(30)));
        return file;
    }
}
