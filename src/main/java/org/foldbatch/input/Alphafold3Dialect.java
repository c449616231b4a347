package org.foldbatch.input;

import static org.foldbatch.input.JsonField.isIntegralIn;
import static org.foldbatch.input.JsonField.isIntegralInt;
import static org.foldbatch.input.JsonField.pyRepr;
import static org.foldbatch.input.JsonField.pyStr;
import static org.foldbatch.input.JsonField.pyType;
import static org.foldbatch.input.JsonField.truthy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.foldbatch.util.PythonJson;

/** The {@code alphafold3} dialect: one job per file, checked in AlphaFold 3's order with its messages. */
final class Alphafold3Dialect {

    private static final Set<String> TOP_KEYS = Set.of("dialect", "version", "name", "modelSeeds", "sequences",
            "bondedAtomPairs", "userCCD", "userCCDPath");
    private static final Set<String> PROTEIN_KEYS = Set.of("id", "sequence", "modifications", "description",
            "unpairedMsa", "unpairedMsaPath", "pairedMsa", "pairedMsaPath", "templates");
    private static final Set<String> RNA_KEYS = Set.of("id", "sequence", "modifications", "description",
            "unpairedMsa", "unpairedMsaPath");
    private static final Set<String> DNA_KEYS = Set.of("id", "sequence", "modifications", "description");
    private static final Set<String> LIGAND_KEYS = Set.of("id", "ccdCodes", "smiles", "description");
    private static final Set<String> TEMPLATE_KEYS = Set.of("mmcif", "mmcifPath", "queryIndices", "templateIndices");

    private final InputFile file;

    Alphafold3Dialect(InputFile file) {
        this.file = file;
    }

    FoldInput parse(JsonField root) {
        root.requireObject();
        root.requireKeys(TOP_KEYS);
        if (!root.has("dialect") || !root.has("version")) {
            throw file.error(root.path, "AlphaFold 3 input JSON must contain `dialect` and `version` fields.");
        }
        JsonField dialect = root.get("dialect");
        if (!dialect.node.isString() || !dialect.node.stringValue().equals("alphafold3")) {
            throw file.error(dialect.path, "AlphaFold 3 input JSON has unsupported dialect: " + pyStr(dialect.node)
                    + ", expected alphafold3.");
        }
        JsonField version = root.get("version");
        if (!isIntegralIn(version.node, 1, 4)) {
            throw file.error(version.path, "AlphaFold 3 input JSON has unsupported version: " + pyStr(version.node)
                    + ", expected one of (1, 2, 3, 4).");
        }
        if (!root.has("sequences") || root.get("sequences").isNull()) {
            throw file.error(root.path, "AlphaFold 3 input JSON does not contain any sequences.");
        }
        JsonField sequences = root.get("sequences").requireArray();
        if (!root.has("modelSeeds") || !truthy(root.get("modelSeeds").node)) {
            throw file.error(root.has("modelSeeds") ? root.path + ".modelSeeds" : root.path,
                    "AlphaFold 3 input JSON must specify at least one rng seed in `modelSeeds`.");
        }

        List<List<IdRef>> ids = entityIds(sequences);
        List<Chain> chains = new ArrayList<>();
        List<IdRef> chainIds = new ArrayList<>();
        for (int i = 0; i < sequences.size(); i++) {
            JsonField entry = sequences.at(i);
            List<IdRef> entryIds = ids.get(i);
            if (entry.size() != 1) {
                throw file.error(entry.path, "Chain " + entryIds.stream().map(r -> PythonJson.repr(r.id))
                        .collect(Collectors.joining(", ", "[", "]")) + " has more than 1 sequence.");
            }
            String type = entry.node.propertyNames().iterator().next();
            JsonField body = entry.get(type);
            Chain chain = switch (type) {
                case "protein" -> protein(body, entryIds.get(0).id);
                case "rna" -> rna(body, entryIds.get(0).id);
                case "dna" -> dna(body, entryIds.get(0).id);
                case "ligand" -> ligand(body, entryIds.get(0).id);
                default -> throw file.error(entry.path, "Unknown sequence type: " + PythonJson.repr(type)
                        + " (expected protein, rna, dna or ligand).");
            };
            for (IdRef ref : entryIds) {
                chains.add(chain.withId(ref.id));
                chainIds.add(ref);
            }
        }

        List<BondedAtomPair> bonds = bonds(root, chains);
        String userCcd = userCcd(root);
        List<Long> seeds = file.seeds(root.get("modelSeeds"));
        String name = file.name(root);
        checkChainIds(chainIds);
        if (chains.isEmpty()) {
            throw file.error(sequences.path, "Fold input has no chains.");
        }
        if (userCcd != null) {
            String problem = UserCcd.problem(userCcd);
            if (problem != null) {
                throw file.error(root.has("userCCDPath") && truthy(root.get("userCCDPath").node)
                        ? root.path + ".userCCDPath" : root.path + ".userCCD", problem);
            }
        }
        return file.construct(root.path, () -> new FoldInput(name, seeds, chains, bonds, userCcd));
    }

