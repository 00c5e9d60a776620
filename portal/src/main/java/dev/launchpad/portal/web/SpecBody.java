package dev.launchpad.portal.web;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads a spec from a request body: JSON only, and small. */
public final class SpecBody {

    /** A full spec with every feature and option is a few kilobytes; this leaves ample room. */
    public static final int MAX_BYTES = 64 * 1024;

    private SpecBody() {
    }

    public static String read(Context ctx) {
        String type = ctx.header(Header.CONTENT_TYPE);
        if (type == null || !isJson(type)) {
            throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "send the spec as JSON with the header Content-Type: application/json"
                            + (type == null ? " (the request has no Content-Type)" : " (not " + type + ")"));
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BYTES) {
            throw tooLarge(declared);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 4096);
            byte[] buffer = new byte[8192];
            int total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > MAX_BYTES) {
                    throw tooLarge(total);
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    private static boolean isJson(String contentType) {
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }

    private static ApiProblem tooLarge(long size) {
        return new ApiProblem(413, "body-too-large", "Request body too large",
                "a spec may be at most " + MAX_BYTES + " bytes; this request sent " + (size > MAX_BYTES ? "more than " + MAX_BYTES : size) + " bytes");
    }
}
