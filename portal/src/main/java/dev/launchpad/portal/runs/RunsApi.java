package dev.launchpad.portal.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.portal.catalog.ServiceRepository;
import dev.launchpad.portal.web.ApiProblem;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Runs over HTTP: their state, and their events as a server-sent event stream. */
public final class RunsApi {

    private static final long KEEP_ALIVE_SECONDS = 15;
    private static final long MAX_STREAM_MINUTES = 10;

    private final RunRepository runs;
    private final RunEvents live;
    private final ServiceRepository services;
    private final ObjectMapper json;

    public RunsApi(RunRepository runs, RunEvents live, ServiceRepository services, ObjectMapper json) {
        this.runs = runs;
        this.live = live;
        this.services = services;
        this.json = json;
    }

    public RunView view(String id) {
        Run run = find(id);
        String cloneUrl = services.find(run.serviceName()).filter(s -> s.runId().equals(run.id()))
                .map(s -> s.repository()).orElse(null);
        return RunView.of(run, runs.events(id, 0), cloneUrl);
    }

    public void get(Context ctx) {
        ctx.json(view(ctx.pathParam("id")));
    }

    /**
     * Streams the run's events: first those already recorded (after {@code Last-Event-ID}, if given), then
     * new ones as they happen, until the run ends. {@code Accept: application/json} gets the list instead.
     */
    public void events(Context ctx) throws IOException, InterruptedException {
        String id = ctx.pathParam("id");
        Run run = find(id);
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json") && !accept.contains("text/event-stream")) {
            ctx.json(runs.events(id, 0));
            return;
        }
        int last = lastEventId(ctx);
        BlockingQueue<RunEvent> queue = new LinkedBlockingQueue<>();
        try (RunEvents.Subscription ignored = live.follow(id, queue::add)) {
            List<RunEvent> recorded = runs.events(id, last);
            if (run.finished() && recorded.isEmpty()) {
                ctx.status(204); // tells EventSource not to reconnect: there is nothing more
                return;
            }
            HttpServletResponse res = ctx.res();
            res.setStatus(200);
            res.setContentType("text/event-stream");
            res.setCharacterEncoding("UTF-8");
            res.setHeader("Cache-Control", "no-cache");
            res.setHeader("X-Accel-Buffering", "no");
            OutputStream out = res.getOutputStream();
            for (RunEvent event : recorded) {
                send(out, event);
                last = event.seq();
                if (event.endsRun()) {
                    return;
                }
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(MAX_STREAM_MINUTES);
            while (System.nanoTime() < deadline) {
                RunEvent event = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                if (event == null) {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    continue;
                }
                if (event.seq() <= last) {
                    continue;
                }
                // Events emitted between the subscription and the replay query arrive twice; a gap is filled from the record.
                List<RunEvent> batch = event.seq() == last + 1 ? List.of(event) : runs.events(id, last);
                for (RunEvent e : batch) {
                    send(out, e);
                    last = e.seq();
                    if (e.endsRun()) {
                        return;
                    }
                }
            }
        }
    }

    private void send(OutputStream out, RunEvent event) throws IOException {
        String frame = "id: " + event.seq() + "\nevent: " + (event.endsRun() ? "done" : "step") + "\ndata: "
                + json.writeValueAsString(event) + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static int lastEventId(Context ctx) {
        String value = ctx.header("Last-Event-ID");
        if (value == null) {
            value = ctx.queryParam("after");
        }
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new ApiProblem(400, "invalid-event-id", "Invalid event id", "Last-Event-ID must be a number");
        }
    }

    private Run find(String id) {
        return runs.find(id).orElseThrow(() -> ApiProblem.notFound("there is no run " + id));
    }
}
