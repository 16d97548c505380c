package com.toprise.infra.provisioning;

/** A cluster refused or did not finish what provisioning asked of it; the message names the object and the cluster. */
public final class ProvisioningFailure extends RuntimeException {

    public ProvisioningFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public ProvisioningFailure(String message) {
        super(message);
    }
}
