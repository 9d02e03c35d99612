package io.hakit.examples.cli;

import io.hakit.iis.IisAdapter;
import io.hakit.model.Deployment;
import io.hakit.model.ops.DrainListener;
import io.hakit.model.ops.DrainOptions;
import io.hakit.model.ops.DrainResult;
import io.hakit.model.ops.MemberOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hakit drain}: take a server out of every farm of the deployment gracefully. */
@Command(name = "drain", mixinStandardHelpOptions = true,
        description = {"Take SERVER out of every farm of the deployment gracefully: the HL7 active role moves off it",
            "first, new connections go to the other server, existing ones finish; waits until they have.",
            "Refuses (exit 1, nothing changed) when SERVER is the last member up in a farm, unless --force.",
            "Devices: --vendor citrix|f5 --url URL --user U --password-env VAR [--ca PEM].",
            "IIS: --vendor iis --config applicationHost.config --out DIR writes the PowerShell (ARR's SetState).",
            "Exit 0: drained; 1: refused or failed (one line says the device's state); 2: usage."})
final class DrainCommand extends MemberCommand {

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long to wait for connections to finish, e.g. 90s, 0s to not wait (default: ${DEFAULT-VALUE}).")
    String waitFor;

    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "1s", hidden = true,
            description = "How often to read the connections (default: ${DEFAULT-VALUE}).")
    String poll;

    @Option(names = "--force", description = "Drain even when SERVER is the last member up in a farm.")
    boolean force;

    @Option(names = "--offline", description = "F5: after the wait, force the members offline (user-down).")
    boolean offline;

    @Override
    String verb() {
        return "drain";
    }

    @Override
    DrainOptions options(DrainListener listener) {
        return DrainOptions.builder().waitFor(DeviceOptions.duration("--wait", waitFor))
                .poll(DeviceOptions.duration("--poll", poll)).force(force).offline(offline).listener(listener).build();
    }

    @Override
    DrainResult run(MemberOperations ops, Deployment d, DrainOptions options) {
        return ops.drain(d, server, options);
    }

    @Override
    String script(IisAdapter iis, Deployment d, DrainOptions options) {
        return iis.drainScript(d, server, options);
    }
}
