package dev.launchpad.portal.health;

/** An AWS account and region that stacks are read from: the unit of batching and of AWS call limits. */
public record Target(String account, String region) {

    public String id() {
        return account + "/" + region;
    }
}
