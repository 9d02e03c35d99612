package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Function;

/** Installs a certificate or key file from an upload, as {@code sys/file/ssl-cert} and {@code sys/file/ssl-key} do. */
final class SslFileInstall {
    private static final String DOWNLOADS = "/var/config/rest/downloads/";

    private SslFileInstall() {
    }

    /**
     * Installs an uploaded file as an ssl-cert or ssl-key: its checksum and size, and what the
     * certificate or key says.
     *
     * @param files looks up an uploaded file by name
     * @param t {@code sys/file/ssl-cert} or {@code sys/file/ssl-key}
     * @param fp the object's full path
     * @param o the object, changed in place
     * @throws SimulatedF5Error when there is no source path or no such upload
     */
    static void install(Function<String, byte[]> files, TypeSpec t, String fp, ObjectNode o) {
        String src = F5SimJson.text(o.get("sourcePath"));
        if (src == null) {
            throw SimulatedF5Error.tmos(400, "A " + t.display() + " needs a sourcePath (" + fp + ").", 26214401);
        }
        String path = src.startsWith("file://") ? src.substring("file://".length()) : src;
        if (!path.startsWith(DOWNLOADS)) {
            throw SimulatedF5Error.tmos(400, "File not found: " + path + " (upload it to "
                    + "/mgmt/shared/file-transfer/uploads/ first).", 3);
        }
        byte[] bytes = files.apply(path.substring(DOWNLOADS.length()));
        if (bytes == null) {
            throw SimulatedF5Error.tmos(400, "File not found: " + path + " (upload it to "
                    + "/mgmt/shared/file-transfer/uploads/ first).", 3);
        }
        o.put("sourcePath", "file://" + path);
        String sha1;
        try {
            StringBuilder hex = new StringBuilder();
            for (byte b : MessageDigest.getInstance("SHA-1").digest(bytes)) {
                hex.append(String.format("%02x", b));
            }
            sha1 = hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        o.put("checksum", "SHA1:" + bytes.length + ":" + sha1);
        o.put("size", bytes.length);
        if (t.path().equals("sys/file/ssl-cert")) {
            Pem.describeCertificate(fp, bytes, o);
        } else {
            Pem.describeKey(fp, bytes, o.has("passphrase"), o);
            o.remove("passphrase");
        }
    }
}
