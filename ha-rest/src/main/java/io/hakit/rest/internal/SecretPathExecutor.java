package io.hakit.rest.internal;

import java.io.IOException;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Puts a path that holds a secret (iControl's {@code /mgmt/shared/authz/tokens/<token>}) into the request
 * only at the last moment, on the connection. HttpClient's execution chain logs every request line
 * ({@code executing DELETE /...}) before it reaches this point, so the chain carries the redacted path
 * and the real one travels in the context under {@link #REAL_PATH}, which nothing logs. HttpCore's request
 * executor itself does not log.
 */
public final class SecretPathExecutor extends HttpRequestExecutor {

    /** The context attribute holding the real path (with query) when it differs from the request's. */
    public static final String REAL_PATH = "io.hakit.rest.real-path";

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, HttpClientConnection conn,
            HttpResponseInformationCallback informationCallback, HttpContext context)
            throws IOException, HttpException {
        Object real = context == null ? null : context.getAttribute(REAL_PATH);
        if (!(real instanceof String path)) {
            return super.execute(request, conn, informationCallback, context);
        }
        String shown = request.getPath();
        request.setPath(path);
        try {
            return super.execute(request, conn, informationCallback, context);
        } finally {
            request.setPath(shown);
        }
    }
}
