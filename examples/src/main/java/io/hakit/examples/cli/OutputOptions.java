package io.hakit.examples.cli;

import picocli.CommandLine.Option;

/** The options every command that prints results shares: {@code --format} and {@code --verbose}. */
public final class OutputOptions {

    /** How results are printed. */
    public enum Format {
        /** For people. */
        text,
        /** For tools (the JSON of DESIGN.md). */
        json
    }

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(names = "--verbose", description = "Show stack traces of unexpected errors.")
    boolean verbose;

    /** @return whether JSON was asked for */
    public boolean json() {
        return format == Format.json;
    }
}
