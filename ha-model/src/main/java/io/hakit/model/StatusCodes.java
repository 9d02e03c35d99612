package io.hakit.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A set of acceptable HTTP status codes, written as ranges and single codes:
 * {@code 200-399}, {@code 200,302}, {@code 200-299,302}. Immutable and thread-safe.
 * Ranges are merged and kept in order, so equal sets are {@link #equals equal} and print
 * the same way.
 */
public final class StatusCodes {

    /** The lowest valid HTTP status code. */
    public static final int MIN_CODE = 100;
    /** The highest valid HTTP status code. */
    public static final int MAX_CODE = 599;

    /** A closed range of codes. */
    private record Range(int from, int to) {
        @Override
        public String toString() {
            return from == to ? Integer.toString(from) : from + "-" + to;
        }
    }

    private final List<Range> ranges;

    private StatusCodes(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Parses a status-code specification.
     *
     * @param spec e.g. {@code 200-399} or {@code 200,302}
     * @return the set
     * @throws IllegalArgumentException naming the spec and what is wrong with it (HC-004)
     */
    public static StatusCodes parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        Optional<String> problem = problem(spec);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        List<Range> parsed = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-');
            if (dash < 0) {
                int code = Integer.parseInt(p);
                parsed.add(new Range(code, code));
            } else {
                parsed.add(new Range(Integer.parseInt(p.substring(0, dash).strip()),
                        Integer.parseInt(p.substring(dash + 1).strip())));
            }
        }
        return new StatusCodes(merge(parsed));
    }

    /**
     * Says what is wrong with a specification, without throwing.
     *
     * @param spec a specification to check
     * @return a message naming the problem, or empty when {@code spec} is well formed
     */
    public static Optional<String> problem(String spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.isBlank()) {
            return Optional.of("status codes '" + spec + "' are empty; write e.g. 200-399 or 200,302");
        }
        for (String part : spec.split(",", -1)) {
            String p = part.strip();
            if (!p.matches("\\d{3}(\\s*-\\s*\\d{3})?")) {
                return Optional.of("status codes '" + spec + "': '" + p
                        + "' is not a code or a range of codes; write e.g. 200-399 or 200,302");
            }
            String[] ends = p.split("-");
            int from = Integer.parseInt(ends[0].strip());
            int to = Integer.parseInt(ends[ends.length - 1].strip());
            if (from < MIN_CODE || to > MAX_CODE) {
                return Optional.of("status codes '" + spec + "': '" + p + "' is outside "
                        + MIN_CODE + "-" + MAX_CODE);
            }
            if (from > to) {
                return Optional.of("status codes '" + spec + "': range '" + p + "' runs backwards");
            }
        }
        return Optional.empty();
    }

    /**
     * @param from the first code
     * @param to the last code, inclusive
     * @return the range
     * @throws IllegalArgumentException when the range is empty or outside 100-599
     */
    public static StatusCodes range(int from, int to) {
        return parse(from + "-" + to);
    }

    private static List<Range> merge(List<Range> in) {
        List<Range> sorted = new ArrayList<>(in);
        sorted.sort(Comparator.comparingInt(Range::from));
        List<Range> out = new ArrayList<>();
        for (Range r : sorted) {
            if (!out.isEmpty() && r.from() <= out.get(out.size() - 1).to() + 1) {
                Range last = out.remove(out.size() - 1);
                out.add(new Range(last.from(), Math.max(last.to(), r.to())));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * @param status an HTTP status
     * @return whether it is acceptable
     */
    public boolean contains(int status) {
        for (Range r : ranges) {
            if (status >= r.from() && status <= r.to()) {
                return true;
            }
        }
        return false;
    }

    /** @return the lowest acceptable code */
    public int min() {
        return ranges.get(0).from();
    }

    /** @return the highest acceptable code */
    public int max() {
        return ranges.get(ranges.size() - 1).to();
    }

    /** @return whether the set is one contiguous range */
    public boolean isContiguous() {
        return ranges.size() == 1;
    }

    /** @return every acceptable code, in order */
    public List<Integer> codes() {
        List<Integer> codes = new ArrayList<>();
        for (Range r : ranges) {
            for (int c = r.from(); c <= r.to(); c++) {
                codes.add(c);
            }
        }
        return List.copyOf(codes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatusCodes && ((StatusCodes) o).ranges.equals(ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    /** @return the canonical specification, e.g. {@code 200-399} or {@code 200,302} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Range r : ranges) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(r);
        }
        return b.toString();
    }
}
