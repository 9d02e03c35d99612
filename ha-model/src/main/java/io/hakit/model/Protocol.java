package io.hakit.model;

/** How a service is reached. */
public enum Protocol {
    /** HTTPS only. */
    HTTPS,
    /** HTTP on the first port, HTTPS on the second (the Admin Console: 80 and 443). */
    HTTP_AND_HTTPS,
    /** Plain TCP carrying HL7 v2 over MLLP. */
    MLLP;

    /**
     * @param portIndex 0 for a service's first port, 1 for its second
     * @return whether that port speaks TLS
     */
    public boolean isTls(int portIndex) {
        switch (this) {
            case HTTPS:
                return true;
            case HTTP_AND_HTTPS:
                return portIndex == 1;
            default:
                return false;
        }
    }
}
