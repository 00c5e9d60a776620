package dev.launchpad.blueprint.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.spec.OptionValues;
import dev.launchpad.blueprint.spec.Validation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FeatureCatalogTest {

    private final FeatureCatalog catalog = FeatureCatalog.load();

    @Test
    void everyFeatureExplainsItselfAndEveryOptionItsUse() {
        assertThat(catalog.features()).isNotEmpty().allSatisfy(feature -> {
            assertThat(feature.id()).matches("[a-z][a-z0-9-]*");
            assertThat(feature.title()).isNotBlank();
            assertThat(feature.description()).hasSizeGreaterThan(40);
            assertThat(feature.options()).allSatisfy(option -> {
                assertThat(option.title()).isNotBlank();
                assertThat(option.help()).isNotBlank();
                assertThat(option.allowed()).doesNotContain("null");
            });
        });
    }

    private record CatalogFile(List<Feature> features) {
    }

    @Test
    void theHandWrittenReaderReadsWhatJacksonsRecordBindingReads() throws IOException {
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = getClass().getResourceAsStream("/dev/launchpad/blueprint/catalog.json")) {
            List<Feature> bound = strict.readValue(in, CatalogFile.class).features();
            assertThat(catalog.features()).isEqualTo(bound);
        }
    }

    @Test
    void aMistakeInTheCatalogFileIsNamedWhereItIs() {
        assertThatThrownBy(() -> read("{\"features\":[{\"id\":\"a\",\"titel\":\"A\"}]}"))
                .hasMessage("features[0] has an unknown field 'titel'");
        assertThatThrownBy(() -> read("{\"features\":[{\"id\":\"a\",\"options\":[{\"id\":\"o\",\"type\":\"NUMBER\"}]}]}"))
                .hasMessageStartingWith("features[0].options[0].type must be one of [BOOLEAN, INTEGER");
        assertThatThrownBy(() -> read("{\"features\":[{\"id\":\"a\",\"options\":[{\"id\":\"o\",\"type\":\"INTEGER\",\"min\":\"1\"}]}]}"))
                .hasMessage("features[0].options[0].min must be a whole number");
        assertThatThrownBy(() -> read("{\"features\":[{\"id\":\"a\",\"alwaysOn\":\"yes\"}]}"))
                .hasMessage("features[0].alwaysOn must be true or false");
        assertThatThrownBy(() -> read("{\"features\":{}}")).hasMessage("features must be a JSON array");
    }

    private static List<Feature> read(String json) throws IOException {
        return CatalogReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void exactlyOneFeatureIsAlwaysOn() {
        assertThat(catalog.features().stream().filter(Feature::alwaysOn).map(Feature::id)).containsExactly("core");
    }

    @Test
    void everyOptionDefaultPassesItsOwnValidation() {
        ObjectMapper mapper = new ObjectMapper();
        for (Feature feature : catalog.features()) {
            for (FeatureOption option : feature.options()) {
                if (option.defaultValue() == null) {
                    continue;
                }
                JsonNode node = mapper.valueToTree(option.defaultValue());
                assertThat(OptionValues.parse(option, node))
                        .as("default of %s.%s", feature.id(), option.id()).isEqualTo(option.defaultValue());
            }
        }
    }

    @Test
    void linksAreSymmetricWhereTheyConflictAndNeverPointAtThemselves() {
        for (Feature feature : catalog.features()) {
            for (FeatureLink link : feature.conflicts()) {
                assertThat(link.feature()).isNotEqualTo(feature.id());
                assertThat(catalog.feature(link.feature()).orElseThrow().conflicts())
                        .as("%s conflicts with %s, so the reverse must be declared too", feature.id(), link.feature())
                        .extracting(FeatureLink::feature).contains(feature.id());
            }
            assertThat(feature.requires()).extracting(FeatureLink::feature).doesNotContain(feature.id());
            assertThat(feature.requires()).allSatisfy(link -> assertThat(link.reason()).isNotBlank());
        }
    }

    @Test
    void theDefaultSelectionIsItselfValid() {
        assertThat(Blueprint.load().validate("{\"name\":\"abc\",\"team\":\"pay\",\"description\":\"d\"}"))
                .isInstanceOf(Validation.Valid.class);
    }

    @Test
    void everyListedTemplateExistsAndEveryTemplateIsListed() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/dev/launchpad/blueprint/templates").toURI());
        Set<String> onDisk;
        try (var files = Files.walk(root)) {
            onDisk = files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
        Set<String> listed = new HashSet<>();
        for (Feature feature : catalog.features()) {
            for (String template : feature.templates()) {
                assertThat(template).as("templates of %s live in its folder", feature.id()).startsWith(feature.id() + "/");
                assertThat(listed.add(template)).as("%s listed twice", template).isTrue();
            }
        }
        assertThat(onDisk).as("templates on the classpath").containsExactlyInAnyOrderElementsOf(listed);
    }
}
