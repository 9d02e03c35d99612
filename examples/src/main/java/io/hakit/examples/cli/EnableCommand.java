package io.hakit.examples.cli;

import io.hakit.iis.IisAdapter;
import io.hakit.model.Deployment;
import io.hakit.model.ops.DrainListener;
import io.hakit.model.ops.DrainOptions;
import io.hakit.model.ops.DrainResult;
import io.hakit.model.ops.MemberOperations;
import picocli.CommandLine.Command;

/** {@code hakit enable}: put back exactly what {@code hakit drain} changed. */
@Command(name = "enable", mixinStandardHelpOptions = true,
        description = {"Put back exactly what 'hakit drain' changed for SERVER: the members drain took out (it marks",
            "them on the device) are enabled again; members an operator disabled otherwise stay as they are.",
            "Devices: --vendor citrix|f5 --url URL --user U --password-env VAR [--ca PEM].",
            "IIS: --vendor iis --config applicationHost.config --out DIR writes the PowerShell (ARR's SetState Start).",
            "Exit 0: enabled; 1: failed (one line says the device's state); 2: usage."})
final class EnableCommand extends MemberCommand {

    @Override
    String verb() {
        return "enable";
    }

    @Override
    DrainOptions options(DrainListener listener) {
        return DrainOptions.builder().listener(listener).build();
    }

    @Override
    DrainResult run(MemberOperations ops, Deployment d, DrainOptions options) {
        return ops.enable(d, server, options);
    }

    @Override
    String script(IisAdapter iis, Deployment d, DrainOptions options) {
        return iis.enableScript(d, server);
    }
}
