package io.hakit.hl7.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.hl7.spi.Outbox;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOutboxTest {

    @TempDir
    Path dir;

    @Test
    void keepsWhatWasAddedAndNotRemovedAcrossReopening() {
        Path file = dir.resolve("outbox.journal");
        try (Outbox o = Outbox.journal(file)) {
            long a = o.add("MSH|A\r");
            long b = o.add("MSH|B \u00e9\r");
            o.add("MSH|C\r");
            o.remove(a);
            assertThat(b).isGreaterThan(a);
        }
        try (Outbox o = Outbox.journal(file)) {
            assertThat(o.pending()).extracting(Outbox.Entry::message).containsExactly("MSH|B \u00e9\r", "MSH|C\r");
            long d = o.add("MSH|D\r");
            assertThat(d).isGreaterThan(o.pending().get(1).id());
        }
    }

    @Test
    void ignoresATornTailLeftByACrash() throws Exception {
        Path file = dir.resolve("torn.journal");
        try (Outbox o = Outbox.journal(file)) {
            o.add("MSH|KEEP\r");
        }
        Files.write(file, new byte[] {'A', 0, 0, 0}, StandardOpenOption.APPEND);
        try (Outbox o = Outbox.journal(file)) {
            assertThat(o.pending()).extracting(Outbox.Entry::message).containsExactly("MSH|KEEP\r");
            o.add("MSH|NEXT\r");
        }
        try (Outbox o = Outbox.journal(file)) {
            assertThat(o.pending()).extracting(Outbox.Entry::message).containsExactly("MSH|KEEP\r", "MSH|NEXT\r");
        }
    }

    @Test
    void compactsWhenRemovalsDominate() throws Exception {
        Path file = dir.resolve("big.journal");
        String big = "MSH|" + "x".repeat(8000) + "\r";
        try (Outbox o = Outbox.journal(file)) {
            for (int i = 0; i < 700; i++) {
                o.remove(o.add(big));
            }
            o.add("MSH|LAST\r");
        }
        assertThat(Files.size(file)).isLessThan(4L << 20);
        try (Outbox o = Outbox.journal(file)) {
            assertThat(o.pending()).extracting(Outbox.Entry::message).containsExactly("MSH|LAST\r");
        }
    }

    @Test
    void refusesASecondUserOfTheSameJournal() {
        Path file = dir.resolve("locked.journal");
        try (Outbox o = Outbox.journal(file)) {
            assertThatThrownBy(() -> Outbox.journal(file)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("in use");
        }
    }

    @Test
    void inMemoryOutboxKeepsOrder() {
        Outbox o = Outbox.inMemory();
        long a = o.add("1");
        o.add("2");
        o.add("3");
        o.remove(a);
        assertThat(o.pending()).extracting(Outbox.Entry::message).containsExactly("2", "3");
    }
}
