package org.foldbatch.input;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.foldbatch.util.PythonJson;
import tools.jackson.databind.JsonNode;

/**
 * A JSON value together with its JSON path (for example {@code $.sequences[2].protein.sequence}), so that every
 * check can report where it failed. Also holds the Python-flavoured helpers (truthiness, type names, repr) that
 * AlphaFold 3's rules and messages are written in.
 */
final class JsonField {

    final InputFile file;
    final JsonNode node;
    final String path;

    JsonField(InputFile file, JsonNode node, String path) {
        this.file = file;
        this.node = node;
        this.path = path;
    }

    boolean has(String key) {
        return node.isObject() && node.has(key);
    }

    boolean isNull() {
        return node.isNull();
    }

    int size() {
        return node.size();
    }

    /** The child, or null when absent. */
    JsonField get(String key) {
        JsonNode child = node.get(key);
        return child == null ? null : new JsonField(file, child, path + "." + key);
    }

    JsonField at(int index) {
        return new JsonField(file, node.get(index), path + "[" + index + "]");
    }

    JsonField require(String key) {
        JsonField child = get(key);
        if (child == null) {
            throw file.error(path, "Missing required field `" + key + "`.");
        }
        return child;
    }

    JsonField requireObject() {
        if (!node.isObject()) {
            throw file.error(path, "Expected an object, got " + pyType(node) + ".");
        }
        return this;
    }

    JsonField requireArray() {
        if (!node.isArray()) {
            throw file.error(path, "Expected a list, got " + pyType(node) + ".");
        }
        return this;
    }

    String requireString() {
        if (!node.isString()) {
            throw file.error(path, "Expected a string, got " + pyType(node) + ": " + pyStr(node));
        }
        return node.stringValue();
    }

    int requireInt() {
        if (!isIntegralInt(node)) {
            throw file.error(path, "Expected an integer, got " + pyType(node) + ": " + pyStr(node));
        }
        return node.intValue();
    }

    /** The elements of a list field that may be absent or null (then none). */
    List<JsonField> optionalList(String key) {
        JsonField child = get(key);
        if (child == null || child.isNull()) {
            return List.of();
        }
        child.requireArray();
        List<JsonField> elements = new ArrayList<>(child.size());
        for (int k = 0; k < child.size(); k++) {
            elements.add(child.at(k));
        }
        return elements;
    }

    /** A string field that may be absent or null. */
    String optionalString(String key) {
        JsonField child = get(key);
        if (child == null || child.isNull()) {
            return null;
        }
        return child.requireString();
    }

    void requireKeys(Set<String> allowed) {
        Set<String> unexpected = new TreeSet<>(node.propertyNames());
        unexpected.removeAll(allowed);
        if (!unexpected.isEmpty()) {
            throw file.error(path, "Unexpected JSON keys in: " + String.join(", ", unexpected));
        }
    }

    List<Integer> intList() {
        List<Integer> values = new ArrayList<>();
        for (int k = 0; k < size(); k++) {
            values.add(at(k).requireInt());
        }
        return values;
    }

    static boolean isIntegralInt(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToInt();
    }

    /** Python's {@code value in range(min, max + 1)}: integral numbers, integral floats and booleans qualify. */
    static boolean isIntegralIn(JsonNode node, int min, int max) {
        if (node.isBoolean()) {
            int value = node.booleanValue() ? 1 : 0;
            return value >= min && value <= max;
        }
        if (!node.isNumber() || !node.canConvertToExactIntegral()) {
            return false;
        }
        BigInteger value = node.isIntegralNumber() ? node.bigIntegerValue() : node.decimalValue().toBigInteger();
        return value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0;
    }

    /** Python truthiness of a JSON value. */
    static boolean truthy(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.decimalValue().signum() != 0;
        }
        if (node.isString()) {
            return !node.stringValue().isEmpty();
        }
        return node.size() > 0;
    }

    static boolean truthy(String value) {
        return value != null && !value.isEmpty();
    }

    /** Python's type name of each kind of JSON value, the first that matches; anything else is null. */
    private static final List<Map.Entry<Predicate<JsonNode>, String>> PY_TYPES = List.of(
            Map.entry(JsonNode::isObject, "dict"), Map.entry(JsonNode::isArray, "list"),
            Map.entry(JsonNode::isString, "str"), Map.entry(JsonNode::isBoolean, "bool"),
            Map.entry(JsonNode::isIntegralNumber, "int"), Map.entry(JsonNode::isNumber, "float"));

    static String pyType(JsonNode node) {
        return PY_TYPES.stream().filter(t -> t.getKey().test(node)).map(Map.Entry::getValue).findFirst()
                .orElse("NoneType");
    }

    /** Python's {@code str()} of a JSON value. */
    static String pyStr(JsonNode node) {
        return node.isString() ? node.stringValue() : pyRepr(node);
    }

    static String pyRepr(Collection<String> names) {
        return names.stream().map(PythonJson::repr).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Python's {@code repr()} of a JSON value, for messages. */
    static String pyRepr(JsonNode node) {
        if (node.isString()) {
            return PythonJson.repr(node.stringValue());
        }
        if (node.isNull()) {
            return "None";
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "True" : "False";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.values().forEach(v -> items.add(pyRepr(v)));
            return "[" + String.join(", ", items) + "]";
        }
        if (node.isObject()) {
            List<String> items = new ArrayList<>();
            node.properties().forEach(e -> items.add(PythonJson.repr(e.getKey()) + ": " + pyRepr(e.getValue())));
            return "{" + String.join(", ", items) + "}";
        }
        return node.toString();
    }
}
