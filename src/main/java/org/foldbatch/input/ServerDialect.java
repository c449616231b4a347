package org.foldbatch.input;

import static org.foldbatch.input.JsonField.isIntegralIn;
import static org.foldbatch.input.JsonField.pyRepr;
import static org.foldbatch.input.JsonField.pyStr;
import static org.foldbatch.input.JsonField.truthy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The {@code alphafoldserver} dialect (AlphaFold Server jobs): {@code count} copies expanded in place, ids A, B, ...,
 * Z, AA, BA, ..., the {@code CCD_} prefix stripped, a random seed when none is given.
 */
final class ServerDialect {

    private static final Set<String> JOB_KEYS = Set.of("name", "modelSeeds", "sequences", "dialect", "version");
    private static final Set<String> PROTEIN_KEYS = Set.of("sequence", "glycans", "modifications", "count",
            "maxTemplateDate", "useStructureTemplate");
    private static final Set<String> NUCLEIC_KEYS = Set.of("sequence", "modifications", "count");
    private static final Set<String> LIGAND_KEYS = Set.of("ligand", "ion", "count");
    private static final List<String> TYPES = List.of("proteinChain", "rnaSequence", "dnaSequence", "ion", "ligand");

    private final InputFile file;
    private final RandomGenerator random;

    ServerDialect(InputFile file, RandomGenerator random) {
        this.file = file;
        this.random = random;
    }

    FoldInput parse(JsonField job) {
        job.requireObject();
        job.requireKeys(JOB_KEYS);
        boolean hasDialect = job.has("dialect");
        boolean hasVersion = job.has("version");
        if (hasDialect != hasVersion) {
            throw file.error(job.path, "AlphaFold Server input JSON must either contain both `dialect` and"
                    + " `version` fields, or neither. If neither is specified, it is assumed that"
                    + " `dialect=\"alphafoldserver\"` and `version=\"1\"`.");
        }
        if (hasDialect) {
            JsonField dialect = job.get("dialect");
            if (!dialect.node.isString() || !dialect.node.stringValue().equals("alphafoldserver")) {
                throw file.error(dialect.path, "AlphaFold Server input JSON has unsupported dialect: "
                        + pyStr(dialect.node) + ", expected alphafoldserver.");
            }
            JsonField version = job.get("version");
            if (!isIntegralIn(version.node, 1, 1)) {
                throw file.error(version.path, "AlphaFold Server input JSON has unsupported version: "
                        + pyStr(version.node) + ", expected 1.");
            }
        }
        JsonField sequences = job.require("sequences").requireArray();
        List<Chain> chains = new ArrayList<>();
        for (int j = 0; j < sequences.size(); j++) {
            JsonField entry = sequences.at(j).requireObject();
            String type = TYPES.stream().filter(entry::has).findFirst().orElseThrow(() ->
                    file.error(entry.path, "Unknown sequence type: " + pyRepr(entry.node.propertyNames())
                            + " (expected proteinChain, rnaSequence, dnaSequence, ligand or ion)."));
            JsonField body = entry.get(type).requireObject();
            long count = 1;
            if (body.has("count")) {
                count = body.get("count").requireInt();
            }
            if (count < 1) {
                continue;
            }
            Chain chain = switch (type) {
                case "proteinChain" -> protein(body);
                case "rnaSequence" -> nucleic(body, PolymerKind.RNA);
                case "dnaSequence" -> nucleic(body, PolymerKind.DNA);
                default -> ligand(body);
            };
            for (long c = 0; c < count; c++) {
                chains.add(chain.withId(ChainIds.fromNumber(chains.size() + 1)));
            }
        }
        List<Long> seeds;
        if (job.has("modelSeeds") && truthy(job.get("modelSeeds").node)) {
            seeds = file.seeds(job.get("modelSeeds"));
        } else {
            seeds = List.of(random.nextLong(FoldInput.MAX_SEED + 1));
        }
        String name = file.name(job);
        if (chains.isEmpty()) {
            throw file.error(sequences.path, "Fold input has no chains.");
        }
        return file.construct(job.path, () -> FoldInput.of(name, seeds, chains));
    }

    private ProteinChain protein(JsonField body) {
        body.requireKeys(PROTEIN_KEYS);
        JsonField sequenceField = body.require("sequence");
        String sequence = sequenceField.requireString();
        if (body.has("glycans")) {
            throw file.error(body.path + ".glycans",
                    "Specifying glycans in the `alphafoldserver` format is not supported.");
        }
        if (body.has("maxTemplateDate")) {
            throw file.error(body.path + ".maxTemplateDate", "Specifying maxTemplateDate in the `alphafoldserver`"
                    + " format is not supported, use the --max_template_date flag instead.");
        }
        List<Template> templates = null;
        if (body.has("useStructureTemplate") && !truthy(body.get("useStructureTemplate").node)) {
            templates = List.of();
        }
        file.letters(PolymerKind.PROTEIN, sequence, sequenceField);
        List<Modification> modifications = modifications(body, PolymerKind.PROTEIN, sequence);
        List<Template> finalTemplates = templates;
        return file.construct(body.path, () -> new ProteinChain("A", sequence, modifications, null, null, null,
                finalTemplates));
    }

    /** An RNA or DNA body: the same keys, the same checks. */
    private Chain nucleic(JsonField body, PolymerKind kind) {
        body.requireKeys(NUCLEIC_KEYS);
        String sequence = file.sequence(body, kind);
        List<Modification> modifications = modifications(body, kind, sequence);
        return file.construct(body.path, () -> kind == PolymerKind.RNA
                ? new RnaChain("A", sequence, modifications, null, null)
                : new DnaChain("A", sequence, modifications, null));
    }

    private Ligand ligand(JsonField body) {
        body.requireKeys(LIGAND_KEYS);
        if (body.has("ligand")) {
            String code = body.get("ligand").requireString();
            return file.construct(body.path, () -> Ligand.ofCcd("A", code.startsWith("CCD_") ? code.substring(4)
                    : code));
        }
        if (body.has("ion")) {
            String ion = body.get("ion").requireString();
            return file.construct(body.path, () -> Ligand.ofCcd("A", ion));
        }
        throw file.error(body.path, "Unknown ligand type: set `ligand` or `ion`.");
    }

    /** Server modifications carry a {@code CCD_} prefix, stripped before AlphaFold 3's checks. */
    private List<Modification> modifications(JsonField body, PolymerKind kind, String sequence) {
        List<Modification> stripped = new ArrayList<>();
        List<String> positionPaths = new ArrayList<>();
        for (JsonField entry : body.optionalList("modifications")) {
            JsonField mod = entry.requireObject();
            String type = mod.require(kind.typeKey()).requireString();
            JsonField position = mod.require(kind.positionKey());
            stripped.add(new Modification(type.startsWith("CCD_") ? type.substring(4) : type, position.requireInt()));
            positionPaths.add(position.path);
        }
        file.requireModificationIndices(kind, sequence, stripped, positionPaths);
        return stripped;
    }
}
