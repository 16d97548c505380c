package com.toprise.order.courier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * The Borzo delivery adapter's settings ({@code toprise.borzo.*}, environment {@code TOPRISE_BORZO_*}).
 *
 * @param baseUrl         the API with its version, e.g. {@code https://robot-in.borzodelivery.com/api/business/1.6}
 *                        (test: {@code https://robotapitest-in.borzodelivery.com/api/business/1.6}); the version
 *                        stays in the URL so that moving to another one is a configuration change
 * @param authToken       the {@code X-DV-Auth-Token} of our Borzo business account
 * @param callbackSecret  the secret Borzo signs its callbacks with ({@code X-DV-Signature}); it is not the auth
 *                        token, Borzo shows it next to the callback URL in the account's API settings
 * @param vehicleTypeId   what Borzo sends to fetch a parcel: 8 is a motorbike, enough for most parts
 * @param connectTimeout  how long a connection to Borzo may take
 * @param readTimeout     how long one call may wait for Borzo's answer
 * @param bookingClaimTtl how long a booking whose create-order has not answered holds its fulfilment; past it
 *                        (the booking process died) a new booking may replace it. Above the connect plus two reads
 */
@ConfigurationProperties("toprise.borzo")
public record BorzoProperties(
        URI baseUrl,
        String authToken,
        String callbackSecret,
        @DefaultValue("8") int vehicleTypeId,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("2m") Duration bookingClaimTtl) {
}
