package io.hakit.examples.cli;

import io.hakit.model.Deployment;
import io.hakit.model.topology.TopologyLoader;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.ValidationReport;
import io.hakit.model.validate.Validator;
import java.nio.file.Path;

/** Loads a topology for the commands that act on it, refusing one with validation errors. */
final class Topologies {

    private Topologies() {
    }

    /**
     * @param file the topology file
     * @return the deployment
     * @throws InvalidTopologyException when it has errors (the command exits 1)
     * @throws io.hakit.model.topology.TopologyException when it cannot be read (exit 2)
     */
    static Deployment loadValid(Path file) {
        Deployment d = TopologyLoader.load(file);
        ValidationReport report = Validator.standard().validate(d);
        if (!report.isValid()) {
            Finding first = report.findings().get(0);
            throw new InvalidTopologyException(file + " has " + report.errors() + " error(s), e.g. " + first.rule()
                    + " at " + first.path() + ": " + first.message() + "; run 'hakit validate " + file + "'");
        }
        return d;
    }

    /** A topology that was read but has errors: exit 1. */
    static final class InvalidTopologyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidTopologyException(String message) {
            super(message);
        }
    }
}
