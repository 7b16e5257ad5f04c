package io.vidyut.mdm.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Command-line flags → a {@link Simulator.Builder}. Accepts {@code --flag value} and {@code --flag=value}. */
final class CliOptions {
    static final String USAGE = """
            Usage: java -jar mdm-simulator.jar [--backfill-days D] [--live] [--serve-pulls PORT] [options]
              (or: bin/mdm simulate --target URL ...)

            Plays three HES vendors pushing smart-meter data to a Vidyut MDM server (and answering its pulls):
              HPL   (vendor A) REST JSON, dotted OBIS, kWh, IST, interval end, 100 meter-days per batch
              VOLTA (vendor B) JSON, IEC OBIS, Wh + scaler, epoch UTC, interval start, one meter-interval per message
              KIRAN (vendor C) DLMS DATA-NOTIFICATION, IS 15959 block load profile, one meter-day per notification

            What to do (at least one):
              --backfill-days D        push the D days before today plus today so far, then exit (unless --live
                                       or --serve-pulls)
              --live                   then push each interval as it ends, until Ctrl-C
              --speed K                live mode runs K times faster than real time (default 1); timestamps
                                       then run ahead of the clock and an MDM rejects future readings
              --live-intervals N       stop live mode after N intervals (default: run until Ctrl-C)
              --serve-pulls PORT       answer the MDM's pulls as each vendor's HES would, until Ctrl-C
                                       (0: any free port, printed on stderr):
                                         GET /hes/{VENDOR}/meters/{serial}/read
                                         GET /hes/{VENDOR}/meters/{serial}/profile?from=ISO&to=ISO (<= 31 days)

            Pulls (answered in the vendor's wire format with the values a push carries; a VOLTA profile
            answers a range of one interval only):
              --pull-key KEY           value requests must carry in header X-Hes-Key (default hes-secret)
              --pull-host HOST         address to listen on (default 127.0.0.1; 0.0.0.0 for all)
              --pull-failure-rate R    answer this share of requests 503, deterministic for --seed (default 0)
              --pull-delay-ms D        wait D ms before answering each request (default 0)
              --command-delay-ms D     commands (POST /hes/{vendor}/meters/{serial}/commands) are carried out
                                       D ms after their acknowledgement (default 1000)
              --command-failure-rate R this share of acknowledged commands fails at the meter (default 0)
              --command-callbacks B    true: results go to the MDM's /api/v1/commands/{id}/result with the
                                       vendor's key (default); false: carried out before answering EXECUTED

            Server:
              --target URL             MDM base URL (default http://localhost:8080)
              --username NAME          user that reads the fleet (default demo.operator)
              --password PASSWORD      (default vidyut-demo-pass)
              --vendors A,B,...        vendor codes to play (default HPL,VOLTA,KIRAN)
              --keys CODE=KEY,...      HES API keys (default: the demo tenant's keys)

            Load and anomalies:
              --seed N                 seed of every random draw; same seed, same data (default 42)
              --anomalies RATE         share of opportunities hit by each anomaly kind: gaps, spikes, duplicates,
                                       rollovers, reverse energy, clock drift, late batches (default 0)
              --anomaly-log FILE       JSON lines, one per anomaly injected
              --events                 also push meter events to /api/v1/meters/events (needs the vendor
                                       mappings' events sections, as the demo's have): supply lost and back,
                                       tampers, voltage out of band, a DT out now and then (about once in two
                                       days per DT); the backfill's first, then live as they happen
              --events-only            meter events without readings
              --today-first            back-fill today's readings before the earlier days' (events still go
                                       first, oldest first)
              --register-epoch DATE    day cumulative registers count from (default 2026-01-01)

            Delivery:
              --threads N              parallel senders (default 4)
              --vendor-b-transport T   rest (default) or mqtt
              --mqtt-broker URI        broker for vendor B over MQTT (default tcp://127.0.0.1:1883)
              --mqtt-username NAME, --mqtt-password PASSWORD
              --batch-meter-days N     vendor A backfill batch size (default 100)
              --quiet                  no progress bar or live status on stderr
              --help                   this text

            At the end prints one JSON line on stdout:
              {"batches","values_sent","values_accepted","values_rejected","events_sent","errors","seconds","values_per_s"}
            """;

    boolean help;
    boolean quiet;
    final Simulator.Builder builder = Simulator.builder();

