package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One answer.
 *
 * @param status the HTTP status
 * @param contentType the content type
 * @param body the body bytes
 * @param headers extra response headers
 */
public record SimResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    /** Content type of every JSON answer. */
    public static final String JSON = "application/json; charset=UTF-8";

    /**
     * @param status the status
     * @param body the JSON body
     * @return a JSON answer
     */
    public static SimResponse json(int status, JsonNode body) {
        return new SimResponse(status, JSON, F5SimJson.write(body).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * @param e the error
     * @return its answer
     */
    public static SimResponse error(SimulatedF5Error e) {
        if (e.status() == 401) {
            return new SimResponse(401, JSON, F5SimJson.write(e.body()).getBytes(StandardCharsets.UTF_8),
                    Map.of("WWW-Authenticate", "Basic realm=\"Enterprise Manager\""));
        }
        return json(e.status(), e.body());
    }

    /**
     * A Jetty error page, the HTML a BIG-IP's REST front end answers when it fails outside iControl.
     *
     * @param status the status
     * @param path the request path
     * @return the answer
     */
    public static SimResponse html(int status, String path) {
        String reason = status == 503 ? "Service Unavailable" : status == 500 ? "AsyncContext timeout" : "Error";
        String extra = status == 503 ? "<p>Configuration Utility restarting...</p>" : "";
        String page = "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=ISO-8859-1\"/>\n"
                + "<title>Error " + status + " " + reason + "</title>\n</head>\n<body><h2>HTTP ERROR " + status + "</h2>\n"
                + "<p>Problem accessing " + escape(path) + ". Reason:\n<pre>    " + reason + "</pre></p>" + extra
                + "<hr /><i><small>Powered by Jetty://</small></i>\n</body>\n</html>\n";
        return new SimResponse(status, "text/html;charset=ISO-8859-1", page.getBytes(StandardCharsets.ISO_8859_1), Map.of());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
