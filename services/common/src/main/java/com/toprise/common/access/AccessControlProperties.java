package com.toprise.common.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param refreshInterval how often a service re-reads the permission matrix and the deactivated accounts even when
 *                        no change was announced: the bound on how long a lost announcement goes unnoticed
 */
@ConfigurationProperties("toprise.security.access-control")
public record AccessControlProperties(Duration refreshInterval) {

    public AccessControlProperties {
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(10) : refreshInterval;
    }
}
