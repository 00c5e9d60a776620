package dev.launchpad.portal.aws;

import dev.launchpad.portal.health.Resource;
import dev.launchpad.portal.health.Resource.Kind;
import java.util.Optional;

/** Turns the ARNs the tagging API returns into the resources the health pages chart. */
final class Arns {

    private Arns() {
    }

    /** The resource an ARN names, or empty for resources that have no charts (keys, roles, log groups, stages ...). */
    static Optional<Resource> resource(String arn) {
        String[] p = arn.split(":", 6);
        if (p.length < 6) {
            return Optional.empty();
        }
        String service = p[2];
        String rest = p[5];
        return Optional.ofNullable(switch (service) {
            case "lambda" -> rest.startsWith("function:") ? new Resource(Kind.FUNCTION, rest.substring(9).split(":")[0], arn) : null;
            case "apigateway" -> apiGateway(rest, arn);
            case "dynamodb" -> rest.startsWith("table/") && rest.indexOf('/', 6) < 0 ? new Resource(Kind.TABLE, rest.substring(6), arn) : null;
            case "kinesis" -> rest.startsWith("stream/") ? new Resource(Kind.STREAM, rest.substring(7), arn) : null;
            case "sqs" -> new Resource(Kind.QUEUE, rest, arn);
            case "elasticache" -> rest.startsWith("replicationgroup:") ? new Resource(Kind.CACHE_GROUP, rest.substring(17), arn)
                    : rest.startsWith("cluster:") ? new Resource(Kind.CACHE_NODE, rest.substring(8), arn) : null;
            case "wafv2" -> webAcl(rest, arn);
            default -> null;
        });
    }

    private static Resource apiGateway(String rest, String arn) {
        String[] path = rest.split("/");
        // "/apis/<id>" (HTTP API) or "/restapis/<id>" (REST API); stages and routes are longer paths
        if (path.length != 3) {
            return null;
        }
        return switch (path[1]) {
            case "apis" -> new Resource(Kind.HTTP_API, path[2], arn);
            case "restapis" -> new Resource(Kind.REST_API, path[2], arn);
            default -> null;
        };
    }

    private static Resource webAcl(String rest, String arn) {
        String[] path = rest.split("/");
        // regional/webacl/<name>/<id>
        return path.length == 4 && path[1].equals("webacl") ? new Resource(Kind.WEB_ACL, path[2], arn) : null;
    }
}
