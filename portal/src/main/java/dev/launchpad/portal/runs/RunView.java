package dev.launchpad.portal.runs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run as the API and the run page show it: its steps' states and every event. */
public record RunView(
        String id,
        String status,
        String service,
        String team,
        String requestedBy,
        String retryOf,
        Instant startedAt,
        Instant finishedAt,
        String error,
        List<StepView> steps,
        List<RunEvent> events,
        Map<String, String> outputs,
        Map<String, String> links) {

    /** One step and the last thing it reported; {@code pending} before it starts. */
    public record StepView(String id, String title, String status, String message) {
    }

    public static RunView of(Run run, List<RunEvent> events, String cloneUrl) {
        List<StepView> steps = new ArrayList<>();
        for (Step step : Step.all()) {
            String status = "pending";
            String message = step.purpose();
            for (RunEvent e : events) {
                if (e.step().equals(step.id())) {
                    if (!"info".equals(e.status())) {
                        status = e.status();
                    }
                    message = e.message();
                }
            }
            if ("pending".equals(status) && run.status() == Run.Status.FAILED) {
                status = "skipped";
            }
            steps.add(new StepView(step.id(), step.title(), status, message));
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        if (run.status() == Run.Status.SUCCEEDED && cloneUrl != null) {
            outputs.put("cloneUrl", cloneUrl);
            outputs.put("service", "/api/v1/services/" + run.serviceName());
            outputs.put("page", "/services/" + run.serviceName());
        }
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/api/v1/runs/" + run.id());
        links.put("events", "/api/v1/runs/" + run.id() + "/events");
        links.put("page", "/runs/" + run.id());
        if (run.status() == Run.Status.FAILED) {
            links.put("retry", "/api/v1/runs/" + run.id() + "/retry");
        }
        return new RunView(run.id(), run.status().id(), run.serviceName(), run.team(), run.requestedBy(), run.retryOf(),
                run.startedAt(), run.finishedAt(), run.error(), steps, events, outputs, links);
    }
}
