package org.foldbatch.batch.remote;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The kinds of partition a fleet splits work into; each goes through its own queue. */
public enum Stage {
    /** gene and template search: CPU and RAM, the databases */
    SEARCH,
    /** featurisation of one seed: CPU, the CCD */
    FEATURISE,
    /** the network on one seed: the model and an accelerator sized for the seed's token bucket */
    INFERENCE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code search,featurise} as given to {@code --stages}; {@code all} (or blank) is every stage. */
    public static Set<Stage> parse(String list) {
        if (list == null || list.isBlank() || list.strip().equalsIgnoreCase("all")) {
            return EnumSet.allOf(Stage.class);
        }
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        for (String part : list.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            Stage stage = switch (name) {
                case "search" -> SEARCH;
                case "featurise", "featurize" -> FEATURISE;
                case "inference" -> INFERENCE;
                default -> throw new IllegalArgumentException("foldbatch.remote.stages: '" + part.strip()
                        + "' is not a stage (search, featurise, inference or all)");
            };
            stages.add(stage);
        }
        return stages;
    }

    public static String format(Set<Stage> stages) {
        return String.join(",", stages.stream().map(Stage::label).toList());
    }
}
