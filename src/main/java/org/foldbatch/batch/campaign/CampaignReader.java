package org.foldbatch.batch.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.foldbatch.batch.FoldJobParameters.Stages;
import org.foldbatch.util.PathSegments;
import org.foldbatch.input.Chain;
import org.foldbatch.input.ChainIds;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.input.InputException;
import org.foldbatch.input.Ligand;
import org.foldbatch.msa.SearchTool;
import org.springframework.scheduling.support.CronExpression;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a campaign file ({@code .yaml}, {@code .yml} or {@code .json}) and expands it into its fold inputs. Every
 * problem is reported as {@code <file>: <path>: <reason>} with the path in JSON-path form ({@code $.ligands[3].ccd}).
 */
public final class CampaignReader {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private static final Set<String> COMMON = Set.of("name", "mode", "stages", "schedule", "seeds", "maxTokens",
            "overLimit", "routeTo", "fixed", "searchEngine");
    private static final Map<CampaignMode, Set<String>> MODE_FIELDS = Map.of(
            CampaignMode.LIGAND_SCREEN, Set.of("ligands", "ligandFile"),
            CampaignMode.PULLDOWN, Set.of("partners", "partnerFile"),
            CampaignMode.ALL_VS_ALL, Set.of("members", "memberFile", "includeSelf"),
            CampaignMode.N_X_M, Set.of("left", "leftFile", "right", "rightFile"),
            CampaignMode.HOMO_OLIGOMER, Set.of("copies"),
            CampaignMode.SEED_SWEEP, Set.of());

    private final Path file;
    private final String where;

    private CampaignReader(Path file) {
        this.file = file;
        this.where = file.toString();
    }

    public static Campaign read(Path file) {
        return new CampaignReader(file).read();
    }

    /** The campaign files of a directory ({@code *.yaml, *.yml, *.json}), by file name. */
    public static List<Path> files(Path dir) {
        try (var stream = Files.list(dir)) {
            return stream.filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
        } catch (IOException e) {
            throw new CampaignException(dir.toString(), "$", "cannot list campaign files: " + e.getMessage(), e);
        }
    }

