package dev.launchpad.blueprint.cost;

/**
 * One priced quantity of an estimate, with what it was computed from, so a person can check it:
 * {@code quantity} {@code unit} at {@code priceText} is {@code monthlyUsd}. A negative quantity is a cost
 * the feature takes away (WAF's REST API replaces the HTTP API, for example).
 *
 * @param item       what is billed: "Lambda compute"
 * @param quantity   how much of it a month, in {@code unit}
 * @param unit       the unit of the quantity and of the price, e.g. "GB-second"
 * @param unitUsd    the price of one unit
 * @param priceKey   the price's key in the price table
 * @param priceText  the price as published: "$0.0000133334 per GB-second"
 * @param formula    how the quantity follows from the options and assumptions
 * @param monthlyUsd {@code quantity × unitUsd}
 */
public record CostLine(String item, double quantity, String unit, double unitUsd, String priceKey, String priceText,
                       String formula, double monthlyUsd) {

    static CostLine of(String item, double quantity, Price price, String formula) {
        return new CostLine(item, quantity, price.unit(), price.unitUsd(), price.key(), price.text(), formula,
                quantity * price.unitUsd());
    }

    /** The line written out: "1,000,000 requests × $0.20 per 1,000,000 requests = $0.20". */
    public String calculation() {
        return Num.of(quantity) + " " + unit + " × " + priceText + " = $" + Num.usd(monthlyUsd);
    }
}
