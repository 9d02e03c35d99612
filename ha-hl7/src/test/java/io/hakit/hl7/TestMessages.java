package io.hakit.hl7;

/** Sample HL7 v2.5 messages written for these tests. */
public final class TestMessages {

    private TestMessages() {
    }

    /** An ADT^A01 (admit) with the given control ID. */
    public static Hl7Message adtA01(String controlId) {
        return adt("A01", controlId, "DOE^JOHN^Q", "");
    }

    /** An ADT message of the given trigger, patient name (XPN) and MSH-18 (may be empty). */
    public static Hl7Message adt(String trigger, String controlId, String name, String msh18) {
        String msh = "MSH|^~\\&|REGADT|GOOD HEALTH HOSPITAL|PSIS|PATIENTSECURE|20261125101500||ADT^" + trigger
                + "^ADT_A01|" + controlId + "|P|2.5" + (msh18.isEmpty() ? "" : "||||||" + msh18);
        return Hl7Message.parse(msh + "\r"
                + "EVN|" + trigger + "|20261125101500\r"
                + "PID|1||PAT" + controlId + "^^^GHH^MR||" + name + "||19700101|M|||1 MAIN ST^^SPRINGFIELD^IL^62701\r"
                + "PV1|1|I|2000^2012^01||||004777^ATTEND^AARON^A|||SUR||||ADM|A0|\r");
    }

    /** An ORU^R01 (lab result) with the given control ID. */
    public static Hl7Message oruR01(String controlId, String name, String msh18) {
        String msh = "MSH|^~\\&|LAB|GOOD HEALTH HOSPITAL|PSIS|PATIENTSECURE|20261125101500||ORU^R01^ORU_R01|"
                + controlId + "|P|2.5" + (msh18.isEmpty() ? "" : "||||||" + msh18);
        return Hl7Message.parse(msh + "\r"
                + "PID|1||PAT" + controlId + "^^^GHH^MR||" + name + "||19700101|F\r"
                + "OBR|1|ORD1|FIL1|24331-1^LIPID PANEL^LN|||20261125090000\r"
                + "OBX|1|NM|2093-3^CHOLESTEROL^LN||196|mg/dL|<200||||F\r"
                + "OBX|2|NM|2571-8^TRIGLYCERIDES^LN||150|mg/dL|<150|H|||F\r");
    }
}
