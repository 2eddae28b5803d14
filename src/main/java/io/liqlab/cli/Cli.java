package io.liqlab.cli;

import io.liqlab.profile.ProfileCatalog;
import io.liqlab.profile.ProfileException;
import io.liqlab.profile.VenueProfile;
import io.liqlab.sim.ScenarioCatalog;
import io.liqlab.sim.ScenarioReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * LiqLab's headless command line: {@code calc}, {@code account}, {@code sweep}, {@code simulate}, {@code solve}, {@code profiles}. Exit codes are a contract: 0
 * success, 2 bad input (one line on stderr naming the option, or the file and JSON path), 1 internal error.
 */
@Command(name = "liqlab", mixinStandardHelpOptions = true, subcommands = {CalcCommand.class, AccountCommand.class, SweepCommand.class, SimulateCommand.class, ProfilesCommand.class, SolveCommand.class, ReconcileCommand.class}, versionProvider = Cli.Version.class,
        description = "Perpetual-futures liquidation math, offline. Without a subcommand, java -jar liqlab.jar opens the app.")
public final class Cli implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_BAD_INPUT = 2;
    /** {@code solve}: the question has no answer for this position (one line on stderr says why). */
    public static final int EXIT_IMPOSSIBLE = 3;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Supplier<ProfileCatalog> catalogSource;
    private ProfileCatalog catalog;
    private ScenarioCatalog scenarios;
    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private java.io.InputStream in = System.in;

    public Cli(PrintWriter out, PrintWriter err, Supplier<ProfileCatalog> catalogSource) {
        this.out = out;
        this.err = err;
        this.catalogSource = catalogSource;
    }

    /** Runs the command line with the default profile catalog and the process's streams. */
    public static int run(String[] args) {
        // Straight onto the file descriptors: System.out is a PrintStream that swallows a write error (a full disk,
        // a closed pipe), and the PrintWriter's checkError() must see it to exit 1 rather than 0 with nothing written.
        PrintWriter out = new PrintWriter(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(new java.io.FileOutputStream(java.io.FileDescriptor.err), false, java.nio.charset.StandardCharsets.UTF_8);
        return new Cli(out, err, ProfileCatalog::loadDefault).execute(args);
    }

    public int execute(String[] args) {
        CommandLine cmd = new CommandLine(this, new Factory());
        // No @file expansion: "calc @/dev/zero" read forever, and an argument starting with @ is never meant as a file.
        cmd.setExpandAtFiles(false);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            err.println("error: " + ex.getMessage() + allowedRange(ex) + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof BadInputException) {
                err.println("error: " + ex.getMessage());
                err.flush();
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof io.liqlab.core.solve.Impossible impossible) {
                err.println("impossible: " + impossible.reason());
                err.flush();
                return EXIT_IMPOSSIBLE;
            }
            if (ex instanceof OutputFailedException) {
                return EXIT_OUTPUT_FAILED; // said once, below, with every other output failure
            }
            err.println("internal error: " + ex + (System.getenv("LIQLAB_DEBUG") == null ? " (set LIQLAB_DEBUG=1 for details)" : ""));
            if (System.getenv("LIQLAB_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.flush();
            return EXIT_INTERNAL;
        });
        int code;
        try {
            code = cmd.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only exceptions to the handler above; an Error would end in a stack trace.
            out.flush();
            err.println("error: not enough memory for this run (the JVM's heap is " + heapMegabytes()
                    + " MB); give Java more, e.g. java -Xmx2g -jar liqlab.jar ..., or " + smallerRun(cmd));
            err.flush();
            return EXIT_INTERNAL;
        } catch (StackOverflowError | InternalError e) {
            out.flush();
            err.println("internal error: " + e + (System.getenv("LIQLAB_DEBUG") == null ? " (set LIQLAB_DEBUG=1 for details)" : ""));
            if (System.getenv("LIQLAB_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return EXIT_INTERNAL;
        }
        out.flush();
        if (code == EXIT_OUTPUT_FAILED || out.checkError() && code != EXIT_BAD_INPUT) {
            err.println("error: " + CANNOT_WRITE);
            code = EXIT_INTERNAL;
        }
        err.flush();
        return code;
    }

    /** A streaming command stopped because its output failed; {@link #execute} says so once and exits 1. */
    private static final int EXIT_OUTPUT_FAILED = -101;

    /** Said when standard output cannot be written (a full disk, a closed pipe): the run produced nothing usable. */
    static final String CANNOT_WRITE = "cannot write the output (disk full, or the pipe or file closed)";

    /** Thrown by a command that streams its output when the writer reports an error: stop early, exit 1. */
    static final class OutputFailedException extends RuntimeException {
        OutputFailedException() {
            super(CANNOT_WRITE, null, false, false);
        }
    }

    /** Stops a streaming command once its output cannot be written, rather than computing rows nobody receives. */
    static void checkOutput(PrintWriter out) {
        if (out.checkError()) {
            throw new OutputFailedException();
        }
    }

    /** What to ask for instead when a run ran out of memory, in the words of the command that ran. */
    static String smallerRun(CommandLine cmd) {
        CommandLine.ParseResult parsed = cmd.getParseResult();
        String command = parsed == null || !parsed.hasSubcommand() ? "" : parsed.subcommand().commandSpec().name();
        return switch (command) {
            case "simulate" -> "ask for fewer positions (--positions)";
            case "sweep" -> "ask for fewer rows (a larger --step or a narrower --from/--to)";
            case "profiles", "calc" -> "use a smaller profile file";
            default -> "ask for a smaller run";
        };
    }

    private static long heapMegabytes() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    private static final java.util.regex.Pattern RANGE = java.util.regex.Pattern.compile("\\(([^()]*\\d[^()]* to [^()]*\\d[^()]*)\\)");

    /**
     * The range an option's help states ("(1 to 10,000,000)"), for a value that did not even parse: "'1.5' is not a
     * whole number" then says what would have been accepted. Empty when the help names no range.
     */
    static String allowedRange(CommandLine.ParameterException ex) {
        if (!(ex.getArgSpec() instanceof CommandLine.Model.OptionSpec option) || ex.getMessage().contains(" to ")) {
            return "";
        }
        java.util.regex.Matcher m = RANGE.matcher(String.join(" ", option.description()));
        return m.find() ? "; allowed: " + m.group(1).replaceFirst(",? ?default .*$", "") : "";
    }

    @Override
    public void run() {
        throw new BadInputException("name a subcommand: calc, account, sweep, simulate, solve, reconcile or profiles (see 'liqlab --help')");
    }

    /** Standard input for {@code -} as a file name (tests give their own). */
    Cli input(java.io.InputStream stdin) {
        this.in = stdin;
        return this;
    }

    java.io.InputStream in() {
        return in;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    ProfileCatalog catalog() {
        if (catalog == null) {
            catalog = catalogSource.get();
        }
        return catalog;
    }

    /** The shipped scenarios, read on first use (only {@code simulate} needs them). */
    ScenarioCatalog scenarios() {
        if (scenarios == null) {
            scenarios = ScenarioCatalog.loadShipped(new ScenarioReader());
        }
        return scenarios;
    }

    VenueProfile profile(String idOrFile) {
        return profile(idOrFile, "--venue");
    }

    /** @param given what the user typed it as, for the message: an option, or a positional parameter's label */
    VenueProfile profile(String idOrFile, String given) {
        try {
            return catalog().resolve(idOrFile.strip());
        } catch (ProfileException e) {
            throw new BadInputException(given + ": " + e.getMessage());
        }
    }

    String json(JsonNode node) {
        return mapper.writeValueAsString(node) + System.lineSeparator();
    }

    /**
     * A generator writing onto {@code out} with the same layout as {@link #json}, for output streamed piece by
     * piece; closing it flushes but leaves {@code out} open.
     */
    tools.jackson.core.JsonGenerator jsonGenerator(PrintWriter out) {
        return mapper.writer().without(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).createGenerator(out);
    }

    static String format(String value, String... allowed) {
        String v = value.toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(v)) {
                return a;
            }
        }
        throw new BadInputException("--format: must be " + String.join(" or ", allowed) + ", got '" + value + "'");
    }

    /** Builds subcommands with this Cli passed through their constructors. */
    private final class Factory implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            Object made;
            if (type == CalcCommand.class) {
                made = new CalcCommand(Cli.this);
            } else if (type == AccountCommand.class) {
                made = new AccountCommand(Cli.this);
            } else if (type == SweepCommand.class) {
                made = new SweepCommand(Cli.this);
            } else if (type == SimulateCommand.class) {
                made = new SimulateCommand(Cli.this);
            } else if (type == ReconcileCommand.class) {
                made = new ReconcileCommand(Cli.this);
            } else if (type == SolveCommand.class) {
                made = new SolveCommand(Cli.this);
            } else if (type == ProfilesCommand.class) {
                made = new ProfilesCommand(Cli.this);
            } else if (type == ProfilesCommand.ListCommand.class) {
                made = new ProfilesCommand.ListCommand(Cli.this);
            } else if (type == ProfilesCommand.ShowCommand.class) {
                made = new ProfilesCommand.ShowCommand(Cli.this);
            } else if (type == ProfilesCommand.ValidateCommand.class) {
                made = new ProfilesCommand.ValidateCommand(Cli.this);
            } else if (type == ProfilesCommand.ImportCommand.class) {
                made = new ProfilesCommand.ImportCommand(Cli.this);
            } else if (type == ProfilesCommand.UpdateCommand.class) {
                made = new ProfilesCommand.UpdateCommand(Cli.this);
            } else if (type == ProfilesCommand.MarkCommand.class) {
                made = new ProfilesCommand.MarkCommand(Cli.this);
            } else {
                return CommandLine.defaultFactory().create(type);
            }
            return type.cast(made);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"LiqLab " + (v == null ? "(development build)" : v)};
        }
    }
}
