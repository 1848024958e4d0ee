package org.wushe;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@Modulithic(sharedModules = "shared")
@SpringBootApplication
public class WusheApplication {
    public static void main(String[] args) {
        SpringApplication.run(WusheApplication.class, args);
    }
}
