package org.wushe;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.wushe.platform.BackupCommand;

@Modulithic(sharedModules = "shared")
@SpringBootApplication
public class WusheApplication {
    public static void main(String[] args) {
        // --backup=<file> / --restore=<file> run instead of the application (BackupCommand says why)
        var backup = BackupCommand.run(args, System.getenv(), System.out);
        if (backup.isPresent()) {
            System.exit(backup.getAsInt());
        }
        var application = new SpringApplication(WusheApplication.class);
        if (Arrays.asList(args).contains("--demo")) {
            application.setAdditionalProfiles("demo"); // the documented shortcut for the demo profile
        }
        application.run(args);
    }
}