    private record IdRef(String id, String path) {
    }

    /** AlphaFold 3 looks at every entry's id before it parses any entry. */
    private List<List<IdRef>> entityIds(JsonField sequences) {
        List<List<IdRef>> all = new ArrayList<>();
        for (int i = 0; i < sequences.size(); i++) {
            JsonField entry = sequences.at(i);
            if (!entry.node.isObject() || entry.size() == 0) {
                throw file.error(entry.path,
                        "Each sequence must be an object with one of the keys protein, rna, dna or ligand.");
            }
            String type = entry.node.propertyNames().iterator().next();
            JsonField body = entry.get(type).requireObject();
            if (!body.has("id") || !truthy(body.get("id").node)) {
                throw file.error(body.path + ".id", "AlphaFold 3 input JSON contains sequences with unset IDs.");
            }
            JsonField id = body.get("id");
            List<IdRef> refs = new ArrayList<>();
            if (id.node.isArray()) {
                for (int k = 0; k < id.size(); k++) {
                    JsonField one = id.at(k);
                    refs.add(new IdRef(one.requireString(), one.path));
                }
            } else {
                refs.add(new IdRef(id.requireString(), id.path));
            }
            all.add(refs);
        }
        return all;
    }

    private void checkChainIds(List<IdRef> ids) {
        for (IdRef ref : ids) {
            if (!ChainIds.isValid(ref.id)) {
                throw file.error(ref.path, "IDs must be upper case letters, got: " + ids.stream()
                        .map(r -> PythonJson.repr(r.id)).collect(Collectors.joining(", ", "[", "]")));
            }
        }
        Set<String> seen = new HashSet<>();
        for (IdRef ref : ids) {
            if (!seen.add(ref.id)) {
                throw file.error(ref.path, "Input JSON contains sequences with duplicate IDs.");
            }
        }
    }

    /** What every polymer body holds, read in AlphaFold 3's order. */
    private record Polymer(String sequence, List<Modification> modifications) {
    }

    private Polymer polymer(JsonField body, Set<String> keys, PolymerKind kind) {
        body.requireObject();
        body.requireKeys(keys);
        String sequence = file.sequence(body, kind);
        return new Polymer(sequence, modifications(body, kind, sequence));
    }

    private ProteinChain protein(JsonField body, String id) {
        Polymer polymer = polymer(body, PROTEIN_KEYS, PolymerKind.PROTEIN);
        String sequence = polymer.sequence();
        String unpaired = inlineOrReferenced(body, "unpairedMsa", "unpairedMsaPath", "unpaired MSA");
        String paired = inlineOrReferenced(body, "pairedMsa", "pairedMsaPath", "paired MSA");
        List<Template> templates = null;
        JsonField raw = body.get("templates");
        if (raw != null && !raw.isNull()) {
            if (!raw.node.isArray()) {
                throw file.error(raw.path, "Templates must be a list, got <class '" + pyType(raw.node) + "'>");
            }
            templates = new ArrayList<>();
            for (int k = 0; k < raw.size(); k++) {
                templates.add(template(raw.at(k), sequence.length(), k + 1));
            }
        }
        String description = body.optionalString("description");
        List<Template> finalTemplates = templates;
        return file.construct(body.path, () -> new ProteinChain(id, sequence, polymer.modifications(), description,
                unpaired, paired, finalTemplates));
    }

