package dev.launchpad.blueprint.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchpad.blueprint.catalog.Feature;
import dev.launchpad.blueprint.catalog.FeatureCatalog;
import dev.launchpad.blueprint.catalog.FeatureLink;
import dev.launchpad.blueprint.catalog.FeatureOption;
import dev.launchpad.blueprint.catalog.OptionRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns a request (the JSON of {@code .launchpad/spec.json}) into a {@link ProjectSpec} or a list of
 * problems, each naming its field. Every problem in the request is reported, not just the first.
 */
public final class SpecValidator {

    /**
     * One rule for service names, chosen so the name is usable unchanged as a Git repository name, a
     * Terraform identifier, and the prefix of every AWS resource name (the tightest is an ElastiCache
     * replication group id: 40 characters, letters, digits and single hyphens); the Java identifier
     * is derived by dropping the hyphens (package) or capitalising each part (class names).
     */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    public static final int NAME_MIN = 3;
    public static final int NAME_MAX = 24;
    public static final String NAME_RULE = NAME_MIN + " to " + NAME_MAX
            + " characters: lowercase letters, digits and single hyphens, starting with a letter and not ending"
            + " with a hyphen (for example order-service)";

    public static final Pattern TEAM = NAME;
    public static final int TEAM_MIN = 2;
    public static final int TEAM_MAX = 32;
    public static final String TEAM_RULE = TEAM_MIN + " to " + TEAM_MAX
            + " characters: lowercase letters, digits and single hyphens, starting with a letter (for example payments)";

