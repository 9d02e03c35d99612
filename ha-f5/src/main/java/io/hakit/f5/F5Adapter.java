package io.hakit.f5;

import io.hakit.f5.internal.Auditor;
import io.hakit.f5.internal.DeviceState;
import io.hakit.f5.internal.F5Applier;
import io.hakit.f5.internal.F5Scope;
import io.hakit.f5.internal.Planner;
import io.hakit.model.tls.TlsSettings;
import io.hakit.model.Deployment;
import io.hakit.model.Retry;
import io.hakit.model.Vendor;
import io.hakit.model.cert.Pem;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.LoadBalancerAdapter;
import io.hakit.model.plan.Ownership;
import io.hakit.model.plan.Plan;
import io.hakit.model.ops.DeviceMember;
import io.hakit.model.ops.DrainOptions;
import io.hakit.model.ops.DrainProcedure;
import io.hakit.model.ops.DrainResult;
import io.hakit.model.ops.MemberOperations;
import io.hakit.model.validate.AuditReport;
import java.io.IOException;
import io.hakit.model.device.DeviceBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * F5 BIG-IP as a {@link LoadBalancerAdapter}: reads the device with one GET per object type, plans attribute
 * by attribute, and applies the whole plan in <b>one iControl REST transaction</b> (certificate and key files
 * are uploaded just before it; uploads change no configuration). A commit the device rejects changes nothing
 * and the result carries the device's reason. Optionally validates only ({@code validateOnly}, for
 * {@code --dry-run}), saves the configuration and config-syncs to a device group, waiting for "In Sync".
 *
 * <p>Ownership: every object hakit creates carries {@code description = hakit:<deployment>}; certificate and
 * key files (which have no description) are recognised by the names hakit gives them ({@code ps-lb.crt},
 * {@code ps-lb.key}, {@code ps-trust-ca.crt}). Foreign objects are never changed or deleted; one in the way
 * is a conflict unless {@link Builder#adopt(boolean)}.
 *
 * <p>Not thread-safe: one plan or apply at a time. {@link #close()} deletes the session's token.
 */
public final class F5Adapter implements LoadBalancerAdapter, MemberOperations {

    /** How long to wait for "In Sync" after a config-sync by default: 5 minutes. */
    public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofMinutes(5);
    /** How often the sync status is polled by default: 3 s. */
    public static final Duration DEFAULT_SYNC_POLL = Duration.ofSeconds(3);

    private final IControlClient client;
    private final boolean ownsClient;
    private final F5Renderer renderer;
    private final boolean adopt;
    private final boolean save;
    private final Optional<String> syncGroup;
    private final boolean validateOnly;
    private final byte[] lbKey;
    private final BigIp bigIp;
    private final F5Applier applier;

    private F5Adapter(Builder b, IControlClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.renderer = b.renderer;
        this.adopt = b.adopt;
        this.save = b.save;
        this.syncGroup = b.syncGroup;
        this.validateOnly = b.validateOnly;
        this.lbKey = b.lbKey == null ? null : b.lbKey.clone();
        this.bigIp = BigIp.of(client);
        this.applier = new F5Applier(client, renderer::render, this::plan, new F5Applier.Settings(lbKey, save,
                syncGroup, validateOnly, b.syncTimeout, b.syncPoll));
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Vendor vendor() {
        return Vendor.F5;
    }

    /** @return the iControl session (for counting requests or direct calls) */
    public IControlClient client() {
        return client;
    }

    /** @return the fluent API over the same session */
    public BigIp bigIp() {
        return bigIp;
    }

    private Set<F5Type> readTypes() {
        EnumSet<F5Type> types = EnumSet.allOf(F5Type.class);
        types.remove(F5Type.SSL_KEY);
        if (!renderer.gtm()) {
            types.remove(F5Type.GTM_SERVER);
            types.remove(F5Type.GTM_POOL_A);
            types.remove(F5Type.GTM_WIDEIP_A);
        }
        return types;
    }

    private DeviceState read() {
        return DeviceState.read(readTypes(), bigIp::collection);
    }

    private int fixedRequests() {
        return 2 + (save ? 1 : 0) + (syncGroup.isPresent() ? 2 : 0);
    }

    @Override
    public Plan plan(Deployment deployment) {
        Objects.requireNonNull(deployment, "deployment");
        DeviceState state = read();
        return Planner.plan(renderer.render(deployment).objects(), state, Ownership.of(deployment), adopt,
                lbKey != null, fixedRequests(), expiry(deployment))
                .withWarnings(F5Members.operational(state.all(F5Type.POOL)));
    }

    /** @return the expiry (epoch seconds) of each certificate file hakit installs, by full path */
    private static Map<String, Long> expiry(Deployment d) {
        Map<String, Long> m = new HashMap<>();
        d.loadBalancer().certificate().ifPresent(c -> m.put(F5Names.fullPath(F5Names.COMMON, F5Renderer.LB_CERT),
                c.leaf().getNotAfter().toInstant().getEpochSecond()));
        d.trustCa().ifPresent(c -> m.put(F5Names.fullPath(F5Names.COMMON, F5Renderer.TRUST_CA),
                c.leaf().getNotAfter().toInstant().getEpochSecond()));
        return m;
    }

    @Override
    public ApplyResult apply(Deployment deployment, Plan plan, ApplyListener listener) {
        return applier.apply(deployment, plan, listener);
    }

    /** Judges the deployment's objects (or, without one, the PatientSecure objects found); see {@link #audit(Optional, boolean)}. */
    @Override
    public AuditReport audit(Optional<Deployment> deployment) {
        return audit(deployment, false);
    }

    /**
     * Reads the BIG-IP (one GET per type) and judges, by the guide's rules, the objects in scope: with {@code all},
     * every object; with a topology, its objects (its marker, the full paths hakit renders, its VIP addresses and
     * servers' nodes, and what they reference); without one, the PatientSecure virtual servers found (on the
     * catalog's distinctive ports, and the others on their addresses) and what they reference. The rest is
     * counted, never judged. The drift against the topology is planned as {@link #plan} plans it.
     */
    @Override
    public AuditReport audit(Optional<Deployment> deployment, boolean all) {
        Objects.requireNonNull(deployment, "deployment");
        DeviceState state = read();
        List<F5Object> rendered = deployment.map(d -> renderer.render(d).objects()).orElse(List.of());
        Optional<Plan> drift = deployment.map(d -> Planner.plan(rendered, state, Ownership.of(d), adopt,
                lbKey != null, fixedRequests(), expiry(d)));
        F5Scope scope = F5Scope.of(state, deployment, rendered, all);
        DeviceState judged = scope.filter(state);
        List<io.hakit.model.validate.Finding> findings = new java.util.ArrayList<>(Auditor.audit(judged, deployment));
        findings.addAll(F5Members.operational(judged.all(F5Type.POOL)));
        return new AuditReport(Vendor.F5, AuditReport.Source.DEVICE, scope.scope(), findings, drift,
                scope.outOfScope());
    }

    /**
     * Drains the server from every pool of the deployment: its pool members become {@code session: user-disabled}
     * (the HL7 pool's first, so the next priority group takes the active role), then waits on the members'
     * {@code serverside.curConns}; with {@link DrainOptions#offline()}, then {@code state: user-down}. See
     * {@link MemberOperations#drain}.
     */
    @Override
    public DrainResult drain(Deployment deployment, String server, DrainOptions options) {
        return DrainProcedure.drain(new F5Members(client), deployment, server, options);
    }

    /**
     * Enables again the server's pool members that drain took out (their description carries drain's mark, which
     * is removed); members disabled otherwise stay disabled. See {@link MemberOperations#enable}.
     */
    @Override
    public DrainResult enable(Deployment deployment, String server, DrainOptions options) {
        return DrainProcedure.enable(new F5Members(client), deployment, server, options);
    }

    /** Reads the deployment's members as the device has them now. See {@link MemberOperations#members}. */
    @Override
    public List<DeviceMember> members(Deployment deployment) {
        return new F5Members(client).read(deployment);
    }

    /** Deletes the session's token (when this adapter opened the session). Never throws. */
    @Override
    public void close() {
        if (lbKey != null) {
            Arrays.fill(lbKey, (byte) 0);
        }
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "F5Adapter[" + client.url() + ", adopt=" + adopt + ", save=" + save + ", syncGroup="
                + syncGroup.orElse("-") + ", validateOnly=" + validateOnly + "]";
    }

    /**
     * Builds an {@link F5Adapter}. The device options ({@code url}, {@code credentials}, {@code tls}/{@code ca},
     * {@code timeouts}, {@code retry}, {@code allowPlainHttp}, {@code insecureSkipVerify}) are
     * {@link DeviceBuilder}'s and go to the {@link IControlClient} the adapter opens. Not thread-safe.
     */
    public static final class Builder extends DeviceBuilder<Builder> {
        private IControlClient client;
        private F5Renderer renderer = F5Renderer.create();
        private boolean adopt;
        private boolean save;
        private Optional<String> syncGroup = Optional.empty();
        private boolean validateOnly;
        private Duration syncTimeout = DEFAULT_SYNC_TIMEOUT;
        private Duration syncPoll = DEFAULT_SYNC_POLL;
        private byte[] lbKey;

        private Builder() {
            super(IControlClient.DEFAULT_CONNECT_TIMEOUT, IControlClient.DEFAULT_RESPONSE_TIMEOUT,
                    IControlClient.DEFAULT_RETRY);
        }

        /**
         * @param retries retries of 503 / busy answers
         * @param backoff the first wait, doubled each retry
         * @return this builder
         */
        public Builder retries(int retries, Duration backoff) {
            if (retries < 0) {
                throw new IllegalArgumentException("retries must be at least 0, not " + retries);
            }
            return retry(Retry.backoff(retries, Objects.requireNonNull(backoff, "backoff")));
        }

        /**
         * Uses a session the caller opened (and closes). Replaces url/credentials/tls/timeouts.
         *
         * @param client the session
         * @return this builder
         */
        public Builder client(IControlClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @param renderer how deployments become objects (e.g. with GTM); default {@link F5Renderer#create()}
         * @return this builder
         */
        public Builder renderer(F5Renderer renderer) {
            this.renderer = Objects.requireNonNull(renderer, "renderer");
            return this;
        }

        /**
         * @param adopt take over foreign objects with the names hakit needs (they get the marker); default false
         * @return this builder
         */
        public Builder adopt(boolean adopt) {
            this.adopt = adopt;
            return this;
        }

        /**
         * @param save save the configuration after a commit ({@code sys config save}); default false
         * @return this builder
         */
        public Builder save(boolean save) {
            this.save = save;
            return this;
        }

        /**
         * @param deviceGroup config-sync to this device group after a commit and wait for "In Sync"
         * @return this builder
         */
        public Builder syncGroup(String deviceGroup) {
            this.syncGroup = Optional.of(Objects.requireNonNull(deviceGroup, "deviceGroup"));
            return this;
        }

        /**
         * @param timeout how long to wait for "In Sync"; default {@link #DEFAULT_SYNC_TIMEOUT}
         * @param poll how often to ask; default {@link #DEFAULT_SYNC_POLL}
         * @return this builder
         */
        public Builder syncWait(Duration timeout, Duration poll) {
            this.syncTimeout = Objects.requireNonNull(timeout, "timeout");
            this.syncPoll = Objects.requireNonNull(poll, "poll");
            return this;
        }

        /**
         * @param validateOnly commit with {@code validateOnly}: the device checks the whole transaction and changes
         *     nothing ({@code --dry-run}); default false
         * @return this builder
         */
        public Builder validateOnly(boolean validateOnly) {
            this.validateOnly = validateOnly;
            return this;
        }

        /**
         * @param keyPem the load balancer certificate's private key (PEM), read once now, uploaded only when the
         *     device lacks the certificate, never logged
         * @return this builder
         * @throws IllegalArgumentException when the file cannot be read or holds no private key
         */
        public Builder lbKey(Path keyPem) {
            Objects.requireNonNull(keyPem, "keyPem");
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(keyPem);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the load balancer key " + keyPem + ": "
                        + e.getClass().getSimpleName());
            }
            if (!new String(bytes, StandardCharsets.US_ASCII).contains("PRIVATE KEY-----")) {
                Arrays.fill(bytes, (byte) 0);
                throw new IllegalArgumentException(keyPem + " holds no PEM private key");
            }
            this.lbKey = bytes;
            return this;
        }

        /**
         * @return the adapter (no request is sent until the first plan)
         * @throws NullPointerException when neither a client nor url + credentials were given
         */
        public F5Adapter build() {
            if (client != null) {
                return new F5Adapter(this, client, false);
            }
            IControlClient.Builder clientBuilder = IControlClient.builder();
            copyDeviceOptionsTo(clientBuilder);
            return new F5Adapter(this, clientBuilder.build(), true);
        }
    }

}
