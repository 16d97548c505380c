package com.toprise.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Notification templates per channel (create and read, under the permission matrix). Nothing is delivered yet: the
 * Kafka-to-RabbitMQ bridge and the email, SMS and push workers are planned (docs/architecture.md).
 */
@SpringBootApplication
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
