package io.vidyut.mdm.hes.mapping;

import com.ethlo.time.ITU;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.WallClock;
import io.vidyut.mdm.dlms.DataNotification;
import io.vidyut.mdm.dlms.DlmsDecodingException;
import io.vidyut.mdm.dlms.ProfileBuffer;
import io.vidyut.mdm.dlms.ProfileFormatException;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.ChannelKind;
import io.vidyut.mdm.channels.Quality;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a JSON or CSV payload into source values by a vendor's {@link PayloadMapping}: finds rows,
 * reads meter, time, code, value, unit, scaler and quality; converts units; puts interval values on
 * their interval's end. Every bad row is reported with its reason; good rows are never held back.
 */
public final class PayloadParser {
    /** Readings further in the future than this are impossible, not clock skew. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Longest batch id, meter serial or code kept: far beyond any real one, short enough to index and quote. */
    static final int MAX_BATCH_ID = 200;
    static final int MAX_IDENTIFIER = 128;
    /** Decimals are read as written: no detour through double (slow to print back, and it rounds long values). */
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final PayloadMapping mapping;
    private final ChannelCodes codes;
    private final ZoneId zone;
    private final DateTimeFormatter pattern;

    public PayloadParser(PayloadMapping mapping) {
        List<FieldErrorsException.FieldError> problems = mapping.problems();
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        this.mapping = mapping;
        this.codes = new ChannelCodes(mapping.codes());
        this.zone = mapping.zone();
        this.pattern = mapping.timestampFormat() == PayloadMapping.TimestampFormat.PATTERN
                ? DateTimeFormatter.ofPattern(mapping.timestampPattern(), Locale.ROOT) : null;
    }

    /** Register channel → interval channel whose values are derived from consecutive register reads. */
    public java.util.Map<Channel, Channel> derivedIntervals() {
        java.util.Map<Channel, Channel> derived = new java.util.EnumMap<>(Channel.class);
        mapping.deriveIntervals().forEach((register, interval) -> derived.put(Channel.valueOf(register), Channel.valueOf(interval)));
        return derived;
    }

    public int intervalMinutes() {
        return mapping.intervalMinutes();
    }

    /** A payload that cannot be read at all (not JSON, not CSV): the whole request is refused. */
    public static class UnreadablePayloadException extends io.vidyut.mdm.common.MalformedInputException {
        UnreadablePayloadException(String message) {
            super(message);
        }
    }

    public ParsedPayload parse(byte[] payload, Instant now) {
        return switch (mapping.format()) {
            case JSON -> parseJson(payload, now);
            case CSV -> parseCsv(payload, now);
            case DLMS -> parseDlms(payload, now);
        };
    }

    /**
     * Source-independent view of one row's fields, by mapping path; {@code name} is what a rejection
     * calls the field. A field of the wrong type (an object where text belongs) is a {@link RowProblem}.
     */
    private interface RowFields {
        String text(String path, String name);

        /** A number within {@link MeterNumbers}' bounds, or null when the field is absent. */
        BigDecimal number(String path, String name);

        /** Vendor code → value text; a value that is not a scalar is given as its JSON text (and fails as a number). */
        Map<String, String> entries(String path);
    }

    private ParsedPayload parseJson(byte[] payload, Instant now) {
        List<SourceValue> values = new ArrayList<>();
        List<RowRejection> rejections = new ArrayList<>();
        Rows rows = eachJsonRow(payload, mapping.rows(), mapping.fields().batchId(),
                (rowNo, row, raw) -> readRow(rowNo, row, now, values, rejections, raw));
        return new ParsedPayload(rows.batchId(), rows.count(), values, rejections, rows.rawRow());
    }

    private ParsedPayload parseCsv(byte[] payload, Instant now) {
        List<SourceValue> values = new ArrayList<>();
        List<RowRejection> rejections = new ArrayList<>();
        Rows rows = eachCsvRow(payload, List.of(mapping.fields().meter(), mapping.fields().timestamp()),
                (rowNo, row, raw) -> readRow(rowNo, row, now, values, rejections, raw));
        return new ParsedPayload(null, rows.count(), values, rejections, rows.rawRow());
    }

