package org.foldbatch.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads AlphaFold 3 input JSON files with AlphaFold 3's rules: a top-level list is the {@code alphafoldserver} dialect
 * (one or more jobs), an object the {@code alphafold3} dialect (one job). {@code *Path} fields are resolved relative to
 * the JSON file, decompressed when needed (gzip, xz, zstd) and inlined.
 *
 * <p>Every problem is an {@link InputException} whose one-line message names the file, the JSON path and the reason
 * (AlphaFold 3's wording where it has one). Instances are immutable and thread-safe.
 */
public final class FoldInputLoader {

    /** Inline MSAs of large complexes can pass Jackson's default 100M-character string limit. */
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> TOP_KEYS = Set.of("dialect", "version", "name", "modelSeeds", "sequences",
            "bondedAtomPairs", "userCCD", "userCCDPath");
    private static final Set<String> PROTEIN_KEYS = Set.of("id", "sequence", "modifications", "description",
            "unpairedMsa", "unpairedMsaPath", "pairedMsa", "pairedMsaPath", "templates");
    private static final Set<String> RNA_KEYS = Set.of("id", "sequence", "modifications", "description",
            "unpairedMsa", "unpairedMsaPath");
    private static final Set<String> DNA_KEYS = Set.of("id", "sequence", "modifications", "description");
    private static final Set<String> LIGAND_KEYS = Set.of("id", "ccdCodes", "smiles", "description");
    private static final Set<String> TEMPLATE_KEYS = Set.of("mmcif", "mmcifPath", "queryIndices", "templateIndices");
    private static final Set<String> SERVER_JOB_KEYS = Set.of("name", "modelSeeds", "sequences", "dialect", "version");
    private static final Set<String> SERVER_PROTEIN_KEYS = Set.of("sequence", "glycans", "modifications", "count",
            "maxTemplateDate", "useStructureTemplate");
    private static final Set<String> SERVER_NUCLEIC_KEYS = Set.of("sequence", "modifications", "count");
    private static final Set<String> SERVER_LIGAND_KEYS = Set.of("ligand", "ion", "count");
    private static final List<String> SERVER_TYPES = List.of("proteinChain", "rnaSequence", "dnaSequence", "ion",
            "ligand");

    /** AlphaFold 3 refuses an inline value shorter than this that names an existing file. */
    private static final int PATH_LIKE_LENGTH = 256;

    private final RandomGenerator random;

    public FoldInputLoader() {
        this(new SecureRandom());
    }

    /** @param random source of the seed drawn for an {@code alphafoldserver} job that gives none */
    public FoldInputLoader(RandomGenerator random) {
        this.random = random;
    }

    /** Every {@code *.json} regular file in a directory, sorted by name. */
    public static List<Path> jsonFiles(Path directory) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.json")) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new InputException(directory.toString(), "$", "Cannot list directory: " + describe(e), e);
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return files;
    }

    /** Loads files and directories (every {@code *.json} in it, by name), in the order given. */
    public List<FoldInput> loadAll(List<Path> paths) {
        List<FoldInput> inputs = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                for (Path file : jsonFiles(path)) {
                    inputs.addAll(load(file));
                }
            } else {
                inputs.addAll(load(path));
            }
        }
        return inputs;
    }

    /** Loads one JSON file: one input for the {@code alphafold3} dialect, one per job for {@code alphafoldserver}. */
    public List<FoldInput> load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(path.toString(), "$", "Cannot read input file: " + describe(e), e);
        }
        return parse(text, path);
    }

    /**
     * Parses JSON text. {@code jsonPath} names the source in messages and anchors relative {@code *Path} fields; it
     * need not exist when the text uses no relative paths.
     */
    public List<FoldInput> parse(String json, Path jsonPath) {
        return new Parse(jsonPath).run(json);
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** One file being parsed. */
    private final class Parse {

        private final Path jsonPath;
        private final String source;

        Parse(Path jsonPath) {
            this.jsonPath = jsonPath;
            this.source = String.valueOf(jsonPath);
        }

        List<FoldInput> run(String json) {
            JsonNode root;
            try {
                root = JSON.readTree(json);
            } catch (JacksonException e) {
                String where = e.getLocation() == null ? ""
                        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
                throw error("$", "Invalid JSON: " + e.getOriginalMessage() + where);
            }
            if (root == null || root.isMissingNode()) {
                throw error("$", "Invalid JSON: the file is empty");
            }
            if (root.isArray()) {
                List<FoldInput> inputs = new ArrayList<>();
                for (int i = 0; i < root.size(); i++) {
                    inputs.add(serverJob(new Node(root.get(i), "$[" + i + "]")));
                }
                return inputs;
            }
            return List.of(alphafold3(new Node(root, "$")));
        }

        // ---------------------------------------------------------------- alphafold3 dialect

        private FoldInput alphafold3(Node root) {
            root.requireObject();
            root.requireKeys(TOP_KEYS);
            if (!root.has("dialect") || !root.has("version")) {
                throw error(root.path, "AlphaFold 3 input JSON must contain `dialect` and `version` fields.");
            }
            Node dialect = root.get("dialect");
            if (!dialect.node.isString() || !dialect.node.stringValue().equals("alphafold3")) {
                throw error(dialect.path, "AlphaFold 3 input JSON has unsupported dialect: " + pyStr(dialect.node)
                        + ", expected alphafold3.");
            }
            Node version = root.get("version");
            if (!isIntegralIn(version.node, 1, 4)) {
                throw error(version.path, "AlphaFold 3 input JSON has unsupported version: " + pyStr(version.node)
                        + ", expected one of (1, 2, 3, 4).");
            }
            if (!root.has("sequences") || root.get("sequences").isNull()) {
                throw error(root.path, "AlphaFold 3 input JSON does not contain any sequences.");
            }
            Node sequences = root.get("sequences").requireArray();
            if (!root.has("modelSeeds") || !truthy(root.get("modelSeeds").node)) {
                throw error(root.has("modelSeeds") ? root.path + ".modelSeeds" : root.path,
                        "AlphaFold 3 input JSON must specify at least one rng seed in `modelSeeds`.");
            }

            List<List<IdRef>> ids = entityIds(sequences);
            List<Chain> chains = new ArrayList<>();
            List<IdRef> chainIds = new ArrayList<>();
            for (int i = 0; i < sequences.size(); i++) {
                Node entry = sequences.at(i);
                List<IdRef> entryIds = ids.get(i);
                if (entry.size() != 1) {
                    throw error(entry.path, "Chain " + entryIds.stream().map(r -> PythonJson.repr(r.id))
                            .collect(Collectors.joining(", ", "[", "]")) + " has more than 1 sequence.");
                }
                String type = entry.node.propertyNames().iterator().next();
                Node body = entry.get(type);
                Chain chain = switch (type) {
                    case "protein" -> protein(body, entryIds.get(0).id);
                    case "rna" -> rna(body, entryIds.get(0).id);
                    case "dna" -> dna(body, entryIds.get(0).id);
                    case "ligand" -> ligand(body, entryIds.get(0).id);
                    default -> throw error(entry.path, "Unknown sequence type: " + PythonJson.repr(type)
                            + " (expected protein, rna, dna or ligand).");
                };
                for (IdRef ref : entryIds) {
                    chains.add(chain.withId(ref.id));
                    chainIds.add(ref);
                }
            }

            List<BondedAtomPair> bonds = bonds(root, chains);
            String userCcd = userCcd(root);
            List<Long> seeds = seeds(root.get("modelSeeds"));
            String name = name(root);
            checkChainIds(chainIds);
            if (chains.isEmpty()) {
                throw error(sequences.path, "Fold input has no chains.");
            }
            if (userCcd != null) {
                String problem = UserCcd.problem(userCcd);
                if (problem != null) {
                    throw error(root.has("userCCDPath") && truthy(root.get("userCCDPath").node)
                            ? root.path + ".userCCDPath" : root.path + ".userCCD", problem);
                }
            }
            return construct(root.path, () -> new FoldInput(name, seeds, chains, bonds, userCcd));
        }

        private record IdRef(String id, String path) {
        }

        /** AlphaFold 3 looks at every entry's id before it parses any entry. */
        private List<List<IdRef>> entityIds(Node sequences) {
            List<List<IdRef>> all = new ArrayList<>();
            for (int i = 0; i < sequences.size(); i++) {
                Node entry = sequences.at(i);
                if (!entry.node.isObject() || entry.size() == 0) {
                    throw error(entry.path,
                            "Each sequence must be an object with one of the keys protein, rna, dna or ligand.");
                }
                String type = entry.node.propertyNames().iterator().next();
                Node body = entry.get(type).requireObject();
                if (!body.has("id") || !truthy(body.get("id").node)) {
                    throw error(body.path + ".id", "AlphaFold 3 input JSON contains sequences with unset IDs.");
                }
                Node id = body.get("id");
                List<IdRef> refs = new ArrayList<>();
                if (id.node.isArray()) {
                    for (int k = 0; k < id.size(); k++) {
                        Node one = id.at(k);
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
                    throw error(ref.path, "IDs must be upper case letters, got: " + ids.stream()
                            .map(r -> PythonJson.repr(r.id)).collect(Collectors.joining(", ", "[", "]")));
                }
            }
            Set<String> seen = new HashSet<>();
            for (IdRef ref : ids) {
                if (!seen.add(ref.id)) {
                    throw error(ref.path, "Input JSON contains sequences with duplicate IDs.");
                }
            }
        }

        private ProteinChain protein(Node body, String id) {
            body.requireObject();
            body.requireKeys(PROTEIN_KEYS);
            Node sequenceNode = body.require("sequence");
            String sequence = sequenceNode.requireString();
            letters("Protein", sequence, sequenceNode);
            List<Modification> modifications = modifications(body, "ptmType", "ptmPosition", sequence,
                    "protein", "Protein ptms");
            String unpaired = msa(body, "unpairedMsa", "unpairedMsaPath", "unpaired MSA");
            String paired = msa(body, "pairedMsa", "pairedMsaPath", "paired MSA");
            List<Template> templates = null;
            Node raw = body.get("templates");
            if (raw != null && !raw.isNull()) {
                if (!raw.node.isArray()) {
                    throw error(raw.path, "Templates must be a list, got <class '" + pyType(raw.node) + "'>");
                }
                templates = new ArrayList<>();
                for (int k = 0; k < raw.size(); k++) {
                    templates.add(template(raw.at(k), sequence.length(), k + 1));
                }
            }
            String description = body.optionalString("description");
            List<Template> finalTemplates = templates;
            return construct(body.path, () -> new ProteinChain(id, sequence, modifications, description, unpaired,
                    paired, finalTemplates));
        }

        private RnaChain rna(Node body, String id) {
            body.requireObject();
            body.requireKeys(RNA_KEYS);
            Node sequenceNode = body.require("sequence");
            String sequence = sequenceNode.requireString();
            letters("RNA", sequence, sequenceNode);
            List<Modification> modifications = modifications(body, "modificationType", "basePosition", sequence,
                    "RNA", "RNA modifications");
            String unpaired = msa(body, "unpairedMsa", "unpairedMsaPath", "unpaired MSA");
            String description = body.optionalString("description");
            return construct(body.path, () -> new RnaChain(id, sequence, modifications, description, unpaired));
        }

        private DnaChain dna(Node body, String id) {
            body.requireObject();
            body.requireKeys(DNA_KEYS);
            Node sequenceNode = body.require("sequence");
            String sequence = sequenceNode.requireString();
            letters("DNA", sequence, sequenceNode);
            List<Modification> modifications = modifications(body, "modificationType", "basePosition", sequence,
                    "DNA", "DNA modifications");
            String description = body.optionalString("description");
            return construct(body.path, () -> new DnaChain(id, sequence, modifications, description));
        }

        private Ligand ligand(Node body, String id) {
            body.requireObject();
            body.requireKeys(LIGAND_KEYS);
            Node ccd = body.get("ccdCodes");
            Node smiles = body.get("smiles");
            if (ccd != null && truthy(ccd.node) && smiles != null && truthy(smiles.node)) {
                throw error(body.path, "Ligand cannot have both CCD code and SMILES set at the same time, got CCD: "
                        + pyRepr(ccd.node) + " and SMILES: " + pyStr(smiles.node));
            }
            String description = body.optionalString("description");
            if (ccd != null) {
                if (!ccd.node.isArray()) {
                    throw error(ccd.path, "CCD codes must be a list of strings, got " + pyType(ccd.node)
                            + " instead: " + pyStr(ccd.node));
                }
                if (ccd.size() == 0) {
                    throw error(ccd.path, "CCD codes must not be empty.");
                }
                List<String> codes = new ArrayList<>();
                for (int k = 0; k < ccd.size(); k++) {
                    codes.add(ccd.at(k).requireString());
                }
                return construct(body.path, () -> new Ligand(id, codes, null, description));
            }
            if (smiles != null) {
                String text = smiles.requireString();
                String problem = Smiles.problem(text);
                if (problem != null) {
                    throw error(smiles.path, "Unable to make RDKit Mol from SMILES: " + text + " (" + problem + ")");
                }
                return construct(body.path, () -> new Ligand(id, null, text, description));
            }
            throw error(body.path, "Unknown ligand type: set `ccdCodes` or `smiles`.");
        }

        private Template template(Node node, int sequenceLength, int templateNumber) {
            node.requireObject();
            node.requireKeys(TEMPLATE_KEYS);
            String mmcif = node.optionalString("mmcif");
            String mmcifPath = node.optionalString("mmcifPath");
            if (truthy(mmcif) && truthy(mmcifPath)) {
                throw error(node.path + ".mmcif", "Only one of mmcif/mmcifPath can be set.");
            }
            if (truthy(mmcif) && looksLikeExistingFile(mmcif)) {
                throw error(node.path + ".mmcif", "Set the template path using the \"mmcifPath\" field.");
            }
            if (truthy(mmcifPath)) {
                mmcif = readReferenced(mmcifPath, node.path + ".mmcifPath");
            }
            Node query = node.require("queryIndices").requireArray();
            Node target = node.require("templateIndices");
            List<Integer> queryIndices = intList(query);
            List<Integer> templateIndices = target.isNull() ? List.of() : intList(target.requireArray());
            if (queryIndices.size() != templateIndices.size()) {
                throw error(node.path, "queryIndices and templateIndices must have the same length, got "
                        + queryIndices.size() + " and " + templateIndices.size() + ".");
            }
            if (mmcif == null || mmcif.isEmpty()) {
                throw error(node.path + ".mmcif", "The template mmCIF must be a non-empty string.");
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
                    throw error(query.path + "[" + raw + "]", "Query residue index " + pair.getKey()
                            + " at position " + position + " is negative.");
                }
                if (pair.getValue() < 0) {
                    throw error(target.path + "[" + templateIndices.lastIndexOf(pair.getValue()) + "]",
                            "Template residue index " + pair.getValue() + " at position " + position
                                    + " is negative.");
                }
                if (pair.getKey() > sequenceLength) {
                    throw error(query.path + "[" + raw + "]", "Query residue index " + pair.getKey()
                            + " at position " + position + " is greater than the query sequence length "
                            + sequenceLength + " for template " + templateNumber + ".");
                }
            }
            String text = mmcif;
            return construct(node.path, () -> Template.of(text, map));
        }

        private String msa(Node body, String field, String pathField, String what) {
            String inline = body.optionalString(field);
            String path = body.optionalString(pathField);
            if (truthy(inline) && truthy(path)) {
                throw error(body.path + "." + field, "Only one of " + field + "/" + pathField + " can be set.");
            }
            if (truthy(inline) && looksLikeExistingFile(inline)) {
                throw error(body.path + "." + field,
                        "Set the " + what + " path using the \"" + pathField + "\" field.");
            }
            if (truthy(path)) {
                return readReferenced(path, body.path + "." + pathField);
            }
            return inline;
        }

        private List<Modification> modifications(Node body, String typeKey, String positionKey, String sequence,
                                                 String kind, String prefixKind) {
            Node list = body.get("modifications");
            if (list == null || list.isNull()) {
                return List.of();
            }
            list.requireArray();
            List<Modification> modifications = new ArrayList<>();
            List<String> positionPaths = new ArrayList<>();
            List<String> typePaths = new ArrayList<>();
            for (int k = 0; k < list.size(); k++) {
                Node mod = list.at(k).requireObject();
                Node type = mod.require(typeKey);
                Node position = mod.require(positionKey);
                modifications.add(new Modification(type.requireString(), position.requireInt()));
                typePaths.add(type.path);
                positionPaths.add(position.path);
            }
            for (int k = 0; k < modifications.size(); k++) {
                int position = modifications.get(k).position();
                if (position < 1 || position > sequence.length()) {
                    throw error(positionPaths.get(k), "Invalid " + kind + " modification index: "
                            + Modification.pythonRepr(modifications));
                }
            }
            for (int k = 0; k < modifications.size(); k++) {
                if (modifications.get(k).type().startsWith("CCD_")) {
                    throw error(typePaths.get(k), prefixKind + " must not contain the \"CCD_\" prefix, got "
                            + Modification.pythonRepr(modifications));
                }
            }
            return modifications;
        }

        private void letters(String kind, String sequence, Node node) {
            if (!sequence.codePoints().allMatch(Character::isLetter)) {
                throw error(node.path, kind + " must contain only letters, got \"" + sequence + "\"");
            }
        }

        private List<BondedAtomPair> bonds(Node root, List<Chain> chains) {
            Node list = root.get("bondedAtomPairs");
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
                Node bond = list.at(j);
                String repr = pyRepr(bond.node);
                if (!bond.node.isArray() || bond.size() != 2) {
                    throw error(bond.path, "Bond " + repr + " must have 2 atoms, got "
                            + (bond.node.isArray() ? bond.size() : pyType(bond.node)) + ".");
                }
                BondAtom first = bondAtom(bond.at(0), repr);
                BondAtom second = bondAtom(bond.at(1), repr);
                BondedAtomPair pair = new BondedAtomPair(first, second);
                String problem = FoldInput.bondProblem(pair, byId);
                if (problem != null) {
                    throw error(bond.path, problem);
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
                throw error(list.at(repeated).path, "Bonds are not unique: " + bonds.stream()
                        .map(BondedAtomPair::pythonRepr).collect(Collectors.joining(", ", "[", "]")));
            }
            return bonds;
        }

        private BondAtom bondAtom(Node atom, String bondRepr) {
            boolean ok = atom.node.isArray() && atom.size() == 3 && atom.node.get(0).isString()
                    && isIntegralInt(atom.node.get(1)) && atom.node.get(2).isString();
            if (!ok) {
                throw error(atom.path, "Atom " + pyRepr(atom.node) + " in bond " + bondRepr
                        + " must have 3 components: (chain_id: str, res_id: int, atom_name: str).");
            }
            return new BondAtom(atom.node.get(0).stringValue(), atom.node.get(1).intValue(),
                    atom.node.get(2).stringValue());
        }

        private String userCcd(Node root) {
            String inline = root.optionalString("userCCD");
            String path = root.optionalString("userCCDPath");
            if (truthy(inline) && truthy(path)) {
                throw error(root.path + ".userCCD", "Only one of userCCD/userCCDPath can be set.");
            }
            if (truthy(inline) && looksLikeExistingFile(inline)) {
                throw error(root.path + ".userCCD", "Set the user CCD path using the \"userCCDPath\" field.");
            }
            if (truthy(path)) {
                return readReferenced(path, root.path + ".userCCDPath");
            }
            return inline;
        }

        private List<Long> seeds(Node list) {
            list.requireArray();
            List<Long> seeds = new ArrayList<>();
            List<Object> shown = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            for (int k = 0; k < list.size(); k++) {
                Node seed = list.at(k);
                BigInteger value = pythonInt(seed);
                shown.add(value);
                paths.add(seed.path);
                seeds.add(value.bitLength() < 63 ? value.longValue() : -1L);
            }
            for (int k = 0; k < seeds.size(); k++) {
                BigInteger value = (BigInteger) shown.get(k);
                if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(FoldInput.MAX_SEED)) > 0) {
                    throw error(paths.get(k), "RNG seeds must be 32-bit unsigned integers, got " + shown);
                }
            }
            return seeds;
        }

        /** Python's {@code int(seed)}: integers, integral floats and decimal strings are accepted. */
        private BigInteger pythonInt(Node seed) {
            JsonNode n = seed.node;
            if (n.isIntegralNumber()) {
                return n.bigIntegerValue();
            }
            if (n.isFloatingPointNumber() && n.canConvertToExactIntegral()) {
                return n.decimalValue().toBigIntegerExact();
            }
            if (n.isString()) {
                try {
                    return new BigInteger(n.stringValue().strip().replace("_", ""));
                } catch (NumberFormatException e) {
                    throw error(seed.path, "invalid literal for int() with base 10: " + pyRepr(n));
                }
            }
            throw error(seed.path, "Seeds must be integers, got " + pyType(n) + ": " + pyStr(n));
        }

        private String name(Node root) {
            Node name = root.require("name");
            String value = name.requireString();
            if (!FoldInput.validName(value)) {
                throw error(name.path, FoldInput.INVALID_NAME);
            }
            return value;
        }

        // ---------------------------------------------------------------- alphafoldserver dialect

        private FoldInput serverJob(Node job) {
            job.requireObject();
            job.requireKeys(SERVER_JOB_KEYS);
            boolean hasDialect = job.has("dialect");
            boolean hasVersion = job.has("version");
            if (hasDialect != hasVersion) {
                throw error(job.path, "AlphaFold Server input JSON must either contain both `dialect` and"
                        + " `version` fields, or neither. If neither is specified, it is assumed that"
                        + " `dialect=\"alphafoldserver\"` and `version=\"1\"`.");
            }
            if (hasDialect) {
                Node dialect = job.get("dialect");
                if (!dialect.node.isString() || !dialect.node.stringValue().equals("alphafoldserver")) {
                    throw error(dialect.path, "AlphaFold Server input JSON has unsupported dialect: "
                            + pyStr(dialect.node) + ", expected alphafoldserver.");
                }
                Node version = job.get("version");
                if (!isIntegralIn(version.node, 1, 1)) {
                    throw error(version.path, "AlphaFold Server input JSON has unsupported version: "
                            + pyStr(version.node) + ", expected 1.");
                }
            }
            Node sequences = job.require("sequences").requireArray();
            List<Chain> chains = new ArrayList<>();
            for (int j = 0; j < sequences.size(); j++) {
                Node entry = sequences.at(j).requireObject();
                String type = SERVER_TYPES.stream().filter(entry::has).findFirst().orElseThrow(() ->
                        error(entry.path, "Unknown sequence type: " + pyRepr(entry.node.propertyNames())
                                + " (expected proteinChain, rnaSequence, dnaSequence, ligand or ion)."));
                Node body = entry.get(type).requireObject();
                long count = 1;
                if (body.has("count")) {
                    count = body.get("count").requireInt();
                }
                if (count < 1) {
                    continue;
                }
                Chain chain = switch (type) {
                    case "proteinChain" -> serverProtein(body);
                    case "rnaSequence" -> serverRna(body);
                    case "dnaSequence" -> serverDna(body);
                    default -> serverLigand(body);
                };
                for (long c = 0; c < count; c++) {
                    chains.add(chain.withId(ChainIds.fromNumber(chains.size() + 1)));
                }
            }
            List<Long> seeds;
            if (job.has("modelSeeds") && truthy(job.get("modelSeeds").node)) {
                seeds = seeds(job.get("modelSeeds"));
            } else {
                seeds = List.of(random.nextLong(FoldInput.MAX_SEED + 1));
            }
            String name = name(job);
            if (chains.isEmpty()) {
                throw error(sequences.path, "Fold input has no chains.");
            }
            return construct(job.path, () -> FoldInput.of(name, seeds, chains));
        }

        private ProteinChain serverProtein(Node body) {
            body.requireKeys(SERVER_PROTEIN_KEYS);
            Node sequenceNode = body.require("sequence");
            String sequence = sequenceNode.requireString();
            if (body.has("glycans")) {
                throw error(body.path + ".glycans",
                        "Specifying glycans in the `alphafoldserver` format is not supported.");
            }
            if (body.has("maxTemplateDate")) {
                throw error(body.path + ".maxTemplateDate", "Specifying maxTemplateDate in the `alphafoldserver`"
                        + " format is not supported, use the --max_template_date flag instead.");
            }
            List<Template> templates = null;
            if (body.has("useStructureTemplate") && !truthy(body.get("useStructureTemplate").node)) {
                templates = List.of();
            }
            letters("Protein", sequence, sequenceNode);
            List<Modification> modifications = serverModifications(body, "ptmType", "ptmPosition", sequence,
                    "protein");
            List<Template> finalTemplates = templates;
            return construct(body.path, () -> new ProteinChain("A", sequence, modifications, null, null, null,
                    finalTemplates));
        }

        private RnaChain serverRna(Node body) {
            body.requireKeys(SERVER_NUCLEIC_KEYS);
            Node sequenceNode = body.require("sequence");
            String sequence = sequenceNode.requireString();
            letters("RNA", sequence, sequenceNode);
            List<Modification> modifications = serverModifications(body, "modificationType", "basePosition",
                    sequence, "RNA");
            return construct(body.path, () -> new RnaChain("A", sequence, modifications, null, null));
        }

        private DnaChain serverDna(Node body) {
            body.requireKeys(SERVER_NUCLEIC_KEYS);
            Node sequenceNode = body.require("sequence");
            String sequence = sequenceNode.requireString();
            letters("DNA", sequence, sequenceNode);
            List<Modification> modifications = serverModifications(body, "modificationType", "basePosition",
                    sequence, "DNA");
            return construct(body.path, () -> new DnaChain("A", sequence, modifications, null));
        }

        private Ligand serverLigand(Node body) {
            body.requireKeys(SERVER_LIGAND_KEYS);
            if (body.has("ligand")) {
                String code = body.get("ligand").requireString();
                return construct(body.path, () -> Ligand.ofCcd("A", code.startsWith("CCD_") ? code.substring(4)
                        : code));
            }
            if (body.has("ion")) {
                String ion = body.get("ion").requireString();
                return construct(body.path, () -> Ligand.ofCcd("A", ion));
            }
            throw error(body.path, "Unknown ligand type: set `ligand` or `ion`.");
        }

        /** Server modifications carry a {@code CCD_} prefix, stripped before AlphaFold 3's checks. */
        private List<Modification> serverModifications(Node body, String typeKey, String positionKey,
                                                       String sequence, String kind) {
            Node list = body.get("modifications");
            if (list == null || list.isNull()) {
                return List.of();
            }
            list.requireArray();
            List<Modification> stripped = new ArrayList<>();
            for (int k = 0; k < list.size(); k++) {
                Node mod = list.at(k).requireObject();
                String type = mod.require(typeKey).requireString();
                int position = mod.require(positionKey).requireInt();
                stripped.add(new Modification(type.startsWith("CCD_") ? type.substring(4) : type, position));
            }
            for (int k = 0; k < stripped.size(); k++) {
                int position = stripped.get(k).position();
                if (position < 1 || position > sequence.length()) {
                    throw error(list.path + "[" + k + "]." + positionKey, "Invalid " + kind
                            + " modification index: " + Modification.pythonRepr(stripped));
                }
            }
            return stripped;
        }

        // ---------------------------------------------------------------- helpers

        private boolean looksLikeExistingFile(String value) {
            if (value.codePointCount(0, value.length()) >= PATH_LIKE_LENGTH) {
                return false;
            }
            try {
                return Files.exists(Path.of(value));
            } catch (InvalidPathException e) {
                return false;
            }
        }

        private String readReferenced(String value, String path) {
            if (value.startsWith("gs://")) {
                throw error(path, "Google Cloud Storage paths are not supported: " + value);
            }
            Path file;
            try {
                file = Path.of(value);
            } catch (InvalidPathException e) {
                throw error(path, "Invalid path " + PythonJson.repr(value) + ": " + e.getReason());
            }
            if (!file.isAbsolute()) {
                Path parent = jsonPath == null ? null : jsonPath.toAbsolutePath().getParent();
                if (parent == null) {
                    throw error(path, "json_path must be specified if path is not absolute.");
                }
                file = parent.resolve(file).normalize();
            }
            try {
                return TextFiles.read(file);
            } catch (IOException e) {
                throw error(path, "Cannot read " + file + ": " + describe(e));
            }
        }

        private <T> T construct(String path, java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                throw error(path, e.getMessage());
            }
        }

        private List<Integer> intList(Node array) {
            List<Integer> values = new ArrayList<>();
            for (int k = 0; k < array.size(); k++) {
                values.add(array.at(k).requireInt());
            }
            return values;
        }

        InputException error(String path, String reason) {
            return new InputException(source, path, reason);
        }

        /** A JSON node with its path, for messages. */
        private final class Node {
            final JsonNode node;
            final String path;

            Node(JsonNode node, String path) {
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
            Node get(String key) {
                JsonNode child = node.get(key);
                return child == null ? null : new Node(child, path + "." + key);
            }

            Node at(int index) {
                return new Node(node.get(index), path + "[" + index + "]");
            }

            Node require(String key) {
                Node child = get(key);
                if (child == null) {
                    throw error(path, "Missing required field `" + key + "`.");
                }
                return child;
            }

            Node requireObject() {
                if (!node.isObject()) {
                    throw error(path, "Expected an object, got " + pyType(node) + ".");
                }
                return this;
            }

            Node requireArray() {
                if (!node.isArray()) {
                    throw error(path, "Expected a list, got " + pyType(node) + ".");
                }
                return this;
            }

            String requireString() {
                if (!node.isString()) {
                    throw error(path, "Expected a string, got " + pyType(node) + ": " + pyStr(node));
                }
                return node.stringValue();
            }

            int requireInt() {
                if (!isIntegralInt(node)) {
                    throw error(path, "Expected an integer, got " + pyType(node) + ": " + pyStr(node));
                }
                return node.intValue();
            }

            /** A string field that may be absent or null. */
            String optionalString(String key) {
                Node child = get(key);
                if (child == null || child.isNull()) {
                    return null;
                }
                return child.requireString();
            }

            void requireKeys(Set<String> allowed) {
                Set<String> unexpected = new TreeSet<>(node.propertyNames());
                unexpected.removeAll(allowed);
                if (!unexpected.isEmpty()) {
                    throw error(path, "Unexpected JSON keys in: " + String.join(", ", unexpected));
                }
            }
        }
    }

    // -------------------------------------------------------------------- Python-flavoured value helpers

    private static boolean isIntegralInt(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToInt();
    }

    private static boolean isIntegralIn(JsonNode node, int min, int max) {
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
    private static boolean truthy(JsonNode node) {
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

    private static boolean truthy(String value) {
        return value != null && !value.isEmpty();
    }

    private static String pyType(JsonNode node) {
        if (node.isObject()) {
            return "dict";
        }
        if (node.isArray()) {
            return "list";
        }
        if (node.isString()) {
            return "str";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isIntegralNumber()) {
            return "int";
        }
        if (node.isNumber()) {
            return "float";
        }
        return "NoneType";
    }

    /** Python's {@code str()} of a JSON value. */
    private static String pyStr(JsonNode node) {
        return node.isString() ? node.stringValue() : pyRepr(node);
    }

    private static String pyRepr(Collection<String> names) {
        return names.stream().map(PythonJson::repr).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Python's {@code repr()} of a JSON value, for messages. */
    private static String pyRepr(JsonNode node) {
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
