package io.hakit.examples.bench;

import io.hakit.model.Deployment;
import io.hakit.model.Server;
import io.hakit.model.Service;
import io.hakit.model.validate.ValidationReport;
import io.hakit.model.validate.Validator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Building (with every derived farm and VIP) and validating a synthetic deployment of
 * {@code services} × {@code servers}: the model's cost is linear in their product.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ValidateBenchmark {

    /** Services in the deployment. */
    @Param({"250", "500", "1000"})
    public int services;

    /** Application servers in the deployment. */
    @Param({"50"})
    public int servers;

    private SyntheticDeployments synthetic;
    private List<Server> serverList;
    private List<Service> serviceList;
    private final Validator validator = Validator.standard();

    /** Makes the servers' certificates and the services once. */
    @Setup
    public void setUp() {
        synthetic = new SyntheticDeployments();
        serverList = synthetic.servers(servers);
        serviceList = SyntheticDeployments.services(services);
    }

    /**
     * @return the report (returned so the JIT cannot drop the work)
     */
    @Benchmark
    public ValidationReport buildAndValidate() {
        Deployment d = synthetic.deployment(serverList, serviceList);
        return validator.validate(d);
    }
}
