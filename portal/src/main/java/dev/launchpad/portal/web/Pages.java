package dev.launchpad.portal.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import dev.launchpad.portal.auth.CurrentUser;
import dev.launchpad.portal.auth.Principal;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.Optional;

/** Renders jte pages: precompiled classes in production, or templates compiled on change in development. */
public final class Pages {

    private final TemplateEngine engine;
    private final String blueprintVersion;
    private final CurrentUser currentUser;

    private Pages(TemplateEngine engine, String blueprintVersion, CurrentUser currentUser) {
        this.engine = engine;
        this.blueprintVersion = blueprintVersion;
        this.currentUser = currentUser;
    }

    /** {@code templatesDir} null means the precompiled templates. */
    public static Pages create(Path templatesDir, String blueprintVersion, CurrentUser currentUser) {
        TemplateEngine engine = templatesDir == null
                ? TemplateEngine.createPrecompiled(ContentType.Html)
                : TemplateEngine.create(new DirectoryCodeResolver(templatesDir), ContentType.Html);
        return new Pages(engine, blueprintVersion, currentUser);
    }

    /** The layout's model for whoever made the request. */
    public Chrome chrome(Context ctx, String title, String section) {
        Optional<Principal> who = currentUser.principal(ctx);
        if (who.isEmpty()) {
            return new Chrome(title, section, null, blueprintVersion, null, false, null);
        }
        Principal p = who.get();
        String costHref = p.admin() ? "/cost"
                : p.ledTeams().stream().findFirst().map(team -> "/cost/teams/" + team).orElse(null);
        return new Chrome(title, section, p.user().displayName(), blueprintVersion, p.csrfToken(), p.admin(), costHref);
    }

    /** Renders {@code template} with its one typed model. */
    public void render(Context ctx, String template, Object model) {
        StringOutput out = new StringOutput(8192);
        engine.render(template, model, out);
        ctx.header("Cache-Control", "no-store").html(out.toString());
    }
}
