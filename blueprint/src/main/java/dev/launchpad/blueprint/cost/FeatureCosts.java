package dev.launchpad.blueprint.cost;

/** The cost formulas of one feature: what its resources and usage add to a month's bill. */
interface FeatureCosts {

    /** The catalog id of the feature. */
    String feature();

    void contribute(Stack stack, Bill bill);
}
