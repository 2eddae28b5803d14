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
}
