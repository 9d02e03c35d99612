package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Chunked file uploads to {@code /var/config/rest/downloads/}, as the file-transfer worker takes them. Not thread-safe. */
final class Uploads {
    private static final Pattern RANGE = Pattern.compile("\\s*(?:bytes\\s+)?(\\d+)-(\\d+)/(\\d+)\\s*");

    private final DeviceClock clock;
    private final OperationIds ids;
    private final Map<String, byte[]> uploads = new HashMap<>();

    /**
     * @param clock stamps the answers
     * @param ids numbers the error bodies
     */
    Uploads(DeviceClock clock, OperationIds ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * {@code POST /mgmt/shared/file-transfer/uploads/<name>}: one chunk, placed by its {@code Content-Range}.
     *
     * @param r the request
     * @param name the file name
     * @return the answer
     */
    SimResponse upload(SimRequest r, String name) {
        if (name.isEmpty() || name.contains("/")) {
            throw SimulatedF5Error.rest(400, "Invalid upload file name", r.remote(), ids.next());
        }
        String range = r.header("Content-Range");
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (m == null || !m.matches()) {
            throw SimulatedF5Error.rest(400, "Content-Range header is required: start-end/total", r.remote(), ids.next());
        }
        long start = Long.parseLong(m.group(1));
        long end = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        byte[] chunk = r.body();
        if (end < start || end - start + 1 != chunk.length || end >= total) {
            throw SimulatedF5Error.rest(400, "Content-Range " + range + " does not match the " + chunk.length + " bytes sent",
                    r.remote(), ids.next());
        }
        byte[] current = start == 0 ? new byte[0] : uploads.getOrDefault(name, new byte[0]);
        if (start != current.length) {
            throw SimulatedF5Error.rest(400, "Content-Range " + range + " does not continue the upload of " + name + " ("
                    + current.length + " bytes so far)", r.remote(), ids.next());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(current, 0, current.length);
        out.write(chunk, 0, chunk.length);
        uploads.put(name, out.toByteArray());
        ObjectNode o = F5SimJson.object();
        o.put("remainingByteCount", total - end - 1);
        o.putObject("usedChunks").put(String.valueOf(start), chunk.length);
        o.put("totalByteCount", total);
        o.put("localFilePath", "/var/config/rest/downloads/" + name);
        o.put("temporaryFilePath", "/var/config/rest/downloads/tmp/" + name);
        o.put("generation", 0);
        o.put("lastUpdateMicros", clock.nowMicros());
        return SimResponse.json(200, o);
    }

    /**
     * @param name a file name
     * @return the bytes uploaded under it so far, or {@code null}
     */
    byte[] bytes(String name) {
        return uploads.get(name);
    }
}
