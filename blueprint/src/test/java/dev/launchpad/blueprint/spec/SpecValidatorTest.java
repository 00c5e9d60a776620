package dev.launchpad.blueprint.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.blueprint.Blueprint;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecValidatorTest {

    private static final Blueprint BLUEPRINT = Blueprint.load();

    private static Validation validate(String json) {
        return BLUEPRINT.validate(json);
    }

    private static ProjectSpec valid(String json) {
        Validation result = validate(json);
        assertThat(result).as("problems: %s", result).isInstanceOf(Validation.Valid.class);
        return ((Validation.Valid) result).spec();
    }

    private static List<Problem> problems(String json) {
        Validation result = validate(json);
        assertThat(result).isInstanceOf(Validation.Invalid.class);
        return ((Validation.Invalid) result).problems();
    }

    private static String minimal(String extra) {
        return "{\"name\":\"order-service\",\"team\":\"payments\",\"description\":\"Orders\"" + extra + "}";
    }

    @Test
    void minimalRequestGetsDefaultsForEverythingElse() {
        ProjectSpec spec = valid(minimal(""));
        assertThat(spec.blueprintVersion()).isEqualTo(BLUEPRINT.version());
        assertThat(spec.javaPackage()).isEqualTo("com.example.orderservice");
        assertThat(spec.region()).isEqualTo("us-east-1");
        assertThat(spec.environments()).containsExactly("dev", "prod");
        assertThat(spec.features().keySet()).containsExactly("budgets", "core", "monitoring");
        assertThat(spec.options("core")).containsEntry("memoryMb", 1024).containsEntry("logRetentionDays", "30");
        assertThat(spec.options("monitoring")).containsEntry("lambdaErrorThreshold", 5).doesNotContainKey("alertEmail");
    }

    @Test
    void anEmptyFeatureObjectMeansOnlyTheAlwaysOnCore() {
        assertThat(valid(minimal(",\"features\":{}")).features().keySet()).containsExactly("core");
    }

    @Test
    void givenOptionsReplaceDefaultsAndTheRestAreFilledIn() {
        ProjectSpec spec = valid(minimal(",\"features\":{\"monitoring\":{\"alertEmail\":\"oncall@example.com\","
                + "\"lambdaErrorThreshold\":9}}"));
        assertThat(spec.options("monitoring"))
                .containsEntry("alertEmail", "oncall@example.com")
                .containsEntry("lambdaErrorThreshold", 9)
                .containsEntry("api5xxThreshold", 10);
    }

    @Test
    void aWrittenSpecValidatesBackToTheSameSpec() {
        ProjectSpec spec = valid(minimal(",\"region\":\"eu-west-1\",\"environments\":[\"dev\",\"staging\",\"prod\"]"));
        assertThat(valid(SpecJson.write(spec))).isEqualTo(spec);
        assertThat(SpecJson.write(valid(SpecJson.write(spec)))).isEqualTo(SpecJson.write(spec));
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        assertThat(problems("{}")).extracting(Problem::field).containsExactly("name", "team", "description");
        assertThat(problems("{}")).allSatisfy(p -> assertThat(p.message()).isEqualTo("is required"));
    }

    @Test
    void unknownTopLevelFieldsAreErrorsThatListTheAllowedOnes() {
        assertThat(problems(minimal(",\"nmae\":\"x\""))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("nmae");
            assertThat(p.message()).contains("unknown field").contains("name, team, description");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Order-service", "order_service", "order--service", "order-", "-order", "1order",
            "order.service", "order service", "a23456789012345678901234x", "ordér"})
    void serviceNamesOutsideTheRuleAreRejectedWithTheRule(String name) {
        assertThat(problems("{\"name\":\"" + name + "\",\"team\":\"payments\",\"description\":\"d\"}"))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("name");
                    assertThat(p.message()).isEqualTo("must be " + SpecValidator.NAME_RULE);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "order-service", "a1-b2-c3", "orders2", "a23456789012345678901234"})
    void serviceNamesWithinTheRuleAreAccepted(String name) {
        assertThat(valid("{\"name\":\"" + name + "\",\"team\":\"payments\",\"description\":\"d\"}").name()).isEqualTo(name);
    }

    @Test
    void teamFollowsTheNameRuleWithItsOwnLengths() {
        assertThat(problems("{\"name\":\"abc\",\"team\":\"Payments\",\"description\":\"d\"}"))
                .singleElement().isEqualTo(new Problem("team", "must be " + SpecValidator.TEAM_RULE));
        assertThat(valid("{\"name\":\"abc\",\"team\":\"pa\",\"description\":\"d\"}").team()).isEqualTo("pa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "two\\nlines", "tab\\there", "bell\\u0007", "zero\\u200bwidth"})
    void descriptionsMustBeOneLineOfPrintableText(String description) {
        assertThat(problems("{\"name\":\"abc\",\"team\":\"pay\",\"description\":\"" + description + "\"}"))
                .singleElement().isEqualTo(new Problem("description", "must be " + SpecValidator.DESCRIPTION_RULE));
    }

    @Test
    void descriptionsAreLimitedTo200Characters() {
        String ok = "é".repeat(200);
        assertThat(valid("{\"name\":\"abc\",\"team\":\"pay\",\"description\":\"" + ok + "\"}").description()).isEqualTo(ok);
        assertThat(problems("{\"name\":\"abc\",\"team\":\"pay\",\"description\":\"" + ok + "x\"}"))
                .extracting(Problem::field).containsExactly("description");
    }

    @Test
    void descriptionsKeepQuotesTemplateSyntaxAndNonAscii() {
        String hostile = "He said \\\"hi\\\" ${x} %{y} */ \\\\ #if $foo ünïcødé 日本 🚀";
        assertThat(valid("{\"name\":\"abc\",\"team\":\"pay\",\"description\":\"" + hostile + "\"}").description())
                .isEqualTo("He said \"hi\" ${x} %{y} */ \\ #if $foo ünïcødé 日本 🚀");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Com.example", "com..example", "com.example.", "com.class.x", "1com", "com.ex-ample",
            "com.example.record"})
    void javaPackagesMustBeValidAndFreeOfKeywords(String javaPackage) {
        assertThat(problems(minimal(",\"javaPackage\":\"" + javaPackage + "\"")))
                .singleElement().isEqualTo(new Problem("javaPackage", "must be " + SpecValidator.PACKAGE_RULE));
    }

    @Test
    void unknownRegionsListTheSupportedOnes() {
        assertThat(problems(minimal(",\"region\":\"mars-north-1\""))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("region");
            assertThat(p.message()).startsWith("must be one of the supported AWS regions: us-east-1");
        });
    }

    @Test
    void environmentsAreCheckedOneByOne() {
        assertThat(problems(minimal(",\"environments\":[\"dev\",\"Prod\",\"dev\",7]")))
                .containsExactly(
                        new Problem("environments[1]", "must be " + SpecValidator.ENVIRONMENT_RULE),
                        new Problem("environments[2]", "repeats \"dev\"; environment names must be distinct"),
                        new Problem("environments[3]", "must be " + SpecValidator.ENVIRONMENT_RULE));
    }

    @Test
    void environmentListsMustHaveOneToFiveEntries() {
        assertThat(problems(minimal(",\"environments\":[]"))).extracting(Problem::field).containsExactly("environments");
        assertThat(problems(minimal(",\"environments\":[\"a1\",\"a2\",\"a3\",\"a4\",\"a5\",\"a6\"]")))
                .extracting(Problem::field).containsExactly("environments");
        assertThat(problems(minimal(",\"environments\":\"dev\""))).extracting(Problem::field).containsExactly("environments");
    }

    @Test
    void unknownFeaturesAreErrorsThatListTheKnownOnes() {
        assertThat(problems(minimal(",\"features\":{\"kafka\":{}}"))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("features.kafka");
            assertThat(p.message()).startsWith("unknown feature \"kafka\"; the known features are core, monitoring");
        });
    }

    @Test
    void unknownOptionsAreErrorsThatListTheFeaturesOptions() {
        assertThat(problems(minimal(",\"features\":{\"budgets\":{\"limit\":5},\"monitoring\":{}}")))
                .singleElement().isEqualTo(new Problem("features.budgets.limit",
                        "unknown option of feature \"budgets\"; its options are monthlyLimitUsd, notificationEmail"));
    }

    @Test
    void optionValuesOutOfRangeOrOfTheWrongTypeNameTheAllowedRange() {
        assertThat(problems(minimal(",\"features\":{\"core\":{\"memoryMb\":64,\"timeoutSeconds\":\"10\","
                + "\"logRetentionDays\":\"31\"}}")))
                .containsExactly(
                        new Problem("features.core.memoryMb", "must be a whole number from 256 to 10240 (MB)"),
                        new Problem("features.core.timeoutSeconds", "must be a whole number from 1 to 29 (seconds)"),
                        new Problem("features.core.logRetentionDays", "must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120,"
                                + " 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653"));
    }

    @Test
    void emailOptionsMustBeEmailAddresses() {
        assertThat(problems(minimal(",\"features\":{\"monitoring\":{\"alertEmail\":\"not an email\"}}")))
                .singleElement().isEqualTo(new Problem("features.monitoring.alertEmail",
                        "must be an email address such as team@example.com"));
    }

    @Test
    void aFeatureWhoseRequirementIsOffSaysWhatItNeedsAndWhy() {
        assertThat(problems(minimal(",\"features\":{\"budgets\":{}}"))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("features.budgets");
            assertThat(p.message()).startsWith("requires feature \"monitoring\": budget alerts");
        });
    }

    @Test
    void featureOptionsMustBeAnObject() {
        assertThat(problems(minimal(",\"features\":{\"monitoring\":true}")))
                .singleElement().isEqualTo(new Problem("features.monitoring",
                        "must be an object of options (use {} for the defaults)"));
        assertThat(problems(minimal(",\"features\":[\"monitoring\"]")))
                .extracting(Problem::field).containsExactly("features");
    }

    @Test
    void aDifferentBlueprintVersionIsRejected() {
        assertThat(problems(minimal(",\"blueprintVersion\":\"0.0.1\""))).singleElement().satisfies(p ->
                assertThat(p.field()).isEqualTo("blueprintVersion"));
        assertThat(valid(minimal(",\"blueprintVersion\":\"" + BLUEPRINT.version() + "\"")).blueprintVersion())
                .isEqualTo(BLUEPRINT.version());
    }

    @Test
    void malformedJsonSaysWhere() {
        assertThat(problems("{\"name\": \"abc\",\n \"team\" \"x\"}")).singleElement().satisfies(p -> {
            assertThat(p.field()).isEmpty();
            assertThat(p.message()).startsWith("malformed JSON at line 2, column");
        });
        assertThat(problems("")).singleElement().satisfies(p -> assertThat(p.message()).contains("empty"));
        assertThat(problems("[1]")).singleElement().satisfies(p -> assertThat(p.message()).contains("JSON object"));
        assertThat(problems("{\"name\":\"abc\",\"name\":\"abd\"}")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Duplicate field 'name'"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(problems("{\"name\":\"X\",\"team\":1,\"description\":\"\",\"region\":\"x\",\"features\":{\"nope\":{}}}"))
                .extracting(Problem::field)
                .containsExactly("name", "team", "description", "region", "features.nope");
    }
}
