package dev.launchpad.portal.aws;

/**
 * Where one environment's stacks live.
 *
 * @param environment the environment name, or {@code *} for every environment not named otherwise
 * @param account     the 12-digit account id, or {@code default} for whatever account the credentials are in
 * @param roleArn     a role to assume for reading, or null to read with the default credentials
 */
public record AwsTarget(String environment, String account, String region, String roleArn) {

    public static final String ANY_ENVIRONMENT = "*";

    @Override
    public String toString() {
        return environment + "=" + account + ":" + region + (roleArn == null ? "" : ":" + roleArn);
    }
}
