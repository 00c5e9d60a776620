package com.example.orders.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

class SsmParameterStoreTest {

    private final List<GetParametersByPathRequest> requests = new ArrayList<>();

    /** Two pages, as Parameter Store returns more than ten parameters. */
    private final SsmClient ssm = new SsmClient() {
        @Override
        public GetParametersByPathResponse getParametersByPath(GetParametersByPathRequest request) {
            requests.add(request);
            if (request.nextToken() == null) {
                return GetParametersByPathResponse.builder()
                        .parameters(parameter("/svc/dev/features/a", "true"), parameter("/svc/dev/features/b", "false"))
                        .nextToken("page-2")
                        .build();
            }
            return GetParametersByPathResponse.builder().parameters(parameter("/svc/dev/features/c", "true")).build();
        }

        @Override
        public String serviceName() {
            return "ssm";
        }

        @Override
        public void close() {
        }
    };

    @Test
    void readsEveryPageAndNamesParametersRelativeToThePath() {
        var values = new SsmParameterStore(ssm).byPath("/svc/dev/features/");

        assertThat(values).containsExactly(
                java.util.Map.entry("a", "true"), java.util.Map.entry("b", "false"), java.util.Map.entry("c", "true"));
        assertThat(requests).extracting(GetParametersByPathRequest::nextToken).containsExactly(null, "page-2");
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.path()).isEqualTo("/svc/dev/features/");
            assertThat(request.recursive()).isFalse();
        });
    }

    private static Parameter parameter(String name, String value) {
        return Parameter.builder().name(name).value(value).build();
    }
}
