package io.vidyut.mdm.simulator;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar mdm-simulator.jar …}: runs the simulator and prints the stats as the last stdout line, also
 * after Ctrl-C (the shutdown hook stops the run and waits for the line to be printed).
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        CliOptions options;
        Simulator simulator;
        try {
            options = CliOptions.parse(args);
            if (options.help || args.length == 0) {
                System.out.print(CliOptions.USAGE);
                return options.help ? 0 : 2;
            }
            simulator = options.builder
                    .progress(options.quiet ? null : System.err)
                    .diagnostics(System.err)
                    .build();
        } catch (IllegalArgumentException | IllegalStateException | java.time.DateTimeException e) {
            System.err.println("mdm-simulator: " + e.getMessage());
            System.err.println("Try --help.");
            return 2;
        }
        CountDownLatch printed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            simulator.stop();
            try {
                printed.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunStats stats = simulator.run();
            System.out.println(stats.toJson());
            System.out.flush();
            return stats.errors() > 0 ? 1 : 0;
        } catch (RuntimeException e) {
            System.err.println("mdm-simulator: " + e.getMessage());
            System.out.println(simulator.stats().toJson());
            return 1;
        } finally {
            printed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down (Ctrl-C): the hook is running and has been released above
            }
        }
    }
}
