package io.hakit.citrix;

import io.hakit.citrix.internal.CitrixApplier;
import io.hakit.citrix.internal.CitrixAuditor;
import io.hakit.citrix.internal.CitrixPlanner;
import io.hakit.citrix.internal.CitrixScope;
import io.hakit.citrix.internal.DeviceState;
import io.hakit.model.tls.TlsSettings;
import io.hakit.model.Deployment;
import io.hakit.model.Vendor;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.LoadBalancerAdapter;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Citrix ADC as a {@link LoadBalancerAdapter}: plans (ten GETs, then attribute by attribute), applies all or
 * nothing (one {@code macroapi} request for the adds and binds, everything done undone on a failure) and audits
 * by the guide's rules, over one {@link NitroClient} session. Planner, applier and auditor are internal; this
 * adapter is their only entry. Closing it logs out. Thread-safe for reads; apply one plan at a time.
 *
 * <pre>{@code
 * try (CitrixAdapter adc = CitrixAdapter.builder().url(URI.create("https://adc.hospital.org"))
 *         .credentials("nsroot", password).tls(tls).lbKey(Path.of("lb.key")).save(true).build()) {
 *     Plan plan = adc.plan(deployment);
 *     ApplyResult result = adc.apply(deployment, plan, ApplyListener.NONE);
 * }
 * }</pre>
 */
public final class CitrixAdapter implements LoadBalancerAdapter, MemberOperations {

    private final NitroClient client;
    private final boolean adopt;
    private final boolean save;
    private final Optional<byte[]> lbKey;

    private CitrixAdapter(Builder b, NitroClient client) {
        this.client = client;
        this.adopt = b.adopt;
        this.save = b.save;
        this.lbKey = b.lbKey;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the NITRO client (for the fluent API and request counts) */
    public NitroClient client() {
        return client;
    }

    @Override
    public Vendor vendor() {
        return Vendor.CITRIX;
    }

    @Override
    public Plan plan(Deployment deployment) {
        return planner().plan(deployment, client);
    }

    private CitrixPlanner planner() {
        return CitrixPlanner.builder().adopt(adopt).keyGiven(lbKey.isPresent()).save(save).build();
    }

    @Override
    public ApplyResult apply(Deployment deployment, Plan plan, ApplyListener listener) {
        return new CitrixApplier(client, lbKey, save, this::plan).apply(deployment, plan, listener);
    }

    /** Judges the deployment's objects (or, without one, the PatientSecure objects found); see {@link #audit(Optional, boolean)}. */
    @Override
    public AuditReport audit(Optional<Deployment> deployment) {
        return audit(deployment, false);
    }

    /**
     * Reads the ADC (ten GETs) and judges, by the guide's rules, the objects in scope: with {@code all}, every
     * object; with a topology, its objects (its marker, the names hakit gives, its VIP addresses and servers, and
     * what they reference); without one, the PatientSecure virtual servers found (on the catalog's distinctive
     * ports, and the others on their addresses) and what they reference. The rest is counted, never judged. The
     * drift against the topology is planned as {@link #plan} plans it.
     */
    @Override
    public AuditReport audit(Optional<Deployment> deployment, boolean all) {
        DeviceState state = DeviceState.read(client);
        CitrixScope scope = CitrixScope.of(state, deployment, all);
        return new AuditReport(Vendor.CITRIX, AuditReport.Source.DEVICE, scope.scope(),
                CitrixAuditor.audit(scope.filter(state)), deployment.map(d -> planner().plan(d, state)),
                scope.outOfScope());
    }

    /**
     * Drains the server from every service group of the deployment: NITRO's graceful disable of its member (HL7's
     * single-member group first, so the backup virtual server takes over), then waits on
     * {@code stat/servicegroupmember}'s {@code cursrvrconnections}. See {@link MemberOperations#drain}.
     */
    @Override
    public DrainResult drain(Deployment deployment, String server, DrainOptions options) {
        return DrainProcedure.drain(new CitrixMembers(client), deployment, server, options);
    }

    /**
     * Enables again the server's members that drain disabled gracefully (those still carrying {@code graceful YES});
     * members disabled otherwise stay disabled. See {@link MemberOperations#enable}.
     */
    @Override
    public DrainResult enable(Deployment deployment, String server, DrainOptions options) {
        return DrainProcedure.enable(new CitrixMembers(client), deployment, server, options);
    }

    /** Reads the deployment's members as the device has them now. See {@link MemberOperations#members}. */
    @Override
    public List<DeviceMember> members(Deployment deployment) {
        return new CitrixMembers(client).read(deployment);
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "CitrixAdapter[" + client.url() + ", adopt=" + adopt + ", save=" + save + ", lbKey="
                + (lbKey.isPresent() ? "(given)" : "-") + "]";
    }

    /**
     * Builds a {@link CitrixAdapter}. The device options ({@code url}, {@code credentials}, {@code tls}/{@code ca},
     * {@code timeouts}, {@code retry}, {@code allowPlainHttp}, {@code insecureSkipVerify}) are
     * {@link DeviceBuilder}'s and go to the {@link NitroClient} the adapter opens. Not thread-safe.
     */
    public static final class Builder extends DeviceBuilder<Builder> {
        private NitroClient client;
        private boolean adopt;
        private boolean save;
        private Optional<byte[]> lbKey = Optional.empty();

        private Builder() {
            super(NitroClient.DEFAULT_CONNECT_TIMEOUT, NitroClient.DEFAULT_RESPONSE_TIMEOUT, NitroClient.DEFAULT_RETRY);
        }

        /**
         * @param client a client to use instead of url/credentials/tls/time-outs (it is closed with the adapter)
         * @return this builder
         */
        public Builder client(NitroClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @param adopt take over foreign objects with names hakit needs (they get the marker); default false
         * @return this builder
         */
        public Builder adopt(boolean adopt) {
            this.adopt = adopt;
            return this;
        }

        /**
         * @param save save the configuration after a successful apply; default false
         * @return this builder
         */
        public Builder save(boolean save) {
            this.save = save;
            return this;
        }

        /**
         * @param pem the load balancer certificate's private key (PEM); read now, once, never logged, sent only
         *     to the ADC when it lacks the certificate
         * @return this builder
         * @throws IllegalArgumentException when the file cannot be read or holds no private key
         */
        public Builder lbKey(Path pem) {
            Objects.requireNonNull(pem, "pem");
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(pem);
            } catch (IOException e) {
                throw new IllegalArgumentException("--lb-key " + pem + " cannot be read: " + e.getMessage(), e);
            }
            if (!new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).contains("PRIVATE KEY-----")) {
                throw new IllegalArgumentException("--lb-key " + pem + " holds no PEM private key");
            }
            this.lbKey = Optional.of(bytes);
            return this;
        }

        /**
         * @return the adapter (no request is sent yet)
         * @throws NullPointerException when neither a client nor url and credentials were given
         */
        public CitrixAdapter build() {
            if (client != null) {
                return new CitrixAdapter(this, client);
            }
            NitroClient.Builder clientBuilder = NitroClient.builder();
            copyDeviceOptionsTo(clientBuilder);
            return new CitrixAdapter(this, clientBuilder.build());
        }
    }
}
