package io.vidyut.mdm.hes.mapping;

import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.ChannelKind;
import io.vidyut.mdm.channels.Quality;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one vendor's payloads map onto canonical readings: configuration, not code. A row is one
 * JSON object reached by {@code rows} (or one CSV line); its fields name JSON paths relative to the
 * row ({@code ^.} climbs to the enclosing object, {@code $.} starts at the document root) or CSV
 * columns. A row carries either one value ({@code code} + {@code value}) or several ({@code values}:
 * an object of code → value). Codes are OBIS codes in any notation or vendor names, mapped by
 * {@code codes}; standard IS 15959 OBIS codes need no entry. A vendor that sends only cumulative
 * registers gets interval values derived from consecutive reads ({@code derive_intervals}).
 */
public record PayloadMapping(
        Format format,
        String rows,
        Fields fields,
        TimestampFormat timestampFormat,
        String timestampPattern,
        String timeZone,
        IntervalStamp intervalStamp,
        Integer intervalMinutes,
        Integer alignmentToleranceSeconds,
        Map<String, String> codes,
        Map<String, UnitSpec> units,
        Map<String, String> qualityCodes,
        String csvDelimiter,
        MqttSubscription mqtt,
        PullEndpoint pull,
        Map<String, String> deriveIntervals,
        EventMapping events) {

    public enum Format { JSON, CSV, DLMS }

    public enum TimestampFormat { ISO, EPOCH_SECONDS, EPOCH_MILLIS, PATTERN }

    /** Whether a vendor's interval timestamp marks the interval's start or its end. */
    public enum IntervalStamp { START, END }

    public record Fields(String meter, String timestamp, String code, String value, String values, String unit,
                         String scaler, String quality, String batchId) {}

    /**
     * Where the MDM subscribes for this vendor's MQTT pushes: readings on {@code topic} and, when
     * {@code events_topic} is given, events on it (read by the mapping's {@code events} section).
     * The subscriptions are shared ({@code $share/vidyut-mdm/...}) so several MDM instances split the messages.
     */
    public record MqttSubscription(String brokerUrl, String topic, Integer qos, String username, String password,
                                   String eventsTopic) {
        public MqttSubscription {
            if (qos == null) qos = 1;
        }

        MqttSubscription withPassword(String newPassword) {
            return new MqttSubscription(brokerUrl, topic, qos, username, newPassword, eventsTopic);
        }
    }

    /**
     * The vendor HES's own API for MDM-initiated reads: {@code history_path} may use {serial}, {from}
     * and {to} (ISO-8601 instants), {@code read_path} {serial}; the answer is read by this mapping.
     * Commands (connect, disconnect, …) are POSTed to {@code command_path} ({serial}) on the same API.
     */
    public record PullEndpoint(String baseUrl, String readPath, String historyPath, String apiKeyHeader, String apiKey,
                               Integer timeoutSeconds, String commandPath) {
        public PullEndpoint {
            if (timeoutSeconds == null) timeoutSeconds = 10;
        }

        PullEndpoint withApiKey(String newApiKey) {
            return new PullEndpoint(baseUrl, readPath, historyPath, apiKeyHeader, newApiKey, timeoutSeconds, commandPath);
        }
    }

    /**
     * How the vendor's event pushes read: rows and fields as for readings (same format, time zone
     * and timestamp format), and the vendor's event codes → IS 15959 event codes. A code that already
     * is an IS 15959 number needs no entry; any other unmapped code is kept raw and flagged.
     */
    public record EventMapping(String rows, EventFields fields, Map<String, Integer> codes) {
        public EventMapping {
            if (codes == null) codes = Map.of();
        }
    }

    public record EventFields(String meter, String timestamp, String code, String batchId) {}

    /** Unit and decimal scaler of values arriving without one, e.g. {"unit": "Wh", "scaler": 0}. */
    public record UnitSpec(String unit, Integer scaler) {}

    public PayloadMapping {
        if (timeZone == null || timeZone.isBlank()) timeZone = "Asia/Kolkata";
        if (intervalStamp == null) intervalStamp = IntervalStamp.END;
        if (intervalMinutes == null) intervalMinutes = 15;
        if (alignmentToleranceSeconds == null) alignmentToleranceSeconds = 60;
        if (timestampFormat == null) timestampFormat = TimestampFormat.ISO;
        if (codes == null) codes = Map.of();
        if (units == null) units = Map.of();
        if (qualityCodes == null) qualityCodes = Map.of();
        if (csvDelimiter == null || csvDelimiter.isEmpty()) csvDelimiter = ",";
        if (deriveIntervals == null) deriveIntervals = Map.of();
    }

    /** Shown instead of a secret to those who may read a mapping but not administer the vendor. */
    public static final String MASK = "********";

    /** The mapping with its broker password and HES API key masked. */
    public PayloadMapping masked() {
        return withSecrets(secret -> MASK);
    }

    /** The mapping with each of its secrets (broker password, HES API key) changed: sealed, opened or masked. */
    public PayloadMapping withSecrets(java.util.function.UnaryOperator<String> change) {
        return with(mqtt == null || mqtt.password() == null ? mqtt : mqtt.withPassword(change.apply(mqtt.password())),
                pull == null || pull.apiKey() == null ? pull : pull.withApiKey(change.apply(pull.apiKey())));
    }

    /** The mapping's secrets, for re-sealing. */
    public java.util.List<String> secrets() {
        java.util.List<String> secrets = new java.util.ArrayList<>();
        if (mqtt != null && mqtt.password() != null) secrets.add(mqtt.password());
        if (pull != null && pull.apiKey() != null) secrets.add(pull.apiKey());
        return secrets;
    }

    /** A saved mapping that sends a secret back masked keeps the previous version's secret. */
    public PayloadMapping keepingSecretsOf(PayloadMapping previous) {
        MqttSubscription keptMqtt = mqtt != null && MASK.equals(mqtt.password()) && previous.mqtt() != null
                ? mqtt.withPassword(previous.mqtt().password())
                : mqtt;
        PullEndpoint keptPull = pull != null && MASK.equals(pull.apiKey()) && previous.pull() != null
                ? pull.withApiKey(previous.pull().apiKey())
                : pull;
        return with(keptMqtt, keptPull);
    }

    private PayloadMapping with(MqttSubscription newMqtt, PullEndpoint newPull) {
        return new PayloadMapping(format, rows, fields, timestampFormat, timestampPattern, timeZone, intervalStamp,
                intervalMinutes, alignmentToleranceSeconds, codes, units, qualityCodes, csvDelimiter, newMqtt, newPull,
                deriveIntervals, events);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Every inconsistency, so the editor can show them all at once. */
    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        if (format == null) problems.add(new FieldError("format", "required: JSON, CSV or DLMS"));
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            problems.add(new FieldError("time_zone", "unknown time zone " + timeZone));
        }
        if (intervalMinutes <= 0 || 1440 % intervalMinutes != 0) {
            problems.add(new FieldError("interval_minutes", "must divide a day, e.g. 15 or 30"));
        }
        if (alignmentToleranceSeconds < 0 || alignmentToleranceSeconds >= intervalMinutes * 30) {
            problems.add(new FieldError("alignment_tolerance_seconds", "between 0 and half an interval"));
        }
        if (timestampFormat == TimestampFormat.PATTERN) {
            try {
                DateTimeFormatter.ofPattern(timestampPattern == null ? "" : timestampPattern);
                if (timestampPattern == null || timestampPattern.isBlank()) throw new IllegalArgumentException();
            } catch (IllegalArgumentException e) {
                problems.add(new FieldError("timestamp_pattern", "a java.time pattern such as dd-MM-yyyy HH:mm"));
            }
        }
        if (format == Format.JSON || format == Format.CSV) {
            if (fields == null) {
                problems.add(new FieldError("fields", "required for " + format));
            } else {
                if (blank(fields.meter())) problems.add(new FieldError("fields.meter", "required"));
                if (blank(fields.timestamp())) problems.add(new FieldError("fields.timestamp", "required"));
                boolean single = !blank(fields.code()) && !blank(fields.value());
                if (single == !blank(fields.values())) {
                    problems.add(new FieldError("fields", "give either code and value, or values"));
                }
            }
            if (format == Format.JSON && blank(rows)) problems.add(new FieldError("rows", "path to the row objects, e.g. readings[*]"));
        }
        if (mqtt != null) {
            if (mqtt.brokerUrl() == null || !mqtt.brokerUrl().matches("(tcp|ssl)://[^:/]+(:\\d+)?")) {
                problems.add(new FieldError("mqtt.broker_url", "tcp://host:port or ssl://host:port"));
            }
            if (mqtt.topic() == null || mqtt.topic().isBlank() || mqtt.topic().startsWith("$")) {
                problems.add(new FieldError("mqtt.topic", "a topic filter such as hes/volta/+/profile"));
            }
            if (mqtt.qos() < 0 || mqtt.qos() > 2) problems.add(new FieldError("mqtt.qos", "0, 1 or 2"));
            if (mqtt.eventsTopic() != null) {
                if (mqtt.eventsTopic().isBlank() || mqtt.eventsTopic().startsWith("$")) {
                    problems.add(new FieldError("mqtt.events_topic", "a topic filter such as hes/volta/+/events"));
                } else if (mqtt.eventsTopic().equals(mqtt.topic())) {
                    problems.add(new FieldError("mqtt.events_topic", "a topic filter other than mqtt.topic"));
                }
                if (events == null) problems.add(new FieldError("mqtt.events_topic", "needs the events section to read events"));
            }
        }
        if (pull != null) {
            if (pull.baseUrl() == null || !pull.baseUrl().matches("https?://[^\\s]+")) {
                problems.add(new FieldError("pull.base_url", "http(s)://host[:port][/path]"));
            }
            if (blank(pull.readPath()) && blank(pull.historyPath()) && blank(pull.commandPath())) {
                problems.add(new FieldError("pull", "give read_path, history_path, command_path or several"));
            }
            if (pull.timeoutSeconds() < 1 || pull.timeoutSeconds() > 120) {
                problems.add(new FieldError("pull.timeout_seconds", "between 1 and 120"));
            }
        }
        deriveIntervals.forEach((register, interval) -> {
            if (!ChannelCodes.isChannel(register) || Channel.valueOf(register).kind() != ChannelKind.REGISTER
                    || !ChannelCodes.isChannel(interval) || Channel.valueOf(interval).kind() != ChannelKind.INTERVAL
                    || !Channel.valueOf(register).unit().equals(Channel.valueOf(interval).unit())) {
                problems.add(new FieldError("derive_intervals." + register,
                        "maps a cumulative register channel to an interval channel of the same unit, e.g. KWH_IMPORT_TOTAL: KWH_IMPORT"));
            }
        });
        codes.forEach((code, channel) -> {
            if (!ChannelCodes.isChannel(channel)) {
                problems.add(new FieldError("codes." + code, "unknown channel " + channel));
            }
        });
        units.forEach((channel, spec) -> {
            if (!ChannelCodes.isChannel(channel)) problems.add(new FieldError("units." + channel, "unknown channel"));
            else if (spec == null || !Units.compatible(spec.unit(), Channel.valueOf(channel))) {
                problems.add(new FieldError("units." + channel, "unit " + (spec == null ? null : spec.unit())
                        + " does not measure " + channel));
            }
        });
        qualityCodes.forEach((code, flag) -> {
            try {
                Quality.valueOf(flag);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldError("quality_codes." + code, "unknown quality flag " + flag));
            }
        });
        if (events != null) problems.addAll(eventProblems());
        return problems;
    }

    /** Highest IS 15959 event code a mapping may name (the standard's groups end at 302). */
    static final int MAX_EVENT_CODE = 999;

    private List<FieldError> eventProblems() {
        List<FieldError> problems = new ArrayList<>();
        EventFields f = events.fields();
        // a DLMS event profile says itself where meter, time and code are: only the codes apply
        if (format == Format.DLMS) {
            // nothing to check about fields or rows
        } else if (f == null) {
            problems.add(new FieldError("events.fields", "required: meter, timestamp and code"));
        } else {
            if (blank(f.meter())) problems.add(new FieldError("events.fields.meter", "required"));
            if (blank(f.timestamp())) problems.add(new FieldError("events.fields.timestamp", "required"));
            if (blank(f.code())) problems.add(new FieldError("events.fields.code", "required"));
        }
        if (format == Format.JSON && blank(events.rows())) {
            problems.add(new FieldError("events.rows", "path to the event objects, e.g. events[*]"));
        }
        events.codes().forEach((code, is15959) -> {
            if (is15959 == null || is15959 < 1 || is15959 > MAX_EVENT_CODE) {
                problems.add(new FieldError("events.codes." + code, "an IS 15959 event code between 1 and " + MAX_EVENT_CODE));
            }
        });
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
