package dev.launchpad.blueprint.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checked-in list prices, {@code prices.json} on the classpath: one table per region, dated, with its
 * source. Every region lists the same prices, so a formula never meets a missing one.
 */
public final class PriceTable {

    private static final String RESOURCE = "/dev/launchpad/blueprint/cost/prices.json";

    /** The region whose prices stand in for a region without a table of its own. */
    public static final String FALLBACK_REGION = "us-east-1";

    private final String asOf;
    private final String source;
    private final String basis;
    private final Map<String, Map<String, Price>> regions;

    PriceTable(String asOf, String source, String basis, Map<String, Map<String, Price>> regions) {
        this.asOf = asOf;
        this.source = source;
        this.basis = basis;
        this.regions = Map.copyOf(regions);
        Set<String> first = regions.values().iterator().next().keySet();
        for (var entry : regions.entrySet()) {
            Set<String> keys = entry.getValue().keySet();
            if (!keys.equals(first)) {
                Set<String> differ = new TreeSet<>(keys);
                differ.addAll(first);
                Set<String> common = new TreeSet<>(keys);
                common.retainAll(first);
                differ.removeAll(common);
                throw new IllegalStateException("prices.json: region " + entry.getKey()
                        + " does not list the same prices as the others; differing: " + differ);
            }
        }
        if (!regions.containsKey(FALLBACK_REGION)) {
            throw new IllegalStateException("prices.json must have a table for " + FALLBACK_REGION);
        }
    }

    public static PriceTable load() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Map<String, Price>> regions = new LinkedHashMap<>();
            root.get("regions").fields().forEachRemaining(region -> {
                Map<String, Price> prices = new LinkedHashMap<>();
                region.getValue().fields().forEachRemaining(p -> {
                    JsonNode v = p.getValue();
                    prices.put(p.getKey(), new Price(p.getKey(), v.get("usd").decimalValue().doubleValue(),
                            v.get("per").asLong(), v.get("unit").asText(), v.get("offer").asText(),
                            v.hasNonNull("note") ? v.get("note").asText() : null));
                });
                regions.put(region.getKey(), prices);
            });
            return new PriceTable(root.get("asOf").asText(), root.get("source").asText(), root.get("basis").asText(),
                    regions);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException("cannot read the price table " + RESOURCE, new IOException(e));
        }
    }

    /** The date the prices were taken from the price list, {@code yyyy-MM-dd}. */
    public String asOf() {
        return asOf;
    }

    public String source() {
        return source;
    }

    /** What the prices include and leave out. */
    public String basis() {
        return basis;
    }

    /** Regions with a table of their own, sorted. */
    public List<String> regions() {
        return new ArrayList<>(new TreeSet<>(regions.keySet()));
    }

    /** The region's own prices, if it has a table. */
    public Optional<RegionPrices> exactly(String region) {
        Map<String, Price> prices = regions.get(region);
        return prices == null ? Optional.empty() : Optional.of(new RegionPrices(region, prices));
    }

    /**
     * The prices to estimate {@code region} with: its own table, or {@link #FALLBACK_REGION}'s, which the
     * estimate then says in a note.
     */
    public RegionPrices forRegion(String region) {
        return exactly(region).orElseGet(() -> new RegionPrices(FALLBACK_REGION, regions.get(FALLBACK_REGION)));
    }

    /** One region's prices. */
    public record RegionPrices(String region, Map<String, Price> prices) {

        public Price price(String key) {
            Price price = prices.get(key);
            if (price == null) {
                throw new IllegalStateException("prices.json has no price " + key + " for " + region);
            }
            return price;
        }

        public boolean has(String key) {
            return prices.containsKey(key);
        }
    }
}
