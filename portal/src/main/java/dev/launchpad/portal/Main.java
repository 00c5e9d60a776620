package dev.launchpad.portal;

import dev.launchpad.portal.config.ConfigException;
import dev.launchpad.portal.config.PortalConfig;

/** Reads the configuration and starts the portal. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Preload preload = Preload.begin();
        PortalConfig config;
        try {
            config = PortalConfig.fromEnv(System.getenv());
        } catch (ConfigException e) {
            System.err.println("Launchpad cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Launchpad portal = Launchpad.start(config, preload);
        Runtime.getRuntime().addShutdownHook(new Thread(portal::close, "launchpad-shutdown"));
        System.out.println("Launchpad " + portal.blueprintVersion() + " is running at " + config.publicUrl()
                + " (data in " + config.dataDir() + ")");
    }
}
