/**
 * hakit iis adapter (filled by the adapter issue).
 */
module io.hakit.iis {
    requires transitive io.hakit.model;
    requires org.slf4j;
}
