package io.hakit.rest.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A test SLF4J provider that turns every logger to TRACE and records every message, its arguments
 * formatted in and any throwable's messages and stack trace appended, so a test can prove a secret never
 * reached a logger at any level, whatever logging a user configures. Selected with the system property
 * {@code slf4j.provider=io.hakit.rest.testing.CapturingLogs} (set by the surefire executions that need it).
 */
public final class CapturingLogs implements SLF4JServiceProvider {

    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();
    private static volatile boolean active;

    private final ConcurrentHashMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();

    /** Needed by the service loader. */
    public CapturingLogs() {
    }

    /** @return whether SLF4J is bound to this provider in this JVM */
    public static boolean active() {
        org.slf4j.LoggerFactory.getILoggerFactory(); // SLF4J binds lazily, on first use
        return active;
    }

    /** @return every line recorded so far: {@code LEVEL logger message [throwable]} */
    public static List<String> lines() {
        return new ArrayList<>(LINES);
    }

    /** Forgets the lines recorded so far. */
    public static void clear() {
        LINES.clear();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return name -> loggers.computeIfAbsent(name, Capturing::new);
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        active = true;
    }

    private static final class Capturing extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        Capturing(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern,
                Object[] arguments, Throwable throwable) {
            StringBuilder b = new StringBuilder().append(level).append(' ').append(name).append(' ')
                    .append(MessageFormatter.basicArrayFormat(messagePattern, arguments));
            if (throwable != null) {
                StringWriter w = new StringWriter();
                throwable.printStackTrace(new PrintWriter(w));
                b.append(' ').append(w);
            }
            LINES.add(b.toString());
        }
    }
}
