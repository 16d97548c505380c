package com.toprise.common.access;

/**
 * How much of a resource a role may act on: nothing, only what is its own (a customer's addresses and orders, what
 * is assigned to a dealer), or everything. Ownership is part of the matrix so that it is data, not code, too.
 */
public enum Scope {
    NONE, OWN, ALL;

    public boolean allows() {
        return this != NONE;
    }
}
