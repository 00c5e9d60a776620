package dev.launchpad.portal.cost;

import java.time.LocalDate;
import java.util.List;

/** Monthly cost of every team for the last six months; team "" is cost without the launchpad:team tag. */
public record OrgReport(LocalDate today, List<TeamAmount> monthly) {

    public OrgReport {
        monthly = List.copyOf(monthly);
    }

    public record TeamAmount(LocalDate start, String team, double usd, boolean estimated) {
    }
}
