package dev.launchpad.blueprint.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.spec.Problem;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.Validation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostAssumptionsTest {

    @Test
    void leftOutAssumptionsTakeTheirDefaults() {
        assertThat(Assumptions.fromText(Map.of())).isEqualTo(new Assumptions.Parsed.Valid(Assumptions.DEFAULTS));
        assertThat(Assumptions.fromText(Map.of("requestsPerMonth", " ", "include", "content")))
                .isEqualTo(new Assumptions.Parsed.Valid(Assumptions.DEFAULTS));
    }

    @Test
    void valuesAreReadFromText() {
        var parsed = Assumptions.fromText(Map.of("requestsPerMonth", "5000000", "payloadKb", "0.5", "writePercent", "35"));

        assertThat(parsed).isInstanceOfSatisfying(Assumptions.Parsed.Valid.class, v -> {
            assertThat(v.assumptions().requestsPerMonth()).isEqualTo(5_000_000);
            assertThat(v.assumptions().payloadKb()).isEqualTo(0.5);
            assertThat(v.assumptions().writePercent()).isEqualTo(35);
            assertThat(v.assumptions().avgDurationMs()).isEqualTo(200);
        });
    }

    @Test
    void eachBadValueIsAProblemNamingItsField() {
        var parsed = Assumptions.fromText(Map.of("requestsPerMonth", "-1", "avgDurationMs", "12.5", "writePercent", "lots"));

        assertThat(parsed).isInstanceOfSatisfying(Assumptions.Parsed.Invalid.class, i -> assertThat(i.problems()).containsExactly(
                new Problem("assumptions.requestsPerMonth", "must be a whole number from 0 to 100,000,000,000 (requests)"),
                new Problem("assumptions.avgDurationMs", "must be a whole number from 1 to 900,000 (ms)"),
                new Problem("assumptions.writePercent", "must be a whole number from 0 to 100 (% of requests)")));
    }

    @Test
    void jsonTakesNumbersAndRejectsUnknownAssumptions() throws Exception {
        ObjectMapper json = new ObjectMapper();

        assertThat(Assumptions.fromJson(json.readTree("{\"requestsPerMonth\": 2000, \"storedDataGb\": 0.25}")))
                .isInstanceOfSatisfying(Assumptions.Parsed.Valid.class, v -> assertThat(v.assumptions().storedDataGb()).isEqualTo(0.25));
        assertThat(Assumptions.fromJson(json.readTree("{\"users\": 5, \"payloadKb\": true}")))
                .isInstanceOfSatisfying(Assumptions.Parsed.Invalid.class, i -> assertThat(i.problems()).extracting(Problem::field)
                        .containsExactly("assumptions.users", "assumptions.payloadKb"));
        assertThat(Assumptions.fromJson(json.readTree("[1]"))).isInstanceOf(Assumptions.Parsed.Invalid.class);
        assertThat(Assumptions.fromJson(null)).isEqualTo(new Assumptions.Parsed.Valid(Assumptions.DEFAULTS));
    }

    @Test
    void anAverageDurationLongerThanTheFunctionTimeoutIsAProblem() {
        ProjectSpec spec = ((Validation.Valid) Blueprint.load().validate("{\"name\": \"order-service\", \"team\": \"payments\","
                + " \"description\": \"x\", \"features\": {\"core\": {\"timeoutSeconds\": 10}}}")).spec();
        Assumptions slow = new Assumptions(1000, 12_000, 1, 1, 0, 10, 1);

        assertThat(slow.problemsWith(spec)).containsExactly(new Problem("assumptions.avgDurationMs",
                "must not be longer than the functions' timeout of 10 seconds (10000 ms), the core option timeoutSeconds"));
        assertThat(Assumptions.DEFAULTS.problemsWith(spec)).isEmpty();
    }

    @Test
    void streamMegabytesFollowFromRecordsAndPayload() {
        // 512 records/s × 2 KB = 1,024 KB/s = 1 MB/s
        assertThat(new Assumptions(0, 1, 2, 0, 512, 0, 0).streamMbPerSecond()).isEqualTo(1.0);
    }
}