    private CliOptions() {
    }

    static CliOptions parse(String[] args) {
        CliOptions options = new CliOptions();
        List<String> tokens = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                tokens.add(arg.substring(0, eq));
                tokens.add(arg.substring(eq + 1));
            } else {
                tokens.add(arg);
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            String flag = tokens.get(i);
            switch (flag) {
                case "--help", "-h" -> options.help = true;
                case "--quiet", "-q" -> options.quiet = true;
                case "--live" -> options.builder.live(true);
                case "--events" -> options.builder.events(true);
                case "--events-only" -> options.builder.events(true).readings(false);
                case "--today-first" -> options.builder.todayFirst(true);
                default -> {
                    if (i + 1 >= tokens.size()) {
                        throw new IllegalArgumentException(flag.startsWith("--") ? flag + " needs a value"
                                : "unexpected argument '" + flag + "'");
                    }
                    options.apply(flag, tokens.get(++i));
                }
            }
        }
        return options;
    }

    private void apply(String flag, String value) {
        switch (flag) {
            case "--target" -> builder.target(value);
            case "--username" -> credentials(value, null);
            case "--password" -> credentials(null, value);
            case "--vendors" -> builder.vendors(list(value).stream().map(v -> v.toUpperCase(Locale.ROOT)).toList());
            case "--keys" -> builder.apiKeys(keys(value));
            case "--seed" -> builder.seed(longValue(flag, value));
            case "--backfill-days" -> builder.backfill((int) longValue(flag, value));
            case "--speed" -> builder.speed(doubleValue(flag, value));
            case "--live-intervals" -> builder.liveIntervals(longValue(flag, value));
            case "--threads" -> builder.threads((int) longValue(flag, value));
            case "--anomalies" -> builder.anomalyRate(doubleValue(flag, value));
            case "--anomaly-log" -> builder.anomalyLog(Path.of(value));
            case "--register-epoch" -> builder.registerEpoch(LocalDate.parse(value));
            case "--vendor-b-transport" -> builder.voltaTransport(switch (value.toLowerCase(Locale.ROOT)) {
                case "rest" -> VoltaTransportMode.REST;
                case "mqtt" -> VoltaTransportMode.MQTT;
                default -> throw new IllegalArgumentException("--vendor-b-transport is rest or mqtt, not " + value);
            });
            case "--mqtt-broker" -> builder.mqttBroker(value);
            case "--mqtt-username" -> mqttUser = value;
            case "--mqtt-password" -> mqttPassword = value;
            case "--batch-meter-days" -> builder.hplMeterDaysPerRequest((int) longValue(flag, value));
            case "--serve-pulls" -> builder.servePulls((int) longValue(flag, value));
            case "--pull-key" -> builder.pullKey(value);
            case "--pull-host" -> builder.pullHost(value);
            case "--pull-failure-rate" -> builder.pullFailureRate(doubleValue(flag, value));
            case "--pull-delay-ms" -> builder.pullDelay(Duration.ofMillis(longValue(flag, value)));
            case "--command-delay-ms" -> builder.commandDelay(Duration.ofMillis(longValue(flag, value)));
            case "--command-failure-rate" -> builder.commandFailureRate(doubleValue(flag, value));
            case "--command-callbacks" -> builder.commandCallbacks(switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw new IllegalArgumentException("--command-callbacks is true or false, not " + value);
            });
            default -> throw new IllegalArgumentException("unknown option " + flag + " (see --help)");
        }
        if (mqttUser != null) {
            builder.mqttCredentials(mqttUser, mqttPassword);
        }
    }

    private String user = "demo.operator";
    private String password = "vidyut-demo-pass";
    private String mqttUser;
    private String mqttPassword;

    private void credentials(String newUser, String newPassword) {
        if (newUser != null) {
            user = newUser;
        }
        if (newPassword != null) {
            password = newPassword;
        }
        builder.credentials(user, password);
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static Map<String, String> keys(String value) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String pair : list(value)) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("--keys takes CODE=KEY pairs, got '" + pair + "'");
            }
            keys.put(pair.substring(0, eq).strip().toUpperCase(Locale.ROOT), pair.substring(eq + 1).strip());
        }
        return keys;
    }

    private static long longValue(String flag, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a whole number, got '" + value + "'");
        }
    }

    private static double doubleValue(String flag, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a number, got '" + value + "'");
        }
    }
}
