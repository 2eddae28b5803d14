package io.liqlab.cli;

import io.liqlab.core.VenueRules;
import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileReader;
import io.liqlab.sim.Scenario;
import io.liqlab.sim.ScenarioCatalog;
import io.liqlab.sim.ScenarioReader;
import io.liqlab.sim.SimulationResult;
import io.liqlab.sim.Simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code simulate --bench}: the engine's time for a whole run against the time a JVM takes to sort 1,000,000
 * random doubles with {@link Arrays#sort(double[])}, both measured the same way.
 * <ul>
 *   <li>Cold: each measurement in a fresh JVM ({@code -Xmx128m}, so every cold run also shows the population
 *   fits), timing only the run (the scenario and profile are read first, untimed) or only the first sort.</li>
 *   <li>Warm: in this JVM, after warm-up iterations.</li>
 * </ul>
 * The child JVMs run {@link #main(String[])}.
 */
final class SimulationBench {

    static final int SORT_SIZE = 1_000_000;
    static final String HEAP = "-Xmx128m";

    record Measurement(double engineMillis, double sortMillis, double populationMillis, double orderingMillis,
                       double cascadeMillis) {
        double ratio() {
            return engineMillis / sortMillis;
        }
    }

    record Report(int positions, int runs, Measurement cold, Measurement warm, String coldNote) {
    }

    private SimulationBench() {
    }

    /** Runs the benchmark: {@code runs} cold pairs and as many warm iterations after warm-up. */
    static Report run(Scenario scenario, String scenarioArg, VenueRules rules, int runs) {
        Measurement cold = null;
        String coldNote = null;
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        if (Files.isExecutable(java)) {
            cold = cold(java, scenario, scenarioArg, runs);
        } else {
            coldNote = "no java launcher in this runtime (" + java + "); cold runs need one";
        }
        Measurement warm = warm(scenario, rules, runs);
        return new Report(scenario.population().positions(), runs, cold, warm, coldNote);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    private static Measurement cold(Path java, Scenario scenario, String scenarioArg, int runs) {
        List<double[]> sim = new ArrayList<>();
        List<Double> sort = new ArrayList<>();
        for (int k = 0; k < runs; k++) {
            sort.add(child(java, List.of("sort"))[0]);
            sim.add(child(java, List.of("simulate", scenarioArg, scenario.venue(),
                    Integer.toString(scenario.population().positions()), Long.toString(scenario.seed()))));
        }
        return new Measurement(median(sim, 0), median(sort), median(sim, 1), median(sim, 2), median(sim, 3));
    }

    private static double[] child(Path java, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java.toString(), HEAP, "-cp",
                System.getProperty("java.class.path"), SimulationBench.class.getName()));
        command.addAll(args);
        try {
            Path out = Files.createTempFile("liqlab-bench", ".txt");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("a benchmark JVM did not finish in 5 minutes");
                }
                String text = Files.readString(out, StandardCharsets.UTF_8).strip();
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("a benchmark JVM failed (exit " + process.exitValue() + "): "
                            + text.lines().reduce((a, b) -> b).orElse(""));
                }
                String last = text.lines().reduce((a, b) -> b).orElseThrow();
                return Arrays.stream(last.split(" ")).mapToDouble(Double::parseDouble).toArray();
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a benchmark JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Measurement warm(Scenario scenario, VenueRules rules, int runs) {
        int warmup = 5;
        List<double[]> sim = new ArrayList<>();
        List<Double> sort = new ArrayList<>();
        for (int k = 0; k < warmup + runs; k++) {
            double[] s = timeSimulation(scenario, rules);
            double t = timeSort(k);
            if (k >= warmup) {
                sim.add(s);
                sort.add(t);
            }
        }
        return new Measurement(median(sim, 0), median(sort), median(sim, 1), median(sim, 2), median(sim, 3));
    }

    /** Milliseconds: whole run, population, ordering, cascade. */
    static double[] timeSimulation(Scenario scenario, VenueRules rules) {
        long start = System.nanoTime();
        SimulationResult r = Simulator.runWarmingUp(scenario, rules);
        double total = (System.nanoTime() - start) / 1e6;
        SimulationResult.Timings t = r.timings();
        return new double[] {total, t.populationNanos() / 1e6, t.orderingNanos() / 1e6, t.cascadeNanos() / 1e6};
    }

    /** Milliseconds to sort 1,000,000 random doubles (drawn before the clock starts). */
    static double timeSort(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[SORT_SIZE];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble();
        }
        long start = System.nanoTime();
        Arrays.sort(values);
        return (System.nanoTime() - start) / 1e6 + (values[0] > values[SORT_SIZE - 1] ? 1 : 0);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double median(List<double[]> rows, int column) {
        return median(rows.stream().map(r -> r[column]).toList());
    }

    /** A child JVM: {@code sort}, or {@code simulate SCENARIO VENUE POSITIONS SEED}; prints the times. */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("sort")) {
            System.out.println(timeSort(System.nanoTime()));
            return;
        }
        Scenario s = ScenarioCatalog.loadShipped(new ScenarioReader()).resolve(args[1]).withVenue(args[2])
                .withPositions(Integer.parseInt(args[3])).withSeed(Long.parseLong(args[4]));
        VenueRules rules = ProfileCatalog.load(new ProfileReader(), null).find(s.venue()).orElseThrow().rules();
        double[] t = timeSimulation(s, rules);
        System.out.println(t[0] + " " + t[1] + " " + t[2] + " " + t[3]);
    }
}
