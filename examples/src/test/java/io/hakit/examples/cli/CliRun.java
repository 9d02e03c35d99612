package io.hakit.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the hakit command line in-process and captures what a user would see. */
record CliRun(int exitCode, String out, String err) {

    /**
     * Runs with these environment variables visible to {@code --password-env} (and nothing else of the
     * real environment).
     */
    static CliRun withEnv(java.util.Map<String, String> env, String... args) {
        java.util.function.Function<String, String> before = DeviceOptions.environment;
        DeviceOptions.environment = env::get;
        try {
            return of(args);
        } finally {
            DeviceOptions.environment = before;
        }
    }

    static CliRun of(String... args) {
        CommandLine cli = Hakit.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
