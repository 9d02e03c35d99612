package io.hakit.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceTypeTest {

    @Test
    void theDistinctivePortsAreTheCatalogsPortsBut80And443() {
        assertThat(ServiceType.distinctivePorts()).containsExactly(7001, 7002, 7003, 7004, 7005, 7006, 7007, 2244,
                7008, 7009);
    }
}
