package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code updateDescription} of an update event, derived from the update operators and the post-image: every
 * path an operator touched is in {@code updatedFields} with its new value, or in {@code removedFields} when it is
 * gone. Positional paths ({@code items.$.qty}, {@code items.$[i].qty}) report the whole array ({@code items}), where
 * MongoDB would name the element; an array changed by {@code $push} and friends is reported whole, too.
 */
record UpdateDescription(Document updatedFields, List<String> removedFields) {

    private static final Set<String> REMOVING = Set.of("$unset");

    static UpdateDescription of(Document update, Document postImage) {
        Set<String> touched = new LinkedHashSet<>();
        Set<String> unset = new LinkedHashSet<>();
        for (String operator : update.keySet()) {
            if (!(update.get(operator) instanceof Document fields) || "$setOnInsert".equals(operator)) {
                continue;
            }
            for (String field : fields.keySet()) {
                if ("$rename".equals(operator)) {
                    unset.add(field);
                    touched.add(String.valueOf(fields.get(field)));
                } else if (REMOVING.contains(operator)) {
                    unset.add(reportedPath(field));
                } else {
                    touched.add(reportedPath(field));
                }
            }
        }
        Document updated = new Document();
        List<String> removed = new ArrayList<>();
        for (String path : touched) {
            Object value = valueAt(postImage, path);
            if (value == Missing.VALUE) {
                removed.add(path);
            } else {
                updated.put(path, value);
            }
        }
        for (String path : unset) {
            if (valueAt(postImage, path) == Missing.VALUE && !removed.contains(path)) {
                removed.add(path);
            }
        }
        return new UpdateDescription(updated, removed);
    }

    private static String reportedPath(String path) {
        int positional = path.indexOf(".$");
        return positional < 0 ? path : path.substring(0, positional);
    }

    private static Object valueAt(Document document, String path) {
        Object current = document;
        for (String part : path.split("\\.")) {
            if (current instanceof Document nested && nested.containsKey(part)) {
                current = nested.get(part);
            } else if (current instanceof List<?> list && part.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(part) < list.size()) {
                current = list.get(Integer.parseInt(part));
            } else {
                return Missing.VALUE;
            }
        }
        return current instanceof Document nested ? nested.cloneDeeply() : current;
    }

    private enum Missing { VALUE }
}
