package com.toprise.infra.mongo;

/** What a change stream watches: one collection, one database, or every database (the deployment). */
record ChangeStreamScope(String database, String collection) {

    static ChangeStreamScope deployment() {
        return new ChangeStreamScope(null, null);
    }

    static ChangeStreamScope database(String database) {
        return new ChangeStreamScope(database, null);
    }

    static ChangeStreamScope collection(String database, String collection) {
        return new ChangeStreamScope(database, collection);
    }

    boolean isDeployment() {
        return database == null;
    }

    boolean includes(String namespace) {
        if (database == null) {
            return true;
        }
        return collection == null ? namespace.startsWith(database + ".") : namespace.equals(database + "." + collection);
    }

    /** The {@code ns} of the cursor in command replies, as MongoDB names it. */
    String cursorNamespace() {
        if (database == null) {
            return "admin.$cmd.aggregate";
        }
        return collection == null ? database + ".$cmd.aggregate" : database + "." + collection;
    }
}
