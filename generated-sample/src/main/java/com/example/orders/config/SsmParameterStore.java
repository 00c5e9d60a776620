package com.example.orders.config;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Parameter Store through the SDK: one GetParametersByPath call per ten parameters, the most it
 * returns at once. The parameters are plain String parameters, so nothing is decrypted.
 */
public final class SsmParameterStore implements ParameterStore {

    private final SsmClient ssm;

    public SsmParameterStore(SsmClient ssm) {
        this.ssm = ssm;
    }

    @Override
    public Map<String, String> byPath(String path) {
        Map<String, String> values = new LinkedHashMap<>();
        String nextToken = null;
        do {
            GetParametersByPathResponse page = ssm.getParametersByPath(GetParametersByPathRequest.builder()
                    .path(path)
                    .recursive(false)
                    .maxResults(10)
                    .nextToken(nextToken)
                    .build());
            for (Parameter parameter : page.parameters()) {
                values.put(parameter.name().substring(path.length()), parameter.value());
            }
            nextToken = page.nextToken();
        } while (nextToken != null && !nextToken.isEmpty());
        return values;
    }
}
