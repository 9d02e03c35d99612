package io.hakit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

    static final List<String> KEYS = List.of("name", "environment", "loadBalancer", "serverConsole", "servers",
            "trust", "services");

    @ParameterizedTest
    @CsvSource({"loadBalncer,loadBalancer", "loadbalancer,loadBalancer", "enviroment,environment",
        "server,servers", "service,services", "serverconsol,serverConsole", "trsut,trust"})
    void suggestsTheClosestValidWord(String typo, String expected) {
        assertThat(Suggestions.closest(typo, KEYS)).contains(expected);
    }

    @Test
    void suggestsNothingWhenNothingIsClose() {
        assertThat(Suggestions.closest("zzzzzzzz", KEYS)).isEmpty();
        assertThat(Suggestions.closest("x", List.of())).isEmpty();
    }

    @Test
    void shortWordsAllowTwoEdits() {
        assertThat(Suggestions.closest("pot", List.of("port", "ports"))).contains("port");
        assertThat(Suggestions.closest("xyz", List.of("port"))).isEmpty();
    }

    @Test
    void distanceIsLevenshtein() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("abc", "abc")).isZero();
        assertThat(Suggestions.distance("ab", "ba")).isEqualTo(2);
    }
}
