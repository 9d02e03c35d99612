package io.hakit.iis;

import io.hakit.iis.internal.ArrAuditor;
import io.hakit.iis.internal.ArrPlanner;
import io.hakit.iis.internal.ArrScope;
import io.hakit.model.ConflictException;
import io.hakit.model.Deployment;
import io.hakit.model.Vendor;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.LoadBalancerAdapter;
import io.hakit.model.plan.Plan;
import io.hakit.model.validate.AuditReport;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IIS + Application Request Routing as a {@link LoadBalancerAdapter}, working on an
 * {@code applicationHost.config} file: {@link #plan} parses the file and diffs it against the
 * deployment; {@link #apply} merges hakit's farms, rules and bindings into it byte-preservingly
 * ({@link ApplicationHostConfig#merge}), after a timestamped backup, replacing the file atomically
 * (0 device requests, 1 write when the file changes); {@link #audit} judges the file by the guide's
 * rules ({@link AuditReport.Source#FILE}).
 *
 * <p>Ownership: IIS farms, rewrite rules and bindings have no comment or description attribute, so
 * hakit recognises its objects by the names it gives them: the guide's farm names, the rules
 * {@code ARR_<farm>_loadbalance_SSL} (and, for the Admin Console, {@code ARR_<farm>_loadbalance}),
 * and the Default Web Site bindings of the published ports. A same-named object that differs is
 * updated; nothing else in the file is touched. The one conflict an IIS plan can have is rule order: a
 * foreign global rule above one of hakit's that stops processing and can match its requests
 * ({@link io.hakit.model.plan.Conflict.Kind#SHADOWED}); hakit does not move rules it does not own.
 *
 * <p>Thread-safe; every call reads the file afresh. {@link #close()} does nothing.
 */
public final class IisAdapter implements LoadBalancerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(IisAdapter.class);

    private final Path config;
    private final Optional<Path> backupDirectory;
    private final Clock clock;

    private IisAdapter(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config");
        this.backupDirectory = Optional.ofNullable(b.backupDirectory);
        this.clock = b.clock;
    }

    /** @return a builder; {@link Builder#config(Path)} is required */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Vendor vendor() {
        return Vendor.IIS;
    }

    /** @return the applicationHost.config this adapter works on */
    public Path config() {
        return config;
    }

    /**
     * @throws ConfigFileException when the file cannot be read or is not a usable applicationHost.config
     */
    @Override
    public Plan plan(Deployment deployment) {
        Objects.requireNonNull(deployment, "deployment");
        return plan(deployment, ApplicationHostConfig.read(config));
    }

    /**
     * Plans against a file already read (no I/O): what {@link #plan(Deployment)} does after reading.
     *
     * @param deployment the deployment
     * @param file the applicationHost.config as read
     * @return the plan; empty when the file already matches
     */
    public static Plan plan(Deployment deployment, ApplicationHostConfig file) {
        return ArrPlanner.plan(file.arr(), ArrConfigRenderer.render(deployment),
                ArrConfigRenderer.removedRules(deployment));
    }

    /**
     * The PowerShell that drains {@code server} from the deployment's farms of this adapter's file through ARR's
     * runtime {@code SetState} (see {@link ArrDrainScripts#drain}). Nothing is changed here.
     *
     * @param deployment the deployment
     * @param server the server to drain
     * @param options wait, poll and force become the script's defaults
     * @return the script ({@code .ps1})
     * @throws ConfigFileException when the file cannot be read
     * @throws IllegalArgumentException when the server is in none of the deployment's farms in the file
     */
    public String drainScript(Deployment deployment, String server, io.hakit.model.ops.DrainOptions options) {
        return ArrDrainScripts.drain(deployment, ApplicationHostConfig.read(config).arr(), server, options);
    }

    /**
     * The PowerShell that puts back what the drain script changed (see {@link ArrDrainScripts#enable}).
     *
     * @param deployment the deployment
     * @param server the server to enable
     * @return the script ({@code .ps1})
     * @throws ConfigFileException when the file cannot be read
     * @throws IllegalArgumentException when the server is in none of the deployment's farms in the file
     */
    public String enableScript(Deployment deployment, String server) {
        return ArrDrainScripts.enable(deployment, ApplicationHostConfig.read(config).arr(), server);
    }

    /**
     * Merges the deployment's objects into the file. The file is read again first: when it no longer
     * gives the same plan (someone changed it since), nothing is written.
     *
     * @throws ConflictException when the plan has conflicts (a foreign rule shadowing one of hakit's)
     * @throws ConfigFileException when the file changed since the plan, is read-only, locked, or changed
     *     while being written; the file is then unchanged
     */
    @Override
    public ApplyResult apply(Deployment deployment, Plan plan, ApplyListener listener) {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(listener, "listener");
        if (!plan.isApplicable()) {
            throw new ConflictException(409, "", plan.conflicts().size() + " conflicts stop the plan",
                    config.toString(), "apply");
        }
        ApplicationHostConfig file = ApplicationHostConfig.read(config);
        Plan now = plan(deployment, file);
        if (!now.changes().equals(plan.changes())) {
            throw new ConfigFileException(config.toString(), 0, "changed since the plan was made (" + now.changes().size()
                    + " changes now, " + plan.changes().size() + " planned); nothing was written: plan again");
        }
        if (plan.changes().isEmpty()) {
            return new ApplyResult(plan, ApplyResult.Outcome.NOTHING_TO_DO, List.of(), List.of(), 0, Optional.empty(),
                    0);
        }
        byte[] merged = file.merge(ArrConfigRenderer.render(deployment), ArrConfigRenderer.removedRules(deployment));
        List<Change> changes = plan.changes();
        for (int i = 0; i < changes.size(); i++) {
            listener.starting(changes.get(i), i, changes.size());
        }
        try {
            Path backup = file.replace(merged, backupDirectory, clock);
            LOG.debug("merged {} changes into {}; backup {}", changes.size(), config, backup);
        } catch (RuntimeException e) {
            listener.failed(changes.get(0), e);
            throw e;
        }
        changes.forEach(listener::applied);
        return new ApplyResult(plan, ApplyResult.Outcome.APPLIED, changes, List.of(), 1, Optional.empty(), 0);
    }

    /**
     * @throws ConfigFileException when the file cannot be read or is not a usable applicationHost.config
     */
    @Override
    public AuditReport audit(Optional<Deployment> deployment) {
        return audit(deployment, false);
    }

    /**
     * Judges the file in a scope (DESIGN.md, "Scope on a shared device"): with a topology, the farms hakit
     * renders for it and the rules it writes, removes or that forward to those farms
     * ({@link AuditReport.Scope#DEPLOYMENT}); without one, the PatientSecure farms found (catalog names,
     * or the catalog's distinctive ports on members or rule conditions) and their rules
     * ({@link AuditReport.Scope#FOUND}); with {@code all}, every farm and rule ({@link AuditReport.Scope#ALL}).
     * Other farms and rules are listed in {@link AuditReport#outOfScope()} and never judged. A foreign rule
     * above one in scope that stops processing and can match its requests is an ARR-003 error.
     *
     * @throws ConfigFileException when the file cannot be read or is not a usable applicationHost.config
     */
    @Override
    public AuditReport audit(Optional<Deployment> deployment, boolean all) {
        Objects.requireNonNull(deployment, "deployment");
        ApplicationHostConfig file = ApplicationHostConfig.read(config);
        ArrScope scope = ArrScope.of(file.arr(), deployment, all);
        return new AuditReport(ArrPlanner.VENDOR, AuditReport.Source.FILE, scope.scope(),
                ArrAuditor.audit(file.arr(), deployment, scope), deployment.map(d -> plan(d, file)),
                scope.outOfScope());
    }

    /** Does nothing: a file needs no session. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "IisAdapter[" + config + "]";
    }

    /** Builds an {@link IisAdapter}; not thread-safe. */
    public static final class Builder {
        private Path config;
        private Path backupDirectory;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param config the applicationHost.config to plan against, merge into and audit (required)
         * @return this builder
         */
        public Builder config(Path config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * @param backupDirectory where apply writes the timestamped backup; default the file's own directory
         * @return this builder
         */
        public Builder backupDirectory(Path backupDirectory) {
            this.backupDirectory = Objects.requireNonNull(backupDirectory, "backupDirectory");
            return this;
        }

        /**
         * @param clock the clock for backup timestamps; default UTC system time
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the adapter
         * @throws NullPointerException when no config file was given
         */
        public IisAdapter build() {
            return new IisAdapter(this);
        }
    }
}
