package io.hakit.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.model.Deployment;
import io.hakit.model.validate.ValidationReport;
import io.hakit.model.validate.Validator;
import org.junit.jupiter.api.Test;

/** The benchmark must measure a deployment that takes every path of a real one: valid, full farms. */
class SyntheticDeploymentsTest {

    @Test
    void aSyntheticDeploymentIsValidWithFullFarms() {
        SyntheticDeployments synthetic = new SyntheticDeployments();
        Deployment d = synthetic.deployment(synthetic.servers(5), SyntheticDeployments.services(40));

        ValidationReport report = Validator.standard().validate(d);

        assertThat(report.errors()).as(report.findings().toString()).isZero();
        assertThat(d.farms()).hasSize(40).allSatisfy(f -> assertThat(f.servers()).hasSize(5));
        assertThat(d.vips()).hasSize(40);
    }
}
