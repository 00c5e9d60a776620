package dev.launchpad.portal.scaffold;

import dev.launchpad.blueprint.render.GeneratedProject;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.Validation;
import dev.launchpad.portal.cost.CostApi;
import dev.launchpad.portal.web.ApiProblem;
import dev.launchpad.portal.web.SpecBody;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The blueprint over HTTP: its catalog, and previews and zips of projects. */
public final class ScaffoldApi {

    private final Projects projects;
    /** Built on the first request for it: writing its example spec costs tens of milliseconds of a start. */
    private volatile Map<String, Object> blueprintView;

    public ScaffoldApi(Projects projects) {
        this.projects = projects;
    }

    public void blueprint(Context ctx) {
        Map<String, Object> view = blueprintView;
        if (view == null) {
            // two first requests at once may both build it; the results are equal
            view = BlueprintView.of(projects.blueprint());
            blueprintView = view;
        }
        ctx.json(view);
    }

    public void preview(Context ctx) {
        ProjectSpec spec = spec(ctx);
        boolean content = "content".equals(ctx.queryParam("include"));
        Map<String, Object> estimate = CostApi.forPreview(projects.blueprint(), spec, ctx);
        GeneratedProject project = projects.render(spec);
        List<Map<String, Object>> files = new ArrayList<>(project.files().size());
        project.files().forEach((path, bytes) -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", path);
            file.put("size", bytes.length);
            if (content) {
                String text = utf8(bytes);
                if (text != null) {
                    file.put("content", text);
                } else {
                    file.put("contentBase64", java.util.Base64.getEncoder().encodeToString(bytes));
                }
            }
            files.add(file);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", spec.name());
        body.put("blueprintVersion", spec.blueprintVersion());
        body.put("fileCount", files.size());
        body.put("totalBytes", project.totalBytes());
        body.put("files", files);
        body.put("estimate", estimate);
        ctx.json(body);
    }

    public void zip(Context ctx) {
        ProjectSpec spec = spec(ctx);
        ctx.contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + spec.name() + ".zip\"")
                .result(projects.zip(spec));
    }

    /** The valid spec in the request body, or the problem that says what is wrong with it. */
    public static ProjectSpec valid(Validation validation) {
        return switch (validation) {
            case Validation.Valid valid -> valid.spec();
            case Validation.Invalid invalid -> throw ApiProblem.invalidSpec(invalid.problems());
        };
    }

    private ProjectSpec spec(Context ctx) {
        return valid(projects.validate(SpecBody.read(ctx)));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
