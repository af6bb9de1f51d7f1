package dev.adapthub.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the hub: pages, API and Git endpoints over the core services. */
@SpringBootApplication(scanBasePackages = "dev.adapthub")
public class AdaptHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdaptHubApplication.class, args);
    }
}
