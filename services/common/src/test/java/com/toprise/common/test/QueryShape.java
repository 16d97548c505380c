package com.toprise.common.test;

import com.toprise.common.mongo.IndexKey;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an index has to serve in one command a service sent to MongoDB: the collection, the fields compared for
 * equality ({@code $eq}, {@code $in} and plain values), the sort, and the fields compared by range. A filter with
 * {@code $or} yields one shape per branch, since MongoDB answers each branch from an index of its own. Operators an
 * index cannot narrow by ({@code $exists}, {@code $ne}, {@code $regex}…) are left out: they filter what the
 * index found.
 */
public record QueryShape(String collection, String command, Set<String> equality, List<IndexKey> sort,
                         Set<String> range, String filter, String seenIn) {

    private static final Set<String> EQUALITY = Set.of("$eq", "$in", "$all");
    private static final Set<String> RANGE = Set.of("$gt", "$gte", "$lt", "$lte");

    /** The shapes of a command, none for those that read nothing by filter (insert, getMore, createIndexes…). */
    public static List<QueryShape> of(String name, BsonDocument command, String seenIn) {
        return switch (name) {
            case "find" -> shapes(command, "find", "filter", command.getDocument("sort", null), seenIn);
            case "count", "distinct" -> shapes(command, name, "query", null, seenIn);
            case "findAndModify" -> shapes(command, name, "query", command.getDocument("sort", null), seenIn);
            case "aggregate" -> aggregate(command, seenIn);
            case "update" -> writes(command, name, "updates", seenIn);
            case "delete" -> writes(command, name, "deletes", seenIn);
            default -> List.of();
        };
    }

    private static List<QueryShape> shapes(BsonDocument command, String name, String filterField, BsonDocument sort,
                                           String seenIn) {
        BsonDocument filter = command.getDocument(filterField, new BsonDocument());
        return shapes(command.getString(name).getValue(), name, filter, sort, seenIn);
    }

    private static List<QueryShape> shapes(String collection, String name, BsonDocument filter, BsonDocument sort,
                                           String seenIn) {
        List<IndexKey> keys = new ArrayList<>();
        if (sort != null) {
            sort.forEach((field, order) -> keys.add(order.asNumber().intValue() < 0 ? IndexKey.desc(field)
                    : IndexKey.asc(field)));
        }
        return conditions(filter).stream().map(c -> new QueryShape(collection, name, c.equality, List.copyOf(keys),
                c.range, filter.toJson(), seenIn)).toList();
    }

    /** A pipeline is served by an index through its leading $match and the $sort right after it. */
    private static List<QueryShape> aggregate(BsonDocument command, String seenIn) {
        if (!command.isString("aggregate")) {
            return List.of(); // a database-level pipeline ($currentOp and the like)
        }
        BsonArray pipeline = command.getArray("pipeline");
        BsonDocument match = new BsonDocument();
        BsonDocument sort = null;
        int stage = 0;
        if (stage < pipeline.size() && pipeline.get(stage).asDocument().containsKey("$match")) {
            match = pipeline.get(stage++).asDocument().getDocument("$match");
        }
        if (stage < pipeline.size() && pipeline.get(stage).asDocument().containsKey("$sort")) {
            sort = pipeline.get(stage).asDocument().getDocument("$sort");
        }
        return shapes(command.getString("aggregate").getValue(), "aggregate", match, sort, seenIn);
    }

    private static List<QueryShape> writes(BsonDocument command, String name, String statements, String seenIn) {
        String collection = command.getString(name).getValue();
        List<QueryShape> shapes = new ArrayList<>();
        for (BsonValue statement : command.getArray(statements, new BsonArray())) {
            shapes.addAll(shapes(collection, name, statement.asDocument().getDocument("q"), null, seenIn));
        }
        return shapes;
    }

    private record Conditions(Set<String> equality, Set<String> range) {

        static Conditions none() {
            return new Conditions(Set.of(), Set.of());
        }

        Conditions and(Conditions other) {
            Set<String> eq = new LinkedHashSet<>(equality);
            eq.addAll(other.equality);
            Set<String> r = new LinkedHashSet<>(range);
            r.addAll(other.range);
            r.removeAll(eq);
            return new Conditions(new TreeSet<>(eq), new TreeSet<>(r));
        }
    }

    private static List<Conditions> conditions(BsonDocument filter) {
        List<Conditions> alternatives = List.of(Conditions.none());
        for (var entry : filter.entrySet()) {
            String key = entry.getKey();
            BsonValue value = entry.getValue();
            if (key.equals("$and")) {
                alternatives = andAll(alternatives, value.asArray());
            } else if (key.equals("$or")) {
                List<Conditions> branches = new ArrayList<>();
                for (BsonValue branch : value.asArray()) {
                    branches.addAll(conditions(branch.asDocument()));
                }
                alternatives = cross(alternatives, branches);
            } else if (!key.startsWith("$")) {
                alternatives = cross(alternatives, List.of(field(key, value)));
            }
        }
        return alternatives;
    }

    private static List<Conditions> andAll(List<Conditions> alternatives, BsonArray parts) {
        List<Conditions> result = alternatives;
        for (BsonValue part : parts) {
            result = cross(result, conditions(part.asDocument()));
        }
        return result;
    }

    private static List<Conditions> cross(List<Conditions> left, List<Conditions> right) {
        List<Conditions> result = new ArrayList<>();
        left.forEach(l -> right.forEach(r -> result.add(l.and(r))));
        return result;
    }

    private static Conditions field(String field, BsonValue value) {
        if (!value.isDocument() || value.asDocument().isEmpty()
                || !value.asDocument().getFirstKey().startsWith("$")) {
            return new Conditions(Set.of(field), Set.of());
        }
        Set<String> operators = value.asDocument().keySet();
        if (operators.stream().anyMatch(EQUALITY::contains)) {
            return new Conditions(Set.of(field), Set.of());
        }
        if (operators.stream().anyMatch(RANGE::contains)) {
            return new Conditions(Set.of(), Set.of(field));
        }
        return Conditions.none();
    }

    @Override
    public String toString() {
        return collection + " " + command + " " + filter + (sort.isEmpty() ? "" : " sort " + sort)
                + (seenIn == null ? "" : " (in " + seenIn + ")");
    }
}
