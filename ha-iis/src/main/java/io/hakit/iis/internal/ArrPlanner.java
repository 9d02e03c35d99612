package io.hakit.iis.internal;

import io.hakit.iis.ArrConfig;
import io.hakit.iis.RewriteRule;
import io.hakit.iis.SiteBinding;
import io.hakit.iis.WebFarm;
import io.hakit.model.Vendor;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.ChangeOp;
import io.hakit.model.plan.Conflict;
import io.hakit.model.plan.Plan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Diffs what a file holds against what hakit wants, attribute by attribute with schema defaults
 * counted as set, into a vendor-neutral {@link Plan}: {@code webFarm} and {@code rule} creates,
 * updates and deletes, {@code binding} binds and updates. Objects hakit does not name are never in
 * it. Applying takes one file write and no device requests. Stateless.
 */
public final class ArrPlanner {

    /** The vendor of its plans. */
    public static final Vendor VENDOR = Vendor.IIS;
    /** What an update shows for an attribute that goes away (a member hakit does not list). */
    public static final String REMOVED = "(removed)";

    private ArrPlanner() {
    }

    /**
     * @param current what the file holds
     * @param desired what hakit wants
     * @param removedRules rules that must not exist
     * @return the plan; empty when the file already matches
     */
    public static Plan plan(ArrConfig current, ArrConfig desired, Collection<String> removedRules) {
        List<Change> changes = new ArrayList<>();
        Map<String, WebFarm> farms = new HashMap<>();
        current.farms().forEach(f -> farms.put(f.name().toLowerCase(Locale.ROOT), f));
        Map<String, RewriteRule> rules = new HashMap<>();
        current.rules().forEach(r -> rules.put(r.name().toLowerCase(Locale.ROOT), r));
        for (WebFarm f : desired.farms()) {
            Optional<WebFarm> c = Optional.ofNullable(farms.get(f.name().toLowerCase(Locale.ROOT)));
            if (c.isEmpty()) {
                changes.add(Change.create("webFarm", f.name(), ArrAttributes.of(f)));
            } else {
                update("webFarm", f.name(), ArrAttributes.of(c.get()), ArrAttributes.of(f)).ifPresent(changes::add);
            }
        }
        for (String name : removedRules) {
            Optional<RewriteRule> r = Optional.ofNullable(rules.get(name.toLowerCase(Locale.ROOT)));
            if (r.isPresent() && desired.rule(name).isEmpty()) {
                changes.add(Change.delete("rule", r.get().name(), ArrAttributes.of(r.get())));
            }
        }
        for (RewriteRule r : desired.rules()) {
            Optional<RewriteRule> c = Optional.ofNullable(rules.get(r.name().toLowerCase(Locale.ROOT)));
            if (c.isEmpty()) {
                changes.add(Change.create("rule", r.name(), ArrAttributes.of(r)));
            } else {
                update("rule", r.name(), ArrAttributes.of(c.get()), ArrAttributes.of(r)).ifPresent(changes::add);
            }
        }
        for (SiteBinding b : desired.bindings()) {
            Optional<SiteBinding> c = current.binding(b.site(), b.key());
            if (c.isEmpty()) {
                changes.add(Change.bind("binding", b.site() + " " + b.key(), ArrAttributes.of(b)));
            } else {
                update("binding", b.site() + " " + b.key(), ArrAttributes.of(c.get()), ArrAttributes.of(b))
                        .ifPresent(changes::add);
            }
        }
        return new Plan(VENDOR, changes, 0, orderConflicts(current, desired, removedRules));
    }

    /**
     * The rules in the order a merge (or either script) leaves them: new rules of hakit's at the top in the
     * rendered order, then the file's rules in their order (hakit's updated in place), without the removed
     * ones.
     *
     * @param current what the file holds
     * @param desired what hakit wants
     * @param removedRules rules that must not exist
     * @return the global rules after the merge
     */
    public static List<RewriteRule> orderAfterMerge(ArrConfig current, ArrConfig desired, Collection<String> removedRules) {
        List<RewriteRule> out = new ArrayList<>();
        for (RewriteRule r : desired.rules()) {
            if (current.rule(r.name()).isEmpty()) {
                out.add(r);
            }
        }
        for (RewriteRule r : current.rules()) {
            Optional<RewriteRule> mine = desired.rule(r.name());
            if (mine.isPresent()) {
                out.add(mine.get());
            } else if (removedRules.stream().noneMatch(r.name()::equalsIgnoreCase)) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<Conflict> orderConflicts(ArrConfig current, ArrConfig desired, Collection<String> removedRules) {
        List<Conflict> out = new ArrayList<>();
        for (RuleOrder.Shadow s : RuleOrder.shadows(orderAfterMerge(current, desired, removedRules),
                n -> desired.rule(n).isPresent())) {
            out.add(new Conflict(Conflict.Kind.SHADOWED, "rule", s.foreign().name(), s.message() + "; " + s.hint()));
        }
        return out;
    }

    private static Optional<Change> update(String type, String name, Map<String, Object> current,
            Map<String, Object> desired) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : desired.entrySet()) {
            Object was = current.get(e.getKey());
            if (!Objects.equals(was, e.getValue())) {
                if (was != null) {
                    before.put(e.getKey(), was);
                }
                after.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, Object> e : current.entrySet()) {
            if (!desired.containsKey(e.getKey())) {
                before.put(e.getKey(), e.getValue());
                after.put(e.getKey(), REMOVED);
            }
        }
        return after.isEmpty() ? Optional.empty() : Optional.of(new Change(ChangeOp.UPDATE, type, name, before, after));
    }
}
