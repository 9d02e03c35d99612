/**
 * hakit IIS + ARR: the typed ARR / URL Rewrite / site-binding model, rendering from a
 * deployment, parsing and byte-preserving merge of applicationHost.config, plans, the
 * guide's audit, and appcmd / PowerShell / netsh scripts.
 */
module io.hakit.iis {
    requires transitive io.hakit.model;
    requires io.hakit.health;
    requires org.slf4j;
    requires java.xml;

    exports io.hakit.iis;

}
