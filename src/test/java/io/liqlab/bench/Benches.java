package io.liqlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the benches share: the app opened as a user opens it, at the benches' window size, the JVM's own counters they
 * report beside wall time (CPU per thread, garbage collections), and percentiles.
 */
final class Benches {
    private Benches() {
    }

    /**
     * CPU time per live thread, ns, by name with its digits dropped (so a pool's threads add up); {@code PROCESS} is
     * the whole JVM's, which alone counts threads that have ended (a finished task's).
     */
    static Map<String, Long> threadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new TreeMap<>();
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null) {
                long cpu = mx.getThreadCpuTime(t.getThreadId());
                if (cpu > 0) {
                    out.merge(t.getThreadName().replaceAll("[0-9]+", "#"), cpu, Long::sum);
                }
            }
        }
        out.put("PROCESS", ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime());
        return out;
    }

    /** Garbage collections and their milliseconds so far, over all collectors: {count, millis}. */
    static long[] gc() {
        long count = 0;
        long millis = 0;
        for (var b : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, b.getCollectionCount());
            millis += Math.max(0, b.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /**
     * LiqLab in {@code stage} as a user starts it, on the user folder {@code home} (a fresh one, never the real one), at
     * 1600x1000: the window every window bench measures.
     */
    static javafx.scene.Scene openApp(javafx.stage.Stage stage, java.nio.file.Path home) throws Exception {
        System.setProperty("liqlab.home", home.toString());
        new io.liqlab.app.LiqLabApp().start(stage);
        stage.setWidth(1600);
        stage.setHeight(1000);
        return stage.getScene();
    }

    /** {@link #openApp(javafx.stage.Stage, java.nio.file.Path)} on a new empty user folder. */
    static javafx.scene.Scene openApp(javafx.stage.Stage stage) throws Exception {
        return openApp(stage, java.nio.file.Files.createTempDirectory("liqlab-bench"));
    }

    /** The {@code p}th percentile (nearest rank) of {@code values}, in any order; 0 when there are none. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
    }
}
