/**
 * The hakit domain: the topology model, the PatientSecure service catalog, validators,
 * vendor-neutral plans, certificate inspection and topology files.
 */
module io.hakit.model {
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.slf4j;
    requires dev.failsafe.core;

    exports io.hakit.model;
    exports io.hakit.model.cert;
    exports io.hakit.model.device;
    exports io.hakit.model.ops;
    exports io.hakit.model.plan;
    exports io.hakit.model.spi;
    exports io.hakit.model.tls;
    exports io.hakit.model.topology;
    exports io.hakit.model.validate;

}
