package io.vidyut.mdm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.dlms.CosemDateTime;
import io.vidyut.mdm.dlms.DlmsData;
import io.vidyut.mdm.dlms.ObisCode;
import io.vidyut.mdm.dlms.ProfileBuffer;
import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Over a thousand generated pushes of every format, from a fixed seed: mixed batches (good rows
 * beside rows mutated by type swaps, huge exponents, control characters, digits of other scripts,
 * nesting, lengths) and damaged documents (truncated, bit-flipped, re-wrapped). Not one answer is a
 * 5xx or a 409, every mixed batch is accepted, and every good row of every mixed batch is stored.
 * Good and mutated rows belong to different meters, whose serials differ in more bits than a damaged
 * document flips, so what the good meters hold is exactly what the good rows carried.
 */
class IngestFuzzTest extends IntegrationTest {
    static final long SEED = 20261207L;
    static final LocalDateTime FIRST_SLOT = LocalDateTime.parse("2026-09-01T00:15:00");
    static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    static final String KWH = "1.0.1.29.0.255";
    static final Set<Integer> MIXED_ANSWERS = Set.of(202);
    static final Set<Integer> DOCUMENT_ANSWERS = Set.of(200, 202, 400, 413, 415, 422);

    final Random random = new Random(SEED);
    final List<String> wrongAnswers = new ArrayList<>();
    int bodies;

    /** One vendor's meters: the good rows' meter and the expected content of its store. */
    final class Feed {
        final String apiKey;
        final String goodMeterId;
        int slots;
        BigDecimal sum = BigDecimal.ZERO;

        Feed(String apiKey, String goodMeterId) {
            this.apiKey = apiKey;
            this.goodMeterId = goodMeterId;
        }

        /** A new interval end for a good row, with its value (kWh), noted as expected. */
        LocalDateTime nextGood(BigDecimal kwh) {
            sum = sum.add(kwh);
            return FIRST_SLOT.plusMinutes(15L * slots++);
        }

