package io.hakit.hl7;

import java.util.Objects;

/**
 * HL7 acknowledgement codes (MSA-1, HL7 table 0008): original mode AA/AE/AR and enhanced
 * mode commit codes CA/CE/CR.
 */
public enum AckCode {
    /** Application accept: delivered and processed. */
    AA,
    /** Application error: the receiver found an error processing the message. */
    AE,
    /** Application reject: the receiver refused the message. */
    AR,
    /** Commit accept (enhanced mode): committed to safe storage. */
    CA,
    /** Commit error (enhanced mode). */
    CE,
    /** Commit reject (enhanced mode). */
    CR;

    /**
     * Whether this code means the message was delivered (AA or CA).
     *
     * @return true for AA and CA
     */
    public boolean isAccept() {
        return this == AA || this == CA;
    }

    /**
     * Whether this code reports an error (AE or CE), which a sender may retry.
     *
     * @return true for AE and CE
     */
    public boolean isError() {
        return this == AE || this == CE;
    }

    /**
     * Whether this code reports a reject (AR or CR), which a sender hands back at once.
     *
     * @return true for AR and CR
     */
    public boolean isReject() {
        return this == AR || this == CR;
    }

    /**
     * Reads an MSA-1 value.
     *
     * @param text the code, for instance {@code "AA"} (case-insensitive, surrounding blanks ignored)
     * @return the code
     * @throws NullPointerException if {@code text} is null
     * @throws Hl7ParseException if it is not one of the six codes
     */
    public static AckCode parse(String text) {
        Objects.requireNonNull(text, "text");
        switch (text.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "AA": return AA;
            case "AE": return AE;
            case "AR": return AR;
            case "CA": return CA;
            case "CE": return CE;
            case "CR": return CR;
            default: throw new Hl7ParseException("MSA-1 acknowledgement code must be AA, AE, AR, CA, CE or CR, was '"
                    + text + "'");
        }
    }
}
