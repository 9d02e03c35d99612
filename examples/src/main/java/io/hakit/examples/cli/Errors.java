package io.hakit.examples.cli;

import java.util.Arrays;
import picocli.CommandLine;

/**
 * Turns exceptions into the exit-code contract: one line naming the problem, exit 2,
 * and a stack trace only with {@code --verbose}.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        cli.getErr().println("hakit: " + oneLine(ex));
        if (verbose(parsed)) {
            ex.printStackTrace(cli.getErr());
        }
        return ex instanceof Topologies.InvalidTopologyException ? Hakit.FOUND_WANTING : Hakit.USAGE;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        cli.getErr().println("hakit: " + ex.getMessage());
        cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        if (Arrays.asList(args).contains("--verbose")) {
            ex.printStackTrace(cli.getErr());
        }
        return Hakit.USAGE;
    }

    static String oneLine(Throwable ex) {
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            message = ex.getClass().getSimpleName();
        }
        return message.replace('\n', ' ').strip();
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
