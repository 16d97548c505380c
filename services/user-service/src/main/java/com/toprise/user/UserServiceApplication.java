package com.toprise.user;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Accounts (customers, dealers, employees and the admin roles), sign-in with access and refresh tokens, addresses,
 * serviceable pincodes, the permission matrix it seeds and publishes to every service, and the audit-log query.
 */
@SpringBootApplication
@EnableConfigurationProperties(SeedProperties.class)
public class UserServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(UserServiceApplication.class, args);
    }
}
