package com.toprise.user;

import com.toprise.user.geo.GeocodingProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Accounts (customers, dealers, employees and the admin roles), sign-in with access and refresh tokens, dealer
 * profiles (published as DEALER_UPDATED for assignment), addresses geocoded with Nominatim, serviceable pincodes
 * with their centroids, the permission matrix it seeds and publishes to every service, and the audit-log query.
 */
@SpringBootApplication
@EnableConfigurationProperties({SeedProperties.class, GeocodingProperties.class})
public class UserServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(UserServiceApplication.class, args);
    }
}
