package com.toprise.user.permission;

import com.toprise.user.SeedProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PermissionConfiguration {

    @Bean
    DefaultPermissions defaultPermissions(SeedProperties seed) {
        return DefaultPermissions.read(seed.defaultPermissions());
    }
}
