package dev.adapthub;

import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

/** Starts the hub: pages, API and Git endpoints over the core services. */
@SpringBootApplication
public class AdaptHubApplication {

    public static void main(String[] args) {
        if (dev.adapthub.core.backup.BackupCommand.handles(args)) { // backup --to DIR, restore --from DIR
            System.exit(dev.adapthub.core.backup.BackupCommand.run(args, System.getenv(), System.out, System.err));
        }
        // The embedded H2 database refuses implicitly relative paths ("data/db"), so the
        // data directory is made absolute before anything reads it.
        String dataDir = System.getenv("HUB_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank() && System.getProperty("hub.data-dir") == null) {
            System.setProperty("hub.data-dir", Path.of(dataDir).toAbsolutePath().normalize().toString());
        }
        if (args.length > 0 && args[0].equals(dev.adapthub.web.lfs.LfsToS3Command.NAME)) {
            System.exit(dev.adapthub.web.lfs.LfsToS3Command.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication application = new SpringApplication(AdaptHubApplication.class);
        if (Boolean.getBoolean("hub.startup-events")) {
            // Each start-up step (bean creation with its name, context phases) as a JFR event
            // (FlightRecorderStartupEvent); read with -XX:StartFlightRecording (docs/operations.md, "Sizing").
            application.setApplicationStartup(new FlightRecorderApplicationStartup());
        }
        application.run(args);
    }
}
