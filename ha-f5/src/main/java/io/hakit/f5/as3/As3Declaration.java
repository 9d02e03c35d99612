package io.hakit.f5.as3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * An AS3 request from {@link As3Renderer}: {@code "class":"AS3"}, action {@code deploy}, holding the ADC
 * declaration for the tenant {@link As3Renderer#TENANT}. The JSON is copied in and out, so the value is immutable
 * and thread-safe.
 *
 * @param json the request body as it is POSTed to {@code /mgmt/shared/appsvcs/declare} (a copy on each call)
 */
public record As3Declaration(ObjectNode json) {

    /** @throws NullPointerException when {@code json} is null */
    public As3Declaration {
        json = Objects.requireNonNull(json, "json").deepCopy();
    }

    /** @return a copy of the request body */
    @Override
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** @return the request body as indented JSON text (what {@code hakit render --vendor as3} writes) */
    public String toPrettyString() {
        return json.toPrettyString();
    }

    /** @return the request body as compact JSON text */
    @Override
    public String toString() {
        return json.toString();
    }
}
