package io.hakit.iis;

import io.hakit.model.HakitException;

/**
 * An applicationHost.config that hakit cannot use: unreadable, read-only, not well-formed, not an
 * applicationHost.config, ARR or URL Rewrite not installed, a duplicate farm or rule, a bad value,
 * or a file changed or locked by another writer between hakit's read and its write. The message is
 * one line naming the file, the line and the element, e.g.
 * {@code applicationHost.config:812: webFarm 'PatientSecure Web Services': defined twice (first at line 790)}.
 * When this is thrown the file has not been changed.
 */
public class ConfigFileException extends HakitException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * @param file the file's name as given
     * @param line the 1-based line, or 0 when the problem is the whole file
     * @param message what is wrong, naming the element
     */
    public ConfigFileException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    /**
     * @param file the file's name as given
     * @param message what is wrong
     * @param cause the underlying failure
     */
    public ConfigFileException(String file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
        this.line = 0;
    }

    /** @return the file's name as given */
    public String file() {
        return file;
    }

    /** @return the 1-based line, or 0 when the problem is the whole file */
    public int line() {
        return line;
    }
}
