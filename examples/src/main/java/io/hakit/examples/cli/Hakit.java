package io.hakit.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hakit} command line: the root command and the exit-code contract.
 *
 * <p>Exit codes: 0 success, 1 the input was read and found wanting, 2 usage error or
 * unreadable input.
 */
@Command(name = "hakit",
        mixinStandardHelpOptions = true,
        versionProvider = Hakit.Version.class,
        description = "High availability for the patient-identity platform behind IIS/ARR, Citrix ADC and F5 BIG-IP.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ValidateCommand.class,
            RenderCommand.class,
            PlanCommand.class,
            ApplyCommand.class,
            AuditCommand.class,
            SimulateCommand.class,
            HealthCommand.class,
            DemoCommand.class,
            Hl7Command.class,
            BenchCommand.class,
            DrainCommand.class,
            DrillCommand.class,
            EnableCommand.class,
        })
public final class Hakit implements Runnable {

    /** Everything fine. */
    public static final int OK = 0;
    /** The input was read and found wanting (findings, unhealthy, failed apply). */
    public static final int FOUND_WANTING = 1;
    /** Usage error or unreadable input. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with hakit's error handling. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Hakit());
        cli.setExecutionExceptionHandler(new Errors());
        cli.setParameterExceptionHandler(new Errors());
        return cli;
    }

    /**
     * Runs hakit.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Hakit.class.getPackage().getImplementationVersion();
            return new String[] {"hakit " + (v == null ? "development build" : v)};
        }
    }
}
