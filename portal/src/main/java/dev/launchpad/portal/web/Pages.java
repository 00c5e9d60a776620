package dev.launchpad.portal.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import io.javalin.http.Context;
import java.nio.file.Path;

/** Renders jte pages: precompiled classes in production, or templates compiled on change in development. */
public final class Pages {

    private final TemplateEngine engine;
    private final String blueprintVersion;

    private Pages(TemplateEngine engine, String blueprintVersion) {
        this.engine = engine;
        this.blueprintVersion = blueprintVersion;
    }

    /** {@code templatesDir} null means the precompiled templates. */
    public static Pages create(Path templatesDir, String blueprintVersion) {
        TemplateEngine engine = templatesDir == null
                ? TemplateEngine.createPrecompiled(ContentType.Html)
                : TemplateEngine.create(new DirectoryCodeResolver(templatesDir), ContentType.Html);
        return new Pages(engine, blueprintVersion);
    }

    public Chrome chrome(String title, String section, String userName) {
        return new Chrome(title, section, userName, blueprintVersion);
    }

    /** Renders {@code template} with its one typed model. */
    public void render(Context ctx, String template, Object model) {
        StringOutput out = new StringOutput(8192);
        engine.render(template, model, out);
        ctx.header("Cache-Control", "no-store").html(out.toString());
    }
}
