package dev.launchpad.portal.health;

import dev.launchpad.portal.web.ApiProblem;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Which service, environment and range a dashboard request asks for, checked at the edge. */
record Selection(ServiceProfile service, String environment, Range range) {

    static Selection of(Context ctx, Dashboards dashboards) {
        String name = ctx.pathParam("name");
        ServiceProfile service = dashboards.service(name)
                .orElseThrow(() -> ApiProblem.notFound("there is no service named \"" + name + "\""));
        String rangeParam = ctx.queryParam("range");
        Range range = rangeParam == null || rangeParam.isBlank() ? Range.DEFAULT : Range.of(rangeParam).orElseThrow(() ->
                new ApiProblem(400, "invalid-range", "Invalid range", "range must be one of "
                        + Arrays.stream(Range.values()).map(Range::id).collect(Collectors.joining(", ")) + ", not \"" + rangeParam + "\""));
        String env = ctx.queryParam("env");
        if (env == null || env.isBlank()) {
            env = dashboards.defaultEnvironment(service).orElseThrow(() -> new ApiProblem(409, "no-environments",
                    "No environments", name + " has no environments to show"));
        } else if (!service.environments().contains(env)) {
            String wanted = env;
            throw new ApiProblem(400, "unknown-environment", "Unknown environment", name + " has no environment \"" + wanted
                    + "\"; its environments are " + String.join(", ", service.environments()));
        }
        return new Selection(service, env, range);
    }
}
