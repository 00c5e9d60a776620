package com.example.orders.orders;

import com.example.orders.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/** The body of POST /orders, validated. The limits keep any total far below what a long holds. */
public record NewOrder(String userId, List<OrderItem> items, String currency) {

    static final int MAX_ITEMS = 100;
    static final int MAX_QUANTITY = 1_000;
    static final int MAX_UNIT_PRICE_CENTS = 100_000_000;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public NewOrder {
        items = List.copyOf(items);
    }

    static NewOrder from(JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        String userId = fields.text("userId", 64, ID, "must be 1 to 64 letters, digits, hyphens or underscores");
        String currency = fields.text("currency", 3, CURRENCY, "must be an ISO 4217 code such as EUR or USD");
        if (currency != null && !isKnownCurrency(currency)) {
            currency = fields.reject("currency", "must be an ISO 4217 code such as EUR or USD");
        }
        List<OrderItem> items = fields.objects("items", 1, MAX_ITEMS).stream()
                .map(item -> new OrderItem(
                        item.text("sku", 64, SKU, "must be 1 to 64 letters, digits, dots, hyphens or underscores"),
                        item.integer("quantity", 1, MAX_QUANTITY),
                        item.integer("unitPriceCents", 0, MAX_UNIT_PRICE_CENTS)))
                .toList();
        fields.throwIfInvalid();
        return new NewOrder(userId, items, currency);
    }

    private static boolean isKnownCurrency(String code) {
        return Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
    }
}
