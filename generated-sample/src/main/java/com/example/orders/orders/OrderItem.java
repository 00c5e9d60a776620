package com.example.orders.orders;

/** One line of an order. Money is in the currency's minor unit (cents), never a floating point number. */
public record OrderItem(String sku, int quantity, long unitPriceCents) {

    long totalCents() {
        return Math.multiplyExact(unitPriceCents, (long) quantity);
    }
}
