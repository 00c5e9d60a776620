package dev.launchpad.portal.web;

import dev.launchpad.blueprint.spec.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the API cannot serve, with everything an RFC 9457 problem document says about it. Thrown
 * by handlers; turned into {@code application/problem+json} in one place ({@link ErrorMapping}).
 */
public final class ApiProblem extends RuntimeException {

    public static final String TYPE_PREFIX = "urn:launchpad:problem:";

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem> errors;
    private final Map<String, Object> extensions;

    public ApiProblem(int status, String type, String title, String detail, List<Problem> errors,
                      Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public ApiProblem(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of(), Map.of());
    }

    public static ApiProblem invalidSpec(List<Problem> problems) {
        boolean malformed = problems.size() == 1 && problems.getFirst().field().isEmpty()
                && problems.getFirst().message().startsWith("malformed JSON");
        if (malformed) {
            return new ApiProblem(400, "malformed-json", "Malformed JSON", problems.getFirst().message(), problems, Map.of());
        }
        String detail = problems.size() == 1
                ? describe(problems.getFirst())
                : problems.size() + " problems with the spec; see errors";
        return new ApiProblem(400, "invalid-spec", "Invalid spec", detail, problems, Map.of());
    }

    /** A request to the account and admin API with problems, one per field, under type invalid-request. */
    public static ApiProblem invalidRequest(List<Problem> problems) {
        String detail = problems.size() == 1
                ? describe(problems.getFirst())
                : problems.size() + " problems with the request; see errors";
        return new ApiProblem(400, "invalid-request", "Invalid request", detail, problems, Map.of());
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "not-found", "Not found", what);
    }

    private static String describe(Problem p) {
        return p.field().isEmpty() ? p.message() : p.field() + " " + p.message();
    }

    public int status() {
        return status;
    }

    public String type() {
        return TYPE_PREFIX + type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<Problem> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
