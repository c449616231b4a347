package org.foldbatch.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.foldbatch.util.PythonJson;

/**
 * Writes a {@link FoldInput} byte for byte as AlphaFold 3's {@code Input.to_json} does ({@code _data.json}): version
 * 4, Python's {@code json.dumps(indent=2)} layout with ASCII escapes, index arrays on one line.
 *
 * <p>Runs of consecutive chains that are identical apart from their ids become one entry with an id list. This is
 * what current AlphaFold 3 does ("group only consecutive identical chains to preserve chain order on a JSON
 * round-trip"); older releases merged non-adjacent copies too, which reordered chains on reload.
 */
public final class FoldInputWriter {

    private static final Pattern INDEX_ARRAY =
            Pattern.compile("(\"(?:queryIndices|templateIndices)\": \\[)([\\s\\d,]+)(\\],?)");
    private static final Pattern LINE_BREAK = Pattern.compile("\\n\\s+");

    private FoldInputWriter() {
    }

    public static String toJson(FoldInput input) {
        return write(input, false);
    }

    /** Writes {@link #toJson} to a file (the text is pure ASCII), replacing it if present. */
    public static void write(FoldInput input, Path file) {
        try {
            Files.writeString(file, toJson(input), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Same layout, but template pairs sorted by query index, so that equal inputs serialise identically. */
    static String canonicalJson(FoldInput input) {
        return write(input, true);
    }

    private static String write(FoldInput input, boolean canonical) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dialect", "alphafold3");
        root.put("version", 4);
        root.put("name", input.name());
        root.put("sequences", sequences(input.chains(), canonical));
        root.put("modelSeeds", input.modelSeeds());
        root.put("bondedAtomPairs", input.bondedAtomPairs().isEmpty() ? null : bonds(input.bondedAtomPairs()));
        root.put("userCCD", input.userCcd());
        return joinIndexArrays(PythonJson.dumps(root));
    }

    private static List<Object> sequences(List<Chain> chains, boolean canonical) {
        List<Object> sequences = new ArrayList<>();
        int start = 0;
        while (start < chains.size()) {
            int end = start + 1;
            while (end < chains.size() && chains.get(end).sameContentAs(chains.get(start))) {
                end++;
            }
            Object id;
            if (end - start > 1) {
                id = chains.subList(start, end).stream().map(Chain::id).toList();
            } else {
                id = chains.get(start).id();
            }
            sequences.add(entry(chains.get(start), id, canonical));
            start = end;
        }
        return sequences;
    }

    private static Map<String, Object> entry(Chain chain, Object id, boolean canonical) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        String type;
        if (chain instanceof ProteinChain p) {
            type = "protein";
            body.put("sequence", p.sequence());
            body.put("modifications", modifications(p.modifications(), "ptmType", "ptmPosition"));
            body.put("unpairedMsa", p.unpairedMsa());
            body.put("pairedMsa", p.pairedMsa());
            body.put("templates", p.templates() == null ? null : templates(p.templates(), canonical));
        } else if (chain instanceof RnaChain r) {
            type = "rna";
            body.put("sequence", r.sequence());
            body.put("modifications", modifications(r.modifications(), "modificationType", "basePosition"));
            body.put("unpairedMsa", r.unpairedMsa());
        } else if (chain instanceof DnaChain d) {
            type = "dna";
            body.put("sequence", d.sequence());
            body.put("modifications", modifications(d.modifications(), "modificationType", "basePosition"));
        } else {
            Ligand l = (Ligand) chain;
            type = "ligand";
            if (l.ccdCodes() != null) {
                body.put("ccdCodes", l.ccdCodes());
            } else {
                body.put("smiles", l.smiles());
            }
        }
        if (chain.description() != null) {
            body.put("description", chain.description());
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(type, body);
        return entry;
    }

    private static List<Object> modifications(List<Modification> modifications, String typeKey, String positionKey) {
        List<Object> out = new ArrayList<>();
        for (Modification m : modifications) {
            Map<String, Object> mod = new LinkedHashMap<>();
            mod.put(typeKey, m.type());
            mod.put(positionKey, m.position());
            out.add(mod);
        }
        return out;
    }

    private static List<Object> templates(List<Template> templates, boolean canonical) {
        List<Object> out = new ArrayList<>();
        for (Template t : templates) {
            Template template = canonical ? t.sorted() : t;
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("mmcif", template.mmcif());
            map.put("queryIndices", template.queryIndices());
            map.put("templateIndices", template.templateIndices());
            out.add(map);
        }
        return out;
    }

    private static List<Object> bonds(List<BondedAtomPair> bonds) {
        List<Object> out = new ArrayList<>();
        for (BondedAtomPair bond : bonds) {
            out.add(List.of(atom(bond.first()), atom(bond.second())));
        }
        return out;
    }

    private static List<Object> atom(BondAtom atom) {
        return List.of(atom.chainId(), atom.residueId(), atom.atomName());
    }

    /** AlphaFold 3 post-processes its JSON so that each index array sits on one line: {@code [0, 1, 2]}. */
    private static String joinIndexArrays(String json) {
        Matcher m = INDEX_ARRAY.matcher(json);
        StringBuilder out = new StringBuilder(json.length());
        while (m.find()) {
            String inner = LINE_BREAK.matcher(m.group(2).strip()).replaceAll(" ");
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + inner + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
