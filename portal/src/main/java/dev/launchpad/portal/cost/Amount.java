package dev.launchpad.portal.cost;

import java.time.LocalDate;

/**
 * Cost of one period (a day or a month, from {@code start}) for one service and one feature.
 *
 * @param service   the {@code launchpad:service} tag value, or "" for cost without it
 * @param feature   the {@code launchpad:feature} tag value, or "" for resources without one (the core)
 * @param estimated true while AWS may still revise the figure (the current month)
 */
public record Amount(LocalDate start, String service, String feature, double usd, boolean estimated) {
}
