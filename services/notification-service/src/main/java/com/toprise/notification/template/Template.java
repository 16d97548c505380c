package com.toprise.notification.template;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A message template for one channel, e.g. ORDER_CONFIRMED by SMS. */
@Document("templates")
public record Template(@Id String code, Channel channel, String subject, String body, Instant createdAt) {
}