    private RnaChain rna(JsonField body, String id) {
        Polymer polymer = polymer(body, RNA_KEYS, PolymerKind.RNA);
        String unpaired = inlineOrReferenced(body, "unpairedMsa", "unpairedMsaPath", "unpaired MSA");
        String description = body.optionalString("description");
        return file.construct(body.path, () -> new RnaChain(id, polymer.sequence(), polymer.modifications(),
                description, unpaired));
    }

    private DnaChain dna(JsonField body, String id) {
        Polymer polymer = polymer(body, DNA_KEYS, PolymerKind.DNA);
        String description = body.optionalString("description");
        return file.construct(body.path, () -> new DnaChain(id, polymer.sequence(), polymer.modifications(),
                description));
    }

    private Ligand ligand(JsonField body, String id) {
        body.requireObject();
        body.requireKeys(LIGAND_KEYS);
        JsonField ccd = body.get("ccdCodes");
        JsonField smiles = body.get("smiles");
        if (ccd != null && truthy(ccd.node) && smiles != null && truthy(smiles.node)) {
            throw file.error(body.path, "Ligand cannot have both CCD code and SMILES set at the same time, got CCD: "
                    + pyRepr(ccd.node) + " and SMILES: " + pyStr(smiles.node));
        }
        String description = body.optionalString("description");
        if (ccd != null) {
            if (!ccd.node.isArray()) {
                throw file.error(ccd.path, "CCD codes must be a list of strings, got " + pyType(ccd.node)
                        + " instead: " + pyStr(ccd.node));
            }
            if (ccd.size() == 0) {
                throw file.error(ccd.path, "CCD codes must not be empty.");
            }
            List<String> codes = new ArrayList<>();
            for (int k = 0; k < ccd.size(); k++) {
                codes.add(ccd.at(k).requireString());
            }
            return file.construct(body.path, () -> new Ligand(id, codes, null, description));
        }
        if (smiles != null) {
            String text = smiles.requireString();
            String problem = Smiles.problem(text);
            if (problem != null) {
                throw file.error(smiles.path, "Unable to make RDKit Mol from SMILES: " + text + " (" + problem + ")");
            }
            return file.construct(body.path, () -> new Ligand(id, null, text, description));
        }
        throw file.error(body.path, "Unknown ligand type: set `ccdCodes` or `smiles`.");
    }

    private Template template(JsonField node, int sequenceLength, int templateNumber) {
        node.requireObject();
        node.requireKeys(TEMPLATE_KEYS);
        String mmcif = inlineOrReferenced(node, "mmcif", "mmcifPath", "template");
        JsonField query = node.require("queryIndices").requireArray();
        JsonField target = node.require("templateIndices");
        List<Integer> queryIndices = query.intList();
        List<Integer> templateIndices = target.isNull() ? List.of() : target.requireArray().intList();
        if (queryIndices.size() != templateIndices.size()) {
            throw file.error(node.path, "queryIndices and templateIndices must have the same length, got "
                    + queryIndices.size() + " and " + templateIndices.size() + ".");
        }
        if (mmcif == null || mmcif.isEmpty()) {
            throw file.error(node.path + ".mmcif", "The template mmCIF must be a non-empty string.");
        }
        // Python's dict(zip(...)): a repeated query index keeps its first position and takes the last value.
        Map<Integer, Integer> map = new LinkedHashMap<>();
        for (int p = 0; p < queryIndices.size(); p++) {
            map.put(queryIndices.get(p), templateIndices.get(p));
        }
        int position = 0;
        for (Map.Entry<Integer, Integer> pair : map.entrySet()) {
            position++;
            int raw = queryIndices.indexOf(pair.getKey());
            if (pair.getKey() < 0) {
                throw file.error(query.path + "[" + raw + "]", "Query residue index " + pair.getKey()
                        + " at position " + position + " is negative.");
            }
            if (pair.getValue() < 0) {
                throw file.error(target.path + "[" + templateIndices.lastIndexOf(pair.getValue()) + "]",
                        "Template residue index " + pair.getValue() + " at position " + position
                                + " is negative.");
            }
            if (pair.getKey() > sequenceLength) {
                throw file.error(query.path + "[" + raw + "]", "Query residue index " + pair.getKey()
                        + " at position " + position + " is greater than the query sequence length "
                        + sequenceLength + " for template " + templateNumber + ".");
            }
        }
        return file.construct(node.path, () -> Template.of(mmcif, map));
    }