        void push(String path, byte[] body, String contentType, Set<Integer> allowed, String what) {
            bodies++;
            ApiClient.Response response = api.sendBytes("POST", path, null, body, contentType, Map.of("X-API-Key", apiKey));
            if (!allowed.contains(response.status())) {
                wrongAnswers.add(what + " got " + response.status() + " " + response.raw().substring(0, Math.min(300, response.raw().length()))
                        + " for " + new String(body, 0, Math.min(300, body.length), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void a_thousand_hostile_pushes_get_no_5xx_and_lose_no_good_row() {
        TestTenant tenant = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        Feed json = feed(tenant, registry, "FZJSON", HostileIngestApiTest.MAPPING, "GOOD-JSON", "XZQW-JSON");
        Feed csv = feed(tenant, registry, "FZCSV", Map.of("format", "CSV", "fields", Map.of("meter", "meter", "timestamp", "at",
                "code", "obis", "value", "value", "scaler", "s", "unit", "u")), "GOOD-CSV", "XZQW-CSV");
        Feed dlms = feed(tenant, registry, "FZDLMS", Map.of("format", "DLMS"), "GOOD-DLMS", "XZQW-DLMS");
        int goodEvents = 0;

        for (int i = 0; i < 300; i++) json.push("/api/v1/meters/readings", mixedJson(json, i), "application/json", MIXED_ANSWERS, "mixed JSON " + i);
        for (int i = 0; i < 200; i++) csv.push("/api/v1/meters/readings", mixedCsv(csv), "text/csv", MIXED_ANSWERS, "mixed CSV " + i);
        for (int i = 0; i < 100; i++) dlms.push("/api/v1/meters/readings", mixedDlms(dlms), "application/octet-stream", MIXED_ANSWERS, "mixed DLMS " + i);
        for (int i = 0; i < 150; i++) {
            int good = 1 + random.nextInt(3);
            json.push("/api/v1/meters/events", mixedEvents(i, goodEvents, good), "application/json", MIXED_ANSWERS, "mixed events " + i);
            goodEvents += good;
        }
        // damaged documents last: one that happens to repeat an earlier batch id gets that batch's receipt, nothing more
        for (int i = 0; i < 150; i++) json.push("/api/v1/meters/readings", damaged(fuzzJson(i)), "application/json", DOCUMENT_ANSWERS, "damaged JSON " + i);
        for (int i = 0; i < 100; i++) csv.push("/api/v1/meters/readings", damaged(fuzzCsv()), "text/csv", DOCUMENT_ANSWERS, "damaged CSV " + i);
        for (int i = 0; i < 100; i++) dlms.push("/api/v1/meters/readings", damaged(fuzzDlms()), "application/octet-stream", DOCUMENT_ANSWERS, "damaged DLMS " + i);
        for (int i = 0; i < 50; i++) json.push("/api/v1/meters/events", damaged(fuzzEvents(i)), "application/json", DOCUMENT_ANSWERS, "damaged events " + i);

        assertThat(bodies).isGreaterThanOrEqualTo(1000);
        assertThat(wrongAnswers).isEmpty();
        for (Feed feed : List.of(json, csv, dlms)) {
            JsonNode total = awaitStored(tenant, feed).get("total");
            assertThat(total.get("intervals").asLong()).as("good rows stored for " + feed.apiKey).isEqualTo(feed.slots);
            assertThat(total.get("value").decimalValue()).isEqualByComparingTo(feed.sum);
        }
        int expectedEvents = goodEvents;
        JsonNode events = await("/api/v1/meters/" + json.goodMeterId + "/events?size=1&from=" + enc(FIRST_SLOT.minusDays(1)) + "&to="
                + enc(FIRST_SLOT.plusDays(30)), tenant.analyst(), page -> page.get("total").asLong() >= expectedEvents);
        assertThat(events.get("total").asLong()).isEqualTo(expectedEvents);
    }

    private Feed feed(TestTenant tenant, Registry registry, String code, Map<String, Object> mapping, String good, String fuzz) {
        JsonNode vendor = registry.vendor(code);
        String id = vendor.get("vendor").get("id").asString();
        var saved = api.put("/api/v1/hes-vendors/" + id + "/mapping", tenant.admin(), mapping);
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        String goodId = registry.meter(good, id, null).get("id").asString();
        registry.meter(fuzz, id, null);
        return new Feed(vendor.get("api_key").asString(), goodId);
    }

    private JsonNode awaitStored(TestTenant tenant, Feed feed) {
        String path = "/api/v1/meters/" + feed.goodMeterId + "/consumption?resolution=1d&from=" + enc(FIRST_SLOT.minusDays(1))
                + "&to=" + enc(FIRST_SLOT.plusDays(30));
        return await(path, tenant.analyst(), Duration.ofSeconds(60), series -> series.get("total").get("intervals").asLong() >= feed.slots);
    }

    private static String enc(LocalDateTime local) {
        return URLEncoder.encode(local.atOffset(IST).toString(), StandardCharsets.UTF_8);
    }

    private BigDecimal goodValue() {
        return BigDecimal.valueOf(1 + random.nextInt(999), 3);
    }

    // ---- JSON readings ----

    private byte[] mixedJson(Feed feed, int index) {
        List<String> meters = new ArrayList<>();
        StringBuilder good = new StringBuilder();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            BigDecimal kwh = goodValue();
            if (!good.isEmpty()) good.append(", ");
            good.append(jsonRow("\"" + feed.nextGood(kwh).atOffset(IST) + "\"", "{\"" + KWH + "\": " + kwh + "}"));
        }
        meters.add("{\"serial\": \"GOOD-JSON\", \"intervals\": [" + good + "]}");
        for (int n = 1 + random.nextInt(3); n > 0; n--) meters.add(mutatedJsonMeter());
        java.util.Collections.shuffle(meters, random);
        return ("{\"batch_id\": \"MIX-" + index + "\", \"meters\": [" + String.join(", ", meters) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonRow(String end, String values) {
        return "{\"end\": " + end + ", \"values\": " + values + "}";
    }

    /** A meter entry of the fuzz meter (or a mutated serial) with one mutated row. */
    private String mutatedJsonMeter() {
        String serial = "\"XZQW-JSON\"";
        String end = "\"" + FIRST_SLOT.plusMinutes(15L * random.nextInt(2000)).atOffset(IST) + "\"";
        String code = "\"" + KWH + "\"";
        String value = "1";
        switch (random.nextInt(4)) {
            case 0 -> serial = hostileJson();
            case 1 -> end = hostileJson();
            case 2 -> code = hostileText(true);
            default -> value = hostileJson();
        }
        if (random.nextInt(10) == 0) value = hostileJson(); // sometimes two things wrong at once
        return "{\"serial\": " + serial + ", \"intervals\": [" + jsonRow(end, "{" + code + ": " + value + "}") + "]}";
    }

    /** A JSON value no field expects. */
    private String hostileJson() {
        return switch (random.nextInt(14)) {
            case 0 -> "{\"v\": 1}";
            case 1 -> "[1, 2]";
            case 2 -> "true";
            case 3 -> "null";
            case 4 -> "1e" + (1 + random.nextInt(99_999_999));
            case 5 -> "-1e-" + (1 + random.nextInt(99_999_999));
            case 6 -> String.valueOf(random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE);
            case 7 -> "1" + "0".repeat(100 + random.nextInt(800));
            case 8 -> "[".repeat(200) + "]".repeat(200);
            case 9 -> "{\"a\": ".repeat(100) + "1" + "}".repeat(100);
            case 10 -> "0.1234567890123456789012345678901234567";
            default -> hostileText(false);
        };
    }

    /**
     * A JSON string no identifier or number should be. A lone surrogate or more than 50,000 characters
     * in a property name make the document unreadable to Jackson (a 400 for the whole push), so
     * {@code asName} leaves them out.
     */
    private String hostileText(boolean asName) {
        return switch (random.nextInt(asName ? 8 : 12)) {
            case 0 -> "\"١٢٣\"";
            case 1 -> "\"１２３\"";
            case 2 -> "\"12\\u00003\"";
            case 3 -> "\"" + KWH + "\\u0000\"";
            case 4 -> "\"XZQW-JSON\\u0007\"";
            case 5 -> "\"NaN\"";
            case 6 -> "\"Infinity\"";
            case 7 -> "\"x" + "y".repeat(asName ? 1_000 : 10_000 + random.nextInt(50_000)) + "\"";
            case 8 -> "\"1e60000000\"";
            case 9 -> "\"\\ud800\"";
            case 10 -> "\"\"";
            default -> "\"" + randomUnicode(1 + random.nextInt(20)) + "\"";
        };
    }

    private String randomUnicode(int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int codePoint = random.nextInt(0x2FFFF);
            if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint) && codePoint != '"' && codePoint != '\\'
                    && codePoint >= 0x20) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    private byte[] fuzzJson(int index) {
        return ("{\"batch_id\": \"DOC-" + index + "\", \"meters\": [" + mutatedJsonMeter() + ", {\"serial\": \"XZQW-JSON\", \"intervals\": ["
                + jsonRow("\"" + FIRST_SLOT.plusMinutes(15L * random.nextInt(2000)).atOffset(IST) + "\"", "{\"" + KWH + "\": 2}")
                + "]}]}").getBytes(StandardCharsets.UTF_8);
    }

    // ---- CSV readings ----

    private byte[] mixedCsv(Feed feed) {
        List<String> lines = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            BigDecimal wh = goodValue().movePointRight(3);
            lines.add("GOOD-CSV," + feed.nextGood(wh.movePointLeft(3)).atOffset(IST) + "," + KWH + "," + wh.toPlainString() + ",0,Wh");
        }
        for (int n = 1 + random.nextInt(3); n > 0; n--) lines.add(mutatedCsvLine());
        java.util.Collections.shuffle(lines, random);
        return ("meter,at,obis,value,s,u" + (random.nextBoolean() ? ",," : "") + "\n" + String.join("\n", lines) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A line of the fuzz meter with one field hostile. Quotes only inside a field: an unclosed quote at a field's
     * start would rightly take the following lines into that field. */
    private String mutatedCsvLine() {
        String[] fields = {"XZQW-CSV", FIRST_SLOT.plusMinutes(15L * random.nextInt(2000)).atOffset(IST).toString(), KWH, "1", "0", "kWh"};
        int field = random.nextInt(fields.length);
        fields[field] = switch (random.nextInt(13)) {
            case 0 -> "1e60000000";
            case 1 -> "١٢٣";
            case 2 -> "１２３";
            case 3 -> fields[field] + "\u0000";
            case 4 -> "NaN";
            case 5 -> "2147483648";
            case 6 -> "-2147483648";
            case 7 -> "x";
            case 8 -> "1\"2";
            case 9 -> "\"1\"x";
            case 10 -> "";
            case 11 -> "9".repeat(5_000);
            default -> randomUnicode(1 + random.nextInt(10)).replace(",", "").replace("\"", "").replace("\n", "").replace("\r", "");
        };
        if (field == 4 && fields[4].isEmpty()) fields[4] = "x";
        if (field == 5 && fields[5].isEmpty()) fields[5] = "furlong";
        return String.join(",", fields);
    }

    private byte[] fuzzCsv() {
        return ("meter,at,obis,value,s,u\n" + mutatedCsvLine() + "\nXZQW-CSV," + FIRST_SLOT.atOffset(IST) + "," + KWH + ",5,0,kWh\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    // ---- DLMS readings ----

    private byte[] mixedDlms(Feed feed) {
        List<List<DlmsData>> rows = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            BigDecimal kwh = goodValue();
            rows.add(List.of(clock(feed.nextGood(kwh)), new DlmsData.Unsigned32(kwh.movePointRight(3).longValueExact()),
                    new DlmsData.Unsigned16(2300)));
        }
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            // a bad clock rejects the row; a bad energy cell only its value, at a slot no good row has
            LocalDateTime elsewhere = FIRST_SLOT.plusDays(40).plusMinutes(15L * random.nextInt(2000));
            rows.add(random.nextBoolean()
                    ? List.of(hostileCell(), new DlmsData.Unsigned32(5), new DlmsData.Unsigned16(2300))
                    : List.of(clock(elsewhere), hostileCell(), new DlmsData.Unsigned16(2300)));
        }
        java.util.Collections.shuffle(rows, random);
        return dlms("GOOD-DLMS", rows);
    }

    private static DlmsData clock(LocalDateTime local) {
        return new DlmsData.OctetString(CosemDateTime.ofLocal(local).toBytes());
    }

    /** A cell that is neither a date nor a value any meter could have measured. */
    private DlmsData hostileCell() {
        return switch (random.nextInt(9)) {
            case 0 -> new DlmsData.Utf8String("١٢٣");
            case 1 -> new DlmsData.Float64(Double.NaN);
            case 2 -> new DlmsData.Float64(1e300);
            case 3 -> new DlmsData.NullData();
            case 4 -> new DlmsData.Bool(true);
            case 5 -> DlmsData.structure(new DlmsData.Unsigned8(1));
            case 6 -> new DlmsData.Integer64(Long.MAX_VALUE);
            case 7 -> new DlmsData.Float64(Double.NEGATIVE_INFINITY);
            default -> new DlmsData.VisibleString("\u0000");
        };
    }

    private static byte[] dlms(String serial, List<List<DlmsData>> rows) {
        ProfileBuffer buffer = new ProfileBuffer(ObisCode.BLOCK_LOAD_PROFILE, serial, List.of(ProfileBuffer.Column.clock(),
                new ProfileBuffer.Column(ObisCode.parse(KWH), 3, 2, 0, 30),
                new ProfileBuffer.Column(ObisCode.parse("1.0.32.27.0.255"), 3, 2, -1, 35)), rows);
        return buffer.encode(1, null).encode();
    }

    private byte[] fuzzDlms() {
        return dlms("XZQW-DLMS", List.of(
                List.of(clock(FIRST_SLOT.plusMinutes(15L * random.nextInt(2000))), new DlmsData.Unsigned32(250), new DlmsData.Unsigned16(2300)),
                List.of(clock(FIRST_SLOT.plusMinutes(15L * random.nextInt(2000))), hostileCell(), new DlmsData.Unsigned16(2300))));
    }

    // ---- events ----

    private byte[] mixedEvents(int index, int firstGood, int good) {
        List<String> events = new ArrayList<>();
        for (int n = 0; n < good; n++) {
            events.add(event("\"GOOD-JSON\"", "\"" + FIRST_SLOT.plusMinutes(firstGood + n).atOffset(IST) + "\"", "\"101\""));
        }
        for (int n = 1 + random.nextInt(3); n > 0; n--) events.add(mutatedEvent());
        java.util.Collections.shuffle(events, random);
        return ("{\"batch\": \"EMIX-" + index + "\", \"events\": [" + String.join(", ", events) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String event(String meter, String at, String type) {
        return "{\"meter\": " + meter + ", \"at\": " + at + ", \"type\": " + type + "}";
    }

    private String mutatedEvent() {
        String meter = "\"XZQW-JSON\"";
        String at = "\"" + FIRST_SLOT.plusMinutes(random.nextInt(50_000)).atOffset(IST) + "\"";
        String type = "\"101\"";
        switch (random.nextInt(3)) {
            case 0 -> meter = hostileJson();
            case 1 -> at = hostileJson();
            default -> type = hostileJson();
        }
        return event(meter, at, type);
    }

    private byte[] fuzzEvents(int index) {
        return ("{\"batch\": \"EDOC-" + index + "\", \"events\": [" + mutatedEvent() + ", " + mutatedEvent() + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    // ---- damage to whole documents ----

    /** The document truncated, bit-flipped (at most three bits), spliced with bytes, wrapped, or replaced. */
    private byte[] damaged(byte[] document) {
        Supplier<byte[]> copy = document::clone;
        return switch (random.nextInt(8)) {
            case 0 -> java.util.Arrays.copyOf(document, random.nextInt(document.length));
            case 1, 2 -> {
                byte[] flipped = copy.get();
                for (int n = 1 + random.nextInt(3); n > 0; n--) flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                yield flipped;
            }
            case 3 -> {
                byte[] noise = new byte[1 + random.nextInt(16)];
                random.nextBytes(noise);
                int at = random.nextInt(document.length);
                byte[] spliced = new byte[document.length + noise.length];
                System.arraycopy(document, 0, spliced, 0, at);
                System.arraycopy(noise, 0, spliced, at, noise.length);
                System.arraycopy(document, at, spliced, at + noise.length, document.length - at);
                yield spliced;
            }
            case 4 -> ("[".repeat(5_000) + new String(document, StandardCharsets.ISO_8859_1) + "]".repeat(5_000))
                    .getBytes(StandardCharsets.ISO_8859_1);
            case 5 -> List.of("{}", "null", "[]", "\"text\"", "123", "", " ", "\uFEFF{}").get(random.nextInt(8)).getBytes(StandardCharsets.UTF_8);
            case 6 -> {
                byte[] garbage = new byte[random.nextInt(2048)];
                random.nextBytes(garbage);
                yield garbage;
            }
            default -> java.util.Arrays.copyOfRange(document, random.nextInt(document.length), document.length);
        };
    }
}
