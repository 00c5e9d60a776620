package dev.launchpad.blueprint.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * The service's VPC: free gateway endpoints for DynamoDB and S3, an interface endpoint per AWS API the
 * functions call from inside it (in every zone), and the key of its flow log.
 */
final class VpcEndpointsCosts implements FeatureCosts {

    @Override
    public String feature() {
        return "vpc-endpoints";
    }

    /** The interface endpoints the enabled features need, as vpc-endpoints.tf creates them. */
    static List<String> interfaceEndpoints(Stack s) {
        List<String> endpoints = new ArrayList<>();
        if (s.has("secrets") || s.has("redis")) {
            endpoints.add("secretsmanager");
        }
        if (s.has("parameters")) {
            endpoints.add("ssm");
        }
        if (s.has("kinesis")) {
            endpoints.add("kinesis-streams");
        }
        return endpoints;
    }

    @Override
    public void contribute(Stack s, Bill bill) {
        int zones = s.intOption("vpc-endpoints", "azCount", 2);
        List<String> endpoints = interfaceEndpoints(s);
        if (!endpoints.isEmpty()) {
            bill.add("Interface endpoint hours", endpoints.size() * zones * Stack.HOURS, "vpc.interfaceEndpointHour",
                    endpoints.size() + " endpoints (" + String.join(", ", endpoints) + ") × " + zones + " zones × "
                            + Num.of(Stack.HOURS) + " hours");
            double gb = s.has("kinesis") ? s.streamRecords() * s.assumptions.payloadKb() / Stack.KB_PER_GB : 0;
            bill.add("Interface endpoint data", gb, "vpc.interfaceEndpointGb", s.has("kinesis")
                    ? "stream records put through the kinesis-streams endpoint: " + Num.of(s.streamRecords())
                    + " × " + Num.of(s.assumptions.payloadKb()) + " KB ÷ 1,048,576 KB per GB"
                    : "secret and parameter reads only, a few MB");
        } else {
            bill.note("No feature needs an interface endpoint; the gateway endpoints for DynamoDB and S3 are free.");
        }
        bill.kmsKey("flow log");
        bill.note("The flow log records rejected connections only; in a working stack that is a few MB a month.");
    }
}
