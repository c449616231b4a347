package org.foldbatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The package dependencies of docs/ARCHITECTURE.md, checked on the main classes. {@link #ALLOWED} is that document's
 * table: change both together.
 */
@AnalyzeClasses(packages = "org.foldbatch", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** Each package (with its subpackages) and the packages it may use, in pipeline order. */
    private static final Map<String, Package> PACKAGES = new LinkedHashMap<>();

    /** Every package may use these: they depend on nothing of ours (the root only for FoldbatchException). */
    private static final List<String> SHARED = List.of("root", "util", "constants");

    private record Package(String definedBy, List<String> allowed) {
    }

    private static void row(String name, String definedBy, String... allowed) {
        PACKAGES.put(name, new Package(definedBy, List.of(allowed)));
    }

    static {
        row("root", "org.foldbatch");
        row("constants", "org.foldbatch.constants..");
        row("util", "org.foldbatch.util..");
        row("input", "org.foldbatch.input..");
        row("msa", "org.foldbatch.msa..");
        row("structure", "org.foldbatch.structure..", "input");
        row("records", "org.foldbatch.records..");
        row("template", "org.foldbatch.template..", "input", "msa", "structure");
        row("feature", "org.foldbatch.feature..", "input", "msa", "structure", "records");
        row("model", "org.foldbatch.model..", "feature", "records");
        row("output", "org.foldbatch.output..", "input", "structure", "feature");
        row("pipeline", "org.foldbatch.pipeline..", "input", "msa", "template");
        row("batch.jdbc", "org.foldbatch.batch.jdbc..", "input", "msa", "template", "feature", "pipeline");
        row("batch.remote", "org.foldbatch.batch.remote..");
        row("batch", "org.foldbatch.batch", "input", "msa", "structure", "records", "template", "feature", "model",
                "output", "pipeline", "batch.jdbc", "batch.remote");
        row("batch.campaign", "org.foldbatch.batch.campaign..", "input", "msa", "structure", "records", "template",
                "feature", "model", "output", "pipeline", "batch.jdbc", "batch.remote", "batch", "report");
        row("report", "org.foldbatch.report..", "output", "batch.jdbc");
        row("cli", "org.foldbatch.cli..", "input", "msa", "template", "model", "output", "pipeline", "report", "batch",
                "batch.jdbc", "batch.remote", "batch.campaign");
    }

    @ArchTest
    static final ArchRule packagesUseOnlyWhatTheTableAllows = table();

    @ArchTest
    static final ArchRule springOnlyInBatchCliReportAndTheRoot = noClasses()
            .that().resideOutsideOfPackages("org.foldbatch", "org.foldbatch.batch..", "org.foldbatch.cli..",
                    "org.foldbatch.report..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule tensorFlowOnlyInModel = noClasses()
            .that().resideOutsideOfPackage("org.foldbatch.model..")
            .should().dependOnClassesThat().resideInAPackage("org.tensorflow..");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.foldbatch.(**)")
            .should().beFreeOfCycles();

    private static ArchRule table() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);
        for (Map.Entry<String, Package> p : PACKAGES.entrySet()) {
            layers = layers.layer(p.getKey()).definedBy(p.getValue().definedBy());
        }
        for (Map.Entry<String, Package> p : PACKAGES.entrySet()) {
            List<String> allowed = new java.util.ArrayList<>(p.getValue().allowed());
            if (!SHARED.contains(p.getKey())) {
                allowed.addAll(SHARED);
            }
            layers = allowed.isEmpty()
                    ? layers.whereLayer(p.getKey()).mayNotAccessAnyLayer()
                    : layers.whereLayer(p.getKey()).mayOnlyAccessLayers(allowed.toArray(String[]::new));
        }
        return layers;
    }
}
