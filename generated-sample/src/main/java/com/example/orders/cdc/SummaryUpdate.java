package com.example.orders.cdc;

import java.time.Instant;

/**
 * What one change of an order does to its user's order summary: numbers to add (negative to take away)
 * and, for a new order, the time it was placed. Additions can be applied in any order with the same
 * result, which is what lets changes of different orders arrive from different shards in any order.
 *
 * @param orders        change in the user's orders still standing
 * @param cancellations change in the user's cancelled orders
 * @param currency      the currency of amountCents; null when there is no amount
 * @param amountCents   change in the total of the orders still standing, in minor units
 * @param orderedAt     when a new order was placed; null for other changes
 */
public record SummaryUpdate(String userId, long orders, long cancellations, String currency, long amountCents,
                            Instant orderedAt) {

    /** A change that does not touch any summary: a user's, or an order's that changes no figure. */
    public static final SummaryUpdate NONE = new SummaryUpdate(null, 0, 0, null, 0, null);

    public boolean isNone() {
        return userId == null;
    }
}
