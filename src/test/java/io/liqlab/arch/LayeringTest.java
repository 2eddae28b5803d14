package io.liqlab.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The pure-Java layers (core, profile, sim) import no JavaFX, and lower layers never reach up. */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.liqlab");

    @Test
    void pureLayersImportNoJavaFx() {
        noClasses().that().resideInAnyPackage("io.liqlab.core..", "io.liqlab.profile..", "io.liqlab.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .because("core, profile and sim run headless: the CLI, tests and benchmarks use them without a toolkit")
                .check(CLASSES);
    }

    @Test
    void coreDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("io.liqlab.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.liqlab.profile..", "io.liqlab.sim..", "io.liqlab.cli..",
                        "io.liqlab.ui..", "io.liqlab.app..", "tools.jackson..", "picocli..")
                .because("the liquidation math is plain Java with no I/O")
                .check(CLASSES);
    }

    @Test
    void profileAndCliDoNotDependOnTheUi() {
        noClasses().that().resideInAnyPackage("io.liqlab.profile..", "io.liqlab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.liqlab.ui..", "io.liqlab.app..")
                .check(CLASSES);
    }

    @Test
    void viewModelsHoldNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view-models are tested without a toolkit and never hold a Node")
                .check(CLASSES);
    }

    @Test
    void onlyTheUpdatePackageOpensConnections() {
        noClasses().that().resideOutsideOfPackages("io.liqlab.update..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
                .because("the app never opens a connection unless the user asks: only 'profiles update' (and the coming update window) fetch")
                .check(CLASSES);
    }

    @Test
    void onlyTheCliAndTheUpdateUiReachTheFetcher() {
        noClasses().that().resideOutsideOfPackages("io.liqlab.update..", "io.liqlab.cli..", "io.liqlab.ui.update..")
                .should().dependOnClassesThat().resideInAPackage("io.liqlab.update..")
                .because("nothing at start-up (app, profile loading, the other views) may reach code that opens connections")
                .check(CLASSES);
    }

    /** What only services and view-models may use: threads and pools, and the file system. */
    private static final Set<String> THREADS_AND_FILES = Set.of(
            "java.lang.Thread", "java.lang.Thread$Builder", "java.lang.Thread$Builder$OfPlatform", "java.lang.Thread$Builder$OfVirtual",
            "java.util.concurrent.ThreadFactory", "java.util.concurrent.ExecutorService", "java.util.concurrent.ScheduledExecutorService",
            "java.util.concurrent.Executors", "java.util.concurrent.ForkJoinPool", "java.util.Timer",
            "java.nio.file.Files", "java.nio.channels.FileChannel", "java.io.FileInputStream", "java.io.FileOutputStream",
            "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile",
            "io.liqlab.profile.AtomicFiles", "io.liqlab.profile.ProfileStore", "io.liqlab.profile.DraftStore",
            "io.liqlab.ui.workspace.SessionFiles", "io.liqlab.app.WorkspaceStore", "io.liqlab.ui.export.Png");

    @Test
    void noViewOrChartStartsAThreadOrTouchesAFile() {
        noClasses().that().resideInAPackage("io.liqlab.ui..")
                .and(DescribedPredicate.describe("are views (their inner classes included) or charts", (JavaClass c) ->
                        c.getName().matches(".*View(\\$.*)?") || c.getPackageName().equals("io.liqlab.ui.chart")))
                .should().dependOnClassesThat(DescribedPredicate.describe("are threads, pools or file access",
                        (JavaClass c) -> THREADS_AND_FILES.contains(c.getName())))
                .orShould().callMethodWhere(DescribedPredicate.describe("CompletableFuture's *Async (the common pool)",
                        call -> call.getTargetOwner().isEquivalentTo(java.util.concurrent.CompletableFuture.class)
                                && call.getName().endsWith("Async")))
                .because("background work goes through the task executor and files through services and view-models: "
                        + "a view only lays out, binds and takes pictures (issue 16)")
                .check(CLASSES);
    }

    /** Where threads and pools may be made: the task executor, the composition root, and the engine's compute pools. */
    static final String[] MAY_START_THREADS = {"io.liqlab.ui.task..", "io.liqlab.app..", "io.liqlab.sim.."};

    /** A call or constructor that starts a thread or makes a pool that will (as {@code Executors}' factories do). */
    static final DescribedPredicate<com.tngtech.archunit.core.domain.JavaCall<?>> STARTS_A_THREAD = DescribedPredicate.describe(
            "starts a thread or makes a pool (Thread.start, Thread.Builder, new Thread, Executors, ForkJoinPool, Timer, "
                    + "thread-pool constructors, CompletableFuture's *Async on the common pool, parallel streams)",
            call -> {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                boolean constructor = call instanceof com.tngtech.archunit.core.domain.JavaConstructorCall;
                boolean noExecutorGiven = call.getTarget().getRawParameterTypes().stream()
                        .noneMatch(t -> t.getName().equals("java.util.concurrent.Executor"));
                return switch (owner) {
                    case "java.lang.Thread" -> constructor || name.equals("start") || name.equals("startVirtualThread")
                            || name.equals("ofPlatform") || name.equals("ofVirtual");
                    case "java.lang.Thread$Builder", "java.lang.Thread$Builder$OfPlatform", "java.lang.Thread$Builder$OfVirtual" ->
                            name.equals("start") || name.equals("unstarted") || name.equals("factory");
                    case "java.util.concurrent.Executors" -> name.startsWith("new") || name.startsWith("unconfigurable");
                    case "java.util.concurrent.ForkJoinPool" -> constructor || name.equals("commonPool");
                    case "java.util.Timer", "java.util.concurrent.ThreadPoolExecutor",
                         "java.util.concurrent.ScheduledThreadPoolExecutor" -> constructor;
                    case "java.util.concurrent.CompletableFuture" -> name.endsWith("Async") && noExecutorGiven;
                    case "java.util.Collection", "java.util.List", "java.util.Set" -> name.equals("parallelStream");
                    case "java.util.stream.Stream", "java.util.stream.IntStream", "java.util.stream.LongStream",
                         "java.util.stream.DoubleStream" -> name.equals("parallel");
                    default -> false;
                };
            });

    /**
     * Issue 16: one task executor runs the app's background work. Threads and pools are made only by it
     * ({@code ui/task}), by the composition root that builds the shared pools ({@code app}), and by the engine's own
     * compute pools ({@code sim}: the seed spread, the phase map, the command line's warm-up); a view-model, a view,
     * a service or the command line that started one of its own fails here.
     */
    @Test
    void onlyTheTaskExecutorTheCompositionRootAndTheEnginesPoolsStartThreads() {
        noClasses().that().resideOutsideOfPackages(MAY_START_THREADS)
                .should().callCodeUnitWhere(STARTS_A_THREAD)
                .because("background work goes through the injected TaskExecutor (issue 16): a thread started elsewhere is "
                        + "not listed, not cancellable and not shut down with the app")
                .check(CLASSES);
    }

    /** The engine's own warm-up thread is for the command line; the window schedules {@code Simulator.warmUp} as a task. */
    @Test
    void theWindowNeverAsksTheEngineForAThreadOfItsOwn() {
        noClasses().that().resideInAnyPackage("io.liqlab.ui..", "io.liqlab.app..")
                .should().callMethod(io.liqlab.sim.Simulator.class, "runWarmingUp", io.liqlab.sim.Scenario.class,
                        io.liqlab.core.VenueRules.class)
                .because("the window's warm-up is a task on its executor, beside the run (issue 16)")
                .check(CLASSES);
    }
}
