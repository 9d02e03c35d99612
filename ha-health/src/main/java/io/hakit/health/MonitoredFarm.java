package io.hakit.health;

import io.hakit.model.Farm;
import io.hakit.model.HealthTest;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A farm to monitor: its name, its health test and its members. Immutable.
 *
 * @param name the farm's name, unique within a monitor, e.g. {@code web-services}
 * @param test the health test every member gets (its interval, time-out and minServers apply)
 * @param members the members, at least one, no duplicates
 */
public record MonitoredFarm(String name, HealthTest test, List<ProbeTarget> members) {

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException when there are no members or a member is listed twice
     */
    public MonitoredFarm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(test, "test");
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("farm '" + name + "' has no members");
        }
        if (new HashSet<>(members).size() != members.size()) {
            throw new IllegalArgumentException("farm '" + name + "' lists a member twice: " + members);
        }
    }

    /**
     * @param farm a farm derived from a deployment
     * @return the farm to monitor, named by its service
     * @throws IllegalArgumentException when the farm has no health test (HL7)
     */
    public static MonitoredFarm of(Farm farm) {
        Objects.requireNonNull(farm, "farm");
        HealthTest test = farm.healthTest().orElseThrow(() -> new IllegalArgumentException(
                "farm '" + farm.service() + "' has no HTTP health test"));
        return new MonitoredFarm(farm.service(), test, farm.members().stream().map(ProbeTarget::of).toList());
    }
}
