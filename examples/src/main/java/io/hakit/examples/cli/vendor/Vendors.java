package io.hakit.examples.cli.vendor;

import java.util.List;
import java.util.stream.Collectors;

/** Every vendor the command line supports, by {@code --vendor} key. */
public final class Vendors {

    private static final List<VendorSupport> ALL = List.of(
            new MermaidSupport(),
            new IisSupport(),
            new CitrixSupport(),
            new F5Support(), new As3Support()
    );

    private Vendors() {
    }

    /** @return every supported vendor */
    public static List<VendorSupport> all() {
        return ALL;
    }

    /**
     * @param key a {@code --vendor} key
     * @return its support
     * @throws IllegalArgumentException naming the valid keys when there is none
     */
    public static VendorSupport of(String key) {
        for (VendorSupport v : ALL) {
            if (v.key().equalsIgnoreCase(key)) {
                return v;
            }
        }
        throw new IllegalArgumentException("--vendor " + key + " is not one of "
                + ALL.stream().map(VendorSupport::key).collect(Collectors.joining(", ")));
    }
}
