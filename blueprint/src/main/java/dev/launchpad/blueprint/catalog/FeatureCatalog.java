package dev.launchpad.blueprint.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The features a service can have, read from {@code catalog.json} on the classpath. It is the one
 * source for the portal's form, the REST metadata, the CLI listing, validation and rendering.
 */
public final class FeatureCatalog {

    private static final String RESOURCE = "/dev/launchpad/blueprint/catalog.json";

    private final Map<String, Feature> features;

    private FeatureCatalog(List<Feature> features) {
        Map<String, Feature> byId = new LinkedHashMap<>();
        for (Feature feature : features) {
            if (byId.put(feature.id(), feature) != null) {
                throw new IllegalStateException("catalog lists feature '" + feature.id() + "' twice");
            }
        }
        this.features = Map.copyOf(byId);
        this.order = List.copyOf(byId.keySet());
        checkLinks();
    }

    private final List<String> order;

    public static FeatureCatalog load() {
        try (InputStream in = FeatureCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new FeatureCatalog(CatalogReader.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the feature catalog", e);
        }
    }

    /** Features in catalog order: the order of the form and of rendering. */
    public List<Feature> features() {
        List<Feature> list = new ArrayList<>(order.size());
        order.forEach(id -> list.add(features.get(id)));
        return list;
    }

    public Optional<Feature> feature(String id) {
        return Optional.ofNullable(features.get(id));
    }

    public Set<String> ids() {
        return features.keySet();
    }

    private void checkLinks() {
        for (Feature feature : features.values()) {
            List<FeatureLink> links = new ArrayList<>(feature.requires());
            links.addAll(feature.conflicts());
            for (FeatureLink link : links) {
                if (!features.containsKey(link.feature())) {
                    throw new IllegalStateException(
                            "feature '" + feature.id() + "' links to unknown feature '" + link.feature() + "'");
                }
            }
        }
    }
}
