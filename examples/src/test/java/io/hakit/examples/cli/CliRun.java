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

    /**
     * Runs {@code <command> --vendor <vendor> --url <url> --user admin --password-env <VAR> <more>} against a
     * device whose admin password is {@code admin}, {@code VAR} being {@code ADC_PASSWORD} for citrix and
     * {@code BIGIP_PASSWORD} for f5.
     */
    static CliRun onDevice(String vendor, java.net.URI url, String command, String... more) {
        String variable = switch (vendor) {
            case "citrix" -> "ADC_PASSWORD";
            case "f5" -> "BIGIP_PASSWORD";
            default -> throw new IllegalArgumentException("vendor: " + vendor + " is not citrix or f5");
        };
        String[] base = {command, "--vendor", vendor, "--url", url.toString(), "--user", "admin",
            "--password-env", variable};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return withEnv(java.util.Map.of(variable, "admin"), args);
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
