package com.toprise.order.courier;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Borzo refused a call, or did not answer. {@code errors} are Borzo's error codes ({@code invalid_parameters},
 * {@code invalid_auth_token}, …); {@code parameterErrors} flattens its nested {@code parameter_errors} to the
 * path of each refused field ({@code points[1].contact_person.phone} → {@code [required]}).
 *
 * @param status the HTTP status of Borzo's answer, 0 when it gave none (unreachable, timed out)
 */
public class BorzoException extends RuntimeException {

    private final int status;
    private final List<String> errors;
    private final Map<String, List<String>> parameterErrors;

    BorzoException(String call, int status, List<String> errors, Map<String, List<String>> parameterErrors) {
        super("Borzo " + call + " answered " + status + ": errors " + errors + ", parameter errors " + parameterErrors);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.parameterErrors = Map.copyOf(parameterErrors);
    }

    BorzoException(String call, Throwable cause) {
        super("Borzo " + call + " did not answer: " + cause.getMessage(), cause);
        this.status = 0;
        this.errors = List.of();
        this.parameterErrors = Map.of();
    }

    /** The exception for an error answer of Borzo's shape (anything else reads as no errors). */
    static BorzoException of(String call, int status, JsonNode answer) {
        List<String> errors = new ArrayList<>();
        answer.path("errors").values().forEach(error -> errors.add(error.asString()));
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        flatten("", answer.path("parameter_errors"), parameters);
        return new BorzoException(call, status, errors, parameters);
    }

    public int status() {
        return status;
    }

    public List<String> errors() {
        return errors;
    }

    public Map<String, List<String>> parameterErrors() {
        return parameterErrors;
    }

    /** Whether Borzo refused what we sent (its answer is final); otherwise it failed and a retry may succeed. */
    public boolean refused() {
        return status >= 400 && status < 500 && status != 401 && status != 403 && status != 429;
    }

    // Borzo nests field errors like the request: {points: [null, {contact_person: {phone: ["required"]}}]}
    private static void flatten(String path, JsonNode node, Map<String, List<String>> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    e.getValue(), into));
        } else if (node.isArray() && node.values().stream().allMatch(JsonNode::isString)) {
            if (!node.isEmpty()) {
                into.put(path, node.values().stream().map(JsonNode::asString).toList());
            }
        } else if (node.isArray()) {
            int index = 0;
            for (JsonNode element : node.values()) {
                flatten(path + "[" + index++ + "]", element, into);
            }
        }
    }
}
