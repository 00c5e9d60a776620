package com.example.orders.secrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One secret's versions and staging labels, kept as Secrets Manager keeps them: a label is on one
 * version at a time, and moving AWSCURRENT puts AWSPREVIOUS on the version it left.
 */
final class InMemorySecretsManager implements RotationStore {

    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, List<String>> stages = new LinkedHashMap<>();
    boolean rotationEnabled = true;
    int puts;

    InMemorySecretsManager(String firstVersion, String firstValue) {
        values.put(firstVersion, firstValue);
        stages.put(firstVersion, new ArrayList<>(List.of(CURRENT)));
    }

    /** What RotateSecret does before it calls the function: label the token's (still empty) version pending. */
    void startRotation(String token) {
        removeStage(PENDING);
        stages.put(token, new ArrayList<>(List.of(PENDING)));
    }

    String current() {
        return values.get(versionWith(CURRENT));
    }

    @Override
    public Versions describe(String secretId) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        stages.forEach((version, labels) -> copy.put(version, List.copyOf(labels)));
        return new Versions(rotationEnabled, copy);
    }

    @Override
    public Optional<String> value(String secretId, String versionId, String stage) {
        String version = versionId != null ? versionId : versionWith(stage);
        if (version == null || !values.containsKey(version) || !stages.getOrDefault(version, List.of()).contains(stage)) {
            return Optional.empty();
        }
        return Optional.of(values.get(version));
    }

    @Override
    public void put(String secretId, String versionId, String value, String stage) {
        if (values.containsKey(versionId)) {
            throw new IllegalStateException("ResourceExistsException: version " + versionId + " exists");
        }
        puts++;
        removeStage(stage);
        values.put(versionId, value);
        stages.computeIfAbsent(versionId, v -> new ArrayList<>()).add(stage);
    }

    @Override
    public void moveStage(String secretId, String stage, String toVersionId, String fromVersionId) {
        if (!stages.getOrDefault(fromVersionId, List.of()).contains(stage)) {
            throw new IllegalStateException("InvalidParameterException: " + stage + " is not on " + fromVersionId);
        }
        stages.get(fromVersionId).remove(stage);
        if (stage.equals(CURRENT)) {
            removeStage(PREVIOUS);
            stages.get(fromVersionId).add(PREVIOUS);
        }
        stages.computeIfAbsent(toVersionId, v -> new ArrayList<>()).add(stage);
    }

    private String versionWith(String stage) {
        return stages.entrySet().stream().filter(e -> e.getValue().contains(stage)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private void removeStage(String stage) {
        stages.values().forEach(labels -> labels.remove(stage));
    }
}
