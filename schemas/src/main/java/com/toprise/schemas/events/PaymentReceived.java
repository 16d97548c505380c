package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/** A captured payment for an order; providerReference is the gateway's id (a Razorpay payment id). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentReceived(String paymentId, String orderId, BigDecimal amount, String currency, Method method,
                              String provider, String providerReference) {

    public enum Method { CARD, UPI, NETBANKING, WALLET, COD }
}
