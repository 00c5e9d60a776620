package dev.launchpad.blueprint.cost;

/**
 * One list price: {@code usd} for every {@code per} {@code unit}s, e.g. $0.20 per 1,000,000 requests.
 *
 * @param key   the price's name in {@code prices.json}, e.g. {@code lambda.requests}
 * @param offer the AWS Price List offer it comes from, e.g. {@code AWSLambda}
 * @param note  what the price covers or leaves out, or null
 */
public record Price(String key, double usd, long per, String unit, String offer, String note) {

    public Price {
        if (per <= 0 || usd < 0) {
            throw new IllegalArgumentException("price " + key + " must be non-negative per a positive quantity");
        }
    }

    /** True when the table marks the figure as not yet checked against the price list; estimates then say so. */
    public boolean unconfirmed() {
        return note != null && note.contains("not yet confirmed");
    }

    /** The price of one unit. */
    public double unitUsd() {
        return usd / per;
    }

    /** As a person reads it: {@code $0.20 per 1,000,000 requests}. */
    public String text() {
        return "$" + Num.price(usd) + " per " + (per == 1 ? "" : Num.of(per) + " ") + unit;
    }
}