    /**
     * Reads an event push by the mapping's {@code events} section: one event per row (meter, time,
     * vendor code), the code resolved to its IS 15959 number where the mapping or the code itself gives one.
     */
    public ParsedEvents parseEvents(byte[] payload, Instant now) {
        PayloadMapping.EventMapping events = mapping.events();
        if (events == null) {
            throw new io.vidyut.mdm.common.ConflictException("The vendor's mapping has no 'events' section; add one to "
                    + "read its event pushes");
        }
        if (mapping.format() == PayloadMapping.Format.DLMS) return parseDlmsEvents(payload, now);
        List<SourceEvent> read = new ArrayList<>();
        List<RowRejection> rejections = new ArrayList<>();
        RowReader reader = (rowNo, row, raw) -> readEventRow(rowNo, row, now, read, rejections, raw);
        Rows rows = mapping.format() == PayloadMapping.Format.CSV
                ? eachCsvRow(payload, List.of(events.fields().meter(), events.fields().timestamp()), reader)
                : eachJsonRow(payload, events.rows(), events.fields().batchId(), reader);
        return new ParsedEvents(rows.batchId(), rows.count(), read, rejections, rows.rawRow());
    }

    /** Reads one row; what it cannot use it reports as a rejection. */
    @FunctionalInterface
    private interface RowReader {
        void read(int rowNo, RowFields row, java.util.function.Supplier<String> raw);
    }

    /** The rows a payload held: its batch id (JSON only), how many, and each one's raw text by number. */
    private record Rows(String batchId, int count, java.util.function.IntFunction<String> rawRow) {}

