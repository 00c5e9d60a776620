package dev.launchpad.portal.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The AWS stub as a process, for load runs against a packaged portal (portal/bench/health-load.sh):
 * {@code java -cp launchpad.jar:test-classes dev.launchpad.portal.aws.AwsStubServer PORT SERVICE...}.
 * Each service gets a prod stack as the generated Terraform names it (three functions, two tables, an
 * HTTP API) and a few alarms: every fifth service has one in ALARM, every seventh one with INSUFFICIENT_DATA.
 */
public final class AwsStubServer {

    private AwsStubServer() {
    }

    @SuppressWarnings("InfiniteLoopStatement")
    public static void main(String[] args) throws InterruptedException {
        AwsStub stub = AwsStub.start(Integer.parseInt(args[0]));
        Instant since = Instant.now().minusSeconds(3600);
        for (int i = 1; i < args.length; i++) {
            String service = args[i];
            String p = service + "-prod-";
            List<String> arns = new ArrayList<>();
            for (String f : List.of("health", "users", "orders")) {
                arns.add("arn:aws:lambda:eu-west-1:111122223333:function:" + p + f);
            }
            for (String t : List.of("users", "orders")) {
                arns.add("arn:aws:dynamodb:eu-west-1:111122223333:table/" + p + t);
            }
            arns.add("arn:aws:apigateway:eu-west-1::/apis/api" + i);
            stub.resources(service, "prod", arns);
            stub.alarm(p + "users-errors", i % 5 == 0 ? "ALARM" : "OK", "Threshold Crossed", since);
            stub.alarm(p + "api-latency-p99", i % 7 == 0 ? "INSUFFICIENT_DATA" : "OK", "Threshold Crossed", since);
            stub.alarm(p + "api-5xx", "OK", "Threshold Crossed", since);
        }
        System.out.println("AWS stub for " + (args.length - 1) + " services at " + stub.endpoint());
        while (true) {
            // what the portal has asked so far, for the load script to report
            System.out.println("requests so far " + new java.util.TreeMap<>(stub.counts()));
            Thread.sleep(1000);
        }
    }
}
