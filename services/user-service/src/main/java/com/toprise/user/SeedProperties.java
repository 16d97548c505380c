package com.toprise.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Data a new installation starts with, each read only while its collection is empty.
 *
 * @param pincodes           CSV of code,city,state,serviceable,latitude,longitude (the centroid may be empty)
 * @param defaultPermissions JSON of role → resource → action → scope
 */
@ConfigurationProperties("toprise.seed")
public record SeedProperties(Resource pincodes, Resource defaultPermissions) {

    public SeedProperties {
        var loader = new DefaultResourceLoader();
        pincodes = pincodes == null ? loader.getResource("classpath:seed/pincodes.csv") : pincodes;
        defaultPermissions = defaultPermissions == null
                ? loader.getResource("classpath:seed/default-permissions.json") : defaultPermissions;
    }
}
