package com.example.orders.testing;

import java.util.function.Supplier;

/** Ids that tests can predict: prefix-1, prefix-2, ... */
public final class Sequence implements Supplier<String> {

    private final String prefix;
    private int next = 1;

    public Sequence(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String get() {
        return prefix + "-" + next++;
    }
}
