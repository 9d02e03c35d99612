package io.hakit.examples.cli;

import io.hakit.examples.cli.vendor.RunningSimulator;
import io.hakit.examples.cli.vendor.SimulatorOptions;
import io.hakit.examples.cli.vendor.VendorSupport;
import io.hakit.examples.cli.vendor.Vendors;
import io.hakit.model.Ports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hakit simulate citrix|f5}: a stateful simulator of the device on loopback, until stopped. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run a stateful simulator of a Citrix ADC (NITRO) or F5 BIG-IP (iControl REST) on 127.0.0.1",
            "until stopped (Ctrl-C). Point plan/apply/audit at the URL it prints.",
            "Exit 0 when stopped; 2: the port is in use or the options are wrong."})
final class SimulateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "VENDOR", description = "citrix or f5.")
    String vendor;

    @Option(names = "--port", defaultValue = "0", description = "The port (default: any free one).")
    int port;

    @Option(names = "--user", defaultValue = "admin", description = "The user it accepts (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "The environment variable holding the password it accepts (default password: admin).")
    String passwordEnv;

    @Option(names = "--tls", paramLabel = "DIR", arity = "0..1", fallbackValue = ".",
            description = "Serve HTTPS with a throwaway CA; its certificate is written into DIR, at the path printed (default DIR: .).")
    Path tls;

    @Option(names = "--stop-after", paramLabel = "DURATION", description = "Stop by itself after this long, e.g. 10m (for scripts).")
    String stopAfter;

    @Option(names = "--verbose", description = "Show stack traces of unexpected errors.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        VendorSupport support = Vendors.of(vendor);
        if (port != 0) {
            Ports.check(port, "--port");
        }
        String password = "admin";
        if (passwordEnv != null) {
            password = DeviceOptions.environment.apply(passwordEnv);
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("--password-env " + passwordEnv + ": that environment variable is not set");
            }
        }
        Optional<Duration> limit = Optional.ofNullable(stopAfter).map(s -> DeviceOptions.duration("--stop-after", s));
        SimulatorOptions options = new SimulatorOptions(port, user, password, Optional.ofNullable(tls));
        RunningSimulator sim = support.simulate(options).orElseThrow(
                () -> new IllegalArgumentException("there is no simulator for " + vendor + "; try citrix or f5"));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "hakit-simulate-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s simulator listening on %s (user %s)%s%n", vendor, sim.url(), user,
                sim.caFile().map(ca -> "; trust " + ca + " with --ca").orElse(""));
        out.println("Stop it with Ctrl-C.");
        out.flush();
        try {
            if (limit.isPresent()) {
                stopped.await(limit.get().toMillis(), TimeUnit.MILLISECONDS);
            } else {
                stopped.await();
            }
        } finally {
            sim.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
        return Hakit.OK;
    }
}