    public static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9]{1,9}");
    public static final int ENVIRONMENTS_MAX = 5;
    public static final String ENVIRONMENT_RULE =
            "2 to 10 lowercase letters and digits, starting with a letter (for example dev, staging, prod)";

    public static final int DESCRIPTION_MAX = 200;
    public static final String DESCRIPTION_RULE =
            "a single line of 1 to " + DESCRIPTION_MAX + " characters, without control characters";

    private static final Pattern PACKAGE_PART = Pattern.compile("[a-z][a-z0-9_]*");
    public static final int PACKAGE_MAX = 100;
    public static final String PACKAGE_RULE = "a Java package name of at most " + PACKAGE_MAX
            + " characters: dot-separated parts of lowercase letters, digits and underscores, each starting"
            + " with a letter and none a Java keyword (for example com.example.orders)";

    private static final Set<String> JAVA_KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits",
            "non-sealed", "when", "module", "exports", "open", "opens", "requires", "to", "uses", "with",
            "provides", "transitive", "_");

    static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    static final int EMAIL_MAX = 254;

    static final List<String> FIELDS = List.of(
            "blueprintVersion", "name", "team", "description", "javaPackage", "region", "environments", "features");

    public static final List<String> DEFAULT_ENVIRONMENTS = List.of("dev", "prod");
    public static final String DEFAULT_REGION = "us-east-1";

    private final FeatureCatalog catalog;
    private final String blueprintVersion;

    public SpecValidator(FeatureCatalog catalog, String blueprintVersion) {
        this.catalog = catalog;
        this.blueprintVersion = blueprintVersion;
    }

    public Validation validate(JsonNode request) {
        List<Problem> problems = new ArrayList<>();
        if (request == null || !request.isObject()) {
            return new Validation.Invalid(List.of(new Problem("", "the request must be a JSON object with the fields "
                    + String.join(", ", FIELDS))));
        }
        for (Iterator<String> it = request.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                problems.add(new Problem(field, "unknown field; the allowed fields are " + String.join(", ", FIELDS)));
            }
        }
        checkBlueprintVersion(request.get("blueprintVersion"), problems);
        String name = text(request, "name", problems, true);
        if (name != null && !matches(NAME, name, NAME_MIN, NAME_MAX)) {
            problems.add(new Problem("name", "must be " + NAME_RULE));
        }
        String team = text(request, "team", problems, true);
        if (team != null && !matches(TEAM, team, TEAM_MIN, TEAM_MAX)) {
            problems.add(new Problem("team", "must be " + TEAM_RULE));
        }
        // NFC, because HCL normalises every string it reads to NFC: the spec, the Java and the Terraform
        // then all hold the same code points.
        String description = nfc(text(request, "description", problems, true));
        if (description != null && !isSingleLine(description, DESCRIPTION_MAX)) {
            problems.add(new Problem("description", "must be " + DESCRIPTION_RULE));
        }
        String javaPackage = text(request, "javaPackage", problems, false);
        if (javaPackage == null && name != null) {
            javaPackage = "com.example." + name.replace("-", "");
        } else if (javaPackage != null && !isJavaPackage(javaPackage)) {
            problems.add(new Problem("javaPackage", "must be " + PACKAGE_RULE));
        }
        String region = text(request, "region", problems, false);
        if (region == null) {
            region = DEFAULT_REGION;
        } else if (!Regions.ALL.contains(region)) {
            problems.add(new Problem("region", "must be one of the supported AWS regions: " + String.join(", ", Regions.ALL)));
        }
        List<String> environments = environments(request.get("environments"), problems);
        SortedMap<String, SortedMap<String, Object>> features = features(request.get("features"), problems);

        if (!problems.isEmpty()) {
            return new Validation.Invalid(problems);
        }
        return new Validation.Valid(new ProjectSpec(
                blueprintVersion, name, team, description, javaPackage, region, environments, features));
    }

    private void checkBlueprintVersion(JsonNode node, List<Problem> problems) {
        if (node != null && !(node.isTextual() && node.asText().equals(blueprintVersion))) {
            problems.add(new Problem("blueprintVersion", "must be \"" + blueprintVersion
                    + "\", the blueprint version this Launchpad renders (or left out)"));
        }
    }

    private static String text(JsonNode request, String field, List<Problem> problems, boolean required) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new Problem(field, "is required"));
            }
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Problem(field, "must be a string"));
            return null;
        }
        return node.asText();
    }

    private static String nfc(String text) {
        return text == null ? null : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
    }

    private static boolean matches(Pattern pattern, String value, int min, int max) {
        return value.length() >= min && value.length() <= max && pattern.matcher(value).matches();
    }

    /** True for 1 to max code points with no control, line or paragraph separator characters. */
    static boolean isSingleLine(String value, int max) {
        int count = value.codePointCount(0, value.length());
        if (count < 1 || count > max || value.isBlank()) {
            return false;
        }
        return value.codePoints().noneMatch(cp -> Character.isISOControl(cp)
                || Character.getType(cp) == Character.LINE_SEPARATOR
                || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR
                || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.SURROGATE
                || Character.getType(cp) == Character.UNASSIGNED);
    }

    private static boolean isJavaPackage(String value) {
        if (value.length() > PACKAGE_MAX) {
            return false;
        }
        for (String part : value.split("\\.", -1)) {
            if (!PACKAGE_PART.matcher(part).matches() || JAVA_KEYWORDS.contains(part)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> environments(JsonNode node, List<Problem> problems) {
        if (node == null || node.isNull()) {
            return DEFAULT_ENVIRONMENTS;
        }
        String rule = "must be a list of 1 to " + ENVIRONMENTS_MAX + " distinct environment names, each "
                + ENVIRONMENT_RULE;
        if (!node.isArray() || node.isEmpty() || node.size() > ENVIRONMENTS_MAX) {
            problems.add(new Problem("environments", rule));
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String field = "environments[" + i + "]";
            if (!item.isTextual() || !ENVIRONMENT.matcher(item.asText()).matches()) {
                problems.add(new Problem(field, "must be " + ENVIRONMENT_RULE));
            } else if (names.contains(item.asText())) {
                problems.add(new Problem(field, "repeats \"" + item.asText() + "\"; environment names must be distinct"));
            } else {
                names.add(item.asText());
            }
        }
        return names;
    }

    private SortedMap<String, SortedMap<String, Object>> features(JsonNode node, List<Problem> problems) {
        Map<String, JsonNode> requested = new java.util.LinkedHashMap<>();
        if (node == null || node.isNull()) {
            catalog.features().stream().filter(Feature::defaultEnabled)
                    .forEach(f -> requested.put(f.id(), null));
        } else if (!node.isObject()) {
            problems.add(new Problem("features", "must be an object from feature id to that feature's options,"
                    + " for example {\"monitoring\": {}}"));
            return new TreeMap<>();
        } else {
            node.fields().forEachRemaining(e -> requested.put(e.getKey(), e.getValue()));
        }
        catalog.features().stream().filter(Feature::alwaysOn).forEach(f -> requested.putIfAbsent(f.id(), null));

        SortedMap<String, SortedMap<String, Object>> features = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : requested.entrySet()) {
            String field = "features." + entry.getKey();
            var feature = catalog.feature(entry.getKey());
            if (feature.isEmpty()) {
                problems.add(new Problem(field, "unknown feature \"" + entry.getKey() + "\"; the known features are "
                        + String.join(", ", catalog.features().stream().map(Feature::id).toList())));
                continue;
            }
            JsonNode options = entry.getValue();
            if (options != null && !options.isObject()) {
                problems.add(new Problem(field, "must be an object of options (use {} for the defaults)"));
                continue;
            }
            features.put(feature.get().id(), options(feature.get(), options, field, problems));
        }
        checkLinks(features.keySet(), problems);
        return features;
    }

    private static SortedMap<String, Object> options(Feature feature, JsonNode given, String field, List<Problem> problems) {
        SortedMap<String, Object> values = new TreeMap<>();
        if (given != null) {
            given.fieldNames().forEachRemaining(optionId -> {
                if (feature.option(optionId).isEmpty()) {
                    problems.add(new Problem(field + "." + optionId, "unknown option of feature \"" + feature.id()
                            + "\"; its options are " + (feature.options().isEmpty() ? "none"
                            : String.join(", ", feature.options().stream().map(FeatureOption::id).toList()))));
                }
            });
        }
        for (FeatureOption option : feature.options()) {
            String optionField = field + "." + option.id();
            JsonNode value = given == null ? null : given.get(option.id());
            if (value == null || value.isNull()) {
                if (option.defaultValue() != null) {
                    values.put(option.id(), option.defaultValue());
                } else if (option.required()) {
                    problems.add(new Problem(optionField, "is required: " + option.allowed()));
                }
                continue;
            }
            Object parsed = OptionValues.parse(option, value);
            if (parsed == null) {
                problems.add(new Problem(optionField, "must be " + option.allowed()));
            } else {
                values.put(option.id(), parsed);
            }
        }
        for (OptionRule rule : feature.rules()) {
            if (values.get(rule.lower()) instanceof Integer lower && values.get(rule.upper()) instanceof Integer upper
                    && lower > upper) {
                problems.add(new Problem(field + "." + rule.lower(), "must not be greater than " + rule.upper()
                        + " (" + upper + "): " + rule.reason()));
            }
        }
        return values;
    }

    private void checkLinks(Set<String> enabled, List<Problem> problems) {
        Set<String> reported = new HashSet<>();
        for (String id : enabled) {
            Feature feature = catalog.feature(id).orElseThrow();
            for (FeatureLink link : feature.requires()) {
                if (!enabled.contains(link.feature())) {
                    problems.add(new Problem("features." + id, "requires feature \"" + link.feature() + "\": "
                            + link.reason()));
                }
            }
            for (FeatureLink link : feature.conflicts()) {
                if (enabled.contains(link.feature()) && reported.add(pair(id, link.feature()))) {
                    problems.add(new Problem("features." + id, "cannot be combined with feature \"" + link.feature()
                            + "\": " + link.reason()));
                }
            }
        }
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "+" + b : b + "+" + a;
    }
}
