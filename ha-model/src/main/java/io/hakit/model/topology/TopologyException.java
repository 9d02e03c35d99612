package io.hakit.model.topology;

import io.hakit.model.HakitException;
import java.util.Optional;

/**
 * A topology file could not be read: it is missing, too large, malformed, or holds a key
 * or value hakit cannot take. The message is one line naming the file, the line and
 * column (when known) and the key, e.g.
 * {@code topology.yaml:12:5: services.fhir.prot: unknown key; did you mean 'port'?}.
 */
public class TopologyException extends HakitException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String key;

    /**
     * @param file the file (or source name)
     * @param line the 1-based line, or 0 when unknown
     * @param column the 1-based column, or 0 when unknown
     * @param key the key path, e.g. {@code services.fhir.port}, or {@code ""} for the whole file
     * @param problem what is wrong
     * @param cause the underlying failure, or {@code null}
     */
    public TopologyException(String file, int line, int column, String key, String problem, Throwable cause) {
        super(format(file, line, column, key, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.key = key == null ? "" : key;
    }

    private static String format(String file, int line, int column, String key, String problem) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ");
        if (key != null && !key.isEmpty()) {
            b.append(key).append(": ");
        }
        return b.append(problem).toString();
    }

    /** @return the file (or source name) */
    public String file() {
        return file;
    }

    /** @return the 1-based line, if known */
    public Optional<Integer> line() {
        return line > 0 ? Optional.of(line) : Optional.empty();
    }

    /** @return the 1-based column, if known */
    public Optional<Integer> column() {
        return column > 0 ? Optional.of(column) : Optional.empty();
    }

    /** @return the key path, or {@code ""} when the problem is the whole file */
    public String key() {
        return key;
    }
}
