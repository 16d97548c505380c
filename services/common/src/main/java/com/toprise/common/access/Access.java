package com.toprise.common.access;

import com.toprise.common.security.AccessTokens.Identity;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.common.web.UnauthorizedException;

/**
 * What the caller of this request may do, as a controller parameter: who it is (null on a public endpoint called
 * without a token), the resource and action the matrix was asked about, and the scope it granted.
 */
public record Access(Identity identity, String resource, Action action, Scope scope) {

    public boolean authenticated() {
        return identity != null;
    }

    public String userId() {
        if (identity == null) {
            throw new UnauthorizedException("A bearer token is required.");
        }
        return identity.userId();
    }

    public String role() {
        return identity == null ? null : identity.role();
    }

    /** True when the caller may act on every record of the resource, not only its own. */
    public boolean seesAll() {
        return scope == Scope.ALL;
    }

    /**
     * Lets the request go on only for a record the caller may act on: any record with scope ALL, its own with OWN.
     * Someone else's record answers 404 like a missing one, so ids cannot be probed.
     */
    public void checkOwner(String ownerId, String recordId) {
        if (!seesAll() && (identity == null || !identity.userId().equals(ownerId))) {
            throw new ResourceNotFoundException(resource, recordId);
        }
    }
}
