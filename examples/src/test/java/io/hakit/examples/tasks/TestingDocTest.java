package io.hakit.examples.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/testing.md shows the user's JUnit test that the build runs; they must not drift apart. */
class TestingDocTest {

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("marker %s", start).isNotNegative();
        from += start.length();
        int to = text.indexOf(end, from);
        assertThat(to).as("marker %s", end).isNotNegative();
        return text.substring(from, to);
    }

    @Test
    void theSnippetInDocsTestingIsTheTestTheBuildRuns() throws IOException {
        String test = Files.readString(Path.of("src/test/java/io/hakit/examples/tasks/SimulatorsInYourJUnitTest.java"));
        String doc = Files.readString(Path.of("../docs/testing.md"));

        String code = between(test, "// tag::user-test[]\n", "// end::user-test[]");
        String snippet = between(doc, "```java\n", "```");

        assertThat(snippet).isEqualTo(code).contains("@F5SimulatorTest");
    }
}
