package com.toprise.user;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Accounts, roles, customers, dealers, employees, addresses and serviceable pincodes. */
@SpringBootApplication
@EnableConfigurationProperties(SeedProperties.class)
public class UserServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(UserServiceApplication.class, args);
    }
}
