package dev.launchpad.blueprint.features;

import dev.launchpad.blueprint.catalog.Feature;
import dev.launchpad.blueprint.catalog.FeatureCatalog;
import dev.launchpad.blueprint.catalog.FeatureLink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Feature selections that together put every pair of optional features in every on/off combination the
 * catalog's requirements and conflicts allow: a pairwise covering set, found greedily from seeded random
 * candidates, so the set is the same on every run.
 */
final class PairwiseCombinations {

    private final FeatureCatalog catalog;
    private final List<String> optional;

    PairwiseCombinations(FeatureCatalog catalog) {
        this.catalog = catalog;
        this.optional = catalog.features().stream().filter(f -> !f.alwaysOn()).map(Feature::id).toList();
    }

    /** One value of a pair: feature {@code a} on or off with feature {@code b} on or off. */
    record Pair(String a, boolean aOn, String b, boolean bOn) {
        boolean coveredBy(Set<String> selection) {
            return selection.contains(a) == aOn && selection.contains(b) == bOn;
        }
    }

    List<Set<String>> covering(long seed) {
        Set<Pair> uncovered = new LinkedHashSet<>();
        for (int i = 0; i < optional.size(); i++) {
            for (int j = i + 1; j < optional.size(); j++) {
                for (boolean aOn : new boolean[] {true, false}) {
                    for (boolean bOn : new boolean[] {true, false}) {
                        Pair pair = new Pair(optional.get(i), aOn, optional.get(j), bOn);
                        if (possible(pair)) {
                            uncovered.add(pair);
                        }
                    }
                }
            }
        }
        Random random = new Random(seed);
        List<Set<String>> chosen = new ArrayList<>();
        while (!uncovered.isEmpty()) {
            Set<String> best = null;
            long bestCount = -1;
            for (int candidate = 0; candidate < 300; candidate++) {
                Set<String> selection = new TreeSet<>();
                for (String id : optional) {
                    if (random.nextBoolean()) {
                        selection.add(id);
                    }
                }
                selection = repair(selection, random);
                Set<String> finalSelection = selection;
                long count = uncovered.stream().filter(p -> p.coveredBy(finalSelection)).count();
                if (count > bestCount) {
                    best = selection;
                    bestCount = count;
                }
            }
            Set<String> winner = best;
            if (bestCount == 0) {
                throw new IllegalStateException("cannot cover " + uncovered);
            }
            uncovered.removeIf(p -> p.coveredBy(winner));
            chosen.add(winner);
        }
        return chosen;
    }

    /** Whether any valid selection holds this pair: its forced-on features with their requirements, nothing forced off. */
    private boolean possible(Pair pair) {
        Set<String> on = new HashSet<>();
        if (pair.aOn()) {
            on.add(pair.a());
        }
        if (pair.bOn()) {
            on.add(pair.b());
        }
        Set<String> closed = withRequirements(on);
        return (pair.aOn() || !closed.contains(pair.a())) && (pair.bOn() || !closed.contains(pair.b()))
                && conflictFree(closed);
    }

    /** Adds what the selection requires and drops one side of each conflict (and whatever needed it). */
    Set<String> repair(Set<String> selection, Random random) {
        Set<String> result = withRequirements(selection);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String id : List.copyOf(result)) {
                for (FeatureLink conflict : feature(id).conflicts()) {
                    if (result.contains(id) && result.contains(conflict.feature())) {
                        result.remove(random.nextBoolean() ? id : conflict.feature());
                        changed = true;
                    }
                }
            }
            for (String id : List.copyOf(result)) {
                if (feature(id).requires().stream().anyMatch(r -> !result.contains(r.feature()))) {
                    result.remove(id);
                    changed = true;
                }
            }
        }
        return new TreeSet<>(result);
    }

    private Set<String> withRequirements(Set<String> selection) {
        Set<String> result = new TreeSet<>(selection);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String id : List.copyOf(result)) {
                for (FeatureLink requirement : feature(id).requires()) {
                    changed |= result.add(requirement.feature());
                }
            }
        }
        return result;
    }

    boolean conflictFree(Set<String> selection) {
        return selection.stream().allMatch(id -> feature(id).conflicts().stream()
                .noneMatch(c -> selection.contains(c.feature())));
    }

    private Feature feature(String id) {
        return catalog.feature(id).orElseThrow();
    }
}
