/**
 * hakit health tests.
 */
module io.hakit.health {
    requires transitive io.hakit.model;
    requires org.slf4j;
}
