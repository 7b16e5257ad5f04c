package io.vidyut.mdm.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** {@code bin/mdm bench <name> [options]}: prints progress on stderr and, last on stdout, one JSON line of figures. */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        // the in-process Kafka broker is chatty; progress and the result are what matter here
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (args.length == 0 || !List.of("ingest", "vee", "events", "billing", "prepaid").contains(args[0])) {
            System.err.println("""
                    usage: bin/mdm bench ingest [--meters N] [--days D] [--transport memory|kafka] [--vee on|off] [--threads T]
                                                [--seed S] [--jar server/target/mdm-server.jar] [--server-java-options "-Xmx3g"]
                           bin/mdm bench vee [--meters N] [--days D] [--gaps-per-case K] [--seed S] [--jar …]
                           bin/mdm bench vee --data FILE.csv [--gap-lengths 1,4,16,96 [--gaps-per-case K] [--seed S]]
                                             [--meters N (the file's first N)] [--sanctioned-load-kw 10] [--jar …]
                           bin/mdm bench billing [--consumers N] [--days D] [--threads T] [--seed S] [--jar …]
                           bin/mdm bench prepaid [--consumers N] [--days D] [--threads T] [--seed S] [--jar …]
                           bin/mdm bench events [--meters N] [--dts D] [--rate R] [--batch B] [--seconds S] [--with-ingest]
                                                [--ingest-meters M] [--seed S] [--jar …]""");
            System.exit(2);
        }
        Map<String, String> flags = new java.util.HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("unexpected " + args[i]);
            if (args[i].equals("--with-ingest")) {
                flags.put("with-ingest", "true"); // a switch, no value
                continue;
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException(args[i] + " needs a value");
            flags.put(args[i].substring(2), args[++i]);
        }
        if (args[0].equals("events")) {
            Map<String, Object> result = EventsBench.run(new EventsBench.Options(
                    Integer.parseInt(flags.getOrDefault("meters", "50")),
                    Integer.parseInt(flags.getOrDefault("dts", "3")),
                    Double.parseDouble(flags.getOrDefault("rate", "50")),
                    Integer.parseInt(flags.getOrDefault("batch", "1")),
                    Integer.parseInt(flags.getOrDefault("seconds", "30")),
                    flags.containsKey("with-ingest"),
                    Integer.parseInt(flags.getOrDefault("ingest-meters", "1000")),
                    Path.of(flags.getOrDefault("jar", "server/target/mdm-server.jar")),
                    Long.parseLong(flags.getOrDefault("seed", "42")),
                    flags.getOrDefault("server-java-options", "-Xmx2g")));
            System.out.println(JsonMapper.builder().build().writeValueAsString(result));
            return;
        }
        if (args[0].equals("vee") && flags.containsKey("data")) {
            Map<String, Object> result = RealDataVeeBench.run(new RealDataVeeBench.Options(
                    Path.of(flags.get("data")),
                    Integer.parseInt(flags.getOrDefault("meters", "0")),
                    Double.parseDouble(flags.getOrDefault("sanctioned-load-kw", "10")),
                    flags.containsKey("gap-lengths")
                            ? java.util.Arrays.stream(flags.get("gap-lengths").split(",")).mapToInt(Integer::parseInt).toArray()
                            : new int[0],
                    Integer.parseInt(flags.getOrDefault("gaps-per-case", "10")),
                    Long.parseLong(flags.getOrDefault("seed", "42")),
                    Path.of(flags.getOrDefault("jar", "server/target/mdm-server.jar")),
                    flags.getOrDefault("server-java-options", "-Xmx2g")));
            System.out.println(JsonMapper.builder().build().writeValueAsString(result));
            return;
        }
        if (args[0].equals("billing") || args[0].equals("prepaid")) {
            BillingBench.Options options = new BillingBench.Options(
                    Integer.parseInt(flags.getOrDefault("consumers", "10000")),
                    Integer.parseInt(flags.getOrDefault("days", "31")),
                    Integer.parseInt(flags.getOrDefault("threads", "3")),
                    Path.of(flags.getOrDefault("jar", "server/target/mdm-server.jar")),
                    Long.parseLong(flags.getOrDefault("seed", "42")),
                    flags.getOrDefault("server-java-options", "-Xmx3g"));
            Map<String, Object> result = args[0].equals("billing") ? BillingBench.run(options) : PrepaidBench.run(options);
            System.out.println(JsonMapper.builder().build().writeValueAsString(result));
            return;
        }
        if (args[0].equals("vee")) {
            Map<String, Object> result = VeeBench.run(new VeeBench.Options(
                    Integer.parseInt(flags.getOrDefault("meters", "60")),
                    Integer.parseInt(flags.getOrDefault("days", "36")),
                    Integer.parseInt(flags.getOrDefault("gaps-per-case", "10")),
                    Path.of(flags.getOrDefault("jar", "server/target/mdm-server.jar")),
                    Long.parseLong(flags.getOrDefault("seed", "42")),
                    flags.getOrDefault("server-java-options", "-Xmx2g")));
            System.out.println(JsonMapper.builder().build().writeValueAsString(result));
            return;
        }
        IngestBench.Options options = new IngestBench.Options(
                Integer.parseInt(flags.getOrDefault("meters", "1000")),
                Integer.parseInt(flags.getOrDefault("days", "1")),
                flags.getOrDefault("transport", "memory"),
                Integer.parseInt(flags.getOrDefault("threads", "4")),
                Path.of(flags.getOrDefault("jar", "server/target/mdm-server.jar")),
                Long.parseLong(flags.getOrDefault("seed", "42")),
                flags.getOrDefault("server-java-options", "-Xmx3g"),
                !"off".equals(flags.getOrDefault("vee", "on")));
        Map<String, Object> result = IngestBench.run(options);
        System.out.println(JsonMapper.builder().build().writeValueAsString(result));
    }
}
