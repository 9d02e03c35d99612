/**
 * hakit f5 adapter (filled by the adapter issue).
 */
module io.hakit.f5 {
    requires transitive io.hakit.model;
    requires org.slf4j;
}
