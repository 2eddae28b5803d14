package io.liqlab.app;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * For measuring start-up ({@code -Dliqlab.startupProbe=true}): prints the milliseconds from launch to the first
 * frame of {@code scene} ({@code first-frame-ms N}), then exits. The frame counts as shown once its first pulse is
 * over. With the probe on, {@link #mark} also prints the time of named steps ({@code step-ms NAME N}).
 *
 * <p>Launch is, in order of preference: {@code -Dliqlab.launchedAt=EPOCH_MILLIS} (what
 * {@code packaging/measure-startup.sh} passes, taken just before it starts the JVM); on Linux, the process's start
 * in {@code /proc/self/stat} against {@code /proc/uptime} (the same clock, 10 ms steps); otherwise
 * {@link ProcessHandle.Info#startInstant()}. That last one is not used on Linux: it adds the kernel's boot time,
 * which is kept in whole seconds, so every figure would carry the same error of up to a second (measured here:
 * 0.58 s too long).
 *
 * <p>On Linux it also prints, at the first frame, how much CPU each thread had used and how long it had waited for a
 * core ({@code cpu-ms THREAD RUN WAIT}, from {@code /proc/self/task/}{@code *}{@code /schedstat}; {@code process} is
 * the sum of the threads still running, {@code process-all} the whole process's user and system time from
 * {@code /proc/self/stat}, threads that already ended included, in 10 ms steps): on a machine busy with other work
 * the wall-clock figure grows with the load, while the CPU time of the JavaFX thread, which carries the first
 * frame, hardly moves.
 */
public final class StartupProbe {
    /** Whether start-up is being measured ({@code -Dliqlab.startupProbe=true}). */
    static final boolean ON = Boolean.getBoolean("liqlab.startupProbe");

    private StartupProbe() {
    }

    /**
     * With the probe on, prints the milliseconds since launch at a named step of start-up and, on Linux, the CPU
     * time the calling thread has used so far ({@code step-cpu-ms NAME N}): the difference between two steps on the
     * same thread is that step's own work, which other programs on the machine hardly change.
     */
    public static void mark(String step) {
        if (ON) {
            System.out.println("step-ms " + step + " " + sinceLaunchMillis());
            try {
                String runWait = Files.readString(Path.of("/proc/thread-self/schedstat"));
                System.out.println("step-cpu-ms " + step + " " + Long.parseLong(runWait.split(" ")[0]) / 1_000_000);
            } catch (IOException | RuntimeException e) {
                // not Linux: wall-clock only
            }
        }
    }

    public static void reportFirstFrame(Scene scene) {
        Runnable[] pre = new Runnable[1];
        pre[0] = () -> {
            scene.removePreLayoutPulseListener(pre[0]);
            mark("first-pulse");
        };
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> {
                long firstFrame = sinceLaunchMillis();
                printCpu();
                System.out.println("first-frame-ms " + firstFrame);
                System.out.flush();
                Platform.exit();
                System.exit(0);
            });
        };
        scene.addPreLayoutPulseListener(pre[0]);
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Each thread's CPU and wait time so far, in ms (Linux; nothing elsewhere). */
    private static void printCpu() {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            long[] sum = new long[2];
            StringBuilder lines = new StringBuilder();
            for (Path task : tasks.sorted().toList()) {
                try {
                    String[] runWait = Files.readString(task.resolve("schedstat")).trim().split(" ");
                    long run = Long.parseLong(runWait[0]) / 1_000_000;
                    long wait = Long.parseLong(runWait[1]) / 1_000_000;
                    sum[0] += run;
                    sum[1] += wait;
                    if (run >= 5) {
                        String name = Files.readString(task.resolve("comm")).trim().replace(' ', '_');
                        lines.append("cpu-ms ").append(name).append(' ').append(run).append(' ').append(wait).append('\n');
                    }
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
            System.out.print(lines);
            System.out.println("cpu-ms process " + sum[0] + " " + sum[1]);
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields 14 and 15 (user and system time, clock ticks) count from after the command name's closing paren.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            System.out.println("cpu-ms process-all " + ticks * 10); // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            // not Linux: wall-clock only
        }
    }

    static long sinceLaunchMillis() {
        String launchedAt = System.getProperty("liqlab.launchedAt");
        if (launchedAt != null && launchedAt.matches("\\d{1,18}")) {
            return System.currentTimeMillis() - Long.parseLong(launchedAt);
        }
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Field 22 (start time, in clock ticks since boot) counts from after the command name's closing paren.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]);
            double uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Math.round(uptimeSeconds * 1000 - startTicks * 10.0); // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
            return Duration.between(start, Instant.now()).toMillis();
        }
    }
}
