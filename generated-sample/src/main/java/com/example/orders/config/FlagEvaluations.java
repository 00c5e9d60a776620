package com.example.orders.config;

/** Counts flag checks, so a dashboard shows which code paths consult flags and how often. */
@FunctionalInterface
public interface FlagEvaluations {

    void evaluated(String flag, boolean enabled);
}
