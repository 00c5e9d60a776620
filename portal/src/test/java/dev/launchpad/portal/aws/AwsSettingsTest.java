package dev.launchpad.portal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsSettingsTest {

    @Test
    void nothingSetMeansNoAwsAndTheDemoSource() {
        List<String> problems = new ArrayList<>();

        AwsSettings settings = AwsSettings.parse(null, null, null, null, problems);

        assertThat(problems).isEmpty();
        assertThat(settings.configured()).isFalse();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void eachEnvironmentNamesItsAccountRegionAndOptionalRole() {
        List<String> problems = new ArrayList<>();

        AwsSettings settings = AwsSettings.parse(
                "prod=111122223333:eu-west-1:arn:aws:iam::111122223333:role/launchpad-read, dev=444455556666:us-east-1",
                null, "http://127.0.0.1:4566", "2500", problems);

        assertThat(problems).isEmpty();
        assertThat(settings.target("prod")).hasValue(new AwsTarget("prod", "111122223333", "eu-west-1",
                "arn:aws:iam::111122223333:role/launchpad-read"));
        assertThat(settings.target("dev")).hasValue(new AwsTarget("dev", "444455556666", "us-east-1", null));
        assertThat(settings.target("staging")).isEmpty();
        assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
        assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void oneRegionCoversEveryEnvironmentNotNamed() {
        List<String> problems = new ArrayList<>();

        AwsSettings settings = AwsSettings.parse("prod=111122223333:eu-west-1", "eu-central-1", null, null, problems);

        assertThat(settings.target("prod").orElseThrow().region()).isEqualTo("eu-west-1");
        assertThat(settings.target("dev")).hasValue(new AwsTarget("*", "default", "eu-central-1", null));
    }

    @Test
    void everyWrongValueIsReportedWithAnExample() {
        List<String> problems = new ArrayList<>();

        AwsSettings.parse("prod=12345:mars-1, dev, qa=111122223333:eu-west-1:not-a-role, ci=111122223333:eu-west-1 ci=444455556666:eu-west-1",
                "moon", "ftp://x", "10", problems);

        assertThat(problems).hasSize(7);
        assertThat(problems.getFirst()).contains("'12345' is not a 12-digit account id").contains("'mars-1' is not a region")
                .contains("prod=111122223333:eu-west-1");
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'dev' has no '='"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'not-a-role' is not an IAM role ARN"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("names environment ci twice"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("LAUNCHPAD_AWS_REGION"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("LAUNCHPAD_AWS_ENDPOINT"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("LAUNCHPAD_AWS_TIMEOUT_MS"));
    }
}
