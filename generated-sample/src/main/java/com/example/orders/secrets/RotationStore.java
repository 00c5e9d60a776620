package com.example.orders.secrets;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Secrets Manager operations a rotation uses, on one secret's versions and staging labels. */
public interface RotationStore {

    String CURRENT = "AWSCURRENT";
    String PENDING = "AWSPENDING";
    String PREVIOUS = "AWSPREVIOUS";

    /** What DescribeSecret tells a rotation: whether rotation is on, and the labels of each version. */
    record Versions(boolean rotationEnabled, Map<String, List<String>> stagesByVersion) {

        public Versions {
            stagesByVersion = Map.copyOf(stagesByVersion);
        }

        public List<String> stages(String versionId) {
            return stagesByVersion.getOrDefault(versionId, List.of());
        }

        public Optional<String> versionWith(String stage) {
            return stagesByVersion.entrySet().stream()
                    .filter(version -> version.getValue().contains(stage))
                    .map(Map.Entry::getKey)
                    .findFirst();
        }
    }

    Versions describe(String secretId);

    /** The value of the version with this id and label, if there is such a version. */
    Optional<String> value(String secretId, String versionId, String stage);

    /** Stores a new version under {@code versionId} with the one label {@code stage}. */
    void put(String secretId, String versionId, String value, String stage);

    /** Moves {@code stage} to {@code toVersionId} from {@code fromVersionId}, as one step. */
    void moveStage(String secretId, String stage, String toVersionId, String fromVersionId);
}