    /** A text given inline in {@code field} or as a file named in {@code pathField}, never both. */
    private String inlineOrReferenced(JsonField body, String field, String pathField, String what) {
        String inline = body.optionalString(field);
        String path = body.optionalString(pathField);
        if (truthy(inline) && truthy(path)) {
            throw file.error(body.path + "." + field, "Only one of " + field + "/" + pathField + " can be set.");
        }
        if (truthy(inline) && file.looksLikeExistingFile(inline)) {
            throw file.error(body.path + "." + field,
                    "Set the " + what + " path using the \"" + pathField + "\" field.");
        }
        if (truthy(path)) {
            return file.readReferenced(path, body.path + "." + pathField);
        }
        return inline;
    }

    private List<Modification> modifications(JsonField body, PolymerKind kind, String sequence) {
        List<Modification> modifications = new ArrayList<>();
        List<String> positionPaths = new ArrayList<>();
        List<String> typePaths = new ArrayList<>();
        for (JsonField entry : body.optionalList("modifications")) {
            JsonField mod = entry.requireObject();
            JsonField type = mod.require(kind.typeKey());
            JsonField position = mod.require(kind.positionKey());
            modifications.add(new Modification(type.requireString(), position.requireInt()));
            typePaths.add(type.path);
            positionPaths.add(position.path);
        }
        file.requireModificationIndices(kind, sequence, modifications, positionPaths);
        for (int k = 0; k < modifications.size(); k++) {
            if (modifications.get(k).type().startsWith("CCD_")) {
                throw file.error(typePaths.get(k), kind.modificationsName() + " must not contain the \"CCD_\" prefix,"
                        + " got " + Modification.pythonRepr(modifications));
            }
        }
        return modifications;
    }

    private List<BondedAtomPair> bonds(JsonField root, List<Chain> chains) {
        JsonField list = root.get("bondedAtomPairs");
        if (list == null || !truthy(list.node)) {
            return List.of();
        }
        list.requireArray();
        Map<String, Chain> byId = new HashMap<>();
        for (Chain chain : chains) {
            byId.putIfAbsent(chain.id(), chain);
        }
        List<BondedAtomPair> bonds = new ArrayList<>();
        Map<BondedAtomPair, Integer> firstIndex = new HashMap<>();
        for (int j = 0; j < list.size(); j++) {
            JsonField bond = list.at(j);
            String repr = pyRepr(bond.node);
            if (!bond.node.isArray() || bond.size() != 2) {
                throw file.error(bond.path, "Bond " + repr + " must have 2 atoms, got "
                        + (bond.node.isArray() ? bond.size() : pyType(bond.node)) + ".");
            }
            BondAtom first = bondAtom(bond.at(0), repr);
            BondAtom second = bondAtom(bond.at(1), repr);
            BondedAtomPair pair = new BondedAtomPair(first, second);
            String problem = FoldInput.bondProblem(pair, byId);
            if (problem != null) {
                throw file.error(bond.path, problem);
            }
            bonds.add(pair);
            firstIndex.putIfAbsent(pair, j);
        }
        if (firstIndex.size() != bonds.size()) {
            int repeated = 0;
            Set<BondedAtomPair> seen = new HashSet<>();
            for (int j = 0; j < bonds.size(); j++) {
                if (!seen.add(bonds.get(j))) {
                    repeated = j;
                    break;
                }
            }
            throw file.error(list.at(repeated).path, "Bonds are not unique: " + bonds.stream()
                    .map(BondedAtomPair::pythonRepr).collect(Collectors.joining(", ", "[", "]")));
        }
        return bonds;
    }

    private BondAtom bondAtom(JsonField atom, String bondRepr) {
        boolean ok = atom.node.isArray() && atom.size() == 3 && atom.node.get(0).isString()
                && isIntegralInt(atom.node.get(1)) && atom.node.get(2).isString();
        if (!ok) {
            throw file.error(atom.path, "Atom " + pyRepr(atom.node) + " in bond " + bondRepr
                    + " must have 3 components: (chain_id: str, res_id: int, atom_name: str).");
        }
        return new BondAtom(atom.node.get(0).stringValue(), atom.node.get(1).intValue(),
                atom.node.get(2).stringValue());
    }

    private String userCcd(JsonField root) {
        return inlineOrReferenced(root, "userCCD", "userCCDPath", "user CCD");
    }
}
