package io.hakit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.model.Vendor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ReferenceTopologiesTest {

    private static String withoutComments(String yaml) {
        return yaml.lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
    }

    @ParameterizedTest
    @EnumSource(value = Vendor.class, names = {"CITRIX", "F5"})
    void theBundledTopologyIsTheOneInExamples(Vendor vendor) throws IOException {
        String examples = Files.readString(Path.of("../examples/topologies/reference-" + vendor.key() + ".yaml"));
        assertThat(withoutComments(ReferenceTopologies.yaml(vendor))).isEqualTo(withoutComments(examples));
    }

    @Test
    void aVendorWithoutABundledTopologyIsRefused() {
        assertThatThrownBy(() -> ReferenceTopologies.yaml(Vendor.IIS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iis");
    }
}
