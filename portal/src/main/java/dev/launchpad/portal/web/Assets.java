package dev.launchpad.portal.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portal's own assets ({@code /assets/}) and webjars ({@code /webjars/}), read from the classpath.
 * Served here rather than by Jetty's static file handler, which mounts the whole jar as a file system
 * at start-up: a fifth of the portal's start-up time for a few files.
 */
public final class Assets {

    private static final String ASSETS = "public/assets/";
    private static final String WEBJARS = "META-INF/resources/webjars/";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"));

    private record Asset(String type, byte[] bytes) {
    }

    private final ClassLoader loader;
    private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

    public Assets(ClassLoader loader) {
        this.loader = loader;
    }

    public void asset(Context ctx) {
        serve(ctx, ASSETS, ctx.pathParam("path"), "max-age=300");
    }

    /** Webjar paths carry their version, so a browser may keep them for good. */
    public void webjar(Context ctx) {
        serve(ctx, WEBJARS, ctx.pathParam("path"), "max-age=31536000, immutable");
    }

    private void serve(Context ctx, String root, String path, String cacheControl) {
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\") || path.contains("//")
                || !TYPES.containsKey(extension)) {
            throw new NotFoundResponse();
        }
        Asset asset = loaded.computeIfAbsent(root + path, this::load);
        if (asset.bytes() == null) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", cacheControl).contentType(asset.type()).result(asset.bytes());
    }

    private Asset load(String resource) {
        String type = TYPES.get(resource.substring(resource.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return new Asset(type, in == null ? null : in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
