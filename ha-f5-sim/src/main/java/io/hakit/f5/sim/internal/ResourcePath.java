package io.hakit.f5.sim.internal;

/**
 * Where a path below {@code /mgmt/tm/} points: a type's collection (level 0), one object (1),
 * one of its sub-collections (2) or an item of that sub-collection (3).
 */
final class ResourcePath {
    TypeSpec type;
    int level;
    String item;
    TypeSpec.SubSpec sub;
    String subItem;

    private ResourcePath() {
    }

    /**
     * @param rest the decoded path after {@code /mgmt/tm/}
     * @return where it points
     * @throws SimulatedF5Error 404 "not registered" when no type serves it
     */
    static ResourcePath parse(String rest) {
        ResourcePath tg = new ResourcePath();
        tg.type = Types.match(rest);
        if (tg.type == null) {
            throw notRegistered(rest);
        }
        String tail = rest.substring(tg.type.path().length());
        if (tail.startsWith("/")) {
            tail = tail.substring(1);
        }
        if (tail.endsWith("/")) {
            tail = tail.substring(0, tail.length() - 1);
        }
        String[] segs = tail.isEmpty() ? new String[0] : tail.split("/", -1);
        if (segs.length > 3) {
            throw notRegistered(rest);
        }
        tg.level = segs.length;
        if (segs.length >= 1) {
            tg.item = Names.fullPath(segs[0]);
        }
        if (segs.length >= 2) {
            tg.sub = tg.type.subs().get(segs[1]);
            if (tg.sub == null) {
                throw notRegistered(rest);
            }
        }
        if (segs.length == 3) {
            tg.subItem = tg.sub.partitioned() ? Names.fullPath(segs[2])
                    : (segs[2].startsWith("~") ? Names.nameOf(Names.fullPath(segs[2])) : segs[2]);
        }
        return tg;
    }

    private static SimulatedF5Error notRegistered(String rest) {
        return SimulatedF5Error.tmos(404, "URI path /mgmt/tm/" + rest + " not registered.  Please verify URI is supported and "
                + "wait for /available suffix to be responsive.", 1);
    }
}
