package dev.launchpad.portal.config;

import dev.launchpad.portal.auth.AuthSettings;
import dev.launchpad.portal.aws.AwsSettings;
import dev.launchpad.portal.cost.CostSettings;
import dev.launchpad.portal.health.HealthSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Everything the portal is configured with, read once from {@code LAUNCHPAD_*} environment variables
 * and validated at start-up. Nothing else reads the environment.
 *
 * @param publicUrl           the base URL people and tools reach the portal at, without a trailing slash;
 *                            used in clone URLs and in the module sources of generated projects
 * @param auth                how people and tools sign in: bootstrap admin and token, sessions, OpenID Connect
 * @param terraformModulesDir where the platform Terraform modules are read from, or null for the copy
 *                            packaged in the jar
 * @param templatesDir        jte page templates to compile on change (development), or null for the
 *                            precompiled ones
 * @param aws                 the accounts and regions health is read from; none means demo health data
 * @param instanceId          names this instance among those sharing the database: the runs it executes and
 *                            the leases it holds; the same after a restart, so it recovers its own runs
 */
public record PortalConfig(
        int port,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String publicUrl,
        AuthSettings auth,
        GitTarget git,
        boolean demoData,
        Path terraformModulesDir,
        Path templatesDir,
        CostSettings cost,
        AwsSettings aws,
        HealthSettings health,
        String instanceId) {

    public static final int DEFAULT_PORT = 7070;
    private static final int MAX_INSTANCE_ID = 64;
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_INSTANCE_ID + "}");

    /** The variables this record reads, with what each means; the README and the start-up error list them. */
    public static final Map<String, String> VARIABLES = Map.ofEntries(
            Map.entry("LAUNCHPAD_PORT", "HTTP port (default 7070)"),
            Map.entry("LAUNCHPAD_INSTANCE_ID", "names this instance among those sharing one database, 1 to 64 letters, digits, '.', '_' or '-' (default <host name>:<port>)"),
            Map.entry("LAUNCHPAD_DATA_DIR", "directory for the database and Git repositories (default ./data)"),
            Map.entry("LAUNCHPAD_DB_URL", "JDBC URL, jdbc:h2:... or jdbc:postgresql:... (default an H2 file in the data directory)"),
            Map.entry("LAUNCHPAD_DB_USER", "database user (default sa for H2, empty otherwise)"),
            Map.entry("LAUNCHPAD_DB_PASSWORD", "database password (default empty)"),
            Map.entry("LAUNCHPAD_PUBLIC_URL", "base URL of the portal (default http://localhost:<port>)"),
            Map.entry("LAUNCHPAD_BOOTSTRAP_ADMIN_PASSWORD", "the first admin's password, instead of one generated and printed once at first start"),
            Map.entry("LAUNCHPAD_BOOTSTRAP_TOKEN", "an admin API token registered at start (stored hashed), for deployment pipelines"),
            Map.entry("LAUNCHPAD_SESSION_IDLE_MINUTES", "a browser session ends after this many minutes without a request (default 120)"),
            Map.entry("LAUNCHPAD_SESSION_MAX_MINUTES", "and this many minutes after sign-in (default 720)"),
            Map.entry("LAUNCHPAD_OIDC_ISSUER", "OpenID Connect issuer URL for company sign-in (default none: local accounts only)"),
            Map.entry("LAUNCHPAD_OIDC_CLIENT_ID", "the OpenID Connect client id"),
            Map.entry("LAUNCHPAD_OIDC_CLIENT_SECRET", "the OpenID Connect client secret"),
            Map.entry("LAUNCHPAD_OIDC_GROUPS_CLAIM", "the ID token claim listing the user's groups (default groups)"),
            Map.entry("LAUNCHPAD_OIDC_ADMIN_GROUP", "the group whose members are admins (default launchpad-admins)"),
            Map.entry("LAUNCHPAD_OIDC_TEAM_GROUP_PREFIX", "groups <prefix><team> make members of a team (default launchpad-team-)"),
            Map.entry("LAUNCHPAD_OIDC_LEAD_GROUP_PREFIX", "groups <prefix><team> make leads of a team (default launchpad-lead-)"),
            Map.entry("LAUNCHPAD_OIDC_NAME", "what the sign-in button calls the provider (default company sign-in)"),
            Map.entry("LAUNCHPAD_GIT_REMOTE_URL_TEMPLATE", "push new repositories here, e.g. https://git.example.com/{team}/{service}.git (default: the portal's own Git server)"),
            Map.entry("LAUNCHPAD_GIT_USERNAME", "user for the remote Git server"),
            Map.entry("LAUNCHPAD_GIT_PASSWORD", "password or token for the remote Git server"),
            Map.entry("LAUNCHPAD_DEMO_DATA", "true or false: seed demo teams and services into an empty database (default true)"),
            Map.entry("LAUNCHPAD_TERRAFORM_MODULES_DIR", "platform Terraform modules to publish (default: the copy inside the jar)"),
            Map.entry("LAUNCHPAD_TEMPLATES_DIR", "jte page templates to hot-reload in development (default: precompiled)"),
            Map.entry("LAUNCHPAD_COST_SOURCE", "demo or aws: where cost figures come from (default demo, labelled as demo data)"),
            Map.entry("LAUNCHPAD_COST_ACCOUNT_ID", "12-digit payer account whose budgets the cost pages read (needed with aws)"),
            Map.entry("LAUNCHPAD_COST_ENDPOINT", "an http(s) URL answering for Cost Explorer and Budgets instead of AWS (stubs)"),
            Map.entry("LAUNCHPAD_COST_REFRESH_HOURS", "hours cost figures are cached before a background refresh, 1 to 24 (default 8)"),
            Map.entry("LAUNCHPAD_AWS_TARGETS", "where each environment's stacks are read from: environment=accountId:region[:roleArn], comma-separated; * for the rest (default none: demo health data)"),
            Map.entry("LAUNCHPAD_AWS_REGION", "one region for every environment not in LAUNCHPAD_AWS_TARGETS, with the default credentials"),
            Map.entry("LAUNCHPAD_AWS_ENDPOINT", "an http(s) URL answering for CloudWatch and the tagging API instead of AWS (stubs, LocalStack-like)"),
            Map.entry("LAUNCHPAD_AWS_TIMEOUT_MS", "how long one AWS call may take, retries included (default 10000)"),
            Map.entry("LAUNCHPAD_HEALTH_WAIT_MS", "how long a health page waits for AWS before answering from the cache (default 700)"),
            Map.entry("LAUNCHPAD_HEALTH_REFRESH_SECONDS", "seconds between background reads of every stack's alarms; 0 turns it off (default 60)"));

    public PortalConfig {
        publicUrl = stripTrailingSlash(publicUrl);
    }

    /** Reads the environment, collecting every problem before failing. */
    public static PortalConfig fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        int port = port(value(env, "LAUNCHPAD_PORT"), problems);
        String instanceId = instanceId(value(env, "LAUNCHPAD_INSTANCE_ID"), value(env, "HOSTNAME"), port, problems);
        Path dataDir = Path.of(Optional.ofNullable(value(env, "LAUNCHPAD_DATA_DIR")).orElse("./data")).toAbsolutePath().normalize();

        String dbUrl = value(env, "LAUNCHPAD_DB_URL");
        if (dbUrl == null) {
            dbUrl = "jdbc:h2:file:" + dataDir.resolve("db").resolve("launchpad");
        } else if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            problems.add("LAUNCHPAD_DB_URL must be a jdbc:h2: or jdbc:postgresql: URL");
        }
        String dbUser = value(env, "LAUNCHPAD_DB_USER");
        if (dbUser == null) {
            dbUser = dbUrl.startsWith("jdbc:h2:") ? "sa" : "";
        }
        String dbPassword = Optional.ofNullable(value(env, "LAUNCHPAD_DB_PASSWORD")).orElse("");

        String publicUrl = value(env, "LAUNCHPAD_PUBLIC_URL");
        if (publicUrl == null) {
            publicUrl = "http://localhost:" + port;
        } else if (!isHttpUrl(publicUrl)) {
            problems.add("LAUNCHPAD_PUBLIC_URL must be an absolute http or https URL, for example https://launchpad.example.com");
        }

        AuthSettings auth = AuthSettings.parse(env, publicUrl.startsWith("https:"), problems);

        GitTarget git = git(env, problems);
        boolean demoData = bool(env, "LAUNCHPAD_DEMO_DATA", true, problems);
        Path modules = directory(env, "LAUNCHPAD_TERRAFORM_MODULES_DIR", problems);
        Path templates = directory(env, "LAUNCHPAD_TEMPLATES_DIR", problems);
        CostSettings cost = CostSettings.parse(value(env, "LAUNCHPAD_COST_SOURCE"), value(env, "LAUNCHPAD_COST_ACCOUNT_ID"),
                value(env, "LAUNCHPAD_COST_ENDPOINT"), value(env, "LAUNCHPAD_COST_REFRESH_HOURS"), problems);
        AwsSettings aws = AwsSettings.parse(value(env, "LAUNCHPAD_AWS_TARGETS"), value(env, "LAUNCHPAD_AWS_REGION"),
                value(env, "LAUNCHPAD_AWS_ENDPOINT"), value(env, "LAUNCHPAD_AWS_TIMEOUT_MS"), problems);
        HealthSettings health = HealthSettings.parse(value(env, "LAUNCHPAD_HEALTH_WAIT_MS"),
                value(env, "LAUNCHPAD_HEALTH_REFRESH_SECONDS"), problems);

        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new PortalConfig(port, dataDir, dbUrl, dbUser, dbPassword, publicUrl, auth, git, demoData,
                modules, templates, cost, aws, health, instanceId);
    }

    /** The embedded defaults for a data directory: what tests and a first run use. */
    public static PortalConfig embedded(int port, Path dataDir) {
        return fromEnv(Map.of("LAUNCHPAD_PORT", Integer.toString(port), "LAUNCHPAD_DATA_DIR", dataDir.toString(),
                "LAUNCHPAD_DEMO_DATA", "false"));
    }

    public PortalConfig withGit(GitTarget target) {
        return new PortalConfig(port, dataDir, dbUrl, dbUser, dbPassword, publicUrl, auth, target, demoData,
                terraformModulesDir, templatesDir, cost, aws, health, instanceId);
    }

    public PortalConfig withDemoData(boolean on) {
        return new PortalConfig(port, dataDir, dbUrl, dbUser, dbPassword, publicUrl, auth, git, on,
                terraformModulesDir, templatesDir, cost, aws, health, instanceId);
    }

    public PortalConfig withDbUrl(String url) {
        return new PortalConfig(port, dataDir, url, dbUser, dbPassword, publicUrl, auth, git, demoData,
                terraformModulesDir, templatesDir, cost, aws, health, instanceId);
    }

    public PortalConfig withAuth(AuthSettings settings) {
        return new PortalConfig(port, dataDir, dbUrl, dbUser, dbPassword, publicUrl, settings, git, demoData,
                terraformModulesDir, templatesDir, cost, aws, health, instanceId);
    }

    public PortalConfig withTerraformModulesDir(Path dir) {
        return new PortalConfig(port, dataDir, dbUrl, dbUser, dbPassword, publicUrl, auth, git, demoData,
                dir, templatesDir, cost, aws, health, instanceId);
    }

    public PortalConfig withCost(CostSettings settings) {
        return new PortalConfig(port, dataDir, dbUrl, dbUser, dbPassword, publicUrl, auth, git, demoData,
                terraformModulesDir, templatesDir, settings, aws, health, instanceId);
    }

    public PortalConfig withAws(AwsSettings settings) {
        return new PortalConfig(port, dataDir, dbUrl, dbUser, dbPassword, publicUrl, auth, git, demoData,
                terraformModulesDir, templatesDir, cost, settings, health, instanceId);
    }

    public PortalConfig withHealth(HealthSettings settings) {
        return new PortalConfig(port, dataDir, dbUrl, dbUser, dbPassword, publicUrl, auth, git, demoData,
                terraformModulesDir, templatesDir, cost, aws, settings, instanceId);
    }

    public Path gitRoot() {
        return dataDir.resolve("git");
    }

    @Override
    public String toString() {
        return "PortalConfig[port=" + port + ", dataDir=" + dataDir + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser
                + ", dbPassword=***, publicUrl=" + publicUrl + ", auth=" + auth + ", git=" + git
                + ", demoData=" + demoData + ", terraformModulesDir=" + terraformModulesDir
                + ", templatesDir=" + templatesDir + ", cost=" + cost + ", aws=" + aws + ", health=" + health
                + ", instanceId=" + instanceId + "]";
    }

    private static String value(Map<String, String> env, String key) {
        String v = env.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static int port(String text, List<String> problems) {
        if (text == null) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add("LAUNCHPAD_PORT must be a port number from 0 to 65535, not '" + text + "'");
        return DEFAULT_PORT;
    }

    /**
     * The configured id, else {@code <host name>:<port>}: stable across restarts, and different for instances
     * on different hosts or ports. Without a known host name or a fixed port it is random, so a restart then
     * recovers its runs once its previous lease has expired rather than those of another instance.
     */
    private static String instanceId(String configured, String hostnameVariable, int port, List<String> problems) {
        if (configured != null) {
            if (!INSTANCE_ID.matcher(configured).matches()) {
                problems.add("LAUNCHPAD_INSTANCE_ID must be 1 to " + MAX_INSTANCE_ID
                        + " letters, digits, '.', '_' or '-', not '" + configured + "'");
            }
            return configured;
        }
        // a random part only where needed: seeding the secure random generator costs a start 20 ms
        Supplier<String> random = () -> UUID.randomUUID().toString().substring(0, 8);
        String suffix = ":" + (port == 0 ? random.get() : Integer.toString(port));
        // HOSTNAME when the shell or container sets it: resolving the local host can take seconds on some networks
        String host = Optional.ofNullable(hostnameVariable).or(PortalConfig::hostName).orElseGet(random);
        return host.substring(0, Math.min(host.length(), MAX_INSTANCE_ID - suffix.length())) + suffix;
    }

    private static Optional<String> hostName() {
        try {
            return Optional.of(InetAddress.getLocalHost().getHostName()).filter(h -> !h.isBlank());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static GitTarget git(Map<String, String> env, List<String> problems) {
        String template = value(env, "LAUNCHPAD_GIT_REMOTE_URL_TEMPLATE");
        String user = value(env, "LAUNCHPAD_GIT_USERNAME");
        String password = env.getOrDefault("LAUNCHPAD_GIT_PASSWORD", "");
        if (template == null) {
            if (user != null || !password.isEmpty()) {
                problems.add("LAUNCHPAD_GIT_USERNAME and LAUNCHPAD_GIT_PASSWORD need LAUNCHPAD_GIT_REMOTE_URL_TEMPLATE");
            }
            return new GitTarget.Embedded();
        }
        if (!template.contains("{service}")) {
            problems.add("LAUNCHPAD_GIT_REMOTE_URL_TEMPLATE must contain {service} (and usually {team}),"
                    + " for example https://git.example.com/{team}/{service}.git");
        }
        String probe = template.replace("{team}", "team").replace("{service}", "service");
        if (!isHttpUrl(probe) && !probe.startsWith("ssh://") && !probe.startsWith("file:")) {
            problems.add("LAUNCHPAD_GIT_REMOTE_URL_TEMPLATE must be an http(s), ssh or file URL");
        } else if (probe.contains("@") && probe.startsWith("http")) {
            problems.add("LAUNCHPAD_GIT_REMOTE_URL_TEMPLATE must not contain credentials;"
                    + " use LAUNCHPAD_GIT_USERNAME and LAUNCHPAD_GIT_PASSWORD");
        }
        if (user == null && !password.isEmpty()) {
            problems.add("LAUNCHPAD_GIT_PASSWORD needs LAUNCHPAD_GIT_USERNAME");
        }
        return new GitTarget.Remote(template, user, password);
    }

    private static boolean bool(Map<String, String> env, String key, boolean fallback, List<String> problems) {
        String v = value(env, key);
        if (v == null) {
            return fallback;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        problems.add(key + " must be true or false, not '" + v + "'");
        return fallback;
    }

    private static Path directory(Map<String, String> env, String key, List<String> problems) {
        String v = value(env, key);
        if (v == null) {
            return null;
        }
        Path path = Path.of(v).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            problems.add(key + " must name an existing directory; " + path + " is not one");
        }
        return path;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null);
        } catch (Exception e) {
            return false;
        }
    }

    private static String stripTrailingSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
