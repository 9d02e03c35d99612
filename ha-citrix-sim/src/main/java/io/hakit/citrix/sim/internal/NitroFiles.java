package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;
import static io.hakit.citrix.sim.internal.NitroValues.F;
import static io.hakit.citrix.sim.internal.NitroValues.required;
import static io.hakit.citrix.sim.internal.NitroValues.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ADC's files ({@code systemfile}): upload (base64 only, no overwrite: errorcode 1642), delete
 * and list by directory, as NITRO does them. Not thread-safe.
 */
final class NitroFiles {
    /** full path to {filename, filelocation, filecontent, fileencoding}, the table's */
    private final TreeMap<String, ObjectNode> files;

    NitroFiles(ResourceTable table) {
        this.files = table.files();
    }

    /**
     * Uploads a file ({@code systemfile} add).
     *
     * @param item filename, filelocation, filecontent (base64) and fileencoding
     */
    void upload(ObjectNode item) {
        Iterator<String> names = item.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!List.of("filename", "filelocation", "filecontent", "fileencoding").contains(n)) {
                throw error(NitroErrorCodes.INVALID_ARGUMENT, n);
            }
        }
        String name = required(item, "filename");
        String given = required(item, "filelocation");
        String location = location(given);
        String content = required(item, "filecontent");
        String encoding = text(item, "fileencoding") == null ? "BASE64" : text(item, "fileencoding");
        if (!encoding.equalsIgnoreCase("BASE64")) {
            throw error(NitroErrorCodes.INVALID_VALUE, "fileencoding", encoding);
        }
        if (name.contains("/")) {
            throw error(NitroErrorCodes.INVALID_VALUE, "filename", name);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            throw error(NitroErrorCodes.INVALID_VALUE, "filecontent");
        }
        String path = location + name;
        if (files.containsKey(path)) {
            throw error(NitroErrorCodes.FILE_EXISTS);
        }
        ObjectNode f = F.objectNode().put("filename", name).put("filelocation", given)
                .put("filecontent", Base64.getEncoder().encodeToString(bytes)).put("fileencoding", "BASE64");
        files.put(path, f);
    }

    private static String location(String l) {
        if (!l.startsWith("/")) {
            throw error(NitroErrorCodes.INVALID_VALUE, "filelocation", l);
        }
        return l.endsWith("/") ? l : l + "/";
    }

    /**
     * @param name the file name
     * @param args {@code filelocation} (required)
     */
    void delete(String name, Map<String, String> args) {
        String path = location(required(args, "filelocation")) + name;
        if (files.remove(path) == null) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "fileName", name);
        }
    }

    /**
     * Reads files the way {@code GET systemfile[/<name>]?args=filelocation:<dir>[,filename:<name>]} does.
     *
     * @param pathName the name from the URL path ({@code systemfile/<name>}), or {@code null}
     * @param args {@code filelocation} (required) and optionally {@code filename}
     * @return the files, content included only when one file is named; {@code filelocation} as uploaded
     */
    ArrayNode list(String pathName, Map<String, String> args) {
        String location = location(required(args, "filelocation"));
        String name = args.get("filename");
        if (pathName != null) {
            if (name != null && !name.equals(pathName)) {
                throw error(NitroErrorCodes.INVALID_VALUE, "filename", name);
            }
            name = pathName;
        }
        ArrayNode out = F.arrayNode();
        for (ObjectNode f : files.values()) {
            if (!location.equals(location(text(f, "filelocation"))) || name != null && !name.equals(text(f, "filename"))) {
                continue;
            }
            ObjectNode r = f.deepCopy();
            r.put("filesize", String.valueOf(Base64.getDecoder().decode(text(f, "filecontent")).length));
            if (name == null) {
                r.remove("filecontent");
            }
            out.add(r);
        }
        if (name != null && out.isEmpty()) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "fileName", name);
        }
        return out;
    }
}
