package dev.launchpad.portal.scaffold;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.launchpad.blueprint.catalog.Feature;
import dev.launchpad.blueprint.catalog.FeatureCatalog;
import dev.launchpad.blueprint.catalog.FeatureLink;
import dev.launchpad.blueprint.catalog.FeatureOption;
import dev.launchpad.blueprint.spec.Regions;
import dev.launchpad.blueprint.spec.SpecJson;
import dev.launchpad.portal.catalog.Team;
import dev.launchpad.portal.web.Chrome;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The new-service page: the form's values, the feature cards and the problems to show. */
public record NewServiceModel(Chrome chrome, ServiceForm form, List<Team> teams, List<String> regions,
                              List<FeatureCard> cards, FormErrors errors) {

    /** A feature as a card on the form. */
    public record FeatureCard(String id, String title, String category, String description, boolean alwaysOn,
                              boolean enabled, List<OptionField> options, List<LinkView> requires,
                              List<LinkView> conflicts, List<String> errors, String linksJson) {
    }

    /** A requirement or conflict, with the other feature's title. */
    public record LinkView(String feature, String title, String reason) {
    }

    /** One option's input. {@code type} is the option type in lowercase. */
    public record OptionField(String inputId, String inputName, String field, String title, String type, String value,
                              Integer min, Integer max, List<String> values, Integer maxLength, String unit,
                              String help, boolean required, List<String> errors) {

        public boolean checked() {
            return "true".equals(value);
        }

        public String errorId() {
            return inputId + "-error";
        }
    }

    public static NewServiceModel of(Chrome chrome, ServiceForm form, List<Team> teams, FeatureCatalog catalog,
                                     FormErrors errors) {
        List<FeatureCard> cards = catalog.features().stream().map(f -> card(f, form, catalog, errors)).toList();
        return new NewServiceModel(chrome, form, teams, Regions.ALL, cards, errors);
    }

    private static FeatureCard card(Feature f, ServiceForm form, FeatureCatalog catalog, FormErrors errors) {
        List<OptionField> options = f.options().stream().map(o -> option(f, o, form, errors)).toList();
        List<LinkView> requires = links(f.requires(), catalog);
        List<LinkView> conflicts = links(f.conflicts(), catalog);
        String json;
        try {
            json = SpecJson.mapper().writeValueAsString(Map.of("requires", requires, "conflicts", conflicts,
                    "title", f.title()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new FeatureCard(f.id(), f.title(), f.category(), f.description(), f.alwaysOn(), form.enabled(f.id()),
                options, requires, conflicts, errors.of("features." + f.id()), json);
    }

    private static OptionField option(Feature f, FeatureOption o, ServiceForm form, FormErrors errors) {
        String key = "features." + f.id() + "." + o.id();
        return new OptionField("opt-" + f.id() + "-" + o.id(), "opt." + f.id() + "." + o.id(), key, o.title(),
                o.type().name().toLowerCase(Locale.ROOT), form.option(f.id(), o.id()), o.min(), o.max(), o.values(),
                o.maxLength(), o.unit(), o.help(), o.required(), errors.of(key));
    }

    private static List<LinkView> links(List<FeatureLink> links, FeatureCatalog catalog) {
        return links.stream().map(l -> new LinkView(l.feature(),
                catalog.feature(l.feature()).map(Feature::title).orElse(l.feature()), l.reason())).toList();
    }
}
