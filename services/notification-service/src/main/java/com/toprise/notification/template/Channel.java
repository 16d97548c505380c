package com.toprise.notification.template;

import com.toprise.common.web.InvalidRequestException;

/** How a template's message reaches a person; each channel knows what its messages must carry. */
public enum Channel {
    /** A mailbox lists an email by its subject line, so an EMAIL template must have one. */
    EMAIL(true),
    SMS(false),
    PUSH(false);

    private final boolean requiresSubject;

    Channel(boolean requiresSubject) {
        this.requiresSubject = requiresSubject;
    }

    /** Refuses (400, field {@code subject}) a blank subject for a channel whose messages need one. */
    public void checkSubject(String subject) {
        if (requiresSubject && (subject == null || subject.isBlank())) {
            throw InvalidRequestException.of("subject", "is required for " + name() + " templates");
        }
    }
}
