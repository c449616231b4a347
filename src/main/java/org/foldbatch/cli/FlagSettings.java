package org.foldbatch.cli;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code foldbatch.*} (and Spring) settings that command-line flags give. A flag not given adds nothing, so the
 * settings file and the defaults still apply; paths become absolute because the job may run in another directory.
 */
final class FlagSettings {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Sets {@code key} when {@code value} was given. */
    FlagSettings put(String key, Object value) {
        if (value instanceof Path path) {
            values.put(key, path.toAbsolutePath().toString());
        } else if (value != null) {
            values.put(key, value.toString());
        }
        return this;
    }

    /** Sets {@code key} to true when the switch was given; its absence leaves the setting's own default. */
    FlagSettings on(String key, boolean given) {
        return given ? put(key, "true") : this;
    }

    /** Sets {@code key} to the comma-separated absolute paths when given. */
    FlagSettings paths(String key, Collection<Path> paths) {
        return paths == null ? this
                : put(key, paths.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(",")));
    }

    /** Sets {@code prefix + name} for each entry of a repeatable NAME=VALUE flag. */
    FlagSettings named(String prefix, Map<String, String> entries) {
        if (entries != null) {
            entries.forEach((name, value) -> put(prefix + name, value));
        }
        return this;
    }

    /** The settings of every {@link Setting}-annotated flag field of {@code groups} that was given. */
    static Map<String, Object> of(Object... groups) {
        FlagSettings settings = new FlagSettings();
        for (Object group : groups) {
            for (Field field : group.getClass().getDeclaredFields()) {
                Setting setting = field.getAnnotation(Setting.class);
                if (setting != null) {
                    settings.add(setting.value(), read(field, group));
                }
            }
        }
        return settings.toMap();
    }

    @SuppressWarnings("unchecked")
    private void add(String key, Object value) {
        if (value instanceof Boolean given) {
            on(key, given);
        } else if (value instanceof Collection<?> paths) {
            paths(key, (Collection<Path>) paths);
        } else if (value instanceof Map<?, ?> entries) {
            named(key, (Map<String, String>) entries);
        } else if (!(value instanceof String text && text.isBlank())) {
            put(key, value);
        }
    }

    private static Object read(Field field, Object group) {
        try {
            field.setAccessible(true);
            return field.get(group);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read flag field " + field, e);
        }
    }

    Map<String, Object> toMap() {
        return values;
    }
}