    private Campaign read() {
        JsonNode root = parse();
        if (!root.isObject()) {
            throw error("$", "a campaign is an object (name, mode, fixed, ...), got " + kind(root));
        }
        String name = root.has("name") ? string(root, "$", "name") : baseName();
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw error("$.name", "use letters, digits, '.', '-' and '_' only, got " + PathSegments.abbreviate(name));
        }
        String unsafe = PathSegments.problem(name);
        if (unsafe != null) {
            throw error("$.name", "the campaign name becomes a folder under --output-dir, but " + unsafe);
        }
        String modeLabel = requiredString(root, "$", "mode");
        CampaignMode mode = CampaignMode.ofLabel(modeLabel).orElseThrow(() ->
                error("$.mode", "unknown mode '" + modeLabel + "'; expected one of " + CampaignMode.labels()));
        Set<String> allowed = new TreeSet<>(COMMON);
        allowed.addAll(MODE_FIELDS.get(mode));
        for (String field : root.propertyNames()) {
            if (!allowed.contains(field)) {
                throw error("$." + field, "unknown field for mode " + mode.label() + "; allowed: " + allowed);
            }
        }
        String schedule = root.has("schedule") ? string(root, "$", "schedule") : null;
        if (schedule != null && !CronExpression.isValidExpression(schedule)) {
            throw error("$.schedule", "not a cron expression (six fields: second minute hour day month weekday, "
                    + "e.g. \"0 0 22 * * *\"): '" + schedule + "'");
        }
        Stages stages = stages(root);
        List<Long> seeds = root.has("seeds") ? seeds(root.get("seeds"), "$.seeds") : List.of(1L);
        TokenPolicy policy = policy(root);
        List<Entity> fixed = root.has("fixed") ? entities(root.get("fixed"), "$.fixed") : List.of();
        List<Candidate> candidates = switch (mode) {
            case LIGAND_SCREEN -> ligandScreen(root, name, seeds, needFixed(fixed, mode));
            case PULLDOWN -> each(name, seeds, needFixed(fixed, mode), members(root, "partners", "partnerFile"));
            case ALL_VS_ALL -> allVsAll(root, name, seeds, fixed);
            case N_X_M -> nxm(root, name, seeds, fixed);
            case HOMO_OLIGOMER -> homoOligomers(root, name, seeds, needFixed(fixed, mode));
            case SEED_SWEEP -> seedSweep(name, seeds, needFixed(fixed, mode));
        };
        if (candidates.isEmpty()) {
            throw error("$", "the campaign has no candidates");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            Integer before = seen.put(candidates.get(i).name(), i);
            if (before != null) {
                throw error("$", "candidates " + (before + 1) + " and " + (i + 1) + " are both named '"
                        + candidates.get(i).name() + "'; give them distinct names");
            }
        }
        return new Campaign(name, mode, stages, schedule, policy, candidates, file, searchEngine(root));
    }

    /** {@code searchEngine: jackhmmer | mmseqs2}: the engine of every protein search; absent, the settings'. */
    private SearchTool searchEngine(JsonNode root) {
        if (!root.has("searchEngine")) {
            return null;
        }
        String engine = string(root, "$", "searchEngine");
        if (engine.equals(SearchTool.JACKHMMER.engineName()) || engine.equals(SearchTool.MMSEQS2.engineName())) {
            return SearchTool.ofEngine(engine);
        }
        throw error("$.searchEngine", "expected jackhmmer or mmseqs2, got '" + engine + "'");
    }

    /** A chain of the campaign without its id (ids are given per fold), and the name it gives a candidate. */
    private record Entity(String name, Chain chain, String path) {
    }

    private List<Candidate> ligandScreen(JsonNode root, String campaign, List<Long> seeds, List<Entity> fixed) {
        List<Entity> ligands = new ArrayList<>();
        if (root.has("ligands")) {
            JsonNode list = root.get("ligands");
            if (!list.isArray()) {
                throw error("$.ligands",
                        "expected a list of CCD codes or {ccd|smiles, name} objects, got " + kind(list));
            }
            for (int i = 0; i < list.size(); i++) {
                ligands.add(ligand(list.get(i), "$.ligands[" + i + "]", i));
            }
        }
        if (root.has("ligandFile")) {
            Path ligandFile = resolve(string(root, "$", "ligandFile"));
            try {
                List<CandidateFiles.Entry> entries = CandidateFiles.ligands(ligandFile);
                for (int k = 0; k < entries.size(); k++) {
                    CandidateFiles.Entry e = entries.get(k);
                    Ligand ligand;
                    try {
                        ligand = Ligand.ofSmiles("A", e.value());
                    } catch (RuntimeException notSmiles) {
                        // The entry's text is the file's content: the message names file and entry, not the text.
                        throw error("$.ligandFile", ligandFile + ": entry " + (k + 1) + " is not a valid SMILES "
                                + "string; a ligand file is .smi (a SMILES and a name per line) or .sdf");
                    }
                    ligands.add(new Entity(e.name(), ligand, "$.ligandFile"));
                }
            } catch (CampaignException e) {
                throw e;
            } catch (RuntimeException e) {
                throw error("$.ligandFile", e.getMessage());
            }
        }
        if (ligands.isEmpty()) {
            throw error("$", "a ligand-screen needs ligands (a list) or ligandFile (.smi or .sdf)");
        }
        return each(campaign, seeds, fixed, ligands);
    }

    private Entity ligand(JsonNode node, String path, int index) {
        if (node.isString()) {
            String code = node.stringValue();
            return new Entity(code, construct(path, () -> Ligand.ofCcd("A", code)), path);
        }
        if (!node.isObject()) {
            throw error(path, "expected a CCD code or an object with ccd or smiles, got " + kind(node));
        }
        for (String field : node.propertyNames()) {
            if (!Set.of("ccd", "smiles", "name").contains(field)) {
                throw error(path + "." + field, "unknown field; a ligand has ccd (code or list) or smiles, and name");
            }
        }
        if (node.has("ccd") == node.has("smiles")) {
            throw error(path, "give exactly one of ccd or smiles");
        }
        String name = node.has("name") ? string(node, path, "name") : null;
        if (node.has("smiles")) {
            String smiles = string(node, path, "smiles");
            return new Entity(name != null ? name : "smiles" + (index + 1),
                    construct(path + ".smiles", () -> Ligand.ofSmiles("A", smiles)), path);
        }
        JsonNode ccd = node.get("ccd");
        List<String> codes = new ArrayList<>();
        if (ccd.isString()) {
            codes.add(ccd.stringValue());
        } else if (ccd.isArray() && !ccd.isEmpty()) {
            for (int i = 0; i < ccd.size(); i++) {
                if (!ccd.get(i).isString()) {
                    throw error(path + ".ccd[" + i + "]", "expected a CCD code, got " + kind(ccd.get(i)));
                }
                codes.add(ccd.get(i).stringValue());
            }
        } else {
            throw error(path + ".ccd", "expected a CCD code or a non-empty list of codes, got " + kind(ccd));
        }
        return new Entity(name != null ? name : String.join("-", codes),
                construct(path + ".ccd", () -> new Ligand("A", codes, null, null)), path);
    }

    private List<Candidate> allVsAll(JsonNode root, String campaign, List<Long> seeds, List<Entity> fixed) {
        List<Entity> members = members(root, "members", "memberFile");
        boolean includeSelf = !root.has("includeSelf") || bool(root, "includeSelf");
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            for (int j = includeSelf ? i : i + 1; j < members.size(); j++) {
                Entity a = members.get(i);
                Entity b = members.get(j);
                out.add(fold(campaign, a.name() + "__" + b.name(), seeds, fixed, List.of(a, b)));
            }
        }
        return out;
    }

    private List<Candidate> nxm(JsonNode root, String campaign, List<Long> seeds, List<Entity> fixed) {
        List<Entity> left = members(root, "left", "leftFile");
        List<Entity> right = members(root, "right", "rightFile");
        List<Candidate> out = new ArrayList<>();
        for (Entity l : left) {
            for (Entity r : right) {
                out.add(fold(campaign, l.name() + "__" + r.name(), seeds, fixed, List.of(l, r)));
            }
        }
        return out;
    }

    private List<Candidate> homoOligomers(JsonNode root, String campaign, List<Long> seeds, List<Entity> unit) {
        if (!root.has("copies")) {
            throw error("$", "a homo-oligomer series needs copies, e.g. [1, 2, 3, 4]");
        }
        JsonNode copies = root.get("copies");
        if (!copies.isArray() || copies.isEmpty()) {
            throw error("$.copies", "expected a non-empty list of copy numbers, got " + kind(copies));
        }
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < copies.size(); i++) {
            JsonNode n = copies.get(i);
            if (!n.isIntegralNumber() || n.asInt() < 1 || n.asInt() > 60) {
                throw error("$.copies[" + i + "]", "expected a whole number from 1 to 60, got " + n);
            }
            List<Entity> chains = new ArrayList<>();
            for (int c = 0; c < n.asInt(); c++) {
                chains.addAll(unit);
            }
            out.add(fold(campaign, "x" + n.asInt(), seeds, List.of(), chains));
        }
        return out;
    }

    private List<Candidate> seedSweep(String campaign, List<Long> seeds, List<Entity> fixed) {
        List<Candidate> out = new ArrayList<>();
        for (long seed : seeds) {
            out.add(fold(campaign, "seed" + seed, List.of(seed), fixed, List.of()));
        }
        return out;
    }

    private List<Candidate> each(String campaign, List<Long> seeds, List<Entity> fixed, List<Entity> candidates) {
        return candidates.stream().map(c -> fold(campaign, c.name(), seeds, fixed, List.of(c))).toList();
    }

    private Candidate fold(String campaign, String candidate, List<Long> seeds, List<Entity> fixed,
            List<Entity> extra) {
        String name = sanitise(candidate);
        List<Chain> chains = new ArrayList<>();
        for (Entity e : fixed) {
            chains.add(e.chain().withId(ChainIds.fromNumber(chains.size() + 1)));
        }
        for (Entity e : extra) {
            chains.add(e.chain().withId(ChainIds.fromNumber(chains.size() + 1)));
        }
        String path = extra.isEmpty() ? "$.fixed" : extra.get(extra.size() - 1).path();
        FoldInput input = construct(path, () -> FoldInput.of(campaign + "_" + name, seeds, chains));
        return new Candidate(name, input);
    }

    private List<Entity> members(JsonNode root, String listField, String fileField) {
        List<Entity> members = new ArrayList<>();
        if (root.has(listField)) {
            members.addAll(entities(root.get(listField), "$." + listField));
        }
        if (root.has(fileField)) {
            Path fasta = resolve(string(root, "$", fileField));
            try {
                for (CandidateFiles.Entry e : CandidateFiles.fasta(fasta)) {
                    members.add(new Entity(e.name(), construct("$." + fileField,
                            () -> org.foldbatch.input.ProteinChain.of("A", e.value())), "$." + fileField));
                }
            } catch (CampaignException e) {
                throw e;
            } catch (RuntimeException e) {
                throw error("$." + fileField, e.getMessage());
            }
        }
        if (members.isEmpty()) {
            throw error("$", "needs " + listField + " (a list of chains) or " + fileField
                    + " (a FASTA file of proteins)");
        }
        return members;
    }

    private List<Entity> needFixed(List<Entity> fixed, CampaignMode mode) {
        if (fixed.isEmpty()) {
            throw error("$.fixed", "mode " + mode.label() + " needs the fixed chains (a list of protein/rna/dna/ligand"
                    + " entries as in AlphaFold 3's sequences, without ids)");
        }
        return fixed;
    }

    private List<Entity> entities(JsonNode list, String path) {
        if (!list.isArray()) {
            throw error(path, "expected a list of chains ({protein: {sequence: ...}}, ...), got " + kind(list));
        }
        List<Entity> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(entity(list.get(i), path + "[" + i + "]", i));
        }
        return out;
    }

    /** One chain in AlphaFold 3's sequences form ({"protein": {...}}), without an id, with an optional name. */
    private Entity entity(JsonNode node, String path, int index) {
        if (!node.isObject()) {
            throw error(path, "expected a chain such as {protein: {sequence: ...}}, got " + kind(node));
        }
        String type = null;
        for (String field : node.propertyNames()) {
            if (Set.of("protein", "rna", "dna", "ligand").contains(field)) {
                if (type != null) {
                    throw error(path, "give one of protein, rna, dna or ligand per entry, got " + type + " and "
                            + field);
                }
                type = field;
            } else if (!field.equals("name")) {
                throw error(path + "." + field, "unknown field; an entry is {protein|rna|dna|ligand: {...}, name}");
            }
        }
        if (type == null) {
            throw error(path, "expected one of protein, rna, dna or ligand");
        }
        JsonNode body = node.get(type);
        if (!body.isObject()) {
            throw error(path + "." + type, "expected an object, got " + kind(body));
        }
        if (body.has("id")) {
            throw error(path + "." + type + ".id",
                    "chain ids are assigned by the campaign (fixed chains first); remove it");
        }
        ObjectNode withId = ((ObjectNode) body.deepCopy()).put("id", "A");
        ObjectNode doc = JSON.createObjectNode().put("dialect", "alphafold3").put("version", 4).put("name", "entry");
        doc.putArray("modelSeeds").add(1);
        ArrayNode sequences = doc.putArray("sequences");
        sequences.addObject().set(type, withId);
        Chain chain;
        try {
            chain = new FoldInputLoader().parse(JSON.writeValueAsString(doc), file).get(0).chains().get(0);
        } catch (InputException e) {
            String inner = e.jsonPath().startsWith("$.sequences[0]") ? e.jsonPath().substring("$.sequences[0]".length())
                    : "";
            throw error(path + inner, e.reason());
        }
        String name = node.has("name") ? string(node, path, "name") : defaultName(chain, index);
        return new Entity(name, chain, path);
    }

    private static String defaultName(Chain chain, int index) {
        if (chain.description() != null && !chain.description().isBlank()) {
            return chain.description().strip().split("\\s+")[0];
        }
        if (chain instanceof Ligand l && !l.isSmiles()) {
            return String.join("-", l.ccdCodes());
        }
        return chain.getClass().getSimpleName().replace("Chain", "").toLowerCase(Locale.ROOT) + (index + 1);
    }

    /** Campaigns run the data pipeline at least; the default stays "data" until the fold job has inference. */
    private Stages stages(JsonNode root) {
        if (!root.has("stages")) {
            return Stages.DATA_PIPELINE;
        }
        String label = string(root, "$", "stages");
        for (Stages s : Stages.values()) {
            if (s.label().equals(label) && s.runsDataPipeline()) {
                return s;
            }
        }
        throw error("$.stages", "expected data, data+features or data+features+inference, got '" + label + "'");
    }

    private TokenPolicy policy(JsonNode root) {
        if (!root.has("maxTokens")) {
            if (root.has("overLimit") || root.has("routeTo")) {
                throw error("$", "overLimit and routeTo need maxTokens");
            }
            return TokenPolicy.NONE;
        }
        JsonNode max = root.get("maxTokens");
        if (!max.isIntegralNumber() || max.asLong() < 1 || max.asLong() > Integer.MAX_VALUE) {
            throw error("$.maxTokens", "expected a positive whole number of tokens, got " + max);
        }
        String over = root.has("overLimit") ? string(root, "$", "overLimit") : "reject";
        TokenPolicy.OverLimit action = switch (over) {
            case "reject" -> TokenPolicy.OverLimit.REJECT;
            case "route" -> TokenPolicy.OverLimit.ROUTE;
            default -> throw error("$.overLimit", "expected reject or route, got '" + over + "'");
        };
        String routeTo = root.has("routeTo") ? string(root, "$", "routeTo") : null;
        if (action == TokenPolicy.OverLimit.ROUTE && routeTo == null) {
            throw error("$.routeTo", "overLimit: route needs routeTo (the queue large inputs go to)");
        }
        return new TokenPolicy(max.asInt(), action, routeTo);
    }

    private List<Long> seeds(JsonNode node, String path) {
        if (!node.isArray() || node.isEmpty()) {
            throw error(path, "expected a non-empty list of seeds, got " + kind(node));
        }
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode s = node.get(i);
            if (!s.isIntegralNumber() || s.asLong() < 0 || s.asLong() > FoldInput.MAX_SEED) {
                throw error(path + "[" + i + "]", "seeds are whole numbers from 0 to 4294967295, got " + s);
            }
            seeds.add(s.asLong());
        }
        return seeds;
    }

    private JsonNode parse() {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw error("$", "cannot read the campaign file: " + e.getMessage());
        }
        String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = fileName.endsWith(".json") ? JSON : YAML;
        try {
            JsonNode root = mapper.readTree(text);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw error("$", "the file is empty");
            }
            return root;
        } catch (JacksonException e) {
            String at = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw error("$", "not valid " + (mapper == JSON ? "JSON" : "YAML") + ": " + e.getOriginalMessage() + at);
        }
    }

    private String requiredString(JsonNode node, String path, String field) {
        if (!node.has(field)) {
            throw error(path.equals("$") ? "$" : path, "missing required field " + field);
        }
        return string(node, path, field);
    }

    private String string(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (!value.isString() || value.stringValue().isBlank()) {
            throw error(path + "." + field, "expected a non-empty string, got " + kind(value));
        }
        return value.stringValue();
    }

    private boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            throw error("$." + field, "expected true or false, got " + kind(value));
        }
        return value.booleanValue();
    }

    private <T> T construct(String path, java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
    }

    private Path resolve(String relative) {
        Path p = Path.of(relative);
        Path dir = file.toAbsolutePath().getParent();
        return p.isAbsolute() || dir == null ? p : dir.resolve(p);
    }

    private String baseName() {
        return file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    }

    private static String sanitise(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_.+-]", "_");
        return s.isEmpty() ? "_" : s;
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isString()) {
            return "the string '" + node.stringValue() + "'";
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.toString();
        }
        return node.isArray() ? "a list" : "an object";
    }

    private CampaignException error(String path, String reason) {
        return new CampaignException(where, path, reason);
    }
}