    private Rows eachJsonRow(byte[] payload, String rowsPath, String batchIdPath, RowReader reader) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new UnreadablePayloadException("Malformed JSON: " + e.getOriginalMessage());
        }
        List<RowPath.Row> rows = RowPath.rows(root, rowsPath);
        for (int i = 0; i < rows.size(); i++) {
            RowPath.Row row = rows.get(i);
            reader.read(i + 1, new JsonRowFields(row), () -> row.node().toString());
        }
        JsonNode batchId = batchIdPath == null ? null : RowPath.field(new RowPath.Row(root, List.of(), root), batchIdPath);
        return new Rows(batchId == null ? null : batchId(batchId), rows.size(),
                n -> n >= 1 && n <= rows.size() ? rows.get(n - 1).node().toString() : "");
    }

    /** The batch id names the whole batch (the key of idempotency): one that cannot be kept refuses the batch. */
    private static String batchId(JsonNode node) {
        if (!node.isString() && !node.isIntegralNumber()) {
            throw new UnreadablePayloadException("The batch id must be a text or a whole number, not " + node.getNodeType()
                    .name().toLowerCase(Locale.ROOT));
        }
        String id = node.asString();
        if (id.length() > MAX_BATCH_ID || ForeignText.hasControl(id)) {
            throw new UnreadablePayloadException("The batch id " + ForeignText.echo(id) + " is longer than " + MAX_BATCH_ID
                    + " characters or holds control characters");
        }
        return id;
    }

    private Rows eachCsvRow(byte[] payload, List<String> requiredColumns, RowReader reader) {
        // a stray quote must not cost the batch: lenient quoting keeps the text (its row is judged by its fields), and
        // a header may have blank names (a trailing delimiter) as long as the mapped columns are there
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(mapping.csvDelimiter()).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true).setTrailingData(true).setLenientEof(true).get();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(payload, StandardCharsets.UTF_8)), format)) {
            records = parser.getRecords();
            for (String column : requiredColumns) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new UnreadablePayloadException("CSV header lacks column " + column);
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports a duplicate header name as IllegalArgumentException
            throw new UnreadablePayloadException("Malformed CSV: " + ForeignText.storable(e.getMessage()));
        }
        for (int i = 0; i < records.size(); i++) {
            CSVRecord record = records.get(i);
            reader.read(i + 1, new CsvRowFields(record), () -> String.join(mapping.csvDelimiter(), record));
        }
        return new Rows(null, records.size(),
                n -> n >= 1 && n <= records.size() ? String.join(mapping.csvDelimiter(), records.get(n - 1)) : "");
    }

    /**
     * A DLMS DataNotification carrying an IS 15959 profile buffer (see dlms/README.md): one row per
     * capture, the clock column giving the time, every other column one value with its scaler-unit.
     */
    private ParsedPayload parseDlms(byte[] payload, Instant now) {
        ProfileBuffer buffer = profileBuffer(payload);
        int clock = clockColumn(buffer);
        List<SourceValue> values = new ArrayList<>();
        List<RowRejection> rejections = new ArrayList<>();
        for (int r = 0; r < buffer.rows().size(); r++) {
            int rowNo = r + 1;
            String raw = buffer.rows().get(r).toString();
            Instant stamped;
            try {
                stamped = buffer.timestamp(r).toInstant(zone);
            } catch (RuntimeException e) {
                rejections.add(new RowRejection(rowNo, raw, "timestamp", "unreadable COSEM date-time: " + e.getMessage()));
                continue;
            }
            for (int c = 0; c < buffer.columns().size(); c++) {
                if (c == clock) continue;
                ProfileBuffer.Column column = buffer.columns().get(c);
                try {
                    BigDecimal value;
                    try {
                        value = MeterNumbers.bounded(buffer.scaledValue(r, c));
                    } catch (NumberFormatException e) {
                        throw new RowProblem("value", "value out of range: " + e.getMessage());
                    }
                    String unit = column.hasScalerUnit() ? String.valueOf(column.unitCode()) : null;
                    values.add(value(rowNo, buffer.meterSerial(), column.obis().toString(), value, unit, 0, stamped,
                            Quality.ACTUAL.bit(), now));
                } catch (RowProblem problem) {
                    rejections.add(new RowRejection(rowNo, raw, problem.field != null ? problem.field : column.obis().toString(),
                            problem.getMessage()));
                } catch (RuntimeException e) {
                    rejections.add(new RowRejection(rowNo, raw, column.obis().toString(), "unreadable value: " + e.getMessage()));
                }
            }
        }
        List<List<io.vidyut.mdm.dlms.DlmsData>> rows = buffer.rows();
        return new ParsedPayload(null, rows.size(), values, rejections,
                n -> n >= 1 && n <= rows.size() ? rows.get(n - 1).toString() : "");
    }

    private static ProfileBuffer profileBuffer(byte[] payload) {
        ProfileBuffer buffer;
        try {
            buffer = ProfileBuffer.parse(DataNotification.decode(payload));
        } catch (DlmsDecodingException | ProfileFormatException e) {
            throw new UnreadablePayloadException("Malformed DLMS push: " + ForeignText.storable(e.getMessage()));
        } catch (RuntimeException e) {
            // the decoder's own checks are its exceptions above; anything else a damaged APDU provokes is as unreadable
            throw new UnreadablePayloadException("Malformed DLMS push: " + e.getClass().getSimpleName() + " "
                    + ForeignText.storable(e.getMessage()));
        }
        String serial = buffer.meterSerial();
        if (serial == null || serial.isBlank() || serial.length() > MAX_IDENTIFIER || ForeignText.hasControl(serial)) {
            throw new UnreadablePayloadException("DLMS push names no usable meter serial: " + ForeignText.echo(serial));
        }
        return buffer;
    }

    /** Every capture's time comes from the clock column: a profile without one has no row that can be read. */
    private static int clockColumn(ProfileBuffer buffer) {
        try {
            return buffer.clockColumn();
        } catch (IllegalStateException e) {
            throw new UnreadablePayloadException("Malformed DLMS push: " + e.getMessage());
        }
    }

    /**
     * A DLMS DataNotification carrying an IS 15959 event log profile (voltage, current, power,
     * transaction, other, non-roll-over or control events): one event per row, its time from the
     * clock column and its code from the event code object (0.0.96.11.e.255); snapshot columns
     * (currents, voltages at the event) are not kept.
     */
    private ParsedEvents parseDlmsEvents(byte[] payload, Instant now) {
        ProfileBuffer buffer = profileBuffer(payload);
        int codeColumn = -1;
        for (int c = 0; c < buffer.columns().size() && codeColumn < 0; c++) {
            io.vidyut.mdm.dlms.ObisCode obis = buffer.columns().get(c).obis();
            if (obis.a() == 0 && obis.b() == 0 && obis.c() == 96 && obis.d() == 11 && obis.f() == 255) codeColumn = c;
        }
        if (codeColumn < 0) {
            throw new UnreadablePayloadException("DLMS push holds no event code object (0.0.96.11.e.255): not an event log profile");
        }
        clockColumn(buffer);
        List<SourceEvent> read = new ArrayList<>();
        List<RowRejection> rejections = new ArrayList<>();
        for (int r = 0; r < buffer.rows().size(); r++) {
            String raw = buffer.rows().get(r).toString();
            try {
                Instant at;
                try {
                    at = buffer.timestamp(r).toInstant(zone);
                } catch (RuntimeException e) {
                    throw new RowProblem("timestamp", "unreadable COSEM date-time: " + e.getMessage());
                }
                plausible(at, now);
                String code;
                try {
                    code = MeterNumbers.bounded(buffer.scaledValue(r, codeColumn)).toBigIntegerExact().toString();
                } catch (RuntimeException e) {
                    throw new RowProblem("code", "unreadable event code: " + e.getMessage());
                }
                read.add(new SourceEvent(r + 1, buffer.meterSerial(), at, code, eventCode(code)));
            } catch (RowProblem problem) {
                rejections.add(new RowRejection(r + 1, raw, problem.field, problem.getMessage()));
            }
        }
        List<List<io.vidyut.mdm.dlms.DlmsData>> rows = buffer.rows();
        return new ParsedEvents(null, rows.size(), read, rejections, n -> n >= 1 && n <= rows.size() ? rows.get(n - 1).toString() : "");
    }

    private void readRow(int rowNo, RowFields row, Instant now, List<SourceValue> values, List<RowRejection> rejections,
                         java.util.function.Supplier<String> raw) {
        PayloadMapping.Fields f = mapping.fields();
        String meter;
        Instant stamped;
        int quality;
        Map<String, String> entries;
        String unit;
        BigDecimal scaler;
        try {
            meter = serial(row, f.meter());
            stamped = timestamp(row, f.timestamp());
            quality = quality(row.text(f.quality(), "quality"));
            entries = f.values() != null ? row.entries(f.values()) : null;
            if (entries == null) {
                String code = row.text(f.code(), "code");
                String value = row.text(f.value(), "value");
                entries = code == null ? Map.of() : java.util.Collections.singletonMap(code, value);
            }
            if (entries.isEmpty()) throw new RowProblem(f.values() != null ? "values" : "code", "no value in the row");
            unit = identifier(row.text(f.unit(), "unit"), "unit");
            scaler = row.number(f.scaler(), "scaler");
        } catch (RowProblem problem) {
            rejections.add(new RowRejection(rowNo, raw.get(), problem.field, problem.getMessage()));
            return;
        }
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String field = f.values() != null ? "values." + entry.getKey() : "code";
            try {
                values.add(value(rowNo, meter, entry.getKey(), entry.getValue(), unit, scaler, stamped, quality, now));
            } catch (RowProblem problem) {
                rejections.add(new RowRejection(rowNo, raw.get(), problem.field != null ? problem.field : field,
                        problem.getMessage()));
            }
        }
    }

    /** A value as text (JSON, CSV): read within {@link MeterNumbers}' bounds, scaled by the row's or the mapping's scaler. */
    private SourceValue value(int rowNo, String meter, String code, String text, String unit, BigDecimal scaler,
                              Instant stamped, int quality, Instant now) {
        Channel channel = channel(code);
        if (text == null || text.isBlank()) throw new RowProblem("value", "no value for " + code);
        BigDecimal raw;
        int decimals;
        try {
            raw = MeterNumbers.parse(text);
        } catch (NumberFormatException e) {
            throw new RowProblem("value", e.getMessage());
        }
        PayloadMapping.UnitSpec spec = mapping.units().get(channel.name());
        try {
            decimals = scaler != null ? MeterNumbers.scaler(scaler) : spec != null && spec.scaler() != null ? spec.scaler() : 0;
        } catch (NumberFormatException e) {
            throw new RowProblem("scaler", e.getMessage());
        }
        return value(rowNo, meter, code, raw, unit, decimals, stamped, quality, now);
    }

    /** A value already bounded (and a scaler within ±9 or a DLMS int8): unit conversion and the interval's end. */
    private SourceValue value(int rowNo, String meter, String code, BigDecimal raw, String unit, int decimals,
                              Instant stamped, int quality, Instant now) {
        Channel channel = channel(code);
        PayloadMapping.UnitSpec spec = mapping.units().get(channel.name());
        String effectiveUnit = unit != null ? unit : spec != null ? spec.unit() : channel.unit();
        BigDecimal value = Units.toCanonical(raw.scaleByPowerOfTen(decimals), effectiveUnit, channel)
                .orElseThrow(() -> new RowProblem("unit", "unit " + effectiveUnit + " does not measure "
                        + channel + " (" + channel.unit() + ")"));
        Instant at = stamped;
        int interval = 0;
        if (channel.kind() == ChannelKind.INTERVAL) {
            interval = mapping.intervalMinutes();
            Aligned aligned = alignedEnd(stamped);
            at = aligned.end();
            quality |= aligned.flags();
        }
        plausible(at, now);
        return new SourceValue(rowNo, meter, channel, at, interval, value, quality);
    }

    /** The channel of a vendor's code; the code is checked first, so reasons can quote it as it is. */
    private Channel channel(String code) {
        identifier(code, "code");
        return codes.resolve(code).orElseThrow(() -> new RowProblem(null, "unknown code " + code
                + " (map it under 'codes' in the vendor mapping)"));
    }

    private void readEventRow(int rowNo, RowFields row, Instant now, List<SourceEvent> events,
                              List<RowRejection> rejections, java.util.function.Supplier<String> raw) {
        PayloadMapping.EventFields f = mapping.events().fields();
        try {
            String meter = serial(row, f.meter());
            Instant at = timestamp(row, f.timestamp());
            plausible(at, now);
            String code = identifier(row.text(f.code(), "code"), "code");
            if (code == null || code.isBlank()) throw new RowProblem("code", "no event code");
            events.add(new SourceEvent(rowNo, meter, at, code.trim(), eventCode(code.trim())));
        } catch (RowProblem problem) {
            rejections.add(new RowRejection(rowNo, raw.get(), problem.field, problem.getMessage()));
        }
    }

    /** The IS 15959 code of a vendor's event code: mapped explicitly, or the code itself when it is a number. */
    private Integer eventCode(String vendorCode) {
        Integer mapped = mapping.events().codes().get(vendorCode);
        if (mapped != null) return mapped;
        if (!MeterNumbers.asciiDigits(vendorCode) || vendorCode.length() > 9) return null;
        int code = Integer.parseInt(vendorCode);
        return code >= 1 && code <= PayloadMapping.MAX_EVENT_CODE ? code : null;
    }

    private static String serial(RowFields row, String field) {
        String meter = identifier(row.text(field, "meter"), "meter");
        if (meter == null || meter.isBlank()) throw new RowProblem("meter", "no meter serial");
        return meter.trim();
    }

    /** A serial, code or unit as sent (or null): one with control characters or beyond any real length is refused. */
    private static String identifier(String text, String field) {
        if (text == null) return null;
        if (ForeignText.hasControl(text)) throw new RowProblem(field, "control characters in " + ForeignText.echo(text));
        if (text.length() > MAX_IDENTIFIER) {
            throw new RowProblem(field, "longer than " + MAX_IDENTIFIER + " characters: " + ForeignText.echo(text));
        }
        return text;
    }

    private void plausible(Instant at, Instant now) {
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) throw new RowProblem("timestamp", "in the future: " + local(at));
        if (at.isBefore(EARLIEST)) throw new RowProblem("timestamp", "before the year 2000: " + local(at));
    }

    /** A time in the vendor mapping's zone (the DISCOM's, as a rule), as people there read their meters. */
    private String local(Instant at) {
        return at.atZone(zone).toOffsetDateTime().toString();
    }

    /** An interval's end on its boundary, and the quality flags saying how it got there. */
    private record Aligned(Instant end, int flags) {}

    /**
     * The interval's end on the nearest boundary. Within the vendor's tolerance that is ordinary
     * jitter (CLOCK_ADJUSTED); further off, the meter's clock has drifted, and its values are still
     * the energy it measured, so they are moved to the nearest boundary (CLOCK_ADJUSTED and
     * REALIGNED, which VEE reports as CLOCK_DRIFT) rather than refused.
     */
    private Aligned alignedEnd(Instant stamped) {
        long length = mapping.intervalMinutes() * 60L;
        Instant end = mapping.intervalStamp() == PayloadMapping.IntervalStamp.START ? stamped.plusSeconds(length) : stamped;
        long secondOfDay = WallClock.secondOfDay(end, zone);
        long off = Math.floorMod(secondOfDay, length) + (end.getNano() > 0 ? 1 : 0);
        if (off == 0) return new Aligned(end, 0);
        Instant truncated = end.minusSeconds(Math.floorMod(secondOfDay, length)).minusNanos(end.getNano());
        Instant nearest = off * 2 <= length ? truncated : truncated.plusSeconds(length);
        long distance = Math.min(off, length - off);
        int flags = Quality.CLOCK_ADJUSTED.bit();
        if (distance > mapping.alignmentToleranceSeconds()) flags |= Quality.REALIGNED.bit();
        return new Aligned(nearest, flags);
    }

    private Instant timestamp(RowFields row, String field) {
        String text = row.text(field, "timestamp");
        if (text == null || text.isBlank()) throw new RowProblem("timestamp", "no timestamp");
        text = text.trim();
        try {
            return switch (mapping.timestampFormat()) {
                case EPOCH_SECONDS -> Instant.ofEpochSecond(MeterNumbers.parse(text).longValueExact());
                case EPOCH_MILLIS -> Instant.ofEpochMilli(MeterNumbers.parse(text).longValueExact());
                case PATTERN -> fromAccessor(pattern.parseBest(text, OffsetDateTime::from, LocalDateTime::from));
                case ISO -> iso(text);
            };
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw new RowProblem("timestamp", "unreadable timestamp " + ForeignText.echo(text));
        }
    }

    /**
     * RFC 3339 (what nearly every HES sends) through a parser made for it, many times faster than
     * java.time's; other ISO 8601 shapes (no seconds, no offset: local time of the mapping's zone) through java.time.
     */
    private Instant iso(String text) {
        String normalized = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + "T" + text.substring(11) : text;
        try {
            return ITU.parseDateTime(normalized).toInstant();
        } catch (DateTimeException e) {
            try {
                return OffsetDateTime.parse(normalized).toInstant();
            } catch (DateTimeException notOffset) {
                return LocalDateTime.parse(normalized).atZone(zone).toInstant();
            }
        }
    }

    private Instant fromAccessor(TemporalAccessor parsed) {
        return parsed instanceof OffsetDateTime offset ? offset.toInstant() : ((LocalDateTime) parsed).atZone(zone).toInstant();
    }

    private int quality(String status) {
        int mask = Quality.ACTUAL.bit();
        if (status == null || status.isBlank()) return mask;
        for (String code : status.split("[,;| ]+")) {
            if (code.isBlank()) continue;
            String flag = mapping.qualityCodes().get(code);
            mask |= flag == null ? Quality.SOURCE_SUSPECT.bit() : Quality.valueOf(flag).bit();
        }
        return mask;
    }

    /** A problem with one row or value; becomes a rejection, never stops the payload. */
    private static final class RowProblem extends RuntimeException {
        final String field;

        RowProblem(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private static final class JsonRowFields implements RowFields {
        private final RowPath.Row row;

        JsonRowFields(RowPath.Row row) {
            this.row = row;
        }

        @Override
        public String text(String path, String name) {
            JsonNode node = RowPath.field(row, path);
            if (node == null) return null;
            if (!node.isString() && !node.isNumber()) throw new RowProblem(name, "expected a text or a number, not " + kind(node));
            return node.asString();
        }

        @Override
        public BigDecimal number(String path, String name) {
            JsonNode node = RowPath.field(row, path);
            if (node == null) return null;
            try {
                if (node.isNumber()) return MeterNumbers.bounded(node.decimalValue());
                if (node.isString()) return MeterNumbers.parse(node.asString());
            } catch (NumberFormatException e) {
                throw new RowProblem(name, e.getMessage());
            }
            throw new RowProblem(name, "expected a number, not " + kind(node));
        }

        @Override
        public Map<String, String> entries(String path) {
            JsonNode node = RowPath.field(row, path);
            if (node == null || !node.isObject()) return Map.of();
            Map<String, String> entries = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                JsonNode value = property.getValue();
                entries.put(property.getKey(), value.isNull() ? null
                        : value.isString() || value.isNumber() ? value.asString() : value.toString());
            }
            return entries;
        }

        private static String kind(JsonNode node) {
            return node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }

    private static final class CsvRowFields implements RowFields {
        private final CSVRecord record;

        CsvRowFields(CSVRecord record) {
            this.record = record;
        }

        @Override
        public String text(String column, String name) {
            return text(column);
        }

        private String text(String column) {
            if (column == null || !record.isMapped(column) || !record.isSet(column)) return null;
            String value = record.get(column);
            return value.isBlank() ? null : value;
        }

        @Override
        public BigDecimal number(String column, String name) {
            String text = text(column);
            if (text == null) return null;
            try {
                return MeterNumbers.parse(text);
            } catch (NumberFormatException e) {
                throw new RowProblem(name, e.getMessage());
            }
        }

        /** CSV "values" is a comma-free list of columns: {@code kWh=1.0.1.29.0.255;V=1.0.32.27.0.255}. */
        @Override
        public Map<String, String> entries(String columns) {
            Map<String, String> entries = new java.util.LinkedHashMap<>();
            for (String pair : columns.split(";")) {
                String[] parts = pair.split("=", 2);
                String column = parts[0].trim();
                String code = parts.length == 2 ? parts[1].trim() : column;
                String value = text(column);
                if (value != null) entries.put(code, value);
            }
            return entries;
        }
    }
}
