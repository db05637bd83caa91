package org.compromiso;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CompromisoApplication {

    public static void main(String[] args) {
        SpringApplication.run(CompromisoApplication.class, args);
    }
}
