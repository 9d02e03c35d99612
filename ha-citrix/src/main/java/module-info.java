/**
 * hakit citrix adapter (filled by the adapter issue).
 */
module io.hakit.citrix {
    requires transitive io.hakit.model;
    requires org.slf4j;
}
