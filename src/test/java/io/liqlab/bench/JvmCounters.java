package io.liqlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/** The JVM's own counters the window benches report beside wall time: CPU per thread and garbage collections. */
final class JvmCounters {
    private JvmCounters() {
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
}
