package com.toprise.infra.platform;

/** A component that could not start, named with its port and log file so the user knows where to look. */
public final class ComponentFailure extends RuntimeException {

    public ComponentFailure(PlatformComponent component, String what, Throwable cause) {
        super(component.name() + " (port " + component.port() + ") " + what + "; log: " + component.logFile(), cause);
    }
}
