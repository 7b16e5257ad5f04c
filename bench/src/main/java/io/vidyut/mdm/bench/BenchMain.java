package io.vidyut.mdm.bench;

import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** {@code bin/mdm bench <name> [options]}: prints progress on stderr and, last on stdout, one JSON line of figures. */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        // the in-process Kafka broker is chatty; progress and the result are what matter here
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (args.length == 0 || !(args[0].equals("ingest") || args[0].equals("vee"))) {
            System.err.println("""
                    usage: bin/mdm bench ingest [--meters N] [--days D] [--transport memory|kafka] [--vee on|off] [--threads T]
                                                [--seed S] [--jar server/target/mdm-server.jar] [--server-java-options "-Xmx3g"]
                           bin/mdm bench vee [--meters N] [--days D] [--gaps-per-case K] [--seed S] [--jar …]""");
            System.exit(2);
        }
        Map<String, String> flags = new java.util.HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("unexpected " + args[i]);
            flags.put(args[i].substring(2), args[i + 1]);
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
